// Read-only: the round-end escalation roll, described from the risk log. The draw itself is not kept
// in the state, so it is re-drawn from the round's own stream (`seed:escalation:<round>`, the same
// first draw closeRound made). Nothing here writes to the state.
import { draw, seedStream } from '../rng';
import type { Scenario } from '../scenario/schema';
import type { GameState, RiskEntry } from '../types';
import type { GameView } from '../view';

export interface RollCause {
  cause: RiskEntry['cause'];
  side: RiskEntry['side'];
  text: string;
  /** The cause in no language (logMessage.ts; src/i18n/logWords.ts riskText says it). */
  msg?: RiskEntry['msg'];
  /** Change in the hazard this entry made (hazardAfter − hazardBefore). */
  delta: number;
}

export interface RoundRoll {
  round: number;
  /** Index of the draw's entry in state.risk. */
  index: number;
  /** Position in the narrative log when the draw was made. */
  at: number;
  from: number;
  to: number;
  fromName: string;
  toName: string;
  move: 'up' | 'down' | 'stay';
  /** The hazard the round closed with. */
  hazard: number;
  /** The round's single uniform draw u in [0, 1): a climb needs u < hazard. */
  roll: number;
  /** The round's risk entries that raised the hazard, in order. */
  causes: RollCause[];
  /** The round's risk entries that lowered it, in order. */
  eased: RollCause[];
  /** The climb reached the top rung: the talks end in conflict. */
  conflict: boolean;
}

/** Draws already made, by seed and round: a seat's view lists every closed round's draw after each move. */
const drawn = new Map<string, number>();

/** The round's escalation draw, re-drawn from its stream exactly as closeRound drew it. */
export function escalationDraw(seed: string, round: number): number {
  const key = `${round}\u0000${seed}`;
  let value = drawn.get(key);
  if (value === undefined) {
    value = draw(seedStream(seed, `escalation:${round}`));
    // A small memo: the games of one process at a time, never a growing store.
    if (drawn.size >= 4096) drawn.clear();
    drawn.set(key, value);
  }
  return value;
}

/**
 * A closed round's draw: from a seat's view, which carries the draws already made instead of the
 * seed (core/view.ts), or re-drawn from the seed.
 */
function pastRoll(state: GameState, round: number): number {
  return (state as Partial<Pick<GameView, 'pastRolls'>>).pastRolls?.[round] ?? escalationDraw(state.seed, round);
}

/** Every round-end draw so far, oldest first. */
export function roundRolls(scenario: Scenario, state: GameState): RoundRoll[] {
  const out: RoundRoll[] = [];
  state.risk.forEach((entry, index) => {
    if (entry.cause === 'draw') out.push(describe(scenario, state, index));
  });
  return out;
}

/** The round-end draws whose entries are at or after risk index `from` (those a step added). */
export function rollsSince(scenario: Scenario, state: GameState, from: number): RoundRoll[] {
  return roundRolls(scenario, state).filter((r) => r.index >= from);
}

function describe(scenario: Scenario, state: GameState, index: number): RoundRoll {
  const entry = state.risk[index] as RiskEntry;
  const ladder = scenario.ladder;
  // Every change of rung is logged in the risk log (events, injects, draws), and every entry records
  // the rung at its time: the entry before the draw has the rung the round closed on.
  const from = index > 0 ? (state.risk[index - 1] as RiskEntry).rung : ladder.start;
  const to = entry.rung;
  const move = to > from ? 'up' : to < from ? 'down' : 'stay';
  let first = index;
  while (first > 0 && (state.risk[first - 1] as RiskEntry).round === entry.round && (state.risk[first - 1] as RiskEntry).cause !== 'draw')
    first--;
  const round = state.risk
    .slice(first, index)
    .map((e) => ({ cause: e.cause, side: e.side, text: e.text, ...(e.msg ? { msg: e.msg } : {}), delta: e.hazardAfter - e.hazardBefore }));
  return {
    round: entry.round,
    index,
    at: entry.at,
    from,
    to,
    fromName: ladder.rungs[from]?.name ?? '',
    toName: ladder.rungs[to]?.name ?? '',
    move,
    hazard: entry.hazardBefore,
    roll: pastRoll(state, entry.round),
    causes: round.filter((c) => c.delta > 0),
    eased: round.filter((c) => c.delta < 0),
    conflict: move === 'up' && to >= ladder.rungs.length - 1,
  };
}

const pct = (p: number) => `${(p * 100).toFixed(1)}%`;

/** The roll as a title and lines of plain text; with the hazard hidden, no percentages or roll. */
export function describeRoll(roll: RoundRoll, hazardVisible: boolean): { title: string; lines: string[]; sentence: string } {
  const title =
    roll.move === 'up'
      ? `The ladder climbs: ${roll.fromName} → ${roll.toName}`
      : roll.move === 'down'
        ? `The ladder falls: ${roll.fromName} → ${roll.toName}`
        : `The ladder holds at ${roll.toName}`;
  const lines: string[] = [];
  if (hazardVisible) {
    lines.push(`Hazard in round ${roll.round}: ${pct(roll.hazard)}`);
    lines.push(
      roll.move === 'up'
        ? `Roll ${roll.roll.toFixed(3)} (${pct(roll.roll)}), under the ${pct(roll.hazard)} hazard: the crisis climbed`
        : roll.move === 'down'
          ? `Roll ${roll.roll.toFixed(3)} (${pct(roll.roll)}), high enough with tension low: the crisis stepped down`
          : `Roll ${roll.roll.toFixed(3)} (${pct(roll.roll)}), not under the ${pct(roll.hazard)} hazard: the crisis held`,
    );
  } else lines.push(`Round ${roll.round}'s escalation draw (the facilitator has hidden the hazard)`);
  if (roll.conflict) lines.push('The top rung: the talks end in conflict');
  const points = (d: number) => (hazardVisible ? ` (${d > 0 ? '+' : '−'}${(Math.abs(d) * 100).toFixed(1)} points)` : '');
  for (const c of roll.causes) lines.push(`Raised by: ${c.text}${points(c.delta)}`);
  for (const c of roll.eased) lines.push(`Eased by: ${c.text}${points(c.delta)}`);
  if (roll.causes.length === 0) lines.push('Nothing this round raised the hazard: tension carried over from earlier rounds');
  const why = roll.causes.length > 0 ? ` Raised this round by: ${roll.causes.map((c) => c.text).join('; ')}.` : '';
  const odds = hazardVisible ? ` The hazard was ${pct(roll.hazard)}; the roll was ${pct(roll.roll)}.` : '';
  const sentence =
    roll.move === 'stay'
      ? `End of round ${roll.round}: the ladder holds at ${roll.toName}${hazardVisible ? ` (hazard ${pct(roll.hazard)})` : ''}.`
      : `End of round ${roll.round}: ${title}.${odds}${why}${roll.conflict ? ' The talks end in conflict.' : ''}`;
  return { title, lines, sentence };
}
