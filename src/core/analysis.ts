// Analysis for the debrief: the Pareto frontier, the Nash point (max Π(u_i − r_i)), and how far a
// deal lies from both. Uses the true private types: this is the view after the game.
import { agendaMask, spaceOf, utility } from './negotiation/space';
import type { Scenario } from './scenario/schema';
import type { GameState, Package } from './types';

export interface Point {
  us: number;
  iran: number;
  pkg: Package;
}

export interface Analysis {
  frontier: Point[];
  nash: Point | null;
  reservation: { us: number; iran: number };
  deal: { us: number; iran: number; toFrontier: number; toNash: number | null } | null;
  exact: boolean;
}

/** Largest outcome space enumerated exactly; beyond it the frontier comes from a Lagrangian sweep. */
export const EXACT_LIMIT = 250_000;

export function outcomeCount(sizes: readonly number[], mask: readonly boolean[]): number {
  return sizes.reduce((n, s, i) => n * (mask[i] ? s : 1), 1);
}

/** All outcomes of the agenda (off-agenda issues fixed at their not-covered option). */
export function* outcomes(sizes: readonly number[], fixed: readonly number[], mask: readonly boolean[]): Generator<Package> {
  const pkg = fixed.slice();
  const free = sizes.map((_, i) => i).filter((i) => mask[i]);
  for (const i of free) pkg[i] = 0;
  while (true) {
    yield pkg.slice();
    let k = free.length - 1;
    while (k >= 0) {
      const i = free[k] as number;
      pkg[i] = (pkg[i] as number) + 1;
      if ((pkg[i] as number) < (sizes[i] as number)) break;
      pkg[i] = 0;
      k--;
    }
    if (k < 0) return;
  }
}

/** Pareto-optimal points of a set of (us, iran) points, sorted by us utility ascending. */
export function paretoFrontier(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((a, b) => b.us - a.us || b.iran - a.iran);
  const frontier: Point[] = [];
  let bestIran = -Infinity;
  for (const p of sorted) {
    if (p.iran > bestIran + 1e-12) {
      frontier.push(p);
      bestIran = p.iran;
    }
  }
  return frontier.reverse();
}

export function nashPoint(frontier: readonly Point[], r: { us: number; iran: number }): Point | null {
  let best: Point | null = null;
  let bestProduct = 0;
  for (const p of frontier) {
    const product = (p.us - r.us) * (p.iran - r.iran);
    if (p.us > r.us && p.iran > r.iran && product > bestProduct) {
      bestProduct = product;
      best = p;
    }
  }
  return best;
}

function distance(a: { us: number; iran: number }, b: { us: number; iran: number }): number {
  return Math.hypot(a.us - b.us, a.iran - b.iran);
}

/** Distance from a point to the piecewise-linear frontier. */
export function distanceToFrontier(frontier: readonly Point[], p: { us: number; iran: number }): number {
  if (frontier.length === 0) return 0;
  let best = Infinity;
  for (let i = 0; i < frontier.length; i++) {
    const a = frontier[i] as Point;
    best = Math.min(best, distance(a, p));
    const b = frontier[i + 1];
    if (!b) continue;
    const dx = b.us - a.us;
    const dy = b.iran - a.iran;
    const len2 = dx * dx + dy * dy;
    if (len2 === 0) continue;
    const t = Math.max(0, Math.min(1, ((p.us - a.us) * dx + (p.iran - a.iran) * dy) / len2));
    best = Math.min(best, distance({ us: a.us + t * dx, iran: a.iran + t * dy }, p));
  }
  return best;
}

export function analyseGame(scenario: Scenario, state: GameState): Analysis {
  const space = spaceOf(scenario);
  const mask = agendaMask(space, state.agenda.on);
  const wUs = state.types.us.weights;
  const wIran = state.types.iran.weights;
  const point = (pkg: Package): Point => ({ us: utility(space, 'us', wUs, pkg), iran: utility(space, 'iran', wIran, pkg), pkg });
  const exact = outcomeCount(space.sizes, mask) <= EXACT_LIMIT;
  let points: Point[];
  if (exact) {
    points = [];
    for (const pkg of outcomes(space.sizes, space.notCovered, mask)) points.push(point(pkg));
  } else {
    // Supported points of the frontier: per issue maximise a·u_us + (1−a)·u_iran for a sweep of a.
    points = [];
    for (let s = 0; s <= 200; s++) {
      const a = s / 200;
      const pkg = space.sizes.map((n, i) => {
        if (!mask[i]) return space.notCovered[i] as number;
        let best = 0;
        let bestV = -Infinity;
        for (let o = 0; o < n; o++) {
          const v =
            a * (wUs[i] as number) * (space.evals.us[i]?.[o] as number) +
            (1 - a) * (wIran[i] as number) * (space.evals.iran[i]?.[o] as number);
          if (v > bestV) {
            bestV = v;
            best = o;
          }
        }
        return best;
      });
      points.push(point(pkg));
    }
  }
  const frontier = paretoFrontier(points);
  const reservation = { us: state.types.us.reservation, iran: state.types.iran.reservation };
  const nash = nashPoint(frontier, reservation);
  const dealPkg = state.outcome?.deal;
  const deal = dealPkg
    ? (() => {
        const p = point(dealPkg);
        return { us: p.us, iran: p.iran, toFrontier: distanceToFrontier(frontier, p), toNash: nash ? distance(nash, p) : null };
      })()
    : null;
  return { frontier, nash, reservation, deal, exact };
}
