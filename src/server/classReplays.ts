// A class's tables read back from the database: each re-played from its stored turns (every checksum
// checked) into the replay file `replay verify` accepts, for the class debrief, its zip download, and
// the rows of tables whose rooms have gone.
import { strToU8, zipSync } from 'fflate';
import { type Replay, replayToText, verifyReplay } from '../core/replay';
import type { Scenario } from '../core/scenario/schema';
import { bySide } from '../core/sides';
import type { GameState, Side } from '../core/types';
import type { TableSummary } from './classProtocol';
import { tableSummary } from './classSummary';
import type { Store, TableRecord } from './store';
import { TableRoom, tableReplay } from './tableRoom';

export interface ClassTableReplay {
  code: string;
  teams: Record<Side, string | null>;
  ended: boolean;
  replay: Replay;
}

type Scenarios = (id: string) => { scenario: Scenario; sha256: string } | null;

/** One table's replay: its turns so far (a table still playing ends its file where it is now), and its state now. */
async function readTable(store: Store, scenarios: Scenarios, table: TableRecord): Promise<{ entry: ClassTableReplay; state: GameState }> {
  const found = scenarios(table.scenarioId);
  if (!found) throw new Error(`table ${table.code}: unknown scenario "${table.scenarioId}"`);
  if (found.sha256 !== table.scenarioSha)
    throw new Error(`table ${table.code}: scenario "${table.scenarioId}" has changed since it was played`);
  const turns = await store.turns(table.code);
  const checked = verifyReplay(found.scenario, found.sha256, tableReplay(table, found.scenario, turns, null), { skipFinal: true });
  if (!checked.ok) throw new Error(`table ${table.code}: ${checked.error}`);
  const entry = {
    code: table.code,
    teams: table.names,
    ended: table.endedAt !== null,
    replay: tableReplay(table, found.scenario, turns, checked.state),
  };
  return { entry, state: checked.state };
}

/** Every table of a class, oldest first; a table that cannot be read is named in `problems`. */
export async function classReplays(
  store: Store,
  scenarios: Scenarios,
  classCode: string,
): Promise<{ tables: ClassTableReplay[]; problems: string[] }> {
  const tables: ClassTableReplay[] = [];
  const problems: string[] = [];
  for (const t of await store.classTables(classCode)) {
    try {
      tables.push((await readTable(store, scenarios, t)).entry);
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e));
    }
  }
  return { tables, problems };
}

/** The replays as one zip: `backchannel-<CLASS>-<n>-<TABLE>.replay.json` each. */
export function replaysZip(classCode: string, tables: readonly ClassTableReplay[]): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  tables.forEach((t, i) => {
    files[`backchannel-${classCode}-${String(i + 1).padStart(2, '0')}-${t.code}.replay.json`] = strToU8(replayToText(t.replay));
  });
  return zipSync(files, { level: 6 });
}

/** The grid row of a table whose room has gone (it ended), from its stored turns. */
export async function tableRowFromStore(code: string, scenario: Scenario): Promise<TableSummary> {
  const { store, scenario: find } = TableRoom.services;
  const record = await store.getTable(code);
  if (!record) throw new Error(`no table ${code}`);
  const { entry, state } = await readTable(store, find, record);
  const settings = record.takeovers.at(-1)?.settings ?? record.settings;
  const endedAt = record.endedAt ? Date.parse(record.endedAt) : null;
  return tableSummary(
    scenario,
    code,
    state,
    settings,
    record.names,
    bySide(scenario, () => false),
    entry.replay.log.length,
    endedAt,
    null,
  );
}
