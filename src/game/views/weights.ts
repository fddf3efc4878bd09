// Issue weights as bars: your own (known exactly) or the other side's (a believed range until the debrief).
import type Phaser from 'phaser';
import type { Scenario } from '../../core/scenario/schema';
import { m } from '../../i18n';
import { COLOR } from '../theme';
import { text } from '../ui';

export interface WeightRow {
  name: string;
  value?: number;
  range?: [number, number];
  truth?: number;
}

/** Draws one row per issue; bars are scaled so that `max` fills the width. Returns the height used. */
export function drawWeightBars(
  scene: Phaser.Scene,
  x: number,
  y: number,
  w: number,
  rows: WeightRow[],
  o: { color: number; max?: number; rowH?: number; nameW?: number },
): number {
  const rowH = o.rowH ?? 24;
  const nameW = o.nameW ?? 170;
  const max = o.max ?? Math.max(0.35, ...rows.map((r) => r.range?.[1] ?? r.value ?? 0));
  const barW = w - nameW - 50;
  const g = scene.add.graphics();
  rows.forEach((row, i) => {
    const ry = y + i * rowH;
    text(scene, x, ry + 2, row.name, { size: 12, color: COLOR.ink, scalable: false });
    const bx = x + nameW;
    g.fillStyle(COLOR.panelHi, 1);
    g.fillRect(bx, ry + 5, barW, 10);
    if (row.range) {
      const [lo, hi] = row.range;
      g.fillStyle(o.color, 0.45);
      g.fillRect(bx + (lo / max) * barW, ry + 5, Math.max(2, ((hi - lo) / max) * barW), 10);
      g.lineStyle(1, o.color, 1);
      g.strokeRect(bx + (lo / max) * barW, ry + 5, Math.max(2, ((hi - lo) / max) * barW), 10);
      const caption = m.table.percentRange(Math.round(lo * 100), Math.round(hi * 100));
      text(scene, bx + barW + 6, ry + 1, caption, { size: 11, color: COLOR.muted, scalable: false });
    }
    if (row.value !== undefined) {
      g.fillStyle(o.color, 1);
      g.fillRect(bx, ry + 5, (row.value / max) * barW, 10);
      if (!row.range)
        text(scene, bx + barW + 6, ry + 1, m.table.percent(Math.round(row.value * 100)), { size: 11, color: COLOR.muted, scalable: false });
    }
    if (row.truth !== undefined) {
      const tx = bx + (row.truth / max) * barW;
      g.fillStyle(COLOR.ink, 1);
      g.fillTriangle(tx - 5, ry + 1, tx + 5, ry + 1, tx, ry + 8);
      g.fillRect(tx - 1, ry + 3, 2, 14);
    }
  });
  return rows.length * rowH;
}

export function issueNames(scenario: Scenario): string[] {
  return scenario.issues.map((i) => i.name);
}
