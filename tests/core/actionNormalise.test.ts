// Issue 18, point 6: an action is checksummed, compared and stored as its canonical copy. Key order,
// a blank reason or a stray key must not make the class page see a divergence the checksums do not.
import { describe, expect, it } from 'vitest';
import { compareTables } from '../../src/core/classroom';
import { advance, type GameContext } from '../../src/core/machine';
import { playGame } from '../../src/core/play';
import { makeReplay, verifyReplay } from '../../src/core/replay';
import { applySeatAction, normaliseSeatAction, validateAction } from '../../src/core/rules';
import { createGame } from '../../src/core/state';
import type { Action, FacilitatorAction, Settings } from '../../src/core/types';
import { loadShipped } from '../support/scenarios';

const { scenario, sha256 } = loadShipped('muscat-2026');
const ai: Settings = { us: 'ai:tit-for-tat', iran: 'ai:boulware', difficulty: 'normal' };
const humans: Settings = { us: 'human', iran: 'human', difficulty: 'normal' };

/** The same action, written differently: keys reversed and a blank reason. */
function rewritten(action: object): Action {
  const out: Record<string, unknown> = { reason: '   ' };
  for (const key of Object.keys(action).reverse()) out[key] = (action as Record<string, unknown>)[key];
  return out as Action;
}

describe('actions in canonical form', () => {
  it('refuses a key the action type does not have, naming it', () => {
    const game = createGame(scenario, 'norm', humans);
    const side = game.toMove;
    expect(validateAction(scenario, game, side, { type: 'walkout', rigged: true } as unknown as Action)).toBe(
      'walkout: unknown key "rigged" (a walkout action has type, reason)',
    );
    expect(validateAction(scenario, game, side, { type: 'guess', priority: 'x', redLine: 'y', extra: 1 } as unknown as Action)).toMatch(
      /unknown key "extra"/,
    );
    const pause = applySeatAction(scenario, game, 'facilitator', { type: 'pause', paused: true, by: 'me' } as unknown as FacilitatorAction);
    expect(pause).toEqual({ ok: false, error: 'pause: unknown key "by" (a pause action has type, paused)' });
    // A long key is quoted cut.
    expect(validateAction(scenario, game, side, { type: 'walkout', ['k'.repeat(5000)]: 1 } as unknown as Action)?.length).toBeLessThan(200);
  });

  it('normalises: known keys in a fixed order, a blank reason dropped, a reason trimmed, terms by issue id', () => {
    expect(JSON.stringify(normaliseSeatAction('us', { reason: '  ', tone: 'firm', type: 'statement' } as Action))).toBe(
      '{"type":"statement","tone":"firm"}',
    );
    expect(normaliseSeatAction('iran', { reason: ' because ', type: 'accept' } as Action)).toEqual({ type: 'accept', reason: 'because' });
    expect(JSON.stringify(normaliseSeatAction('us', { terms: { b: '1', a: '2' }, type: 'propose' } as Action))).toBe(
      '{"type":"propose","terms":{"a":"2","b":"1"}}',
    );
    expect(JSON.stringify(normaliseSeatAction('facilitator', { paused: true, type: 'pause' } as FacilitatorAction))).toBe(
      '{"type":"pause","paused":true}',
    );
  });

  it('stores the canonical copy, with the checksum of the plain action', () => {
    const ctx = (): GameContext => ({
      scenario,
      scenarioHash: sha256,
      game: createGame(scenario, 'norm', humans),
      actions: [],
      checksums: [],
      error: null,
    });
    const start = ctx();
    const side = start.game.toMove;
    const plain = advance(start, side, { type: 'walkout' });
    const odd = advance(ctx(), side, rewritten({ type: 'walkout' }));
    if (!plain.ok || !odd.ok) throw new Error('walkout refused');
    expect(JSON.stringify(odd.context.actions[0]?.action)).toBe('{"type":"walkout"}');
    expect(odd.context.checksums).toEqual(plain.context.checksums);
  });

  it('the class page sees no divergence where only the writing differs', () => {
    const a = playGame(scenario, 'norm-table', ai);
    const b = playGame(scenario, 'norm-table', ai);
    const log = b.log.map((e) => ({ ...e, action: rewritten(e.action) }));
    // Every checksum still matches: the rewritten log verifies against the original checksums.
    const g = playGame(scenario, 'norm-table', ai, { checksums: true });
    const replay = makeReplay({
      scenario,
      scenarioHash: sha256,
      seed: 'norm-table',
      settings: ai,
      log,
      checksums: g.checksums,
      finalState: g.state,
    });
    expect(verifyReplay(scenario, sha256, replay)).toMatchObject({ ok: true, checksum: replay.final });
    const tables = compareTables(scenario, [
      { name: 'A', state: a.state, log: a.log },
      { name: 'B', state: b.state, log },
      { name: 'C', state: a.state, log: a.log },
    ]);
    expect(tables.map((t) => t.firstDivergentRound)).toEqual([null, null, null]);
  });

  it('a replay carrying a stray key in an action is refused at that turn', () => {
    const g = playGame(scenario, 'norm-stray', ai, { checksums: true });
    const log = g.log.map((e, i) => (i === 2 ? { ...e, action: { ...e.action, note: 'x' } as unknown as Action } : e));
    const replay = makeReplay({
      scenario,
      scenarioHash: sha256,
      seed: 'norm-stray',
      settings: ai,
      log,
      checksums: g.checksums,
      finalState: g.state,
    });
    const result = verifyReplay(scenario, sha256, replay);
    expect(result).toMatchObject({ ok: false, turn: 3 });
    expect(result.ok ? '' : result.error).toMatch(/illegal action at turn 3: .*unknown key "note"/);
  });
});
