// "Concede a step" on one issue: where the step lands and what the offer is then worth, so that the
// table can show it before the click and the rules apply exactly the same step.
import type { Scenario, Side } from '../scenario/schema';
import { type GameState, otherSide, type Package } from '../types';
import { spaceOf, utility } from './space';

/**
 * The option a concession on issue `i` moves `own` to: the nearest option towards the other side's
 * that is worth less to `side` than the one it leaves (a step that would gain something is no
 * concession, so it is passed over); if none is, the other side's option itself.
 */
export function concessionStep(scenario: Scenario, side: Side, own: Package, theirs: Package, i: number): number {
  const evals = spaceOf(scenario).evals[side]![i] as number[];
  const from = own[i] as number;
  const to = theirs[i] as number;
  const dir = Math.sign(to - from);
  for (let o = from + dir; o !== to; o += dir) if ((evals[o] as number) < (evals[from] as number)) return o;
  return to;
}

export interface ConcessionPreview {
  issueId: string;
  from: { id: string; label: string };
  to: { id: string; label: string };
  /** The own offer's worth to `side` before and after the step. */
  before: number;
  after: number;
  walkAway: number;
  /** Whether the offer would then be worth less than the walk-away value. */
  belowWalkAway: boolean;
}

/** What conceding on `issueId` would do to `side`'s standing offer, or null when it cannot. */
export function concessionPreview(scenario: Scenario, state: GameState, side: Side, issueId: string): ConcessionPreview | null {
  const space = spaceOf(scenario);
  const i = space.ids.indexOf(issueId);
  const own = state.offers[side]!;
  const theirs = state.offers[otherSide(scenario, side)];
  if (i < 0 || !own || !theirs || own[i] === theirs[i]) return null;
  const next = own.slice();
  next[i] = concessionStep(scenario, side, own, theirs, i);
  const issue = scenario.issues[i];
  const option = (o: number) => ({ id: issue?.options[o]?.id ?? '', label: issue?.options[o]?.label ?? '' });
  const weights = state.types[side]!.weights;
  const after = utility(space, side, weights, next);
  const walkAway = state.types[side]!.reservation;
  return {
    issueId,
    from: option(own[i] as number),
    to: option(next[i] as number),
    before: utility(space, side, weights, own),
    after,
    walkAway,
    belowWalkAway: after < walkAway,
  };
}
