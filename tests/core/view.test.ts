// viewFor: the one function that decides what a seat may see (issue 16). Before the end a seat's view
// holds no secret of the other side, no random stream and not the seed; what its screens need from
// them (the rolls already made, the hazard preview on its move) comes computed. At the end it is whole.
import { describe, expect, it } from 'vitest';
import { roundRolls } from '../../src/core/escalation/roundRoll';
import { chooseAction, playGame } from '../../src/core/play';
import { applyActionInPlace } from '../../src/core/rules';
import { createGame } from '../../src/core/state';
import type { GameState, Settings } from '../../src/core/types';
import { viewFor } from '../../src/core/view';
import { loadShipped } from '../support/scenarios';

const { scenario } = loadShipped('muscat-2026');
const settings: Settings = { us: 'ai:tit-for-tat', iran: 'ai:boulware', difficulty: 'normal' };
const SEED = 'view-secret-seed-4821';

/** A game played by two AIs until round 5 (mid-talks, with journal entries and guesses added). */
function midGame(): GameState {
  const state = createGame(scenario, SEED, settings);
  while (state.phase !== 'ended' && state.round < 5) {
    const side = state.toMove;
    const error = applyActionInPlace(scenario, state, side, chooseAction(scenario, state, side));
    if (error) throw new Error(error);
  }
  state.journal.push({ turn: 1, round: 1, side: 'iran', move: 'propose', reason: 'IRAN-PRIVATE-MEMO' });
  state.journal.push({ turn: 2, round: 1, side: 'us', move: 'propose', reason: 'US-PRIVATE-MEMO' });
  state.guesses.push({ round: 1, side: 'iran', priority: 'sanctions', redLine: 'missiles' });
  return state;
}

describe('viewFor', () => {
  it("withholds the other side's type, beliefs, memos, guesses and utilities, every RNG state and the seed", () => {
    const state = midGame();
    expect(state.phase).toBe('rounds');
    const view = viewFor(scenario, state, 'us');
    const text = JSON.stringify(view);
    expect(view.types.us!).toEqual(state.types.us!);
    expect(view.types.iran!).toBeNull();
    expect(view.beliefs.iran!).toBeNull();
    expect(view.beliefs.us!).toEqual(state.beliefs.us!);
    expect(text).not.toContain(JSON.stringify(state.types.iran!.weights));
    expect(text).not.toContain(String(state.types.iran!.reservation));
    expect(text).not.toContain('IRAN-PRIVATE-MEMO');
    expect(text).toContain('US-PRIVATE-MEMO');
    expect(view.guesses).toEqual([]);
    expect(view.utilityByRound.every((u) => u.iran === null)).toBe(true);
    expect(text).not.toContain(SEED);
    expect(view.seed).toBe('');
    expect('rng' in view).toBe(false);
    expect('ai' in view).toBe(false);
    for (const stream of Object.values(state.rng)) expect(text).not.toContain(JSON.stringify(stream));
    // The other way round, and for a spectator: nobody's secrets.
    const iran = JSON.stringify(viewFor(scenario, state, 'iran'));
    expect(iran).not.toContain(JSON.stringify(state.types.us!.weights));
    expect(iran).not.toContain('US-PRIVATE-MEMO');
    const spectator = viewFor(scenario, state, 'spectator');
    expect(spectator.types).toEqual({ us: null, iran: null });
    expect(spectator.journal).toEqual([]);
    expect(spectator.preview).toBeNull();
    // The state itself is untouched.
    expect(state.seed).toBe(SEED);
  });

  it('carries the rolls already made, so the round-end cards read the same from a view as from the state', () => {
    const state = midGame();
    const view = viewFor(scenario, state, 'iran');
    const fromState = roundRolls(scenario, state).map((r) => [r.round, r.roll, r.move]);
    const fromView = roundRolls(scenario, view as unknown as GameState).map((r) => [r.round, r.roll, r.move]);
    expect(fromState.length).toBeGreaterThan(0);
    expect(fromView).toEqual(fromState);
  });

  it('hides the hazard from every seat while the facilitator hides it', () => {
    const state = midGame();
    state.hazardVisible = false;
    const view = viewFor(scenario, state, state.toMove);
    expect(view.hazard).toBeNull();
    expect(view.risk.every((r) => r.hazardBefore === null && r.hazardAfter === null)).toBe(true);
    // Not in the words either: the round-end draws' texts name the hazard they rolled against.
    expect(state.risk.some((r) => /\d%/.test(r.text))).toBe(true);
    expect(view.risk.filter((r) => /\d%/.test(r.text))).toEqual([]);
    expect(view.preview).toBeNull();
  });

  it('gives the seat to move the hazard preview of its moves, and nobody else', () => {
    const state = midGame();
    const mover = state.toMove;
    expect(viewFor(scenario, state, mover).preview?.moves.length).toBeGreaterThan(0);
    expect(viewFor(scenario, state, mover === 'us' ? 'iran' : 'us').preview).toBeNull();
  });

  it('is the whole state once the talks have ended (the debrief shows both briefs)', () => {
    const { state } = playGame(scenario, SEED, settings);
    const view = viewFor(scenario, state, 'us');
    expect(view.complete).toBe(true);
    expect(view.types.iran!).toEqual(state.types.iran!);
    expect(view.seed).toBe(SEED);
  });
});
