// The replay viewer: a verified replay as the state after every turn, a cursor over them, and the
// way out of it: take over a seat at any step and play on live ("what if…?").
//
// Its cost grows with the replay's length, not its square: the log is re-played once, keeping for
// every turn only how long each append-only log was (and its round), and every SNAPSHOT_EVERY turns
// a copy of the state's head (the state without those logs, whose size does not grow). The state
// at a step is rebuilt on demand from the nearest snapshot, the final logs cut to their lengths,
// and at most SNAPSHOT_EVERY − 1 turns re-played (docs/performance.md, "Replay viewer").
import { runAi } from '../core/machine';
import { forkReplay } from '../core/replay';
import { applySeatActionInPlace } from '../core/rules';
import type { Side } from '../core/scenario/constants';
import { bySide, otherSide } from '../core/sides';
import { changeControllers, createGame, isAiController, personalityOf } from '../core/state';
import { type Controller, controllerOf, type GameState, type LogEntry, type RiskEntry, type Settings } from '../core/types';
import { type OpenedReplay, phaseFor } from './replays';
import type { GameChoice, SessionStart } from './session';

/** A snapshot of the head every this many turns: a state costs at most this many re-played turns. */
export const SNAPSHOT_EVERY = 32;

/** The logs a turn only ever appends to (as in src/core/checksum.ts): shared, cut to length, never copied. */
const APPEND_ONLY = ['log', 'risk', 'offerHistory', 'utilityByRound', 'journal', 'guesses', 'eventsSeen'] as const;
type AppendOnly = (typeof APPEND_ONLY)[number];
type Head = Omit<GameState, AppendOnly>;

function headOf(state: GameState): Head {
  const head: Record<string, unknown> = { ...state };
  for (const key of APPEND_ONLY) delete head[key];
  return structuredClone(head) as Head;
}

export interface RoundMark {
  round: number;
  /** The first step whose state is in this round. */
  step: number;
}

export class ReplayViewer {
  step = 0;
  /** Whether the view is stepping by itself (the timer lives in the scene, never in the rules). */
  playing = false;
  /** Turns re-played to open the replay and to rebuild states since (grows with the length, not its square). */
  replayedTurns = 0;
  /** lengths[step * APPEND_ONLY.length + k]: how long log k was after `step` turns. */
  private readonly lengths: Int32Array;
  /** The round of each step. */
  private readonly roundOf: Int32Array;
  /** heads[i]: the head after i × SNAPSHOT_EVERY turns. */
  private readonly heads: Head[] = [];
  /** The logs after the last turn: every earlier state's logs are a prefix of these. */
  private readonly logs: Pick<GameState, AppendOnly>;
  /** The states last asked for (a view asks for a step and the one before it, again and again). */
  private readonly recent = new Map<number, GameState>();

  constructor(readonly opened: OpenedReplay) {
    const { scenario, replay } = opened;
    const turns = replay.log.length;
    this.lengths = new Int32Array((turns + 1) * APPEND_ONLY.length);
    this.roundOf = new Int32Array(turns + 1);
    let state = createGame(scenario, replay.seed, replay.settings);
    const atStart = replay.takeovers?.find((t) => t.afterTurn === 0);
    if (atStart) state = changeControllers(scenario, state, atStart.settings);
    this.record(0, state);
    for (let step = 0; step < turns; step++) {
      const next = this.replayTurn(state, step);
      if (!next) break;
      state = next;
      this.record(step + 1, state);
    }
    this.logs = state;
    this.remember(turns, state);
  }

  /** The state after `step` turns and the next turn's take-over, then that turn played (null if it is refused). */
  private replayTurn(state: GameState, step: number): GameState | null {
    const { scenario, replay } = this.opened;
    let next = state;
    if (step > 0) for (const t of replay.takeovers ?? []) if (t.afterTurn === step) next = changeControllers(scenario, next, t.settings);
    const entry = replay.log[step];
    if (!entry) return null;
    this.replayedTurns += 1;
    // The replay was verified before it reached the viewer: a refusal here would be a bug, and stops the re-play.
    return applySeatActionInPlace(scenario, next, entry.side, entry.action) === null ? next : null;
  }

  private record(step: number, state: GameState): void {
    APPEND_ONLY.forEach((key, k) => {
      this.lengths[step * APPEND_ONLY.length + k] = state[key].length;
    });
    this.roundOf[step] = state.round;
    if (step % SNAPSHOT_EVERY === 0) this.heads.push(headOf(state));
  }

  private remember(step: number, state: GameState): GameState {
    this.recent.delete(step);
    this.recent.set(step, state);
    if (this.recent.size > 4) this.recent.delete(this.recent.keys().next().value as number);
    return state;
  }

  get scenario() {
    return this.opened.scenario;
  }

  get replay() {
    return this.opened.replay;
  }

  get steps(): number {
    return this.roundOf.length - 1;
  }

  /** The game after `step` turns (0: before the first move). Do not change it: it shares the logs. */
  stateAt(step: number): GameState {
    const s = Math.max(0, Math.min(this.steps, Math.trunc(step)));
    const known = this.recent.get(s);
    if (known) return this.remember(s, known);
    const base = Math.floor(s / SNAPSHOT_EVERY) * SNAPSHOT_EVERY;
    let state = structuredClone(this.heads[base / SNAPSHOT_EVERY] as Head) as GameState;
    const at = base * APPEND_ONLY.length;
    APPEND_ONLY.forEach((key, k) => {
      (state as unknown as Record<AppendOnly, unknown[]>)[key] = this.logs[key].slice(0, this.lengths[at + k]);
    });
    for (let t = base; t < s; t++) state = this.replayTurn(state, t) ?? state;
    return this.remember(s, state);
  }

  /** The states step by step (states[i] is the game after i turns), each rebuilt when it is read. */
  get states(): readonly GameState[] {
    const length = this.steps + 1;
    return new Proxy([] as GameState[], {
      get: (target, key, receiver) => {
        if (key === 'length') return length;
        if (typeof key === 'string' && /^\d+$/.test(key)) return Number(key) < length ? this.stateAt(Number(key)) : undefined;
        return Reflect.get(target, key, receiver);
      },
      has: (target, key) => (typeof key === 'string' && /^\d+$/.test(key) ? Number(key) < length : Reflect.has(target, key)),
    });
  }

  get state(): GameState {
    return this.stateAt(this.step);
  }

  get atEnd(): boolean {
    return this.step === this.steps;
  }

  stepTo(step: number): void {
    this.step = Math.max(0, Math.min(this.steps, Math.round(step)));
    if (this.atEnd) this.playing = false;
  }

  /** Who made the move of the current step, and what it was (null at step 0). */
  get move() {
    return this.step === 0 ? null : (this.replay.log[this.step - 1] ?? null);
  }

  private appended<K extends 'log' | 'risk'>(key: K, step: number): GameState[K] {
    if (step <= 0 || step > this.steps) return [];
    const k = APPEND_ONLY.indexOf(key);
    const from = this.lengths[(step - 1) * APPEND_ONLY.length + k] as number;
    const to = this.lengths[step * APPEND_ONLY.length + k] as number;
    return this.logs[key].slice(from, to) as GameState[K];
  }

  /** What the narrative log gained with this step: the move, the events it triggered, the round's end. */
  entries(step = this.step): LogEntry[] {
    return this.appended('log', step);
  }

  /** The changes in escalation risk this step caused, each with its cause. */
  risk(step = this.step): RiskEntry[] {
    return this.appended('risk', step);
  }

  /** Where each round begins (round 0 is the agenda dispute). */
  rounds(): RoundMark[] {
    const marks: RoundMark[] = [];
    const seen = new Set<number>();
    this.roundOf.forEach((round, step) => {
      if (seen.has(round)) return;
      seen.add(round);
      marks.push({ round, step });
    });
    return marks;
  }

  /** Whether a seat can be taken over at the current step (not once the talks are over). */
  get canTakeOver(): boolean {
    return this.state.phase !== 'ended';
  }

  /**
   * Branches the game at the current step with `side` played by a person. The other seat keeps its
   * recorded controller if that was an AI, or becomes the scenario's default AI.
   */
  takeOver(side: Side): { ok: true; start: SessionStart; choice: GameChoice } | { ok: false; error: string } {
    const { scenario, scenarioHash, replay } = this.opened;
    const current = this.state.settings;
    const recorded = controllerOf(current, otherSide(scenario, side));
    const otherController: Controller = isAiController(recorded) ? recorded : `ai:${scenario.defaults.personality}`;
    const settings: Settings = {
      ...bySide(scenario, (s) => (s === side ? 'human' : otherController)),
      difficulty: current.difficulty,
    };
    const fork = forkReplay(scenario, scenarioHash, replay, this.step, settings);
    if (!fork.ok) return fork;
    // The AI may be to move at the fork: it moves now, as the machine does after every human move.
    const context = runAi({
      scenario,
      scenarioHash,
      game: fork.state,
      actions: fork.replay.log,
      checksums: fork.replay.checksums,
      error: null,
    });
    const start: SessionStart = {
      phase: phaseFor(context.game, context.actions.length, null),
      game: context.game,
      actions: context.actions,
      checksums: context.checksums,
      record: { settings: fork.replay.settings, takeovers: fork.replay.takeovers ?? [], parent: fork.replay.parent ?? null },
    };
    const choice: GameChoice = {
      scenarioId: scenario.id,
      seed: replay.seed,
      side,
      personality: personalityOf(otherController) ?? scenario.defaults.personality,
      difficulty: current.difficulty,
      mode: 'solo',
    };
    return { ok: true, start, choice };
  }
}
