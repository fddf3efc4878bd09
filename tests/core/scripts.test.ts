// The scripted policies of the strategies bench: every script plays whole legal games, and each
// decides only from what a player at its seat sees (the other side's type and the random streams
// can change without changing its move).
import { describe, expect, it } from 'vitest';
import { SCRIPT_NAMES } from '../../src/core/negotiation/scripts';
import { chooseAction, controllerError, playGame } from '../../src/core/play';
import { makeReplay, verifyReplay } from '../../src/core/replay';
import { applyActionInPlace } from '../../src/core/rules';
import { createGame } from '../../src/core/state';
import type { Controller, GameState } from '../../src/core/types';
import { loadShipped } from '../support/scenarios';

const { scenario, sha256 } = loadShipped('muscat-2026');

describe('scripted policies', () => {
  it('are known policies; a misspelt one is named with the list', () => {
    for (const name of SCRIPT_NAMES) expect(controllerError(scenario, `script:${name}`)).toBeNull();
    expect(controllerError(scenario, 'script:bluff')).toMatch(/^unknown policy "script:bluff": scripts are script:always-threat, /);
  });

  it.each(SCRIPT_NAMES)('script:%s plays whole legal games on both seats, and its replays verify', (name) => {
    for (let i = 0; i < 15; i++) {
      const settings =
        i % 2
          ? { us: `script:${name}` as Controller, iran: 'ai:tit-for-tat' as Controller, difficulty: 'normal' }
          : { us: 'ai:boulware' as Controller, iran: `script:${name}` as Controller, difficulty: 'normal' };
      const played = playGame(scenario, `script-${name}-${i}`, settings, { checksums: true });
      expect(played.state.outcome).not.toBeNull();
      const replay = makeReplay({
        scenario,
        scenarioHash: sha256,
        seed: `script-${name}-${i}`,
        settings,
        log: played.log,
        checksums: played.checksums,
        finalState: played.state,
      });
      expect(verifyReplay(scenario, sha256, replay).ok).toBe(true);
    }
  });

  it.each(SCRIPT_NAMES)('script:%s decides only from what its seat sees', (name) => {
    const settings = { us: `script:${name}` as Controller, iran: 'ai:linear' as Controller, difficulty: 'normal' };
    const state = createGame(scenario, 'blind', settings);
    for (let turn = 0; turn < 40 && state.phase !== 'ended'; turn++) {
      const side = state.toMove;
      const action = chooseAction(scenario, state, side);
      if (side === 'us') {
        // The same public state with another private type for Iran and other random streams.
        const blind: GameState = structuredClone(state);
        blind.types.iran! = { weights: blind.types.iran!.weights.map((_, _i, w) => 1 / w.length), reservation: 0.05 };
        blind.rng = createGame(scenario, 'another seed', settings).rng;
        expect(chooseAction(scenario, blind, side), `turn ${state.turn + 1}`).toEqual(action);
      }
      expect(applyActionInPlace(scenario, state, side, action)).toBeNull();
    }
  });
});
