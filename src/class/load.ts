// Loading a class's replay files: each is parsed, checked (format, versions) and re-played against
// the bundled scenario. A bad file becomes a plain reason next to its name; the others still load.

import { plainCopy } from '../app/plainJson';
import type { TableInput } from '../core/classroom';
import { type Replay, readReplay, verifyReplay } from '../core/replay';
import type { Scenario } from '../core/scenario/schema';
import { quote, shortText } from '../core/words';
import { m } from '../i18n';

/** The most tables one debrief compares (a large class split into pairs). */
export const MAX_TABLES = 40;
/** A replay of a whole game is tens of kilobytes; anything far larger is not one. */
export const MAX_FILE_BYTES = 5_000_000;

export interface KnownScenario {
  id: string;
  scenario: Scenario;
  hash: string;
}

export interface ReplayFile {
  name: string;
  text: string;
}

export interface LoadedTable extends TableInput {
  replay: Replay;
  scenarioId: string;
}

export interface FileProblem {
  name: string;
  /** Where in the file, as `line:column`, when the problem has a place. */
  at?: string;
  reason: string;
}

export type TableResult = { ok: true; table: LoadedTable } | { ok: false; problem: FileProblem };

/**
 * One replay file, verified against the scenario it names. Never throws: whatever goes wrong on the
 * way (a reader's stack overflowing on a key nested 20,000 deep) is the file's reason, in words,
 * cut to a sane length, and the next file loads (issue 18).
 */
export function loadTable(file: ReplayFile, scenarios: readonly KnownScenario[]): TableResult {
  const fail = (reason: string): TableResult => ({ ok: false, problem: { name: file.name, reason: shortText(reason) } });
  try {
    return loadChecked(file, scenarios, fail);
  } catch (e) {
    return fail(m.cls.couldNotReadBecause(e instanceof Error ? e.message : String(e)));
  }
}

function loadChecked(file: ReplayFile, scenarios: readonly KnownScenario[], fail: (reason: string) => TableResult): TableResult {
  if (file.text.trim() === '') return fail(m.cls.fileEmpty);
  let parsed: unknown;
  try {
    parsed = JSON.parse(file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text);
  } catch (e) {
    return fail(m.cls.notJson(e instanceof Error ? e.message : String(e)));
  }
  // Plain data within limits before any reader sees it (no nesting deeper than a replay has).
  const value = plainCopy(parsed, 'the file');
  if (!value.ok) return fail(value.error);
  const read = readReplay(value.value);
  if (!read.ok) return fail(read.error);
  const { replay } = read;
  const known = scenarios.find((s) => s.id === replay.scenario.id);
  if (!known)
    return fail(
      m.cls.unknownScenario(
        quote(replay.scenario.id, 40, '""'),
        scenarios.map((s) => `"${s.id}"`),
      ),
    );
  const verified = verifyReplay(known.scenario, known.hash, replay);
  if (!verified.ok) return fail(verified.error);
  return { ok: true, table: { name: file.name, state: verified.state, log: replay.log, replay, scenarioId: known.id } };
}

export interface ClassSet {
  tables: LoadedTable[];
  problems: FileProblem[];
  /** Files left out because the class already had MAX_TABLES tables. */
  skipped: string[];
}

export const emptyClass = (): ClassSet => ({ tables: [], problems: [], skipped: [] });

/**
 * Adds one file to the class. The first table fixes the scenario; a table of another scenario, a file
 * already loaded, or one beyond MAX_TABLES is reported instead of mixed in.
 */
export function addTable(set: ClassSet, file: ReplayFile, scenarios: readonly KnownScenario[]): ClassSet {
  if (set.tables.length >= MAX_TABLES) return { ...set, skipped: [...set.skipped, file.name] };
  if (set.tables.some((t) => t.name === file.name))
    return { ...set, problems: [...set.problems, { name: file.name, reason: m.cls.alreadyLoaded }] };
  const result = loadTable(file, scenarios);
  if (!result.ok) return { ...set, problems: [...set.problems, result.problem] };
  const first = set.tables[0];
  if (first && first.scenarioId !== result.table.scenarioId) {
    const reason = m.cls.otherScenario(quote(result.table.scenarioId, 40, '""'), quote(first.scenarioId, 40, '""'));
    return { ...set, problems: [...set.problems, { name: file.name, reason }] };
  }
  return { ...set, tables: [...set.tables, result.table] };
}

/**
 * Adds a replay the game server sent (a class's table, still playing or ended) through the same
 * checks as a file: it is written out as the file would be and verified like one.
 */
export function addReplay(set: ClassSet, name: string, replay: unknown, scenarios: readonly KnownScenario[]): ClassSet {
  let text: string;
  try {
    text = JSON.stringify(replay) ?? '';
  } catch {
    text = '';
  }
  return addTable(set, { name, text }, scenarios);
}
