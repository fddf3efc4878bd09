// Words for outcomes and scores, shared by the outcome and debrief screens.
import type { Session } from '../../app/session';
import { dealTerms, spaceOf } from '../../core/negotiation/space';
import { scoreTerms } from '../../core/outcome';
import type { Scenario, Side } from '../../core/scenario/schema';
import type { GameState, OutcomeKind } from '../../core/types';

export { OUTCOME_HEADLINE } from '../../core/words';

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
  return session.scenario.issues.map((issue) => ({
    issue: issue.name,
    option: issue.options.find((o) => o.id === terms[issue.id])?.label ?? '',
    onAgenda: session.game.agenda.on.includes(issue.id),
  }));
}

export function fmtScore(x: number): string {
  return `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;
}

/** One side's score, term by term, as the outcome screen prints it under the score. */
export function scoreTermsLine(scenario: Scenario, game: GameState, side: Side): string {
  const t = scoreTerms(scenario, game, side);
  if (!t) return '';
  const climbed = Math.max(0, game.rung - scenario.ladder.start);
  return [
    `deal ${fmtScore(t.deal)}`,
    `ladder ${fmtScore(t.ladder)} (${climbed} rung${climbed === 1 ? '' : 's'} climbed)`,
    ...(t.conflict !== 0 ? [`conflict ${fmtScore(t.conflict)}`] : []),
    `support ${fmtScore(t.support)}`,
  ].join(' · ');
}

/** The scoring rule with the scenario's numbers, every term included. */
export function scoreFormula(scenario: Scenario): string {
  const { perRung, conflict, supportWeight } = scenario.scoring;
  const rungs = scenario.ladder.rungs;
  const start = rungs[scenario.ladder.start]?.name ?? 'the start';
  const top = rungs[rungs.length - 1]?.name ?? 'the top rung';
  return `Score = the deal's gain over your walk-away, scaled to 1 (0 without a deal), −\u00a0${perRung} for each rung above "${start}", −\u00a0${conflict} if the crisis ends at the top rung ("${top}"), ±\u00a0${supportWeight / 100} for each point of support won or lost.`;
}
