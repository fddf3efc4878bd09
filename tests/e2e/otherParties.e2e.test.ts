// A crisis between other parties, in real Chromium: the Black Sea grain talks (Russia and Ukraine,
// with Türkiye and the UN mediating) played by keyboard to the debrief from each seat. At every step
// the page's text and every accessible name are read (on the title screen, all but its list of the
// other scenarios): none may hold a place or a person of the Muscat scenario (the code names no scenario; the words come from the file being played). Also
// takes each shipped scenario's table at 1280×720 for the README (docs/screenshots/table-<id>.png).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/core/scenario/schema';
import { scenarioName } from '../../src/game/scenarioWords';
import { loadShipped, namesOf } from '../support/scenarios';
import { ARTIFACTS, browserSuite, DOCS, ROOT, UPDATE_DOCS } from './server';
import { enabled, press } from './tablePlay';

const suite = browserSuite();
const OTHER = 'black-sea-grain-2022';

const load = (id: string): Scenario => loadShipped(id).scenario;

/** Muscat's places and people that the other scenario's own file never mentions. */
function muscatNames(): string[] {
  const own = readFileSync(join(ROOT, 'scenarios', `${OTHER}.yaml`), 'utf8');
  return namesOf(load('muscat-2026')).filter((n) => !new RegExp(`\\b${n}\\b`).test(own));
}

const screen = (page: Page) => page.evaluate(() => (window.backchannel.state() as { screen: string }).screen);

/**
 * Everything a reader or a screen reader gets from the page now: its text and every accessible name.
 * Elements that name one of `others` (the title screen's list of the library: the other scenarios'
 * buttons, their entries and their group's heading) are left out; everything else must be the chosen
 * scenario's.
 */
async function wordsOnPage(page: Page, others: readonly string[] = []): Promise<string> {
  return page.evaluate((others) => {
    const names = [...document.querySelectorAll('[aria-label], button, [role], h1, h2, h3, li, [title]')]
      .map((el) => `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''} ${(el as HTMLElement).textContent ?? ''}`)
      .filter((words) => !others.some((o) => words.includes(o)));
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const el of [...body.querySelectorAll('button, li, h3')])
      if (others.some((o) => `${el.getAttribute('aria-label') ?? ''} ${el.textContent ?? ''}`.includes(o))) el.remove();
    return `${document.title}\n${body.textContent}\n${names.join('\n')}`;
  }, others);
}

/** How the title screen lists the other scenarios of the library: their titles, and their parties' group heading. */
function otherListings(): string[] {
  const chosen = load(OTHER);
  const mine = Object.values(chosen.parties).map((p) => p.short);
  return readdirSync(join(ROOT, 'scenarios'))
    .filter((f) => f.endsWith('.yaml') && f !== `${OTHER}.yaml`)
    .flatMap((f) => {
      const s = load(f.replace(/\.yaml$/, ''));
      const shorts = Object.values(s.parties).map((p) => p.short);
      return shorts.join() === mine.join() ? [scenarioName(s)] : [scenarioName(s), `Scenarios: ${shorts.join(' and ')}`];
    });
}

async function playAs(side: string): Promise<{ problems: string[]; leaks: string[]; screens: Set<string> }> {
  const forbidden = muscatNames();
  const others = otherListings();
  const pattern = new RegExp(`\\b(${forbidden.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`);
  const page = await suite.browser.newPage({ viewport: { width: 1280, height: 720 } });
  const problems: string[] = [];
  const leaks: string[] = [];
  const screens = new Set<string>();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const look = async () => {
    const where = await screen(page);
    screens.add(where);
    // The title screen lists the whole library (each scenario with its parties and blurb) by design:
    // there, the other scenarios' entries are left out; every other word must be the chosen one's.
    const m = pattern.exec(await wordsOnPage(page, where === 'title' ? others : []));
    if (m) leaks.push(`${where}: "${m[1]}"`);
  };
  await page.goto(`${suite.preview.url}?scenario=${OTHER}&seed=e2e-${side}&side=${side}&mode=solo`);
  await page.waitForFunction(() => window.backchannel?.state() && document.querySelector('#bc-controls button'));
  await look();
  await page.keyboard.press('Enter');
  await expect.poll(() => screen(page)).toBe('briefing');
  await press(page, /Show: Your private brief/);
  await look();
  await press(page, /Go to the agenda dispute/);
  await expect.poll(() => screen(page)).toBe('agenda');
  for (let turn = 0; turn < 8 && (await screen(page)) === 'agenda'; turn++) {
    await look();
    if (await enabled(page, /^Accept .*'s agenda:/)) await press(page, /^Accept .*'s agenda:/);
    else await press(page, /^Propose an agenda/);
  }
  let shotTable = false;
  for (let turn = 0; turn < 80 && (await screen(page)) === 'rounds'; turn++) {
    await look();
    const card = page.getByRole('button', { name: /^(Next event|Next card|Back to the table)/ });
    if ((await card.count()) > 0) {
      await press(page, /^(Next event|Next card|Back to the table)/);
      continue;
    }
    if (!shotTable) {
      await page.waitForTimeout(900);
      await page.screenshot({ path: join(ARTIFACTS, `other-parties-table-${side}.png`) });
      await press(page, /^Your brief:/);
      await look();
      await press(page, /^Close your brief/);
      shotTable = true;
    }
    if (turn % 4 === 3 && (await enabled(page, /^Accept .*'s standing offer/))) await press(page, /^Accept .*'s standing offer/);
    else if (turn % 3 === 2 && (await page.getByRole('button', { name: /^(Concede|Confirm: concede) on / }).count()) > 0)
      await press(page, /^(Concede|Confirm: concede) on /);
    else await press(page, /^Propose your draft package/);
  }
  await expect.poll(() => screen(page)).toBe('outcome');
  await look();
  for (let i = 0; i < 4 && (await page.getByRole('button', { name: /^(Next card|Continue) \(read: / }).count()) > 0; i++)
    await press(page, /^(Next card|Continue) \(read: /);
  await press(page, /^Go to the debrief/);
  await expect.poll(() => screen(page)).toBe('debrief');
  await look();
  for (const tab of [/^Debrief: Escalation/, /^Debrief: Round by round/]) {
    await press(page, tab);
    await look();
  }
  const replay = (await page.evaluate(() => window.backchannel.replay())) as { settings: Record<string, string>; scenario: { id: string } };
  expect(replay.scenario.id).toBe(OTHER);
  expect(Object.keys(replay.settings).sort()).toEqual(['difficulty', 'russia', 'ukraine']);
  expect(replay.settings[side]).toBe('human');
  await page.close();
  return { problems, leaks, screens };
}

describe('another crisis, other parties', () => {
  for (const side of ['russia', 'ukraine'])
    it(`plays the Black Sea grain talks as ${side} by keyboard to the debrief, with no word of the Muscat scenario`, async () => {
      const { problems, leaks, screens } = await playAs(side);
      expect(problems).toEqual([]);
      expect(leaks).toEqual([]);
      for (const s of ['title', 'briefing', 'agenda', 'rounds', 'outcome', 'debrief']) expect(screens).toContain(s);
    }, 600_000);

  it('each shipped scenario reaches its table, drawn from its own file', async () => {
    for (const id of ['muscat-2026', 'geneva-2013', OTHER, 'tutorial']) {
      const scenario = load(id);
      const first = Object.keys(scenario.parties)[0] as string;
      const page = await suite.browser.newPage({ viewport: { width: 1280, height: 720 } });
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(`${suite.preview.url}?scenario=${id}&seed=screens&side=${first}&mode=solo`);
      await page.waitForFunction(() => window.backchannel?.state() && document.querySelector('#bc-controls button'));
      await page.keyboard.press('Enter');
      await expect.poll(() => screen(page)).toBe('briefing');
      await press(page, /Go to the agenda dispute/);
      for (let turn = 0; turn < 8 && (await screen(page)) === 'agenda'; turn++) {
        if (await enabled(page, /^Accept .*'s agenda:/)) await press(page, /^Accept .*'s agenda:/);
        else await press(page, /^Propose an agenda/);
      }
      for (let i = 0; i < 6 && (await page.getByRole('button', { name: /^(Next event|Next card|Back to the table)/ }).count()) > 0; i++)
        await press(page, /^(Next event|Next card|Back to the table)/);
      expect(await screen(page)).toBe('rounds');
      const text = await wordsOnPage(page);
      expect(text).toContain(scenario.parties[first]?.short as string);
      expect(text).toContain(scenario.mediator.short);
      await page.waitForTimeout(1500);
      await page.screenshot({ path: join(ARTIFACTS, `table-${id}.png`) });
      if (UPDATE_DOCS) await page.screenshot({ path: join(DOCS, `table-${id}.png`) });
      expect(problems).toEqual([]);
      await page.close();
    }
  }, 600_000);
});
