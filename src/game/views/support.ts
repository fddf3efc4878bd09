// Domestic support for both delegations: the value, the recall line, and the hardliner-pressure line.
import type Phaser from 'phaser';
import type { Scenario, Side } from '../../core/scenario/schema';
import { otherSide } from '../../core/sides';
import type { GameState } from '../../core/types';
import type { Rect } from '../../dom/controls';
import { f, m, shown } from '../../i18n';
import { COLOR, sideColor, sideGlyph } from '../theme';
import { label, panel, text, tween } from '../ui';

export function drawSupport(
  scene: Phaser.Scene,
  r: Rect,
  scenario: Scenario,
  game: GameState,
  you: Side,
  o: { markYou?: boolean } = {},
): void {
  panel(scene, r);
  label(scene, r.x + 14, r.y + 10, m.table.supportAtHome);
  const words = shown(scenario);
  const sides: Side[] = [you, otherSide(scenario, you)];
  sides.forEach((side, i) => {
    const y = r.y + 32 + i * 42;
    const party = scenario.parties[side]!;
    const name = words.parties[side]!.short;
    const value = game.support[side]!;
    const color = sideColor(scenario, side);
    const { recallBelow, pressureBelow } = party.support;
    const danger = value < pressureBelow;
    text(scene, r.x + 14, y, `${sideGlyph(scenario, side)} ${name}${side === you && o.markYou !== false ? ` ${m.table.you}` : ''}`, {
      size: 12,
      weight: 700,
      color,
      scalable: false,
    });
    text(scene, r.x + r.w - 14, y, `${f.num(value)}${danger ? ' ⚠' : ''}`, {
      size: 13,
      weight: 700,
      color: danger ? COLOR.warn : COLOR.ink,
      scalable: false,
    }).setOrigin(1, 0);
    const bx = r.x + 14;
    const bw = r.w - 28;
    const g = scene.add.graphics();
    g.fillStyle(COLOR.panelHi, 1);
    g.fillRect(bx, y + 18, bw, 10);
    const bar = scene.add.rectangle(bx, y + 18, 0, 10, color, 0.9).setOrigin(0);
    tween(scene, { targets: bar, width: (value / 100) * bw, duration: 450, ease: 'Cubic.easeOut' });
    // Recall line (solid red) and pressure line (dashed amber): marks, not just colour.
    const rx = bx + (recallBelow / 100) * bw;
    g.fillStyle(COLOR.danger, 1);
    g.fillRect(rx - 1, y + 14, 2, 18);
    const px = bx + (pressureBelow / 100) * bw;
    g.fillStyle(COLOR.warn, 1);
    for (let k = 0; k < 3; k++) g.fillRect(px - 1, y + 14 + k * 7, 2, 4);
  });
  text(scene, r.x + 14, r.y + r.h - 18, `▌ ${m.table.recallLine}   ┆ ${m.table.pressureLine}`, {
    size: 10,
    color: COLOR.muted,
    scalable: false,
  });
}
