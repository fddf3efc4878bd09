// Briefing: the public situation, your private brief (priorities, red lines, what walking away is
// worth) and what your brief says the other side wants: ranges, never the truth.
import type { Session } from '../../app/session';
import { sidesOf } from '../../core/sides';
import type { TextSection } from '../../dom/screenText';
import { m, shown } from '../../i18n';
import { venueName } from '../scenarioWords';
import { COLOR, mediatorColor, mediatorGlyph, sideColor, sideGlyph } from '../theme';
import { fitBlock, label, panel, text } from '../ui';
import { drawHeader } from '../views/header';
import { drawWeightBars } from '../views/weights';
import { ScreenScene } from './ScreenScene';

type Tab = 'situation' | 'brief' | 'other';

export class BriefingScene extends ScreenScene {
  private tab: Tab = 'situation';

  constructor() {
    super('briefing');
  }

  protected override enter(): void {
    this.tab = 'situation';
    this.initialFocus = 'to-agenda';
  }

  private get session(): Session {
    return this.app.session as Session;
  }

  /**
   * Whether this seat has a brief of its own: not a spectator of an online table, whose view holds no
   * one's type (it skips the briefing; this guards the screen should it ever show).
   */
  private get briefed(): boolean {
    return (this.session.game.types[this.session.side] as unknown) !== null;
  }

  protected draw(): void {
    const s = this.session;
    const scenario = shown(s.scenario);
    const me = scenario.parties[s.side]!;
    const them = scenario.parties[s.opponent]!;
    const t = m.title.briefing;
    drawHeader(this, s, t.header);
    this.headerActions();
    text(this, 40, 62, t.youLead(me.name), { size: 26, weight: 700, scalable: false });
    const personality = scenario.personalities.find((p) => p.id === s.choice.personality);
    text(this, 40, 98, t.across(me.head, me.headTitle, them.head, them.short, personality?.name ?? null), {
      size: 14,
      color: COLOR.muted,
      scalable: false,
    });

    const all: { id: Tab; caption: string }[] = [
      { id: 'situation', caption: t.situation },
      { id: 'brief', caption: t.privateBrief },
      { id: 'other', caption: t.whatYouKnow(them.short) },
    ];
    const tabs = this.briefed ? all : all.slice(0, 1);
    if (!this.briefed) this.tab = 'situation';
    tabs.forEach((tab, i) => {
      this.button({
        key: `tab-${tab.id}`,
        caption: tab.caption,
        label: t.show(tab.caption),
        rect: { x: 40 + i * 210, y: 128, w: 200, h: 34 },
        pressed: this.tab === tab.id,
        onPress: () => {
          this.tab = tab.id;
          this.redraw();
        },
        size: 13,
      });
    });
    panel(this, { x: 40, y: 172, w: 1200, h: 462 });
    // Each tab fits inside its panel whatever the text size.
    if (this.tab === 'situation') fitBlock(this, 626, () => this.drawSituation());
    if (this.tab === 'brief') fitBlock(this, 626, () => this.drawBrief());
    if (this.tab === 'other') fitBlock(this, 626, () => this.drawOther());

    this.button({
      key: 'to-agenda',
      caption: t.toAgenda,
      label: t.toAgendaLabel,
      rect: { x: 1000, y: 650, w: 240, h: 48 },
      look: 'primary',
      onPress: () => this.app.toAgenda(),
      size: 17,
    });
    text(this, 40, 664, t.readAll, {
      size: 13,
      color: COLOR.muted,
      wrap: 900,
    });
  }

  private drawSituation(): void {
    const scenario = shown(this.session.scenario);
    const t = m.title.briefing;
    const venue = venueName(scenario);
    const date = m.title.scenarioDate(scenario.date);
    label(this, 64, 192, venue ? `${date} · ${venue}` : date);
    text(this, 64, 212, scenario.setting.replace(/\n\s*\n/g, '\n\n'), { size: 14, wrap: 560, lineSpacing: 4 });
    let y = 192;
    for (const side of sidesOf(scenario)) {
      const p = scenario.parties[side]!;
      label(this, 660, y, `${sideGlyph(scenario, side)} ${t.publicPosition(p.name)}`, sideColor(scenario, side));
      const body = text(this, 660, y + 20, p.publicBrief, { size: 13, wrap: 560, color: COLOR.ink, lineSpacing: 3 });
      y += body.height + 34;
    }
    label(this, 660, y, `${mediatorGlyph(scenario)} ${t.theMediator(scenario.mediator.name)}`, mediatorColor(scenario));
    text(this, 660, y + 20, scenario.mediator.description, { size: 13, wrap: 560, color: COLOR.muted, lineSpacing: 3 });
  }

  private drawBrief(): void {
    const s = this.session;
    const words = shown(s.scenario);
    const t = m.title.briefing;
    const brief = words.parties[s.side]!.privateBrief;
    label(this, 64, 192, t.eyesOnly, COLOR.danger);
    const summary = text(this, 64, 212, brief.summary, { size: 13, wrap: 560, lineSpacing: 3 });
    let y = 212 + summary.height + 14;
    label(this, 64, y, t.priorities);
    const pri = text(this, 64, y + 18, brief.priorities.map((p) => `• ${p}`).join('\n'), { size: 13, wrap: 560, lineSpacing: 3 });
    y += pri.height + 30;
    label(this, 660, 192, t.redLines, COLOR.danger);
    const red = text(this, 660, 212, brief.redLines.map((p) => `✕ ${p}`).join('\n'), { size: 13, wrap: 560, lineSpacing: 3 });
    let ry = 212 + red.height + 14;
    label(this, 660, ry, t.ifYouWalkAway);
    const fb = text(this, 660, ry + 18, brief.fallback, { size: 13, wrap: 560, color: COLOR.muted, lineSpacing: 3 });
    ry += fb.height + 26;
    const r = s.game.types[s.side]!.reservation;
    const worth = text(this, 660, ry, t.walkAwayWorth(Math.round(r * 100)), {
      size: 14,
      weight: 600,
      color: COLOR.brass,
      wrap: 560,
    });
    ry += worth.height + 14;
    label(this, 660, ry, t.issueWeights);
    const weights = s.game.types[s.side]!.weights;
    drawWeightBars(
      this,
      660,
      ry + 18,
      560,
      words.issues.map((issue, i) => ({ name: issue.name, value: weights[i] ?? 0 })),
      { color: sideColor(s.scenario, s.side), rowH: Math.min(22, Math.floor((606 - ry - 18) / s.scenario.issues.length)) },
    );
    void y;
  }

  private drawOther(): void {
    const s = this.session;
    const words = shown(s.scenario);
    const t = m.title.briefing;
    const them = words.parties[s.opponent]!;
    label(this, 64, 192, t.theyCare(them.short), sideColor(s.scenario, s.opponent));
    drawWeightBars(
      this,
      64,
      214,
      560,
      words.issues.map((issue, i) => ({ name: issue.name, range: s.game.beliefs[s.side]?.[i] ?? [0, 0] })),
      { color: sideColor(s.scenario, s.opponent), rowH: 26 },
    );
    const [rlo, rhi] = them.reservation;
    text(this, 64, 214 + s.scenario.issues.length * 26 + 16, t.theirRange(Math.round(rlo * 100), Math.round(rhi * 100)), {
      size: 13,
      wrap: 560,
      color: COLOR.muted,
    });
    label(this, 660, 192, t.answersTo(them.short));
    let y = 212;
    for (const c of them.constituencies) {
      text(this, 660, y, c.name, { size: 14, weight: 600, scalable: false });
      const d = text(this, 660, y + 20, c.description, { size: 13, wrap: 560, color: COLOR.muted });
      y += d.height + 32;
    }
    label(this, 660, y, t.agenda);
    const wants = s.scenario.agenda.wants;
    const names = (ids: string[] = []) =>
      m.title.commas(ids.map((id) => words.issues.find((i) => i.id === id)?.name ?? id)) || t.nothingBeyondCore;
    text(this, 660, y + 18, t.wants(names(wants[s.side]), them.short, names(wants[s.opponent])), {
      size: 13,
      wrap: 560,
    });
  }

  protected describe(): { title: string; sections: TextSection[] } {
    const s = this.session;
    const words = shown(s.scenario);
    const t = m.title.briefing;
    const me = words.parties[s.side]!;
    const them = words.parties[s.opponent]!;
    const brief = me.privateBrief;
    if (!this.briefed)
      return { title: t.header, sections: [{ heading: t.situation, lines: [words.setting, me.publicBrief, them.publicBrief] }] };
    return {
      title: t.screenTitle(me.name),
      sections: [
        { heading: t.situation, lines: [words.setting, me.publicBrief, them.publicBrief] },
        { heading: t.privateBrief, lines: [brief.summary, ...brief.priorities.map((p) => t.priority(p))] },
        { heading: t.redLines, lines: brief.redLines },
        {
          heading: t.ifYouWalkAway,
          lines: [brief.fallback, t.walkAwayShort(Math.round(s.game.types[s.side]!.reservation * 100))],
        },
        {
          heading: t.believeCares(them.short),
          lines: words.issues.map((issue, i) => {
            const [lo, hi] = s.game.beliefs[s.side]?.[i] ?? [0, 0];
            return t.beliefLine(issue.name, Math.round(lo * 100), Math.round(hi * 100));
          }),
        },
      ],
    };
  }
}
