// The news log: the latest moves, events and Oman's interventions, newest first.
import type Phaser from 'phaser';
import type { Scenario } from '../../core/scenario/schema';
import type { LogEntry } from '../../core/types';
import type { Rect } from '../../dom/controls';
import { COLOR, SIDE_COLOR, SIDE_GLYPH } from '../theme';
import { label, panel, text } from '../ui';

const KIND_MARK: Record<LogEntry['kind'], string> = {
  move: '›',
  event: '◆',
  oman: '◇',
  round: '—',
  escalation: '▲',
  domestic: '▾',
  outcome: '★',
  agenda: '§',
  facilitator: '◎',
};

export function drawNewsFeed(scene: Phaser.Scene, r: Rect, scenario: Scenario, log: readonly LogEntry[], title = 'Wire'): void {
  panel(scene, r);
  label(scene, r.x + 14, r.y + 10, title);
  let y = r.y + 30;
  const bottom = r.y + r.h - 8;
  const entries = [...log].reverse();
  for (const [i, entry] of entries.entries()) {
    if (y > bottom - 16) break;
    const color = entry.side
      ? SIDE_COLOR[entry.side]
      : entry.kind === 'event'
        ? COLOR.warn
        : entry.kind === 'oman'
          ? COLOR.oman
          : COLOR.muted;
    const mark = entry.side ? SIDE_GLYPH[entry.side] : KIND_MARK[entry.kind];
    const body = entry.kind === 'event' ? (scenario.events.find((e) => e.id === entry.ref)?.title ?? entry.text) : entry.text;
    const glyph = text(scene, r.x + 12, y, mark, { size: 11, color, weight: 700, scalable: false });
    // Older entries fade by alpha, not colour, so their rendered text is re-used as the log grows.
    const t = text(scene, r.x + 28, y, body, { size: 12, color: COLOR.ink, wrap: r.w - 42, lineSpacing: 2 }).setAlpha(i < 3 ? 1 : 0.62);
    if (y + t.height > bottom) {
      // Kept, hidden, rather than destroyed: the next draw finds it overflowing again and re-uses
      // it instead of drawing it afresh each time.
      t.setVisible(false);
      glyph.setVisible(false);
      break;
    }
    y += t.height + 7;
  }
}
