// The mediator's bridging proposal: near the Nash point of the publicly known model (believed weight
// ranges and reservation ranges at their midpoints), inside the box spanned by the two standing
// offers, and only when the gap between them is small.
import type { Side } from '../scenario/constants';
import type { Scenario } from '../scenario/schema';
import { bySide, sidesOf } from '../sides';
import type { GameState, Package } from '../types';
import { type Space, spaceOf, utility } from './space';

export interface PublicModel {
  weights: Record<Side, number[]>;
  reservation: Record<Side, number>;
}

const cache = new WeakMap<Scenario, PublicModel>();

export function publicModel(scenario: Scenario): PublicModel {
  let model = cache.get(scenario);
  if (!model) {
    const weightsOf = (side: Side) => {
      const mids = scenario.issues.map((i) => (i.believed[side]![0] + i.believed[side]![1]) / 2);
      const total = mids.reduce((a, b) => a + b, 0) || 1;
      return mids.map((m) => m / total);
    };
    const mid = (side: Side) => (scenario.parties[side]!.reservation[0] + scenario.parties[side]!.reservation[1]) / 2;
    model = { weights: bySide(scenario, weightsOf), reservation: bySide(scenario, mid) };
    cache.set(scenario, model);
  }
  return model;
}

/** The gap the mediator sees: how much each side (in the public model) would give up taking the other's offer. */
export function offerGap(scenario: Scenario, state: GameState): number | null {
  const [a, b] = sidesOf(scenario);
  const offerA = state.offers[a];
  const offerB = state.offers[b];
  if (!offerA || !offerB) return null;
  const space = spaceOf(scenario);
  const pm = publicModel(scenario);
  const gapA = utility(space, a, pm.weights[a]!, offerA) - utility(space, a, pm.weights[a]!, offerB);
  const gapB = utility(space, b, pm.weights[b]!, offerB) - utility(space, b, pm.weights[b]!, offerA);
  return Math.max(gapA, gapB);
}

export function bridgeIsOpen(scenario: Scenario, state: GameState): boolean {
  const gap = offerGap(scenario, state);
  return gap !== null && gap <= scenario.mediator.bridgeGap;
}

/** Whether the mediator would table a bridge if asked now, and in words why not. Read-only: the rules decide
 * with `bridgeIsOpen` (src/core/table.ts) and the same gap; this only explains it in advance. */
export type BridgeStatus =
  | { available: true; gap: number; threshold: number; reason: null }
  | { available: false; gap: number | null; threshold: number; reason: string };

/** A gap above the threshold and the threshold, in points (utility × 100), rounded alike to as few
 * decimals as show the gap above it (31 and 30; 30.01 and 30 as "30.01" and "30.00"). */
export function pointsApart(gap: number, threshold: number): [string, string] {
  for (let decimals = 0; decimals < 6; decimals++) {
    const [g, t] = [(gap * 100).toFixed(decimals), (threshold * 100).toFixed(decimals)];
    if (Number(g) > Number(t)) return [g, t];
  }
  return [(gap * 100).toPrecision(12), (threshold * 100).toPrecision(12)];
}

export function bridgeStatus(scenario: Scenario, state: GameState): BridgeStatus {
  const mediator = scenario.mediator.short;
  const threshold = scenario.mediator.bridgeGap;
  const no = (why: string, gap: number | null = null): BridgeStatus => ({
    available: false,
    gap,
    threshold,
    reason: `${mediator} cannot bridge ${state.phase === 'ended' ? 'now' : 'yet'}: ${why}`,
  });
  if (state.phase === 'ended') return no('the talks are over');
  if (state.phase !== 'rounds') return no('the talks have not reached the table');
  const missing = sidesOf(scenario)
    .filter((side) => !state.offers[side])
    .map((side) => scenario.parties[side]!.short);
  if (missing.length > 0)
    return no(`it needs both offers on the table, and ${missing.join(' and ')} ${missing.length > 1 ? 'have' : 'has'} none`);
  const gap = offerGap(scenario, state) as number;
  if (!bridgeIsOpen(scenario, state)) {
    const [apart, atMost] = pointsApart(gap, threshold);
    return no(`the offers are ${apart} points apart; it bridges when the gap is at most ${atMost}`, gap);
  }
  return { available: true, gap, threshold, reason: null };
}

function nashProduct(space: Space, pm: PublicModel, pkg: Package): number {
  let product = 1;
  for (const side of Object.keys(pm.weights)) {
    const gain = utility(space, side, pm.weights[side]!, pkg) - pm.reservation[side]!;
    if (gain <= 0) return gain - 1;
    product *= gain;
  }
  return product;
}

/** Coordinate ascent on the Nash product over options between the two offers, issue by issue. */
export function bridgingPackage(scenario: Scenario, a: Package, b: Package): Package {
  const space = spaceOf(scenario);
  const pm = publicModel(scenario);
  const pkg = a.map((x, i) => Math.round((x + (b[i] as number)) / 2));
  let best = nashProduct(space, pm, pkg);
  for (let pass = 0; pass < 6; pass++) {
    let improved = false;
    for (let i = 0; i < pkg.length; i++) {
      const lo = Math.min(a[i] as number, b[i] as number);
      const hi = Math.max(a[i] as number, b[i] as number);
      const current = pkg[i] as number;
      for (let o = lo; o <= hi; o++) {
        if (o === current) continue;
        pkg[i] = o;
        const value = nashProduct(space, pm, pkg);
        if (value > best + 1e-12) {
          best = value;
          improved = true;
        } else pkg[i] = current;
        if (pkg[i] !== current) break;
      }
    }
    if (!improved) break;
  }
  return pkg;
}
