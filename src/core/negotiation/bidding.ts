// Bidding (the B of BOA): a Faratin time-dependent target, blended with tit-for-tat, and the offer
// that the opponent model rates best among packages worth at least the target to us.
import { exp, log } from '../detmath';
import type { Side } from '../scenario/schema';
import type { OpponentModel, Package } from '../types';
import type { Space } from './space';

/** Faratin's time-dependent concession: f(t) = k + (1-k)·t^(1/e). e = 0 never concedes. */
export function concession(t: number, e: number, k: number): number {
  const tc = Math.min(1, Math.max(0, t));
  if (e <= 0) return tc >= 1 ? 1 : k;
  // t^(1/e) through the deterministic exp/log: Math.pow differs in the last bit between engines.
  const power = tc === 0 ? 0 : tc === 1 ? 1 : exp(log(tc) / e);
  return k + (1 - k) * power;
}

export interface TargetParams {
  t: number;
  e: number;
  k: number;
  pMin: number;
  pMax: number;
}

/** target(t) = Pmin + (Pmax - Pmin)·(1 - f(t)). */
export function timeTarget({ t, e, k, pMin, pMax }: TargetParams): number {
  return pMin + (pMax - pMin) * (1 - concession(t, e, k));
}

/** Fresh model of an opponent: weights from the brief's believed ranges, option values unlearned. */
export function newOpponentModel(space: Space, believed: readonly [number, number][]): OpponentModel {
  const mids = believed.map(([lo, hi]) => (lo + hi) / 2);
  const total = mids.reduce((a, b) => a + b, 0) || 1;
  return {
    weights: mids.map((m) => m / total),
    counts: space.sizes.map((n) => new Array<number>(n).fill(0)),
    last: null,
  };
}

/**
 * HardHeaded frequency update: issues the opponent left unchanged since its last offer gain weight,
 * w ← (w + g)/(1 + g·n_unchanged) with g = learning·0.2/n_issues; the offered options gain a count.
 */
export function observeOffer(model: OpponentModel, offer: Package, learning: number, mask: readonly boolean[]): OpponentModel {
  const n = offer.length;
  const counts = model.counts.map((row, i) => {
    if (!mask[i]) return row;
    const next = row.slice();
    next[offer[i] as number] = (next[offer[i] as number] as number) + 1;
    return next;
  });
  let weights = model.weights;
  if (model.last && learning > 0) {
    const g = (learning * 0.2) / n;
    const unchanged = offer.map((o, i) => mask[i] === true && o === model.last?.[i]);
    const nUnchanged = unchanged.filter(Boolean).length;
    if (nUnchanged > 0 && nUnchanged < n) weights = weights.map((w, i) => (unchanged[i] ? w + g : w) / (1 + g * nUnchanged));
  }
  return { weights, counts, last: offer.slice() };
}

/**
 * The opponent's estimated value of each option: offer frequency, with a prior that what is bad
 * for us is good for them (until they show otherwise).
 */
export function estimatedOptionValues(model: OpponentModel, ownEvals: readonly number[][]): number[][] {
  const values: number[][] = new Array(model.counts.length);
  for (let i = 0; i < model.counts.length; i++) {
    const row = model.counts[i] as number[];
    const own = ownEvals[i] as number[];
    const out = new Array<number>(row.length);
    let max = 0;
    for (let o = 0; o < row.length; o++) {
      const v = (row[o] as number) + 0.5 * (1 - (own[o] as number));
      out[o] = v;
      if (v > max) max = v;
    }
    const scale = max > 0 ? 1 / max : 1;
    for (let o = 0; o < row.length; o++) out[o] = (out[o] as number) * scale;
    values[i] = out;
  }
  return values;
}

const weighted = new WeakMap<readonly number[], number[][]>();

/** w_i · e_i(o) per issue and option; cached per weights array (a side's weights never change in a game). */
function weightedEvaluations(space: Space, side: Side, weights: readonly number[]): number[][] {
  let table = weighted.get(weights);
  if (!table) {
    table = space.evals[side]!.map((ev, i) => ev.map((e) => e * (weights[i] as number)));
    weighted.set(weights, table);
  }
  return table;
}

export interface BidInput {
  space: Space;
  side: Side;
  weights: readonly number[];
  mask: readonly boolean[];
  target: number;
  model: OpponentModel;
}

/**
 * Among packages with own utility ≥ target, the one the opponent model rates best. Solved by
 * Lagrangian relaxation (per issue, maximise opp + λ·own; bisect on λ), then a greedy repair pass:
 * linear in issues × options per step, never an enumeration of the outcome space.
 */
export function bestBidAbove(input: BidInput): Package {
  const { space, side, weights, mask, target, model } = input;
  const own = weightedEvaluations(space, side, weights);
  const opp = estimatedOptionValues(model, space.evals[side]!);
  for (let i = 0; i < opp.length; i++) {
    const row = opp[i] as number[];
    const w = model.weights[i] as number;
    for (let j = 0; j < row.length; j++) row[j] = (row[j] as number) * w;
  }
  const n = own.length;

  // Per issue, the option maximising opp + λ·own; fills `out` and returns our utility of it.
  const buffer: Package = new Array<number>(n).fill(0);
  const choose = (lambda: number, out: Package): number => {
    let u = 0;
    for (let i = 0; i < n; i++) {
      const o = own[i] as number[];
      if (!mask[i]) {
        out[i] = space.notCovered[i] as number;
        u += o[out[i] as number] as number;
        continue;
      }
      const p = opp[i] as number[];
      let best = 0;
      let bestScore = -Infinity;
      for (let j = 0; j < o.length; j++) {
        const score = (p[j] as number) + lambda * (o[j] as number) + 1e-9 * (o[j] as number);
        if (score > bestScore) {
          bestScore = score;
          best = j;
        }
      }
      out[i] = best;
      u += o[best] as number;
    }
    return u;
  };

  // Smallest λ (within bisection precision) whose choice still meets the target.
  let lo = 0;
  let hi = 1;
  while (choose(hi, buffer) < target - 1e-12 && hi < 1e6) hi *= 4;
  if (choose(lo, buffer) >= target) hi = lo;
  else
    for (let iter = 0; iter < 12; iter++) {
      const mid = (lo + hi) / 2;
      if (choose(mid, buffer) >= target) hi = mid;
      else lo = mid;
    }
  const pkg: Package = new Array<number>(n).fill(0);
  choose(hi, pkg);
  const ownU = (x: Package) => {
    let u = 0;
    for (let i = 0; i < n; i++) u += (own[i] as number[])[x[i] as number] as number;
    return u;
  };

  // Greedy repair: single-issue moves that raise the opponent's estimate and keep us above target.
  let u = ownU(pkg);
  for (let improved = true; improved; ) {
    improved = false;
    let bestGain = 1e-12;
    let bestI = -1;
    let bestJ = -1;
    for (let i = 0; i < n; i++) {
      if (!mask[i]) continue;
      const cur = pkg[i] as number;
      const o = own[i] as number[];
      const p = opp[i] as number[];
      for (let j = 0; j < o.length; j++) {
        if (j === cur) continue;
        const du = (o[j] as number) - (o[cur] as number);
        const gain = (p[j] as number) - (p[cur] as number);
        if (u + du >= target && gain > bestGain) {
          bestGain = gain;
          bestI = i;
          bestJ = j;
        }
      }
    }
    if (bestI >= 0) {
      u += ((own[bestI] as number[])[bestJ] as number) - ((own[bestI] as number[])[pkg[bestI] as number] as number);
      pkg[bestI] = bestJ;
      improved = true;
    }
  }
  return pkg;
}
