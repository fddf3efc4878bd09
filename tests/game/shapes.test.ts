import { describe, expect, it } from 'vitest';
import { circlePoints, roundedRectPoints } from '../../src/game/shapes';

/** Distance from a point to the nearest edge of a rounded rectangle's true outline. */
function offOutline(p: { x: number; y: number }, x: number, y: number, w: number, h: number, r: number): number {
  const cx = Math.min(Math.max(p.x, x + r), x + w - r);
  const cy = Math.min(Math.max(p.y, y + r), y + h - r);
  const inCorner = cx !== p.x && cy !== p.y;
  if (inCorner) return Math.abs(Math.hypot(p.x - cx, p.y - cy) - r);
  return Math.min(Math.abs(p.x - x), Math.abs(p.x - (x + w)), Math.abs(p.y - y), Math.abs(p.y - (y + h)));
}

describe('shapes', () => {
  it('traces a rounded rectangle with a few points per corner, all on the true outline', () => {
    for (const [w, h, r] of [
      [640, 540, 10],
      [120, 34, 8],
      [20, 12, 10],
      [300, 36, 0],
    ] as const) {
      const points = roundedRectPoints(40, 160, w, h, r);
      expect(points.length).toBeLessThanOrEqual(r === 0 ? 4 : 4 * (Math.ceil((Math.PI * r) / 6) + 1));
      for (const p of points) {
        expect(p.x).toBeGreaterThanOrEqual(40 - 1e-9);
        expect(p.x).toBeLessThanOrEqual(40 + w + 1e-9);
        expect(p.y).toBeGreaterThanOrEqual(160 - 1e-9);
        expect(p.y).toBeLessThanOrEqual(160 + h + 1e-9);
        expect(offOutline(p, 40, 160, w, h, Math.min(r, w / 2, h / 2))).toBeLessThan(1e-9);
      }
      // Midpoints of the chords stay within a fifth of a pixel of the curve.
      for (let i = 0; i < points.length; i++) {
        const a = points[i];
        const b = points[(i + 1) % points.length];
        if (!a || !b) continue;
        const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
        expect(offOutline(mid, 40, 160, w, h, Math.min(r, w / 2, h / 2))).toBeLessThan(0.2);
      }
    }
  });

  it('traces a circle with points on it, closer together than 3.2 px', () => {
    for (const r of [2, 4, 6, 40]) {
      const points = circlePoints(100, 50, r);
      expect(points.length).toBeGreaterThanOrEqual(8);
      for (const p of points) expect(Math.hypot(p.x - 100, p.y - 50)).toBeCloseTo(r, 9);
      const first = points[0];
      const second = points[1];
      if (first && second) expect(Math.hypot(first.x - second.x, first.y - second.y)).toBeLessThan(3.2);
    }
  });
});
