// Opening replay files in the browser: parse, check the envelope and the scenario, then re-play the
// log from the seed. Every failure is one plain sentence (version, scenario, the turn that differs),
// never an exception.
import type { GamePhase } from '../core/machine';
import { type Replay, readReplay, verifyReplay } from '../core/replay';
import type { Scenario } from '../core/scenario/schema';
import type { GameState } from '../core/types';
import { quote, shortText } from '../core/words';
import { f, m } from '../i18n';
import { plainCopy } from './plainJson';
import { knownScenarios, loadScenario } from './scenarios';
import type { SessionStart } from './session';

export interface OpenedReplay {
  scenario: Scenario;
  scenarioHash: string;
  replay: Replay;
  /** The state after the last turn. */
  state: GameState;
  checksum: string;
}

export type OpenResult = { ok: true; opened: OpenedReplay } | { ok: false; error: string };

/**
 * Reads a replay (its JSON text or the parsed value) and verifies it against the bundled scenario.
 * `keepStates` is accepted for older callers and ignored: the viewer keeps its own snapshots.
 */
export function openReplay(input: unknown, opts: { keepStates?: boolean } = {}): OpenResult {
  // Nothing in a replay may stop the page: whatever throws on the way (a reader's stack overflowing
  // on a value nested 20,000 deep) is a plain reason like any other (issue 18).
  try {
    return openChecked(input, opts);
  } catch (err) {
    return { ok: false, error: m.app.replayUnreadable(shortText(err instanceof Error ? err.message : String(err), 200)) };
  }
}

function openChecked(input: unknown, opts: { keepStates?: boolean }): OpenResult {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
    } catch (err) {
      return { ok: false, error: m.app.notJson(shortText(err instanceof Error ? err.message : String(err), 200)) };
    }
  }
  // Plain data within limits before any reader sees it (no nesting deeper than a replay has, no
  // self-reference, no getter).
  const plain = plainCopy(value, 'the replay');
  if (!plain.ok) return plain;
  const read = readReplay(plain.value);
  if (!read.ok) return read;
  const { replay } = read;
  const loaded = loadScenario(replay.scenario.id);
  const known = knownScenarios();
  if (!known.some((s) => s.id === replay.scenario.id))
    return {
      ok: false,
      error: m.app.replayOfUnknownScenario(
        quote(replay.scenario.id, 40, '""'),
        known.map((s) => s.id),
      ),
    };
  if (!loaded.ok) return { ok: false, error: m.app.replayScenarioHasErrors(quote(replay.scenario.id, 40, '""')) };
  // `keepStates` is no longer passed on: a copy of the whole state per turn grew with the square of the
  // replay's length. The viewer re-plays once and keeps snapshots (src/app/viewer.ts).
  void opts;
  const verified = verifyReplay(loaded.scenario, loaded.hash, replay);
  if (!verified.ok) return { ok: false, error: verified.error };
  return {
    ok: true,
    opened: {
      scenario: loaded.scenario,
      scenarioHash: loaded.hash,
      replay,
      state: verified.state,
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

/** The turn a fork branched at, as a screen shows it: a turn number, or the value quoted and cut if it is not one. */
export function forkTurnText(parent: { forkTurn?: unknown } | null | undefined): string | null {
  if (!parent) return null;
  const turn = parent.forkTurn;
  return typeof turn === 'number' && Number.isInteger(turn) && turn >= 0 ? f.num(turn) : quote(turn, 12);
}
