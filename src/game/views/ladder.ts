// The escalation ladder: every rung named, the current one lit, the hazard of the coming end-of-round
// roll as things stand (a percentage), the tension behind it, and on the player's turn what each of
// their moves would make that hazard, before the other side's reply.
import type Phaser from 'phaser';
import { projectedTension } from '../../core/escalation/escalation';
import { groupByHazard, type HazardPreview } from '../../core/escalation/preview';
import type { Scenario } from '../../core/scenario/schema';
import type { GameState } from '../../core/types';
import type { Rect } from '../../dom/controls';
import { f, m, shown } from '../../i18n';
import { COLOR } from '../theme';
import { label, panel, text, tween } from '../ui';
import { tensionText } from './riskText';

export function hazardColor(h: number): number {
  return h >= 0.25 ? COLOR.danger : h >= 0.1 ? COLOR.warn : COLOR.calm;
}

export function hazardWord(h: number): string {
  const level = m.table.hazardLevel;
  return h >= 0.25 ? level.severe : h >= 0.1 ? level.elevated : level.low;
}

/** A hazard as the ladder shows it: one decimal below 10%. */
export function hazardPercent(h: number): string {
  if (h === 0) return f.pct(0);
  return f.pct(h, h < 0.1 ? 1 : 0);
}

/** "Your move, before their reply: threat 19% · firm 15% · conciliatory, concede 11% · recess 8%". */
export function previewLine(preview: HazardPreview): string | null {
  if (preview.moves.length === 0) return null;
  // No-break spaces: a move's name stays whole, and the last one on the line of its percentage.
  const nb = (t: string) => t.replace(/ /g, '\u00a0');
  // Moves whose hazards show as the same percentage share a group too.
  const shown = new Map<string, string[]>();
  for (const g of groupByHazard(preview.moves)) {
    const p = hazardPercent(g.hazard);
    shown.set(p, [...(shown.get(p) ?? []), ...g.names.map((name) => m.table.moveName[name] ?? name)]);
  }
  const groups = [...shown].map(([p, names]) => `${names.map(nb).join(m.table.comma)}\u00a0${p}`);
  return m.table.previewLine(groups.join(' · '));
}

/** Room kept under the hazard bar for the per-move line (up to four lines of 10 px). */
const PREVIEW_H = 56;

export function drawLadder(
  scene: Phaser.Scene,
  r: Rect,
  scenario: Scenario,
  game: GameState,
  previousRung: number | null,
  preview: HazardPreview | null = null,
): void {
  panel(scene, r);
  label(scene, r.x + 14, r.y + 10, m.table.ladder);
  const rungs = shown(scenario).ladder.rungs;
  const top = r.y + 32;
  const rowH = Math.min(24, (r.h - 98 - PREVIEW_H) / rungs.length);
  const g = scene.add.graphics();
  // Rails.
  g.lineStyle(2, COLOR.edgeHi, 1);
  g.lineBetween(r.x + 20, top, r.x + 20, top + rowH * rungs.length);
  g.lineBetween(r.x + 36, top, r.x + 36, top + rowH * rungs.length);
  const yOf = (i: number) => top + (rungs.length - 1 - i) * rowH + rowH / 2;
  rungs.forEach((rung, i) => {
    const y = yOf(i);
    const current = i === game.rung;
    const danger = i === rungs.length - 1;
    g.lineStyle(2, current ? COLOR.brass : COLOR.edgeHi, 1);
    g.lineBetween(r.x + 20, y, r.x + 36, y);
    text(scene, r.x + 46, y - 8, `${m.table.n(i)}  ${rung.name}`, {
      size: 12,
      weight: current ? 700 : 400,
      color: current ? COLOR.brass : danger ? 0xc46a6a : i < game.rung ? COLOR.muted : COLOR.ink,
      scalable: false,
    });
  });
  // The marker: a chevron beside the current rung that climbs from where it was.
  const marker = scene.add.triangle(r.x + 8, yOf(previousRung ?? game.rung), 0, -6, 0, 6, 9, 0, COLOR.brass);
  if (previousRung !== null && previousRung !== game.rung)
    tween(scene, { targets: marker, y: yOf(game.rung), duration: 700, ease: 'Back.easeOut' });

  // Hazard and tension.
  const hy = top + rowH * rungs.length + 10;
  if (game.hazardVisible === false) {
    // The facilitator has hidden the hazard: the teams see the rung, not the odds.
    label(scene, r.x + 14, hy, m.table.hazardRoll);
    text(scene, r.x + 14, hy + 18, m.table.hazardHidden, { size: 16, weight: 700, color: COLOR.muted, scalable: false });
    return;
  }
  const color = hazardColor(game.hazard);
  label(scene, r.x + 14, hy, m.table.hazardNow);
  text(scene, r.x + 14, hy + 14, hazardPercent(game.hazard), {
    size: 26,
    weight: 700,
    color,
    scalable: false,
  });
  text(scene, r.x + 110, hy + 22, `${hazardWord(game.hazard)} · ${tensionText(projectedTension(scenario.ladder, game))}`, {
    size: 12,
    color: COLOR.muted,
    scalable: false,
  });
  const barX = r.x + 14;
  const barW = r.w - 28;
  g.fillStyle(COLOR.panelHi, 1);
  g.fillRect(barX, hy + 48, barW, 6);
  const fill = scene.add.rectangle(barX, hy + 48, 0, 6, color).setOrigin(0);
  tween(scene, { targets: fill, width: Math.max(2, Math.min(1, game.hazard) * barW), duration: 500, ease: 'Cubic.easeOut' });
  const line = preview ? previewLine(preview) : null;
  if (line)
    text(scene, r.x + 14, hy + 58, line, {
      size: 10,
      color: COLOR.ink,
      wrap: r.w - 28,
      lineSpacing: 1,
      maxLines: 4,
      scalable: false,
    });
}
