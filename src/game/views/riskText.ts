// Words for the causes of escalation risk, shared by the debrief and the replay viewer.
import type { Scenario } from '../../core/scenario/schema';
import type { RiskEntry } from '../../core/types';
import { m } from '../../i18n';
import { riskText } from '../../i18n/logWords';

/** A cause in a word, in the language shown. */
export const causeWord = (cause: RiskEntry['cause']): string => m.debrief.cause[cause];

/** A risk entry's text in the language shown (as the rules wrote it when the scenario is not at hand). */
export function riskEntryText(entry: RiskEntry, scenario?: Scenario): string {
  return scenario ? riskText(entry, scenario) : entry.text;
}

/**
 * Tension as a player reads it: the round's tension as it stands (the carry-over from earlier rounds
 * plus this round's moves and events, the number the hazard is computed from), signed, with what a
 * value below zero means. "tension −1" alone read as a broken counter.
 */
export function tensionText(tension: number): string {
  const t = Math.round(tension) || 0;
  if (t > 0) return m.debrief.tensionUp(t);
  if (t < 0) return m.debrief.tensionDown(-t);
  return m.debrief.tensionZero();
}

/**
 * The `n` largest changes of the hazard (a round-end draw only when it moved the ladder), shown in
 * the order they happened: the risk log's own order. (Sorting by turn number put a round's opening
 * events, which share the turn of the move that closed the round before, ahead of that move.)
 */
export function largestRiskChanges(risk: readonly RiskEntry[], n: number): RiskEntry[] {
  const order = new Map(risk.map((r, i) => [r, i]));
  const at = (r: RiskEntry) => order.get(r) ?? 0;
  const size = (r: RiskEntry) => Math.abs(r.hazardAfter - r.hazardBefore);
  return risk
    .filter((r) => r.cause !== 'draw' || r.text.includes('climbed') || r.text.includes('stepped down'))
    .sort((a, b) => size(b) - size(a) || at(a) - at(b))
    .slice(0, n)
    .sort((a, b) => at(a) - at(b));
}
