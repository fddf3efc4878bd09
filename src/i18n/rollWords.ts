// The round-end escalation roll in words of the language shown: the live log's sentence (the card's
// title and lines are the table's, src/game/views/rollCard.ts).
import type { RoundRoll } from '../core/escalation/roundRoll';
import type { Scenario } from '../core/scenario/schema';
import { m, shown } from './index';
import { riskText } from './logWords';

export function rollSentence(roll: RoundRoll, hazardVisible: boolean, scenario: Scenario): string {
  const rungs = shown(scenario).ladder.rungs;
  return m.common.rollSentence({
    round: roll.round,
    move: roll.move,
    from: rungs[roll.from]?.name ?? roll.fromName,
    to: rungs[roll.to]?.name ?? roll.toName,
    odds: hazardVisible ? { hazard: roll.hazard, roll: roll.roll } : null,
    causes: roll.causes.map((c) => riskText(c, scenario)),
    conflict: roll.conflict,
  });
}
