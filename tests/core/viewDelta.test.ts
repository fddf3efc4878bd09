// Cut views (the online table's deltas): joining a cut view to the one a client had gives exactly the
// whole view; a change that rewrites the past (the hazard shown or hidden, the end's full reveal) or a
// base that does not fit sends or asks for the whole view.
import { describe, expect, it } from 'vitest';
import { chooseAction } from '../../src/core/play';
import { applyActionInPlace } from '../../src/core/rules';
import { createGame } from '../../src/core/state';
import { viewFor } from '../../src/core/view';
import { cutView, deltaBaseOf, joinView } from '../../src/core/viewDelta';
import { loadShipped } from '../support/scenarios';

const { scenario } = loadShipped('muscat-2026');

describe('cut views', () => {
  it('join back to the whole view, move after move, to the end', () => {
    const state = createGame(scenario, 'delta-1', { us: 'ai:tit-for-tat', iran: 'ai:boulware', difficulty: 'normal' });
    // Copies, as a client has them: a view shares the state's lists, which the next move extends.
    const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
    let had = copy(viewFor(scenario, state, 'us'));
    let base = deltaBaseOf(had);
    let cutBytes = 0;
    let wholeBytes = 0;
    for (let i = 0; i < 200 && state.phase !== 'ended'; i++) {
      applyActionInPlace(scenario, state, state.toMove, chooseAction(scenario, state, state.toMove));
      const whole = copy(viewFor(scenario, state, 'us'));
      const cut = cutView(whole, base);
      cutBytes += JSON.stringify(cut.view).length;
      wholeBytes += JSON.stringify(whole).length;
      const joined = joinView(had, copy(cut.view), cut.from);
      expect(joined).toEqual(whole);
      had = joined as typeof had;
      base = deltaBaseOf(whole);
    }
    expect(state.phase).toBe('ended');
    // The end reveals everything: sent whole.
    expect(cutView(viewFor(scenario, state, 'us'), deltaBaseOf(viewFor(scenario, { ...state, phase: 'rounds' }, 'us'))).from).toBeNull();
    expect(cutBytes).toBeLessThan(wholeBytes / 2);
  });

  it('sends the whole view when the hazard is shown or hidden, and asks for it when the base does not fit', () => {
    const state = createGame(scenario, 'delta-2', { us: 'ai:tit-for-tat', iran: 'ai:boulware', difficulty: 'normal' });
    for (let i = 0; i < 12; i++) applyActionInPlace(scenario, state, state.toMove, chooseAction(scenario, state, state.toMove));
    const shown = viewFor(scenario, state, 'iran');
    const hidden = viewFor(scenario, { ...state, hazardVisible: false }, 'iran');
    expect(cutView(hidden, deltaBaseOf(shown)).from).toBeNull();
    const cut = cutView(shown, { ...deltaBaseOf(shown), log: 2, risk: 1, offerHistory: 0 });
    expect(joinView({ ...shown, log: shown.log.slice(0, 1) }, cut.view, cut.from)).toBeNull();
    expect(joinView(null, cut.view, cut.from)).toBeNull();
    expect(joinView(null, shown, null)).toBe(shown);
  });
});
