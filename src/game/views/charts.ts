// Debrief charts drawn with Graphics: the deal against the Pareto frontier and the Nash point, and
// line charts over rounds. Series differ by marker shape as well as colour.
import Phaser from 'phaser';
import type { Analysis } from '../../core/analysis';
import type { Rect } from '../../dom/controls';
import { m } from '../../i18n';
import { fillMarker, type MarkerShape, markerGlyph } from '../markers';
import { fillDisc, strokeDashedLine } from '../shapes';
import { COLOR } from '../theme';
import { keepLeftToRight, label, text } from '../ui';

function axes(
  scene: Phaser.Scene,
  r: Rect,
  xLabel: string,
  yLabel: string,
  xTicks: { v: number; t: string }[],
  yTicks: { v: number; t: string }[],
) {
  const g = scene.add.graphics();
  g.lineStyle(1, COLOR.edge, 1);
  for (const tick of yTicks) {
    const y = r.y + r.h - tick.v * r.h;
    g.lineBetween(r.x, y, r.x + r.w, y);
    text(scene, r.x - 6, y, tick.t, { size: 10, color: COLOR.muted, scalable: false }).setOrigin(1, 0.5);
  }
  for (const tick of xTicks) {
    const x = r.x + tick.v * r.w;
    g.lineBetween(x, r.y, x, r.y + r.h);
    text(scene, x, r.y + r.h + 4, tick.t, { size: 10, color: COLOR.muted, scalable: false }).setOrigin(0.5, 0);
  }
  g.lineStyle(1.5, COLOR.edgeHi, 1);
  g.strokeRect(r.x, r.y, r.w, r.h);
  text(scene, r.x + r.w / 2, r.y + r.h + 20, xLabel, { size: 11, color: COLOR.ink, weight: 600, scalable: false }).setOrigin(0.5, 0);
  text(scene, r.x - 36, r.y + r.h / 2, yLabel, { size: 11, color: COLOR.ink, weight: 600, scalable: false })
    .setOrigin(0.5)
    .setAngle(-90);
  return g;
}

// The numeric axes run left to right and bottom to top in every language (as Persian charts print
// them): only the words and the digits change.
const tenths = () => [0, 0.2, 0.4, 0.6, 0.8, 1].map((v) => ({ v, t: m.debrief.tick(Math.round(v * 100)) }));

/** The deal space: the frontier, the walk-away lines, the Nash point and the deal (left to right in any language). */
export function drawParetoChart(scene: Phaser.Scene, r: Rect, analysis: Analysis, names: { a: string; b: string }): string[] {
  return keepLeftToRight(scene, r, () => paretoChart(scene, r, analysis, names));
}

function paretoChart(scene: Phaser.Scene, r: Rect, analysis: Analysis, names: { a: string; b: string }): string[] {
  const g = axes(scene, r, m.debrief.utilityAxis(names.a), m.debrief.utilityAxis(names.b), tenths(), tenths());
  const px = (u: number) => r.x + u * r.w;
  const py = (u: number) => r.y + r.h - u * r.h;
  // Zone of agreement: above both walk-away values.
  const { reservation } = analysis;
  g.fillStyle(COLOR.calm, 0.07);
  g.fillRect(px(reservation.a), r.y, r.x + r.w - px(reservation.a), py(reservation.b) - r.y);
  g.lineStyle(1, COLOR.danger, 0.8);
  strokeDashedLine(g, px(reservation.a), r.y, px(reservation.a), r.y + r.h);
  strokeDashedLine(g, r.x, py(reservation.b), r.x + r.w, py(reservation.b));
  // The frontier.
  g.lineStyle(2.5, COLOR.brass, 1);
  g.beginPath();
  for (const [i, p] of analysis.frontier.entries()) {
    if (i === 0) g.moveTo(px(p.a), py(p.b));
    else g.lineTo(px(p.a), py(p.b));
  }
  g.strokePath();
  for (const p of analysis.frontier) {
    g.fillStyle(COLOR.brass, 1);
    fillDisc(g, px(p.a), py(p.b), 2);
  }
  const legend: string[] = [m.debrief.legendFrontier, m.debrief.legendWalkAway];
  // Markers first, then their names, each name placed where it covers no marker, no other name and
  // no walk-away line, inside the chart (a deal near the Nash point put "Your deal" on "Nash").
  // `id` names the label's object (the same in every language), `name` is what it shows.
  const marks: { x: number; y: number; id: string; name: string; color: number }[] = [];
  if (analysis.nash) {
    const { a, b } = analysis.nash;
    g.fillStyle(COLOR.ink, 1);
    g.fillPoints(
      [
        new Phaser.Math.Vector2(px(a), py(b) - 8),
        new Phaser.Math.Vector2(px(a) + 8, py(b)),
        new Phaser.Math.Vector2(px(a), py(b) + 8),
        new Phaser.Math.Vector2(px(a) - 8, py(b)),
      ],
      true,
    );
    marks.push({ x: px(a), y: py(b), id: 'Nash', name: m.debrief.markNash, color: COLOR.ink });
    legend.push(m.debrief.legendNash(Math.round(a * 100), Math.round(b * 100)));
  }
  if (analysis.deal) {
    const { a, b } = analysis.deal;
    const star = scene.add.star(px(a), py(b), 5, 5, 11, COLOR.danger);
    star.setStrokeStyle(2, COLOR.ink);
    marks.push({ x: px(a), y: py(b), id: 'Your deal', name: m.debrief.markDeal, color: COLOR.danger });
    legend.push(m.debrief.legendDeal(Math.round(a * 100), Math.round(b * 100)));
  } else {
    const star = scene.add.star(px(reservation.a), py(reservation.b), 5, 5, 11, COLOR.muted);
    star.setStrokeStyle(2, COLOR.ink);
    marks.push({ x: px(reservation.a), y: py(reservation.b), id: 'No deal', name: m.debrief.markNoDeal, color: COLOR.muted });
    legend.push(m.debrief.legendNoDeal(Math.round(reservation.a * 100), Math.round(reservation.b * 100)));
  }
  const taken: Box[] = [
    ...marks.map((mark) => ({ x: mark.x - 11, y: mark.y - 11, w: 22, h: 22 })),
    // The walk-away lines, with a pixel to spare on each side.
    { x: px(reservation.a) - 2, y: r.y, w: 4, h: r.h },
    { x: r.x, y: py(reservation.b) - 2, w: r.w, h: 4 },
    // The frontier, as small boxes along it ("No deal" once sat across the gold line).
    ...frontierBoxes(analysis.frontier.map((p) => ({ x: px(p.a), y: py(p.b) }))),
  ];
  for (const mark of marks) {
    const t = text(scene, 0, 0, mark.name, { size: 11, weight: 700, color: mark.color, scalable: false });
    const at = placeLabel({ x: mark.x, y: mark.y }, { w: t.width, h: t.height }, taken, r);
    t.setPosition(at.x, at.y);
    t.setName(`chart-label:${mark.id}`);
    taken.push({ x: at.x, y: at.y, w: t.width, h: t.height });
  }
  return legend;
}

export interface Series {
  name: string;
  color: number;
  marker: MarkerShape;
  values: (number | null)[];
}

/** A line chart of rounds (left to right in any language: its rounds run as Persian charts print them). */
export function drawLineChart(
  scene: Phaser.Scene,
  r: Rect,
  series: Series[],
  xLabels: string[],
  o: { yLabel: string; xLabel: string; max?: number },
): void {
  keepLeftToRight(scene, r, () => lineChart(scene, r, series, xLabels, o));
}

function lineChart(scene: Phaser.Scene, r: Rect, series: Series[], xLabels: string[], o: { yLabel: string; xLabel: string; max?: number }) {
  const max = o.max ?? 1;
  const n = Math.max(1, xLabels.length - 1);
  const xTicks = xLabels.map((t, i) => ({ v: i / n, t }));
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((v) => ({ v, t: m.debrief.tick(Math.round(v * max * 100)) }));
  const g = axes(scene, r, o.xLabel, o.yLabel, xTicks, yTicks);
  for (const s of series) {
    const pts = s.values
      .map((v, i) => (v === null ? null : { x: r.x + (i / n) * r.w, y: r.y + r.h - Math.min(1, v / max) * r.h }))
      .filter((p): p is { x: number; y: number } => p !== null);
    g.lineStyle(2, s.color, 1);
    g.beginPath();
    for (const [i, p] of pts.entries()) {
      if (i === 0) g.moveTo(p.x, p.y);
      else g.lineTo(p.x, p.y);
    }
    g.strokePath();
    g.fillStyle(s.color, 1);
    for (const p of pts) fillMarker(g, p.x, p.y, s.marker);
  }
  // The legend above the chart, one entry after another by their measured widths (a fixed step
  // made long names run into each other), on a further line above when one is full.
  const rows: Phaser.GameObjects.Text[][] = [[]];
  let x = r.x + 8;
  for (const s of series) {
    const glyph = markerGlyph(s.marker);
    const t = label(scene, x, 0, `${glyph} ${s.name}`, s.color).setName(`chart-legend:${s.name}`);
    if (x > r.x + 8 && x + t.width > r.x + r.w) {
      x = r.x + 8;
      t.setX(x);
      rows.push([]);
    }
    rows[rows.length - 1]?.push(t);
    x += t.width + 24;
  }
  rows.forEach((row, i) => {
    for (const t of row) t.setY(r.y - 18 - (rows.length - 1 - i) * 16);
  });
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Boxes covering a polyline, a few pixels apart along it. */
function frontierBoxes(points: { x: number; y: number }[]): Box[] {
  const boxes: Box[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as { x: number; y: number };
    const b = points[i] as { x: number; y: number };
    const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 3));
    for (let k = 0; k <= steps; k++)
      boxes.push({ x: a.x + ((b.x - a.x) * k) / steps - 2, y: a.y + ((b.y - a.y) * k) / steps - 2, w: 4, h: 4 });
  }
  return boxes;
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Where to put a label of `size` next to the point `at`: the first of the places around it (right,
 * left, above, below and the corners, then the same further out) that lies inside `within` and
 * covers none of the `taken` boxes; if every place covers something, the one that covers least.
 */
export function placeLabel(
  at: { x: number; y: number },
  size: { w: number; h: number },
  taken: readonly Box[],
  within: Box,
): { x: number; y: number } {
  let best = { x: at.x + 12, y: at.y - size.h / 2 };
  let bestCost = Number.POSITIVE_INFINITY;
  for (const d of [12, 20, 30, 44, 60]) {
    const places = [
      { x: at.x + d, y: at.y - size.h / 2 },
      { x: at.x - d - size.w, y: at.y - size.h / 2 },
      { x: at.x + d * 0.7, y: at.y - d * 0.7 - size.h },
      { x: at.x + d * 0.7, y: at.y + d * 0.7 },
      { x: at.x - d * 0.7 - size.w, y: at.y - d * 0.7 - size.h },
      { x: at.x - d * 0.7 - size.w, y: at.y + d * 0.7 },
      { x: at.x - size.w / 2, y: at.y - d - size.h },
      { x: at.x - size.w / 2, y: at.y + d },
    ];
    for (const p of places) {
      const box = { x: p.x, y: p.y, ...size };
      const outside = box.x < within.x || box.y < within.y || box.x + box.w > within.x + within.w || box.y + box.h > within.y + within.h;
      const cost = taken.reduce((sum, t) => sum + overlap(box, t), 0) + (outside ? 1e6 : 0) + d;
      if (cost === d) return p;
      if (cost < bestCost) {
        best = p;
        bestCost = cost;
      }
    }
  }
  return best;
}
