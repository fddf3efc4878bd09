// Hot seat: the screen between two teams' turns. It shows only what both teams may see (the round,
// the ladder rung, support at home, the last public move) and hides every private thing until the
// called team confirms who they are. Nothing here reads either side's private type or drafts.
import type { Session } from '../../app/session';
import type { TextSection } from '../../dom/screenText';
import { COLOR, sideColor, sideGlyph, W } from '../theme';
import { label, panel, text } from '../ui';
import { drawRoundPips } from '../views/header';
import { ScreenScene } from './ScreenScene';

const NEXT_SCREEN_WORD = { briefing: 'read your private brief', agenda: 'set the agenda', rounds: 'take your turn at the table' } as const;

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
    const { scenario, game } = s;
    const side = this.app.classroom.calling;
    const short = scenario.parties[side]!.short;
    const team = `the ${short} team`;
    const last = [...game.log].reverse().find((e) => e.kind !== 'round' && e.ref !== 'guess');
    return {
      team,
      headline: `Hand the screen to ${team}`,
      next: NEXT_SCREEN_WORD[this.app.classroom.after],
      last: last && game.phase !== 'ended' ? last.text : null,
      paused: game.paused,
    };
  }

  protected draw(): void {
    const s = this.app.session;
    if (!s) return;
    const { scenario, game } = s;
    const side = this.app.classroom.calling;
    const lines = this.publicLines();
    const g = this.add.graphics();
    g.fillStyle(COLOR.panel, 1);
    g.fillRect(0, 0, W, 44);
    text(this, 16, 12, `${scenario.title} · hot seat`, { size: 15, weight: 700, color: COLOR.muted, scalable: false });
    if (game.round > 0) drawRoundPips(this, 1240, 12, game.round, game.deadline);

    const card = { x: 290, y: 130, w: 700, h: 420 };
    const color = sideColor(scenario, side);
    panel(this, card, { edge: color });
    label(this, card.x + 40, card.y + 36, 'Handoff — screen hidden', COLOR.brass);
    text(this, card.x + 40, card.y + 64, `${sideGlyph(scenario, side)} ${lines.headline}`, {
      size: 30,
      weight: 700,
      color,
      wrap: card.w - 80,
      scalable: false,
    });
    text(
      this,
      card.x + 40,
      card.y + 150,
      `Everything private is hidden: briefs, drafts, walk-away values and guesses. The other team looks away; when only ${lines.team} can see the screen, press the button to ${lines.next}.`,
      { size: 16, wrap: card.w - 80, color: COLOR.ink },
    );
    if (lines.last) {
      label(this, card.x + 40, card.y + 250, 'Last public move');
      text(this, card.x + 40, card.y + 270, lines.last, { size: 14, wrap: card.w - 80, color: COLOR.muted, maxLines: 2 });
    }
    if (lines.paused)
      text(this, card.x + 40, card.y + 320, 'The facilitator has paused the talks.', { size: 14, weight: 600, color: COLOR.warn });
    this.button({
      key: 'take-seat',
      caption: `We are ${lines.team}  ▶`,
      label: `We are ${lines.team}: show our screen`,
      rect: { x: card.x + 40, y: card.y + card.h - 76, w: 300, h: 48 },
      look: 'primary',
      onPress: () => this.app.takeSeat(side),
      turn: game.turn,
      size: 17,
    });
  }

  protected describe(): { title: string; sections: TextSection[] } {
    const lines = this.publicLines();
    const out = [`Everything private is hidden. When only your team can see the screen, press the button to ${lines.next}.`];
    if (lines.paused) out.push('The facilitator has paused the talks.');
    if (lines.last) out.push(`Last public move: ${lines.last}`);
    return { title: 'Handoff', sections: [{ heading: lines.headline, lines: out }] };
  }
}
