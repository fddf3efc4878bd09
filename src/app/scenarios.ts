// The scenarios the game knows: scenarios/*.yaml, validated by the core loader at build time
// (vite.config.ts) so the browser gets checked data or the list of errors to show on the title
// screen; and, for this page's lifetime, scenario files a teacher loads on the title screen (checked
// in the browser by the same loader, see scenarioFiles.ts). A loaded file with a bundled scenario's id
// takes its place: a teacher's edited copy of a bundled scenario is the one they mean to play.
import bundled, { defaultScenario } from 'virtual:backchannel-scenarios';
import type { Scenario } from '../core/scenario/schema';
import { quote } from '../core/words';
import { m } from '../i18n';

export type LoadedScenario = { ok: true; scenario: Scenario; hash: string } | { ok: false; errors: string[] };

export interface BundledScenario {
  id: string;
  file: string;
  result: LoadedScenario;
}

export interface KnownScenario extends BundledScenario {
  /** Loaded from a file on this page, not built into the game. */
  fromFile: boolean;
}

/** Bundled scenarios, the default (the build names it: vite.config.ts) first, then the rest by id. */
export const BUNDLED: BundledScenario[] = [...(bundled as BundledScenario[])].sort((a, b) =>
  a.id === defaultScenario ? -1 : b.id === defaultScenario ? 1 : a.id.localeCompare(b.id),
);

/** The scenario the title screen opens on: the build's default, or the first bundled one if it has none. */
export const DEFAULT_SCENARIO: string = BUNDLED.some((s) => s.id === defaultScenario) ? defaultScenario : (BUNDLED[0]?.id ?? '');

/** Files loaded on this page, in the order they were loaded, by scenario id. */
const fromFiles = new Map<string, BundledScenario>();

/** Every scenario that can be chosen: the bundled ones (or a loaded file in a bundled one's place), then loaded files. */
export function knownScenarios(): KnownScenario[] {
  const listed: KnownScenario[] = BUNDLED.map((s) => {
    const file = fromFiles.get(s.id);
    return file ? { ...file, fromFile: true } : { ...s, fromFile: false };
  });
  for (const [id, file] of fromFiles) if (!BUNDLED.some((s) => s.id === id)) listed.push({ ...file, fromFile: true });
  return listed;
}

/** Adds a checked scenario file (replacing an earlier file with the same id). */
export function addScenarioFile(entry: BundledScenario): void {
  fromFiles.delete(entry.id);
  fromFiles.set(entry.id, entry);
}

/** Forgets loaded files (tests). */
export function forgetScenarioFiles(): void {
  fromFiles.clear();
}

export function loadScenario(id: string): LoadedScenario {
  const entry = knownScenarios().find((s) => s.id === id);
  return entry
    ? entry.result
    : {
        ok: false,
        errors: [
          m.app.unknownScenario(
            quote(id, 40, '""'),
            knownScenarios().map((s) => s.id),
          ),
        ],
      };
}
