import { describe, expect, it } from 'vitest';
import { lengthsOf } from '../../src/core/checksum';
import { compareTables, perceptionTruth, riskByCause, scorePerception, tablesToCsv } from '../../src/core/classroom';
import { playGame, turnChecksum } from '../../src/core/play';
import { makeReplay, verifyReplay } from '../../src/core/replay';
import { applyAction, applySeatAction } from '../../src/core/rules';
import { createGame } from '../../src/core/state';
import type { Action, FacilitatorAction, GameState, Settings } from '../../src/core/types';
import { loadShipped } from '../support/scenarios';

const { scenario, sha256 } = loadShipped('muscat-2026');
const hotseat: Settings = { us: 'human', iran: 'human', difficulty: 'normal' };

function seat(state: GameState, who: string, action: Action | FacilitatorAction): GameState {
  const r = applySeatAction(scenario, state, who, action);
  if (!r.ok) throw new Error(r.error);
  return r.state;
}

function atTable(): GameState {
  let s = createGame(scenario, 'class', hotseat);
  s = seat(s, 'us', { type: 'force-agenda', reason: 'Missiles must be on the table or Congress walks.' });
  return s;
}

describe('the decision journal', () => {
  it('keeps each team’s one-line reasons as its position memo', () => {
    let s = atTable();
    s = seat(s, s.toMove, { type: 'statement', tone: 'firm', reason: 'Show the hardliners we are not folding.' });
    expect(s.journal.map((j) => [j.side, j.move, j.reason])).toEqual([
      ['us', 'force-agenda', 'Missiles must be on the table or Congress walks.'],
      [expect.any(String), 'statement', 'Show the hardliners we are not folding.'],
    ]);
  });

  it('refuses a reason longer than a line', () => {
    const r = applyAction(scenario, createGame(scenario, 'x', hotseat), 'us', { type: 'force-agenda', reason: 'x'.repeat(201) });
    expect(r).toEqual({ ok: false, error: 'reason must be text of at most 200 characters' });
  });
});

describe('perception checks', () => {
  it('lets either team guess privately once a round, without using its turn', () => {
    let s = atTable();
    const waiting = s.toMove === 'us' ? 'iran' : 'us';
    const truth = perceptionTruth(scenario, s, s.toMove);
    s = seat(s, waiting, { type: 'guess', priority: truth.priority, redLine: 'prisoners' });
    expect(s.toMove).not.toBe(waiting);
    expect(applyAction(scenario, s, waiting, { type: 'guess', priority: 'sanctions', redLine: 'sanctions' })).toMatchObject({ ok: false });
    const score = scorePerception(scenario, s)[waiting]!;
    expect(score.guesses[0]).toMatchObject({ priorityRight: true });
    expect(score.accuracy).toBe(truth.redLine === 'prisoners' ? 1 : 0.5);
  });
});

describe('the facilitator', () => {
  it('injects an event whose risk is marked as the facilitator’s, and replays exactly', () => {
    let s = atTable();
    const hazard = s.hazard;
    s = seat(s, 'facilitator', { type: 'inject', event: 'drone-downed' });
    s = seat(s, 'facilitator', {
      type: 'inject-custom',
      title: 'Tanker seized',
      text: 'A tanker is boarded at night.',
      severity: 'nonviolent',
      effects: { tension: 5 },
    });
    expect(s.hazard).toBeGreaterThan(hazard);
    const facilitated = s.risk.filter((r) => r.cause === 'facilitator');
    expect(facilitated.map((r) => r.ref)).toEqual(['drone-downed', expect.stringMatching(/^custom-/)]);
    expect(riskByCause(s).facilitator).toBe(12 + 12 + 5);

    s = seat(s, 'facilitator', { type: 'pause', paused: true });
    expect(applyAction(scenario, s, s.toMove, { type: 'recess' })).toEqual({ ok: false, error: 'the facilitator has paused the talks' });
    s = seat(s, 'facilitator', { type: 'pause', paused: false });
    s = seat(s, 'facilitator', { type: 'deadline', delta: 2 });
    expect(s.deadline).toBe(scenario.rounds + 2);
    s = seat(s, 'facilitator', { type: 'show-hazard', visible: false });
    expect(s.hazardVisible).toBe(false);
  });

  it('refuses bad facilitator input with a reason', () => {
    const s = atTable();
    expect(applySeatAction(scenario, s, 'facilitator', { type: 'inject', event: 'alien-landing' })).toEqual({
      ok: false,
      error: 'inject: unknown event "alien-landing"',
    });
    expect(applySeatAction(scenario, s, 'facilitator', { type: 'deadline', delta: -40 })).toMatchObject({ ok: false });
    expect(
      applySeatAction(scenario, s, 'facilitator', {
        type: 'inject-custom',
        title: 'x',
        text: 'y',
        severity: 'violent',
        effects: { rung: 7 },
      }),
    ).toEqual({ ok: false, error: 'inject-custom: effects.rung must be a whole number from -2 to 2' });
  });

  it('facilitator turns sit in the replay and verify exactly', () => {
    let s = createGame(scenario, 'fac', { us: 'human', iran: 'human', difficulty: 'normal' });
    const log: { turn: number; side: string; action: Action | FacilitatorAction }[] = [];
    const checksums: string[] = [];
    const play = (who: string, action: Action | FacilitatorAction) => {
      const before = lengthsOf(s);
      s = seat(s, who, action);
      log.push({ turn: s.turn, side: who, action });
      checksums.push(turnChecksum(checksums[checksums.length - 1] ?? '', before, s));
    };
    play('us', { type: 'force-agenda' });
    play('facilitator', { type: 'inject', event: 'hormuz-vessel' });
    play(s.toMove, { type: 'statement', tone: 'threat', reason: 'Deterrence.' });
    play(s.toMove, { type: 'walkout' });
    const replay = makeReplay({ scenario, scenarioHash: sha256, seed: 'fac', settings: s.settings, log, checksums, finalState: s });
    expect(verifyReplay(scenario, sha256, JSON.parse(JSON.stringify(replay)))).toMatchObject({ ok: true });
  });
});

describe('comparing tables', () => {
  it('finds each table’s first divergent round and writes a gradebook CSV', () => {
    const policies = ['ai:tit-for-tat', 'ai:tit-for-tat', 'ai:tit-for-tat', 'ai:hardliner'] as const;
    const tables = policies.map((p, i) => {
      const g = playGame(scenario, 'same-seed', { us: p, iran: 'ai:tit-for-tat', difficulty: 'normal' });
      return { name: `Table ${i + 1}`, state: g.state, log: g.log };
    });
    const summaries = compareTables(scenario, tables);
    expect(summaries.slice(0, 3).map((t) => t.firstDivergentRound)).toEqual([null, null, null]);
    expect(summaries[3]?.firstDivergentRound).not.toBeNull();
    const csv = tablesToCsv(summaries);
    expect(csv.split('\r\n')[0]).toMatch(/^"table","seed","us","iran","outcome"/);
    expect(csv.split('\r\n')).toHaveLength(6);
    expect(csv).toContain('"Table 4","same-seed","ai:hardliner"');
  });
});
