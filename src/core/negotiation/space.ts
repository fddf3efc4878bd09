// The issue space: options per issue, per-side evaluations, and linear-additive utilities
// u(x) = Σ w_i · e_i(x_i). Compiled once per scenario and cached (the scenario object is immutable).
import type { Issue, Scenario, Side } from '../scenario/schema';
import { bySide } from '../sides';
import type { Package, Terms } from '../types';

export interface Space {
  issues: readonly Issue[];
  ids: string[];
  sizes: number[];
  notCovered: number[];
  evals: Record<Side, number[][]>;
  /** Worst and best evaluation of each issue, per side. */
  minEval: Record<Side, number[]>;
  maxEval: Record<Side, number[]>;
  masks: Map<string, boolean[]>;
  lastMask: { on: readonly string[] | null; mask: boolean[] };
  index: Map<string, number>;
}

const cache = new WeakMap<Scenario, Space>();

export function spaceOf(scenario: Scenario): Space {
  let space = cache.get(scenario);
  if (!space) {
    space = {
      issues: scenario.issues,
      ids: scenario.issues.map((i) => i.id),
      sizes: scenario.issues.map((i) => i.options.length),
      notCovered: scenario.issues.map((i) => i.options.findIndex((o) => o.id === i.notCovered)),
      evals: bySide(scenario, (side) => scenario.issues.map((i) => i.evaluations[side]!)),
      minEval: bySide(scenario, (side) => scenario.issues.map((i) => Math.min(...i.evaluations[side]!))),
      maxEval: bySide(scenario, (side) => scenario.issues.map((i) => Math.max(...i.evaluations[side]!))),
      masks: new Map(),
      lastMask: { on: null, mask: [] },
      index: new Map(scenario.issues.map((issue, i) => [issue.id, i])),
    };
    cache.set(scenario, space);
  }
  return space;
}

export function utility(space: Space, side: Side, weights: readonly number[], pkg: Package): number {
  const ev = space.evals[side]!;
  let u = 0;
  for (let i = 0; i < pkg.length; i++) u += (weights[i] as number) * ((ev[i] as number[])[pkg[i] as number] as number);
  return u;
}

/** Keeps a utility inside [0, 1]: weights that sum to 1 can add up to 1.0000000000000002 in floating point. */
export const clampUnit = (u: number): number => Math.min(1, Math.max(0, u));

/** A utility as the game records it (outcome, utilities by round): clamped to [0, 1] (rules version 4). */
export function recordedUtility(space: Space, side: Side, weights: readonly number[], pkg: Package): number {
  return clampUnit(utility(space, side, weights, pkg));
}

/** Whether each scenario issue is on the agenda, by index (cached per agenda: there are few). */
export function agendaMask(space: Space, on: readonly string[]): boolean[] {
  // The agenda list is replaced, never mutated, so its identity is a safe first-level key.
  if (space.lastMask.on === on) return space.lastMask.mask;
  const key = on.join('\n');
  let mask = space.masks.get(key);
  if (!mask) {
    mask = space.ids.map((id) => on.includes(id));
    space.masks.set(key, mask);
  }
  space.lastMask = { on, mask };
  return mask;
}

/** Best and worst utility reachable for a side, given the agenda (off-agenda issues are fixed). */
export function utilityBounds(space: Space, side: Side, weights: readonly number[], mask: readonly boolean[]) {
  let min = 0;
  let max = 0;
  const evals = space.evals[side]!;
  for (let i = 0; i < evals.length; i++) {
    const w = weights[i] as number;
    if (mask[i]) {
      min += w * (space.minEval[side]![i] as number);
      max += w * (space.maxEval[side]![i] as number);
    } else {
      const v = w * ((evals[i] as number[])[space.notCovered[i] as number] as number);
      min += v;
      max += v;
    }
  }
  return { min, max };
}

/** The package a side would most like, on the given agenda. */
export function idealPackage(space: Space, side: Side, mask: readonly boolean[]): Package {
  return space.evals[side]!.map((ev, i) => (mask[i] ? ev.indexOf(Math.max(...ev)) : (space.notCovered[i] as number)));
}

export function packageToTerms(space: Space, pkg: Package, mask: readonly boolean[]): Terms {
  const terms: Terms = {};
  space.issues.forEach((issue, i) => {
    if (mask[i]) terms[issue.id] = issue.options[pkg[i] as number]?.id ?? '';
  });
  return terms;
}

/** Full terms, every issue, off-agenda ones at their not-covered option: what a deal means. */
export function dealTerms(space: Space, pkg: Package): Terms {
  const terms: Terms = {};
  space.issues.forEach((issue, i) => {
    terms[issue.id] = issue.options[pkg[i] as number]?.id ?? '';
  });
  return terms;
}

export type TermsResult = { ok: true; pkg: Package } | { ok: false; error: string };

/** Terms must name exactly the agenda issues, each with one of its options. */
export function termsToPackage(space: Space, terms: unknown, mask: readonly boolean[]): TermsResult {
  if (terms === null || typeof terms !== 'object' || Array.isArray(terms))
    return { ok: false, error: 'terms must be an object of issue → option' };
  const t = terms as Record<string, unknown>;
  for (const key of Object.keys(t)) {
    const i = space.index.get(key) ?? -1;
    if (i < 0) return { ok: false, error: `unknown issue "${key}"` };
    if (!mask[i]) return { ok: false, error: `issue "${key}" is not on the agenda` };
  }
  const pkg: Package = [];
  for (let i = 0; i < space.issues.length; i++) {
    const issue = space.issues[i] as Issue;
    if (!mask[i]) {
      pkg.push(space.notCovered[i] as number);
      continue;
    }
    const value = t[issue.id];
    if (value === undefined) return { ok: false, error: `no option given for agenda issue "${issue.id}"` };
    const o = issue.options.findIndex((opt) => opt.id === value);
    if (o < 0) return { ok: false, error: `"${String(value)}" is not an option of issue "${issue.id}"` };
    pkg.push(o);
  }
  return { ok: true, pkg };
}

export function samePackage(a: Package | null, b: Package | null): boolean {
  if (!a || !b) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
