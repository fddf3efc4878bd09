// Online play in Chromium (issue 16): the built game served by the game server (`npm run serve`'s
// process), two browser contexts — the US host and Iran, who joins with the link — playing a whole
// game by pressing the DOM buttons; in the second test the server is killed with SIGKILL mid-game and
// started again, and both pages reconnect on their own and finish. Each table's replay verifies in
// the CLI with the final checksum both pages show.
import { type ChildProcess, execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { serveProcess } from '../support/serveProcess';
import { ARTIFACTS, browserSuite, ROOT, tempDir } from './server';
import { playTable, press, toDebrief } from './tablePlay';

const suite = browserSuite();
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The game server as `npm run serve` runs it, serving the e2e build, on `port`, with its data in `data`. */
const serve = (port: number, data: string) =>
  serveProcess(['--port', String(port), '--data', data, '--static', suite.preview.dir as string], children);

interface Online {
  code: string;
  viewer: string;
  turns: number;
  final: string | null;
  connected: boolean;
}
const state = (page: Page) =>
  page.evaluate(() => window.backchannel.state() as { screen: string; online: Online | null; error: string | null });

/** Opens the page, watching for page errors. */
async function open(context: BrowserContext, url: string, problems: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource/.test(m.text()))
      problems.push(`console error: ${m.text()}`);
  });
  await page.goto(url);
  await page.waitForFunction(() => window.backchannel?.state() && document.querySelector('#bc-controls button'));
  return page;
}

/** The host creates a table for a person; the guest opens the join link; both read their briefs. */
async function seatBoth(url: string, tag: string, problems: string[]): Promise<{ us: Page; iran: Page; code: string }> {
  const us = await open(
    await suite.browser.newContext({ viewport: { width: 1280, height: 720 } }),
    `${url}/?mode=online&seed=${tag}&side=us`,
    problems,
  );
  await press(us, /^The other seat: a person/);
  // The host's team name, typed on the title screen, reaches the guest as plain text.
  await us.getByRole('textbox', { name: /^Your name or your team/ }).fill('Team <i>Blue</i>');
  await press(us, /^Create a table on the game server/);
  await expect.poll(async () => (await state(us)).online?.code ?? '', { timeout: 20_000 }).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  const code = (await state(us)).online?.code as string;
  await us.screenshot({ path: join(ARTIFACTS, `online-waiting-${tag}.png`) });
  const iran = await open(
    await suite.browser.newContext({ viewport: { width: 1280, height: 720 } }),
    `${url}/?mode=online&table=${code}`,
    problems,
  );
  for (const page of [us, iran]) {
    await expect.poll(async () => (await state(page)).screen, { timeout: 20_000 }).toBe('briefing');
    await press(page, /Go to the agenda dispute/);
    await expect.poll(async () => (await state(page)).screen, { timeout: 20_000 }).toMatch(/agenda|rounds/);
  }
  expect((await state(iran)).online?.viewer).toBe('iran');
  expect(((await state(iran)).online as unknown as { seats: { us: { name: string | null } } }).seats.us.name).toBe('Team <i>Blue</i>');
  return { us, iran, code };
}

async function finish(pages: { us: Page; iran: Page }, url: string, code: string, tag: string): Promise<string> {
  const turns = await playTable(pages);
  for (const page of [pages.us, pages.iran])
    await expect.poll(async () => (await state(page)).online?.final ?? null, { timeout: 20_000 }).toMatch(/^[0-9a-f]{16}$/);
  const final = (await state(pages.us)).online?.final as string;
  expect((await state(pages.iran)).online?.final).toBe(final);
  // Both delegations go on to the debrief, which now shows both briefs.
  for (const [side, page] of [
    ['us', pages.us],
    ['iran', pages.iran],
  ] as const) {
    await toDebrief(page);
    const revealed = await page.evaluate(() => (window.backchannel.state() as { game: { types: Record<string, unknown> } }).game.types);
    expect(revealed.us && revealed.iran).toBeTruthy();
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(ARTIFACTS, `online-debrief-${tag}-${side}.png`) });
  }
  const response = await fetch(`${url}/api/tables/${code}/replay`);
  expect(response.status).toBe(200);
  const file = join(tempDir('backchannel-online-'), `${code}.replay.json`);
  writeFileSync(file, await response.text());
  const printed = execFileSync(process.execPath, [join(ROOT, 'bin/backchannel.mjs'), 'replay', 'verify', file], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(printed).toContain(`checksum ${final}`);
  console.log(`online e2e (${tag}): table ${code}, ${turns} turns, final ${final}; CLI: ${printed.trim()}`);
  return final;
}

describe('online play in Chromium, through the game server', () => {
  it('two browsers play a whole game against each other by their buttons; the replay verifies', async () => {
    const problems: string[] = [];
    const port = await freePort();
    const server = await serve(port, join(tempDir('backchannel-online-data-'), 'data'));
    const { us, iran, code } = await seatBoth(server.url, 'e2e-online-1', problems);
    // Iran's page never holds the US's secrets.
    const iranGame = await iran.evaluate(
      () => (window.backchannel.state() as { game: { types: Record<string, unknown>; seed: string } }).game,
    );
    expect(iranGame.types.us).toBeNull();
    expect(iranGame.seed).toBe('');
    await finish({ us, iran }, server.url, code, 'e2e-online-1');
    expect(problems).toEqual([]);
    server.child.kill('SIGTERM');
  }, 300_000);

  it('the server is killed mid-game and started again: both pages reconnect and finish', async () => {
    const problems: string[] = [];
    const port = await freePort();
    const data = join(tempDir('backchannel-online-data-'), 'data');
    const first = await serve(port, data);
    const { us, iran, code } = await seatBoth(first.url, 'e2e-online-2', problems);
    const mid = await playTable({ us, iran }, (st) => (st.online?.turns ?? 0) >= 10);
    expect(mid).toBeGreaterThanOrEqual(10);
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    const second = await serve(port, data);
    expect(second.output()).toMatch(/restored 1 open table/);
    for (const page of [us, iran]) await expect.poll(async () => (await state(page)).online?.connected, { timeout: 60_000 }).toBe(true);
    expect((await state(us)).online?.turns).toBe(mid);
    await finish({ us, iran }, second.url, code, 'e2e-online-2');
    expect(problems).toEqual([]);
    second.child.kill('SIGTERM');
  }, 300_000);
});
