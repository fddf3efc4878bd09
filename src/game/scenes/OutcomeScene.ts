// Outcome: how the talks ended, the terms (if any) and each side's score.
import type { Session } from '../../app/session';
import { sidesOf } from '../../core/sides';
import type { TextSection } from '../../dom/screenText';
import { m, shown } from '../../i18n';
import { outcomeText } from '../../i18n/logWords';
import { COLOR, sideColor, sideGlyph } from '../theme';
import { label, panel, text, tween } from '../ui';
import { drawHeader } from '../views/header';
import { dealLines, fmtScore, OUTCOME_MARK, scoreFormula, scoreTermsLine } from '../views/outcomeText';
import { isSpectator } from '../views/spectator';
import { ScreenScene } from './ScreenScene';

export class OutcomeScene extends ScreenScene {
  constructor() {
    super('outcome');
  }

  protected override enter(): void {
    this.initialFocus = 'to-debrief';
  }

  private get session(): Session {
    return this.app.session as Session;
  }

  protected draw(): void {
    const s = this.session;
    const { scenario, game } = s;
    const outcome = game.outcome;
    if (!outcome) return;
    const t = m.table;
    const words = shown(scenario);
    drawHeader(this, s, t.talksOver);
    this.headerActions();
    const good = outcome.kind === 'comprehensive-deal' || outcome.kind === 'interim-deal';
    const color = good ? COLOR.calm : outcome.kind === 'conflict' ? COLOR.danger : COLOR.warn;
    const mark = text(this, 60, 70, OUTCOME_MARK[outcome.kind], { size: 56, weight: 700, color, scalable: false });
    tween(this, { targets: mark, angle: { from: -30, to: 0 }, duration: 500, ease: 'Back.easeOut' });
    text(this, 130, 72, m.common.outcomeHeadline[outcome.kind], { size: 34, weight: 700, color, scalable: false });
    text(this, 132, 120, outcomeText(outcome, scenario), { size: 15, color: COLOR.ink, wrap: 1080 });

    panel(this, { x: 40, y: 170, w: 700, h: 460 });
    const lines = dealLines(s);
    label(this, 60, 186, lines ? t.theTerms : t.noAgreement);
    if (lines) {
      lines.forEach((l, i) => {
        const y = 212 + i * 46;
        text(this, 60, y, l.issue, { size: 13, color: COLOR.muted, scalable: false });
        text(this, 60, y + 18, `${l.option}${l.onAgenda ? '' : `  ${t.notOnAgenda}`}`, {
          size: 15,
          weight: 600,
          color: l.onAgenda ? COLOR.ink : COLOR.muted,
          scalable: false,
        });
      });
    } else {
      text(this, 60, 212, t.noDealText, {
        size: 15,
        wrap: 640,
        color: COLOR.muted,
      });
    }

    panel(this, { x: 760, y: 170, w: 480, h: 460 });
    label(this, 780, 186, t.scores);
    sidesOf(scenario).forEach((side, i) => {
      const y = 214 + i * 150;
      const p = words.parties[side]!;
      const score = outcome.scores[side] ?? 0;
      text(this, 780, y, `${sideGlyph(scenario, side)} ${p.name}${side === s.side && !isSpectator(s) ? ` ${t.you}` : ''}`, {
        size: 15,
        weight: 700,
        color: sideColor(scenario, side),
        scalable: false,
      });
      text(this, 780, y + 26, fmtScore(score), {
        size: 40,
        weight: 700,
        color: score >= 0 ? COLOR.calm : COLOR.danger,
        scalable: false,
      });
      text(
        this,
        930,
        y + 28,
        t.scoreDetail(
          !!outcome.deal,
          Math.round((outcome.utilities[side] ?? 0) * 100),
          side === s.side && !isSpectator(s),
          Math.round(game.types[side]!.reservation * 100),
          game.support[side]!,
        ),
        { size: 13, color: COLOR.muted, scalable: false, lineSpacing: 4 },
      );
    });
    sidesOf(scenario).forEach((side, i) => {
      text(this, 780, 214 + i * 150 + 84, scoreTermsLine(scenario, game, side), {
        size: 12,
        color: COLOR.muted,
        wrap: 440,
        scalable: false,
      });
    });
    text(this, 780, 530, scoreFormula(scenario), { size: 12, color: COLOR.muted, wrap: 440 });

    this.button({
      key: 'to-debrief',
      caption: `${t.toDebrief}  ${m.common.ahead}`,
      label: t.toDebriefLabel,
      rect: { x: 1040, y: 650, w: 200, h: 48 },
      look: 'primary',
      onPress: () => this.app.toDebrief(),
      size: 17,
    });
    if (this.app.viewer)
      this.button({
        key: 'back-to-replay',
        caption: `${m.common.back}  ${t.backToReplay}`,
        label: t.backToReplayLabel,
        rect: { x: 820, y: 650, w: 200, h: 48 },
        onPress: () => this.app.backToViewer(),
        size: 14,
      });
  }

  protected describe(): { title: string; sections: TextSection[] } {
    const s = this.session;
    const outcome = s.game.outcome;
    const t = m.table;
    if (!outcome) return { title: t.outcome, sections: [] };
    const lines = dealLines(s);
    const words = shown(s.scenario);
    return {
      title: m.common.outcomeHeadline[outcome.kind],
      sections: [
        { heading: t.whatHappened, lines: [outcomeText(outcome, s.scenario)] },
        { heading: t.terms, lines: lines ? lines.map((l) => `${l.issue}: ${l.option}`) : [t.noAgreementLine] },
        {
          heading: t.scores,
          lines: [
            ...sidesOf(s.scenario).map(
              (side) =>
                `${words.parties[side]!.short}: ${fmtScore(outcome.scores[side] ?? 0)} (${scoreTermsLine(s.scenario, s.game, side)})`,
            ),
            scoreFormula(s.scenario),
          ],
        },
      ],
    };
  }
}
