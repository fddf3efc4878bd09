// Scenario files loaded in the browser, by the file picker and by drag and drop onto the title
// screen: every broken or hostile file gets exactly the lines `npx backchannel validate` prints for
// it, nothing on the page is lost or run, a 10 MB file is refused before it is read, and a good
// file becomes a playable scenario whose replays verify in the CLI.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { rawShipped } from '../support/scenarios';
import { ARTIFACTS, browserSuite, ROOT, tempDir } from './server';

const CLI = join(ROOT, 'bin/backchannel.mjs');
const DIR = tempDir('scenario-files');

const suite = browserSuite();

// ----- the files: each broken in one way the issue names, built from the shipped scenario

// biome-ignore lint/suspicious/noExplicitAny: the fixtures edit the parsed YAML freely
type Muscat = Record<string, any>;
const muscat = (): Muscat => parse(rawShipped('muscat-2026'));
const yamlOf = (edit: (s: Muscat) => void): string => {
  const s = muscat();
  edit(s);
  return stringify(s);
};
const letter = (i: number) => String.fromCharCode(97 + i);
const aliasBomb = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  ...Array.from(
    { length: 9 },
    (_, i) =>
      `${letter(i + 1)}: &${letter(i + 1)} [${Array(9)
        .fill(`*${letter(i)}`)
        .join(',')}]`,
  ),
].join('\n');

const BAD: Record<string, string> = {
  'truncated.json': JSON.stringify(muscat()).slice(0, 4000),
  'alias-bomb.yaml': aliasBomb,
  'nested-5000.yaml': `id: deep\nsetting: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
  'nested-5000.json': `${'['.repeat(5000)}${']'.repeat(5000)}`,
  'duplicate-keys.yaml': `${rawShipped('muscat-2026')}\nrounds: 4\n`,
  'proto.yaml': yamlOf(() => {}).replace('  - id: drone-downed', '  - __proto__: { polluted: yes }\n    id: drone-downed'),
  'constructor.json': JSON.stringify(muscat()).replace('"rounds":', '"constructor":{"prototype":{"polluted":true}},"rounds":'),
  'long-text.yaml': yamlOf((s) => {
    s.setting = 'x'.repeat(100_000);
  }),
  'bidi.yaml': yamlOf((s) => {
    s.events[2].text = 'Harmless \u202Etxet nedih';
  }),
  'bad-id.yaml': yamlOf((s) => {
    s.id = 'Muscat 2026!';
  }),
  'numbers.yaml': yamlOf((s) => {
    for (const issue of s.issues) issue.weights.us = [0, 0.01];
  })
    .replace(/q0: [0-9.]+/, 'q0: .nan')
    .replace(/rho: [0-9.]+/, 'rho: .inf')
    .replace(/descendChance: [0-9.]+/, 'descendChance: 1.5'),
  'unknown-issue.yaml': yamlOf((s) => {
    s.events[1].conditions = { onAgenda: 'space-programme' };
    s.agenda.core.push('nuclear-submarines');
  }),
  'no-top-rung.yaml': yamlOf((s) => {
    s.ladder.rungs = s.ladder.rungs.slice(0, 2);
  }),
  'notes.txt': 'not a scenario',
};

/** A good scenario of the teacher's own: the shipped one under a new id, with markup and emoji in its words. */
const TEACHER = yamlOf((s) => {
  s.id = 'muscat-classroom';
  s.title = 'Classroom: Muscat, our version';
  s.parties.us.publicBrief = '<script>window.__ran = true</script> Keep the talks alive.';
  s.events[0].title = '<img src=x onerror="window.__ran = true"> Families 👨‍👩‍👧 wait';
});

function write(name: string, text: string): string {
  const file = join(DIR, name);
  writeFileSync(file, text);
  return file;
}

/** What `npx backchannel validate <name>` prints, run beside the file: its lines without the `error: ` prefix. */
function validate(name: string): { status: number | null; lines: string[] } {
  const r = spawnSync(process.execPath, [CLI, 'validate', name], { cwd: DIR, encoding: 'utf8' });
  // A `warning:` line is about the editor's schema file next to the scenario, which a page given only
  // the file cannot see; the browser lists the rest, line for line.
  const lines = `${r.stdout}${r.stderr}`
    .split('\n')
    .filter((l) => l && !l.startsWith('warning: '))
    .map((l) => l.replace(/^error: /, ''));
  return { status: r.status, lines };
}

interface FileState {
  screen: string;
  choice: { scenarioId: string };
  scenario: { id: string; sha256: string } | null;
  checksum: string | null;
  scenarios: { id: string; ok: boolean; fromFile: boolean }[];
  scenarioFile: { name: string; ok: boolean; lines: string[] } | null;
  save: { problem: string | null; saved: { turns: number } | null };
}
const state = (page: Page) => page.evaluate(() => window.backchannel.state() as unknown) as Promise<FileState>;

async function openTitle(): Promise<{ page: Page; problems: string[] }> {
  const page = await suite.browser.newPage({ viewport: { width: 1280, height: 720 } });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(`${suite.preview.url}?seed=files`);
  await page.waitForFunction(() => window.backchannel?.state() && document.querySelector('#bc-controls button'));
  return { page, problems };
}

/** Loads a file the way a player does: the "Load a file…" picker, or a drop onto the title screen. */
async function load(page: Page, name: string, how: 'picker' | 'drop'): Promise<FileState['scenarioFile']> {
  if (how === 'picker') await page.setInputFiles('#bc-controls input[data-key="open-scenario-file"]', join(DIR, name));
  else
    await page.evaluate(
      ({ name, text }) => {
        const data = new DataTransfer();
        data.items.add(new File([text], name));
        const target = document.getElementById('bc-app') as HTMLElement;
        target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
        target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      { name, text: BAD[name] ?? TEACHER },
    );
  await page.waitForFunction((n) => (window.backchannel.state() as { scenarioFile?: { name: string } }).scenarioFile?.name === n, name);
  return (await state(page)).scenarioFile;
}

/** The error dialog's lines, then closes it with Escape. */
async function dialogLines(page: Page): Promise<string[]> {
  await page.waitForSelector('#bc-scenario-file[open]');
  const lines = await page.$$eval('#bc-scenario-file li', (items) => items.map((li) => li.textContent ?? ''));
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('#bc-scenario-file')?.hasAttribute('open'));
  return lines;
}

describe('scenario files in the browser', () => {
  it('lists exactly the errors `validate` prints for every broken file, by picker and by drop, and loses nothing', async () => {
    const { page, problems } = await openTitle();
    const before = await state(page);
    const names = Object.keys(BAD);
    for (const [i, name] of names.entries()) {
      write(name, BAD[name] as string);
      const cli = validate(name);
      expect(cli.status, name).toBe(1);
      const report = await load(page, name, i % 2 === 0 ? 'picker' : 'drop');
      expect(report?.ok, name).toBe(false);
      expect(report?.lines, name).toEqual(cli.lines);
      expect(await dialogLines(page), name).toEqual(cli.lines);
      // Nothing else changed: the same scenario chosen, no new scenario, still on the title.
      const after = await state(page);
      expect(after.screen).toBe('title');
      expect(after.choice.scenarioId).toBe(before.choice.scenarioId);
      expect(after.scenarios).toEqual(before.scenarios);
    }
    // The title screen also shows the count and the first lines; "Show all" opens the list again.
    await page.click('#bc-controls button[data-key="scenario-file-errors"]');
    expect(await dialogLines(page)).toEqual(validate('notes.txt').lines);
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted === undefined && !('polluted' in Object.prototype))).toBe(
      true,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'scenario-file-errors.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('refuses a 10 MB file before reading it, with the limit, in the same words as `validate`', async () => {
    const { page, problems } = await openTitle();
    // Count every read of a file's contents from here on.
    await page.evaluate(() => {
      const w = window as unknown as { __reads: number };
      w.__reads = 0;
      for (const method of ['text', 'arrayBuffer', 'bytes', 'stream'] as const) {
        const original = Blob.prototype[method] as (...a: unknown[]) => unknown;
        if (!original) continue;
        (Blob.prototype as unknown as Record<string, unknown>)[method] = function (this: Blob, ...a: unknown[]) {
          w.__reads++;
          return original.apply(this, a);
        };
      }
    });
    for (const [name, how] of [
      ['huge.json', 'drop'],
      ['huge-picked.json', 'picker'],
    ] as const) {
      writeFileSync(join(DIR, name), Buffer.alloc(10_500_000, 32));
      const cli = validate(name);
      expect(cli.lines).toEqual([`${name}: file is 10.5 MB, larger than the 1 MB limit`]);
      if (how === 'drop')
        await page.evaluate((n) => {
          const data = new DataTransfer();
          data.items.add(new File([new Uint8Array(10_500_000).fill(32)], n));
          const target = document.getElementById('bc-app') as HTMLElement;
          target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
        }, name);
      else await page.setInputFiles('#bc-controls input[data-key="open-scenario-file"]', join(DIR, name));
      await page.waitForFunction((n) => (window.backchannel.state() as { scenarioFile?: { name: string } }).scenarioFile?.name === n, name);
      expect((await state(page)).scenarioFile?.lines).toEqual(cli.lines);
      expect(await dialogLines(page)).toEqual(cli.lines);
    }
    expect(await page.evaluate(() => (window as unknown as { __reads: number }).__reads)).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('plays a good file: it joins the scenarios, its words stay literal, and its replay verifies in the CLI', async () => {
    const { page, problems } = await openTitle();
    write('our-muscat.yaml', TEACHER);
    const cli = validate('our-muscat.yaml');
    expect(cli).toEqual({ status: 0, lines: ['ok: muscat-classroom (our-muscat.yaml: 8 issues, 7 rungs, 28 events)'] });
    const report = await load(page, 'our-muscat.yaml', 'drop');
    expect(report).toEqual({ name: 'our-muscat.yaml', ok: true, lines: cli.lines });
    const s = await state(page);
    expect(s.choice.scenarioId).toBe('muscat-classroom');
    expect(s.scenarios.map((x) => `${x.id}${x.fromFile ? ' (file)' : ''}`)).toEqual([
      'muscat-2026',
      'black-sea-grain-2022',
      'geneva-2013',
      'tutorial',
      'muscat-classroom (file)',
    ]);
    expect(await page.isVisible('#bc-scenario-file[open]')).toBe(false);
    expect(await page.getAttribute('#bc-controls button[data-key="scenario-muscat-classroom"]', 'aria-pressed')).toBe('true');
    await page.screenshot({ path: join(ARTIFACTS, 'scenario-file-loaded.png') });

    // Play it: the briefing shows the markup as words, and nothing from the file runs.
    await page.evaluate(() => window.backchannel.act({ type: 'choose', seed: 'our-class', side: 'us' }));
    await page.evaluate(() => window.backchannel.act({ type: 'start' }));
    await page.waitForFunction(() => (window.backchannel.state() as { screen: string }).screen === 'briefing');
    expect(await page.textContent('body')).toContain('<script>window.__ran = true</script> Keep the talks alive.');
    const turns = await page.evaluate(() => {
      const b = window.backchannel;
      b.act({ type: 'begin' });
      let n = 0;
      for (; n < 12 && ['agenda', 'rounds'].includes((b.state() as { screen: string }).screen); n++) {
        const legal = b.legalActions() as { type: string }[];
        b.act(legal.find((a) => a.type === 'propose-agenda' || a.type === 'accept-agenda' || a.type === 'statement') ?? legal[0]);
      }
      return n;
    });
    expect(turns).toBeGreaterThan(3);
    expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
    expect(await page.$$('img, body script:not([type="module"])')).toHaveLength(0);
    const playing = await state(page);
    expect(playing.scenario?.id).toBe('muscat-classroom');

    // Its replay verifies in the CLI against the file, with the browser's checksum.
    const replay = await page.evaluate(() => window.backchannel.replay());
    const replayFile = write('our-class.replay.json', JSON.stringify(replay));
    const verify = spawnSync(process.execPath, [CLI, 'replay', 'verify', replayFile, '--scenario', join(DIR, 'our-muscat.yaml')], {
      encoding: 'utf8',
    });
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout.trim()).toBe(`ok: ${(replay as { log: unknown[] }).log.length} turns, checksum ${playing.checksum}`);

    // A reload forgets the file but keeps the save; Continue says what is missing, and works once the file is back.
    await page.reload();
    await page.waitForFunction(() => window.backchannel?.state() && document.querySelector('#bc-controls button'));
    expect((await state(page)).save.saved?.turns).toBe((replay as { log: unknown[] }).log.length);
    await page.evaluate(() => window.backchannel.act({ type: 'continue' }));
    const refused = await state(page);
    expect(refused.screen).toBe('title');
    expect(refused.save.problem).toMatch(/scenario "muscat-classroom".*load that file on the title screen first/);
    expect(refused.save.saved?.turns).toBe((replay as { log: unknown[] }).log.length);
    await load(page, 'our-muscat.yaml', 'picker');
    await page.evaluate(() => window.backchannel.act({ type: 'continue' }));
    await page.waitForFunction(() => (window.backchannel.state() as { screen: string }).screen !== 'title');
    expect((await state(page)).checksum).toBe(playing.checksum);

    // The same replay dropped on the title screen opens in the viewer (it is a replay, not a scenario).
    await page.evaluate(() => window.backchannel.act({ type: 'title' }));
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'our-class.replay.json'));
      const target = document.getElementById('bc-app') as HTMLElement;
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, JSON.stringify(replay));
    await page.waitForFunction(() => (window.backchannel.state() as { screen: string }).screen === 'replay');
    expect(problems).toEqual([]);
    await page.close();
  });

  it("the class debrief page takes a teacher's scenario file with its tables' replays, and lists a broken one's errors", async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    const scenarioFile = write('class-muscat.yaml', TEACHER);
    const replays = ['t1', 't2', 't3'].map((seed) => {
      const out = join(DIR, `class-${seed}.replay.json`);
      const r = spawnSync(
        process.execPath,
        [
          CLI,
          'play',
          '--scenario',
          scenarioFile,
          '--seed',
          'class-seed',
          '--us',
          `ai:${seed === 't1' ? 'linear' : 'boulware'}`,
          '--replay-out',
          out,
        ],
        {
          encoding: 'utf8',
        },
      );
      expect(r.status, r.stderr).toBe(0);
      return out;
    });
    await page.goto(`${suite.preview.url}class.html`);
    const picker = page.getByLabel(/Choose replay files/);
    // Without the scenario file the replays are refused, with a word on what to add.
    await picker.setInputFiles(replays[0] as string);
    await expect
      .poll(() => page.locator('#cd-problems').textContent())
      .toMatch(/unknown scenario "muscat-classroom".*add its \.yaml or \.json file/);
    await page.getByRole('button', { name: 'Clear tables' }).click();
    // Replays and the scenario file in one pick: the scenario is read first, and every table loads.
    await picker.setInputFiles([...replays, scenarioFile]);
    await expect.poll(() => page.locator('#cd-status').textContent(), { timeout: 60_000 }).toMatch(/^3 tables loaded\.$/);
    expect(await page.locator('#cd-problems').textContent()).toContain(
      'ok: muscat-classroom (class-muscat.yaml: 8 issues, 7 rungs, 28 events)',
    );
    // A broken scenario file: each of validate's lines is listed against the file's name.
    write('class-broken.yaml', BAD['no-top-rung.yaml'] as string);
    await picker.setInputFiles(join(DIR, 'class-broken.yaml'));
    const expected = validate('class-broken.yaml').lines;
    await expect
      .poll(() => page.locator('#cd-problems li').allTextContents(), { timeout: 30_000 })
      .toEqual(expect.arrayContaining(expected));
    expect(problems).toEqual([]);
    await page.close();
  });
});
