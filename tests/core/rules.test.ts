import { describe, expect, it } from 'vitest';
import { agendaMask, idealPackage, packageToTerms, spaceOf } from '../../src/core/negotiation/space';
import { playGame, stateChecksum } from '../../src/core/play';
import { applyAction, legalActionTypes } from '../../src/core/rules';
import { createGame } from '../../src/core/state';
import type { Action, GameState, Settings } from '../../src/core/types';
import { loadShipped } from '../support/scenarios';

const { scenario } = loadShipped('muscat-2026');
const hotseat: Settings = { us: 'human', iran: 'human', difficulty: 'normal' };

function act(state: GameState, action: Action, side = state.toMove): GameState {
  const result = applyAction(scenario, state, side, action);
  if (!result.ok) throw new Error(result.error);
  return result.state;
}

function atTheTable(seed = 'rules'): GameState {
  let s = createGame(scenario, seed, hotseat);
  s = act(s, { type: 'propose-agenda', issues: ['missiles'] });
  return act(s, { type: 'accept-agenda' });
}

function idealTerms(state: GameState, side: string) {
  const space = spaceOf(scenario);
  const mask = agendaMask(space, state.agenda.on);
  return packageToTerms(space, idealPackage(space, side, mask), mask);
}

describe('the agenda dispute', () => {
  it('starts the talks with the scope fight, the first mover proposing', () => {
    const s = createGame(scenario, 'a', hotseat);
    expect(s.phase).toBe('agenda');
    expect(s.toMove).toBe(scenario.firstMover);
    expect(legalActionTypes(scenario, s, s.toMove)).toEqual(['propose-agenda', 'force-agenda', 'walkout', 'guess']);
  });

  it('puts an accepted proposal on the agenda and charges the side that yielded', () => {
    const s = atTheTable();
    expect(s.phase).toBe('rounds');
    expect(s.agenda.on).toContain('missiles');
    expect(s.agenda.on).not.toContain('regional');
    expect(s.support.iran!).toBeLessThan(scenario.parties.iran!.support.start);
  });

  it('lets a side force its agenda at a cost in tension', () => {
    const s = act(createGame(scenario, 'a', hotseat), { type: 'force-agenda' });
    expect(s.agenda.on).toEqual(expect.arrayContaining(['missiles', 'regional']));
    expect(s.risk.some((r) => r.cause === 'agenda' && r.tension > 0)).toBe(true);
  });

  it('hands the dispute to Oman when the agenda turns run out', () => {
    let s = createGame(scenario, 'a', hotseat);
    for (let i = 0; i < scenario.agenda.turns; i++)
      s = act(s, { type: 'propose-agenda', issues: s.toMove === 'us' ? ['missiles', 'regional'] : [] });
    expect(s.phase).toBe('rounds');
    expect(s.agenda.on.filter((id) => scenario.agenda.contested.includes(id))).toEqual(scenario.agenda.mediatorCompromise);
  });
});

describe('rounds at the table', () => {
  it('a walkout ends the talks', () => {
    const s = act(atTheTable(), { type: 'walkout' });
    expect(s.phase).toBe('ended');
    expect(s.outcome?.kind).toBe('walkout');
    expect(s.outcome?.by).toBe(scenario.firstMover);
  });

  it('accepting the standing offer makes a deal on those terms', () => {
    let s = atTheTable();
    const proposer = s.toMove;
    s = act(s, { type: 'propose', terms: idealTerms(s, proposer) });
    s = act(s, { type: 'accept' });
    expect(s.outcome?.kind).toMatch(/deal$/);
    expect(s.outcome?.deal).toEqual(s.offers[proposer]);
  });

  it('refuses an offer that leaves out an agenda issue, naming it', () => {
    const s = atTheTable();
    const terms = idealTerms(s, 'us');
    delete terms.missiles;
    const result = applyAction(scenario, s, s.toMove, { type: 'propose', terms });
    expect(result).toEqual({ ok: false, error: 'propose: no option given for agenda issue "missiles"' });
  });

  it('refuses a move out of turn', () => {
    const s = atTheTable();
    const other = s.toMove === 'us' ? 'iran' : 'us';
    expect(applyAction(scenario, s, other, { type: 'recess' })).toMatchObject({ ok: false });
  });

  it('a recess ends the round early and lowers tension', () => {
    const s0 = atTheTable();
    const s1 = act(s0, { type: 'recess' });
    expect(s1.round).toBe(s0.round + 1);
    expect(s1.risk.find((r) => r.ref === 'recess')?.tension).toBeLessThan(0);
  });

  it('a threat raises the hazard and domestic support', () => {
    const s0 = atTheTable();
    const s1 = act(s0, { type: 'statement', tone: 'threat' });
    const entry = s1.risk.find((r) => r.ref === 'statement-threat');
    expect(entry && entry.hazardAfter > entry.hazardBefore).toBe(true);
    expect(s1.support[s0.toMove]).toBeGreaterThan(s0.support[s0.toMove]!);
  });

  it('a concession moves one issue one step towards the other side and costs support', () => {
    let s = atTheTable();
    s = act(s, { type: 'propose', terms: idealTerms(s, s.toMove) });
    s = act(s, { type: 'propose', terms: idealTerms(s, s.toMove) });
    const first = s.toMove; // a new round: both sides now have offers on the table
    const before = s.offers[first] as number[];
    const supportBefore = s.support[first];
    s = act(s, { type: 'concede', issue: 'enrichment' }, first);
    const after = s.offers[first] as number[];
    expect(after.filter((o, i) => o !== before[i])).toHaveLength(1);
    expect(Math.abs((after[0] as number) - (before[0] as number))).toBe(1);
    expect(s.support[first]).toBeLessThan(supportBefore!);
  });

  it('makes exactly one escalation draw per round, whatever happens', () => {
    const { state } = playGame(scenario, 'draws', { us: 'ai:tit-for-tat', iran: 'ai:tit-for-tat', difficulty: 'normal' });
    const draws = state.risk.filter((r) => r.cause === 'draw');
    expect(draws.map((d) => d.round)).toEqual(Array.from({ length: state.round }, (_, i) => i + 1));
  });

  it('explains every change in risk with its cause', () => {
    const { state } = playGame(scenario, 'explain', { us: 'ai:hardliner', iran: 'ai:hardliner', difficulty: 'normal' });
    for (const r of state.risk) {
      expect(['move', 'event', 'domestic', 'agenda', 'decay', 'draw', 'facilitator']).toContain(r.cause);
      expect(r.text.length).toBeGreaterThan(5);
    }
  });

  it('never mutates the state it was given', () => {
    const s = atTheTable();
    const frozen = JSON.stringify(s);
    act(s, { type: 'propose', terms: idealTerms(s, s.toMove) });
    expect(JSON.stringify(s)).toBe(frozen);
  });
});

describe('determinism', () => {
  const settings: Settings = { us: 'ai:tit-for-tat', iran: 'ai:boulware', difficulty: 'normal' };

  it('same scenario, seed and policies give the same game byte for byte', () => {
    const a = playGame(scenario, 'same', settings);
    const b = playGame(scenario, 'same', settings);
    expect(JSON.stringify(a.state)).toBe(JSON.stringify(b.state));
  });

  it('a different seed gives a different game', () => {
    expect(stateChecksum(playGame(scenario, 'one', settings).state)).not.toBe(stateChecksum(playGame(scenario, 'two', settings).state));
  });

  it('the whole state survives a JSON round trip', () => {
    const { state } = playGame(scenario, 'json', settings);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });
});
