// The table's "Oman: propose a bridge" button says before the click whether Oman would bridge, and
// why not; in the unavailable state pressing it does not spend the player's turn.
import { afterEach, describe, expect, it } from 'vitest';
import { bridgeStatus } from '../../src/core/negotiation/bridge';
import { type Booted, bootGame, playedSession, showing } from './harness';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.destroy();
  booted = null;
});

/** Clicks through the round's event cards until the table's moves are live. */
function dismissCards(b: Booted): void {
  for (let i = 0; i < 6 && b.buttons().some((x) => /^(Next event|Back to the table)/.test(x.getAttribute('aria-label') ?? '')); i++)
    b.button(/^(Next event|Back to the table)/).click();
}

/** Both opening offers on the table, the player (US) to move: the two ideals, far apart. */
const wideApart = () =>
  playedSession({
    stop: (s) => s.phase === 'rounds' && s.game.offers.us !== null && s.game.offers.iran !== null && s.isMyTurn,
    moves: (s) => (s.phase === 'agenda' ? { type: 'force-agenda' } : { type: 'propose', terms: { ...s.draft } }),
  });

describe('the bridge button', () => {
  it('is disabled with the reason, and pressing it does not waste the turn', async () => {
    const session = wideApart();
    const status = bridgeStatus(session.scenario, session.game);
    expect(status.available).toBe(false);
    booted = await bootGame();
    booted.app.resume(session.persisted());
    await showing(booted, 'rounds');
    dismissCards(booted);
    const button = booted.button(/^Ask Oman for a bridging proposal/);
    expect(button.getAttribute('aria-label')).toMatch(
      /^Ask Oman for a bridging proposal: not now\. Oman cannot bridge yet: the offers are \d+ points apart; it bridges when the gap is at most 30$/,
    );
    expect(button.getAttribute('aria-description')).toBe(status.reason);
    expect(button.disabled).toBe(true);
    // The recess is not affected.
    expect(booted.button(/^Ask Oman for a recess/).disabled).toBe(false);
    const game = booted.app.session?.game;
    const [turn, entries] = [game?.turn, game?.log.length];
    button.click();
    const after = booted.app.session?.game;
    expect(after?.turn).toBe(turn);
    expect(after?.log.length).toBe(entries);
    expect(after?.log.some((e) => e.ref === 'bridge-refused')).toBe(false);
    // The API lists what the buttons offer: no bridge, still a recess.
    const types = booted.app.session?.legalActions().map((a) => a.type) ?? [];
    expect(types).not.toContain('bridge');
    expect(types).toContain('recess');
  });

  it('is enabled and says how close the offers are when Oman would bridge', async () => {
    const session = wideApart();
    // Iran's offer one option away from the US offer: a gap Oman bridges.
    const us = session.game.offers.us as number[];
    const near = [...us];
    const i = session.mask.findIndex((on, k) => on && session.scenario.issues[k] !== undefined && (us[k] as number) > 0);
    near[i] = (near[i] as number) - 1;
    const saved = session.persisted();
    const state = structuredClone(saved);
    (state as unknown as { context: { game: { offers: { iran: number[] } } } }).context.game.offers.iran = near;
    booted = await bootGame();
    booted.app.resume(state);
    await showing(booted, 'rounds');
    const status = bridgeStatus(booted.app.session?.scenario ?? session.scenario, booted.app.session?.game ?? session.game);
    expect(status.available).toBe(true);
    dismissCards(booted);
    const button = booted.button(/^Ask Oman for a bridging proposal/);
    expect(button.disabled).toBe(false);
    expect(button.getAttribute('aria-label')).toMatch(
      /^Ask Oman for a bridging proposal: the offers are \d+ points apart, within the 30 Oman bridges$/,
    );
    expect(booted.app.session?.legalActions().map((a) => a.type)).toContain('bridge');
    button.click();
    expect(booted.app.session?.game.log.some((e) => e.ref === 'bridge')).toBe(true);
  });
});
