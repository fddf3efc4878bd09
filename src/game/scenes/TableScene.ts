// The table: the issue board with both standing offers and your draft package (its worth to you
// live), the moves, the escalation ladder, support at home, the regional map and the wire. Events
// arrive as cards that must be read (and dismissed) before the next move.
import type { Change } from '../../app/app';
import { RemoteSession } from '../../app/online';
import type { Session } from '../../app/session';
import { projectedTension } from '../../core/escalation/escalation';
import { type HazardPreview, hazardPreview } from '../../core/escalation/preview';
import { customEvent } from '../../core/facilitator';
import { bridgeStatus, pointsApart } from '../../core/negotiation/bridge';
import { concessionPreview } from '../../core/negotiation/concession';
import { packageToTerms, spaceOf } from '../../core/negotiation/space';
import type { Scenario, ScenarioEvent } from '../../core/scenario/schema';
import { bySide, sidesOf } from '../../core/sides';
import type { LogEntry, Tone } from '../../core/types';
import type { TextSection } from '../../dom/screenText';
import { f, m, shown } from '../../i18n';
import { venueName } from '../scenarioWords';
import { COLOR, sideColor } from '../theme';
import { button as drawButton, fitsOneLine, LABEL_FACE, label, overlay, panel, text, tween } from '../ui';
import { describeBrief, drawBriefDrawer } from '../views/briefDrawer';
import { captionSize } from '../views/captionSize';
import { drawCounterpart } from '../views/counterpart';
import { drawEventCard, eventEffects, shownEvent } from '../views/eventCard';
import { drawHeader } from '../views/header';
import { drawIssueBoard, type PreviousOffers } from '../views/issueBoard';
import { drawLadder, hazardPercent } from '../views/ladder';
import { drawNewsFeed, wireLog } from '../views/newsFeed';
import { drawPauseBanner, pausedSentence } from '../views/pauseBanner';
import { drawReasonField } from '../views/reasonField';
import { drawRegionMap, type Incident } from '../views/regionMap';
import { tensionText } from '../views/riskText';
import { drawWatchingNote, drawWatchingPanel, isSpectator, watchingLine, watchingNote } from '../views/spectator';
import { drawSupport } from '../views/support';
import { ScreenScene } from './ScreenScene';

/** Points out of 100: a share 0–1 rounded as the table shows it. */
const points = (x: number): number => Math.round(x * 100);

/** A number the rules wrote as text ("12", "12.5") in the digits of the language shown. */
const numText = (s: string): string => f.num(Number(s), (s.split('.')[1] ?? '').length);

/** A package's agenda terms, "issue: option; …", in the language shown (the rules' describeTerms, in words). */
function termsText(scenario: Scenario, terms: Record<string, string>): string {
  const words = shown(scenario);
  return Object.entries(terms)
    .map(([issueId, optionId]) => {
      const issue = words.issues.find((i) => i.id === issueId);
      return `${issue?.name ?? issueId}: ${issue?.options.find((o) => o.id === optionId)?.label ?? optionId}`;
    })
    .join(m.table.sep);
}

/** Why the mediator cannot bridge now, in the language shown (the rules' bridgeStatus reason, in words). */
function bridgeReason(scenario: Scenario, game: Session['game'], gap: number | null, threshold: number): string {
  const words = shown(scenario);
  const t = m.table;
  const ended = game.phase === 'ended';
  const no = (why: string) => t.bridgeCannot(words.mediator.short, ended, why);
  if (ended) return no(t.whyOver);
  if (game.phase !== 'rounds') return no(t.whyNotAtTable);
  const missing = sidesOf(scenario)
    .filter((side) => !game.offers[side])
    .map((side) => words.parties[side]!.short);
  if (missing.length > 0) return no(t.whyMissing(missing));
  const [apart, atMost] = pointsApart(gap ?? 0, threshold);
  return no(t.whyGap(numText(apart), numText(atMost)));
}

export class TableScene extends ScreenScene {
  /** Events drawn since the player last looked, shown one card at a time. */
  private cards: ScenarioEvent[] = [];
  private previousOffers: PreviousOffers = {};
  private previousRung: number | null = null;
  private shownRung: number | null = null;
  private shownOffers: PreviousOffers = {};
  /** A move that goes below the walk-away value waits for a second press, on the same turn. */
  private confirming: { key: string; turn: number } | null = null;
  /** The drawer with your brief is open (Escape or its Close button closes it). */
  private briefOpen = false;
  private offEscape: (() => void) | null = null;
  /** What each of the player's enabled moves would make the coming roll's hazard (null: hidden). */
  private preview: HazardPreview | null = null;

  constructor() {
    super('rounds');
  }

  private get session(): Session {
    return this.app.session as Session;
  }

  protected override enter(): void {
    const s = this.session;
    this.initialFocus = isSpectator(s) ? undefined : 'propose';
    // Events of the first round were drawn as the agenda settled: show them now.
    this.cards = this.eventsIn(s.game.log.filter((e) => e.round === s.game.round));
    this.shownRung = s.game.rung;
    this.shownOffers = { ...s.game.offers };
    this.previousRung = null;
    this.previousOffers = bySide(s.game, () => null);
    this.briefOpen = false;
    this.events.once('shutdown', () => document.getElementById('bc-stage')?.removeAttribute('data-modal'));
  }

  protected override onChange(change: Change): void {
    if (change.kind === 'state') this.cards.push(...this.eventsIn(change.entries));
    if (change.kind !== 'screen') this.redraw();
  }

  /** The cards for the events among `entries`: the deck's, and the facilitator's own (custom) ones. */
  private eventsIn(entries: readonly LogEntry[]): ScenarioEvent[] {
    const { scenario, history } = this.session;
    return entries
      .filter((e) => e.kind === 'event')
      .flatMap((e) => {
        const deck = scenario.events.find((ev) => ev.id === e.ref);
        if (deck) return [deck];
        if (!e.ref.startsWith('custom-')) return [];
        // A custom event is in the facilitator's logged action: the one whose event has this id and words.
        for (const { action } of history.actions) {
          if (action.type !== 'inject-custom') continue;
          const event = customEvent(action, Number(e.ref.slice('custom-'.length)));
          if (e.text === `${event.title}: ${event.text}`) return [event];
        }
        return [];
      });
  }

  override redraw(): void {
    const game = this.app.session?.game;
    if (game) {
      // Animate from what was on screen last time to what is true now.
      this.previousRung = this.shownRung;
      this.previousOffers = this.shownOffers;
      this.shownRung = game.rung;
      this.shownOffers = { ...game.offers };
    }
    super.redraw();
    if (this.cards.length > 0) this.mirror.controls.focus('dismiss-card');
    else if (!isSpectator(this.app.session)) this.mirror.controls.focusFirstIfLost('propose');
  }

  protected draw(): void {
    if (!this.app.session) return;
    const s = this.session;
    const { scenario, game } = s;
    drawHeader(this, s, m.table.atTable(venueName(shown(scenario))));
    this.headerActions();
    drawRegionMap(
      this,
      { x: 16, y: 54, w: 300, h: 194 },
      { region: scenario.region, places: shown(scenario).places ?? [], venue: scenario.venue, incidents: this.incidents() },
    );
    this.preview = this.hazardPreview();
    drawLadder(this, { x: 16, y: 256, w: 300, h: 268 }, scenario, game, this.previousRung, this.preview);
    const watching = isSpectator(s) ? s : null;
    drawSupport(this, { x: 16, y: 532, w: 300, h: 172 }, scenario, game, s.side, watching ? { markYou: false } : {});

    const modal = this.cards.length > 0 || this.briefOpen;
    // The page's own controls over the stage (the solo perception check) hide under a card or the
    // brief, and always for a spectator, who has no perception check to make.
    document.getElementById('bc-stage')?.toggleAttribute('data-modal', modal || watching !== null);
    const board = { x: 328, y: 54, w: 620, h: 446 };
    if (watching) {
      // Watching: the public table only (both offers and the bridge), the moves as a calm note.
      drawIssueBoard(this, board, s, this.previousOffers, {
        button: (b) => (modal ? drawButton(this, b) : this.button(b)),
        redraw: () => {},
        concede: () => {},
      });
      drawWatchingNote(this, { x: 328, y: 508, w: 620, h: 196 });
      drawWatchingPanel(this, { x: 960, y: 54, w: 304, h: 150 }, watching);
      drawNewsFeed(this, { x: 960, y: 212, w: 304, h: 492 }, scenario, wireLog(scenario, game));
    } else if (modal) {
      drawIssueBoard(this, board, s, this.previousOffers, { button: (b) => drawButton(this, b), redraw: () => {}, concede: () => {} });
    } else {
      drawIssueBoard(this, board, s, this.previousOffers, {
        button: (b) => this.button(b),
        redraw: () => this.redraw(),
        concede: (issue) =>
          this.confirmBelowWalkAway(`concede-${issue}`, !!concessionPreview(scenario, game, s.side, issue)?.belowWalkAway, () =>
            this.app.act({ type: 'concede', issue }),
          ),
        confirming: this.confirmingKey(),
      });
    }
    if (!watching) this.drawSeat(modal);

    const event = this.cards[0];
    if (event) {
      overlay(this);
      this.add.rectangle(0, 0, 1280, 720, 0x02060c, 0.72).setOrigin(0);
      const r = { x: 330, y: 130, w: 620, h: 440 };
      drawEventCard(this, r, scenario, event, this.cards.length > 1 ? m.table.cardOf(1, this.cards.length) : m.table.roundN(game.round));
      const words = this.cards.length > 1 ? m.table.nextEvent : m.table.backToTable;
      const caption = `${words}  ${m.common.ahead}`;
      const rect = { x: r.x + r.w - 210, y: r.y + r.h - 58, w: 190, h: 42 };
      this.button({
        key: 'dismiss-card',
        caption,
        label: m.table.readLabel(words, shownEvent(scenario, event).title),
        rect,
        look: 'primary',
        onPress: () => {
          this.cards.shift();
          this.redraw();
        },
        size: captionSize(caption, 14, rect),
      });
    }
  }

  /** A seat's own panels: the draft's worth, the moves, the counterpart, the wire, the reason and the brief. */
  private drawSeat(modal: boolean): void {
    const s = this.session;
    const { scenario, game } = s;
    this.drawWorth({ x: 328, y: 508, w: 620, h: 64 });
    this.drawMoves({ x: 328, y: 580, w: 620, h: 124 }, modal);
    const remote = s instanceof RemoteSession && s.otherSeatLeft ? s : null;
    drawCounterpart(
      this,
      { x: 960, y: 54, w: 304, h: 150 },
      this.session,
      remote
        ? {
            handOver: remote.host && !modal ? (b) => this.button(b) : null,
            personality: s.choice.personality,
            onHandOver: () => remote.handOtherSeatToAi(s.choice.personality),
          }
        : null,
    );
    drawNewsFeed(this, { x: 960, y: 212, w: 304, h: 436 }, scenario, wireLog(scenario, game));
    drawReasonField(this, { x: 960, y: 656, w: 304, h: 48 }, this.app, modal ? null : (spec) => this.control(spec));
    this.drawBrief(modal);
  }

  /** The player's enabled moves and the hazard of the coming roll after each, unless the facilitator hides it. */
  private hazardPreview(): HazardPreview | null {
    const s = this.session;
    if (s.game.hazardVisible === false || !s.isMyTurn) return null;
    // At an online table the rules cannot run here (the view has no RNG and not the other side's
    // type): the server computed the preview for this seat's move and sent it with the view.
    const preview = s instanceof RemoteSession ? s.view.preview : hazardPreview(s.scenario, s.game, s.side, { ...s.draft });
    if (!preview) return null;
    return {
      ...preview,
      moves: preview.moves.filter((m) => s.can(m.key.startsWith('statement-') ? 'statement' : (m.key as Parameters<Session['can']>[0]))),
    };
  }

  private incidents(): Incident[] {
    const { scenario, game } = this.session;
    const words = shown(scenario);
    return game.eventsSeen.flatMap((id) => {
      const ev = words.events.find((e) => e.id === id);
      if (!ev?.where) return [];
      return [{ where: ev.where, title: ev.title, fresh: game.roundEvents.includes(id), violent: ev.severity === 'violent' }];
    });
  }

  /** Live worth of the draft to you, and what is on offer from them. */
  private drawWorth(r: { x: number; y: number; w: number; h: number }): void {
    const s = this.session;
    const { game } = s;
    panel(this, r);
    const draft = s.draftPackage();
    const mine = s.ownUtility(draft);
    const reservation = game.types[s.side]!.reservation;
    const theirOffer = game.offers[s.opponent] ?? null;
    const barX = r.x + 14;
    const barW = 300;
    const t = m.table;
    const words = shown(s.scenario);
    label(this, barX, r.y + 8, t.draftWorth);
    text(this, barX + 196, r.y + 3, t.n(points(mine)), {
      size: 20,
      weight: 700,
      color: mine >= reservation ? COLOR.calm : COLOR.danger,
      scalable: false,
    });
    const g = this.add.graphics();
    g.fillStyle(COLOR.panelHi, 1);
    g.fillRect(barX, r.y + 34, barW, 12);
    const fill = this.add.rectangle(barX, r.y + 34, 2, 12, sideColor(s.scenario, s.side)).setOrigin(0);
    tween(this, { targets: fill, width: Math.max(2, mine * barW), duration: 250, ease: 'Cubic.easeOut' });
    const rx = barX + reservation * barW;
    g.fillStyle(COLOR.danger, 1);
    g.fillRect(rx - 1, r.y + 30, 2, 20);
    text(this, rx + 4, r.y + 48, t.walkAwayMark(points(reservation)), { size: 10, color: COLOR.danger, scalable: false });
    const estimate = s.estimatedTheirUtility(draft);
    const right = r.x + 336;
    // Named when the name fits before the next column; "Their offer" otherwise.
    const theirs = t.theirOfferNamed(words.parties[s.opponent]!.short);
    label(this, right, r.y + 8, fitsOneLine(theirs.toUpperCase(), 140, LABEL_FACE) === false ? t.theirOffer : theirs);
    text(this, right, r.y + 24, theirOffer ? t.points(points(s.ownUtility(theirOffer))) : t.noneYet, {
      size: 16,
      weight: 700,
      color: theirOffer && s.ownUtility(theirOffer) >= reservation ? COLOR.calm : COLOR.ink,
      scalable: false,
    });
    if (theirOffer && s.ownUtility(theirOffer) < reservation)
      text(this, right, r.y + 46, t.belowYourWalkAway, { size: 10, color: COLOR.danger, scalable: false });
    label(this, right + 150, r.y + 8, t.draftToThem);
    text(this, right + 150, r.y + 24, `≈ ${t.points(points(estimate))}`, {
      size: 16,
      weight: 700,
      color: sideColor(s.scenario, s.opponent),
      scalable: false,
    });
  }

  /** The move waiting for its second press, if it is still this turn. */
  private confirmingKey(): string | null {
    const c = this.confirming;
    return c && c.turn === this.session.game.turn ? c.key : null;
  }

  /**
   * Proposing, accepting or conceding below the walk-away value asks for a second press: the first
   * turns the button into a warning that says so; the second (on the same turn) makes the move.
   */
  private confirmBelowWalkAway(key: string, below: boolean, act: () => void): void {
    if (below && this.confirmingKey() !== key) {
      this.confirming = { key, turn: this.session.game.turn };
      this.mirror.announcer.announce([m.table.belowConfirm(key.startsWith('concede'))]);
      this.redraw();
      return;
    }
    this.confirming = null;
    act();
  }

  private drawMoves(r: { x: number; y: number; w: number; h: number }, modal: boolean): void {
    const s = this.session;
    const { scenario, game } = s;
    const words = shown(scenario);
    const t = m.table;
    const them = words.parties[s.opponent]!;
    const mediator = words.mediator.short;
    panel(this, r);
    const pad = 10;
    const colW = (r.w - pad * 4) / 3;
    const x = (c: number) => r.x + pad + c * (colW + pad);
    const y = (row: number) => r.y + pad + row * 38;
    const theirOffer = game.offers[s.opponent] ?? null;
    const walkAway = game.types[s.side]!.reservation;
    const belowWalkAway = (pkg: number[]) => (s.ownUtility(pkg) < walkAway ? ` ${t.warnBelow(points(walkAway))}` : '');
    const agendaTerms = (pkg: number[]) => termsText(scenario, packageToTerms(spaceOf(scenario), pkg, s.mask));
    const moves: {
      key: string;
      caption: string;
      label: string;
      type: Parameters<Session['can']>[0];
      act: () => void;
      col: number;
      row: number;
      look?: 'primary' | 'danger';
      description?: string;
    }[] = [
      {
        key: 'propose',
        caption: t.propose,
        label: t.proposeLabel(points(s.ownUtility(s.draftPackage()))),
        type: 'propose',
        act: () => this.app.act({ type: 'propose', terms: { ...s.draft } }),
        col: 0,
        row: 0,
        look: 'primary',
      },
      {
        key: 'accept',
        caption: t.acceptCaption(them.short, theirOffer ? points(s.ownUtility(theirOffer)) : null),
        label: theirOffer
          ? `${t.acceptLabel(them.short, points(s.ownUtility(theirOffer)), agendaTerms(theirOffer))}${belowWalkAway(theirOffer)}`
          : t.acceptNone(them.short),
        type: 'accept',
        act: () => this.app.act({ type: 'accept' }),
        col: 1,
        row: 0,
      },
      {
        key: 'accept-bridge',
        caption: t.endorse(mediator),
        label: game.bridge
          ? `${t.endorseLabel(mediator, points(s.ownUtility(game.bridge.pkg)), agendaTerms(game.bridge.pkg))}${belowWalkAway(game.bridge.pkg)}`
          : t.endorseNone(mediator),
        type: 'accept-bridge',
        act: () => this.app.act({ type: 'accept-bridge' }),
        col: 2,
        row: 0,
      },
      ...(['conciliatory', 'firm', 'threat'] as Tone[]).map((tone, i) => ({
        key: `statement-${tone}`,
        caption: t.statementCaption(t.tone[tone]),
        label: t.statementLabel(
          tone,
          words.statements[tone].text[s.side] ?? '',
          scenario.statements[tone].support,
          scenario.ladder.severityScores[scenario.statements[tone].severity],
        ),
        type: 'statement' as const,
        act: () => this.app.act({ type: 'statement', tone }),
        col: i,
        row: 1,
      })),
      {
        key: 'recess',
        caption: t.recess(mediator),
        label: t.recessLabel(mediator),
        type: 'recess',
        act: () => this.app.act({ type: 'recess' }),
        col: 0,
        row: 2,
      },
      {
        key: 'bridge',
        // Whether the mediator would bridge now, said before the click (the button is disabled when not).
        ...(() => {
          const bridge = bridgeStatus(scenario, game);
          if (bridge.available)
            return {
              caption: t.bridge(mediator),
              label: t.bridgeLabel(mediator, points(bridge.gap), points(bridge.threshold)),
            };
          const [apart, atMost] = pointsApart(bridge.gap ?? 0, bridge.threshold);
          const reason = bridgeReason(scenario, game, bridge.gap, bridge.threshold);
          return {
            caption: bridge.gap === null ? t.bridgeNeedsOffers(mediator) : t.bridgeGap(mediator, numText(apart), numText(atMost)),
            label: t.bridgeNotNow(mediator, reason),
            description: reason,
          };
        })(),
        type: 'bridge',
        act: () => this.app.act({ type: 'bridge' }),
        col: 1,
        row: 2,
      },
      {
        key: 'walkout',
        caption: t.walkout,
        label: t.walkoutLabel,
        type: 'walkout',
        act: () => this.app.act({ type: 'walkout' }),
        col: 2,
        row: 2,
        look: 'danger',
      },
    ];
    // What each move would leave you with, when that is below your walk-away value.
    const below: Record<string, boolean> = {
      propose: s.ownUtility(s.draftPackage()) < walkAway,
      accept: !!theirOffer && s.ownUtility(theirOffer) < walkAway,
      'accept-bridge': !!game.bridge && s.ownUtility(game.bridge.pkg) < walkAway,
    };
    const confirming = this.confirmingKey();
    const preview = this.preview;
    for (const move of moves) {
      const after = preview?.moves.find((p) => p.key === move.key);
      if (preview && after) move.description = t.hazardAfter(hazardPercent(after.hazard), hazardPercent(preview.now));
      const rect = { x: x(move.col), y: y(move.row), w: colW, h: 32 };
      const waiting = confirming === move.key;
      const caption = waiting ? t.confirmBelow : move.caption;
      const spec = {
        key: move.key,
        caption,
        label: waiting ? t.confirmLabel(move.label) : move.label,
        rect,
        disabled: !s.can(move.type),
        onPress: () => this.confirmBelowWalkAway(move.key, below[move.key] ?? false, move.act),
        turn: game.turn,
        // Larger with the text-size setting, as far as the caption still fits its button.
        size: captionSize(caption, 13, rect),
        ...(waiting ? { look: 'danger' as const } : move.look ? { look: move.look } : {}),
        ...(move.description ? { description: move.description } : {}),
      };
      // While an event card is up the moves are drawn but not pressable.
      if (modal) drawButton(this, { ...spec, disabled: true });
      else this.button(spec);
    }
    if (this.app.lastError)
      text(this, r.x + 10, r.y - 2, t.notAllowed(this.app.lastError), { size: 11, color: COLOR.danger, scalable: false }).setOrigin(0, 1);
    // The facilitator's pause greys every move: the banner over them says why.
    if (game.paused) drawPauseBanner(this, { x: r.x + 24, y: r.y + 20, w: r.w - 48, h: r.h - 40 });
    else if (!s.isMyTurn && game.phase !== 'ended')
      text(this, r.x + r.w - 10, r.y - 2, t.thinking(them.short), { size: 11, color: COLOR.muted, scalable: false }).setOrigin(1, 1);
  }

  /**
   * The "Your brief" button in the counterpart panel's corner, and the drawer it opens over the table:
   * while it is open the table is drawn but not pressable, as under an event card.
   */
  private drawBrief(modal: boolean): void {
    const open = {
      key: 'open-brief',
      caption: m.table.openBrief,
      label: m.table.openBriefLabel,
      rect: { x: 1160, y: 58, w: 96, h: 26 },
      look: 'ghost' as const,
      onPress: () => this.setBriefOpen(true),
      size: 12,
    };
    if (modal) drawButton(this, { ...open, disabled: true, pressed: this.briefOpen });
    else this.button(open);
    if (this.briefOpen && this.cards.length === 0)
      drawBriefDrawer(this, this.session, { button: (b) => this.button(b), close: () => this.setBriefOpen(false) });
  }

  private setBriefOpen(open: boolean): void {
    this.briefOpen = open;
    this.offEscape?.();
    this.offEscape = null;
    if (open) {
      const onKey = (e: KeyboardEvent) => {
        if (e.key === 'Escape' && this.briefOpen && this.cards.length === 0) this.setBriefOpen(false);
      };
      document.addEventListener('keydown', onKey);
      const off = () => document.removeEventListener('keydown', onKey);
      this.events.once('shutdown', off);
      this.offEscape = () => {
        off();
        this.events.off('shutdown', off);
      };
    }
    this.redraw();
    this.mirror.controls.focus(open ? 'close-brief' : 'open-brief');
  }

  protected describe(): { title: string; sections: TextSection[] } {
    const s = this.session;
    const { scenario, game } = s;
    const words = shown(scenario);
    const t = m.table;
    const offerText = (pkg: number[] | null) =>
      pkg
        ? words.issues
            .map((issue, i) => (game.agenda.on.includes(issue.id) ? `${issue.name}: ${issue.options[pkg[i] ?? 0]?.label}` : null))
            .filter(Boolean)
            .join(t.sep)
        : t.none;
    const watching = isSpectator(s) ? s : null;
    const them = words.parties[s.opponent]!.short;
    const sides = sidesOf(scenario);
    const seatLines = watching
      ? [
          ...sides.map((side) => t.standingOffer(words.parties[side]!.short, offerText(game.offers[side] ?? null))),
          ...(game.bridge ? [t.bridgeOffer(words.mediator.short, offerText(game.bridge.pkg))] : []),
          watchingNote(),
        ]
      : [
          t.yourStandingOffer(offerText(game.offers[s.side] ?? null)),
          t.standingOffer(them, offerText(game.offers[s.opponent] ?? null)),
          t.yourDraftLine(offerText(s.draftPackage()), points(s.ownUtility(s.draftPackage())), points(game.types[s.side]!.reservation)),
        ];
    const rungName = words.ladder.rungs[game.rung]?.name ?? '';
    const sections: TextSection[] = [
      {
        heading: t.stateOfPlay,
        lines: [
          ...(watching ? [`${watchingLine(watching)}.`] : []),
          t.roundLine(game.round, game.deadline, watching ? null : s.isMyTurn ? 'mine' : 'theirs'),
          game.hazardVisible === false
            ? t.escalationHidden(game.rung, rungName)
            : t.escalationLine(game.rung, rungName, game.hazard, tensionText(projectedTension(scenario.ladder, game))),
          t.supportLine(sides.map((side) => ({ party: words.parties[side]!.short, value: game.support[side] ?? 0 }))),
          ...seatLines,
        ],
      },
    ];
    if (game.paused && game.phase !== 'ended') sections.unshift({ heading: t.paused, lines: [pausedSentence()] });
    if (this.briefOpen && this.cards.length === 0) sections.unshift(...describeBrief(s));
    const card = this.cards[0];
    if (card) {
      const shownCard = shownEvent(scenario, card);
      sections.unshift({ heading: t.eventHeading(shownCard.title), lines: [shownCard.text, ...eventEffects(scenario, card)] });
    }
    return { title: t.atTable(null), sections };
  }
}
