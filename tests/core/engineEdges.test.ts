// Issue 18, point 7: what `validate` let through and the engine could not play. A walk-away value of 1
// (scores of −Infinity and NaN), a repeatable event moving the deadline back (talks without end),
// and utilities a rounding error pushes above 1.
import { describe, expect, it } from 'vitest';
import { clampUnit } from '../../src/core/negotiation/space';
import { playGame } from '../../src/core/play';
import { validateScenario } from '../../src/core/scenario/loader';
import { loadShipped } from '../support/scenarios';

const { scenario } = loadShipped('muscat-2026');
const errorsOf = (value: unknown) => {
  const r = validateScenario(value, 'edited.json');
  return r.ok ? [] : r.errors;
};

describe('the validator refuses what the engine cannot play', () => {
  it('a walk-away value that reaches 1', () => {
    const edited = structuredClone(scenario);
    edited.parties.us!.reservation = [1, 1];
    expect(errorsOf(edited).join('\n')).toMatch(/parties\.us\.reservation.*0\.95/);
    edited.parties.us!.reservation = [0.5, 0.95];
    expect(errorsOf(edited)).toEqual([]);
  });

  it('a repeatable event that moves the deadline back, and events that could more than double the talks', () => {
    const edited = structuredClone(scenario);
    const i = edited.events.findIndex((e) => (e.effects.deadline ?? 0) > 0);
    const event = edited.events[i];
    if (!event) throw new Error('no deadline event in the scenario');
    event.effects.deadline = 4;
    event.conditions = { ...event.conditions, once: false };
    expect(errorsOf(edited).join('\n')).toMatch(new RegExp(`events\\[${i}\\] \\(id "${event.id}"\\)\\.effects\\.deadline.*once`));
    // Once each, but many: together they may not take the talks past twice their rounds or 40.
    const many = structuredClone(scenario);
    for (let k = 0; k < 10; k++) many.events.push({ ...structuredClone(event), id: `later-${k}`, conditions: { once: true } });
    expect(errorsOf(many).join('\n')).toMatch(/move the deadline back by \d+ rounds in all/);
  });

  it('the shipped scenarios pass', () => {
    for (const id of ['muscat-2026', 'tutorial'] as const) expect(errorsOf(loadShipped(id).scenario)).toEqual([]);
  });
});

describe('utilities stay in [0, 1]', () => {
  it('clampUnit', () => {
    expect(clampUnit(1.0000000000000002)).toBe(1);
    expect(clampUnit(-1e-17)).toBe(0);
    expect(clampUnit(0.37)).toBe(0.37);
  });

  it('play --seed u1-21 --us ai:boulware --iran random: every recorded utility is within [0, 1]', () => {
    const g = playGame(scenario, 'u1-21', { us: 'ai:boulware', iran: 'random', difficulty: 'normal' });
    const values = [
      g.state.outcome?.utilities.us,
      g.state.outcome?.utilities.iran,
      ...g.state.utilityByRound.flatMap((u) => [u.us, u.iran]),
    ] as number[];
    for (const v of values) expect(v >= 0 && v <= 1, `utility ${v}`).toBe(true);
    for (const s of [g.state.outcome?.scores.us, g.state.outcome?.scores.iran]) expect(Number.isFinite(s)).toBe(true);
  });

  it('a deal worth 1.0000000000000002 to a side records 1', () => {
    const g = playGame(scenario, 'g-5', { us: 'random', iran: 'script:hold-then-accept', difficulty: 'normal' });
    expect(g.state.outcome?.utilities.iran).toBe(1);
    expect(g.state.outcome?.scores.iran).toBeLessThanOrEqual(1);
  });
});
