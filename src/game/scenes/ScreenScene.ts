// The shape every screen shares: it reads the app (never the machine directly), draws itself from
// scratch whenever the game or the preferences change, and hands its buttons to the DOM mirror.
import Phaser from 'phaser';
import type { App, Change } from '../../app/app';
import { preferences } from '../../app/preferences';
import { forkTurnText } from '../../app/replays';
import { replayToText } from '../../core/replay';
import type { ControlSpec, Rect } from '../../dom/controls';
import { downloadFile } from '../../dom/download';
import type { DomMirror } from '../../dom/mirror';
import type { TextSection } from '../../dom/screenText';
import { m } from '../../i18n';
import { requestFrames } from '../renderOnDemand';
import { COLOR } from '../theme';
import { button, type DrawButton, discardTexts, orderForBatching, overlay, recycleTexts, releaseUnusedTexts, text } from '../ui';
import { drawNoticeBanner, NOTICE_RECT, noticeHeading, noticeLines } from '../views/noticeBanner';
import { drawRollCard, markRollShown, rollWords, unshownRolls } from '../views/rollCard';

/** Screens that show the round-end escalation card when the ladder moved at the close of a round. */
const ROLL_CARD_SCREENS = new Set(['rounds', 'outcome']);
/** The card's dismiss button takes the event card's key, so the table's focus on it finds this one. */
const DISMISS_KEY = 'dismiss-card';

export abstract class ScreenScene extends Phaser.Scene {
  protected app!: App;
  protected mirror!: DomMirror;
  private specs: ControlSpec[] = [];
  /** The control that gets focus when the screen opens. */
  protected initialFocus: string | undefined;

  /** Drawn since the screen opened (or the preferences changed): the next draw is progressive (see `textBudget`). */
  private drawn = false;
  /** Stops the teacher's countdown drawn by the last draw (its text goes with the screen's objects). */
  private stopNotice: (() => void) | null = null;
  /** Whether the last draw showed the teacher's message (its words then lead the screen's text). */
  private noticeShown = false;

  create(): void {
    this.drawn = false;
    this.app = this.registry.get('app') as App;
    this.mirror = this.registry.get('mirror') as DomMirror;
    const offApp = this.app.subscribe((c) => this.onChange(c));
    // A new text size changes nearly every text: the screen is redrawn whole, not progressively.
    const offPrefs = preferences.subscribe(() => {
      this.drawn = false;
      this.redraw();
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.stopNotice?.();
      this.stopNotice = null;
      offApp();
      offPrefs();
      discardTexts(this);
    });
    this.enter();
    this.redraw();
    this.mirror.controls.focusFirstIfLost(this.initialFocus);
  }

  /** Called once when the screen opens, before the first draw. */
  protected enter(): void {}

  protected onChange(change: Change): void {
    if (change.kind !== 'screen') this.redraw();
  }

  redraw(): void {
    requestFrames(this.game);
    this.tweens.killAll();
    recycleTexts(this, { progressive: this.drawn });
    this.drawn = true;
    this.stopNotice?.();
    this.stopNotice = null;
    this.noticeShown = false;
    this.children.removeAll(true);
    this.specs = [];
    // No backdrop rectangle: the game clears to the same colour, and a full-screen fill is the
    // costliest object of a frame when WebGL is rendered in software.
    this.draw();
    const roll = this.drawRollCard();
    // The teacher's message (class play) over every game screen; the title screen places its own.
    if (this.sys.settings.key !== 'title') this.drawNotice(NOTICE_RECT);
    orderForBatching(this);
    releaseUnusedTexts(this);
    // How many objects this screen draws: the browser benchmark draws as many on its baseline page.
    this.game.canvas?.setAttribute('data-objects', String(this.children.length));
    this.mirror.controls.sync(this.specs);
    const { title, sections } = this.describe();
    if (roll) sections.unshift({ heading: m.table.escalationHeading(roll.title), lines: roll.lines });
    const shown = this.noticeShown ? this.app.notice : null;
    if (shown) sections.unshift({ heading: noticeHeading(), lines: noticeLines(shown.notice, shown.offset) });
    this.mirror.setScreenText(title, sections);
    if (roll) this.mirror.controls.focus(DISMISS_KEY);
  }

  /**
   * The ladder moved when a round closed: a card over the screen says so, with the hazard, the roll
   * and the causes, before anything else (the next round's event cards, the outcome). Everything
   * under it is drawn but not pressable until it is read.
   */
  private drawRollCard(): { title: string; lines: string[] } | null {
    const s = this.app.session;
    if (!s || !ROLL_CARD_SCREENS.has(this.sys.settings.key)) return null;
    const rolls = unshownRolls(s, s.scenario, s.game);
    const roll = rolls[0];
    if (!roll) return null;
    const visible = s.game.hazardVisible !== false;
    const under = this.specs.filter((spec) => spec.key !== DISMISS_KEY);
    this.specs = under.map((spec) => ({ ...spec, disabled: true }));
    overlay(this);
    this.add.rectangle(0, 0, 1280, 720, 0x02060c, 0.72).setOrigin(0);
    const r = { x: 330, y: 130, w: 620, h: 440 };
    drawRollCard(this, r, roll, visible, rolls.length > 1 ? m.table.cardOf(1, rolls.length) : m.table.roundN(roll.round), s.scenario);
    const { title, lines } = rollWords(roll, visible, s.scenario);
    const words = rolls.length > 1 ? m.table.nextCard : this.sys.settings.key === 'rounds' ? m.table.backToTable : m.table.continue;
    this.button({
      key: DISMISS_KEY,
      caption: `${words}  ${m.common.ahead}`,
      label: m.table.readLabel(words, title),
      rect: { x: r.x + r.w - 210, y: r.y + r.h - 58, w: 190, h: 42 },
      look: 'primary',
      onPress: () => {
        markRollShown(s, roll);
        this.redraw();
      },
      size: 14,
    });
    return { title, lines };
  }

  /** The teacher's message, if one is showing, as a banner over `r` with its countdown and Dismiss. */
  protected drawNotice(r: Rect): void {
    const shown = this.app.notice;
    if (!shown) return;
    this.stopNotice?.();
    this.noticeShown = true;
    this.stopNotice = drawNoticeBanner(this, r, shown.notice, shown.offset, {
      button: (b) => this.button(b),
      onDismiss: () => this.app.dismissNotice(),
      announce: (lines) => this.mirror.announcer.announce(lines),
    });
  }

  protected button(b: DrawButton): void {
    // A move is keyed on the turn it was drawn for: pressed after the turn has passed (its screen
    // not yet redrawn, or already on its way out), it is dropped. One click, one move.
    const { turn, onPress } = b;
    const keyed = turn === undefined ? b : { ...b, onPress: () => (this.app.session?.game.turn === turn ? onPress() : undefined) };
    this.specs.push(button(this, keyed));
  }

  protected control(spec: ControlSpec): void {
    this.specs.push(spec);
  }

  /** The header's game actions: copy a link to this game, export its replay so far, and a word if saving fails. */
  protected headerActions(opts: { exportReplay?: boolean } = {}): void {
    const right = 1180;
    let x = right;
    // Hot seat before the talks end: the replay and the seed would show the other team's secrets.
    const locked = this.app.secretsLocked;
    const why = locked ? m.table.lockedWhy : '';
    if (opts.exportReplay !== false && this.app.session) {
      x -= 136;
      this.button({
        key: 'export-replay',
        caption: m.table.exportReplay,
        label: m.table.exportReplayLabel(why),
        rect: { x, y: 7, w: 128, h: 30 },
        look: 'ghost',
        disabled: locked,
        onPress: () => this.exportReplay(),
        size: 12,
      });
    }
    x -= 104;
    this.button({
      key: 'copy-link',
      caption: m.table.copyLink,
      label: m.table.copyLinkLabel(why),
      rect: { x, y: 7, w: 96, h: 30 },
      look: 'ghost',
      disabled: locked,
      onPress: () => {
        if (!this.app.secretsLocked) this.mirror.share.open(this.app.shareLink());
      },
      size: 12,
    });
    if (!this.app.saves.available)
      text(this, x - 10, 15, m.table.savingUnavailable, { size: 11, weight: 600, color: COLOR.warn, scalable: false }).setOrigin(1, 0);
  }

  protected exportReplay(): void {
    const s = this.app.session;
    if (!s || this.app.secretsLocked) return;
    const forkTurn = forkTurnText(s.record.parent);
    const fork = forkTurn === null ? [] : [`fork${forkTurn}`];
    const parts = [s.scenario.id, s.choice.seed, ...fork, `turn${s.history.actions.length}`];
    downloadFile({ parts, extension: 'replay.json' }, replayToText(s.replay()), 'application/json');
  }

  protected abstract draw(): void;
  protected abstract describe(): { title: string; sections: TextSection[] };
}
