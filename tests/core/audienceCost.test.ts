// Audience costs (issue 15, point 5; Fearon 1994): a public threat wins support now, but a side that
// then settles below what it publicly demanded pays for the climb-down at home, in proportion to the
// statements it made. Without public statements a concession costs only its usual domestic price.
import { describe, expect, it } from 'vitest';
import { agendaMask, idealPackage, packageToTerms, spaceOf, utility } from '../../src/core/negotiation/space';
import { chooseAction } from '../../src/core/play';
import { applyActionInPlace } from '../../src/core/rules';
import { createGame } from '../../src/core/state';
import { audienceStake } from '../../src/core/table';
import type { GameState, Tone } from '../../src/core/types';
import { loadShipped } from '../support/scenarios';

const { scenario } = loadShipped('muscat-2026');
const space = spaceOf(scenario);

/** The US (a person) opens with its ideal, makes `tones` statements, and waits for Iran's offer. */
function atTheTable(tones: readonly Tone[]): GameState {
  const state = createGame(scenario, 'audience', { us: 'human', iran: 'ai:conceder', difficulty: 'normal' });
  const queue: Parameters<typeof applyActionInPlace>[3][] = [];
  let opened = false;
  for (let guard = 0; guard < 60 && state.phase !== 'ended'; guard++) {
    const side = state.toMove;
    if (side === 'iran') {
      expect(applyActionInPlace(scenario, state, side, chooseAction(scenario, state, side))).toBeNull();
      continue;
    }
    if (state.phase === 'agenda') {
      expect(applyActionInPlace(scenario, state, side, { type: 'force-agenda' })).toBeNull();
      continue;
    }
    if (!opened) {
      const mask = agendaMask(space, state.agenda.on);
      queue.push(
        { type: 'propose', terms: packageToTerms(space, idealPackage(space, 'us', mask), mask) },
        ...tones.map((tone) => ({ type: 'statement' as const, tone })),
      );
      opened = true;
    }
    const next = queue.shift();
    if (!next) return state;
    expect(applyActionInPlace(scenario, state, side, next)).toBeNull();
  }
  throw new Error('the game ended before the US could accept');
}

function acceptAndMeasure(state: GameState): { audience: number; givenUp: number; stake: number } {
  const weights = state.types.us!.weights;
  const givenUp = utility(space, 'us', weights, state.offers.us! ?? []) - utility(space, 'us', weights, state.offers.iran! ?? []);
  const stake = audienceStake(scenario, state, 'us');
  const logged = state.log.length;
  expect(applyActionInPlace(scenario, state, 'us', { type: 'accept' })).toBeNull();
  const entry = state.log
    .slice(logged)
    .find((e) => e.kind === 'domestic' && e.side === 'us' && e.text.includes('backing down from its public statements'));
  const audience = entry ? Number(/fell ([\d.]+) to/.exec(entry.text)?.[1] ?? Number.NaN) : 0;
  return { audience, givenUp, stake };
}

describe('audience costs', () => {
  it('cost nothing to a side that made no public statement', () => {
    const r = acceptAndMeasure(atTheTable([]));
    expect(r.stake).toBe(0);
    expect(r.audience).toBe(0);
  });

  it('make accepting below one’s public demand cost support, in proportion to the threats made', () => {
    const one = acceptAndMeasure(atTheTable(['threat']));
    const two = acceptAndMeasure(atTheTable(['threat', 'threat']));
    expect(one.stake).toBe(scenario.statements.threat.audienceCost);
    expect(two.stake).toBe(2 * (scenario.statements.threat.audienceCost ?? 0));
    for (const r of [one, two]) {
      expect(r.givenUp).toBeGreaterThan(0);
      expect(r.audience).toBeCloseTo(Math.min(r.stake * r.givenUp * 10, 100), 1);
    }
    expect(two.audience / two.givenUp).toBeCloseTo((2 * one.audience) / one.givenUp, 0);
  });

  it('a threat still raises support when it is made: the cost comes only with the climb-down', () => {
    const before = atTheTable([]).support.us!;
    expect(atTheTable(['threat']).support.us!).toBeGreaterThan(before);
  });
});
