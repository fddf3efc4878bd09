// Engine benchmarks in-process: AI reply time per move, replay verification per game, and how the
// AI's time per move scales with the outcome space. Each figure is paired with a floor measured in
// the same run: the same number of bare RNG draws and utility evaluations, with no decisions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aiProfile, decideAi } from '../src/core/negotiation/ai';
import { spaceOf, utility } from '../src/core/negotiation/space';
import { chooseAction, playGame, stateChecksum } from '../src/core/play';
import { makeReplay, verifyReplay } from '../src/core/replay';
import { draw, seedStream } from '../src/core/rng';
import { applyActionInPlace } from '../src/core/rules';
import { loadScenarioText } from '../src/core/scenario/loader';
import type { Scenario } from '../src/core/scenario/schema';
import { bySide, sidesOf } from '../src/core/sides';
import { createGame } from '../src/core/state';
import type { Package, Settings, Side } from '../src/core/types';

const ROOT = join(import.meta.dirname, '..');

export function loadMuscat(): { scenario: Scenario; sha256: string } {
  const file = join(ROOT, 'scenarios', 'muscat-2026.yaml');
  const r = loadScenarioText(readFileSync(file, 'utf8'), file);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r;
}

export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? 0 : s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
export const percentile = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
};
const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The floor of one AI move: a draw per decision input and one utility evaluation per option. */
function floorPerMove(scenario: Scenario, moves: number): number {
  const space = spaceOf(scenario);
  const rng = seedStream('floor', 'ai');
  const weights = space.ids.map(() => 1 / space.ids.length);
  const pkg: Package = space.ids.map(() => 0);
  const first = sidesOf(scenario)[0];
  let sink = 0;
  const t0 = performance.now();
  for (let m = 0; m < moves; m++) {
    for (let d = 0; d < 4; d++) sink += draw(rng);
    for (let i = 0; i < space.sizes.length; i++)
      for (let o = 0; o < (space.sizes[i] as number); o++) {
        pkg[i] = o;
        sink += utility(space, first, weights, pkg);
      }
  }
  const ms = performance.now() - t0;
  if (sink === -1) console.log('');
  return (ms * 1000) / moves;
}

/** AI reply time per move (µs) over whole games of the AI against itself. */
export function aiReplyTimes(scenario: Scenario, games: number): { p50: number; p99: number; moves: number; floorPerMove: number } {
  const profile = aiProfile(scenario, 'tit-for-tat', 'normal');
  if (!profile) throw new Error('no tit-for-tat personality');
  const settings: Settings = { ...bySide(scenario, () => 'ai:tit-for-tat'), difficulty: 'normal' };
  const times: number[] = [];
  for (let g = 0; g < games; g++) {
    const state = createGame(scenario, `reply-${g}`, settings);
    while (state.phase !== 'ended') {
      const side = state.toMove;
      const t0 = performance.now();
      const action = decideAi(scenario, state, side, profile);
      times.push((performance.now() - t0) * 1000);
      const err = applyActionInPlace(scenario, state, side, action);
      if (err) throw new Error(err);
    }
  }
  return {
    p50: round(median(times), 2),
    p99: round(percentile(times, 0.99), 2),
    moves: times.length,
    floorPerMove: round(floorPerMove(scenario, 20_000), 3),
  };
}

/** `replay verify` engine time per full-length game, and the wall time to verify 1,000 replays. */
export function replayVerifyTimes(scenario: Scenario, sha256: string, count: number) {
  // The first party plays tit-for-tat, the second boulware.
  const settings: Settings = { ...bySide(scenario, (_, i) => (i === 0 ? 'ai:tit-for-tat' : 'ai:boulware')), difficulty: 'normal' };
  const replays = Array.from({ length: count }, (_, i) => {
    const g = playGame(scenario, `verify-${i}`, settings, { checksums: true });
    return makeReplay({
      scenario,
      scenarioHash: sha256,
      seed: `verify-${i}`,
      settings,
      log: g.log,
      checksums: g.checksums,
      finalState: g.state,
    });
  });
  const per: number[] = [];
  const t0 = performance.now();
  for (const r of replays) {
    const s = performance.now();
    const result = verifyReplay(scenario, sha256, r);
    per.push(performance.now() - s);
    if (!result.ok) throw new Error(result.error);
  }
  const total = (performance.now() - t0) / 1000;
  // Floor: replaying the same actions without checksums, i.e. the rules alone.
  const floor: number[] = [];
  for (const r of replays) {
    const s = performance.now();
    const state = createGame(scenario, r.seed, r.settings);
    for (const e of r.log) applyActionInPlace(scenario, state, e.side as Side, e.action as never);
    floor.push(performance.now() - s);
  }
  const turns = median(replays.map((r) => r.log.length));
  return {
    replays: count,
    medianTurns: turns,
    perGameMs: round(median(per), 3),
    totalSeconds: round(total, 3),
    rulesOnlyPerGameMs: round(median(floor), 3),
    checksumShare: round(1 - median(floor) / median(per), 3),
  };
}

/** A synthetic scenario of n issues × k options, all on the agenda, built on the shipped one. */
export function syntheticScenario(base: Scenario, n: number, k: number): Scenario {
  const rng = seedStream(`synthetic-${n}x${k}`, 'setup');
  const [a, b] = sidesOf(base);
  const both = <T>(value: () => T) => bySide(base, value);
  const issues = Array.from({ length: n }, (_, i) => {
    // The first party values the options rising, the second (with noise) falling.
    const rising = Array.from({ length: k }, (_, o) => o / (k - 1));
    const falling = rising.map((x) => Math.min(1, Math.max(0, 1 - x + (draw(rng) - 0.5) * 0.3)));
    const top = Math.max(...falling);
    return {
      id: `issue-${i}`,
      name: `Issue ${i}`,
      description: 'synthetic',
      options: Array.from({ length: k }, (_, o) => ({ id: `o${o}`, label: `Option ${o}`, description: 'synthetic' })),
      notCovered: 'o0',
      evaluations: { [a]: rising, [b]: falling.map((x) => x / top) },
      weights: both(() => [0.5 / n, 1.5 / n] as [number, number]),
      believed: both(() => [0.2 / n, 2 / n] as [number, number]),
      domesticCost: both(() => 2),
    };
  });
  return {
    ...base,
    id: `synthetic-${n}x${k}`,
    issues,
    agenda: { ...base.agenda, core: issues.map((i) => i.id), contested: [], wants: both(() => []), mediatorCompromise: [] },
    events: [],
    scoring: { ...base.scoring, comprehensiveMin: 1 },
  };
}

/** AI time per move as the outcome space grows, with the floor of one utility evaluation per option. */
export function aiScaling(base: Scenario) {
  const shapes: [number, number][] = [
    [3, 3],
    [4, 4],
    [5, 5],
    [6, 5],
    [7, 5],
    [8, 5],
    [9, 5],
    [10, 5],
  ];
  return shapes.map(([n, k]) => {
    const scenario = syntheticScenario(base, n, k);
    const settings: Settings = { ...bySide(scenario, () => 'ai:tit-for-tat'), difficulty: 'normal' };
    const times: number[] = [];
    for (let g = 0; g < 60; g++) {
      const state = createGame(scenario, `scale-${g}`, settings);
      while (state.phase !== 'ended') {
        const side = state.toMove;
        const t0 = performance.now();
        const action = chooseAction(scenario, state, side);
        times.push((performance.now() - t0) * 1000);
        applyActionInPlace(scenario, state, side, action);
      }
    }
    return {
      issues: n,
      options: k,
      outcomes: k ** n,
      medianMicros: round(median(times), 2),
      p99Micros: round(percentile(times, 0.99), 2),
      floorMicros: round(floorPerMove(scenario, 20_000), 3),
    };
  });
}

export { stateChecksum };
