// One click, one move (issue 18, point 4): the second click of a double-click lands on the same
// button, redrawn for the next turn once the AI has answered (or on the next screen's button), and
// must not play a second move. Clicks are dispatched as a browser sends them: `detail` counts the
// clicks of a multi-click (1, then 2); Enter and Space send 0.
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/app';
import { atTheTable, type Booted, bootGame, showing } from './harness';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.destroy();
  booted = null;
});

/** Clicks the DOM mirror's control `key` as it is now (the element under the pointer), with a click count. */
function click(key: string, detail: number): void {
  const el = document.querySelector<HTMLElement>(`#bc-controls [data-key="${key}"]`);
  if (!el) throw new Error(`no control ${key}`);
  el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, detail }));
}

/** A double-click: two clicks on the same spot, the second with a click count of 2. */
function doubleClick(key: string): void {
  click(key, 1);
  click(key, 2);
}

/** The moves of `side` of a type, played since `from` actions. */
function moves(app: App, from: number, side: string, type: string): number {
  return (app.session?.history.actions ?? []).slice(from).filter((a) => a.side === side && a.action.type === type).length;
}

async function atTheAgenda(): Promise<Booted> {
  const b = await bootGame('?seed=double-click&side=us');
  b.app.startGame();
  b.app.toAgenda();
  await showing(b, 'agenda');
  return b;
}

describe('one click, one move', () => {
  it('a double-click on “Propose this agenda” proposes once, though the AI’s reply hands the turn straight back', async () => {
    booted = await atTheAgenda();
    const { app } = booted;
    const from = app.session?.history.actions.length ?? 0;
    doubleClick('propose-agenda');
    expect(moves(app, from, 'us', 'propose-agenda')).toBe(1);
    // The AI answered and it is the player's turn again: the move was not lost, only not doubled.
    expect(moves(app, from, 'iran', 'propose-agenda')).toBe(1);
  });

  it('a double-click on a move at the table plays it once', async () => {
    booted = await atTheTable('us');
    const { app } = booted;
    const from = app.session?.history.actions.length ?? 0;
    doubleClick('propose');
    expect(moves(app, from, 'us', 'propose')).toBe(1);
  });

  it('two separate clicks, or Enter pressed twice, still play two moves', async () => {
    booted = await atTheAgenda();
    const { app } = booted;
    const from = app.session?.history.actions.length ?? 0;
    click('propose-agenda', 1);
    click('propose-agenda', 1);
    expect(moves(app, from, 'us', 'propose-agenda')).toBe(2);
    await booted.destroy();

    booted = await atTheAgenda();
    const again = booted.app;
    const start = again.session?.history.actions.length ?? 0;
    click('propose-agenda', 0);
    click('propose-agenda', 0);
    expect(moves(again, start, 'us', 'propose-agenda')).toBe(2);
  });

  it('in hot seat, the second click of a double-click on a move does not seat the next team', async () => {
    booted = await bootGame('?seed=double-click-hotseat&mode=hotseat');
    const { app } = booted;
    app.startGame();
    app.takeSeat('us');
    app.toAgenda();
    app.takeSeat('iran');
    app.toAgenda();
    if (app.screen === 'handoff') app.takeSeat(app.classroom.calling);
    await showing(booted, 'agenda');
    const mover = app.classroom.atTable;
    const from = app.session?.history.actions.length ?? 0;
    click('propose-agenda', 1);
    expect(moves(app, from, mover ?? 'us', 'propose-agenda')).toBe(1);
    // The handoff screen is up when the second click arrives: it lands on "We are …".
    await showing(booted, 'handoff');
    click('take-seat', 2);
    expect(app.screen).toBe('handoff');
    expect(app.classroom.atTable).toBeNull();
    // A deliberate click (or Enter) seats the team.
    click('take-seat', 1);
    expect(app.screen).toBe('agenda');
  });
});
