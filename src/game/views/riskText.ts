// Words for the causes of escalation risk, shared by the debrief and the replay viewer.
import type { RiskEntry } from '../../core/types';

export const CAUSE_WORD: Record<RiskEntry['cause'], string> = {
  move: 'move',
  event: 'event',
  domestic: 'home',
  agenda: 'agenda',
  decay: 'decay',
  draw: 'round end',
  facilitator: 'facilitator',
};

/**
 * Tension as a player reads it: the round's tension as it stands (the carry-over from earlier rounds
 * plus this round's moves and events, the number the hazard is computed from), signed, with what a
 * value below zero means. "tension −1" alone read as a broken counter.
 */
export function tensionText(tension: number): string {
  const t = Math.round(tension) || 0;
  if (t > 0) return `tension +${t}`;
  if (t < 0) return `tension −${-t}, calming`;
  return 'tension 0';
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
