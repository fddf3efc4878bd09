// Cut views (the online table's deltas): joining a cut view to the one a client had gives exactly the
// whole view; only changed fields and new list entries travel; a change that rewrites the past (the
// hazard shown or hidden, the end's full reveal) or a base that does not fit sends or asks for the
// whole view.
import { describe, expect, it } from 'vitest';
import { chooseAction } from '../../src/core/play';
import { applyActionInPlace } from '../../src/core/rules';
import { createGame } from '../../src/core/state';
import { viewFor } from '../../src/core/view';
import { cutView, joinView, sameJson } from '../../src/core/viewDelta';
import { loadShipped } from '../support/scenarios';

const { scenario } = loadShipped('muscat-2026');

describe('cut views', () => {
  it('join back to the whole view, move after move, to the end', () => {
    const state = createGame(scenario, 'delta-1', { us: 'ai:tit-for-tat', iran: 'ai:boulware', difficulty: 'normal' });
    // Copies, as a client has them: a view shares the state's lists, which the next move extends.
    const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
    let had = copy(viewFor(scenario, state, 'us'));
    let sent = had;
    let cutBytes = 0;
    let wholeBytes = 0;
    for (let i = 0; i < 200 && state.phase !== 'ended'; i++) {
      applyActionInPlace(scenario, state, state.toMove, chooseAction(scenario, state, state.toMove));
      const whole = copy(viewFor(scenario, state, 'us'));
      const cut = cutView(whole, sent);
      // Only what changed travels: every field the cut view has differs from the last one sent.
      for (const [key, value] of cut.from ? Object.entries(cut.view) : [])
        if (!['log', 'risk', 'offerHistory'].includes(key))
          expect(sameJson(value, (sent as unknown as Record<string, unknown>)[key]), key).toBe(false);
      if (cut.from) {
        cutBytes += JSON.stringify(cut).length;
        wholeBytes += JSON.stringify(whole).length;
      }
      const joined = joinView(had, copy(cut.view), cut.from);
      expect(joined).toEqual(whole);
      had = joined as typeof had;
      sent = whole;
    }
    expect(state.phase).toBe('ended');
    // The end reveals everything: sent whole.
    expect(cutView(viewFor(scenario, state, 'us'), viewFor(scenario, { ...state, phase: 'rounds' }, 'us')).from).toBeNull();
    expect(cutBytes).toBeLessThan(wholeBytes / 5);
  });

  it('sends the whole view when the hazard is shown or hidden, and asks for it when the base does not fit', () => {
    const state = createGame(scenario, 'delta-2', { us: 'ai:tit-for-tat', iran: 'ai:boulware', difficulty: 'normal' });
    for (let i = 0; i < 12; i++) applyActionInPlace(scenario, state, state.toMove, chooseAction(scenario, state, state.toMove));
    const shown = viewFor(scenario, state, 'iran');
    const hidden = viewFor(scenario, { ...state, hazardVisible: false }, 'iran');
    expect(cutView(hidden, shown).from).toBeNull();
    const cut = cutView(shown, { ...shown, log: shown.log.slice(0, 2), risk: shown.risk.slice(0, 1), offerHistory: [] });
    expect(joinView({ ...shown, log: shown.log.slice(0, 1) }, cut.view, cut.from)).toBeNull();
    expect(joinView(null, cut.view, cut.from)).toBeNull();
    expect(joinView(null, shown, null)).toBe(shown);
  });

  it('keeps a field the new view lacks out of the joined view', () => {
    const state = createGame(scenario, 'delta-3', { us: 'ai:tit-for-tat', iran: 'ai:boulware', difficulty: 'normal' });
    const before = { ...viewFor(scenario, state, 'us'), extra: 1 } as unknown as ReturnType<typeof viewFor>;
    const now = viewFor(scenario, state, 'us');
    const cut = cutView(now, before);
    expect(cut.from?.dropped).toEqual(['extra']);
    expect(Object.keys(cut.view).sort()).toEqual(['log', 'offerHistory', 'risk']);
    expect(joinView(before, cut.view, cut.from)).toEqual(now);
  });

  it('compares as JSON does', () => {
    expect(sameJson({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson({ a: 1, b: undefined }, { a: 1, c: undefined })).toBe(false);
    expect(sameJson([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameJson([1, [2]], [1, [3]])).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
});
