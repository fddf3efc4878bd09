// Words for outcomes and scores, shared by the outcome and debrief screens.
import type { Session } from '../../app/session';
import { dealTerms, spaceOf } from '../../core/negotiation/space';
import type { OutcomeKind } from '../../core/types';

export const OUTCOME_HEADLINE: Record<OutcomeKind, string> = {
  'comprehensive-deal': 'A comprehensive deal',
  'interim-deal': 'An interim deal',
  'no-deal': 'No deal by the deadline',
  walkout: 'The talks ended in a walkout',
  recall: 'A delegation was recalled',
  conflict: 'The crisis became a war',
};

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
