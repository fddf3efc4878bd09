// The two parties at the table are the scenario's: their ids are the keys of `scenario.parties`, in
// the file's order, and every per-side record in the state is keyed by them in that order.
import type { Side } from './scenario/constants';
import type { Scenario } from './scenario/schema';
import type { GameState } from './types';

/** Anything that knows the two parties: a scenario, or a game (its per-side records). */
export type HasSides = Pick<Scenario, 'parties'> | Pick<GameState, 'types'>;

/** The two parties' ids, in the scenario's order. */
export function sidesOf(of: HasSides): readonly [Side, Side] {
  const keys = Object.keys('parties' in of ? of.parties : of.types);
  return [keys[0] as Side, keys[1] as Side];
}

/** The other party. */
export function otherSide(of: HasSides, side: Side): Side {
  const [a, b] = sidesOf(of);
  return side === a ? b : a;
}

/** Whether `x` names one of the two parties. */
export function isSide(of: HasSides, x: unknown): x is Side {
  return typeof x === 'string' && sidesOf(of).includes(x);
}

/** A record with one value per party, built in the parties' order (so its JSON is stable). */
export function bySide<T>(of: HasSides, value: (side: Side, index: number) => T): Record<Side, T> {
  const out: Record<Side, T> = {};
  sidesOf(of).forEach((side, i) => {
    out[side] = value(side, i);
  });
  return out;
}
