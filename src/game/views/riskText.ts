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
