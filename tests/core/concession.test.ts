// "Concede a step" is a real concession (issue 15, point 3): it never moves an offer to an option
// worth more to the side conceding, unless that is the other side's own option, and the preview the
// table shows is exactly the step the rules take, with the offer's worth after it against the walk-away.
import { describe, expect, it } from 'vitest';
import { concessionPreview } from '../../src/core/negotiation/concession';
import { spaceOf } from '../../src/core/negotiation/space';
import { chooseAction } from '../../src/core/play';
import { applyActionInPlace } from '../../src/core/rules';
import { createGame } from '../../src/core/state';
import { otherSide } from '../../src/core/types';
import { loadShipped } from '../support/scenarios';

const { scenario } = loadShipped('muscat-2026');
const space = spaceOf(scenario);

describe('a concession', () => {
  it('moves towards the other side and never to an option worth more to the one conceding; the preview is the step taken', () => {
    let concessions = 0;
    for (let g = 0; g < 600; g++) {
      const state = createGame(scenario, `concede-${g}`, { us: 'random', iran: 'random', difficulty: 'normal' });
      while (state.phase !== 'ended') {
        const side = state.toMove;
        const action = chooseAction(scenario, state, side);
        if (action.type === 'concede') {
          const i = space.ids.indexOf(action.issue);
          const from = state.offers[side]?.[i] as number;
          const theirs = state.offers[otherSide(scenario, side)]?.[i] as number;
          const preview = concessionPreview(scenario, state, side, action.issue);
          expect(applyActionInPlace(scenario, state, side, action)).toBeNull();
          const to = state.offers[side]?.[i] as number;
          const evals = space.evals[side]![i] as number[];
          expect(Math.abs(theirs - to)).toBeLessThan(Math.abs(theirs - from));
          if (to !== theirs) expect(evals[to] as number).toBeLessThan(evals[from] as number);
          expect(preview?.to.id).toBe(scenario.issues[i]?.options[to]?.id);
          expect(preview?.walkAway).toBe(state.types[side]!.reservation);
          expect(preview?.belowWalkAway).toBe((preview?.after ?? 0) < state.types[side]!.reservation);
          if (to !== theirs) expect(preview?.after).toBeLessThan(preview?.before ?? 0);
          concessions++;
        } else expect(applyActionInPlace(scenario, state, side, action)).toBeNull();
      }
    }
    expect(concessions).toBeGreaterThan(50);
  });
});
