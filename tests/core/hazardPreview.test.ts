// Issue 15, point 7: the hazard of the coming end-of-round roll, and what each of the side's own moves
// would do to it (before the other side's reply), computed read-only with the rules' own applyAction.
import { describe, expect, it } from 'vitest';
import { hazardOf, projectedTension } from '../../src/core/escalation/escalation';
import { groupByHazard, hazardPreview, type MovePreview } from '../../src/core/escalation/preview';
import { agendaMask, idealPackage, packageToTerms, spaceOf } from '../../src/core/negotiation/space';
import { stateChecksum } from '../../src/core/play';
import { applyAction, concedableIssues } from '../../src/core/rules';
import type { Side } from '../../src/core/scenario/schema';
import { createGame } from '../../src/core/state';
import type { Action, GameState } from '../../src/core/types';
import { loadShipped } from '../support/scenarios';

const { scenario } = loadShipped('muscat-2026');

function act(state: GameState, side: Side, action: Action): GameState {
  const result = applyAction(scenario, state, side, action);
  if (!result.ok) throw new Error(result.error);
  return result.state;
}

/** The side's ideal terms on the agenda: its opening proposal. */
function ideal(state: GameState, side: Side): Record<string, string> {
  const space = spaceOf(scenario);
  const mask = agendaMask(space, state.agenda.on);
  return packageToTerms(space, idealPackage(space, side, mask), mask);
}

/** Both seats human: the agenda forced, then `moves` played at the table (each by the side to move). */
function atTable(seed: string, moves: Action[] = []): GameState {
  let state = createGame(scenario, seed, { us: 'human', iran: 'human', difficulty: 'normal' });
  for (let i = 0; i < 4 && state.phase === 'agenda'; i++) state = act(state, state.toMove, { type: 'force-agenda' });
  for (const m of moves)
    state = act(state, state.toMove, m.type === 'propose' ? { type: 'propose', terms: ideal(state, state.toMove) } : m);
  if (state.phase !== 'rounds') throw new Error(`not at the table (${state.phase})`);
  return state;
}

/** The action a preview entry stands for, as the table's buttons would play it. */
function actionOf(state: GameState, side: Side, key: string): Action {
  if (key.startsWith('statement-')) return { type: 'statement', tone: key.slice('statement-'.length) as 'threat' };
  if (key === 'concede') return { type: 'concede', issue: concedableIssues(scenario, state, side)[0] as string };
  if (key === 'propose') throw new Error('propose needs terms');
  return { type: key } as Action;
}

/** The hazard the real move leaves for the coming roll: its draw's if it closed the round. */
function realHazard(before: GameState, after: GameState): number {
  const draw = after.risk.slice(before.risk.length).find((r) => r.cause === 'draw' && r.round === before.round);
  return draw ? draw.hazardBefore : after.hazard;
}

const byKey = (moves: MovePreview[], key: string) => {
  const m = moves.find((x) => x.key === key);
  if (!m) throw new Error(`no preview for ${key}: ${moves.map((x) => x.key).join(', ')}`);
  return m;
};

describe('state.hazard during a round is the hazard of the coming end-of-round roll', () => {
  it('equals hazardOf(projected tension, shock), the hazard closeRound draws with, between moves', () => {
    let state = atTable('preview-a');
    for (const m of [
      { type: 'statement', tone: 'threat' },
      { type: 'statement', tone: 'firm' },
      { type: 'statement', tone: 'conciliatory' },
      { type: 'recess' },
      { type: 'statement', tone: 'threat' },
    ] as Action[]) {
      expect(state.hazard).toBeCloseTo(hazardOf(scenario.ladder, projectedTension(scenario.ladder, state), state.shock), 12);
      state = act(state, state.toMove, m);
    }
  });
});

describe('hazardPreview', () => {
  it('a threat raises the previewed hazard above a conciliatory statement, and now sits between them', () => {
    const state = atTable('preview-b');
    const side = state.toMove;
    const { now, moves } = hazardPreview(scenario, state, side);
    const threat = byKey(moves, 'statement-threat').hazard;
    const firm = byKey(moves, 'statement-firm').hazard;
    const calm = byKey(moves, 'statement-conciliatory').hazard;
    expect(now).toBe(state.hazard);
    expect(threat).toBeGreaterThan(firm);
    expect(firm).toBeGreaterThan(now);
    expect(calm).toBeLessThan(now);
    expect(byKey(moves, 'recess').closesRound).toBe(true);
    expect(byKey(moves, 'statement-threat').closesRound).toBe(false);
  });

  it('does not touch the state', () => {
    const state = atTable('preview-c', [{ type: 'statement', tone: 'firm' }]);
    const checksum = stateChecksum(state);
    const json = JSON.stringify(state);
    const preview = hazardPreview(scenario, state, state.toMove);
    expect(preview.moves.length).toBeGreaterThan(4);
    expect(stateChecksum(state)).toBe(checksum);
    expect(JSON.stringify(state)).toBe(json);
  });

  it('is empty when it is not the side’s move', () => {
    const state = atTable('preview-d');
    const other: Side = state.toMove === 'us' ? 'iran' : 'us';
    expect(hazardPreview(scenario, state, other).moves).toEqual([]);
  });

  it('equals the hazard the real move produces, first move (no draw) and last move of a round (its draw)', () => {
    const first = atTable('preview-e');
    // Offers on both sides so that accept and concede are available too.
    const withOffers = atTable('preview-e', [
      { type: 'propose', terms: {} },
      { type: 'propose', terms: {} },
    ]);
    const last = atTable('preview-e', [{ type: 'statement', tone: 'threat' }]);
    for (const state of [first, withOffers, last]) {
      const side = state.toMove;
      const { moves } = hazardPreview(scenario, state, side);
      for (const m of moves) {
        if (m.key === 'propose') continue;
        const after = act(state, side, actionOf(state, side, m.key));
        const deal = after.outcome?.kind === 'comprehensive-deal' || after.outcome?.kind === 'interim-deal';
        expect(m.hazard, `${m.key} in round ${state.round}, move ${state.movesThisRound + 1}`).toBe(deal ? 0 : realHazard(state, after));
      }
    }
    // On the round's last move every move closes it: the preview is the draw's hazard, not the next round's.
    const { moves } = hazardPreview(scenario, last, last.toMove);
    expect(byKey(moves, 'statement-conciliatory').closesRound).toBe(true);
    const after = act(last, last.toMove, { type: 'statement', tone: 'conciliatory' });
    expect(after.round).toBe(last.round + 1);
    expect(byKey(moves, 'statement-conciliatory').hazard).not.toBe(after.hazard);
    expect(byKey(moves, 'statement-conciliatory').hazard).toBeLessThan(last.hazard);
    // With both offers on the table, accepting is a deal: its closing draw cannot climb.
    const offered = hazardPreview(scenario, withOffers, withOffers.toMove).moves;
    expect(offered.map((m) => m.key)).toEqual(expect.arrayContaining(['accept', 'concede', 'propose', 'walkout']));
    expect(byKey(offered, 'accept')).toMatchObject({ hazard: 0, endsTalks: true });
    expect(byKey(offered, 'walkout').hazard).toBeGreaterThan(withOffers.hazard);
  });

  it('previews a proposal of the given terms as the real proposal plays it', () => {
    const state = atTable('preview-f');
    const side = state.toMove;
    const terms = ideal(state, side);
    const m = byKey(hazardPreview(scenario, state, side, terms).moves, 'propose');
    expect(m.hazard).toBe(realHazard(state, act(state, side, { type: 'propose', terms })));
  });

  it('groups moves with the same effect, highest hazard first', () => {
    const state = atTable('preview-g');
    const groups = groupByHazard(hazardPreview(scenario, state, state.toMove).moves);
    expect(groups[0]?.names).toContain('threat');
    for (let i = 1; i < groups.length; i++) expect(groups[i]?.hazard).toBeLessThan(groups[i - 1]?.hazard as number);
    const calm = groups.find((g) => g.names.includes('conciliatory'));
    // A proposal scores nothing: it leaves the hazard as it is, like asking Oman for nothing.
    expect(groups.find((g) => g.names.includes('propose'))?.hazard).toBe(state.hazard);
    expect(calm?.hazard).toBeLessThan(state.hazard);
  });
});
