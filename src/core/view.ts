// What one seat may see of a game: the single place where secrets are withheld. The browser renders
// from it (the hot-seat screens, the automation API) and the game server sends nothing else to a
// client. Pure and deterministic: a function of the state (and the scenario, for what the seat's own
// screens compute from hidden parts of the state).
//
// Withheld until the talks end:
// - the other side's private type (weights, walk-away value), beliefs, journal (position memos),
//   perception answers and its column of the round-by-round utilities;
// - both sides' AI memory (it models the other side from private values);
// - every random stream's state and the seed itself: with either, anyone could compute the coming
//   events and rolls, or both sides' private draws with the CLI;
// - the hazard (and each risk entry's hazard) while the facilitator hides it.
// What the seat's screens need from those hidden parts is computed here and sent instead: the draws
// of the round-end rolls already made (`pastRolls`) and, on the seat's own move, what each move
// would do to the hazard (`preview`).

import { type HazardPreview, hazardPreview } from './escalation/preview';
import { escalationDraw } from './escalation/roundRoll';
import { withoutHazardMessage } from './logMessage';
import type { Scenario, Side } from './scenario/schema';
import { bySide } from './sides';
import type { GameState, PrivateType } from './types';

/** Who is looking: a side's seat, or a spectator (public information only). */
export type Viewer = Side | 'spectator';
/**
 * Or a class's teacher: both sides' briefs, memos and perception answers, the hazard even while it is
 * hidden from the teams; never the random streams' states or the AI's memory.
 */
export type Looker = Viewer | 'teacher';

/** A seat's view: a game state with every secret of the others replaced by null (or left out). */
export interface GameView extends Omit<GameState, 'types' | 'beliefs' | 'rng' | 'ai' | 'utilityByRound' | 'hazard' | 'risk'> {
  viewer: Looker;
  /** Whether everything is shown (the talks have ended): the view is then the whole state. */
  complete: boolean;
  types: Record<Side, PrivateType | null>;
  beliefs: Record<Side, [number, number][] | null>;
  /** Each side's utility by round, keyed by party id: only the viewer's own (the others null). */
  utilityByRound: ({ round: number } & Record<Side, number | null>)[];
  hazard: number | null;
  risk: (Omit<GameState['risk'][number], 'hazardBefore' | 'hazardAfter'> & { hazardBefore: number | null; hazardAfter: number | null })[];
  /** The draw of each round-end roll already made, by round (the seed that makes them is withheld). */
  pastRolls: Record<number, number>;
  /** On the seat's own move at the table: what each move would do to the hazard (null otherwise, or when the hazard is hidden). */
  preview: HazardPreview | null;
  /** The whole state's own fields the view leaves out, when complete. */
  rng?: GameState['rng'];
  ai?: GameState['ai'];
}

/** A risk entry's words without the hazard's percentage (the round-end draws name it). */
function withoutHazard(text: string): string {
  return text.replace(/with a [\d.]+% hazard /, '').replace(/the [\d.]+% hazard did not strike/, 'the hazard did not strike');
}

/** The round-end draws made so far (one per closed round), from the state's seed. */
function rollsSoFar(state: GameState): Record<number, number> {
  const out: Record<number, number> = {};
  for (const entry of state.risk) if (entry.cause === 'draw') out[entry.round] = escalationDraw(state.seed, entry.round);
  return out;
}

/**
 * What `viewer` may see of `state` (sharing its objects: read it, serialise it, never write to it). Once the talks have ended the view is complete (both briefs, the
 * seed, every memo: the debrief shows them all); before, only `viewer`'s own secrets are in it.
 */
export function viewFor(scenario: Scenario, state: GameState, viewer: Looker): GameView {
  const pastRolls = rollsSoFar(state);
  // The view shares the state's objects (it is sent or serialised at once; nobody writes to it).
  if (state.phase === 'ended') return { ...state, viewer, complete: true, pastRolls, preview: null };
  if (viewer === 'teacher') {
    const { rng: _rng, ai: _ai, ...open } = state;
    return { ...open, viewer, complete: false, pastRolls, preview: null };
  }
  const mine = <T>(side: Side, value: T): T | null => (side === viewer ? value : null);
  const shown = state.hazardVisible !== false;
  const { rng: _rng, ai: _ai, types, beliefs, utilityByRound, hazard, risk, ...rest } = state;
  const own = viewer === 'spectator' ? null : viewer;
  return {
    ...rest,
    seed: '',
    viewer,
    complete: false,
    types: bySide(state, (side) => mine(side, types[side]!)),
    beliefs: bySide(state, (side) => mine(side, beliefs[side]!)),
    journal: state.journal.filter((j) => j.side === own),
    guesses: state.guesses.filter((g) => g.side === own),
    utilityByRound: utilityByRound.map((u) => ({ round: u.round, ...bySide(state, (side) => (side === own ? u[side]! : null)) })),
    hazard: shown ? hazard : null,
    risk: shown
      ? risk
      : risk.map((r) => ({
          ...r,
          text: withoutHazard(r.text),
          ...(r.msg ? { msg: withoutHazardMessage(r.msg) } : {}),
          hazardBefore: null,
          hazardAfter: null,
        })),
    pastRolls,
    preview: own && shown && state.phase === 'rounds' && state.toMove === own ? hazardPreview(scenario, state, own) : null,
  };
}
