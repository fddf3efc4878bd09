// A message from the teacher in a live class: a banner over the screen, "From your teacher", the
// message cut to two lines at a word, and, when the teacher set one, a countdown that ticks on its
// own (the screen is not redrawn for it). Read once aloud when it arrives; the player dismisses it.
import type Phaser from 'phaser';
import { noticeRemaining } from '../../app/classJoin';
import type { Rect } from '../../dom/controls';
import { f, m } from '../../i18n';
import { noticeText } from '../../i18n/serverWords';
import type { Notice } from '../../server/classProtocol';
import { requestFrames } from '../renderOnDemand';
import { COLOR } from '../theme';
import { type DrawButton, label, overlay, panel, text } from '../ui';

/** The banner's heading, in the language shown. */
export const noticeHeading = (): string => m.table.fromTeacher;

/** A countdown as mm:ss, in the digits of the language shown. */
export function countdownText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const two = (n: number) => `${n < 10 ? f.num(0) : ''}${f.num(n)}`;
  return f.iso(`${two(Math.floor(seconds / 60))}:${two(seconds % 60)}`);
}
/** Where the banner sits on a game screen: over the top of the middle column, under the header. */
export const NOTICE_RECT: Rect = { x: 330, y: 50, w: 620, h: 80 };

/** Notices already read aloud (each once, however often the screen redraws). */
const announced = new WeakSet<Notice>();
/** Countdowns whose end has been read aloud. */
const ended = new WeakSet<Notice>();

/** The banner's words, for the screen's text version and the announcement. */
export function noticeLines(notice: Notice, offset: number, deviceNow: number = Date.now()): string[] {
  const left = noticeRemaining(notice, offset, deviceNow);
  if (left === null) return [noticeText(notice)];
  return [noticeText(notice), left > 0 ? m.table.timeLeft(countdownText(left)) : m.table.timeIsUp];
}

/**
 * Draws the banner over `r` (above everything drawn before it) with its Dismiss button, reads a new
 * notice aloud, and starts its countdown. Returns what stops the countdown (call it before the next
 * draw: the screen's objects are then gone).
 */
export function drawNoticeBanner(
  scene: Phaser.Scene,
  r: Rect,
  notice: Notice,
  offset: number,
  o: { button: (b: DrawButton) => void; onDismiss: () => void; announce: (lines: string[]) => void },
): () => void {
  overlay(scene);
  panel(scene, r, { fill: 0x1d1a0c, edge: COLOR.brass, alpha: 0.97 });
  label(scene, r.x + 14, r.y + 10, noticeHeading(), COLOR.brass);
  // Two lines at most, cut at a word with an ellipsis (the teacher may send up to 280 characters).
  text(scene, r.x + 14, r.y + 30, noticeText(notice), { size: 14, color: COLOR.ink, wrap: r.w - 28, maxLines: 2, scalable: false });
  o.button({
    key: 'dismiss-notice',
    caption: m.table.dismiss,
    label: m.table.dismissLabel(noticeText(notice)),
    rect: { x: r.x + r.w - 88, y: r.y + 6, w: 76, h: 24 },
    look: 'ghost',
    onPress: o.onDismiss,
    size: 12,
  });
  if (!announced.has(notice)) {
    announced.add(notice);
    o.announce([`${noticeHeading()}: ${noticeLines(notice, offset).join(' ')}`]);
  }
  if (notice.until === null) return () => {};
  // The countdown: its own text, re-made when the shown second changes.
  const at = { x: r.x + r.w - 100, y: r.y + 7 };
  const style = { size: 16, weight: 700, color: COLOR.brass, scalable: false } as const;
  let shown = '';
  let clock: Phaser.GameObjects.Text | null = null;
  const tick = () => {
    const left = noticeRemaining(notice, offset) ?? 0;
    const words = left > 0 ? `⏱ ${countdownText(left)}` : `⏱ ${m.table.timeIsUpClock}`;
    if (words === shown) return;
    shown = words;
    clock?.destroy();
    clock = text(scene, at.x, at.y, words, { ...style, color: left > 0 ? COLOR.brass : COLOR.warn }).setOrigin(1, 0);
    requestFrames(scene.game);
    if (left === 0 && !ended.has(notice)) {
      ended.add(notice);
      o.announce([m.table.teacherTimeUp]);
    }
  };
  tick();
  const timer = scene.time.addEvent({ delay: 250, loop: true, callback: tick });
  return () => timer.remove(false);
}
