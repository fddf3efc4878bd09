// The game state: plain JSON, RNG states included. state(t+1) = applyAction(state(t), action).
import type { LogMessage, OutcomeMessage, RiskMessage } from './logMessage';
import type { AleaState, StreamName } from './rng';
import type { Severity, Side } from './scenario/constants';

export type { Side } from './scenario/constants';

export const RULES_VERSION = 6;

/** Who plays a side: a human at the table, or a policy (`ai:<personality>`, `random`). */
export type Controller = 'human' | `ai:${string}` | `script:${string}` | 'random';

/**
 * Who plays each seat, keyed by the scenario's party ids, and the difficulty: `{us: 'human', iran:
 * 'ai:linear', difficulty: 'normal'}` for a scenario whose parties are `us` and `iran`. (No party may
 * be called `difficulty`: the schema reserves it.)
 */
export type Settings = { difficulty: string } & { [side: Side]: string };

/** The controller of one seat in the settings. */
export const controllerOf = (settings: Settings, side: Side): Controller => (settings[side] ?? 'human') as Controller;

export type Tone = 'conciliatory' | 'firm' | 'threat';
export const TONES: readonly Tone[] = ['conciliatory', 'firm', 'threat'];

/** A package as it appears in actions and files: issue id → option id, agenda issues only. */
export type Terms = Record<string, string>;

/** A one-line reason a team gives for its move: kept in the game and printed as its position memo. */
export const MAX_REASON = 200;
type Reasoned<T> = T & { reason?: string };

export type Action = Reasoned<
  | { type: 'propose-agenda'; issues: string[] }
  | { type: 'accept-agenda' }
  | { type: 'force-agenda' }
  | { type: 'propose'; terms: Terms }
  | { type: 'accept' }
  | { type: 'accept-bridge' }
  | { type: 'concede'; issue: string }
  | { type: 'statement'; tone: Tone }
  | { type: 'recess' }
  | { type: 'bridge' }
  | { type: 'walkout' }
  /** A private perception check: the other side's top priority and red line. Does not use the turn. */
  | { type: 'guess'; priority: string; redLine: string }
>;

export type ActionType = Action['type'];

/** Effects a facilitator may attach to a custom event (the scenario's event effects, minus intel). */
export interface CustomEffects {
  tension?: number;
  shock?: number;
  rung?: number;
  support?: Record<Side, number>;
}

/** What the facilitator can do; every one is a logged turn, marked as the facilitator's. */
export type FacilitatorAction =
  | { type: 'pause'; paused: boolean }
  | { type: 'inject'; event: string }
  | { type: 'inject-custom'; title: string; text: string; severity: Severity; effects: CustomEffects }
  | { type: 'deadline'; delta: number }
  | { type: 'show-hazard'; visible: boolean }
  | { type: 'mediator-bridge'; terms: Terms };

export type Seat = Side | 'facilitator';

export interface JournalEntry {
  turn: number;
  round: number;
  side: Side;
  move: ActionType;
  reason: string;
}

export interface Guess {
  round: number;
  side: Side;
  priority: string;
  redLine: string;
}

/** A package inside the state: one option index per scenario issue (off-agenda issues hold notCovered). */
export type Package = number[];

export type OutcomeKind = 'comprehensive-deal' | 'interim-deal' | 'no-deal' | 'walkout' | 'recall' | 'conflict';

export interface Outcome {
  kind: OutcomeKind;
  round: number;
  by: Side | null;
  deal: Package | null;
  utilities: Record<Side, number>;
  scores: Record<Side, number>;
  reason: string;
  /** The reason in no language (logMessage.ts): the screens say it in theirs. */
  msg: OutcomeMessage;
}

export type RiskCause = 'move' | 'event' | 'domestic' | 'agenda' | 'decay' | 'draw' | 'facilitator';

/** One change in escalation risk, with its cause, so the debrief can explain it. */
export interface RiskEntry {
  /** Position in the narrative log when this change happened (log entries before it came first). */
  at: number;
  round: number;
  turn: number;
  cause: RiskCause;
  side: Side | null;
  ref: string;
  /** The cause in English (the CLI's words). */
  text: string;
  /** The cause in no language (logMessage.ts): the screens say it in theirs. Always there in the rules' entries. */
  msg?: RiskMessage;
  tension: number;
  hazardBefore: number;
  hazardAfter: number;
  rung: number;
}

export type LogKind = 'move' | 'event' | 'mediator' | 'round' | 'escalation' | 'domestic' | 'outcome' | 'agenda' | 'facilitator';

export interface LogEntry {
  turn: number;
  round: number;
  kind: LogKind;
  /** Who acted: a side, or null for the world, the mediator or the facilitator (see kind). */
  side: Side | null;
  ref: string;
  /** The line in English (the CLI's transcript and the tests read it). */
  text: string;
  /** The line in no language (logMessage.ts): the screens say it in theirs. Always there in the rules' entries. */
  msg?: LogMessage;
}

export interface OfferRecord {
  round: number;
  turn: number;
  side: Side;
  pkg: Package;
}

/** Frequency opponent model (HardHeaded): issue weights and option counts of the other side's offers. */
export interface OpponentModel {
  weights: number[];
  counts: number[][];
  last: Package | null;
}

export interface AiMemory {
  model: OpponentModel;
  lastBidUtility: number | null;
}

export interface PrivateType {
  weights: number[];
  reservation: number;
}

export interface AgendaState {
  on: string[];
  proposals: Record<Side, string[] | null>;
  turnsLeft: number;
  settled: boolean;
}

export interface GameState {
  rulesVersion: number;
  scenarioId: string;
  seed: string;
  settings: Settings;
  phase: 'agenda' | 'rounds' | 'ended';
  round: number;
  turn: number;
  deadline: number;
  toMove: Side;
  movesThisRound: number;
  agenda: AgendaState;
  types: Record<Side, PrivateType>;
  /** What each side believes about the OTHER side's issue weights: [low, high] per issue. */
  beliefs: Record<Side, [number, number][]>;
  offers: Record<Side, Package | null>;
  bridge: { pkg: Package; endorsed: Record<Side, boolean> } | null;
  offerHistory: OfferRecord[];
  support: Record<Side, number>;
  tension: number;
  roundScore: number;
  shock: number;
  rung: number;
  hazard: number;
  rng: Record<StreamName, AleaState>;
  eventsSeen: string[];
  roundEvents: string[];
  ai: Partial<Record<Side, AiMemory>>;
  risk: RiskEntry[];
  log: LogEntry[];
  /** Each side's utility of the other's standing offer at the end of each round, keyed by party id. */
  utilityByRound: ({ round: number } & Record<Side, number>)[];
  outcome: Outcome | null;
  /** Each team's reasons for its moves, in order (the position memos of the debrief). */
  journal: JournalEntry[];
  /** Perception checks: each team's guesses of the other side's top priority and red line. */
  guesses: Guess[];
  /** A facilitator's pause: no team may move until it is lifted. */
  paused: boolean;
  /** Whether the teams see the hazard percentage (a facilitator may hide it). */
  hazardVisible: boolean;
}

export { otherSide } from './sides';
