// How the class debrief writes numbers, outcomes and policies, on screen and in print alike.
import type { Scenario } from '../core/scenario/schema';

const OUTCOMES: Record<string, string> = {
  'comprehensive-deal': 'Comprehensive deal',
  'interim-deal': 'Interim deal',
  'no-deal': 'No deal at the deadline',
  walkout: 'Walkout',
  recall: 'Delegation recalled',
  conflict: 'Conflict',
  unfinished: 'Unfinished',
};

export const outcomeName = (kind: string): string => OUTCOMES[kind] ?? kind;

/** Two decimals with a true minus sign (scores go below zero). */
export const num = (x: number, digits = 2): string => {
  const text = Math.abs(x).toFixed(digits);
  return x < 0 && Number(text) !== 0 ? `−${text}` : text;
};

export const percent = (x: number): string => `${Math.round(x * 100)}%`;

/** Who played a side: "team", or the AI by the scenario's label for its personality ("AI Steady"). */
export function policyName(scenario: Scenario, controller: string): string {
  if (controller === 'human') return 'team';
  if (controller.startsWith('ai:')) {
    const id = controller.slice(3);
    return `AI ${scenario.personalities.find((p) => p.id === id)?.name ?? id}`;
  }
  return controller;
}

export const rungName = (scenario: Scenario, rung: number): string => scenario.ladder.rungs[rung]?.name ?? `rung ${rung}`;

export const moveName = (move: string): string => move.replace(/-/g, ' ');

/** "#1, #2 and #5". */
export function listOf(labels: readonly string[]): string {
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

export { plural } from '../core/words';
