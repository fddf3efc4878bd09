// How talks end (deal, walkout, recall, conflict, deadline) and the shared bookkeeping of a step:
// the narrative log, domestic support and its recall threshold, and each side's score.
import { addRisk, closeRound, severityScore } from './escalation/escalation';
import type { LogMessage, OutcomeMessage, SupportWhy } from './logMessage';
import { recordedUtility, spaceOf } from './negotiation/space';
import type { Scenario, ScenarioEvent, Side } from './scenario/schema';
import { bySide, sidesOf } from './sides';
import type { GameState, OutcomeKind, Package } from './types';
import { plural } from './words';

/** Adds a line to the narrative log: its English text and the same in no language (`msg`, logMessage.ts). */
export function say(
  state: GameState,
  side: Side | null,
  kind: GameState['log'][number]['kind'],
  ref: string,
  text: string,
  msg: LogMessage,
) {
  state.log.push({ turn: state.turn, round: state.round, kind, side, ref, text, msg });
}

/** `why` completes "… support rose 2.0 to 48.0: <why>."; `because` says the same in no language. */
export function changeSupport(scenario: Scenario, state: GameState, side: Side, delta: number, why: string, because: SupportWhy): void {
  if (delta === 0) return;
  const before = state.support[side]!;
  state.support[side] = Math.max(0, Math.min(100, before + delta));
  const moved = state.support[side]! - before;
  if (Math.abs(moved) >= 0.05)
    say(
      state,
      side,
      'domestic',
      'support',
      `${scenario.parties[side]!.short} support ${moved > 0 ? 'rose' : 'fell'} ${Math.abs(moved).toFixed(1)} to ${state.support[side]!.toFixed(1)}: ${why}.`,
      { id: 'support', args: { party: side, moved, to: state.support[side]!, ...because } },
    );
}

export function checkRecall(scenario: Scenario, state: GameState): boolean {
  for (const side of sidesOf(scenario)) {
    if (state.support[side]! < scenario.parties[side]!.support.recallBelow) {
      endTalks(
        scenario,
        state,
        'recall',
        side,
        null,
        `${scenario.parties[side]!.short}'s delegation was recalled: domestic support fell to ${state.support[side]!.toFixed(1)}, below ${scenario.parties[side]!.support.recallBelow}.`,
        { id: 'recalled', args: { party: side, support: state.support[side]!, below: scenario.parties[side]!.support.recallBelow } },
      );
      return true;
    }
  }
  return false;
}

/**
 * After events change the crisis outside the round's draw: the top rung ends the talks in conflict,
 * otherwise a delegation whose support collapsed is recalled. `injected` is the facilitator's event
 * that did it (null: the round's events), `custom` whether the facilitator wrote it.
 */
export function settleAfterEvents(scenario: Scenario, state: GameState, injected: { event: ScenarioEvent; custom: boolean } | null): void {
  const top = scenario.ladder.rungs.length - 1;
  const cause = injected ? `The facilitator's event "${injected.event.title}"` : 'Events';
  const msg: OutcomeMessage = injected
    ? { id: 'conflictInject', args: { rung: top, event: injected.event.id, ...(injected.custom ? { title: injected.event.title } : {}) } }
    : { id: 'conflictEvents', args: { rung: top } };
  if (state.rung >= top)
    endTalks(
      scenario,
      state,
      'conflict',
      null,
      null,
      `${cause} pushed the crisis to "${scenario.ladder.rungs[top]?.name}". The talks are over.`,
      msg,
    );
  else checkRecall(scenario, state);
}

export function walkout(scenario: Scenario, state: GameState, side: Side): void {
  const party = scenario.parties[side]!;
  say(state, side, 'move', 'walkout', `${party.short} walks out of the talks.`, { id: 'walksOut', args: { party: side } });
  addRisk(scenario.ladder, state, {
    cause: 'move',
    side,
    ref: 'walkout',
    text: `${party.short} walked out`,
    msg: { id: 'walkedOut', args: { party: side } },
    score: severityScore(scenario.ladder, 'nonviolent'),
  });
  endTalks(scenario, state, 'walkout', side, null, `${party.short} walked out of the talks in round ${state.round}.`, {
    id: 'walkedOutOfTalks',
    args: { party: side, round: state.round },
  });
}

export function concludeDeal(scenario: Scenario, state: GameState, pkg: Package, by: Side): void {
  const space = spaceOf(scenario);
  const settled = pkg.filter((o, i) => state.agenda.on.includes(space.ids[i] as string) && o !== space.notCovered[i]).length;
  const kind = settled >= scenario.scoring.comprehensiveMin ? 'comprehensive-deal' : 'interim-deal';
  const label = kind === 'comprehensive-deal' ? 'a comprehensive deal' : 'an interim deal';
  addRisk(scenario.ladder, state, {
    cause: 'move',
    side: by,
    ref: 'deal',
    text: 'A deal was signed',
    msg: { id: 'dealRisk', args: {} },
    score: 2 * severityScore(scenario.ladder, 'deescalation'),
  });
  const onAgenda = state.agenda.on.length;
  const open = onAgenda - settled;
  const scope =
    open === 0
      ? `settling all ${plural(onAgenda, 'issue')} on the agenda`
      : `settling ${settled} of the ${plural(onAgenda, 'issue')} on the agenda and leaving ${plural(open, 'issue')} with no agreement`;
  endTalks(scenario, state, kind, by, pkg, `The delegations signed ${label} in round ${state.round}, ${scope}.`, {
    id: 'dealSigned',
    args: { deal: kind, round: state.round, settled, issues: onAgenda },
  });
}

/** Ends the talks. A round cut short by the end still gets its single escalation draw. */
export function endTalks(
  scenario: Scenario,
  state: GameState,
  kind: OutcomeKind,
  by: Side | null,
  deal: Package | null,
  reason: string,
  msg: OutcomeMessage,
): void {
  if (state.phase === 'ended') return;
  const wasInRound = state.phase === 'rounds' && state.round > 0 && !state.risk.some((r) => r.cause === 'draw' && r.round === state.round);
  state.phase = 'ended';
  // A deal holds and a conflict has already peaked: their last draw is made but cannot climb.
  const peaceful = kind === 'comprehensive-deal' || kind === 'interim-deal';
  if (wasInRound) closeRound(scenario.ladder, state, { climb: !peaceful && kind !== 'conflict', descend: kind !== 'conflict' });
  const space = spaceOf(scenario);
  const utilities = bySide(scenario, (side) => {
    const type = state.types[side]!;
    return deal ? recordedUtility(space, side, type.weights, deal) : type.reservation;
  });
  const score = (side: Side) => {
    const t = termsOfScore(scenario, state, side, kind, deal ? utilities[side]! : null);
    return t.deal + t.ladder + t.conflict + t.support;
  };
  state.outcome = { kind, round: state.round, by, deal, utilities, scores: bySide(scenario, score), reason, msg };
  say(state, by, 'outcome', kind, reason, msg);
}

/** A side's score, term by term: they add up, in this order, to the score the outcome records. */
export interface ScoreTerms {
  /** (u − r)/(1 − r) for a deal worth u against the walk-away value r; 0 without a deal. */
  deal: number;
  /** −perRung for each rung above the ladder's start. */
  ladder: number;
  /** −conflict when the talks ended at the top rung. */
  conflict: number;
  /** supportWeight × the change in domestic support since the start, / 100. */
  support: number;
}

function termsOfScore(scenario: Scenario, state: GameState, side: Side, kind: OutcomeKind, dealUtility: number | null): ScoreTerms {
  const r = state.types[side]!.reservation;
  const { scoring } = scenario;
  return {
    deal: dealUtility === null ? 0 : (dealUtility - r) / (1 - r),
    ladder: -scoring.perRung * Math.max(0, state.rung - scenario.ladder.start),
    conflict: kind === 'conflict' || state.rung >= scenario.ladder.rungs.length - 1 ? -scoring.conflict : 0,
    support: (scoring.supportWeight * (state.support[side]! - scenario.parties[side]!.support.start)) / 100,
  };
}

/** How an ended game's score for `side` was made (null while the talks go on). */
export function scoreTerms(scenario: Scenario, state: GameState, side: Side): ScoreTerms | null {
  const outcome = state.outcome;
  if (!outcome) return null;
  return termsOfScore(scenario, state, side, outcome.kind, outcome.deal ? outcome.utilities[side]! : null);
}
