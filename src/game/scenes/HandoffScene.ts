// Hot seat: the screen between two teams' turns. It shows only what both teams may see (the round,
// the ladder rung, support at home, the last public move) and hides every private thing until the
// called team confirms who they are. Nothing here reads either side's private type or drafts.
import type { Session } from '../../app/session';
import type { TextSection } from '../../dom/screenText';
import { m, shown } from '../../i18n';
import { logText } from '../../i18n/logWords';
import { COLOR, sideColor, sideGlyph, W } from '../theme';
import { label, panel, text } from '../ui';
import { drawRoundPips } from '../views/header';
import { ScreenScene } from './ScreenScene';

export class HandoffScene extends ScreenScene {
  constructor() {
    super('handoff');
  }

  protected override enter(): void {
    this.initialFocus = 'take-seat';
  }

  private get session(): Session {
    return this.app.session as Session;
  }

  /** What both teams may know: whose turn it is, and the last public move. */
  private publicLines(): { team: string; headline: string; next: string; last: string | null; paused: boolean } {
    const s = this.session;
    const { game } = s;
    const t = m.title.handoff;
    const side = this.app.classroom.calling;
    const short = shown(s.scenario).parties[side]!.short;
    const team = t.team(short);
    const last = [...game.log].reverse().find((e) => e.kind !== 'round' && e.ref !== 'guess');
    return {
      team,
      headline: t.headline(team),
      next: t.next[this.app.classroom.after],
      last: last && game.phase !== 'ended' ? logText(last, s.scenario) : null,
      paused: game.paused,
    };
  }

  protected draw(): void {
    const s = this.app.session;
    if (!s) return;
    const { scenario, game } = s;
    const t = m.title.handoff;
    const side = this.app.classroom.calling;
    const lines = this.publicLines();
    const g = this.add.graphics();
    g.fillStyle(COLOR.panel, 1);
    g.fillRect(0, 0, W, 44);
    text(this, 16, 12, t.hotSeatTitle(shown(scenario).title), { size: 15, weight: 700, color: COLOR.muted, scalable: false });
    if (game.round > 0) drawRoundPips(this, 1240, 12, game.round, game.deadline);

    const card = { x: 290, y: 130, w: 700, h: 420 };
    const color = sideColor(scenario, side);
    panel(this, card, { edge: color });
    label(this, card.x + 40, card.y + 36, t.hidden, COLOR.brass);
    text(this, card.x + 40, card.y + 64, `${sideGlyph(scenario, side)} ${lines.headline}`, {
      size: 30,
      weight: 700,
      color,
      wrap: card.w - 80,
      scalable: false,
    });
    text(this, card.x + 40, card.y + 150, t.everythingHidden(lines.team, lines.next), { size: 16, wrap: card.w - 80, color: COLOR.ink });
    if (lines.last) {
      label(this, card.x + 40, card.y + 250, t.lastMove);
      text(this, card.x + 40, card.y + 270, lines.last, { size: 14, wrap: card.w - 80, color: COLOR.muted, maxLines: 2 });
    }
    if (lines.paused) text(this, card.x + 40, card.y + 320, t.paused, { size: 14, weight: 600, color: COLOR.warn });
    this.button({
      key: 'take-seat',
      caption: t.weAre(lines.team),
      label: t.weAreLabel(lines.team),
      rect: { x: card.x + 40, y: card.y + card.h - 76, w: 300, h: 48 },
      look: 'primary',
      onPress: () => this.app.takeSeat(side),
      turn: game.turn,
      size: 17,
    });
  }

  protected describe(): { title: string; sections: TextSection[] } {
    const t = m.title.handoff;
    const lines = this.publicLines();
    const out = [t.hiddenLine(lines.next)];
    if (lines.paused) out.push(t.paused);
    if (lines.last) out.push(t.lastMoveLine(lines.last));
    return { title: t.screenTitle, sections: [{ heading: lines.headline, lines: out }] };
  }
}
