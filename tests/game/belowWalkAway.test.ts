// Issue 15, point 3: "Concede a step" says which option it moves to and what the offer is then worth;
// proposing, accepting or conceding below the walk-away value takes a second press, after a warning.
import { afterEach, describe, expect, it } from 'vitest';
import { spaceOf } from '../../src/core/negotiation/space';
import { atTheTable, type Booted } from './harness';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.destroy();
  booted = null;
});

describe('moves below the walk-away value', () => {
  it('a proposal worth less than the walk-away asks for a second press; one above it does not', async () => {
    booted = await atTheTable();
    const s = booted.app.session;
    if (!s) throw new Error('no session');
    // The worst package for the US: each agenda issue at its option worth least to the US.
    const space = spaceOf(s.scenario);
    for (const [i, issue] of s.scenario.issues.entries()) {
      if (!s.game.agenda.on.includes(issue.id)) continue;
      const evals = space.evals.us![i] as number[];
      const worst = evals.indexOf(Math.min(...evals));
      booted.button(new RegExp(`^${issue.name}: ${issue.options[worst]?.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)).click();
    }
    expect(s.ownUtility(s.draftPackage())).toBeLessThan(s.game.types.us!.reservation);
    const turn = s.game.turn;
    booted.button(/^Propose your draft package/).click();
    expect(s.game.turn).toBe(turn);
    const confirm = booted.button(/^Confirm: Propose your draft package/);
    expect(confirm.getAttribute('aria-label')).toMatch(/Press again to go ahead\.$/);
    expect(document.getElementById('bc-log')?.textContent).toMatch(/Below your walk-away value/);
    confirm.click();
    expect(s.game.turn).toBeGreaterThan(turn);
    expect(s.game.offerHistory.some((o) => o.side === 'us')).toBe(true);
  });

  it('each Concede button names the option it moves to and the offer’s worth after it', async () => {
    booted = await atTheTable();
    const s = booted.app.session;
    if (!s) throw new Error('no session');
    booted.button(/^Propose your draft package/).click();
    const concede = booted.buttons().filter((b) => /^(Concede|Confirm: concede) on /.test(b.getAttribute('aria-label') ?? ''));
    expect(concede.length).toBeGreaterThan(0);
    for (const b of concede)
      expect(b.getAttribute('aria-label')).toMatch(
        /: your offer moves from .+ to .+; your offer is then worth \d+ to you \(now \d+; walk-away \d+\)\./,
      );
  });
});
