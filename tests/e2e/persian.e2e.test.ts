// The whole game in Persian, in real Chromium: `?lang=fa` opens it right to left; a full game as Iran
// and as the US, by keyboard through the DOM buttons (found by their keys: their names are Persian),
// from the title to the debrief. Checked on the way: `dir="rtl"` and `lang="fa"` on the page, no
// console error, the Vazirmatn face loaded, Persian on the canvas and in every button's name, no Latin
// word of the catalogue left, axe-core finding no violation; then Settings switches to English and
// back mid-game with the same checksum. Screenshots of the title, the table, an event card and the
// debrief at 1280×720 and 1024×600 (`UPDATE_SCREENSHOTS=1` writes them to docs/screenshots).
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, browserSuite, DOCS, openGame, UPDATE_DOCS, type Watched } from './server';

const suite = browserSuite();

const open = (search: string, viewport: { width: number; height: number }): Promise<Watched> =>
  openGame(suite.browser, `${suite.preview.url}${search}`, viewport);

const screen = (page: Page) => page.evaluate(() => (window.backchannel.state() as { screen: string }).screen);
const control = (page: Page, key: string) => page.locator(`#bc-controls [data-key="${key}"]`).first();
const has = async (page: Page, key: string) => {
  const c = control(page, key);
  return (await c.count()) > 0 && (await c.isEnabled());
};
/** The first enabled control whose key matches. */
async function firstKey(page: Page, pattern: RegExp): Promise<string | null> {
  return page.evaluate(
    (source) =>
      [...document.querySelectorAll<HTMLButtonElement>('#bc-controls button')].find(
        (b) => new RegExp(source).test(b.dataset.key ?? '') && !b.disabled,
      )?.dataset.key ?? null,
    pattern.source,
  );
}

/** Focus the control and press Enter, as a keyboard player. */
async function press(page: Page, key: string): Promise<void> {
  const c = control(page, key);
  await c.focus();
  await expect.poll(() => c.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Enter');
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(900);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  if (UPDATE_DOCS) await page.screenshot({ path: join(DOCS, `${name}.png`) });
}

/** What the page says in words: every button's name and the screen's text for screen readers. */
async function words(page: Page): Promise<{ names: string[]; screenText: string }> {
  return page.evaluate(() => ({
    names: [...document.querySelectorAll('#bc-controls [aria-label]')].map((b) => b.getAttribute('aria-label') ?? ''),
    screenText: document.getElementById('bc-screen')?.textContent ?? '',
  }));
}

/** English words that would betray a string left out of the catalogue (scenario ids and codes aside). */
const ENGLISH = /\b(the|and|of|your|round|offer|propose|accept|agenda|deal|talks|table|debrief|escalation)\b/i;

async function checkPersian(page: Page, where: string, found: string[]): Promise<void> {
  const dir = await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang]);
  if (dir.join() !== 'rtl,fa') found.push(`${where}: dir/lang ${dir.join()}`);
  const { names, screenText } = await words(page);
  for (const n of names) if (ENGLISH.test(n)) found.push(`${where}: English in a button name: ${n.slice(0, 120)}`);
  if (ENGLISH.test(screenText))
    found.push(
      `${where}: English in the screen text: ${ENGLISH.exec(screenText)?.[0]} in …${screenText.slice(Math.max(0, (ENGLISH.exec(screenText)?.index ?? 0) - 60), (ENGLISH.exec(screenText)?.index ?? 0) + 60)}…`,
    );
  if (!/[\u0600-\u06FF]/.test(screenText)) found.push(`${where}: no Persian in the screen text`);
}

async function audit(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('body').analyze();
  return results.violations.map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.length} node(s): ${v.help}`);
}

async function playInPersian(
  side: 'us' | 'iran',
  viewport: { width: number; height: number },
  tag: string,
  a11y: boolean,
): Promise<string[]> {
  const { page, problems } = await open(`?lang=fa&scenario=muscat-2026&seed=fa-${side}&side=${side}&mode=solo`, viewport);
  const found: string[] = [];
  expect(await page.evaluate(() => document.fonts.check('400 16px Vazirmatn', 'سلام'))).toBe(true);
  await checkPersian(page, 'title', found);
  await shot(page, `fa-title-${tag}`);
  if (a11y) found.push(...(await audit(page, 'title')));

  await press(page, 'start');
  await expect.poll(() => screen(page)).toBe('briefing');
  await checkPersian(page, 'briefing', found);
  if (a11y) found.push(...(await audit(page, 'briefing')));
  await press(page, 'to-agenda');
  await expect.poll(() => screen(page)).toBe('agenda');
  await checkPersian(page, 'agenda', found);
  for (let turn = 0; turn < 8 && (await screen(page)) === 'agenda'; turn++) {
    if (await has(page, 'accept-agenda')) await press(page, 'accept-agenda');
    else await press(page, 'propose-agenda');
  }
  await expect.poll(() => screen(page)).not.toBe('agenda');

  let sawTable = false;
  let sawCard = false;
  let switched = false;
  for (let turn = 0; turn < 80 && (await screen(page)) === 'rounds'; turn++) {
    if (await has(page, 'dismiss-card')) {
      if (!sawCard) {
        await checkPersian(page, 'event card', found);
        await shot(page, `fa-event-card-${tag}`);
        sawCard = true;
      }
      await press(page, 'dismiss-card');
      continue;
    }
    if (!sawTable) {
      await checkPersian(page, 'table', found);
      await shot(page, `fa-table-${tag}`);
      if (a11y) found.push(...(await audit(page, 'table')));
      sawTable = true;
    }
    if (!switched && turn > 6) {
      // Settings → English and back, mid-game: the same game (checksum), redrawn in each language.
      const before = await page.evaluate(() => (window.backchannel.state() as { checksum: string }).checksum);
      await page.locator('#bc-settings-open').click();
      await page.locator('#bc-settings select[name="language"]').selectOption('en');
      await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr');
      await expect.poll(async () => (await words(page)).names.some((n) => /Propose|Accept|Concede/.test(n))).toBe(true);
      expect(await page.evaluate(() => (window.backchannel.state() as { checksum: string }).checksum)).toBe(before);
      await page.locator('#bc-settings select[name="language"]').selectOption('fa');
      await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await page.keyboard.press('Escape');
      expect(await page.evaluate(() => (window.backchannel.state() as { checksum: string }).checksum)).toBe(before);
      switched = true;
    }
    const concede = turn % 3 === 2 ? await firstKey(page, /^concede-/) : null;
    if (turn > 30 && (await has(page, 'accept'))) await press(page, 'accept');
    else if (concede) await press(page, concede);
    else if (await has(page, 'propose')) await press(page, 'propose');
    else await press(page, 'statement-conciliatory');
  }
  expect(sawTable).toBe(true);
  await expect.poll(() => screen(page)).toBe('outcome');
  await checkPersian(page, 'outcome', found);
  for (let i = 0; i < 4 && (await has(page, 'dismiss-card')); i++) await press(page, 'dismiss-card');
  await press(page, 'to-debrief');
  await expect.poll(() => screen(page)).toBe('debrief');
  await checkPersian(page, 'debrief', found);
  await shot(page, `fa-debrief-${tag}`);
  if (a11y) found.push(...(await audit(page, 'debrief')));
  for (const tab of await page.evaluate(() =>
    [...document.querySelectorAll<HTMLButtonElement>('#bc-controls button')]
      .map((b) => b.dataset.key ?? '')
      .filter((k) => k.startsWith('tab-')),
  )) {
    await press(page, tab);
    await checkPersian(page, `debrief ${tab}`, found);
  }
  const replay = (await page.evaluate(() => window.backchannel.replay())) as { format: string; log: unknown[] };
  expect(replay.format).toBe('backchannel-replay');
  await page.close();
  return [...found, ...problems];
}

describe('the game in Persian, right to left, in Chromium', () => {
  it('plays as Iran from the title to the debrief at 1280×720, by keyboard', async () => {
    expect(await playInPersian('iran', { width: 1280, height: 720 }, 'iran-1280x720', true)).toEqual([]);
  }, 600_000);

  it('plays as the US from the title to the debrief at 1024×600, by keyboard', async () => {
    expect(await playInPersian('us', { width: 1024, height: 600 }, 'us-1024x600', false)).toEqual([]);
  }, 600_000);
});
