// The agenda dispute: which contested issues come to the table. Propose a scope, accept theirs,
// force yours (costs tension), or let the turns run out and take the mediator's compromise.
import type { Session } from '../../app/session';
import { sidesOf } from '../../core/sides';
import type { Side } from '../../core/types';
import type { TextSection } from '../../dom/screenText';
import { m, shown } from '../../i18n';
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
    const { game } = s;
    // The scenario's words in the language shown (the views of others take the scenario itself).
    const scenario = shown(s.scenario);
    const t = m.title.agenda;
    const them = scenario.parties[s.opponent]!;
    const name = (id: string) => scenario.issues.find((i) => i.id === id)?.name ?? id;
    const list = (ids: readonly string[]) => m.title.commas(ids.map(name));
    const watching = isSpectator(s) ? s : null;
    drawHeader(this, s, t.header);
    this.headerActions();
    text(this, 40, 60, t.question, { size: 26, weight: 700, scalable: false });
    const compromise = list(scenario.agenda.mediatorCompromise) || t.theCoreOnly;
    text(this, 40, 96, t.turnsLeft(game.agenda.turnsLeft, scenario.mediator.short, compromise), {
      size: 14,
      color: COLOR.muted,
      wrap: 760,
    });

    panel(this, { x: 40, y: 140, w: 760, h: 420 });
    label(this, 60, 156, t.alwaysOn);
    scenario.agenda.core.forEach((id, i) => {
      const x = 60 + (i % 3) * 245;
      const y = 176 + Math.floor(i / 3) * 30;
      text(this, x, y, `▣ ${name(id)}`, { size: 13, color: COLOR.ink, scalable: false });
    });
    let y = 176 + Math.ceil(scenario.agenda.core.length / 3) * 30 + 12;
    label(this, 60, y, watching ? t.contestedBoth : t.contestedYours);
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
          return `${sideGlyph(scenario, side)} ${t.partyStance(scenario.parties[side]!.short, wants, proposal ? proposal.includes(id) : null)}`;
        });
        text(this, 530, y + 12, stances.join('\n'), { size: 11, color: COLOR.ink, wrap: 240, scalable: false });
        y += 86;
        continue;
      }
      const stance = `${sideGlyph(scenario, s.side)} ${t.youStance(youWant)}  ·  ${sideGlyph(scenario, s.opponent)} ${t.theyStance(them.short, theyWant)}${
        theirs ? `  ·  ${t.theirProposal(theirs.includes(id))}` : ''
      }`;
      text(this, 530, y + 12, stance, { size: 11, color: COLOR.ink, wrap: 240, scalable: false });
      this.button({
        key: `agenda-${id}`,
        caption: on ? t.onProposal : t.offProposal,
        label: t.toggleLabel(issue?.name ?? id, on),
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

    drawSupport(this, { x: 820, y: 60, w: 420, h: 140 }, s.scenario, game, s.side, watching ? { markYou: false } : {});
    drawNewsFeed(this, { x: 820, y: 212, w: 420, h: 292 }, s.scenario, game.log, t.newsTitle);
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
    const draftNames = list(s.agendaDraft) || t.coreOnly;
    const theirNames = theirs ? list(theirs) || t.coreOnly : null;
    const forced = scenario.agenda.contested.filter(
      (id) => (scenario.agenda.wants[s.side]?.includes(id) ?? false) !== (scenario.agenda.wants[s.opponent]?.includes(id) ?? false),
    ).length;
    const moves = [
      {
        key: 'propose-agenda',
        caption: t.propose,
        label: t.proposeLabel(draftNames),
        note: t.corePlus(draftNames),
        can: s.can('propose-agenda'),
        look: 'normal' as const,
        press: () => this.app.act({ type: 'propose-agenda', issues: [...s.agendaDraft] }),
      },
      {
        key: 'accept-agenda',
        caption: t.accept(them.short),
        label: t.acceptLabel(them.short, theirNames),
        note: theirNames ? t.acceptNote(theirNames, scenario.agenda.yieldSupport) : t.notProposed,
        can: s.can('accept-agenda'),
        look: 'normal' as const,
        press: () => this.app.act({ type: 'accept-agenda' }),
      },
      {
        key: 'force-agenda',
        caption: t.force,
        label: t.forceLabel(scenario.agenda.forceTension * Math.max(1, forced)),
        note: t.forceNote(scenario.agenda.forceTension),
        can: s.can('force-agenda'),
        look: 'normal' as const,
        press: () => this.app.act({ type: 'force-agenda' }),
      },
      {
        key: 'walkout',
        caption: t.walkout,
        label: t.walkoutLabel,
        note: t.walkoutNote,
        can: s.can('walkout'),
        look: 'danger' as const,
        press: () => this.app.act({ type: 'walkout' }),
      },
    ];
    moves.forEach((move, i) => {
      const x = 60 + i * 295;
      this.button({
        key: move.key,
        caption: move.caption,
        label: move.label,
        rect: { x, y: 592, w: 275, h: 42 },
        disabled: !move.can,
        look: move.look,
        onPress: move.press,
        turn: s.game.turn,
        size: 15,
      });
      text(this, x, 642, move.note, { size: 12, color: COLOR.muted, wrap: 275 });
    });
    if (this.app.lastError)
      text(this, 40, 556, t.notAllowed(this.app.lastError), { size: 12, color: COLOR.danger, scalable: false }).setOrigin(0, 1);
    if (this.session.game.paused) drawPauseBanner(this, { x: 64, y: 584, w: 1152, h: 112 });
  }

  protected describe(): { title: string; sections: TextSection[] } {
    const s = this.session;
    const { game } = s;
    const scenario = shown(s.scenario);
    const t = m.title.agenda;
    const name = (id: string) => scenario.issues.find((i) => i.id === id)?.name ?? id;
    const list = (ids: readonly string[]) => m.title.commas(ids.map(name));
    const watching = isSpectator(s) ? s : null;
    const proposes = (side: Side) => {
      const p = game.agenda.proposals[side];
      const who = scenario.parties[side]!.short;
      return p ? t.proposesAdding(who, list(p) || t.nothing) : t.notYet(who);
    };
    // Someone watching reads both sides' proposals; a delegation reads its own draft and the other's proposal.
    const stands = watching ? sidesOf(scenario).map(proposes) : [t.yourProposal(list(s.agendaDraft) || t.nothing), proposes(s.opponent)];
    return {
      title: t.screenTitle,
      sections: [
        ...(game.paused ? [{ heading: t.paused, lines: [PAUSED_SENTENCE] }] : []),
        {
          heading: t.whereItStands,
          lines: [
            ...(watching ? [`${watchingLine(watching)}.`] : []),
            t.alwaysOnLine(list(scenario.agenda.core)),
            ...stands,
            t.turnsBefore(game.agenda.turnsLeft, scenario.mediator.short),
            ...(watching ? [WATCHING_NOTE] : []),
          ],
        },
      ],
    };
  }
}
