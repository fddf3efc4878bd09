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
