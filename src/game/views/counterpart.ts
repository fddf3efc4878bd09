// The counterpart's panel at the table: their latest move, in their words, under their delegate's
// heading; a bridge they asked the mediator for is the mediator's proposal, under the mediator's.
import type Phaser from 'phaser';
import { RemoteSession } from '../../app/online';
import { preferences } from '../../app/preferences';
import type { Session } from '../../app/session';
import type { Scenario } from '../../core/scenario/schema';
import type { LogEntry, Side } from '../../core/types';
import type { Rect } from '../../dom/controls';
import { m, shown } from '../../i18n';
import { COLOR, mediatorColor, mediatorGlyph, sideColor, sideGlyph } from '../theme';
import { type DrawButton, LABEL_FACE, label, panel, text } from '../ui';
import { lineOf } from './newsFeed';

export interface CounterpartWords {
  /** The counterpart's own words (their move, without their name in front). */
  said: string;
  italic: boolean;
  /** When their move was to ask the mediator to bridge: the mediator's name and proposal. */
  mediator: { name: string; glyph: string; said: string } | null;
}

/** What the panel says of `opponent`'s latest move in `log`. */
export function counterpartWords(scenario: Scenario, log: readonly LogEntry[], opponent: Side): CounterpartWords {
  const words = shown(scenario);
  const them = words.parties[opponent]!.short;
  const last = [...log].reverse().find((e) => e.side === opponent && (e.kind === 'move' || e.kind === 'mediator' || e.kind === 'agenda'));
  if (!last) return { said: m.table.waitingOpening, italic: false, mediator: null };
  if (last.kind === 'mediator' && last.ref.startsWith('bridge')) {
    const name = words.mediator.short;
    return {
      said: m.table.askedBridge(name),
      italic: false,
      mediator: { name, glyph: mediatorGlyph(scenario), said: dropSpeaker(lineOf(last, scenario), name) },
    };
  }
  return { said: dropSpeaker(lineOf(last, scenario), them), italic: last.ref.startsWith('statement'), mediator: null };
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
  const words = shown(session.scenario);
  const them = words.parties[session.opponent]!;
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
    text(scene, r.x + 14, r.y + 32, m.table.seatLeft(them.short), {
      size: 13,
      wrap: r.w - 28,
      lineSpacing: 3,
      color: COLOR.warn,
      maxLines: 3,
    });
    const personality = words.personalities.find((p) => p.id === left.personality)?.name ?? left.personality;
    left.handOver?.({
      key: 'hand-seat-to-ai',
      caption: m.table.letAi(them.short),
      label: m.table.letAiLabel(personality, them.short),
      rect: { x: r.x + 14, y: r.y + r.h - 42, w: r.w - 28, h: 32 },
      look: 'normal',
      size: 13,
      onPress: left.onHandOver,
    });
    return;
  }
  const said = counterpartWords(session.scenario, session.game.log, session.opponent);
  const lineH = 20 * preferences.textScale();
  const body = { size: 13, wrap: r.w - 28, lineSpacing: 3 };
  const bottom = r.y + r.h - 10;
  if (!said.mediator) {
    text(scene, r.x + 14, r.y + 30, said.said, {
      ...body,
      italic: said.italic,
      maxLines: Math.max(2, Math.floor((bottom - r.y - 30) / lineH)),
    });
    return;
  }
  const asked = text(scene, r.x + 14, r.y + 30, said.said, { ...body, maxLines: 1 });
  const y = asked.y + asked.height + 8;
  label(scene, r.x + 14, y, `${said.mediator.glyph} ${m.table.theMediator(said.mediator.name)}`, mediatorColor(session.scenario)).setName(
    'counterpart-mediator',
  );
  text(scene, r.x + 14, y + 18, said.mediator.said, { ...body, maxLines: Math.max(1, Math.floor((bottom - y - 18) / lineH)) });
}
