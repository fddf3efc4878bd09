// A seat's view sent as a delta. After the first update a client is sent:
// - of the lists that only grow (the log, the risk log, the offer history), just their new entries;
// - of every other field, only those that changed: a field the cut view lacks is the client's own
//   copy, unchanged (a late-game view is ~20 KB; a move's delta is a few hundred bytes, mostly its
//   new log lines), unless `dropped` names it (the field is gone from the view).
// Pure: the server cuts, the browser joins, and the joined view equals the whole one.
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

/** What a cut view was cut against: the client's base, and the fields its previous view had that this one has not. */
export interface Delta extends DeltaBase {
  dropped: string[];
}

const GROWING = ['log', 'risk', 'offerHistory'] as const;

export const deltaBaseOf = (view: GameView): DeltaBase => ({
  log: view.log.length,
  risk: view.risk.length,
  offerHistory: view.offerHistory.length,
  hazardVisible: view.hazardVisible,
  complete: view.complete,
});

/** Whether two JSON values are the same (what a client would decode from each is equal). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k) || !sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/**
 * `view` cut against the one the client was last sent (`previous`): the growing lists' new entries and
 * the fields that changed, with `from` saying what was cut. The whole view (`from: null`) when there
 * is no usable previous view.
 */
export function cutView(view: GameView, previous: GameView | null): { view: GameView; from: Delta | null } {
  const base = previous ? deltaBaseOf(previous) : null;
  const usable =
    base !== null &&
    base.hazardVisible === view.hazardVisible &&
    base.complete === view.complete &&
    base.log <= view.log.length &&
    base.risk <= view.risk.length &&
    base.offerHistory <= view.offerHistory.length;
  if (!previous || !base || !usable) return { view, from: null };
  const cut: Record<string, unknown> = {
    log: view.log.slice(base.log),
    risk: view.risk.slice(base.risk),
    offerHistory: view.offerHistory.slice(base.offerHistory),
  };
  const was = previous as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(view)) {
    if ((GROWING as readonly string[]).includes(key)) continue;
    if (!Object.hasOwn(was, key) || !sameJson(was[key], value)) cut[key] = value;
  }
  const dropped = Object.keys(was).filter((key) => !Object.hasOwn(view, key));
  return { view: cut as unknown as GameView, from: { ...base, dropped } };
}

/** The whole view again from the one a client had and a cut one; null when they do not fit (ask for the whole view). */
export function joinView(previous: GameView | null, cut: GameView, from: Delta | null): GameView | null {
  if (from === null) return cut;
  if (!previous) return null;
  const had = deltaBaseOf(previous);
  if (had.log !== from.log || had.risk !== from.risk || had.offerHistory !== from.offerHistory) return null;
  const kept: Record<string, unknown> = { ...previous };
  for (const key of from.dropped) delete kept[key];
  return {
    ...(kept as unknown as GameView),
    ...cut,
    log: [...previous.log, ...cut.log],
    risk: [...previous.risk, ...cut.risk],
    offerHistory: [...previous.offerHistory, ...cut.offerHistory],
  };
}
