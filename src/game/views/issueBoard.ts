// The table itself: one row per agenda issue, its options laid out as a scale, with both sides'
// standing offers marked on it (each party's marker in its colour, the first party's at the left of
// an option, the second's at the right, and the mediator's bridge below) and the package you are
// building lit. Each option is a button; so is conceding a step.
import type Phaser from 'phaser';
import type { Session } from '../../app/session';
import { concessionPreview } from '../../core/negotiation/concession';
import { spaceOf } from '../../core/negotiation/space';
import { concedableIssues } from '../../core/rules';
import { sidesOf } from '../../core/sides';
import type { Side } from '../../core/types';
import type { ButtonSpec, Rect } from '../../dom/controls';
import { f, m, shown } from '../../i18n';
import { addMarker, markerGlyph, mediatorMarker, sideMarker } from '../markers';
import { strokeDashedLine } from '../shapes';
import { COLOR, mediatorColor, sideColor } from '../theme';
import { type DrawButton, fitsOneLine, label, panel, type TextOptions, text, tween } from '../ui';
import { captionSize } from './captionSize';
import { isSpectator } from './spectator';

export interface BoardCallbacks {
  button: (b: DrawButton) => void;
  redraw: () => void;
  concede: (issueId: string) => void;
  /** The key of a move waiting for a second press because it goes below the walk-away value. */
  confirming?: string | null;
}

/** Each party's standing offer when the board was last drawn, by party id (to slide the markers from). */
export type PreviousOffers = Record<Side, number[] | null>;

export function drawIssueBoard(scene: Phaser.Scene, r: Rect, session: Session, previous: PreviousOffers, cb: BoardCallbacks): void {
  const { scenario, game } = session;
  const words = shown(scenario);
  const t = m.table;
  const space = spaceOf(scenario);
  // A spectator sees the public table only: both offers and the bridge; no draft, worth or concession.
  const watching = isSpectator(session);
  panel(scene, r);
  const agenda = words.issues.map((issue, i) => ({ issue, i })).filter(({ issue }) => game.agenda.on.includes(issue.id));
  const nameW = 150;
  const chipsX = r.x + nameW + 12;
  const chipsW = r.w - nameW - 24;
  const head = 28;
  const rowH = Math.min(58, Math.floor((r.h - head - 6) / Math.max(1, agenda.length)));
  label(scene, r.x + 14, r.y + 9, t.theTable);
  const sides = sidesOf(scenario);
  const mediator = words.mediator;
  const legendFace = { size: 11, color: COLOR.muted, scalable: false } as const;
  text(scene, r.x + r.w - 14, r.y + 7, boardLegend(session, watching, r.w - 120, legendFace), legendFace).setOrigin(1, 0);
  const concedable = new Set(session.isMyTurn ? concedableIssues(scenario, game, session.side) : []);
  const myTurn = session.isMyTurn && game.phase === 'rounds';
  const draft = watching ? null : session.draftPackage();
  const g = scene.add.graphics();

  agenda.forEach(({ issue, i }, row) => {
    const y = r.y + head + row * rowH;
    if (row % 2 === 0) {
      g.fillStyle(COLOR.panelHi, 0.55);
      g.fillRect(r.x + 4, y, r.w - 8, rowH);
    }
    drawIssueName(scene, r.x + 14, y, issue.name, nameW - 8, concedable.has(issue.id));
    const n = issue.options.length;
    const gap = 4;
    const chipW = (chipsW - gap * (n - 1)) / n;
    const chipX = (o: number) => chipsX + o * (chipW + gap);
    issue.options.forEach((option, o) => {
      const chosen = draft?.[i] === o;
      const mine = game.offers[session.side]?.[i] === o;
      const theirs = game.offers[session.opponent]?.[i] === o;
      const bridge = game.bridge?.pkg[i] === o;
      const own = space.evals[session.side]?.[i]?.[o] ?? 0;
      const notes = [
        mine ? (watching ? t.standingOf(words.parties[session.side]!.short) : t.yourStanding) : '',
        theirs ? t.standingOf(words.parties[session.opponent]!.short) : '',
        bridge ? t.bridgeOf(mediator.short) : '',
      ].filter(Boolean);
      const rect = { x: chipX(o), y: y + 5, w: chipW, h: rowH - 10 };
      const spec: DrawButton = {
        key: `opt-${issue.id}-${option.id}`,
        caption: option.label,
        label: t.optionLabel(issue.name, option.label, chosen, notes, watching ? null : Math.round(own * 100)),
        description: option.description,
        rect,
        pressed: chosen,
        look: 'chip',
        disabled: !myTurn,
        // Larger with the text-size setting, as far as the label still fits its chip.
        size: captionSize(option.label, 11, rect, 9),
        onPress: () => {
          session.setDraftOption(issue.id, option.id);
          cb.redraw();
        },
      };
      cb.button(spec);
      if (watching) return;
      // How much this option is worth to you: a thin bar under the chip.
      g.fillStyle(sideColor(scenario, session.side), 0.55);
      g.fillRect(chipX(o) + 4, y + rowH - 9, (chipW - 8) * own, 2);
    });
    // Standing-offer markers, sliding from where they were.
    const markerY = y + 9;
    sides.forEach((side, k) => {
      const offer = game.offers[side];
      if (!offer) return;
      const o = offer[i] as number;
      const at = (option: number) => (k === 0 ? chipX(option) + 8 : chipX(option) + chipW - 8);
      const x = at(o);
      const shape = addMarker(scene, x, markerY, sideMarker(scenario, side), sideColor(scenario, side)).setStrokeStyle(1, 0x0a1422);
      const before = previous[side]?.[i];
      if (before !== undefined && before !== o) {
        const fromX = at(before);
        shape.x = fromX;
        tween(scene, { targets: shape, x, duration: 600, ease: 'Cubic.easeInOut' });
      }
    });
    if (game.bridge) {
      const o = game.bridge.pkg[i] as number;
      // The mediator's marker pinned to the chip's lower edge, below its words (drawn over them, it
      // hid the option's own words).
      const cx = chipX(o) + chipW / 2;
      const cy = y + rowH - 3;
      const b = addMarker(scene, cx, cy, mediatorMarker(scenario), mediatorColor(scenario), 11);
      b.setStrokeStyle(1, 0x0a1422);
      b.setName('bridge-marker');
    }
    const preview = concedable.has(issue.id) && myTurn ? concessionPreview(scenario, game, session.side, issue.id) : null;
    if (preview) {
      const rect = { x: r.x + 12, y: y + rowH - 20, w: 104, h: 18 };
      const key = `concede-${issue.id}`;
      const confirming = cb.confirming === key;
      // The preview in sight, not only in the accessible name: the caption says what the offer is then
      // worth, and a dashed frame marks the option the step lands on.
      const caption = confirming
        ? `${t.confirm} ⚠`
        : `${t.concede} → ${f.num(Math.round(preview.after * 100))}${preview.belowWalkAway ? ' ⚠' : ''}`;
      // The options' words in the language shown (the preview names them as the rules do).
      const from = issue.options.find((option) => option.id === preview.from.id)?.label ?? preview.from.label;
      const to = issue.options.find((option) => option.id === preview.to.id)?.label ?? preview.to.label;
      const landing = issue.options.findIndex((option) => option.id === preview.to.id);
      if (landing >= 0)
        dashedFrame(
          scene.add.graphics().setName('concession-landing'),
          { x: chipX(landing) + 2, y: y + 7, w: chipW - 4, h: rowH - 14 },
          sideColor(scenario, session.side),
        );
      const after = Math.round(preview.after * 100);
      cb.button({
        key,
        caption,
        label: t.concedeLabel({
          confirming,
          issue: issue.name,
          from,
          to,
          after,
          before: Math.round(preview.before * 100),
          walkAway: Math.round(preview.walkAway * 100),
          below: preview.belowWalkAway,
        }),
        description: t.concedeDescription(from, to, after, preview.belowWalkAway),
        rect,
        look: confirming || preview.belowWalkAway ? 'danger' : 'ghost',
        size: captionSize(caption, 10, rect),
        onPress: () => cb.concede(issue.id),
        turn: session.game.turn,
      });
    }
  });
}

/**
 * The marks explained above the board: each party's offer and the mediator's bridge by name (and,
 * for a delegation, the draft and a concession's landing), shorter when long names would not fit.
 */
function boardLegend(session: Session, watching: boolean, width: number, face: TextOptions): string {
  const { scenario } = session;
  const words = shown(scenario);
  const t = m.table;
  const sides = sidesOf(scenario);
  const party = (side: Side) => `${markerGlyph(sideMarker(scenario, side))} ${words.parties[side]!.short}`;
  const bridge = `${markerGlyph(mediatorMarker(scenario))} ${words.mediator.short}`;
  const extra = watching ? '' : `   ▭ ${t.legendYourDraft}   ┅ ${t.legendConcession}`;
  const candidates = [
    `${sides.map((side) => t.legendOffer(party(side))).join('   ')}   ${t.legendBridge(bridge)}${extra}`,
    `${sides.map(party).join('   ')}   ${bridge}${extra}`,
    `${t.legendOffers(sides.map((side) => markerGlyph(sideMarker(scenario, side))).join(' '))}   ${t.legendBridge(markerGlyph(mediatorMarker(scenario)))}${watching ? '' : `   ▭ ${t.legendDraft}   ┅ ${t.legendConcessionShort}`}`,
  ];
  return candidates.find((c) => fitsOneLine(c, width, face) !== false) ?? (candidates[2] as string);
}

/** A dashed rectangle: where a concession would land. */
function dashedFrame(g: Phaser.GameObjects.Graphics, r: Rect, color: number): void {
  g.lineStyle(1.5, color, 0.9);
  strokeDashedLine(g, r.x, r.y, r.x + r.w, r.y);
  strokeDashedLine(g, r.x + r.w, r.y, r.x + r.w, r.y + r.h);
  strokeDashedLine(g, r.x + r.w, r.y + r.h, r.x, r.y + r.h);
  strokeDashedLine(g, r.x, r.y + r.h, r.x, r.y);
}

/**
 * An issue's name above the "Concede a step" button when its row has one. A name that wraps to two
 * lines at 13 px (a long name of three words or more) ran into that button; in such a
 * row it is drawn at 11 px, where its two lines clear the button.
 */
function drawIssueName(scene: Phaser.Scene, x: number, y: number, name: string, width: number, underButton: boolean): void {
  const style = { weight: 600 as const, wrap: width, scalable: false, lineSpacing: 0 };
  if (underButton && fitsOneLine(name, width, { ...style, size: 13 }) === false)
    text(scene, x, y + 3, name, { ...style, size: 11, maxLines: 2 });
  else text(scene, x, y + 6, name, { ...style, size: 13 });
}

export type { ButtonSpec };
