// Hardliners move under pressure (issue 15, point 6): the Hardliner holds its opening package while
// the talks are young and calm, but the deadline and a climbing ladder pull it towards its walk-away
// value, so a patient negotiator can reach a deal with it while two hardliners still rarely agree.
import { describe, expect, it } from 'vitest';
import { spaceOf, utility } from '../../src/core/negotiation/space';
import { playGame } from '../../src/core/play';
import type { Controller, Package } from '../../src/core/types';
import { loadShipped } from '../support/scenarios';

const { scenario } = loadShipped('muscat-2026');
const deals = (us: Controller, iran: Controller, games: number) => {
  let n = 0;
  for (let i = 0; i < games; i++) {
    const kind = playGame(scenario, `hardliner-${i}`, { us, iran, difficulty: 'normal' }).state.outcome?.kind;
    if (kind === 'comprehensive-deal' || kind === 'interim-deal') n++;
  }
  return n / games;
};

describe('the Hardliner', () => {
  it('asks less of its offers as the deadline nears: its last offer is worth less to it than its first', () => {
    let movedGames = 0;
    for (let i = 0; i < 40; i++) {
      const { state } = playGame(scenario, `hardliner-offers-${i}`, {
        us: 'script:hold-then-accept',
        iran: 'ai:hardliner',
        difficulty: 'normal',
      });
      const own = state.offerHistory
        .filter((o) => o.side === 'iran')
        .map((o) => utility(spaceOf(scenario), 'iran', state.types.iran!.weights, o.pkg as Package));
      if (own.length >= 2 && (own[own.length - 1] as number) < (own[0] as number) - 0.02) movedGames++;
    }
    expect(movedGames).toBeGreaterThan(20);
  });

  it('reaches a deal with the reference negotiator in at least a quarter of games; two hardliners agree in under a fifth', () => {
    expect(deals('script:reference', 'ai:hardliner', 400)).toBeGreaterThanOrEqual(0.25);
    expect(deals('ai:hardliner', 'script:reference', 400)).toBeGreaterThanOrEqual(0.25);
    expect(deals('ai:hardliner', 'ai:hardliner', 400)).toBeLessThan(0.2);
  });
});
