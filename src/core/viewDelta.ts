// A seat's view sent as a delta: the log, the risk log and the offer history only grow, so after the
// first update a client is sent just their new entries (a late-game view is ~20 KB, its delta a few
// hundred bytes). Everything else is sent whole. Pure: the server cuts, the browser joins.
import type { GameView } from './view';

/** How much of each growing list a client already has, and what the lists it has were cut for. */
export interface DeltaBase {
  log: number;
  risk: number;
  offerHistory: number;
  /** Risk entries read differently while the hazard is hidden, and a complete view reveals all: either change sends all. */
  hazardVisible: boolean;
  complete: boolean;
}

export const deltaBaseOf = (view: GameView): DeltaBase => ({
  log: view.log.length,
  risk: view.risk.length,
  offerHistory: view.offerHistory.length,
  hazardVisible: view.hazardVisible,
  complete: view.complete,
});

/** `view` with its growing lists cut to what a client with `base` lacks (the whole view without a usable base). */
export function cutView(view: GameView, base: DeltaBase | null): { view: GameView; from: DeltaBase | null } {
  const usable =
    base !== null &&
    base.hazardVisible === view.hazardVisible &&
    base.complete === view.complete &&
    base.log <= view.log.length &&
    base.risk <= view.risk.length &&
    base.offerHistory <= view.offerHistory.length;
  if (!usable) return { view, from: null };
  return {
    view: {
      ...view,
      log: view.log.slice(base.log),
      risk: view.risk.slice(base.risk),
      offerHistory: view.offerHistory.slice(base.offerHistory),
    },
    from: base,
  };
}

/** The whole view again from the one a client had and a cut one; null when they do not fit (ask for the whole view). */
export function joinView(previous: GameView | null, cut: GameView, from: DeltaBase | null): GameView | null {
  if (from === null) return cut;
  if (!previous) return null;
  const had = deltaBaseOf(previous);
  if (had.log !== from.log || had.risk !== from.risk || had.offerHistory !== from.offerHistory) return null;
  return {
    ...cut,
    log: [...previous.log, ...cut.log],
    risk: [...previous.risk, ...cut.risk],
    offerHistory: [...previous.offerHistory, ...cut.offerHistory],
  };
}
