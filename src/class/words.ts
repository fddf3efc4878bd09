// How the class debrief writes numbers, outcomes and policies, on screen and in print alike, in the
// language shown (the catalogue's `cls` part; the scenario's own words through `shown`).
import type { Scenario } from '../core/scenario/schema';
import type { OutcomeKind } from '../core/types';
import { f, m, shown } from '../i18n';

export const outcomeName = (kind: string): string => m.cls.outcome[kind] ?? kind;

/** A table's outcome headline in the language shown (the server sends its kind beside the English). */
export function outcomeHeadline(t: { outcome: string | null; outcomeKind?: OutcomeKind | null }): string {
  return t.outcomeKind ? m.common.outcomeHeadline[t.outcomeKind] : (t.outcome ?? '');
}

/** Two decimals with a true minus sign (scores go below zero). */
export const num = (x: number, digits = 2): string => {
  const text = Math.abs(x).toFixed(digits);
  return x < 0 && Number(text) !== 0 ? `−${f.num(Math.abs(x), digits)}` : f.num(Math.abs(x), digits);
};

export const percent = (x: number): string => f.pct(Math.round(x * 100) / 100);

/** Who played a side: "team", or the AI by the scenario's label for its personality ("AI Steady"). */
export function policyName(scenario: Scenario, controller: string): string {
  if (controller === 'human') return m.cls.team;
  if (controller.startsWith('ai:')) {
    const id = controller.slice(3);
    return m.cls.aiNamed(shown(scenario).personalities.find((p) => p.id === id)?.name ?? id);
  }
  return controller;
}

export const rungName = (scenario: Scenario, rung: number): string => shown(scenario).ladder.rungs[rung]?.name ?? m.cls.rungN(rung);

export const moveName = (move: string): string => m.cls.move(move);

/** "#1, #2 and #5". */
export const listOf = (labels: readonly string[]): string => m.cls.list(labels);
