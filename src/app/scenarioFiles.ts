// Scenario files a teacher picks or drops on the title screen, checked in the browser by the same
// core loader as `npx backchannel validate`, with the same lines: the size limit before the file is
// read, the file type, then every parse and schema error with its line or path. The loader (the YAML
// parser and the schema) is fetched only when a file is loaded, so it costs the game page nothing.
import { scenarioOkLine, scenarioSizeProblem, scenarioTypeProblem } from '../core/scenario/files';
import type { Scenario } from '../core/scenario/schema';
import { m } from '../i18n';

/** What the browser gives for a picked or dropped file (a DOM File), reduced to what is used. */
export interface PickedFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

export type ScenarioFileResult = { ok: true; scenario: Scenario; hash: string; lines: string[] } | { ok: false; lines: string[] };

/** Checks a scenario file. `lines` are exactly what `validate <name>` prints (without its `error: ` prefix). */
export async function checkScenarioFile(file: PickedFile): Promise<ScenarioFileResult> {
  const early = scenarioSizeProblem(file.name, file.size) ?? scenarioTypeProblem(file.name);
  if (early) return { ok: false, lines: [early] };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, lines: [m.app.fileUnreadable(file.name)] };
  }
  let loader: typeof import('../core/scenario/loader');
  try {
    loader = await import('../core/scenario/loader');
  } catch {
    return {
      ok: false,
      lines: [m.app.checkerUnavailable(file.name)],
    };
  }
  const result = loader.loadScenarioText(text, file.name);
  if (!result.ok) return { ok: false, lines: result.errors };
  return { ok: true, scenario: result.scenario, hash: result.sha256, lines: [scenarioOkLine(result.scenario, file.name)] };
}

/** Whether a dropped file is a replay rather than a scenario: a `.replay.json` name or a replay's format field. */
export async function looksLikeReplay(file: PickedFile): Promise<boolean> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.replay.json')) return true;
  if (!name.endsWith('.json') || file.size > 5_000_000) return false;
  try {
    return /"format"\s*:\s*"backchannel-replay"/.test(await file.text());
  } catch {
    return false;
  }
}
