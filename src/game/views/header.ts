// The strip across the top of every game screen: who you are, the phase, and the clock.
import type Phaser from 'phaser';
import type { Session } from '../../app/session';
import { sidesOf } from '../../core/sides';
import { m, shown } from '../../i18n';
import { fillDisc, strokeRing } from '../shapes';
import { COLOR, sideColor, sideGlyph, W } from '../theme';
import { label, text } from '../ui';
import { isSpectator } from './spectator';

export function drawHeader(scene: Phaser.Scene, session: Session, phase: string): void {
  const g = scene.add.graphics();
  g.fillStyle(COLOR.panel, 1);
  g.fillRect(0, 0, W, 44);
  g.lineStyle(1, COLOR.edge, 1);
  g.lineBetween(0, 44.5, W, 44.5);
  const { scenario, game } = session;
  const words = shown(scenario);
  const party = words.parties[session.side]!;
  // The words after the seat run up to the round pips (or the header's buttons), cut short if need be.
  const end = (game.round > 0 ? pipsLeft(PIPS_RIGHT, game.deadline) : HEADER_ACTIONS_LEFT) - 12;
  const rest = { size: 14, color: COLOR.muted, scalable: false, maxLines: 1 } as const;
  if (isSpectator(session)) {
    // Someone watching sits on neither side.
    text(scene, 16, 12, m.table.watching, { size: 16, weight: 700, color: COLOR.ink, scalable: false });
    const [a, b] = sidesOf(scenario);
    text(scene, 106, 14, `${m.table.twoParties(words.parties[a]!.short, words.parties[b]!.short)} · ${phase}`, {
      ...rest,
      wrap: end - 106,
    });
  } else {
    const seat = text(scene, 16, 12, `${sideGlyph(scenario, session.side)} ${party.short}`, {
      size: 16,
      weight: 700,
      color: sideColor(scenario, session.side),
      scalable: false,
    });
    const x = Math.max(70, 16 + seat.width + 14);
    text(scene, x, 14, `${party.head} · ${phase}`, { ...rest, wrap: Math.max(80, end - x) });
  }
  if (game.round > 0) drawRoundPips(scene, PIPS_RIGHT, 12, game.round, game.deadline);
}

/** Where the header's round pips end, and where the screens' header buttons begin (ScreenScene.headerActions). */
const PIPS_RIGHT = 700;
const HEADER_ACTIONS_LEFT = 940;

/** The left edge of the round pips' "Round N of M" ending at `right`. */
function pipsLeft(right: number, deadline: number): number {
  return right - deadline * 16 - 150;
}

/** Round pips: filled for rounds played, a ring for the current one, the deadline at the end. */
export function drawRoundPips(scene: Phaser.Scene, right: number, y: number, round: number, deadline: number): void {
  const g = scene.add.graphics();
  const step = 16;
  const x0 = right - deadline * step;
  label(scene, pipsLeft(right, deadline), y + 4, m.table.roundOf(round, deadline), COLOR.ink);
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
  text(scene, x0 + deadline * step + 2, y + 3, m.table.deadline, { size: 11, color: COLOR.danger, weight: 600, scalable: false });
}
