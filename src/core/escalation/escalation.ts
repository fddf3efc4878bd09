// Escalation: tension T_t = ρ·T_{t-1} + ES_t, hazard logit h = logit(q0) + β1·T/60 + β2·shock,
// exactly one draw per round from the round's own stream. Every change in risk is logged with its cause.
import { exp, log } from '../detmath';
import type { RiskMessage } from '../logMessage';
import { draw, seedStream } from '../rng';
import type { Scenario, Severity, Side } from '../scenario/schema';
import type { GameState, RiskCause } from '../types';

const logit = (p: number) => log(p / (1 - p));
const sigmoid = (x: number) => 1 / (1 + exp(-x));

export type Ladder = Scenario['ladder'];

export function hazardOf(ladder: Ladder, tension: number, shock: number): number {
  return sigmoid(logit(ladder.q0) + (ladder.beta1 * tension) / 60 + ladder.beta2 * shock);
}

/** Tension the round would end with if it ended now: decayed carry-over plus this round's score. */
export function projectedTension(ladder: Ladder, state: GameState): number {
  return clampTension(ladder, ladder.rho * state.tension + state.roundScore);
}

function clampTension(ladder: Ladder, t: number): number {
  return Math.max(-ladder.maxTension, Math.min(ladder.maxTension, t));
}

export function topRung(ladder: Ladder): number {
  return ladder.rungs.length - 1;
}

export interface RiskChange {
  cause: RiskCause;
  side: Side | null;
  ref: string;
  text: string;
  /** The same in no language (logMessage.ts). */
  msg: RiskMessage;
  score?: number;
  shock?: number;
}

/** Adds to this round's escalation score and logs the change in hazard it makes. */
export function addRisk(ladder: Ladder, state: GameState, change: RiskChange): void {
  const before = hazardOf(ladder, projectedTension(ladder, state), state.shock);
  state.roundScore += change.score ?? 0;
  state.shock += change.shock ?? 0;
  const after = hazardOf(ladder, projectedTension(ladder, state), state.shock);
  state.hazard = after;
  state.risk.push({
    at: state.log.length,
    round: state.round,
    turn: state.turn,
    cause: change.cause,
    side: change.side,
    ref: change.ref,
    text: change.text,
    msg: change.msg,
    tension: change.score ?? 0,
    hazardBefore: before,
    hazardAfter: after,
    rung: state.rung,
  });
}

export function severityScore(ladder: Ladder, severity: Severity): number {
  return ladder.severityScores[severity];
}

/**
 * Closes the round: tension carries over, the round's single draw is made, and the ladder moves
 * one rung up (u < hazard), one down (calm enough and u in the top descendChance), or stays.
 */
export function closeRound(ladder: Ladder, state: GameState, allow: { climb: boolean; descend: boolean }): 'up' | 'down' | 'stay' {
  const tension = projectedTension(ladder, state);
  const hazard = hazardOf(ladder, tension, state.shock);
  const stream = seedStream(state.seed, `escalation:${state.round}`);
  const u = draw(stream);
  state.tension = tension;
  state.roundScore = 0;
  state.shock = 0;
  let move: 'up' | 'down' | 'stay' = 'stay';
  if (allow.climb && u < hazard && state.rung < topRung(ladder)) move = 'up';
  else if (allow.descend && tension <= ladder.descendBelow && u > 1 - ladder.descendChance && state.rung > 0) move = 'down';
  const before = hazard;
  if (move === 'up') state.rung += 1;
  if (move === 'down') state.rung -= 1;
  state.hazard = hazardOf(ladder, ladder.rho * state.tension, 0);
  const rungName = ladder.rungs[state.rung]?.name ?? '';
  state.risk.push({
    at: state.log.length,
    round: state.round,
    turn: state.turn,
    cause: 'draw',
    side: null,
    ref: `escalation:${state.round}`,
    text:
      move === 'up'
        ? `The round closed at tension ${tension.toFixed(1)}; with a ${(hazard * 100).toFixed(1)}% hazard the crisis climbed to "${rungName}".`
        : move === 'down'
          ? `Calm held (tension ${tension.toFixed(1)}); the crisis stepped down to "${rungName}".`
          : `The round closed at tension ${tension.toFixed(1)}; the ${(hazard * 100).toFixed(1)}% hazard did not strike.`,
    msg:
      move === 'up'
        ? { id: 'drawClimbed', args: { tension, hazard, rung: state.rung } }
        : move === 'down'
          ? { id: 'drawDown', args: { tension, rung: state.rung } }
          : { id: 'drawHeld', args: { tension, hazard } },
    tension: 0,
    hazardBefore: before,
    hazardAfter: state.hazard,
    rung: state.rung,
  });
  return move;
}
