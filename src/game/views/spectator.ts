// Watching an online table from the spectators' seat: the panel that stands in for the counterpart's
// (which table, who sits where, whose move) and the calm note that stands in for the moves. A
// spectator's view holds no one's secrets until the talks end, so nothing here reads a type.
import type Phaser from 'phaser';
import { RemoteSession } from '../../app/online';
import type { GameSession } from '../../app/session';
import { sidesOf } from '../../core/sides';
import type { Side } from '../../core/types';
import type { Rect } from '../../dom/controls';
import { m, shown } from '../../i18n';
import { COLOR, sideColor, sideGlyph } from '../theme';
import { label, panel, text } from '../ui';

/** The note in place of the moves, in the language shown. */
export const watchingNote = (): string => m.table.watchingNote;
/** @deprecated English only: use `watchingNote()` (kept while AgendaScene still imports it). */
export const WATCHING_NOTE = 'You are watching: moves appear as the delegations make them.';

/** Whether `session` watches an online table (no seat, public information only). */
export function isSpectator(session: GameSession | null | undefined): session is RemoteSession {
  return session instanceof RemoteSession && session.spectator;
}

/** Whose move it is, in words. */
export function whoseMove(session: RemoteSession): string {
  const { game } = session;
  if (game.phase === 'ended') return m.table.whoseOver;
  if (game.paused) return m.table.whosePaused;
  return m.table.toMove(shown(session.scenario).parties[game.toMove]!.short);
}

/** "Watching table CODE · <first delegation> vs <second delegation> · whose move". */
export function watchingLine(session: RemoteSession): string {
  const words = shown(session.scenario);
  const name = (side: Side) => session.seats[side]?.name || words.parties[side]!.short;
  const [a, b] = sidesOf(session.scenario);
  return `${m.table.watchingTable(session.code)} · ${m.table.versus(name(a), name(b))} · ${whoseMove(session)}`;
}

/** The panel in place of the counterpart's: the table, the two delegations, whose move. */
export function drawWatchingPanel(scene: Phaser.Scene, r: Rect, session: RemoteSession): void {
  const { scenario, game } = session;
  const words = shown(scenario);
  panel(scene, r, { edge: COLOR.edgeHi });
  label(scene, r.x + 14, r.y + 10, m.table.watchingTable(session.code));
  const [a, b] = sidesOf(scenario);
  [a, b].forEach((side, i) => {
    const who = session.seats[side]?.name || words.parties[side]!.short;
    const moving = game.phase !== 'ended' && !game.paused && game.toMove === side;
    text(scene, r.x + 14, r.y + 34 + i * 24, `${sideGlyph(scenario, side)} ${who}${moving ? `  ◀ ${m.table.toMoveMark}` : ''}`, {
      size: 13,
      weight: moving ? 700 : 400,
      color: sideColor(scenario, side),
      wrap: r.w - 28,
      maxLines: 1,
      scalable: false,
    });
  });
  text(scene, r.x + 14, r.y + 88, `${m.table.versus(words.parties[a]!.short, words.parties[b]!.short)} · ${whoseMove(session)}`, {
    size: 12,
    color: COLOR.muted,
    wrap: r.w - 28,
    maxLines: 2,
    scalable: false,
  });
}

/** The calm note in place of the moves (and of the draft's worth). */
export function drawWatchingNote(scene: Phaser.Scene, r: Rect): void {
  panel(scene, r);
  text(scene, r.x + r.w / 2, r.y + r.h / 2, watchingNote(), {
    size: 15,
    color: COLOR.muted,
    wrap: r.w - 40,
    scalable: false,
  }).setOrigin(0.5);
}
