// Rounded rectangles and circles as short point lists. Phaser's own arcs are traced in a hundred
// steps (a cosine and a sine each) every time a Graphics object is drawn, that is every frame while
// anything animates: the table's fifty-odd rounded panels cost more per frame than everything else
// together. A handful of points per corner is indistinguishable at these radii (under 0.2 px off
// the true curve) and is traced once, when the screen is built.
import type Phaser from 'phaser';

type Point = { x: number; y: number };

/** Segments for an arc of `radius` pixels spanning `turn` of a full circle: about one per 3 px of arc. */
function segments(radius: number, turn: number): number {
  return Math.max(2, Math.min(96, Math.ceil((2 * Math.PI * radius * turn) / 3)));
}

function arc(points: Point[], cx: number, cy: number, r: number, from: number): void {
  const n = segments(r, 0.25);
  for (let i = 0; i <= n; i++) {
    const a = from + (i / n) * (Math.PI / 2);
    points.push({ x: cx + Math.cos(a) * r, y: cy + Math.sin(a) * r });
  }
}

/** The outline of a rounded rectangle, clockwise from the top-left corner's end. */
export function roundedRectPoints(x: number, y: number, w: number, h: number, radius: number): Point[] {
  const r = Math.max(0, Math.min(radius, w / 2, h / 2));
  if (r === 0)
    return [
      { x, y },
      { x: x + w, y },
      { x: x + w, y: y + h },
      { x, y: y + h },
    ];
  const points: Point[] = [];
  arc(points, x + w - r, y + r, r, -Math.PI / 2);
  arc(points, x + w - r, y + h - r, r, 0);
  arc(points, x + r, y + h - r, r, Math.PI / 2);
  arc(points, x + r, y + r, r, Math.PI);
  return points;
}

/** The outline of a circle. */
export function circlePoints(cx: number, cy: number, radius: number): Point[] {
  const n = Math.max(8, segments(radius, 1));
  const points: Point[] = [];
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2;
    points.push({ x: cx + Math.cos(a) * radius, y: cy + Math.sin(a) * radius });
  }
  return points;
}

/** Adds the closed outline as the Graphics' current path. */
function trace(g: Phaser.GameObjects.Graphics, points: Point[]): Phaser.GameObjects.Graphics {
  g.beginPath();
  const [first, ...rest] = points;
  if (first) g.moveTo(first.x, first.y);
  for (const p of rest) g.lineTo(p.x, p.y);
  return g.closePath();
}

export function fillRoundRect(g: Phaser.GameObjects.Graphics, x: number, y: number, w: number, h: number, r: number): void {
  trace(g, roundedRectPoints(x, y, w, h, r)).fillPath();
}

export function strokeRoundRect(g: Phaser.GameObjects.Graphics, x: number, y: number, w: number, h: number, r: number): void {
  trace(g, roundedRectPoints(x, y, w, h, r)).strokePath();
}

export function fillDisc(g: Phaser.GameObjects.Graphics, cx: number, cy: number, r: number): void {
  trace(g, circlePoints(cx, cy, r)).fillPath();
}

export function strokeRing(g: Phaser.GameObjects.Graphics, cx: number, cy: number, r: number): void {
  trace(g, circlePoints(cx, cy, r)).strokePath();
}

/** A dashed straight line from (x1, y1) to (x2, y2), in the graphics' current line style. */
export function strokeDashedLine(g: Phaser.GameObjects.Graphics, x1: number, y1: number, x2: number, y2: number, dash = 5): void {
  const len = Math.hypot(x2 - x1, y2 - y1);
  const steps = Math.floor(len / (dash * 2));
  for (let i = 0; i <= steps; i++) {
    const a = (i * dash * 2) / len;
    const b = Math.min(1, (i * dash * 2 + dash) / len);
    g.lineBetween(x1 + (x2 - x1) * a, y1 + (y2 - y1) * a, x1 + (x2 - x1) * b, y1 + (y2 - y1) * b);
  }
}
