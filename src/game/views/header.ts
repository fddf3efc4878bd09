// The strip across the top of every game screen: who you are, the phase, and the clock.
import type Phaser from 'phaser';
import type { Session } from '../../app/session';
import { fillDisc, strokeRing } from '../shapes';
import { COLOR, SIDE_COLOR, SIDE_GLYPH, W } from '../theme';
import { label, text } from '../ui';
import { isSpectator } from './spectator';

export function drawHeader(scene: Phaser.Scene, session: Session, phase: string): void {
  const g = scene.add.graphics();
  g.fillStyle(COLOR.panel, 1);
  g.fillRect(0, 0, W, 44);
  g.lineStyle(1, COLOR.edge, 1);
  g.lineBetween(0, 44.5, W, 44.5);
  const party = session.scenario.parties[session.side];
  if (isSpectator(session)) {
    // Someone watching sits on neither side.
    text(scene, 16, 12, 'Watching', { size: 16, weight: 700, color: COLOR.ink, scalable: false });
    text(scene, 106, 14, `${session.scenario.parties.us.short} and ${session.scenario.parties.iran.short} · ${phase}`, {
      size: 14,
      color: COLOR.muted,
      scalable: false,
    });
  } else {
    text(scene, 16, 12, `${SIDE_GLYPH[session.side]} ${party.short}`, {
      size: 16,
      weight: 700,
      color: SIDE_COLOR[session.side],
      scalable: false,
    });
    text(scene, 70, 14, `${party.head} · ${phase}`, { size: 14, color: COLOR.muted, scalable: false });
  }
  const game = session.game;
  if (game.round > 0) drawRoundPips(scene, 700, 12, game.round, game.deadline);
}

/** Round pips: filled for rounds played, a ring for the current one, the deadline at the end. */
export function drawRoundPips(scene: Phaser.Scene, right: number, y: number, round: number, deadline: number): void {
  const g = scene.add.graphics();
  const step = 16;
  const x0 = right - deadline * step;
  label(scene, x0 - 150, y + 4, `Round ${round} of ${deadline}`, COLOR.ink);
  for (let i = 1; i <= deadline; i++) {
    const x = x0 + (i - 1) * step + 6;
    if (i < round) {
      g.fillStyle(COLOR.muted, 1);
      fillDisc(g, x, y + 10, 4);
    } else if (i === round) {
      g.fillStyle(COLOR.brass, 1);
      fillDisc(g, x, y + 10, 6);
    } else {
      g.lineStyle(1.5, i === deadline ? COLOR.danger : COLOR.edgeHi, 1);
      strokeRing(g, x, y + 10, 4);
    }
  }
  text(scene, x0 + deadline * step + 2, y + 3, 'deadline', { size: 11, color: COLOR.danger, weight: 600, scalable: false });
}
