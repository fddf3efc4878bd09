import { describe, expect, it } from 'vitest';
import { distanceToFrontier, nashPoint, outcomes, type Point, paretoFrontier } from '../../src/core/analysis';

const p = (a: number, b: number): Point => ({ a, b, pkg: [] });

describe('Pareto frontier and Nash point on a hand-checked domain', () => {
  // Two issues, two options each. u_first = .6·a + .4·b, u_second = .3·(1-a) + .7·(1-b).
  const points = [...outcomes([2, 2], [0, 0], [true, true])].map((pkg) => {
    const [a = 0, b = 0] = pkg;
    return { a: 0.6 * a + 0.4 * b, b: 0.3 * (1 - a) + 0.7 * (1 - b), pkg };
  });

  it('enumerates every outcome of the agenda', () => {
    expect(points.map((x) => x.pkg)).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
  });

  it('keeps exactly the undominated outcomes', () => {
    // (0,0)=(0,1) (0,1)=(.4,.3) (1,0)=(.6,.7) (1,1)=(1,0): (0,1) is dominated by (1,0).
    const frontier = paretoFrontier(points);
    expect(frontier.map((x) => x.pkg)).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
    ]);
  });

  it('puts the Nash point at the maximum product of gains over the reservation values', () => {
    const frontier = paretoFrontier(points);
    expect(nashPoint(frontier, { a: 0, b: 0 })?.pkg).toEqual([1, 0]); // .6·.7 = .42
    expect(nashPoint(frontier, { a: 0.7, b: 0.8 })).toBeNull(); // no zone of agreement
  });

  it('measures a dominated deal’s distance to the frontier', () => {
    const frontier = paretoFrontier([p(0, 1), p(1, 0)]);
    expect(distanceToFrontier(frontier, p(0, 0))).toBeCloseTo(Math.SQRT1_2, 9);
    expect(distanceToFrontier(frontier, p(0.5, 0.5))).toBeCloseTo(0, 9);
  });
});
