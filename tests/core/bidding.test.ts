import { describe, expect, it } from 'vitest';
import { bestBidAbove, concession, newOpponentModel, observeOffer, timeTarget } from '../../src/core/negotiation/bidding';
import { agendaMask, spaceOf, utility } from '../../src/core/negotiation/space';
import { loadShipped } from '../support/scenarios';

describe('the time-dependent target (Faratin)', () => {
  it('follows the Boulware curve: e=0.2 at t=0.5 gives 0.96875 with Pmin 0, Pmax 1', () => {
    expect(timeTarget({ t: 0.5, e: 0.2, k: 0, pMin: 0, pMax: 1 })).toBeCloseTo(0.96875, 12);
  });

  it('concedes linearly with e=1 and fast with e=2', () => {
    expect(timeTarget({ t: 0.5, e: 1, k: 0, pMin: 0, pMax: 1 })).toBeCloseTo(0.5, 12);
    expect(timeTarget({ t: 0.5, e: 2, k: 0, pMin: 0, pMax: 1 })).toBeCloseTo(1 - Math.SQRT1_2, 12);
  });

  it('never concedes for a hardliner (e=0) before the end', () => {
    expect(concession(0.99, 0, 0)).toBe(0);
    expect(timeTarget({ t: 0.9, e: 0, k: 0, pMin: 0.4, pMax: 0.9 })).toBe(0.9);
  });
});

describe('bidding against the opponent model', () => {
  const { scenario } = loadShipped('muscat-2026');
  const space = spaceOf(scenario);
  const mask = space.ids.map(() => true);
  const weights = space.ids.map(() => 1 / space.ids.length);

  it('always bids at or above its target', () => {
    const model = newOpponentModel(
      space,
      scenario.issues.map((i) => i.believed.iran!),
    );
    for (const target of [0.3, 0.5, 0.7, 0.9, 1]) {
      const bid = bestBidAbove({ space, side: 'us', weights, mask, target, model });
      expect(utility(space, 'us', weights, bid)).toBeGreaterThanOrEqual(target - 1e-9);
    }
  });

  it('learns the weight of issues the opponent never moves on (HardHeaded update)', () => {
    let model = newOpponentModel(
      space,
      scenario.issues.map((i) => i.believed.iran!),
    );
    const before = { moved: model.weights[0] as number, ratio: (model.weights[3] as number) / (model.weights[0] as number) };
    const offer = space.sizes.map(() => 0);
    model = observeOffer(model, offer, 1, mask);
    for (let k = 0; k < 4; k++) {
      const next = offer.slice();
      next[0] = k % 2; // the opponent moves on enrichment only
      model = observeOffer(model, next, 1, mask);
    }
    expect(model.weights[0]).toBeLessThan(before.moved);
    expect((model.weights[3] as number) / (model.weights[0] as number)).toBeGreaterThan(before.ratio);
    expect(model.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('leaves off-agenda issues at their not-covered option', () => {
    const off = agendaMask(space, scenario.agenda.core);
    const model = newOpponentModel(
      space,
      scenario.issues.map((i) => i.believed.iran!),
    );
    const bid = bestBidAbove({ space, side: 'us', weights, mask: off, target: 0.3, model });
    space.ids.forEach((id, i) => {
      if (!scenario.agenda.core.includes(id)) expect(bid[i]).toBe(space.notCovered[i]);
    });
  });
});
