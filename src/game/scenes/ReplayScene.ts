// The replay viewer: a verified replay turn by turn. Step back and forth, play it at reading pace,
// jump to a round; each step shows what happened and why the escalation risk moved. At any step a
// seat can be taken over to play on live from there.
import Phaser from 'phaser';
import type { Change } from '../../app/app';
import { forkTurnText } from '../../app/replays';
import type { ReplayViewer } from '../../app/viewer';
import { projectedTension } from '../../core/escalation/escalation';
import type { Scenario } from '../../core/scenario/schema';
import { sidesOf } from '../../core/sides';
import { type ActionType, controllerOf, type FacilitatorAction, type LogEntry, type RiskEntry } from '../../core/types';
import type { TextSection } from '../../dom/screenText';
import { f, m, shown } from '../../i18n';
import { logText } from '../../i18n/logWords';
import { COLOR, sideColor, sideGlyph, W } from '../theme';
import { label, panel, text } from '../ui';
import { drawLadder } from '../views/ladder';
import { drawNewsFeed } from '../views/newsFeed';
import { outcomeHeadline, outcomeReason } from '../views/outcomeText';
import { drawRegionMap, type Incident } from '../views/regionMap';
import { causeWord, riskEntryText, tensionText } from '../views/riskText';
import { drawSupport } from '../views/support';
import { ScreenScene } from './ScreenScene';

/** How long each step stays on screen while playing: a view-only timer, never part of the rules. */
const PLAY_DELAY_MS = 1100;

export class ReplayScene extends ScreenScene {
  private timer: Phaser.Time.TimerEvent | null = null;
  private announcedStep = -1;

  constructor() {
    super('replay');
  }

  private get viewer(): ReplayViewer | null {
    return this.app.viewer;
  }

  protected override enter(): void {
    this.initialFocus = 'step-forward';
    this.announcedStep = -1;
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.stopTimer());
  }

  protected override onChange(change: Change): void {
    if (change.kind !== 'screen') this.redraw();
  }

  override redraw(): void {
    super.redraw();
    const v = this.viewer;
    if (!v) return;
    if (v.step !== this.announcedStep) {
      this.announcedStep = v.step;
      const lines = v.entries().map((e) => logText(e, v.scenario));
      this.mirror.announcer.announce([m.debrief.turnOf(v.step, v.steps), ...lines]);
    }
    this.mirror.controls.focusFirstIfLost('step-forward');
  }

  private togglePlay(): void {
    const v = this.viewer;
    if (!v) return;
    if (v.playing) {
      v.playing = false;
      this.stopTimer();
    } else {
      if (v.atEnd) v.stepTo(0);
      v.playing = true;
      this.timer = this.time.addEvent({ delay: PLAY_DELAY_MS, loop: true, callback: () => this.tick() });
    }
    this.app.notify({ kind: 'view' });
  }

  private tick(): void {
    const v = this.viewer;
    if (!v?.playing) {
      this.stopTimer();
      return;
    }
    this.app.viewStep(v.step + 1);
    if (!v.playing) this.stopTimer();
  }

  private stopTimer(): void {
    this.timer?.remove();
    this.timer = null;
  }

  /** Any step by hand pauses playback. */
  private go(step: number): void {
    const v = this.viewer;
    if (!v) return;
    if (v.playing) {
      v.playing = false;
      this.stopTimer();
    }
    this.app.viewStep(step);
  }

  protected draw(): void {
    const v = this.viewer;
    if (!v) return;
    const { scenario } = v;
    const words = shown(scenario);
    const game = v.state;
    this.drawHeaderStrip(v);

    drawRegionMap(
      this,
      { x: 16, y: 54, w: 300, h: 194 },
      { region: scenario.region, places: words.places ?? [], venue: scenario.venue, incidents: this.incidents(v) },
    );
    drawLadder(this, { x: 16, y: 256, w: 300, h: 268 }, scenario, game, v.step > 0 ? v.stateAt(v.step - 1).rung : null);
    drawSupport(this, { x: 16, y: 532, w: 300, h: 172 }, scenario, game, sidesOf(scenario)[0], { markYou: false });

    this.drawStep(v, { x: 328, y: 54, w: 620, h: 300 });
    this.drawRisk(v, { x: 328, y: 362, w: 620, h: 196 });
    this.drawControls(v, { x: 328, y: 566, w: 620, h: 138 });

    this.drawVerified(v, { x: 960, y: 54, w: 304, h: 112 });
    this.drawTakeOver(v, { x: 960, y: 174, w: 304, h: 150 });
    if (v.atEnd && game.outcome) this.drawEnding(v, { x: 960, y: 332, w: 304, h: 372 });
    else
      drawNewsFeed(
        this,
        { x: 960, y: 332, w: 304, h: 372 },
        scenario,
        game.log.filter((e) => e.kind !== 'round'),
        m.debrief.wireUpTo(v.step),
      );
  }

  private drawHeaderStrip(v: ReplayViewer): void {
    const g = this.add.graphics();
    g.fillStyle(COLOR.panel, 1);
    g.fillRect(0, 0, W, 44);
    g.lineStyle(1, COLOR.edge, 1);
    g.lineBetween(0, 44.5, W, 44.5);
    text(this, 16, 12, m.debrief.replayMark, { size: 16, weight: 700, color: COLOR.brass, scalable: false });
    const words = shown(v.scenario);
    const seats = sidesOf(v.scenario).map(
      (side) =>
        `${sideGlyph(v.scenario, side)} ${words.parties[side]!.short}: ${controllerName(words, controllerOf(v.state.settings, side))}`,
    );
    text(this, 110, 14, m.debrief.replayHeader(words.title, v.replay.seed, seats.join(' · ')), {
      size: 14,
      color: COLOR.muted,
      scalable: false,
      maxLines: 1,
      wrap: 960,
    });
    this.button({
      key: 'replay-title',
      caption: m.debrief.titleScreen,
      label: m.debrief.titleScreenLabel,
      rect: { x: 1076, y: 7, w: 104, h: 30 },
      look: 'ghost',
      onPress: () => this.app.toTitle(),
      size: 12,
    });
  }

  private drawStep(v: ReplayViewer, r: { x: number; y: number; w: number; h: number }): void {
    const { scenario } = v;
    const words = shown(scenario);
    const game = v.state;
    panel(this, r);
    const where = game.round === 0 ? m.debrief.agendaDispute : m.debrief.roundOfDeadline(game.round, game.deadline);
    label(this, r.x + 16, r.y + 12, v.step === 0 ? m.debrief.beforeFirstMove : m.debrief.turnWhere(v.step, v.steps, where));
    const move = v.move;
    let y = r.y + 34;
    if (!move) {
      text(this, r.x + 16, y, m.debrief.replayIntro(words.title, words.parties[scenario.firstMover]?.short ?? scenario.firstMover), {
        size: 15,
        wrap: r.w - 32,
        color: COLOR.ink,
      });
      return;
    }
    const seat =
      move.side === 'facilitator' ? m.debrief.facilitator : `${sideGlyph(scenario, move.side)} ${words.parties[move.side]?.short}`;
    const color = move.side === 'facilitator' ? COLOR.brass : sideColor(scenario, move.side);
    text(this, r.x + 16, y, m.debrief.seatDoes(seat, actionWord(words, move.action.type)), {
      size: 18,
      weight: 700,
      color,
      scalable: false,
    });
    y += 32;
    label(this, r.x + 16, y, m.debrief.whatHappened);
    y += 20;
    const bottom = r.y + r.h - 10;
    const entries = v.entries();
    for (const entry of entries) {
      const t = text(this, r.x + 40, y, entryText(v, entry), { size: 13, wrap: r.w - 60, lineSpacing: 2 });
      text(this, r.x + 18, y, entry.side ? sideGlyph(scenario, entry.side) : '•', {
        size: 12,
        weight: 700,
        color: entry.side ? sideColor(scenario, entry.side) : entry.kind === 'event' ? COLOR.warn : COLOR.muted,
        scalable: false,
      });
      if (y + t.height > bottom) {
        t.setVisible(false);
        text(this, r.x + 40, y, m.debrief.andMore(entries.length - entries.indexOf(entry)), { size: 12, color: COLOR.muted });
        break;
      }
      y += t.height + 6;
    }
    if (entries.length === 0) text(this, r.x + 40, y, m.debrief.privateMove, { size: 13, color: COLOR.muted });
  }

  private drawRisk(v: ReplayViewer, r: { x: number; y: number; w: number; h: number }): void {
    panel(this, r);
    const game = v.state;
    label(this, r.x + 16, r.y + 12, m.debrief.escalationThisStep);
    const before = v.step > 0 ? v.stateAt(v.step - 1) : game;
    text(
      this,
      r.x + r.w - 16,
      r.y + 10,
      m.debrief.hazardStep(
        m.debrief.hazard(before.hazard),
        m.debrief.hazard(game.hazard),
        tensionText(projectedTension(v.scenario.ladder, game)),
      ),
      {
        size: 12,
        weight: 600,
        color: game.hazard > before.hazard ? COLOR.danger : game.hazard < before.hazard ? COLOR.calm : COLOR.muted,
        scalable: false,
      },
    ).setOrigin(1, 0);
    const risk = v.risk();
    let y = r.y + 34;
    if (risk.length === 0) {
      text(this, r.x + 16, y, m.debrief.noRiskChangeStep, { size: 13, color: COLOR.muted });
      return;
    }
    const bottom = r.y + r.h - 8;
    for (const entry of risk) {
      const color = entry.side ? sideColor(v.scenario, entry.side) : entry.cause === 'event' ? COLOR.warn : COLOR.muted;
      text(this, r.x + 16, y, causeWord(entry.cause), { size: 11, weight: 700, color, scalable: false });
      text(this, r.x + r.w - 16, y, riskChange(entry), {
        size: 12,
        weight: 700,
        color: entry.hazardAfter > entry.hazardBefore ? COLOR.danger : entry.hazardAfter < entry.hazardBefore ? COLOR.calm : COLOR.muted,
        scalable: false,
      }).setOrigin(1, 0);
      const t = text(this, r.x + 96, y, riskEntryText(entry, v.scenario), { size: 12, wrap: r.w - 260, lineSpacing: 2 });
      if (y + t.height > bottom) {
        t.setVisible(false);
        break;
      }
      y += Math.max(18, t.height) + 6;
    }
  }

  private drawControls(v: ReplayViewer, r: { x: number; y: number; w: number; h: number }): void {
    panel(this, r);
    const y = r.y + 12;
    const row: { key: string; caption: string; label: string; w: number; disabled: boolean; onPress: () => void; look?: 'primary' }[] = [
      {
        key: 'step-first',
        caption: m.debrief.toStart,
        label: m.debrief.toStartLabel,
        w: 96,
        disabled: v.step === 0,
        onPress: () => this.go(0),
      },
      {
        key: 'step-back',
        caption: m.debrief.back,
        label: m.debrief.backLabel(Math.max(0, v.step - 1)),
        w: 104,
        disabled: v.step === 0,
        onPress: () => this.go(v.step - 1),
      },
      {
        key: 'play',
        caption: v.playing ? m.debrief.pause : m.debrief.play,
        label: v.playing ? m.debrief.pauseLabel : m.debrief.playLabel,
        w: 164,
        disabled: false,
        onPress: () => this.togglePlay(),
        look: 'primary',
      },
      {
        key: 'step-forward',
        caption: m.debrief.forward,
        label: m.debrief.forwardLabel(Math.min(v.steps, v.step + 1)),
        w: 104,
        disabled: v.atEnd,
        onPress: () => this.go(v.step + 1),
      },
      {
        key: 'step-last',
        caption: m.debrief.toEnd,
        label: m.debrief.toEndLabel,
        w: 96,
        disabled: v.atEnd,
        onPress: () => this.go(v.steps),
      },
    ];
    let x = r.x + 14;
    for (const b of row) {
      this.button({
        key: b.key,
        caption: b.caption,
        label: b.label,
        rect: { x, y, w: b.w, h: 38 },
        disabled: b.disabled,
        onPress: b.onPress,
        size: 14,
        ...(b.look ? { look: b.look } : {}),
      });
      x += b.w + 8;
    }
    label(this, r.x + 16, y + 52, m.debrief.jumpToRound);
    const marks = v.rounds();
    const gap = 6;
    const chipW = Math.min(72, Math.floor((r.w - 28 - gap * (marks.length - 1)) / Math.max(1, marks.length)));
    const current = v.state.round;
    marks.forEach((mark, i) => {
      const wide = chipW >= 60;
      this.button({
        key: `round-${mark.round}`,
        caption:
          mark.round === 0
            ? wide
              ? m.debrief.chipAgenda
              : m.debrief.chipAgendaShort
            : wide
              ? m.debrief.chipRound(mark.round)
              : m.debrief.chipRoundShort(mark.round),
        label: mark.round === 0 ? m.debrief.jumpAgendaLabel(mark.step) : m.debrief.jumpRoundLabel(mark.round, mark.step),
        rect: { x: r.x + 14 + i * (chipW + gap), y: y + 72, w: chipW, h: 32 },
        pressed: current === mark.round,
        onPress: () => this.go(mark.step),
        size: 12,
      });
    });
  }

  private drawVerified(v: ReplayViewer, r: { x: number; y: number; w: number; h: number }): void {
    panel(this, r, { edge: COLOR.calm });
    label(this, r.x + 14, r.y + 12, m.debrief.verified, COLOR.calm);
    const forkTurn = forkTurnText(v.replay.parent);
    const lines = [
      m.debrief.allReplayed(v.steps),
      m.debrief.finalChecksum(v.opened.checksum),
      ...(forkTurn === null ? [] : [m.debrief.forkOf(forkTurnShown(forkTurn))]),
    ];
    text(this, r.x + 14, r.y + 32, lines.join('\n'), { size: 12, wrap: r.w - 28, color: COLOR.ink, lineSpacing: 3, maxLines: 4 });
  }

  private drawTakeOver(v: ReplayViewer, r: { x: number; y: number; w: number; h: number }): void {
    panel(this, r);
    label(this, r.x + 14, r.y + 12, m.debrief.takeOverHere);
    text(this, r.x + 14, r.y + 30, v.canTakeOver ? m.debrief.whatIf(v.step) : m.debrief.talksOver, {
      size: 12,
      wrap: r.w - 28,
      color: COLOR.muted,
      maxLines: 2,
    });
    const words = shown(v.scenario);
    sidesOf(v.scenario).forEach((side, i) => {
      const name = m.debrief.seatOf(words.parties[side]!.short);
      this.button({
        key: `take-over-${side}`,
        caption: m.debrief.takeOver(sideGlyph(v.scenario, side), name),
        label: m.debrief.takeOverLabel(name, v.step),
        rect: { x: r.x + 14, y: r.y + 66 + i * 40, w: r.w - 28, h: 34 },
        disabled: !v.canTakeOver,
        onPress: () => this.app.takeOver(side),
        size: 13,
      });
    });
  }

  private drawEnding(v: ReplayViewer, r: { x: number; y: number; w: number; h: number }): void {
    const outcome = v.state.outcome;
    if (!outcome) return;
    const good = outcome.kind === 'comprehensive-deal' || outcome.kind === 'interim-deal';
    const color = good ? COLOR.calm : outcome.kind === 'conflict' ? COLOR.danger : COLOR.warn;
    panel(this, r, { edge: color });
    label(this, r.x + 14, r.y + 12, m.debrief.howItEnded, color);
    const head = text(this, r.x + 14, r.y + 32, outcomeHeadline(outcome.kind), { size: 20, weight: 700, color, wrap: r.w - 28 });
    const reason = text(this, r.x + 14, head.y + head.height + 8, outcomeReason(outcome, v.scenario), {
      size: 13,
      wrap: r.w - 28,
      maxLines: 6,
    });
    const words = shown(v.scenario);
    const scores = sidesOf(v.scenario)
      .map((side) => `${sideGlyph(v.scenario, side)} ${m.debrief.sideScore(words.parties[side]!.short, outcome.scores[side] ?? 0)}`)
      .join('\n');
    text(this, r.x + 14, reason.y + reason.height + 12, scores, { size: 13, weight: 600, lineSpacing: 4, scalable: false });
    this.button({
      key: 'watch-ending',
      caption: m.debrief.watchEnding,
      label: m.debrief.watchEndingLabel,
      rect: { x: r.x + 14, y: r.y + r.h - 54, w: r.w - 28, h: 40 },
      look: 'primary',
      onPress: () => this.app.watchEnding(),
      size: 14,
    });
  }

  private incidents(v: ReplayViewer): Incident[] {
    const words = shown(v.scenario);
    const game = v.state;
    return game.eventsSeen.flatMap((id) => {
      const ev = words.events.find((e) => e.id === id);
      if (!ev?.where) return [];
      return [{ where: ev.where, title: ev.title, fresh: game.roundEvents.includes(id), violent: ev.severity === 'violent' }];
    });
  }

  protected describe(): { title: string; sections: TextSection[] } {
    const v = this.viewer;
    if (!v) return { title: m.debrief.replay, sections: [] };
    const risk = v.risk().map((r) => m.debrief.riskLine(causeWord(r.cause), riskEntryText(r, v.scenario), riskChange(r)));
    const sections: TextSection[] = [
      { heading: m.debrief.whatHappened, lines: v.step === 0 ? [m.debrief.beforeFirstMoveLine] : v.entries().map((e) => entryText(v, e)) },
      { heading: m.debrief.escalationThisStep, lines: risk.length ? risk : [m.debrief.noRiskChange] },
      { heading: m.debrief.verifiedHeading, lines: [m.debrief.verifiedLine(v.steps, v.opened.checksum)] },
    ];
    const outcome = v.state.outcome;
    if (v.atEnd && outcome) sections.push({ heading: outcomeHeadline(outcome.kind), lines: [outcomeReason(outcome, v.scenario)] });
    return {
      title: m.debrief.replayTitle(v.step, v.steps, v.state.round === 0 ? m.debrief.agenda : m.debrief.roundN(v.state.round)),
      sections,
    };
  }
}

/** Who plays a seat: a person, random moves, or an AI by its strategy (the scenario's personality of that id, when there is one). */
function controllerName(words: Pick<Scenario, 'personalities'>, c: ReturnType<typeof controllerOf>): string {
  if (c === 'human') return m.debrief.person;
  if (c === 'random') return m.debrief.randomMoves;
  const id = c.slice(3);
  return m.debrief.aiSeat(id, words.personalities.find((p) => p.id === id)?.name ?? id);
}

/** What each move is called in the step's headline (the mediator's by its name in the scenario). */
function actionWord(scenario: Pick<Scenario, 'mediator'>, type: ActionType | FacilitatorAction['type']): string {
  const mediator = scenario.mediator.short;
  if (type === 'accept-bridge') return m.debrief.endorsesBridge(mediator);
  if (type === 'bridge') return m.debrief.asksBridge(mediator);
  if (type === 'mediator-bridge') return m.debrief.tablesBridge(mediator);
  return m.debrief.action[type] ?? type;
}

/** A step's entry: an event's under its title (the rules' English text decides whether it already has it). */
function entryText(v: ReplayViewer, e: LogEntry): string {
  const line = logText(e, v.scenario);
  if (e.kind !== 'event') return line;
  const ev = v.scenario.events.find((x) => x.id === e.ref);
  const title = shown(v.scenario).events.find((x) => x.id === e.ref)?.title ?? ev?.title ?? '';
  return ev && !e.text.startsWith(ev.title) ? m.debrief.eventEntry(title, line) : line;
}

function riskChange(r: RiskEntry): string {
  return m.debrief.hazardChange(m.debrief.hazard(r.hazardBefore), m.debrief.hazard(r.hazardAfter));
}

/** The turn a fork left its parent: a number in the language's digits, anything else (a quoted oddity) as it is. */
function forkTurnShown(turn: string): string {
  return /^\d+$/.test(turn) ? f.num(Number(turn)) : turn;
}
