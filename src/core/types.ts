// The game state: plain JSON, RNG states included. state(t+1) = applyAction(state(t), action).
import type { AleaState, StreamName } from './rng';
import type { Side } from './scenario/schema';

export type { Side } from './scenario/schema';

export const RULES_VERSION = 1;

/** Who plays a side: a human at the table, or a policy (`ai:<personality>`, `random`). */
export type Controller = 'human' | `ai:${string}` | 'random';

export interface Settings {
  us: Controller;
  iran: Controller;
  difficulty: string;
}

export type Tone = 'conciliatory' | 'firm' | 'threat';
export const TONES: readonly Tone[] = ['conciliatory', 'firm', 'threat'];

/** A package as it appears in actions and files: issue id → option id, agenda issues only. */
export type Terms = Record<string, string>;

export type Action =
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
  | { type: 'walkout' };

export type ActionType = Action['type'];

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
  text: string;
  tension: number;
  hazardBefore: number;
  hazardAfter: number;
  rung: number;
}

export type LogKind = 'move' | 'event' | 'oman' | 'round' | 'escalation' | 'domestic' | 'outcome' | 'agenda';

export interface LogEntry {
  turn: number;
  round: number;
  kind: LogKind;
  side: Side | null;
  ref: string;
  text: string;
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
  utilityByRound: { round: number; us: number; iran: number }[];
  outcome: Outcome | null;
}

export const otherSide = (side: Side): Side => (side === 'us' ? 'iran' : 'us');
