// Playing an online table in Chromium by its buttons, as a player would (keyboard: focus, Enter):
// shared by the online and live-class browser tests.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** What the table tests read of `window.backchannel.state()`. */
export interface TableState {
  screen: string;
  online: { code: string; viewer: string; turns: number; final: string | null; connected: boolean } | null;
  game: { toMove: 'us' | 'iran'; phase: string; paused: boolean; eventsSeen: string[] } | null;
}

export const tableState = (page: Page) => page.evaluate(() => window.backchannel.state() as unknown as TableState);

/** Moves keyboard focus to the named button and presses Enter, as a keyboard player would. */
export async function press(page: Page, name: RegExp): Promise<void> {
  const button = page.getByRole('button', { name }).first();
  await button.focus();
  await expect.poll(() => button.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Enter');
}

export const enabled = async (page: Page, name: RegExp) => {
  const b = page.getByRole('button', { name }).first();
  return (await b.count()) > 0 && (await b.isEnabled());
};

/** One move by the page whose turn it is, by its buttons: settle the agenda, then propose, concede now and then, accept late. */
export async function move(page: Page, turn: number): Promise<void> {
  const s = await tableState(page);
  if (s.screen === 'agenda') {
    if (await enabled(page, /^Accept .*'s agenda:/)) await press(page, /^Accept .*'s agenda:/);
    else await press(page, /^Propose an agenda/);
    return;
  }
  const cards = page.getByRole('button', { name: /^(Next event|Next card|Back to the table)/ });
  for (let i = 0; i < 8 && (await cards.count()) > 0; i++) await press(page, /^(Next event|Next card|Back to the table)/);
  if (turn > 30 && (await enabled(page, /^Accept (US|Iran)'s standing offer/))) await press(page, /^Accept (US|Iran)'s standing offer/);
  else if (turn % 3 === 2 && (await enabled(page, /^(Concede|Confirm: concede) on /))) await press(page, /^(Concede|Confirm: concede) on /);
  else if (await enabled(page, /^(Propose your draft package|Confirm: Propose)/))
    await press(page, /^(Propose your draft package|Confirm: Propose)/);
  else await press(page, /^Make a conciliatory public statement/);
}

/**
 * Plays a table until the talks end (its outcome is on screen) or `stop` holds, each page moving on
 * its own turn; every move waits until both pages have seen it. Returns the turns played.
 */
export async function playTable(pages: { us: Page; iran: Page }, stop: (s: TableState) => boolean = () => false): Promise<number> {
  for (let guard = 0; guard < 200; guard++) {
    const s = await tableState(pages.us);
    const turns = s.online?.turns ?? 0;
    if (s.screen === 'outcome' || s.screen === 'debrief' || stop(s)) return turns;
    if (!s.game || s.game.phase === 'ended') {
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    if (s.game.paused) throw new Error('the table is paused');
    const page = pages[s.game.toMove];
    await move(page, turns);
    // The move lands when the server says so: a second press of a confirmation may be needed.
    const landed = await expect
      .poll(async () => (await tableState(page)).online?.turns ?? 0, { timeout: 3_000 })
      .toBeGreaterThan(turns)
      .then(() => true)
      .catch(() => false);
    if (!landed) await move(page, turns);
    for (const p of [pages.us, pages.iran])
      await expect.poll(async () => (await tableState(p)).online?.turns ?? 0, { timeout: 15_000 }).toBeGreaterThan(turns);
  }
  throw new Error('the table did not end in 200 moves');
}

/** From the end of the talks to the debrief screen, by the buttons. */
export async function toDebrief(page: Page): Promise<void> {
  for (let i = 0; i < 4 && (await page.getByRole('button', { name: /^(Next card|Continue) \(read: / }).count()) > 0; i++)
    await press(page, /^(Next card|Continue) \(read: /);
  await expect.poll(async () => (await tableState(page)).screen, { timeout: 20_000 }).toBe('outcome');
  await press(page, /^Go to the debrief/);
  await expect.poll(async () => (await tableState(page)).screen, { timeout: 20_000 }).toBe('debrief');
}
