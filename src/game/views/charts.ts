// Debrief charts drawn with Graphics: the deal against the Pareto frontier and the Nash point, and
// line charts over rounds. Series differ by marker shape as well as colour.
import Phaser from 'phaser';
import type { Analysis } from '../../core/analysis';
import type { Rect } from '../../dom/controls';
import { fillDisc } from '../shapes';
import { COLOR, SIDE_COLOR } from '../theme';
import { label, text } from '../ui';

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

const tenths = [0, 0.2, 0.4, 0.6, 0.8, 1].map((v) => ({ v, t: `${Math.round(v * 100)}` }));

export function drawParetoChart(scene: Phaser.Scene, r: Rect, analysis: Analysis, names: { us: string; iran: string }): string[] {
  const g = axes(scene, r, `${names.us} utility →`, `${names.iran} utility →`, tenths, tenths);
  const px = (u: number) => r.x + u * r.w;
  const py = (u: number) => r.y + r.h - u * r.h;
  // Zone of agreement: above both walk-away values.
  const { reservation } = analysis;
  g.fillStyle(COLOR.calm, 0.07);
  g.fillRect(px(reservation.us), r.y, r.x + r.w - px(reservation.us), py(reservation.iran) - r.y);
  g.lineStyle(1, COLOR.danger, 0.8);
  dashed(g, px(reservation.us), r.y, px(reservation.us), r.y + r.h);
  dashed(g, r.x, py(reservation.iran), r.x + r.w, py(reservation.iran));
  // The frontier.
  g.lineStyle(2.5, COLOR.brass, 1);
  g.beginPath();
  for (const [i, p] of analysis.frontier.entries()) {
    if (i === 0) g.moveTo(px(p.us), py(p.iran));
    else g.lineTo(px(p.us), py(p.iran));
  }
  g.strokePath();
  for (const p of analysis.frontier) {
    g.fillStyle(COLOR.brass, 1);
    fillDisc(g, px(p.us), py(p.iran), 2);
  }
  const legend: string[] = ['Gold line: Pareto frontier (no side can gain without the other losing)', 'Dashed red lines: walk-away values'];
  if (analysis.nash) {
    const { us, iran } = analysis.nash;
    g.fillStyle(COLOR.ink, 1);
    g.fillPoints(
      [
        new Phaser.Math.Vector2(px(us), py(iran) - 8),
        new Phaser.Math.Vector2(px(us) + 8, py(iran)),
        new Phaser.Math.Vector2(px(us), py(iran) + 8),
        new Phaser.Math.Vector2(px(us) - 8, py(iran)),
      ],
      true,
    );
    text(scene, px(us) + 10, py(iran) - 18, 'Nash', { size: 11, weight: 700, scalable: false });
    legend.push(`Diamond: Nash point (${Math.round(us * 100)}, ${Math.round(iran * 100)})`);
  }
  if (analysis.deal) {
    const { us, iran } = analysis.deal;
    const star = scene.add.star(px(us), py(iran), 5, 5, 11, COLOR.danger);
    star.setStrokeStyle(2, COLOR.ink);
    text(scene, px(us) + 12, py(iran) + 4, 'Your deal', { size: 11, weight: 700, color: COLOR.danger, scalable: false });
    legend.push(`Star: the deal (${Math.round(us * 100)}, ${Math.round(iran * 100)})`);
  } else {
    const star = scene.add.star(px(reservation.us), py(reservation.iran), 5, 5, 11, COLOR.muted);
    star.setStrokeStyle(2, COLOR.ink);
    text(scene, px(reservation.us) + 12, py(reservation.iran) + 4, 'No deal', {
      size: 11,
      weight: 700,
      color: COLOR.muted,
      scalable: false,
    });
    legend.push(
      `Star: no deal, each side at its walk-away value (${Math.round(reservation.us * 100)}, ${Math.round(reservation.iran * 100)})`,
    );
  }
  return legend;
}

export interface Series {
  name: string;
  color: number;
  marker: 'square' | 'circle' | 'triangle';
  values: (number | null)[];
}

export function drawLineChart(
  scene: Phaser.Scene,
  r: Rect,
  series: Series[],
  xLabels: string[],
  o: { yLabel: string; xLabel: string; max?: number },
) {
  const max = o.max ?? 1;
  const n = Math.max(1, xLabels.length - 1);
  const xTicks = xLabels.map((t, i) => ({ v: i / n, t }));
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((v) => ({ v, t: `${Math.round(v * max * 100)}` }));
  const g = axes(scene, r, o.xLabel, o.yLabel, xTicks, yTicks);
  series.forEach((s, k) => {
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
    for (const p of pts) {
      if (s.marker === 'square') g.fillRect(p.x - 4, p.y - 4, 8, 8);
      else if (s.marker === 'circle') fillDisc(g, p.x, p.y, 4);
      else g.fillTriangle(p.x, p.y - 5, p.x + 5, p.y + 4, p.x - 5, p.y + 4);
    }
    const glyph = s.marker === 'square' ? '■' : s.marker === 'circle' ? '●' : '▲';
    label(scene, r.x + 8 + k * 190, r.y - 18, `${glyph} ${s.name}`, s.color);
  });
}

function dashed(g: Phaser.GameObjects.Graphics, x1: number, y1: number, x2: number, y2: number, dash = 5): void {
  const len = Math.hypot(x2 - x1, y2 - y1);
  const steps = Math.floor(len / (dash * 2));
  for (let i = 0; i <= steps; i++) {
    const a = (i * dash * 2) / len;
    const b = Math.min(1, (i * dash * 2 + dash) / len);
    g.lineBetween(x1 + (x2 - x1) * a, y1 + (y2 - y1) * a, x1 + (x2 - x1) * b, y1 + (y2 - y1) * b);
  }
}

export { SIDE_COLOR };
