// A score, term by term: the terms the outcome screen prints add up to the score the outcome records,
// and a game that ends in conflict carries the conflict penalty.
import { describe, expect, it } from 'vitest';
import { scoreTerms } from '../../src/core/outcome';
import { playGame } from '../../src/core/play';
import { sidesOf } from '../../src/core/sides';
import type { Controller } from '../../src/core/types';
import { loadShipped } from '../support/scenarios';

const { scenario } = loadShipped('muscat-2026');
const PAIRS: [Controller, Controller][] = [
  ['ai:hardliner', 'ai:hardliner'],
  ['random', 'random'],
  ['ai:conceder', 'ai:tit-for-tat'],
];

describe('score terms', () => {
  it('add up, in order, to the recorded score in every kind of ending; a conflict costs the scenario’s penalty', () => {
    const kinds = new Set<string>();
    for (const [us, iran] of PAIRS)
      for (let i = 0; i < 40; i++) {
        const { state } = playGame(scenario, `terms-${i}`, { us, iran, difficulty: 'normal' });
        const outcome = state.outcome;
        if (!outcome) throw new Error('unfinished game');
        kinds.add(outcome.kind);
        for (const side of sidesOf(scenario)) {
          const t = scoreTerms(scenario, state, side);
          if (!t) throw new Error('no terms for an ended game');
          expect(t.deal + t.ladder + t.conflict + t.support).toBe(outcome.scores[side]);
          const atTop = outcome.kind === 'conflict' || state.rung === scenario.ladder.rungs.length - 1;
          expect(t.conflict).toBe(atTop ? -scenario.scoring.conflict : 0);
          if (!outcome.deal) expect(t.deal).toBe(0);
        }
      }
    expect(kinds).toContain('conflict');
    expect(kinds).toContain('comprehensive-deal');
  });
});
