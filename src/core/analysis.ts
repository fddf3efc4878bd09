// Analysis for the debrief: the Pareto frontier, the Nash point (max Π(u_i − r_i)), and how far a
// deal lies from both. Uses the true private types: this is the view after the game.
import { agendaMask, spaceOf, utility } from './negotiation/space';
import type { Scenario } from './scenario/schema';
import { sidesOf } from './sides';
import type { GameState, Package } from './types';

/** Utilities of a package: `a` for the first party (`sidesOf(scenario)[0]`), `b` for the second. */
export interface Point {
  a: number;
  b: number;
  pkg: Package;
}

export interface Analysis {
  frontier: Point[];
  nash: Point | null;
  /** The parties' walk-away values, `a` for the first party and `b` for the second. */
  reservation: { a: number; b: number };
  deal: { a: number; b: number; toFrontier: number; toNash: number | null } | null;
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

/** Pareto-optimal points of a set of (a, b) points, sorted by the first party's utility ascending. */
export function paretoFrontier(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((a, b) => b.a - a.a || b.b - a.b);
  const frontier: Point[] = [];
  let bestIran = -Infinity;
  for (const p of sorted) {
    if (p.b > bestIran + 1e-12) {
      frontier.push(p);
      bestIran = p.b;
    }
  }
  return frontier.reverse();
}

export function nashPoint(frontier: readonly Point[], r: { a: number; b: number }): Point | null {
  let best: Point | null = null;
  let bestProduct = 0;
  for (const p of frontier) {
    const product = (p.a - r.a) * (p.b - r.b);
    if (p.a > r.a && p.b > r.b && product > bestProduct) {
      bestProduct = product;
      best = p;
    }
  }
  return best;
}

function distance(a: { a: number; b: number }, b: { a: number; b: number }): number {
  return Math.hypot(a.a - b.a, a.b - b.b);
}

/** Distance from a point to the piecewise-linear frontier. */
export function distanceToFrontier(frontier: readonly Point[], p: { a: number; b: number }): number {
  if (frontier.length === 0) return 0;
  let best = Infinity;
  for (let i = 0; i < frontier.length; i++) {
    const a = frontier[i] as Point;
    best = Math.min(best, distance(a, p));
    const b = frontier[i + 1];
    if (!b) continue;
    const dx = b.a - a.a;
    const dy = b.b - a.b;
    const len2 = dx * dx + dy * dy;
    if (len2 === 0) continue;
    const t = Math.max(0, Math.min(1, ((p.a - a.a) * dx + (p.b - a.b) * dy) / len2));
    best = Math.min(best, distance({ a: a.a + t * dx, b: a.b + t * dy }, p));
  }
  return best;
}

export function analyseGame(scenario: Scenario, state: GameState): Analysis {
  const space = spaceOf(scenario);
  const mask = agendaMask(space, state.agenda.on);
  const [first, second] = sidesOf(scenario);
  const wA = state.types[first]!.weights;
  const wB = state.types[second]!.weights;
  const point = (pkg: Package): Point => ({ a: utility(space, first, wA, pkg), b: utility(space, second, wB, pkg), pkg });
  const exact = outcomeCount(space.sizes, mask) <= EXACT_LIMIT;
  let points: Point[];
  if (exact) {
    points = [];
    for (const pkg of outcomes(space.sizes, space.notCovered, mask)) points.push(point(pkg));
  } else {
    // Supported points of the frontier: per issue maximise a·u_first + (1−a)·u_second for a sweep of a.
    points = [];
    for (let s = 0; s <= 200; s++) {
      const a = s / 200;
      const pkg = space.sizes.map((n, i) => {
        if (!mask[i]) return space.notCovered[i] as number;
        let best = 0;
        let bestV = -Infinity;
        for (let o = 0; o < n; o++) {
          const v =
            a * (wA[i] as number) * (space.evals[first]![i]?.[o] as number) +
            (1 - a) * (wB[i] as number) * (space.evals[second]![i]?.[o] as number);
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
  const reservation = { a: state.types[first]!.reservation, b: state.types[second]!.reservation };
  const nash = nashPoint(frontier, reservation);
  const dealPkg = state.outcome?.deal;
  const deal = dealPkg
    ? (() => {
        const p = point(dealPkg);
        return { a: p.a, b: p.b, toFrontier: distanceToFrontier(frontier, p), toNash: nash ? distance(nash, p) : null };
      })()
    : null;
  return { frontier, nash, reservation, deal, exact };
}
