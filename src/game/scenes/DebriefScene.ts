// Debrief: the deal against the Pareto frontier and the Nash point, the escalation timeline with its
// causes, each side's utility by round, and both private briefs revealed side by side.
import type { Session } from '../../app/session';
import { type Analysis, analyseGame } from '../../core/analysis';
import { otherSide, sidesOf } from '../../core/sides';
import type { RiskEntry, Side } from '../../core/types';
import type { TextSection } from '../../dom/screenText';
import { m, shown } from '../../i18n';
import { sideMarker } from '../markers';
import { COLOR, sideColor, sideGlyph } from '../theme';
import { label, panel, text } from '../ui';
import { drawLineChart, drawParetoChart } from '../views/charts';
import { classDebriefSections, drawClassDebrief, facilitatorTimeline, riskSplit } from '../views/classDebrief';
import { drawHeader } from '../views/header';
import { outcomeHeadline } from '../views/outcomeText';
import { causeWord, largestRiskChanges, riskEntryText, tensionText } from '../views/riskText';
import { isSpectator } from '../views/spectator';
import { drawWeightBars } from '../views/weights';
import { ScreenScene } from './ScreenScene';

type Tab = 'deal' | 'escalation' | 'rounds' | 'briefs' | 'memos';
const TABS: readonly Tab[] = ['deal', 'escalation', 'rounds', 'briefs', 'memos'];

export class DebriefScene extends ScreenScene {
  private tab: Tab = 'deal';
  private analysis: Analysis | null = null;
  private legend: string[] = [];

  constructor() {
    super('debrief');
  }

  protected override enter(): void {
    this.tab = 'deal';
    this.initialFocus = 'tab-deal';
    this.analysis = analyseGame(this.session.scenario, this.session.game);
  }

  private get session(): Session {
    return this.app.session as Session;
  }

  protected draw(): void {
    const s = this.session;
    const outcome = s.game.outcome;
    drawHeader(this, s, m.debrief.title);
    this.headerActions({ exportReplay: false });
    text(this, 40, 58, m.debrief.heading(outcome ? outcomeHeadline(outcome.kind) : ''), { size: 24, weight: 700, scalable: false });
    TABS.forEach((id, i) => {
      const caption = m.debrief.tab[id];
      this.button({
        key: `tab-${id}`,
        caption,
        label: m.debrief.tabLabel(caption),
        rect: { x: 40 + i * 170, y: 94, w: 160, h: 32 },
        pressed: this.tab === id,
        onPress: () => {
          this.tab = id;
          this.redraw();
        },
        size: 13,
      });
    });
    panel(this, { x: 40, y: 136, w: 1200, h: 506 });
    if (this.tab === 'deal') this.drawDeal();
    if (this.tab === 'escalation') this.drawEscalation();
    if (this.tab === 'rounds') this.drawRounds();
    if (this.tab === 'briefs') this.drawBriefs();
    if (this.tab === 'memos') drawClassDebrief(this, s.scenario, s.game);

    this.button({
      key: 'download-replay',
      caption: m.debrief.downloadReplay,
      label: m.debrief.downloadReplayLabel,
      rect: { x: 820, y: 656, w: 200, h: 44 },
      onPress: () => this.exportReplay(),
      size: 14,
    });
    if (this.app.viewer)
      this.button({
        key: 'back-to-replay',
        caption: m.debrief.backToReplay,
        label: m.debrief.backToReplayLabel,
        rect: { x: 600, y: 656, w: 200, h: 44 },
        onPress: () => this.app.backToViewer(),
        size: 14,
      });
    this.button({
      key: 'play-again',
      caption: m.debrief.playAgain,
      label: m.debrief.playAgainLabel,
      rect: { x: 1040, y: 656, w: 200, h: 44 },
      look: 'primary',
      onPress: () => this.app.toTitle(),
      size: 15,
    });
  }

  private drawDeal(): void {
    const s = this.session;
    const a = this.analysis;
    const outcome = s.game.outcome;
    if (!a || !outcome) return;
    const [first, second] = sidesOf(s.scenario);
    const words = shown(s.scenario);
    const short = (side: Side) => words.parties[side]!.short;
    this.legend = drawParetoChart(this, { x: 110, y: 160, w: 430, h: 420 }, a, { a: short(first), b: short(second) });
    let y = 160;
    label(this, 620, y, m.debrief.howGood);
    y += 22;
    const lines: string[] = [];
    if (a.deal) {
      lines.push(m.debrief.dealToFrontier(Math.round(a.deal.toFrontier * 100), a.deal.toFrontier < 0.02));
      if (a.deal.toNash !== null) lines.push(m.debrief.dealToNash(Math.round(a.deal.toNash * 100)));
    } else {
      lines.push(m.debrief.noDealLine);
      if (a.nash) lines.push(m.debrief.nearNash(short(first), Math.round(a.nash.a * 100), short(second), Math.round(a.nash.b * 100)));
    }
    for (const side of [first, second])
      lines.push(
        `${sideGlyph(s.scenario, side)} ${m.debrief.sideResult(
          short(side),
          side === s.side && !isSpectator(s),
          Math.round((outcome.utilities[side] ?? 0) * 100),
          Math.round((side === first ? a.reservation.a : a.reservation.b) * 100),
          outcome.scores[side] ?? 0,
        )}`,
      );
    const t = text(this, 620, y, lines.join('\n\n'), { size: 14, wrap: 590, lineSpacing: 4 });
    y += t.height + 24;
    label(this, 620, y, m.debrief.readingChart);
    text(this, 620, y + 20, this.legend.join('\n'), { size: 12, color: COLOR.muted, wrap: 590, lineSpacing: 4 });
  }

  private drawEscalation(): void {
    const s = this.session;
    const { game, scenario } = s;
    const draws = game.risk.filter((r) => r.cause === 'draw');
    const top = scenario.ladder.rungs.length - 1;
    const xLabels = [m.debrief.start, ...draws.map((d) => m.debrief.roundShort(d.round))];
    drawLineChart(
      this,
      { x: 100, y: 190, w: 480, h: 300 },
      [
        { name: m.debrief.hazardAtRoundEnd, color: COLOR.danger, marker: 'triangle', values: [null, ...draws.map((d) => d.hazardBefore)] },
        {
          name: m.debrief.rungShare,
          color: COLOR.brass,
          marker: 'square',
          values: [scenario.ladder.start / top, ...draws.map((d) => d.rung / top)],
        },
      ],
      xLabels,
      { yLabel: m.debrief.percent, xLabel: m.debrief.round },
    );
    text(
      this,
      100,
      540,
      m.debrief.finishedOn(
        game.rung,
        `${shown(scenario).ladder.rungs[game.rung]?.name}`,
        tensionText(game.tension),
        riskSplit(game, scenario).sentence,
      ),
      {
        size: 13,
        color: COLOR.ink,
        wrap: 480,
      },
    );
    const count = 12;
    label(this, 640, 160, m.debrief.largestChanges(count));
    const causes = largestRiskChanges(game.risk, count);
    let y = 184;
    for (const r of causes) {
      const color = r.side ? sideColor(scenario, r.side) : r.cause === 'event' ? COLOR.warn : COLOR.muted;
      text(this, 640, y, m.debrief.roundShort(r.round), { size: 12, weight: 700, color: COLOR.muted, scalable: false });
      text(this, 676, y, causeWord(r.cause), { size: 11, weight: 700, color, scalable: false });
      const d = text(this, 1180, y, riskChangeMark(r), {
        size: 12,
        weight: 700,
        color: riskChangeColor(r),
        scalable: false,
      });
      d.setOrigin(1, 0);
      const t = text(this, 750, y, riskEntryText(r, scenario), { size: 12, wrap: 380, scalable: false });
      y += Math.max(18, t.height) + 8;
      if (y > 620) break;
    }
    text(this, 1180, 160, m.debrief.hazardPts, { size: 10, color: COLOR.muted, scalable: false }).setOrigin(1, 0);
  }

  private drawRounds(): void {
    const s = this.session;
    const rows = s.game.utilityByRound;
    const words = shown(s.scenario);
    drawLineChart(
      this,
      { x: 100, y: 190, w: 700, h: 330 },
      sidesOf(s.scenario).map((side) => ({
        name: m.debrief.offerValue(words.parties[side]!.short),
        color: sideColor(s.scenario, side),
        marker: sideMarker(s.scenario, side),
        values: rows.map((r) => r[side] ?? null),
      })),
      rows.map((r) => m.debrief.roundShort(r.round)),
      { yLabel: m.debrief.utility, xLabel: m.debrief.round },
    );
    text(this, 860, 190, m.debrief.roundsExplained, { size: 13, wrap: 360, color: COLOR.muted, lineSpacing: 4 });
    if (rows.length === 0) text(this, 100, 560, m.debrief.endedBeforeFirstRound, { size: 13, color: COLOR.warn });
  }

  private drawBriefs(): void {
    const s = this.session;
    const { scenario, game } = s;
    const words = shown(scenario);
    sidesOf(scenario).forEach((side, k) => {
      const x = 64 + k * 600;
      const other = otherSide(scenario, side);
      const party = words.parties[side]!;
      const type = game.types[side]!;
      label(this, x, 156, `${sideGlyph(scenario, side)} ${m.debrief.privateBrief(party.name)}`, sideColor(scenario, side));
      const summary = text(this, x, 176, party.privateBrief.summary, { size: 12, wrap: 540, lineSpacing: 2, color: COLOR.ink });
      const y = Math.max(176 + summary.height + 12, 300);
      label(this, x, y, m.debrief.truePriorities(words.parties[other]!.short));
      drawWeightBars(
        this,
        x,
        y + 18,
        540,
        words.issues.map((issue, i) => ({
          name: issue.name,
          range: game.beliefs[other]?.[i] ?? [0, 0],
          truth: type.weights[i] ?? 0,
        })),
        { color: sideColor(scenario, side), rowH: 22, nameW: 170 },
      );
      text(this, x, y + 18 + scenario.issues.length * 22 + 8, m.debrief.trueWalkAwayPoints(Math.round(type.reservation * 100)), {
        size: 13,
        weight: 600,
        color: COLOR.brass,
        scalable: false,
      });
    });
  }

  protected describe(): { title: string; sections: TextSection[] } {
    const s = this.session;
    const { game, scenario } = s;
    const a = this.analysis;
    const sides = sidesOf(scenario);
    const words = shown(scenario);
    const short = (side: Side) => words.parties[side]!.short;
    return {
      title: m.debrief.title,
      sections: [
        {
          heading: m.debrief.dealAndFrontier,
          lines: this.legend.length
            ? this.legend
            : a?.nash
              ? [m.debrief.nashPoint(short(sides[0]), Math.round(a.nash.a * 100), short(sides[1]), Math.round(a.nash.b * 100))]
              : [],
        },
        {
          heading: m.debrief.escalationTimeline,
          lines: [
            ...game.risk.filter((r) => r.cause === 'draw').map((r) => m.debrief.roundLine(r.round, riskEntryText(r, scenario))),
            riskSplit(game, scenario).sentence,
            ...facilitatorTimeline(game, scenario),
          ],
        },
        {
          heading: m.debrief.utilityByRound,
          lines: game.utilityByRound.map((r) =>
            m.debrief.roundLine(
              r.round,
              sides.map((side) => m.debrief.partyPoints(short(side), Math.round((r[side] ?? 0) * 100))).join(m.debrief.listSep),
            ),
          ),
        },
        ...sides.map((side) => ({
          heading: m.debrief.privateBrief(words.parties[side]!.name),
          lines: [
            words.parties[side]!.privateBrief.summary,
            m.debrief.trueWalkAway(Math.round(game.types[side]!.reservation * 100)),
            ...words.issues.map((issue, i) => m.debrief.trueWeight(issue.name, Math.round((game.types[side]!.weights[i] ?? 0) * 100))),
          ],
        })),
        ...classDebriefSections(scenario, game),
      ],
    };
  }
}

/**
 * A round's draw moves the ladder, not the hazard (after a climb the next hazard is measured from a
 * higher rung and can read lower): it is marked by the rung it moved, in the colour of the move.
 * Every other entry by the hazard points it added or took away.
 */
function riskChangeMark(r: RiskEntry): string {
  if (r.cause === 'draw') return r.text.includes('climbed') ? m.debrief.rungUp : m.debrief.rungDown;
  return m.debrief.hazardDelta((r.hazardAfter - r.hazardBefore) * 100);
}

function riskChangeColor(r: RiskEntry): number {
  if (r.cause === 'draw') return r.text.includes('climbed') ? COLOR.danger : COLOR.calm;
  const delta = (r.hazardAfter - r.hazardBefore) * 100;
  return delta > 0.05 ? COLOR.danger : delta < -0.05 ? COLOR.calm : COLOR.muted;
}
