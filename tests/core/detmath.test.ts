// The deterministic exp/log behind the hazard and the AI's concession curve: plain IEEE arithmetic,
// so Node's CLI and any browser compute the same bits (Math.exp/Math.log may differ across engines).
import { describe, expect, it } from 'vitest';
import { exp, log } from '../../src/core/detmath';
import { draw, seedStream } from '../../src/core/rng';

const ulps = (a: number, b: number) => Math.abs(a - b) / (Math.abs(b) * Number.EPSILON || Number.MIN_VALUE);

describe('deterministic exp and log', () => {
  it('agree with the platform to within one unit in the last place', () => {
    const rng = seedStream('detmath', 'setup');
    for (let i = 0; i < 20_000; i++) {
      const x = (draw(rng) - 0.5) * 60;
      expect(ulps(exp(x), Math.exp(x))).toBeLessThanOrEqual(1);
      const y = draw(rng) * 1e3 + 1e-9;
      expect(ulps(log(y), Math.log(y))).toBeLessThanOrEqual(1);
    }
  });

  it('handle the edges', () => {
    expect(exp(0)).toBe(1);
    expect(exp(1)).toBe(Math.E);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(1000)).toBe(Infinity);
    expect(log(1)).toBe(0);
    expect(log(0)).toBe(-Infinity);
    expect(Number.isNaN(log(-1))).toBe(true);
  });
});
