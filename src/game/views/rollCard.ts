// The round-end escalation card: the ladder climbed (or fell) a rung when the round closed. It shows
// the hazard the round closed with, the roll against it and what raised the hazard this round, like
// an event card, and turns over the same way. With the hazard hidden by the facilitator, no numbers.
import type Phaser from 'phaser';
import { type RollCause, type RoundRoll, rollsSince } from '../../core/escalation/roundRoll';
import type { Scenario } from '../../core/scenario/schema';
import type { Rect } from '../../dom/controls';
import { m, shown } from '../../i18n';
import { riskText } from '../../i18n/logWords';
import { COLOR } from '../theme';
import { label, overlay, panel, text, tween } from '../ui';

/** The most cause lines the card has room for; the rest are counted. */
const MAX_LINES = 9;

/** A cause of the hazard in the language shown (its own text without a scenario to name things from). */
export function causeOf(cause: RollCause, scenario?: Scenario): string {
  return scenario ? riskText(cause, scenario) : cause.text;
}

/** The card's title and lines (the causes of the hazard), in the language shown: the rules' describeRoll, in words. */
export function rollWords(roll: RoundRoll, hazardVisible: boolean, scenario?: Scenario): { title: string; lines: string[] } {
  const rungs = scenario ? shown(scenario).ladder.rungs : [];
  const from = rungs[roll.from]?.name ?? roll.fromName;
  const to = rungs[roll.to]?.name ?? roll.toName;
  const t = m.table;
  const title = t.rollTitle(roll.move, from, to);
  const lines: string[] = [];
  if (hazardVisible) {
    lines.push(t.rollHazard(roll.round, roll.hazard));
    lines.push(t.rollRoll(roll.move, roll.roll, roll.hazard));
  } else lines.push(t.rollHidden(roll.round));
  if (roll.conflict) lines.push(t.rollConflict);
  const delta = (d: number) => (hazardVisible ? d : null);
  for (const c of roll.causes) lines.push(t.raisedBy(causeOf(c, scenario), delta(c.delta)));
  for (const c of roll.eased) lines.push(t.easedBy(causeOf(c, scenario), delta(c.delta)));
  if (roll.causes.length === 0) lines.push(t.rollNothing);
  return { title, lines };
}

export function drawRollCard(
  scene: Phaser.Scene,
  r: Rect,
  roll: RoundRoll,
  hazardVisible: boolean,
  index: string,
  scenario?: Scenario,
): void {
  const { title, lines } = rollWords(roll, hazardVisible, scenario);
  const accent = roll.move === 'down' ? COLOR.calm : COLOR.danger;
  panel(scene, r, { fill: 0x111c2e, edge: accent, alpha: 1, radius: 14 });
  scene.add.rectangle(r.x, r.y, r.w, 6, accent).setOrigin(0);
  label(scene, r.x + 24, r.y + 22, m.table.escalationEnd(roll.round), accent);
  text(scene, r.x + r.w - 24, r.y + 20, index, { size: 11, color: COLOR.muted, weight: 600, scalable: false }).setOrigin(1, 0);
  const heading = text(scene, r.x + 24, r.y + 42, title, { size: 22, weight: 700, wrap: r.w - 48, lineSpacing: 2 });
  const shown = lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES - 1), m.table.andMore(lines.length - MAX_LINES + 1)] : lines;
  text(scene, r.x + 24, heading.y + heading.height + 14, shown.map((l) => `▸ ${l}`).join('\n'), {
    size: 14,
    weight: 600,
    color: COLOR.ink,
    wrap: r.w - 48,
    lineSpacing: 4,
  });
  overlay(scene);
  const back = scene.add.rectangle(r.x + r.w / 2, r.y + r.h / 2, r.w, r.h, COLOR.brass).setStrokeStyle(2, accent);
  tween(scene, { targets: back, scaleX: 0, alpha: 0, duration: 380, ease: 'Cubic.easeIn', onComplete: () => back.destroy() });
}

/** Per game session: the risk-log index up to which round-end draws have been shown as cards. */
const shownUpTo = new WeakMap<object, number>();

/**
 * The round-end climbs and falls not yet shown for this session, oldest first. A session first seen
 * here (a resumed game, say) starts with everything before it counted as shown.
 */
export function unshownRolls(
  session: object,
  scenario: Parameters<typeof rollsSince>[0],
  game: Parameters<typeof rollsSince>[1],
): RoundRoll[] {
  let from = shownUpTo.get(session);
  if (from === undefined || from > game.risk.length) {
    from = game.risk.length;
    shownUpTo.set(session, from);
  }
  return rollsSince(scenario, game, from).filter((roll) => roll.move !== 'stay');
}

export function markRollShown(session: object, roll: RoundRoll): void {
  shownUpTo.set(session, Math.max(shownUpTo.get(session) ?? 0, roll.index + 1));
}
