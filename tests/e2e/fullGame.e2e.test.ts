// A full game in real Chromium as the US and as Iran, played by keyboard through the DOM buttons,
// from the title screen to the debrief. Checks the renderer is WebGL and the console stays clean.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, browserSuite, DOCS, openGame, UPDATE_DOCS, type Watched } from './server';

const suite = browserSuite();

const open = (side: 'us' | 'iran', viewport: { width: number; height: number }): Promise<Watched> =>
  openGame(suite.browser, `${suite.preview.url}?scenario=muscat-2026&seed=e2e-${side}&side=${side}&mode=solo`, viewport);

/** Moves keyboard focus to the named button and presses Enter, as a keyboard player would. */
async function press(page: Page, name: RegExp): Promise<void> {
  const button = page.getByRole('button', { name }).first();
  await button.focus();
  await expect.poll(() => button.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Enter');
}

/** Accept only an offer worth at least the walk-away value (the label says what it is worth). */
async function goodOffer(page: Page, side: 'us' | 'iran'): Promise<boolean> {
  const accept = page.getByRole('button', { name: /^Accept (US|Iran)'s standing offer/ }).first();
  if ((await accept.count()) === 0 || !(await accept.isEnabled())) return false;
  const worth = Number(/worth (\d+) to you/.exec((await accept.getAttribute('aria-label')) ?? '')?.[1] ?? 0);
  const walkAway = await page.evaluate((s) => {
    const st = window.backchannel.state() as { game: { types: Record<string, { reservation: number } | null> } };
    return Math.round((st.game.types[s]?.reservation ?? 1) * 100);
  }, side);
  return worth >= walkAway;
}

/** Time of every move (the rules with the AI's reply, plus the redraw), gathered from the API. */

const screen = (page: Page) => page.evaluate(() => (window.backchannel.state() as { screen: string }).screen);
const enabled = async (page: Page, name: RegExp) => {
  const b = page.getByRole('button', { name }).first();
  return (await b.count()) > 0 && (await b.isEnabled());
};

async function shot(page: Page, name: string, docs: boolean): Promise<void> {
  await page.waitForTimeout(900);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  if (docs && UPDATE_DOCS) await page.screenshot({ path: join(DOCS, `${name}.png`) });
}

async function playToDebrief(side: 'us' | 'iran', viewport: { width: number; height: number }, tag: string): Promise<string[]> {
  const { page, problems } = await open(side, viewport);
  await shot(page, `title-${tag}`, true);
  expect(await page.evaluate(() => (window.backchannel.state() as { renderer: string }).renderer)).toBe('webgl');

  // Title: the start button has focus already; Enter takes the seat.
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(/Start the talks/);
  await page.keyboard.press('Enter');
  await expect.poll(() => screen(page)).toBe('briefing');
  await press(page, /Show: Your private brief/);
  await shot(page, `briefing-${tag}`, false);
  await press(page, /Go to the agenda dispute/);
  await expect.poll(() => screen(page)).toBe('agenda');

  for (let turn = 0; turn < 8 && (await screen(page)) === 'agenda'; turn++) {
    if (await enabled(page, /^Accept .*'s agenda:/)) await press(page, /^Accept .*'s agenda:/);
    else await press(page, /^Propose an agenda/);
  }
  await expect.poll(() => screen(page)).not.toBe('agenda');

  let sawTable = false;
  let sawCard = false;
  let sawRoll = false;
  let sawConcede = false;
  for (let turn = 0; turn < 80 && (await screen(page)) === 'rounds'; turn++) {
    const card = page.getByRole('button', { name: /^(Next event|Next card|Back to the table)/ });
    if ((await card.count()) > 0) {
      // The round-end escalation roll's card, or an event's.
      const roll = /Escalation: The ladder/.test((await page.locator('#bc-screen').textContent()) ?? '');
      if (roll && !sawRoll) await shot(page, `escalation-card-${tag}`, true);
      else if (!roll && !sawCard) await shot(page, `event-card-${tag}`, true);
      if (roll) sawRoll = true;
      else sawCard = true;
      await press(page, /^(Next event|Next card|Back to the table)/);
      continue;
    }
    if (!sawTable) {
      await shot(page, `table-${tag}`, true);
      // The brief drawer over the table, then back.
      await press(page, /^Your brief:/);
      await expect.poll(() => page.locator('#bc-screen').textContent()).toMatch(/Walking away is worth/);
      await shot(page, `table-brief-${tag}`, true);
      await press(page, /^Close your brief/);
      sawTable = true;
    }
    if (!sawConcede && (await page.getByRole('button', { name: /^Concede on / }).count()) > 0) {
      // The concession preview: each "Concede → N" and the dashed frame where it lands.
      await shot(page, `concession-preview-${tag}`, true);
      sawConcede = true;
    }
    if (await goodOffer(page, side)) await press(page, /^Accept (US|Iran)'s standing offer/);
    else if (turn % 3 === 2 && (await page.getByRole('button', { name: /^(Concede|Confirm: concede) on / }).count()) > 0)
      await press(page, /^(Concede|Confirm: concede) on /);
    else await press(page, /^Propose your draft package/);
  }
  expect(sawTable).toBe(true);
  await expect.poll(() => screen(page)).toBe('outcome');
  await shot(page, `outcome-${tag}`, false);
  // A climb that ended the talks is shown on the outcome screen first: read its card.
  for (let i = 0; i < 4 && (await page.getByRole('button', { name: /^(Next card|Continue) \(read: / }).count()) > 0; i++)
    await press(page, /^(Next card|Continue) \(read: /);
  await press(page, /^Go to the debrief/);
  await expect.poll(() => screen(page)).toBe('debrief');
  await shot(page, `debrief-${tag}`, true);
  await press(page, /^Debrief: Escalation/);
  await shot(page, `debrief-escalation-${tag}`, true);
  await press(page, /^Debrief: Round by round/);
  await shot(page, `debrief-rounds-${tag}`, true);

  const replay = (await page.evaluate(() => window.backchannel.replay())) as { format: string; log: unknown[] };
  expect(replay.format).toBe('backchannel-replay');
  expect(replay.log.length).toBeGreaterThan(2);
  await page.close();
  return problems;
}

describe('a full game in Chromium, by keyboard', () => {
  it('plays as the US from the title screen to the debrief', async () => {
    expect(await playToDebrief('us', { width: 1280, height: 720 }, 'us-1280x720')).toEqual([]);
  }, 600_000);

  it('plays as Iran from the title screen to the debrief', async () => {
    expect(await playToDebrief('iran', { width: 1280, height: 720 }, 'iran-1280x720')).toEqual([]);
  }, 600_000);

  it('plays at 1024×600 without errors', async () => {
    expect(await playToDebrief('us', { width: 1024, height: 600 }, 'us-1024x600')).toEqual([]);
  }, 600_000);

  it('shows a clear message for bad URL values, never a blank screen', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${suite.preview.url}?scenario=atlantis&side=france&mode=chess&seed=`);
    await page.waitForFunction(() => window.backchannel?.state());
    const state = (await page.evaluate(() => window.backchannel.state())) as { screen: string; problems: string[] };
    expect(state.screen).toBe('title');
    expect(state.problems.join(' ')).toMatch(/atlantis/);
    expect(state.problems.join(' ')).toMatch(/france/);
    await expect.poll(() => page.locator('#bc-screen').textContent()).toMatch(/Problems with the link/);
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(ARTIFACTS, 'bad-url.png') });
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
