// Opening replay files in the browser: parse, check the envelope and the scenario, then re-play the
// log from the seed. Every failure is one plain sentence (version, scenario, the turn that differs),
// never an exception.
import type { GamePhase } from '../core/machine';
import { type Replay, readReplay, verifyReplay } from '../core/replay';
import type { Scenario } from '../core/scenario/schema';
import type { GameState } from '../core/types';
import { knownScenarios, loadScenario } from './scenarios';
import type { SessionStart } from './session';

export interface OpenedReplay {
  scenario: Scenario;
  scenarioHash: string;
  replay: Replay;
  /** The state after the last turn, and (with `keepStates`) after every turn. */
  state: GameState;
  states: GameState[];
  checksum: string;
}

export type OpenResult = { ok: true; opened: OpenedReplay } | { ok: false; error: string };

/** Reads a replay (its JSON text or the parsed value) and verifies it against the bundled scenario. */
export function openReplay(input: unknown, opts: { keepStates?: boolean } = {}): OpenResult {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (err) {
      return { ok: false, error: `the file is not valid JSON (${err instanceof Error ? err.message : String(err)})` };
    }
  }
  const read = readReplay(value);
  if (!read.ok) return read;
  const { replay } = read;
  const loaded = loadScenario(replay.scenario.id);
  const known = knownScenarios();
  if (!known.some((s) => s.id === replay.scenario.id))
    return {
      ok: false,
      error: `the replay is for scenario "${replay.scenario.id}", which this game does not have (it has ${known.map((s) => s.id).join(', ')}; if it came from a scenario file, load that file on the title screen first)`,
    };
  if (!loaded.ok) return { ok: false, error: `scenario "${replay.scenario.id}" has errors and cannot be played` };
  const verified = verifyReplay(loaded.scenario, loaded.hash, replay, { keepStates: opts.keepStates ?? false });
  if (!verified.ok) return { ok: false, error: verified.error };
  return {
    ok: true,
    opened: {
      scenario: loaded.scenario,
      scenarioHash: loaded.hash,
      replay,
      state: verified.state,
      states: verified.states ?? [],
      checksum: verified.checksum,
    },
  };
}

/** The screen a rebuilt game belongs on. The saved view is only a cache: the game state decides. */
export function phaseFor(game: GameState, turns: number, savedView: string | null): GamePhase {
  if (game.phase === 'ended') return savedView === 'debrief' ? 'debrief' : 'outcome';
  if (game.phase === 'rounds') return 'rounds';
  return turns === 0 && savedView === 'briefing' ? 'briefing' : 'agenda';
}

/** A verified replay as a game to go on with, on the screen its state belongs to. */
export function startFrom(opened: OpenedReplay, savedView: string | null): SessionStart {
  const { replay, state } = opened;
  return {
    phase: phaseFor(state, replay.log.length, savedView),
    game: state,
    actions: replay.log,
    checksums: replay.checksums,
    record: { settings: replay.settings, takeovers: replay.takeovers ?? [], parent: replay.parent ?? null },
  };
}
