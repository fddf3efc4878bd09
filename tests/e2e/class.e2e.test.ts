// The live classroom in Chromium (issue 17): the built game served by the game server (`npm run
// serve`'s process); a teacher creates a class on class.html?new, four student teams open the class
// link on their own browser contexts, type their names and are seated at two tables; they play by
// their buttons while the teacher, on the console, pauses one table and injects an event into the
// other; both tables play to the debrief. The console's Debrief tab then compares both tables read
// from the server (no file loaded), and its CSV equals core's tablesToCsv of the same replays.
import { type ChildProcess, execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { compareTables, tablesToCsv } from '../../src/core/classroom';
import { readReplay, verifyReplay } from '../../src/core/replay';
import { loadShipped } from '../support/scenarios';
import { serveProcess } from '../support/serveProcess';
import { ARTIFACTS, browserSuite, ROOT, tempDir } from './server';
import { playTable, press, type TableState, toDebrief } from './tablePlay';

const suite = browserSuite();
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});
const { scenario, sha256 } = loadShipped('muscat-2026');

interface StudentState extends TableState {
  class: { code: string; team: string; status: string; table: string | null; side: string | null } | null;
  notice: { text: string } | null;
}
const state = (page: Page) => page.evaluate(() => window.backchannel.state() as unknown as StudentState);

function watch(page: Page, problems: string[], who: string): void {
  page.on('pageerror', (e) => problems.push(`${who}: page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource/.test(m.text()))
      problems.push(`${who}: console error: ${m.text()}`);
  });
}

async function student(context: BrowserContext, url: string, name: string, problems: string[]): Promise<Page> {
  const page = await context.newPage();
  watch(page, problems, name);
  await page.goto(url);
  await page.waitForFunction(() => window.backchannel?.state() && document.querySelector('#bc-controls button'));
  await page.getByRole('textbox', { name: /^Your team’s name/ }).fill(name);
  if (name === 'Falcons') await page.screenshot({ path: join(ARTIFACTS, 'class-student-join.png') });
  await press(page, /^Join the class .* with this team name/);
  return page;
}

type ConsoleView = {
  info: { code: string };
  tables: { code: string; paused: boolean; turns: number; phase: string; seats: { us: { name: string } } }[];
  teams: { name: string; table: string | null }[];
};
const consoleOf = (page: Page) =>
  page.evaluate(() => (window.backchannel as unknown as { console(): unknown }).console() as ConsoleView | null);

describe('a live class in Chromium, through the game server', () => {
  it('a teacher and four teams at two tables play to the debrief; pause and inject from the console; the debrief fills itself', async () => {
    const problems: string[] = [];
    const server = await serveProcess(
      ['--port', '0', '--data', join(tempDir('backchannel-class-data-'), 'data'), '--static', suite.preview.dir as string],
      children,
    );
    const url = server.url;

    // The teacher creates the class on class.html?new.
    const teacher = await (await suite.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    watch(teacher, problems, 'teacher');
    await teacher.goto(`${url}/class.html?new`);
    await teacher.getByLabel(/^Class title/).fill('Period 3');
    await teacher.getByLabel(/^Seed/).fill('class-e2e');
    await teacher.getByRole('button', { name: 'Create the class' }).click();
    await expect.poll(async () => (await consoleOf(teacher))?.info.code ?? '', { timeout: 20_000 }).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const code = (await consoleOf(teacher))?.info.code as string;
    expect(teacher.url()).toContain(`console=${code}`);
    await teacher.screenshot({ path: join(ARTIFACTS, 'class-console-empty.png'), fullPage: true });

    // Four teams, each on its own browser context, open the class link and type their names.
    const names = ['Falcons', 'Owls', 'Herons', 'Kites'];
    const pages: Page[] = [];
    for (const name of names)
      pages.push(
        await student(await suite.browser.newContext({ viewport: { width: 1280, height: 720 } }), `${url}/?class=${code}`, name, problems),
      );
    for (const page of pages) await expect.poll(async () => (await state(page)).screen, { timeout: 30_000 }).toBe('briefing');
    const seats = await Promise.all(pages.map(async (p) => (await state(p)).class));
    expect(seats.map((s) => s?.side)).toEqual(['us', 'iran', 'us', 'iran']);
    const [a, b] = [seats[0]?.table as string, seats[2]?.table as string];
    expect(seats[1]?.table).toBe(a);
    expect(seats[3]?.table).toBe(b);
    const tableA = { us: pages[0] as Page, iran: pages[1] as Page };
    const tableB = { us: pages[2] as Page, iran: pages[3] as Page };
    for (const page of pages) {
      await press(page, /Go to the agenda dispute/);
      await expect.poll(async () => (await state(page)).screen, { timeout: 20_000 }).toMatch(/agenda|rounds/);
    }
    await expect.poll(async () => (await consoleOf(teacher))?.tables.length ?? 0, { timeout: 20_000 }).toBe(2);

    // Both tables reach the table talks.
    await playTable(tableA, (s) => s.game?.phase === 'rounds');
    await playTable(tableB, (s) => s.game?.phase === 'rounds');

    // The teacher pauses table A from the console (its row ticked, then Pause).
    await teacher.getByLabel(`Select table ${a}`).check();
    await teacher.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect.poll(async () => (await consoleOf(teacher))?.tables.find((t) => t.code === a)?.paused, { timeout: 20_000 }).toBe(true);
    for (const p of [tableA.us, tableA.iran]) await expect.poll(async () => (await state(p)).game?.paused, { timeout: 20_000 }).toBe(true);
    expect((await state(tableB.us)).game?.paused).toBe(false);
    await tableA.us.screenshot({ path: join(ARTIFACTS, 'class-student-paused.png') });

    // Then injects an event into table B only.
    await teacher.getByLabel(`Select table ${a}`).uncheck();
    await teacher.getByLabel(`Select table ${b}`).check();
    const seen = new Set((await state(tableB.us)).game?.eventsSeen ?? []);
    const event = scenario.events.find((e) => !seen.has(e.id)) as (typeof scenario.events)[number];
    await teacher.getByText('Inject an event').click();
    await teacher.getByLabel('Event from the deck').selectOption(event.id);
    await teacher.getByRole('button', { name: 'Inject the event' }).click();
    for (const p of [tableB.us, tableB.iran])
      await expect.poll(async () => (await state(p)).game?.eventsSeen.includes(event.id), { timeout: 20_000 }).toBe(true);
    expect((await state(tableA.us)).game?.eventsSeen.includes(event.id)).toBe(false);
    await teacher.screenshot({ path: join(ARTIFACTS, 'class-console-live.png'), fullPage: true });

    // Table B plays on to the end while A waits; then A is resumed and plays to the end.
    await playTable(tableB);
    await teacher.getByLabel(`Select table ${b}`).uncheck();
    await teacher.getByLabel(`Select table ${a}`).check();
    await teacher.getByRole('button', { name: 'Resume', exact: true }).click();
    for (const p of [tableA.us, tableA.iran]) await expect.poll(async () => (await state(p)).game?.paused, { timeout: 20_000 }).toBe(false);
    await playTable(tableA);
    for (const page of pages) await toDebrief(page);
    await tableB.iran.screenshot({ path: join(ARTIFACTS, 'class-student-debrief.png') });
    await expect
      .poll(async () => (await consoleOf(teacher))?.tables.map((t) => t.phase).join(','), { timeout: 20_000 })
      .toBe('ended,ended');

    // The console's Debrief tab: both tables from the server, no file loaded.
    await teacher.getByRole('tab', { name: /Debrief/ }).click();
    const debrief = await teacher.evaluate(() =>
      (window.backchannel as unknown as { debrief(): Promise<{ tables: number; csv: string; problems: string[] }> }).debrief(),
    );
    expect(debrief.tables).toBe(2);
    expect(debrief.problems).toEqual([]);
    expect(await teacher.getByText(`${a} (Falcons v Owls)`).first().isVisible()).toBe(true);
    await teacher.screenshot({ path: join(ARTIFACTS, 'class-console-debrief.png'), fullPage: true });

    // The same CSV as core's, from the same replays read with the teacher's token (kept on the teacher's device only).
    const token = await teacher.evaluate((c) => localStorage.getItem(`backchannel.teacher.${c}`), code);
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    const body = (await (await fetch(`${url}/api/classes/${code}/replays`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      tables: { code: string; teams: { us: string; iran: string }; replay: unknown }[];
    };
    const inputs = body.tables.map((t) => {
      const read = readReplay(t.replay);
      if (!read.ok) throw new Error(read.error);
      const checked = verifyReplay(scenario, sha256, read.replay);
      if (!checked.ok) throw new Error(checked.error);
      return { name: `${t.code} (${t.teams.us} v ${t.teams.iran})`, state: checked.state, log: read.replay.log };
    });
    expect(debrief.csv).toBe(tablesToCsv(compareTables(scenario, inputs)));
    // The teacher's actions are facilitator turns in the replays.
    const facilitated = body.tables.map((t) =>
      (readReplay(t.replay) as { ok: true; replay: { log: { side: string; action: { type: string } }[] } }).replay.log
        .filter((l) => l.side === 'facilitator')
        .map((l) => l.action.type),
    );
    expect(facilitated).toEqual([['pause', 'pause'], ['inject']]);
    // And they verify in the CLI, as any replay file does.
    for (const t of body.tables) {
      const file = join(tempDir('backchannel-class-replays-'), `${t.code}.replay.json`);
      writeFileSync(file, JSON.stringify(t.replay));
      const printed = execFileSync(process.execPath, [join(ROOT, 'bin/backchannel.mjs'), 'replay', 'verify', file], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(printed).toMatch(/checksum [0-9a-f]{16}/);
    }
    console.log(`class e2e: class ${code}, tables ${a} and ${b}; the console's CSV:\n${debrief.csv}`);
    expect(problems).toEqual([]);
    server.child.kill('SIGTERM');
  }, 420_000);
});
