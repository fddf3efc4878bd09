// Seeds, saves and replays in real Chromium, checked against the command line: a browser game's
// replay verifies in the CLI with the same checksum, a CLI replay plays in the viewer to the same
// outcome, a fork verifies, a reload continues the same game, and bad files get clear messages.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, browserSuite, ROOT, tempDir } from './server';

const CLI = join(ROOT, 'bin/backchannel.mjs');
const TMP = tempDir('replays');

const suite = browserSuite();

interface Replay {
  format: string;
  formatVersion: number;
  seed: string;
  final: string;
  log: { turn: number; side: string; action: { type: string } }[];
  parent?: { final: string; forkTurn: number };
  takeovers?: { afterTurn: number }[];
}

interface ViewState {
  screen: string;
  checksum: string | null;
  replayProblem: string | null;
  game: { turn: number; round: number; phase: string; outcome: { kind: string } | null } | null;
  save: { available: boolean; problem: string | null; saved: { turns: number; view: string; final: string } | null };
  viewer: { step: number; steps: number; final: string; outcome: string | null; stepOutcome: string | null } | null;
}

/** `replay verify` on a file: its exit code and output. */
function cliVerify(file: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [CLI, 'replay', 'verify', file], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}`.trim() };
}

function writeReplay(name: string, replay: unknown): string {
  const file = join(TMP, name);
  writeFileSync(file, JSON.stringify(replay));
  return file;
}

async function open(query: string, opts: { breakStorage?: boolean } = {}): Promise<{ page: Page; problems: string[] }> {
  const page = await suite.browser.newPage({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  if (opts.breakStorage)
    await page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(`${suite.preview.url}${query}`);
  await page.waitForFunction(() => window.backchannel?.state() && document.querySelector('#bc-controls button'));
  return { page, problems };
}

const state = (page: Page) => page.evaluate(() => window.backchannel.state() as unknown) as Promise<ViewState>;
const act = (page: Page, action: unknown) => page.evaluate((a) => window.backchannel.act(a) as { ok: boolean; error?: string }, action);

/** Plays `moves` of the player's moves through the API: accept what is worth it, otherwise propose. */
async function playMoves(page: Page, moves: number): Promise<void> {
  await page.evaluate((n) => {
    const b = window.backchannel;
    for (let i = 0; i < n && ['agenda', 'rounds'].includes((b.state() as { screen: string }).screen); i++) {
      const legal = b.legalActions() as { type: string }[];
      const round = (b.state() as { game: { round: number } }).game.round;
      const move =
        legal.find((a) => a.type === 'accept-agenda' || (a.type === 'accept' && round >= 4)) ??
        legal.find((a) => a.type === 'propose-agenda' || a.type === 'propose');
      if (!move) break;
      b.act(move);
    }
  }, moves);
}

async function press(page: Page, name: RegExp): Promise<void> {
  const button = page.getByRole('button', { name }).first();
  await button.focus();
  await page.keyboard.press('Enter');
}

describe('replays in the browser, checked by the CLI', () => {
  it('a browser game exports a replay that the CLI verifies with the same final checksum', async () => {
    const { page, problems } = await open('?scenario=muscat-2026&seed=browser-cli&side=iran');
    await act(page, { type: 'start' });
    await act(page, { type: 'begin' });
    await playMoves(page, 3);

    // "Export replay" mid-game: a real download, verified by the CLI.
    const [download] = await Promise.all([page.waitForEvent('download'), press(page, /^Export replay/)]);
    const midFile = join(TMP, 'mid.replay.json');
    await download.saveAs(midFile);
    const mid = JSON.parse(readFileSync(midFile, 'utf8')) as Replay;
    expect(download.suggestedFilename()).toMatch(/\.replay\.json$/);
    expect(cliVerify(midFile)).toEqual({ status: 0, out: `ok: ${mid.log.length} turns, checksum ${mid.final}` });

    await playMoves(page, 80);
    expect((await state(page)).screen).toBe('outcome');
    const replay = (await page.evaluate(() => window.backchannel.replay())) as Replay;
    expect(replay.final).toBe((await state(page)).checksum);
    const verified = cliVerify(writeReplay('suite.browser.replay.json', replay));
    expect(verified.status).toBe(0);
    expect(verified.out).toBe(`ok: ${replay.log.length} turns, checksum ${replay.final}`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a CLI replay opened with the file picker plays in the viewer to the same outcome', async () => {
    const file = join(TMP, 'cli.replay.json');
    const summary = JSON.parse(
      execFileSync(process.execPath, [CLI, 'play', '--seed', 'viewer-e2e', '--replay-out', file, '--json'], {
        cwd: ROOT,
        encoding: 'utf8',
      }),
    ) as { outcome: string; checksum: string; turns: number };
    const { page, problems } = await open('?mode=replay');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ARTIFACTS, 'replay-title.png') });
    await page.locator('#bc-controls input[data-key="open-replay-file"]').setInputFiles(file);
    await expect.poll(async () => (await state(page)).screen).toBe('replay');
    const opened = (await state(page)).viewer;
    expect(opened).toMatchObject({ step: 0, steps: summary.turns, final: summary.checksum, outcome: summary.outcome });

    await press(page, /^Step forward to turn 1/);
    await press(page, /^Step forward to turn 2/);
    expect((await state(page)).viewer?.step).toBe(2);
    await press(page, /^Step back to turn 1/);
    expect((await state(page)).viewer?.step).toBe(1);
    await press(page, /^Jump to Round 2/);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(ARTIFACTS, 'replay-viewer.png') });
    await press(page, /^Go to the end/);
    const end = (await state(page)).viewer;
    expect(end?.step).toBe(summary.turns);
    expect(end?.stepOutcome).toBe(summary.outcome);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(ARTIFACTS, 'replay-viewer-end.png') });
    await press(page, /^See the outcome and the debrief/);
    await expect.poll(async () => (await state(page)).screen).toBe('outcome');
    const ending = await state(page);
    expect(ending.game?.outcome?.kind).toBe(summary.outcome);
    expect(ending.checksum).toBe(summary.checksum);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a fork taken in the viewer plays on to the end and its replay verifies with its parent', async () => {
    const file = join(TMP, 'parent.replay.json');
    execFileSync(process.execPath, [CLI, 'play', '--seed', 'fork-e2e', '--replay-out', file], { cwd: ROOT });
    const parent = JSON.parse(readFileSync(file, 'utf8')) as Replay;
    const { page, problems } = await open('?mode=replay');
    await page.locator('#bc-controls input[data-key="open-replay-file"]').setInputFiles(file);
    await expect.poll(async () => (await state(page)).screen).toBe('replay');
    await press(page, /^Jump to Round 2/);
    const forkTurn = (await state(page)).viewer?.step ?? -1;
    expect(forkTurn).toBeGreaterThan(0);
    await press(page, /^Take over the US/);
    await expect.poll(async () => (await state(page)).screen).toBe('rounds');
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(ARTIFACTS, 'replay-fork.png') });
    await playMoves(page, 80);
    expect(['outcome', 'debrief']).toContain((await state(page)).screen);
    const fork = (await page.evaluate(() => window.backchannel.replay())) as Replay;
    expect(fork.parent).toEqual({ final: parent.final, forkTurn });
    expect(fork.takeovers?.at(-1)?.afterTurn).toBe(forkTurn);
    expect(fork.log.slice(0, forkTurn)).toEqual(parent.log.slice(0, forkTurn));
    const verified = cliVerify(writeReplay('fork.replay.json', fork));
    expect(verified).toEqual({ status: 0, out: `ok: ${fork.log.length} turns, checksum ${fork.final}` });
    expect(problems).toEqual([]);
    await page.close();
  });

  // Node's V8 and Chromium's round Math.exp/log differently in the last bit; the core's own exp/log
  // keep the per-turn checksums engine-independent. This guards that for several seeds at once.
  it('CLI replays of several seeds all re-play exactly in the browser', async () => {
    const { page } = await open('?mode=replay');
    const errors: string[] = [];
    for (const seed of ['seed-a', 'seed-b', 'seed-c', 'seed-d']) {
      const file = join(TMP, `${seed}.replay.json`);
      execFileSync(process.execPath, [CLI, 'play', '--seed', seed, '--replay-out', file], { cwd: ROOT });
      const text = readFileSync(file, 'utf8');
      const result = await act(page, { type: 'open-replay', replay: text });
      if (!result.ok) errors.push(`${seed}: ${result.error}`);
      await act(page, { type: 'title' });
    }
    await page.close();
    expect(errors).toEqual([]);
  });

  it('bad replay files get a message naming the version or the turn, never a blank screen', async () => {
    const file = join(TMP, 'good.replay.json');
    execFileSync(process.execPath, [CLI, 'play', '--seed', 'bad-files', '--replay-out', file], { cwd: ROOT });
    const good = JSON.parse(readFileSync(file, 'utf8')) as Replay;
    const { page, problems } = await open('?mode=replay');
    const picker = page.locator('#bc-controls input[data-key="open-replay-file"]');

    await picker.setInputFiles(writeReplay('newer.replay.json', { ...good, formatVersion: 7 }));
    await expect.poll(async () => (await state(page)).replayProblem).toMatch(/format version 7 is newer than this build reads \(1\)/);
    await expect.poll(() => page.locator('#bc-screen').textContent()).toMatch(/The replay could not be opened/);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(ARTIFACTS, 'replay-bad-version.png') });

    const log = good.log.map((e, i) => (i === 5 ? { ...e, action: { type: 'accept-bridge' } } : e));
    await picker.setInputFiles(writeReplay('edited.replay.json', { ...good, log }));
    await expect.poll(async () => (await state(page)).replayProblem).toMatch(/illegal action at turn 6/);

    await picker.setInputFiles({
      name: 'cut.replay.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "backchannel-rep'),
    });
    await expect.poll(async () => (await state(page)).replayProblem).toMatch(/not valid JSON/);
    expect((await state(page)).screen).toBe('title');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('saves and shared links', () => {
  it('a reload continues on the same turn with the same state; a damaged save falls back to the previous one', async () => {
    const { page, problems } = await open('?scenario=muscat-2026&seed=save-e2e&side=us');
    await act(page, { type: 'start' });
    await act(page, { type: 'begin' });
    await playMoves(page, 4);
    const before = await state(page);
    expect(before.screen).toBe('rounds');
    expect(before.save.saved?.turns).toBeGreaterThan(0);

    await page.reload();
    await page.waitForFunction(() => window.backchannel?.state() && document.querySelector('#bc-controls button'));
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ARTIFACTS, 'title-continue.png') });
    await press(page, /^Continue the saved game/);
    await expect.poll(async () => (await state(page)).screen).toBe(before.screen);
    const after = await state(page);
    expect(after.game?.turn).toBe(before.game?.turn);
    expect(after.checksum).toBe(before.checksum);

    // Cut the save in half: the next page load sets it aside and offers the previous save.
    const keys = await page.evaluate(() => {
      const current = localStorage.getItem('backchannel:save') ?? '';
      const previous = JSON.parse(localStorage.getItem('backchannel:save:previous') ?? '{}') as { replay: { log: unknown[] } };
      const cut = current.slice(0, Math.floor(current.length / 2));
      localStorage.setItem('backchannel:save', cut);
      return { cut, previousTurns: previous.replay.log.length };
    });
    await page.reload();
    await page.waitForFunction(() => window.backchannel?.state() && document.querySelector('#bc-controls button'));
    const damaged = await state(page);
    expect(damaged.save.problem).toMatch(/damaged .*not valid JSON.*kept aside as "backchannel:save:corrupt".*previous save was restored/);
    await expect.poll(() => page.locator('#bc-screen').textContent()).toMatch(/The last save was damaged/);
    expect(await page.evaluate(() => localStorage.getItem('backchannel:save:corrupt'))).toBe(keys.cut);
    expect(damaged.save.saved?.turns).toBe(keys.previousTurns);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ARTIFACTS, 'title-damaged-save.png') });
    await press(page, /^Continue the saved game/);
    await expect.poll(async () => (await state(page)).screen).toBe('rounds');
    expect(await page.evaluate(() => (window.backchannel.replay() as { log: unknown[] }).log.length)).toBe(keys.previousTurns);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a browser that refuses to save keeps the game playable and says saving is unavailable', async () => {
    const { page, problems } = await open('?seed=no-storage', { breakStorage: true });
    await act(page, { type: 'start' });
    await act(page, { type: 'begin' });
    await playMoves(page, 3);
    const s = await state(page);
    expect(s.save.available).toBe(false);
    expect(s.save.problem).toMatch(/Saving is unavailable/);
    expect(['agenda', 'rounds']).toContain(s.screen);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('two tabs share one save: both play on, the newest save wins, the one before is kept, a title screen offers the newest', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const problems: string[] = [];
    const tab = async (query: string): Promise<Page> => {
      const page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      await page.goto(`${suite.preview.url}${query}`);
      await page.waitForFunction(() => window.backchannel?.state() && document.querySelector('#bc-controls button'));
      return page;
    };
    const saved = (page: Page) =>
      page.evaluate(() => {
        const read = (key: string) => {
          const text = localStorage.getItem(key);
          return text === null ? null : (JSON.parse(text) as { replay: { seed: string; final: string } }).replay;
        };
        return { current: read('backchannel:save'), previous: read('backchannel:save:previous'), keys: Object.keys(localStorage).sort() };
      });

    // Moves that keep the talks going (no acceptance), so that both games are still open at the end.
    const move = (page: Page) =>
      page.evaluate(() => {
        const b = window.backchannel;
        const legal = b.legalActions() as { type: string }[];
        const next = legal.find((x) => x.type === 'accept-agenda' || x.type === 'propose' || x.type === 'statement') ?? legal[0];
        return next ? (b.act(next) as { ok: boolean }).ok : false;
      });
    const moves = async (page: Page, n: number) => {
      for (let i = 0; i < n; i++) expect(await move(page)).toBe(true);
    };
    const a = await tab('?seed=tab-a');
    await act(a, { type: 'start' });
    await act(a, { type: 'begin' });
    await moves(a, 3);
    const aFirst = await state(a);

    // The second tab's title screen offers the first tab's game.
    const b = await tab('?seed=tab-b');
    expect((await state(b)).save.saved).toMatchObject({ turns: aFirst.save.saved?.turns, final: aFirst.checksum });
    await act(b, { type: 'start' });
    await act(b, { type: 'begin' });
    await moves(b, 2);
    // Another tab's writes reach this tab's localStorage asynchronously (across processes): poll.
    await expect.poll(async () => (await saved(a)).current?.seed, { timeout: 20_000 }).toBe('tab-b');

    // Both tabs move in the same instant, several times: every save stays whole and both games go on.
    for (let i = 0; i < 4; i++) await Promise.all([moves(a, 1), moves(b, 1)]);
    const [sa, sb] = [await state(a), await state(b)];
    expect(['agenda', 'rounds']).toContain(sa.screen);
    expect(['agenda', 'rounds']).toContain(sb.screen);
    expect(sa.save.available && sb.save.available).toBe(true);
    await expect
      .poll(async () => [sa.checksum, sb.checksum].includes((await saved(a)).current?.final ?? null), { timeout: 20_000 })
      .toBe(true);
    const after = await saved(a);
    expect(after.previous).not.toBeNull();
    expect(after.keys.filter((k) => k.includes('tmp') || k.includes('corrupt'))).toEqual([]);

    // The tab that moved last holds the save; the other tab's title screen shows that newest save, not a stale one.
    // (B moves, then A: B's save is the one before A's whichever tab won the race above.)
    await moves(b, 1);
    // B's save must have reached A's process before A saves, or A would keep its own as the one before.
    const bLast = await state(b);
    await expect.poll(async () => (await saved(a)).current?.final, { timeout: 20_000 }).toBe(bLast.checksum);
    await moves(a, 1);
    const aLast = await state(a);
    expect(['agenda', 'rounds']).toContain(aLast.screen);
    await expect.poll(async () => (await saved(b)).current?.final, { timeout: 20_000 }).toBe(aLast.checksum);
    await act(b, { type: 'title' });
    await expect.poll(async () => (await state(b)).save.saved?.final, { timeout: 20_000 }).toBe(aLast.checksum);
    await expect.poll(async () => (await saved(b)).previous?.seed, { timeout: 20_000 }).toBe('tab-b');
    // Continue in the second tab resumes the newest save: the first tab's game, same turn and checksum.
    await act(b, { type: 'continue' });
    await expect.poll(async () => (await state(b)).checksum, { timeout: 20_000 }).toBe(aLast.checksum);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a shared link normalises the seed and "Copy link" shows the full link in a selectable field', async () => {
    const { page, problems } = await open(`?scenario=tutorial&seed=${encodeURIComponent('  123  ')}&side=iran`);
    expect(await page.evaluate(() => (window.backchannel.state() as { choice: { seed: string } }).choice.seed)).toBe('123');
    await press(page, /^Copy link/);
    const field = page.getByRole('textbox', { name: 'Link to this game' });
    await expect.poll(() => field.isVisible()).toBe(true);
    const link = await field.inputValue();
    expect(link).toBe(`${suite.preview.url}?scenario=tutorial&seed=123&side=iran`);
    // Without the async Clipboard API (plain HTTP is not a secure context for it everywhere) the link is selected.
    expect(await field.evaluate((el: HTMLInputElement) => [el.readOnly, el.selectionStart, el.selectionEnd, el.value.length])).toEqual([
      true,
      0,
      link.length,
      link.length,
    ]);
    await page.keyboard.press('Escape');

    // The link starts the same game as the seed typed as a number.
    const other = await suite.browser.newPage();
    await other.goto(link);
    await other.waitForFunction(() => window.backchannel?.state());
    const started = await other.evaluate(() => {
      const b = window.backchannel;
      b.act({ type: 'start' });
      return (b.state() as { seed: string; checksum: string }).checksum;
    });
    const byNumber = await page.evaluate(() => {
      const b = window.backchannel;
      b.act({ type: 'choose', seed: 123 as unknown as string });
      b.act({ type: 'start' });
      return (b.state() as { checksum: string }).checksum;
    });
    expect(byNumber).toBe(started);
    expect(problems).toEqual([]);
    await other.close();
    await page.close();
  });
});
