// Small English helpers for the texts the rules write into the log (and the class page shares).
import type { OutcomeKind } from './types';

/** An outcome in a few words: the outcome screen's headline, the teacher console's last column. */
export const OUTCOME_HEADLINE: Record<OutcomeKind, string> = {
  'comprehensive-deal': 'A comprehensive deal',
  'interim-deal': 'An interim deal',
  'no-deal': 'No deal by the deadline',
  walkout: 'The talks ended in a walkout',
  recall: 'A delegation was recalled',
  conflict: 'The crisis became a war',
};

/** "1 issue", "3 issues". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
