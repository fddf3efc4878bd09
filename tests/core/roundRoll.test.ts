// Issue 15, point 2: the round-end escalation roll, described read-only from the risk log and the
// round's escalation stream.
import { describe, expect, it } from 'vitest';
import { describeRoll, escalationDraw, roundRolls } from '../../src/core/escalation/roundRoll';
import { playGame, stateChecksum } from '../../src/core/play';
import { draw, seedStream } from '../../src/core/rng';
import type { Settings } from '../../src/core/types';
import { loadShipped } from '../support/scenarios';

const { scenario } = loadShipped('muscat-2026');
const settings: Settings = { us: 'ai:tit-for-tat', iran: 'ai:boulware', difficulty: 'normal' };

function gameWithClimb() {
  for (let i = 0; i < 200; i++) {
    const seed = `roll-${i}`;
    const { state } = playGame(scenario, seed, settings);
    const climb = roundRolls(scenario, state).find((r) => r.move === 'up');
    if (climb) return { seed, state, climb };
  }
  throw new Error('no seed with a climb at round end');
}

describe('roundRolls', () => {
  it('describes a round-end climb: from and to rung, hazard, roll under it, and its causes', () => {
    const { seed, state, climb } = gameWithClimb();
    const before = stateChecksum(state);
    const entry = state.risk[climb.index];
    expect(entry?.cause).toBe('draw');
    expect(climb.to).toBe(climb.from + 1);
    expect(climb.to).toBe(entry?.rung);
    expect(climb.fromName).toBe(scenario.ladder.rungs[climb.from]?.name);
    expect(climb.toName).toBe(scenario.ladder.rungs[climb.to]?.name);
    expect(climb.hazard).toBe(entry?.hazardBefore);
    // The draw's own log text names the hazard it climbed with.
    expect(entry?.text).toContain(`${(climb.hazard * 100).toFixed(1)}% hazard the crisis climbed`);
    expect(climb.roll).toBe(draw(seedStream(seed, `escalation:${climb.round}`)));
    expect(climb.roll).toBeLessThan(climb.hazard);
    // The causes are this round's entries that raised the hazard, in the risk log's order.
    const round = state.risk.slice(0, climb.index).filter((e) => e.round === climb.round && e.cause !== 'draw');
    expect(climb.causes.map((c) => c.text)).toEqual(round.filter((e) => e.hazardAfter > e.hazardBefore).map((e) => e.text));
    for (const c of climb.causes) expect(c.delta).toBeGreaterThan(0);
    // Read-only: the state is untouched.
    expect(stateChecksum(state)).toBe(before);
  });

  it('agrees with the rule for every draw of many games: a climb only under the hazard', () => {
    let climbs = 0;
    for (let i = 0; i < 60; i++) {
      const seed = `roll-all-${i}`;
      const { state } = playGame(scenario, seed, settings);
      for (const r of roundRolls(scenario, state)) {
        expect(r.roll).toBe(escalationDraw(seed, r.round));
        if (r.move === 'up') {
          climbs++;
          expect(r.roll).toBeLessThan(r.hazard);
        }
        if (r.move === 'down') expect(r.roll).toBeGreaterThan(1 - scenario.ladder.descendChance);
      }
    }
    expect(climbs).toBeGreaterThan(0);
  });

  it('words the roll, and leaves out the numbers when the hazard is hidden', () => {
    const { climb } = gameWithClimb();
    const shown = describeRoll(climb, true);
    expect(shown.title).toBe(`The ladder climbs: ${climb.fromName} → ${climb.toName}`);
    expect(shown.sentence).toContain(`${(climb.hazard * 100).toFixed(1)}%`);
    expect(shown.lines.join('\n')).toContain(`Roll ${climb.roll.toFixed(3)}`);
    const hidden = describeRoll(climb, false);
    expect(hidden.title).toBe(shown.title);
    expect(`${hidden.sentence}\n${hidden.lines.join('\n')}`).not.toMatch(/%|Roll \d/);
  });
});
