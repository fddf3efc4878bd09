// Words for outcomes and scores, shared by the outcome and debrief screens.
import type { Session } from '../../app/session';
import { dealTerms, spaceOf } from '../../core/negotiation/space';
import { scoreTerms } from '../../core/outcome';
import type { Scenario, Side } from '../../core/scenario/schema';
import type { GameState, Outcome, OutcomeKind } from '../../core/types';
import { m, shown } from '../../i18n';
import { outcomeText } from '../../i18n/logWords';

/** An outcome in a few words, in the language shown (core/words.ts keeps the English for the log). */
export const outcomeHeadline = (kind: OutcomeKind): string => m.common.outcomeHeadline[kind];

/** Why the game ended, in the language shown. */
export function outcomeReason(outcome: Outcome, scenario: Scenario): string {
  return outcomeText(outcome, scenario);
}

export const OUTCOME_MARK: Record<OutcomeKind, string> = {
  'comprehensive-deal': '★',
  'interim-deal': '☆',
  'no-deal': '○',
  walkout: '✕',
  recall: '↩',
  conflict: '▲',
};

/** The deal's terms issue by issue, or null when there is no deal. */
export function dealLines(session: Session): { issue: string; option: string; onAgenda: boolean }[] | null {
  const outcome = session.game.outcome;
  if (!outcome?.deal) return null;
  const space = spaceOf(session.scenario);
  const terms = dealTerms(space, outcome.deal);
  return shown(session.scenario).issues.map((issue) => ({
    issue: issue.name,
    option: issue.options.find((o) => o.id === terms[issue.id])?.label ?? '',
    onAgenda: session.game.agenda.on.includes(issue.id),
  }));
}

export function fmtScore(x: number): string {
  return m.debrief.score(x);
}

/** One side's score, term by term, as the outcome screen prints it under the score. */
export function scoreTermsLine(scenario: Scenario, game: GameState, side: Side): string {
  const t = scoreTerms(scenario, game, side);
  if (!t) return '';
  const climbed = Math.max(0, game.rung - scenario.ladder.start);
  return [
    m.debrief.termDeal(t.deal),
    m.debrief.termLadder(t.ladder, climbed),
    ...(t.conflict !== 0 ? [m.debrief.termConflict(t.conflict)] : []),
    m.debrief.termSupport(t.support),
  ].join(' · ');
}

/** The scoring rule with the scenario's numbers, every term included. */
export function scoreFormula(scenario: Scenario): string {
  const { perRung, conflict, supportWeight } = scenario.scoring;
  const rungs = shown(scenario).ladder.rungs;
  const start = rungs[scenario.ladder.start]?.name ?? m.debrief.theStart;
  const top = rungs[rungs.length - 1]?.name ?? m.debrief.theTopRung;
  return m.debrief.scoreFormula(perRung, start, conflict, top, supportWeight / 100);
}
