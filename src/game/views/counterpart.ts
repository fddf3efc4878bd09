// The counterpart's panel at the table: their latest move, in their words, under their delegate's
// heading; a bridge they asked the mediator for is the mediator's proposal, under the mediator's.
import type Phaser from 'phaser';
import { RemoteSession } from '../../app/online';
import { preferences } from '../../app/preferences';
import type { Session } from '../../app/session';
import type { Scenario } from '../../core/scenario/schema';
import type { LogEntry, Side } from '../../core/types';
import type { Rect } from '../../dom/controls';
import { COLOR, mediatorColor, mediatorGlyph, sideColor, sideGlyph } from '../theme';
import { type DrawButton, LABEL_FACE, label, panel, text } from '../ui';

export interface CounterpartWords {
  /** The counterpart's own words (their move, without their name in front). */
  said: string;
  italic: boolean;
  /** When their move was to ask the mediator to bridge: the mediator's name and proposal. */
  mediator: { name: string; glyph: string; said: string } | null;
}

/** What the panel says of `opponent`'s latest move in `log`. */
export function counterpartWords(scenario: Scenario, log: readonly LogEntry[], opponent: Side): CounterpartWords {
  const them = scenario.parties[opponent]!.short;
  const last = [...log].reverse().find((e) => e.side === opponent && (e.kind === 'move' || e.kind === 'mediator' || e.kind === 'agenda'));
  if (!last) return { said: 'Waiting for your opening move.', italic: false, mediator: null };
  if (last.kind === 'mediator' && last.ref.startsWith('bridge')) {
    const name = scenario.mediator.short;
    return {
      said: `Asked ${name} to bridge the gap.`,
      italic: false,
      mediator: { name, glyph: mediatorGlyph(scenario), said: dropSpeaker(last.text, name) },
    };
  }
  return { said: dropSpeaker(last.text, them), italic: last.ref.startsWith('statement'), mediator: null };
}

/** A log line without its speaker's name in front ("<party> proposes: …" under that party's heading reads "proposes: …"). */
function dropSpeaker(line: string, speaker: string): string {
  return line.startsWith(`${speaker} `) ? line.slice(speaker.length + 1) : line;
}

export interface SeatLeft {
  /** The host may hand the seat to the AI: draws the button. */
  handOver: ((b: DrawButton) => void) | null;
  personality: string;
  onHandOver: () => void;
}

export function drawCounterpart(scene: Phaser.Scene, r: Rect, session: Session, left: SeatLeft | null = null): void {
  const them = session.scenario.parties[session.opponent]!;
  const themColor = sideColor(session.scenario, session.opponent);
  panel(scene, r, { edge: themColor });
  // Online, the other delegation's own name (a team's, in class) in place of its head's.
  const team = session instanceof RemoteSession ? (session.seats[session.opponent]?.name ?? null) : null;
  // A label's face, on one line: a long name is cut short before the "Your brief" button in the corner.
  text(
    scene,
    r.x + 14,
    r.y + 10,
    `${sideGlyph(session.scenario, session.opponent)} ${team ? `${team.length > 18 ? `${team.slice(0, 17)}…` : team} (${them.short})` : `${them.head} (${them.short})`}`.toUpperCase(),
    { ...LABEL_FACE, color: themColor, wrap: r.w - 28 - 108, maxLines: 1 },
  );
  if (left) {
    // Online: the other delegation's device has gone. The host decides whether the AI takes over.
    text(
      scene,
      r.x + 14,
      r.y + 32,
      `${them.short}'s delegation has left the table (their connection is lost). They can come back with their link.`,
      {
        size: 13,
        wrap: r.w - 28,
        lineSpacing: 3,
        color: COLOR.warn,
        maxLines: 3,
      },
    );
    const personality = session.scenario.personalities.find((p) => p.id === left.personality)?.name ?? left.personality;
    left.handOver?.({
      key: 'hand-seat-to-ai',
      caption: `Let the AI play ${them.short}`,
      label: `Let the AI (${personality}) play ${them.short}'s seat from the next move on`,
      rect: { x: r.x + 14, y: r.y + r.h - 42, w: r.w - 28, h: 32 },
      look: 'normal',
      size: 13,
      onPress: left.onHandOver,
    });
    return;
  }
  const words = counterpartWords(session.scenario, session.game.log, session.opponent);
  const lineH = 20 * preferences.textScale();
  const body = { size: 13, wrap: r.w - 28, lineSpacing: 3 };
  const bottom = r.y + r.h - 10;
  if (!words.mediator) {
    text(scene, r.x + 14, r.y + 30, words.said, {
      ...body,
      italic: words.italic,
      maxLines: Math.max(2, Math.floor((bottom - r.y - 30) / lineH)),
    });
    return;
  }
  const asked = text(scene, r.x + 14, r.y + 30, words.said, { ...body, maxLines: 1 });
  const y = asked.y + asked.height + 8;
  label(scene, r.x + 14, y, `${words.mediator.glyph} ${words.mediator.name}, the mediator`, mediatorColor(session.scenario)).setName(
    'counterpart-mediator',
  );
  text(scene, r.x + 14, y + 18, words.mediator.said, { ...body, maxLines: Math.max(1, Math.floor((bottom - y - 18) / lineH)) });
}
