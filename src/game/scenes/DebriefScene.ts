// Debrief: the deal against the Pareto frontier and the Nash point, the escalation timeline with its
// causes, each side's utility by round, and both private briefs revealed side by side.
import type { Session } from '../../app/session';
import { type Analysis, analyseGame } from '../../core/analysis';
import { otherSide, sidesOf } from '../../core/sides';
import type { RiskEntry, Side } from '../../core/types';
import type { TextSection } from '../../dom/screenText';
import { sideMarker } from '../markers';
import { COLOR, sideColor, sideGlyph } from '../theme';
import { label, panel, text } from '../ui';
import { drawLineChart, drawParetoChart } from '../views/charts';
import { classDebriefSections, drawClassDebrief, facilitatorTimeline, riskSplit } from '../views/classDebrief';
import { drawHeader } from '../views/header';
import { fmtScore, OUTCOME_HEADLINE } from '../views/outcomeText';
import { CAUSE_WORD, largestRiskChanges, tensionText } from '../views/riskText';
import { isSpectator } from '../views/spectator';
import { drawWeightBars } from '../views/weights';
import { ScreenScene } from './ScreenScene';

type Tab = 'deal' | 'escalation' | 'rounds' | 'briefs' | 'memos';
const TABS: { id: Tab; caption: string }[] = [
  { id: 'deal', caption: 'The deal' },
  { id: 'escalation', caption: 'Escalation' },
  { id: 'rounds', caption: 'Round by round' },
  { id: 'briefs', caption: 'Both briefs' },
  { id: 'memos', caption: 'Memos & perception' },
];

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
    drawHeader(this, s, 'Debrief');
    this.headerActions({ exportReplay: false });
    text(this, 40, 58, `Debrief: ${outcome ? OUTCOME_HEADLINE[outcome.kind] : ''}`, { size: 24, weight: 700, scalable: false });
    TABS.forEach((t, i) => {
      this.button({
        key: `tab-${t.id}`,
        caption: t.caption,
        label: `Debrief: ${t.caption}`,
        rect: { x: 40 + i * 170, y: 94, w: 160, h: 32 },
        pressed: this.tab === t.id,
        onPress: () => {
          this.tab = t.id;
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
      caption: 'Download replay',
      label: 'Download the replay file of this game',
      rect: { x: 820, y: 656, w: 200, h: 44 },
      onPress: () => this.exportReplay(),
      size: 14,
    });
    if (this.app.viewer)
      this.button({
        key: 'back-to-replay',
        caption: '◀  Back to the replay',
        label: 'Back to the replay viewer, at its last step',
        rect: { x: 600, y: 656, w: 200, h: 44 },
        onPress: () => this.app.backToViewer(),
        size: 14,
      });
    this.button({
      key: 'play-again',
      caption: 'Play again  ↺',
      label: 'Back to the title screen for a new game',
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
    const short = (side: Side) => s.scenario.parties[side]!.short;
    this.legend = drawParetoChart(this, { x: 110, y: 160, w: 430, h: 420 }, a, { a: short(first), b: short(second) });
    let y = 160;
    label(this, 620, y, 'How good was the outcome?');
    y += 22;
    const lines: string[] = [];
    if (a.deal) {
      lines.push(
        `The deal sits ${Math.round(a.deal.toFrontier * 100)} points from the frontier${a.deal.toFrontier < 0.02 ? ': efficient — nothing was left on the table.' : ': some value was left on the table that both sides could have shared.'}`,
      );
      if (a.deal.toNash !== null)
        lines.push(
          `It is ${Math.round(a.deal.toNash * 100)} points from the Nash point, the split that maximises both sides' gains over walking away.`,
        );
    } else {
      lines.push('No deal: both sides sit at their walk-away values, below the frontier.');
      if (a.nash)
        lines.push(
          `A deal near the Nash point would have given ${short(first)} ${Math.round(a.nash.a * 100)} and ${short(second)} ${Math.round(a.nash.b * 100)}.`,
        );
    }
    for (const side of [first, second])
      lines.push(
        `${sideGlyph(s.scenario, side)} ${short(side)}${side === s.side && !isSpectator(s) ? ' (you)' : ''}: ${Math.round((outcome.utilities[side] ?? 0) * 100)} points (walk-away ${Math.round((side === first ? a.reservation.a : a.reservation.b) * 100)}), score ${fmtScore(outcome.scores[side] ?? 0)}.`,
      );
    const t = text(this, 620, y, lines.join('\n\n'), { size: 14, wrap: 590, lineSpacing: 4 });
    y += t.height + 24;
    label(this, 620, y, 'Reading the chart');
    text(this, 620, y + 20, this.legend.join('\n'), { size: 12, color: COLOR.muted, wrap: 590, lineSpacing: 4 });
  }

  private drawEscalation(): void {
    const s = this.session;
    const { game, scenario } = s;
    const draws = game.risk.filter((r) => r.cause === 'draw');
    const top = scenario.ladder.rungs.length - 1;
    const xLabels = ['start', ...draws.map((d) => `R${d.round}`)];
    drawLineChart(
      this,
      { x: 100, y: 190, w: 480, h: 300 },
      [
        { name: 'Hazard at round end', color: COLOR.danger, marker: 'triangle', values: [null, ...draws.map((d) => d.hazardBefore)] },
        {
          name: 'Rung (share of top)',
          color: COLOR.brass,
          marker: 'square',
          values: [scenario.ladder.start / top, ...draws.map((d) => d.rung / top)],
        },
      ],
      xLabels,
      { yLabel: 'percent', xLabel: 'round' },
    );
    text(
      this,
      100,
      540,
      `Finished on rung ${game.rung}: ${scenario.ladder.rungs[game.rung]?.name}. Closing ${tensionText(game.tension)}. ${riskSplit(game, scenario).sentence}`,
      {
        size: 13,
        color: COLOR.ink,
        wrap: 480,
      },
    );
    label(this, 640, 160, 'What moved the risk: the 12 largest changes, in round order');
    const causes = largestRiskChanges(game.risk, 12);
    let y = 184;
    for (const r of causes) {
      const color = r.side ? sideColor(scenario, r.side) : r.cause === 'event' ? COLOR.warn : COLOR.muted;
      text(this, 640, y, `R${r.round}`, { size: 12, weight: 700, color: COLOR.muted, scalable: false });
      text(this, 676, y, CAUSE_WORD[r.cause], { size: 11, weight: 700, color, scalable: false });
      const d = text(this, 1180, y, riskChangeMark(r), {
        size: 12,
        weight: 700,
        color: riskChangeColor(r),
        scalable: false,
      });
      d.setOrigin(1, 0);
      const t = text(this, 750, y, r.text, { size: 12, wrap: 380, scalable: false });
      y += Math.max(18, t.height) + 8;
      if (y > 620) break;
    }
    text(this, 1180, 160, 'hazard pts', { size: 10, color: COLOR.muted, scalable: false }).setOrigin(1, 0);
  }

  private drawRounds(): void {
    const s = this.session;
    const rows = s.game.utilityByRound;
    drawLineChart(
      this,
      { x: 100, y: 190, w: 700, h: 330 },
      sidesOf(s.scenario).map((side) => ({
        name: `${s.scenario.parties[side]!.short}: value of the other's offer`,
        color: sideColor(s.scenario, side),
        marker: sideMarker(s.scenario, side),
        values: rows.map((r) => r[side] ?? null),
      })),
      rows.map((r) => `R${r.round}`),
      { yLabel: 'utility', xLabel: 'round' },
    );
    text(
      this,
      860,
      190,
      "Each line is what one side could have had by accepting the other's standing offer at the end of that round (its walk-away value until an offer was on the table). Lines that rise mean the other side was giving ground.",
      { size: 13, wrap: 360, color: COLOR.muted, lineSpacing: 4 },
    );
    if (rows.length === 0) text(this, 100, 560, 'The talks ended before the first round closed.', { size: 13, color: COLOR.warn });
  }

  private drawBriefs(): void {
    const s = this.session;
    const { scenario, game } = s;
    sidesOf(scenario).forEach((side, k) => {
      const x = 64 + k * 600;
      const other = otherSide(scenario, side);
      const party = scenario.parties[side]!;
      const type = game.types[side]!;
      label(this, x, 156, `${sideGlyph(scenario, side)} ${party.name}: private brief`, sideColor(scenario, side));
      const summary = text(this, x, 176, party.privateBrief.summary, { size: 12, wrap: 540, lineSpacing: 2, color: COLOR.ink });
      const y = Math.max(176 + summary.height + 12, 300);
      label(this, x, y, `True priorities (▼) vs what ${scenario.parties[other]!.short} believed (range)`);
      drawWeightBars(
        this,
        x,
        y + 18,
        540,
        scenario.issues.map((issue, i) => ({
          name: issue.name,
          range: game.beliefs[other]?.[i] ?? [0, 0],
          truth: type.weights[i] ?? 0,
        })),
        { color: sideColor(scenario, side), rowH: 22, nameW: 170 },
      );
      text(this, x, y + 18 + scenario.issues.length * 22 + 8, `True walk-away value: ${Math.round(type.reservation * 100)} points.`, {
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
    const short = (side: Side) => scenario.parties[side]!.short;
    return {
      title: 'Debrief',
      sections: [
        {
          heading: 'The deal and the frontier',
          lines: this.legend.length
            ? this.legend
            : a?.nash
              ? [`Nash point: ${short(sides[0])} ${Math.round(a.nash.a * 100)}, ${short(sides[1])} ${Math.round(a.nash.b * 100)}.`]
              : [],
        },
        {
          heading: 'Escalation timeline',
          lines: [
            ...game.risk.filter((r) => r.cause === 'draw').map((r) => `Round ${r.round}: ${r.text}`),
            riskSplit(game, scenario).sentence,
            ...facilitatorTimeline(game),
          ],
        },
        {
          heading: 'Utility by round',
          lines: game.utilityByRound.map(
            (r) => `Round ${r.round}: ${sides.map((side) => `${short(side)} ${Math.round((r[side] ?? 0) * 100)}`).join(', ')}`,
          ),
        },
        ...sides.map((side) => ({
          heading: `${scenario.parties[side]!.name}: private brief`,
          lines: [
            scenario.parties[side]!.privateBrief.summary,
            `True walk-away value: ${Math.round(game.types[side]!.reservation * 100)}.`,
            ...scenario.issues.map(
              (issue, i) => `${issue.name}: true weight ${Math.round((game.types[side]!.weights[i] ?? 0) * 100)} percent`,
            ),
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
  if (r.cause === 'draw') return r.text.includes('climbed') ? '▲ rung' : '▼ rung';
  const delta = (r.hazardAfter - r.hazardBefore) * 100;
  return `${delta >= 0 ? '+' : '−'}${Math.abs(delta).toFixed(1)}`;
}

function riskChangeColor(r: RiskEntry): number {
  if (r.cause === 'draw') return r.text.includes('climbed') ? COLOR.danger : COLOR.calm;
  const delta = (r.hazardAfter - r.hazardBefore) * 100;
  return delta > 0.05 ? COLOR.danger : delta < -0.05 ? COLOR.calm : COLOR.muted;
}
