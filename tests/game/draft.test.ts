// Issue 15, point 1: the package the player is building at the table survives every move that is
// not a proposal of it (a statement, a recess, the counterpart's reply, a facilitator's action), and
// goes back to the player's standing offer only when it is proposed or no longer applies.
import { afterEach, describe, expect, it } from 'vitest';
import { automationApi } from '../../src/app/automation';
import { idealPackage, packageToTerms, spaceOf } from '../../src/core/negotiation/space';
import type { Terms } from '../../src/core/types';
import { atTheTable, type Booted, begunSession, playedSession } from './harness';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.destroy();
  booted = null;
});

/** The options the board shows as in the draft (pressed chips), issue id → option id. */
function boardDraft(b: Booted): Terms {
  const out: Terms = {};
  for (const el of b.buttons())
    if (el.getAttribute('aria-pressed') === 'true' && el.dataset.key?.startsWith('opt-')) {
      const s = b.app.session;
      const issue = s?.scenario.issues.find((i) => el.dataset.key?.startsWith(`opt-${i.id}-`));
      if (issue) out[issue.id] = el.dataset.key.slice(`opt-${issue.id}-`.length);
    }
  return out;
}

describe('the draft package at the table', () => {
  it('is kept across a statement, a recess and the replies, before any proposal', async () => {
    booted = await atTheTable();
    const { app } = booted;
    const api = automationApi(app);
    const s = app.session;
    if (!s) throw new Error('no session');
    expect(s.game.offers.us).toBeNull();
    const space = spaceOf(s.scenario);
    const ideal = packageToTerms(space, idealPackage(space, 'us', s.mask), s.mask);
    expect((api.state() as { draft: Terms }).draft).toEqual(ideal);

    booted.button(/^Uranium enrichment: Capped at 3\.67%/).click();
    const edited = { ...ideal, enrichment: 'cap-3-67' };
    expect(edited).not.toEqual(ideal);
    expect((api.state() as { draft: Terms }).draft).toEqual(edited);

    const turn = s.game.turn;
    booted.button(/^Make a firm public statement/).click();
    expect(app.lastError).toBeNull();
    // The counterpart has replied inside the same step.
    expect(s.game.turn - turn).toBeGreaterThanOrEqual(2);
    expect((api.state() as { draft: Terms }).draft).toEqual(edited);
    expect(boardDraft(booted)).toEqual(edited);
    expect(booted.button(/^Uranium enrichment: Capped at 3\.67%/).getAttribute('aria-pressed')).toBe('true');

    for (let i = 0; i < 6 && booted.buttons().some((x) => /^(Next event|Back to the table)/.test(x.getAttribute('aria-label') ?? '')); i++)
      booted.button(/^(Next event|Back to the table)/).click();
    expect(s.can('recess')).toBe(true);
    expect(app.act({ type: 'recess' })).toBeNull();
    expect((api.state() as { draft: Terms }).draft).toEqual(edited);
    expect(app.session?.draft).toEqual(edited);

    // A facilitator's action is not a proposal either.
    expect(app.facilitate({ type: 'show-hazard', visible: false })).toBeNull();
    expect(app.session?.draft).toEqual(edited);
  });

  it('after a proposal follows the new standing offer, then keeps the next edits across moves', async () => {
    booted = await atTheTable();
    const { app } = booted;
    const s = app.session;
    if (!s) throw new Error('no session');
    booted.button(/^Uranium enrichment: Capped at 3\.67%/).click();
    const proposed = { ...s.draft };
    booted.button(/^Propose your draft package/).click();
    expect(app.lastError).toBeNull();
    expect(s.draft).toEqual(proposed);

    for (let i = 0; i < 6 && booted.buttons().some((x) => /^(Next event|Back to the table)/.test(x.getAttribute('aria-label') ?? '')); i++)
      booted.button(/^(Next event|Back to the table)/).click();
    const issue = s.scenario.issues.find((i) => s.game.agenda.on.includes(i.id) && i.id !== 'enrichment');
    const other = issue?.options.find((o) => o.id !== proposed[issue.id]);
    if (!issue || !other) throw new Error('no second issue');
    s.setDraftOption(issue.id, other.id);
    const edited = { ...proposed, [issue.id]: other.id };
    expect(app.act({ type: 'statement', tone: 'conciliatory' })).toBeNull();
    expect(s.draft).toEqual(edited);
  });

  it('a new game starts from the ideal package again', async () => {
    booted = await atTheTable();
    booted.button(/^Uranium enrichment: Capped at 3\.67%/).click();
    expect(booted.app.session?.draft.enrichment).toBe('cap-3-67');
    const session = playedSession({ stop: (x) => x.phase === 'rounds', moves: () => ({ type: 'force-agenda' }) });
    booted.app.resume(session.persisted());
    expect(booted.app.session?.draft.enrichment).not.toBe('cap-3-67');
  });

  it('hot seat: each team finds its own edited draft again after the other team has moved', () => {
    const s = begunSession({ seed: 'draft-hotseat', mode: 'hotseat' });
    for (let i = 0; i < 10 && s.phase === 'agenda'; i++) {
      s.seat(s.game.toMove);
      expect(s.act({ type: 'force-agenda' })).toBeNull();
    }
    expect(s.phase).toBe('rounds');
    const first = s.game.toMove;
    s.seat(first);
    const issue = s.scenario.issues.find((i) => s.game.agenda.on.includes(i.id));
    const other = issue?.options.find((o) => o.id !== s.draft[issue.id]);
    if (!issue || !other) throw new Error('no issue to edit');
    s.setDraftOption(issue.id, other.id);
    const edited = { ...s.draft };
    expect(s.act({ type: 'statement', tone: 'firm' })).toBeNull();
    s.seat(s.game.toMove);
    expect(s.side).not.toBe(first);
    expect(s.act({ type: 'statement', tone: 'conciliatory' })).toBeNull();
    s.seat(first);
    expect(s.draft).toEqual(edited);
  });
});
