// The words of a deal count right (issue 15, point 10): "settling 5 issue(s)" for six agenda issues
// read as a miscount; the reason names how many of the agenda's issues were settled and how many not.
import { describe, expect, it } from 'vitest';
import { spaceOf } from '../../src/core/negotiation/space';
import { playGame } from '../../src/core/play';
import { loadShipped } from '../support/scenarios';

const { scenario } = loadShipped('muscat-2026');
const space = spaceOf(scenario);

describe('a deal’s reason', () => {
  it('counts the agenda’s issues, settled and left open, with plurals', () => {
    let deals = 0;
    let partial = 0;
    for (let i = 0; i < 120; i++) {
      const { state } = playGame(scenario, `words-${i}`, { us: 'random', iran: 'ai:conceder', difficulty: 'normal' });
      const outcome = state.outcome;
      if (!outcome?.deal) continue;
      deals++;
      const onAgenda = state.agenda.on.length;
      const settled = outcome.deal.filter((o, k) => state.agenda.on.includes(space.ids[k] as string) && o !== space.notCovered[k]).length;
      const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
      if (settled === onAgenda) expect(outcome.reason).toMatch(new RegExp(`settling all ${plural(onAgenda, 'issue')} on the agenda\\.$`));
      else {
        partial++;
        expect(outcome.reason).toMatch(
          new RegExp(
            `settling ${settled} of the ${plural(onAgenda, 'issue')} on the agenda and leaving ${plural(onAgenda - settled, 'issue')} with no agreement\\.$`,
          ),
        );
      }
      expect(outcome.reason).not.toMatch(/\(s\)/);
    }
    expect(deals).toBeGreaterThan(20);
    expect(partial).toBeGreaterThan(0);
  });
});
