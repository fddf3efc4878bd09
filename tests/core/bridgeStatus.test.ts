// bridgeStatus: whether Oman would table a bridge if asked now, and why not, agreeing with the rules.
import { describe, expect, it } from 'vitest';
import { bridgeStatus, offerGap } from '../../src/core/negotiation/bridge';
import { agendaMask, idealPackage, packageToTerms, spaceOf } from '../../src/core/negotiation/space';
import { applyAction, concedableIssues } from '../../src/core/rules';
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

function atTheTable(): GameState {
  let s = createGame(scenario, 'bridge-status', hotseat);
  s = act(s, { type: 'propose-agenda', issues: ['missiles'] });
  return act(s, { type: 'accept-agenda' });
}

const ideal = (state: GameState, side: string) => {
  const space = spaceOf(scenario);
  const mask = agendaMask(space, state.agenda.on);
  return packageToTerms(space, idealPackage(space, side, mask), mask);
};

/** Both sides propose their own ideal package: as far apart as the offers get. */
function wideApart(): GameState {
  let s = atTheTable();
  s = act(s, { type: 'propose', terms: ideal(s, s.toMove) });
  return act(s, { type: 'propose', terms: ideal(s, s.toMove) });
}

/** At the table with both offers in, then Iran's offer set one option away from the US offer on one issue: a small gap. */
function closeTogether(): GameState {
  const s = structuredClone(wideApart());
  const us = s.offers.us! as number[];
  const space = spaceOf(scenario);
  const mask = agendaMask(space, s.agenda.on);
  const near = [...us];
  const i = near.findIndex((_, k) => mask[k] && (space.sizes[k] ?? 0) > 1);
  near[i] = (near[i] as number) > 0 ? (near[i] as number) - 1 : 1;
  s.offers.iran! = near;
  return s;
}

describe('bridgeStatus', () => {
  it('is not available before the table, nor before both offers are on it, and says so', () => {
    const agenda = createGame(scenario, 'bridge-status', hotseat);
    expect(bridgeStatus(scenario, agenda)).toMatchObject({
      available: false,
      reason: 'Oman cannot bridge yet: the talks have not reached the table',
    });
    const table = atTheTable();
    expect(bridgeStatus(scenario, table)).toMatchObject({
      available: false,
      gap: null,
      reason: 'Oman cannot bridge yet: it needs both offers on the table, and US and Iran have none',
    });
    const one = act(table, { type: 'propose', terms: ideal(table, table.toMove) });
    expect(bridgeStatus(scenario, one).reason).toBe(
      `Oman cannot bridge yet: it needs both offers on the table, and ${scenario.parties[one.toMove]!.short} has none`,
    );
  });

  it('a wide gap: not available, with the gap and the scenario threshold in points', () => {
    const s = wideApart();
    const gap = offerGap(scenario, s) as number;
    expect(scenario.mediator.bridgeGap).toBe(0.3);
    expect(gap).toBeGreaterThan(0.3);
    const status = bridgeStatus(scenario, s);
    expect(status.available).toBe(false);
    expect(status.gap).toBe(gap);
    expect(status.threshold).toBe(0.3);
    expect(status.reason).toBe(
      `Oman cannot bridge yet: the offers are ${Math.round(gap * 100)} points apart; it bridges when the gap is at most 30`,
    );
    // The rules agree: asking now only logs Oman's refusal, and no bridge is tabled.
    const after = act(s, { type: 'bridge' });
    expect(after.bridge).toBeNull();
    expect(after.log.at(-1)?.ref).toBe('bridge-refused');
  });

  it('a narrow gap: available, and the rules table a bridge', () => {
    const s = closeTogether();
    const gap = offerGap(scenario, s) as number;
    expect(gap).toBeLessThanOrEqual(0.3);
    const status = bridgeStatus(scenario, s);
    expect(status).toEqual({ available: true, gap, threshold: 0.3, reason: null });
    expect(act(s, { type: 'bridge' }).bridge).not.toBeNull();
  });

  it('a gap just above the threshold never reads as at or below it', () => {
    const s = wideApart();
    const gap = offerGap(scenario, s) as number;
    const tight = { ...scenario, mediator: { ...scenario.mediator, bridgeGap: gap - 0.0001 } };
    const reason = bridgeStatus(tight, s).reason ?? '';
    const [shown, threshold] = [...reason.matchAll(/(\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]));
    expect(shown).toBeGreaterThan(threshold as number);
    expect(reason).toMatch(/the offers are \d+\.\d+ points apart; it bridges when the gap is at most \d+\.\d+$/);
  });

  it('agrees with the rules on every turn of games where the offers close in', () => {
    let seen = { available: 0, refused: 0 };
    for (const seed of ['a', 'b', 'c']) {
      let s = createGame(scenario, seed, hotseat);
      s = act(s, { type: 'propose-agenda', issues: ['missiles'] });
      s = act(s, { type: 'accept-agenda' });
      s = act(s, { type: 'propose', terms: ideal(s, s.toMove) });
      s = act(s, { type: 'propose', terms: ideal(s, s.toMove) });
      for (let i = 0; i < 40 && s.phase === 'rounds'; i++) {
        const status = bridgeStatus(scenario, s);
        const asked = act(s, { type: 'bridge' });
        const tabled = asked.log.slice(s.log.length).some((e) => e.ref === 'bridge');
        expect(tabled).toBe(status.available);
        seen = status.available ? { ...seen, available: seen.available + 1 } : { ...seen, refused: seen.refused + 1 };
        const issue = concedableIssues(scenario, s, s.toMove)[0];
        if (!issue) break;
        s = act(s, { type: 'concede', issue });
      }
    }
    expect(seen.available).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  });
});
