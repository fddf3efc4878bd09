// Property tests: any sequence of legal actions from any seed never throws, keeps every meter in
// range and ends; replaying the log equals the live game; saving and resuming changes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lengthsOf } from '../../src/core/checksum';
import { agendaMask, spaceOf } from '../../src/core/negotiation/space';
import { stateChecksum, turnChecksum } from '../../src/core/play';
import { makeReplay, readReplay, verifyReplay } from '../../src/core/replay';
import { applyAction, concedableIssues, legalActionTypes } from '../../src/core/rules';
import type { Scenario } from '../../src/core/scenario/schema';
import { createGame } from '../../src/core/state';
import type { Action, GameState, Settings } from '../../src/core/types';
import { loadShipped } from '../support/scenarios';

const muscat = loadShipped('muscat-2026');
const hotseat: Settings = { us: 'human', iran: 'human', difficulty: 'normal' };

/** Turns a stream of random numbers into a legal action for the side to move. */
function legalFrom(scenario: Scenario, state: GameState, picks: number[]): Action {
  let k = 0;
  const pick = (n: number) => Math.floor((picks[k++ % picks.length] ?? 0) * n) % Math.max(1, n);
  const types = legalActionTypes(scenario, state, state.toMove);
  const type = types[pick(types.length)] ?? 'walkout';
  const space = spaceOf(scenario);
  switch (type) {
    case 'propose-agenda':
      return { type, issues: scenario.agenda.contested.filter(() => pick(2) === 1) };
    case 'propose': {
      const mask = agendaMask(space, state.agenda.on);
      const terms: Record<string, string> = {};
      space.issues.forEach((issue, i) => {
        if (mask[i]) terms[issue.id] = issue.options[pick(issue.options.length)]?.id ?? '';
      });
      return { type, terms };
    }
    case 'concede': {
      const issues = concedableIssues(scenario, state, state.toMove);
      return { type, issue: issues[pick(issues.length)] ?? '' };
    }
    case 'statement':
      return { type, tone: (['conciliatory', 'firm', 'threat'] as const)[pick(3)] ?? 'firm', reason: 'fuzz' };
    case 'guess':
      return { type, priority: space.ids[pick(space.ids.length)] ?? '', redLine: space.ids[pick(space.ids.length)] ?? '' };
    default:
      return { type } as Action;
  }
}

function checkInvariants(scenario: Scenario, s: GameState): void {
  for (const side of ['us', 'iran'] as const) {
    expect(s.support[side]).toBeGreaterThanOrEqual(0);
    expect(s.support[side]).toBeLessThanOrEqual(100);
  }
  expect(s.rung).toBeGreaterThanOrEqual(0);
  expect(s.rung).toBeLessThan(scenario.ladder.rungs.length);
  expect(Math.abs(s.tension)).toBeLessThanOrEqual(scenario.ladder.maxTension);
  expect(s.hazard).toBeGreaterThanOrEqual(0);
  expect(s.hazard).toBeLessThanOrEqual(1);
  expect(s.round).toBeLessThanOrEqual(s.deadline);
  if (s.outcome) for (const side of ['us', 'iran'] as const) expect(Number.isFinite(s.outcome.scores[side])).toBe(true);
}

const seedArb = fc.string({ minLength: 1, maxLength: 24 }).filter((s) => s.trim().length > 0);
const picksArb = fc.array(fc.double({ min: 0, max: 0.999999, noNaN: true }), { minLength: 8, maxLength: 400 });

describe('random legal play (fast-check)', () => {
  it('never throws, keeps every meter in range, and ends', () => {
    fc.assert(
      fc.property(seedArb, picksArb, (seed, picks) => {
        const { scenario } = muscat;
        let s = createGame(scenario, seed.trim(), hotseat);
        let turns = 0;
        while (s.phase !== 'ended') {
          const action = legalFrom(scenario, s, picks.slice(turns % picks.length).concat(picks));
          const result = applyAction(scenario, s, s.toMove, action);
          expect(result.ok, result.ok ? '' : result.error).toBe(true);
          if (!result.ok) return;
          s = result.state;
          checkInvariants(scenario, s);
          turns++;
          expect(turns).toBeLessThan(4 * scenario.rounds + 20);
        }
        expect(s.outcome).not.toBeNull();
      }),
      { numRuns: 150 },
    );
  });

  it('replaying the log equals the live game at every turn, and save/load mid-game changes nothing', () => {
    fc.assert(
      fc.property(seedArb, picksArb, fc.double({ min: 0, max: 1, noNaN: true }), (seed, picks, cut) => {
        const { scenario, sha256 } = muscat;
        let live = createGame(scenario, seed.trim(), { us: 'human', iran: 'ai:tit-for-tat', difficulty: 'normal' });
        const log: { turn: number; side: string; action: Action }[] = [];
        const checksums: string[] = [];
        const states: GameState[] = [];
        let saved: { at: number; json: string } | null = null;
        while (live.phase !== 'ended') {
          const action = legalFrom(scenario, live, picks.slice(log.length % picks.length).concat(picks));
          const side = live.toMove;
          const result = applyAction(scenario, live, side, action);
          if (!result.ok) throw new Error(result.error);
          checksums.push(turnChecksum(checksums[checksums.length - 1] ?? '', lengthsOf(live), result.state));
          live = result.state;
          log.push({ turn: live.turn, side, action });
          states.push(live);
          if (!saved && log.length >= Math.floor(cut * 30)) saved = { at: log.length, json: JSON.stringify(live) };
        }
        const replay = makeReplay({
          scenario,
          scenarioHash: sha256,
          seed: seed.trim(),
          settings: live.settings,
          log,
          checksums,
          finalState: live,
        });
        const read = readReplay(JSON.parse(JSON.stringify(replay)));
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        const verified = verifyReplay(scenario, sha256, read.replay, { keepStates: true });
        expect(verified.ok).toBe(true);
        if (!verified.ok) return;
        verified.states?.forEach((s, i) => {
          expect(stateChecksum(s)).toBe(stateChecksum(states[i] as GameState));
        });
        if (saved) {
          let resumed = JSON.parse(saved.json) as GameState;
          for (const entry of log.slice(saved.at)) {
            const r = applyAction(scenario, resumed, entry.side, entry.action);
            if (!r.ok) throw new Error(r.error);
            resumed = r.state;
          }
          expect(stateChecksum(resumed)).toBe(replay.final);
        }
      }),
      { numRuns: 60 },
    );
  });
});
