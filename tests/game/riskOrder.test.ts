// The debrief's "what moved the risk" list: the largest changes, in the order they happened. A round's
// opening events share the turn number of the move that closed the round before; sorting by turn
// alone put "R11 event" above "R10 move".
import { describe, expect, it } from 'vitest';
import type { RiskEntry } from '../../src/core/types';
import { largestRiskChanges } from '../../src/game/views/riskText';

const entry = (round: number, turn: number, cause: RiskEntry['cause'], delta: number, text = `${cause} ${round}`): RiskEntry => ({
  at: 0,
  round,
  turn,
  cause,
  side: cause === 'move' ? 'us' : null,
  ref: text,
  text,
  tension: 0,
  hazardBefore: 0.1,
  hazardAfter: 0.1 + delta,
  rung: 1,
});

describe('largestRiskChanges', () => {
  it('keeps the largest and lists them in the order of the risk log', () => {
    const risk = [
      entry(10, 40, 'move', -0.007, 'US conceded'),
      entry(10, 40, 'draw', 0, 'The round closed at tension 9.3; the 11.2% hazard did not strike.'),
      entry(11, 40, 'event', 0.013, 'Europeans threaten'),
      entry(11, 41, 'move', 0.0001, 'tiny'),
      entry(11, 42, 'draw', -0.02, 'The round closed at tension 9.3; with a 11.2% hazard the crisis climbed to "Military build-up".'),
    ];
    const shown = largestRiskChanges(risk, 3).map((r) => r.text);
    expect(shown).toEqual(['US conceded', 'Europeans threaten', risk[4]?.text]);
    expect(largestRiskChanges(risk, 2).map((r) => r.text)).toEqual(['Europeans threaten', risk[4]?.text]);
  });
});
