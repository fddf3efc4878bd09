// The class debrief in real Chromium: twelve tables played by the CLI from one seed with different
// policies, plus one table whose teams wrote reasons (and a facilitator inject), plus a broken file.
// Checks the comparison against compareTables, the gradebook CSV, the print view and its PDF.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveName, outcomeName } from '../../src/class/words';
import { lengthsOf, turnChecksum } from '../../src/core/checksum';
import { compareTables, type TableInput, tablesToCsv } from '../../src/core/classroom';
import { chooseAction, type LoggedAction } from '../../src/core/play';
import { makeReplay, type Replay, readReplay, replayToText, verifyReplay } from '../../src/core/replay';
import { applyAction, applySeatAction } from '../../src/core/rules';
import { createGame } from '../../src/core/state';
import type { GameState, Settings } from '../../src/core/types';
import { loadShipped } from '../support/scenarios';
import { CHROMIUM_ARGS, chromiumPath, type Preview, ROOT, sharedPreview, tempDir } from './server';

const ARTIFACTS = join(ROOT, 'test-results/e2e');
const SCREENSHOT = join(ROOT, 'docs/screenshots/class-debrief.png');
/** `UPDATE_SCREENSHOTS=1` refreshes the README screenshot (written anyway when it is missing). */
const UPDATE_DOCS = process.env.UPDATE_SCREENSHOTS === '1' || !existsSync(SCREENSHOT);

const SEED = 'class-demo';
const PAIRINGS: [string, string][] = [
  ['ai:tit-for-tat', 'ai:tit-for-tat'],
  ['ai:tit-for-tat', 'ai:boulware'],
  ['ai:tit-for-tat', 'ai:linear'],
  ['ai:tit-for-tat', 'ai:conceder'],
  ['ai:tit-for-tat', 'ai:hardliner'],
  ['ai:boulware', 'ai:tit-for-tat'],
  ['ai:linear', 'ai:linear'],
  ['ai:conceder', 'ai:conceder'],
  ['ai:hardliner', 'ai:hardliner'],
  ['random', 'ai:tit-for-tat'],
  ['ai:tit-for-tat', 'random'],
  ['ai:boulware', 'ai:boulware'],
];
const CLI_FILES = PAIRINGS.map((_, i) => `t${String(i + 1).padStart(2, '0')}.json`);
const JOURNAL_FILE = 't13-journal.json';
const BAD_FILE = 't14-truncated.json';

const { scenario, sha256 } = loadShipped('muscat-2026');
const run = promisify(execFile);

const dir = tempDir('class');
let browser: Browser;
let preview: Preview;

/** A table whose teams gave reasons for their moves, with one facilitator inject: built with the core API. */
function journalReplay(): Replay {
  const settings: Settings = { us: 'ai:conceder', iran: 'ai:conceder', difficulty: 'normal' };
  const reasons = {
    us: [
      'Missiles belong on the table: Congress will not ratify a nuclear-only deal.',
      'Open high on enrichment so we have room to trade on sanctions later.',
      'Give ground on sequencing, which costs us little at home.',
      'Hold inspections: verification is our red line.',
    ],
    iran: [
      'Keep the agenda to nuclear and sanctions, as Tehran instructed.',
      'Banking relief matters more than oil waivers to the street.',
      'Trade stockpile limits for sanctions relief up front.',
      'Enrichment on our soil stays, whatever the cap.',
    ],
  };
  let state: GameState = createGame(scenario, SEED, settings);
  const log: LoggedAction[] = [];
  const checksums: string[] = [];
  const said = { us: 0, iran: 0 };
  let injected = false;
  while (state.phase !== 'ended') {
    const side = state.toMove;
    const move = chooseAction(scenario, state, side);
    const n = said[side as keyof typeof said]++;
    const reason = reasons[side as keyof typeof reasons][n];
    const action = reason ? { ...move, reason } : move;
    const before = lengthsOf(state);
    const step = applyAction(scenario, state, side, action);
    if (!step.ok) throw new Error(step.error);
    state = step.state;
    log.push({ turn: log.length + 1, side, action });
    checksums.push(turnChecksum(checksums[checksums.length - 1] ?? '', before, state));
    if (state.round === 3 && !injected && state.phase !== 'ended') {
      injected = true;
      const inject = {
        type: 'inject-custom',
        title: 'Tanker boarded',
        text: 'A tanker is boarded at night in the Strait.',
        severity: 'nonviolent',
        effects: { tension: 6 },
      } as const;
      const mark = lengthsOf(state);
      const f = applySeatAction(scenario, state, 'facilitator', inject);
      if (!f.ok) throw new Error(f.error);
      state = f.state;
      log.push({ turn: log.length + 1, side: 'facilitator', action: inject });
      checksums.push(turnChecksum(checksums[checksums.length - 1] ?? '', mark, state));
    }
  }
  return makeReplay({ scenario, scenarioHash: sha256, seed: SEED, settings, log, checksums, finalState: state });
}

/** The tables as the page should see them, computed here from the same files. */
function expectedTables(files: readonly string[]): { tables: TableInput[]; states: Map<string, GameState> } {
  const tables = files.map((name) => {
    const read = readReplay(JSON.parse(readFileSync(join(dir, name), 'utf8')));
    if (!read.ok) throw new Error(`${name}: ${read.error}`);
    const verified = verifyReplay(scenario, sha256, read.replay);
    if (!verified.ok) throw new Error(`${name}: ${verified.error}`);
    return { name, state: verified.state, log: read.replay.log };
  });
  return { tables, states: new Map(tables.map((t) => [t.name, t.state])) };
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const bin = join(ROOT, 'bin/backchannel.mjs');
  await Promise.all(
    PAIRINGS.map(([us, iran], i) =>
      run(
        process.execPath,
        [
          bin,
          'play',
          '--scenario',
          'muscat-2026',
          '--seed',
          SEED,
          '--us',
          us,
          '--iran',
          iran,
          '--replay-out',
          join(dir, CLI_FILES[i] as string),
        ],
        {
          cwd: ROOT,
        },
      ),
    ),
  );
  const journal = journalReplay();
  writeFileSync(join(dir, JOURNAL_FILE), replayToText(journal));
  const text = replayToText(journal);
  writeFileSync(join(dir, BAD_FILE), text.slice(0, Math.floor(text.length / 2)));
  preview = sharedPreview();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

/** Each results row as the page shows it: file name and first divergent round ("—" or a number). */
async function shownRows(page: Page): Promise<{ name: string; divergence: string }[]> {
  return page.locator('#cd-report table.cd-results tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({
      name: row.querySelector('.cd-name')?.textContent?.trim() ?? '',
      divergence: /^(—|\d+)/.exec(row.querySelector('.cd-divergence')?.textContent?.trim() ?? '')?.[1] ?? '',
    })),
  );
}

const expectedRows = (tables: readonly TableInput[]) =>
  compareTables(scenario, tables).map((s) => ({
    name: s.name,
    divergence: s.firstDivergentRound === null ? '—' : String(s.firstDivergentRound),
  }));

async function downloadCsv(page: Page): Promise<string> {
  const button = page.getByRole('button', { name: 'Download CSV' });
  await button.focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe(`backchannel-class-muscat-2026-${SEED}.csv`);
  return readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
}

describe('the class debrief page', () => {
  it('compares twelve tables, exports the gradebook and prints one table per page', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));

    // An old ?mode=class link to the game still leads to the class page, without fetching the game.
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${preview.url}?mode=class`);
    await page.waitForURL(/class\.html\?mode=class$/);
    await page.waitForLoadState('load');
    const entry = /<script type="module"[^>]* src="([^"]+)"/.exec(await (await fetch(preview.url)).text())?.[1];
    const game = new URL(entry ?? 'none', preview.url).pathname;
    expect(game).toMatch(/^\/assets\/main-.+\.js$/);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts).not.toContain(game);
    const picker = page.getByLabel(/Choose replay files/);
    await expect.poll(() => picker.count()).toBe(1);

    // Twelve CLI tables from one seed.
    await picker.setInputFiles(CLI_FILES.map((f) => join(dir, f)));
    await expect.poll(() => page.locator('#cd-status').textContent()).toMatch(/^\d+ tables? loaded/);
    // Every CLI replay must verify in the browser: a desync here means Node and Chromium computed the rules differently.
    expect(await page.locator('#cd-problems').textContent()).toBe('');
    expect(await page.locator('#cd-status').textContent()).toBe('12 tables loaded.');
    const twelve = expectedTables(CLI_FILES);
    expect(await shownRows(page)).toEqual(expectedRows(twelve.tables));
    expect(await page.locator('#cd-escalation-chart .cd-series').count()).toBe(12);
    const deals = compareTables(scenario, twelve.tables).filter(
      (s) => s.outcome === 'comprehensive-deal' || s.outcome === 'interim-deal',
    ).length;
    expect(await page.locator('#cd-pareto-chart .cd-deal').count()).toBe(deals);
    await expect.poll(() => page.locator('#cd-report figcaption').first().textContent()).toMatch(/^Every table started on rung 2/);

    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(ARTIFACTS, 'class-debrief.png'), fullPage: true });
    if (UPDATE_DOCS) await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // The gradebook: header + 12 rows, exactly the core's CSV of the same tables.
    const csv = await downloadCsv(page);
    expect(csv).toBe(tablesToCsv(compareTables(scenario, twelve.tables)));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(13);
    expect(lines[0]).toMatch(/"outcome".*"score_us","score_iran"/);
    expect(lines[1]).toMatch(
      /^"t01\.json","class-demo","ai:tit-for-tat","ai:tit-for-tat","(comprehensive-deal|interim-deal|no-deal|walkout|recall|conflict)",/,
    );

    // Add a table with position memos and a broken file: the broken one is named, the others load.
    await picker.setInputFiles([join(dir, JOURNAL_FILE), join(dir, BAD_FILE)]);
    await expect.poll(() => page.locator('#cd-status').textContent()).toBe('13 tables loaded. 1 file could not be loaded.');
    await expect.poll(() => page.locator('.cd-problem-list li').textContent()).toMatch(new RegExp(`^${BAD_FILE}: not JSON`));
    const thirteen = expectedTables([...CLI_FILES, JOURNAL_FILE]);
    expect(await shownRows(page)).toEqual(expectedRows(thirteen.tables));
    const journal = thirteen.states.get(JOURNAL_FILE) as GameState;
    expect(journal.journal.length).toBe(8);
    const withMemos = tablesToCsv(compareTables(scenario, thirteen.tables));
    expect(await downloadCsv(page)).toBe(withMemos);
    expect(withMemos).toContain('Missiles belong on the table');

    // The print view: an overview page, then one page per table with its outcome and both memos.
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.locator('#cd-screen').isVisible()).toBe(false);
    const pages = page.locator('#cd-print-pages .cd-print-page');
    expect(await pages.count()).toBe(14);
    for (const [i, t] of thirteen.tables.entries()) {
      const text = ((await pages.nth(i + 1).textContent()) ?? '').replace(/\s+/g, ' ');
      expect(text).toContain(`#${i + 1} ${t.name}`);
      expect(text).toContain(outcomeName(t.state.outcome?.kind ?? 'unfinished'));
      expect(text).toMatch(/Scores ?US −?\d\.\d\d · Iran −?\d\.\d\d/);
      for (const memo of t.state.journal) expect(text).toContain(`Round ${memo.round} · ${moveName(memo.move)}: ${memo.reason}`);
      expect(
        await pages
          .nth(i + 1)
          .locator('svg .cd-series')
          .count(),
      ).toBe(1);
    }
    const pdfPath = join(ARTIFACTS, 'class-debrief.pdf');
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    const pdfPages = (readFileSync(pdfPath, 'latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pdfPages).toBeGreaterThanOrEqual(14);
    await page.emulateMedia({ media: 'screen' });

    // Clearing, then a drop on the page.
    await page.getByRole('button', { name: 'Clear tables' }).click();
    await expect.poll(() => page.locator('#cd-status').textContent()).toBe('No tables loaded yet.');
    const dropped = [CLI_FILES[0], CLI_FILES[1]].map((f) => ({ name: f as string, text: readFileSync(join(dir, f as string), 'utf8') }));
    await page.evaluate((files) => {
      const data = new DataTransfer();
      for (const f of files) data.items.add(new File([f.text], f.name, { type: 'application/json' }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, dropped);
    await expect.poll(() => page.locator('#cd-status').textContent()).toBe('2 tables loaded.');

    expect(problems).toEqual([]);
    await page.close();
  });
});
