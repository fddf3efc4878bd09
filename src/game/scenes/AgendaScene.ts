// The agenda dispute: which contested issues come to the table. Propose a scope, accept theirs,
// force yours (costs tension), or let the turns run out and take the mediator's compromise.
import type { Session } from '../../app/session';
import { sidesOf } from '../../core/sides';
import type { Side } from '../../core/types';
import type { TextSection } from '../../dom/screenText';
import { COLOR, sideGlyph } from '../theme';
import { label, panel, text } from '../ui';
import { drawHeader } from '../views/header';
import { drawNewsFeed } from '../views/newsFeed';
import { drawPauseBanner, PAUSED_SENTENCE } from '../views/pauseBanner';
import { drawReasonField } from '../views/reasonField';
import { isSpectator, WATCHING_NOTE, watchingLine } from '../views/spectator';
import { drawSupport } from '../views/support';
import { ScreenScene } from './ScreenScene';

export class AgendaScene extends ScreenScene {
  constructor() {
    super('agenda');
  }

  protected override enter(): void {
    this.initialFocus = isSpectator(this.app.session) ? undefined : 'propose-agenda';
  }

  private get session(): Session {
    return this.app.session as Session;
  }

  protected draw(): void {
    const s = this.session;
    const { scenario, game } = s;
    const them = scenario.parties[s.opponent]!;
    const name = (id: string) => scenario.issues.find((i) => i.id === id)?.name ?? id;
    const watching = isSpectator(s) ? s : null;
    drawHeader(this, s, 'Agenda');
    this.headerActions();
    text(this, 40, 60, 'What is this table for?', { size: 26, weight: 700, scalable: false });
    const compromise = scenario.agenda.mediatorCompromise.map(name).join(', ') || 'the core issues only';
    text(
      this,
      40,
      96,
      `${game.agenda.turnsLeft} agenda turn${game.agenda.turnsLeft === 1 ? '' : 's'} left. If you cannot agree, ${scenario.mediator.short} imposes its compromise: core issues plus ${compromise}.`,
      { size: 14, color: COLOR.muted, wrap: 760 },
    );

    panel(this, { x: 40, y: 140, w: 760, h: 420 });
    label(this, 60, 156, 'Always on the table');
    scenario.agenda.core.forEach((id, i) => {
      const x = 60 + (i % 3) * 245;
      const y = 176 + Math.floor(i / 3) * 30;
      text(this, x, y, `▣ ${name(id)}`, { size: 13, color: COLOR.ink, scalable: false });
    });
    let y = 176 + Math.ceil(scenario.agenda.core.length / 3) * 30 + 12;
    label(this, 60, y, watching ? 'Contested: what each side proposes' : 'Contested: your proposal');
    y += 22;
    const theirs = game.agenda.proposals[s.opponent] ?? null;
    for (const id of scenario.agenda.contested) {
      const issue = scenario.issues.find((i) => i.id === id);
      const on = s.agendaDraft.includes(id);
      panel(this, { x: 56, y, w: 728, h: 76 }, { fill: COLOR.panelHi, radius: 8 });
      text(this, 72, y + 10, issue?.name ?? id, { size: 15, weight: 700, scalable: false });
      text(this, 72, y + 32, issue?.description ?? '', { size: 11, color: COLOR.muted, wrap: 440, scalable: false });
      const youWant = scenario.agenda.wants[s.side]?.includes(id) ?? false;
      const theyWant = scenario.agenda.wants[s.opponent]?.includes(id) ?? false;
      if (watching) {
        // Both delegations' public stances and proposals: no draft to toggle.
        const stances = sidesOf(scenario).map((side) => {
          const wants = scenario.agenda.wants[side]?.includes(id) ?? false;
          const proposal = game.agenda.proposals[side];
          return `${sideGlyph(scenario, side)} ${scenario.parties[side]!.short} ${wants ? 'wants it' : 'wants it off'}${proposal ? `; proposes it ${proposal.includes(id) ? 'on' : 'off'}` : ''}`;
        });
        text(this, 530, y + 12, stances.join('\n'), { size: 11, color: COLOR.ink, wrap: 240, scalable: false });
        y += 86;
        continue;
      }
      const stance = `${sideGlyph(scenario, s.side)} you ${youWant ? 'want it' : 'want it off'}  ·  ${sideGlyph(scenario, s.opponent)} ${them.short} ${theyWant ? 'wants it' : 'wants it off'}${
        theirs ? `  ·  their proposal: ${theirs.includes(id) ? 'on' : 'off'}` : ''
      }`;
      text(this, 530, y + 12, stance, { size: 11, color: COLOR.ink, wrap: 240, scalable: false });
      this.button({
        key: `agenda-${id}`,
        caption: on ? '✓ On your proposal' : '✕ Off your proposal',
        label: `${issue?.name ?? id}: ${on ? 'on' : 'off'} your proposed agenda`,
        rect: { x: 600, y: y + 38, w: 170, h: 30 },
        pressed: on,
        onPress: () => {
          s.toggleAgendaIssue(id);
          this.redraw();
        },
        size: 12,
      });
      y += 86;
    }

    drawSupport(this, { x: 820, y: 60, w: 420, h: 140 }, scenario, game, s.side, watching ? { markYou: false } : {});
    drawNewsFeed(this, { x: 820, y: 212, w: 420, h: 292 }, scenario, game.log, 'Agenda talks');
    if (watching) {
      // Watching: which table and whose move, and a calm note in place of the moves.
      panel(this, { x: 40, y: 576, w: 1200, h: 128 });
      label(this, 60, 596, watchingLine(watching));
      text(this, 640, 650, WATCHING_NOTE, { size: 15, color: COLOR.muted, wrap: 1100, scalable: false }).setOrigin(0.5);
      if (game.paused) drawPauseBanner(this, { x: 64, y: 584, w: 1152, h: 112 });
      return;
    }
    drawReasonField(this, { x: 820, y: 514, w: 420, h: 48 }, this.app, (spec) => this.control(spec));

    // The moves.
    panel(this, { x: 40, y: 576, w: 1200, h: 128 });
    const draftNames = s.agendaDraft.map(name).join(', ') || 'core issues only';
    const theirNames = theirs ? theirs.map(name).join(', ') || 'core issues only' : null;
    const forced = scenario.agenda.contested.filter(
      (id) => (scenario.agenda.wants[s.side]?.includes(id) ?? false) !== (scenario.agenda.wants[s.opponent]?.includes(id) ?? false),
    ).length;
    const moves = [
      {
        key: 'propose-agenda',
        caption: 'Propose this agenda',
        label: `Propose an agenda with ${draftNames}`,
        note: `Core + ${draftNames}`,
        can: s.can('propose-agenda'),
        look: 'normal' as const,
        press: () => this.app.act({ type: 'propose-agenda', issues: [...s.agendaDraft] }),
      },
      {
        key: 'accept-agenda',
        caption: `Accept ${them.short}'s agenda`,
        label: theirNames ? `Accept ${them.short}'s agenda: ${theirNames}` : `Accept ${them.short}'s agenda (none proposed yet)`,
        note: theirNames
          ? `Core + ${theirNames}. Yielding an issue you want costs ${scenario.agenda.yieldSupport} support.`
          : 'They have not proposed yet.',
        can: s.can('accept-agenda'),
        look: 'normal' as const,
        press: () => this.app.act({ type: 'accept-agenda' }),
      },
      {
        key: 'force-agenda',
        caption: 'Force our agenda',
        label: `Force your full agenda: raises tension by about ${scenario.agenda.forceTension * Math.max(1, forced)}`,
        note: `Raises tension (+${scenario.agenda.forceTension} per disputed issue); they lose support.`,
        can: s.can('force-agenda'),
        look: 'normal' as const,
        press: () => this.app.act({ type: 'force-agenda' }),
      },
      {
        key: 'walkout',
        caption: 'Walk out',
        label: 'Walk out of the talks: ends the game',
        note: 'Ends the talks at once.',
        can: s.can('walkout'),
        look: 'danger' as const,
        press: () => this.app.act({ type: 'walkout' }),
      },
    ];
    moves.forEach((m, i) => {
      const x = 60 + i * 295;
      this.button({
        key: m.key,
        caption: m.caption,
        label: m.label,
        rect: { x, y: 592, w: 275, h: 42 },
        disabled: !m.can,
        look: m.look,
        onPress: m.press,
        turn: s.game.turn,
        size: 15,
      });
      text(this, x, 642, m.note, { size: 12, color: COLOR.muted, wrap: 275 });
    });
    if (this.app.lastError)
      text(this, 40, 556, `Not allowed: ${this.app.lastError}`, { size: 12, color: COLOR.danger, scalable: false }).setOrigin(0, 1);
    if (this.session.game.paused) drawPauseBanner(this, { x: 64, y: 584, w: 1152, h: 112 });
  }

  protected describe(): { title: string; sections: TextSection[] } {
    const s = this.session;
    const { scenario, game } = s;
    const name = (id: string) => scenario.issues.find((i) => i.id === id)?.name ?? id;
    const watching = isSpectator(s) ? s : null;
    const proposes = (side: Side) => {
      const p = game.agenda.proposals[side];
      const who = scenario.parties[side]!.short;
      return p ? `${who} proposes adding: ${p.map(name).join(', ') || 'nothing'}.` : `${who} has not proposed yet.`;
    };
    // Someone watching reads both sides' proposals; a delegation reads its own draft and the other's proposal.
    const stands = watching
      ? sidesOf(scenario).map(proposes)
      : [`Your proposal would add: ${s.agendaDraft.map(name).join(', ') || 'nothing'}.`, proposes(s.opponent)];
    return {
      title: 'The agenda dispute',
      sections: [
        ...(game.paused ? [{ heading: 'Paused', lines: [PAUSED_SENTENCE] }] : []),
        {
          heading: 'Where it stands',
          lines: [
            ...(watching ? [`${watchingLine(watching)}.`] : []),
            `Always on the table: ${scenario.agenda.core.map(name).join(', ')}.`,
            ...stands,
            `${game.agenda.turnsLeft} agenda turns left before ${scenario.mediator.short}'s compromise.`,
            ...(watching ? [WATCHING_NOTE] : []),
          ],
        },
      ],
    };
  }
}
