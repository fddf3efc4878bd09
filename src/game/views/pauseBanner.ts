// The facilitator's pause, said in words: while the talks are paused every move is greyed out, and
// this banner, laid over the moves, says why and what happens next.
import type Phaser from 'phaser';
import type { Rect } from '../../dom/controls';
import { m } from '../../i18n';
import { COLOR } from '../theme';
import { overlay, panel, text } from '../ui';

/** The banner's words, on the canvas and in the screen's text version (in the language shown). */
export const pausedHeadline = (): string => `⏸ ${m.table.pausedHeadline}`;
export const pausedDetail = (): string => m.table.pausedDetail;
export const pausedSentence = (): string => m.table.pausedSentence;
/** @deprecated English only: use `pausedSentence()` (kept while AgendaScene still imports it). */
export const PAUSED_SENTENCE = 'Paused by the facilitator: no side can move until the facilitator resumes the talks.';

/** Draws the banner over `r` (above everything drawn before it). */
export function drawPauseBanner(scene: Phaser.Scene, r: Rect): void {
  overlay(scene);
  panel(scene, r, { fill: 0x2a1f08, edge: COLOR.warn, alpha: 0.95 });
  text(scene, r.x + r.w / 2, r.y + r.h / 2 - 12, pausedHeadline(), {
    size: 18,
    weight: 700,
    color: COLOR.warn,
    align: 'center',
    scalable: false,
  }).setOrigin(0.5);
  text(scene, r.x + r.w / 2, r.y + r.h / 2 + 14, pausedDetail(), {
    size: 12,
    color: COLOR.ink,
    align: 'center',
    wrap: r.w - 32,
    scalable: false,
  }).setOrigin(0.5);
}
