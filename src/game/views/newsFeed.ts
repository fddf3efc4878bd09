// The news log: the latest moves, events and the mediator's interventions, newest first.
import type Phaser from 'phaser';
import { type RoundRoll, roundRolls } from '../../core/escalation/roundRoll';
import type { Scenario } from '../../core/scenario/schema';
import type { GameState, LogEntry } from '../../core/types';
import type { Rect } from '../../dom/controls';
import { m, shown } from '../../i18n';
import { logText } from '../../i18n/logWords';
import { COLOR, mediatorColor, sideColor, sideGlyph } from '../theme';
import { label, panel, text } from '../ui';

const KIND_MARK: Record<LogEntry['kind'], string> = {
  move: '›',
  event: '◆',
  mediator: '◇',
  round: '—',
  escalation: '▲',
  domestic: '▾',
  outcome: '★',
  agenda: '§',
  facilitator: '◎',
};

/**
 * A log entry's line in the language shown (the wire's own lines, the round-end draws, carry no
 * message: they are made in the language shown and kept as they are).
 */
export function lineOf(entry: LogEntry, scenario: Scenario): string {
  return logText(entry, scenario);
}

/** A rung's name in the language shown. */
function rungName(scenario: Scenario | undefined, rung: number, fallback: string): string {
  return (scenario && shown(scenario).ladder.rungs[rung]?.name) ?? fallback;
}

/** The wire's line for a round-end draw: the ladder's move, with the hazard and roll unless hidden. */
export function rollWireText(roll: RoundRoll, hazardVisible: boolean, scenario?: Scenario): string {
  const from = rungName(scenario, roll.from, roll.fromName);
  const to = rungName(scenario, roll.to, roll.toName);
  if (roll.move === 'stay') return m.table.wireHolds(to, hazardVisible ? roll.hazard : null);
  const odds = hazardVisible ? { hazard: roll.hazard, roll: roll.roll } : null;
  return m.table.wireMoves(roll.round, roll.move === 'up', from, to, odds, roll.conflict);
}

/**
 * The table's wire: the narrative log without the round openers, with a line for each round-end
 * escalation draw put where it happened (the draw is in the risk log, not the narrative log).
 */
export function wireLog(scenario: Scenario, game: GameState): LogEntry[] {
  const visible = game.hazardVisible !== false;
  const rolls = roundRolls(scenario, game);
  const out: LogEntry[] = [];
  let next = 0;
  const flush = (upTo: number) => {
    for (let roll = rolls[next]; roll && roll.at <= upTo; roll = rolls[++next])
      out.push({
        turn: 0,
        round: roll.round,
        kind: 'escalation',
        side: null,
        ref: `escalation:${roll.round}:${roll.move}`,
        text: rollWireText(roll, visible, scenario),
      });
  };
  game.log.forEach((entry, i) => {
    flush(i);
    if (entry.kind !== 'round') out.push(entry);
  });
  flush(Number.POSITIVE_INFINITY);
  return out;
}

export function drawNewsFeed(scene: Phaser.Scene, r: Rect, scenario: Scenario, log: readonly LogEntry[], title = m.table.wire): void {
  const words = shown(scenario);
  panel(scene, r);
  label(scene, r.x + 14, r.y + 10, title);
  let y = r.y + 30;
  const bottom = r.y + r.h - 8;
  const entries = [...log].reverse();
  for (const [i, entry] of entries.entries()) {
    if (y > bottom - 16) break;
    const color = entry.side
      ? sideColor(scenario, entry.side)
      : entry.kind === 'event'
        ? COLOR.warn
        : entry.kind === 'escalation' && entry.ref.endsWith(':up')
          ? COLOR.danger
          : entry.kind === 'escalation' && entry.ref.endsWith(':down')
            ? COLOR.calm
            : entry.kind === 'mediator'
              ? mediatorColor(scenario)
              : COLOR.muted;
    const mark = entry.side ? sideGlyph(scenario, entry.side) : KIND_MARK[entry.kind];
    const body =
      entry.kind === 'event' ? (words.events.find((e) => e.id === entry.ref)?.title ?? lineOf(entry, scenario)) : lineOf(entry, scenario);
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
