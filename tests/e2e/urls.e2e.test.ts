// Hostile seeds and URL values in real Chromium (docs/design.md §3 and §5): src/app/url.ts → App → title
// screen. For each link: no uncaught error, the title screen renders (WebGL canvas and DOM buttons),
// a refused value is named in plain words on the canvas and in the DOM mirror, nothing from the URL
// becomes HTML, and the game still starts and plays. Each case is listed in docs/robustness.md.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, browserSuite, ROOT, tempDir } from './server';

const TMP = tempDir('urls');
const suite = browserSuite();

interface View {
  screen: string;
  renderer: string | null;
  problems: string[];
  choice: { seed: string; scenarioId: string; side: string; mode: string; personality: string };
  side: string | null;
  seed: string | null;
  checksum: string | null;
  game: { turn: number } | null;
}

interface Opened {
  page: Page;
  /** Uncaught errors, console errors and any dialog (an `alert(1)` that ran). */
  problems: string[];
}

/** Opens the built page at `query` (appended to the server's URL as is) in a fresh context. */
async function open(query: string): Promise<Opened> {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  // Every element added to the page from the first byte on, to show none came from the URL.
  await page.addInitScript(() => {
    const added = new Set<Element>();
    (window as unknown as { __added: Set<Element> }).__added = added;
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes) if (n instanceof Element) for (const e of [n, ...n.querySelectorAll('*')]) added.add(e);
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${suite.preview.url}${query}`, { timeout: 60_000 });
  await page.waitForFunction(
    () => window.backchannel?.state() && document.querySelector('#bc-canvas canvas') && document.querySelector('#bc-controls button'),
    undefined,
    { timeout: 30_000 },
  );
  return { page, problems };
}

const view = (page: Page) => page.evaluate(() => window.backchannel.state() as unknown) as Promise<View>;
const mirrorText = (page: Page) =>
  page
    .locator('#bc-screen')
    .textContent()
    .then((t) => t ?? '');
const seedBox = (page: Page) => page.locator('#bc-controls input[data-key="seed"]').inputValue();

/** The title screen is up, drawn with WebGL, with its DOM buttons. */
async function expectTitle(page: Page): Promise<void> {
  const s = await view(page);
  expect(s.screen).toBe('title');
  expect(s.renderer).toBe('webgl');
  expect(await page.getByRole('button', { name: /^Start the talks/ }).count()).toBe(1);
  await expect.poll(() => mirrorText(page)).toMatch(/choose your game/);
}

/**
 * How much of the canvas where the title screen draws "The link had problems" is that panel's amber
 * fill (0x2a1d0a): well above zero when the warning is drawn, zero on a clean link.
 */
async function warningPanel(page: Page): Promise<number> {
  const png = await page.screenshot({ clip: { x: 706, y: 424, width: 548, height: 44 } });
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const g = new OffscreenCanvas(bmp.width, bmp.height).getContext('2d') as OffscreenCanvasRenderingContext2D;
    g.drawImage(bmp, 0, 0);
    const d = g.getImageData(0, 0, bmp.width, bmp.height).data;
    let amber = 0;
    for (let i = 0; i < d.length; i += 4)
      if (Math.abs((d[i] ?? 0) - 0x2a) < 10 && Math.abs((d[i + 1] ?? 0) - 0x1d) < 10 && Math.abs((d[i + 2] ?? 0) - 0x0a) < 10) amber++;
    return amber / (d.length / 4);
  }, png.toString('base64'));
}

/** Nothing from the URL became an element: no <img>, <b>, <iframe>, no inline handler, only the build's own script. */
async function expectNoInjection(page: Page): Promise<void> {
  const found = await page.evaluate(async () => {
    // The page's own inline scripts, as the server sends them (the old-bookmark redirect in index.html).
    const served = new DOMParser().parseFromString(await (await fetch(location.pathname)).text(), 'text/html');
    const own = new Set([...served.scripts].filter((s) => !s.src).map((s) => s.text));
    const foreign = (s: HTMLScriptElement) =>
      s.src ? !/^\/assets\/[\w.-]+\.js$/.test(s.src.replace(location.origin, '')) : !own.has(s.text);
    return {
      added: [...(window as unknown as { __added: Set<Element> }).__added]
        .filter((e) => /^(IMG|B|IFRAME|OBJECT|EMBED|SVG)$/i.test(e.tagName) || (e instanceof HTMLScriptElement && foreign(e)))
        .map((e) => e.outerHTML),
      tags: [...document.querySelectorAll('img, b, iframe, object, embed')].map((e) => e.outerHTML),
      scripts: [...document.scripts].filter(foreign).map((s) => s.src.replace(location.origin, '') || s.outerHTML),
      handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
    };
  });
  expect(found).toEqual({ added: [], tags: [], scripts: [], handlers: [] });
}

/** Starts with the DOM start button, reads the briefing by its button, settles the agenda and plays `moves` at the table. */
async function startAndPlay(page: Page, moves: number): Promise<View> {
  await page.getByRole('button', { name: /^Start the talks/ }).click();
  await expect.poll(async () => (await view(page)).screen).toBe('briefing');
  await page.getByRole('button', { name: /^Go to the agenda dispute/ }).click();
  await expect.poll(async () => (await view(page)).screen).toBe('agenda');
  await playSame(page, 12 + moves);
  const after = await view(page);
  expect(after.game?.turn ?? 0).toBeGreaterThan(moves);
  return after;
}

/** The same moves whatever the seed: accept the agenda when offered, otherwise the first proposal; never accept an offer. */
async function playSame(page: Page, moves: number): Promise<void> {
  await page.evaluate((n) => {
    const b = window.backchannel;
    for (let i = 0; i < n && ['agenda', 'rounds'].includes((b.state() as { screen: string }).screen); i++) {
      const legal = b.legalActions() as { type: string }[];
      const move = legal.find((a) => a.type === 'accept-agenda') ?? legal.find((a) => a.type === 'propose-agenda' || a.type === 'propose');
      if (!move) break;
      b.act(move);
    }
  }, moves);
}

describe('hostile seeds in the link', () => {
  it('an empty seed (?seed=): says the seed is empty, picks a new one, and the game plays', async () => {
    const { page, problems } = await open('?seed=');
    await expectTitle(page);
    const s = await view(page);
    expect(s.problems).toEqual(['The seed in the link is empty (seed=): a new seed was chosen.']);
    expect(await mirrorText(page)).toContain('The seed in the link is empty (seed=)');
    await expect.poll(() => warningPanel(page)).toBeGreaterThan(0.3);
    const seed = await seedBox(page);
    expect(seed).toMatch(/^[a-z]+-\d{4}$/);
    const played = await startAndPlay(page, 2);
    expect(played.seed).toBe(seed);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('a 10 KB seed: refused with its length and the limit, the page stays responsive', async () => {
    const { page, problems } = await open(`?seed=${'x'.repeat(10_240)}`);
    await expectTitle(page);
    const s = await view(page);
    expect(s.problems).toEqual([
      'The seed in the link (seed=) cannot be used: seed is longer than 256 characters (it has 10,240). A new seed was chosen.',
    ]);
    expect(await mirrorText(page)).toContain('seed is longer than 256 characters (it has 10,240)');
    // The refused seed is not echoed anywhere: not in the mirror, not in the seed box.
    expect(await mirrorText(page)).not.toContain('x'.repeat(300));
    expect(await seedBox(page)).toMatch(/^[a-z]+-\d{4}$/);
    await expect.poll(() => warningPanel(page)).toBeGreaterThan(0.3);
    await startAndPlay(page, 2);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it.each([
    ['?seed=10%25', 'an escaped percent sign'],
    ['?seed=10%', 'a malformed percent escape'],
  ])('%s (%s) is the literal seed "10%", with no problem shown', async (query) => {
    const { page, problems } = await open(query);
    await expectTitle(page);
    const s = await view(page);
    expect(s.problems).toEqual([]);
    expect(s.choice.seed).toBe('10%');
    expect(await seedBox(page)).toBe('10%');
    expect(await mirrorText(page)).not.toMatch(/Problems with the link/);
    expect(await warningPanel(page)).toBeLessThan(0.02);
    const played = await startAndPlay(page, 2);
    expect(played.seed).toBe('10%');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('?seed=a+b is the seed "a b" everywhere, and the exported replay verifies in the CLI', async () => {
    const { page, problems } = await open('?seed=a+b&side=us');
    await expectTitle(page);
    expect((await view(page)).problems).toEqual([]);
    expect(await seedBox(page)).toBe('a b');
    const played = await startAndPlay(page, 3);
    expect(played.seed).toBe('a b');
    expect(played.choice.seed).toBe('a b');
    const replay = (await page.evaluate(() => window.backchannel.replay())) as { seed: string; final: string; log: unknown[] };
    expect(replay.seed).toBe('a b');
    expect(replay.final).toBe(played.checksum);
    // "Export replay" at the table: a real download, checked move by move by the CLI.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Export replay/ }).click()]);
    const file = join(TMP, 'a-plus-b.replay.json');
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { seed: string; final: string; log: unknown[] };
    expect(exported.seed).toBe('a b');
    expect(exported.final).toBe(played.checksum);
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/backchannel.mjs'), 'replay', 'verify', file], { cwd: ROOT, encoding: 'utf8' });
    expect({ status: r.status, out: `${r.stdout}${r.stderr}`.trim() }).toEqual({
      status: 0,
      out: `ok: ${exported.log.length} turns, checksum ${played.checksum}`,
    });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('the flag emoji 🇮🇷 is kept as the seed and the game plays', async () => {
    const { page, problems } = await open(`?seed=${encodeURIComponent('🇮🇷')}`);
    await expectTitle(page);
    expect((await view(page)).problems).toEqual([]);
    expect(await seedBox(page)).toBe('🇮🇷');
    const played = await startAndPlay(page, 2);
    expect(played.seed).toBe('🇮🇷');
    expect(((await page.evaluate(() => window.backchannel.replay())) as { seed: string }).seed).toBe('🇮🇷');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('NFC "café" and NFD "cafe\\u0301" are the same seed: shown as NFC, the same game checksum', async () => {
    const results: { seed: string; box: string; checksum: string | null; final: string }[] = [];
    for (const seed of ['caf\u00e9', 'cafe\u0301']) {
      const { page, problems } = await open(`?seed=${encodeURIComponent(seed)}&side=iran`);
      await expectTitle(page);
      expect((await view(page)).problems).toEqual([]);
      const box = await seedBox(page);
      const played = await startAndPlay(page, 4);
      const replay = (await page.evaluate(() => window.backchannel.replay())) as { seed: string; final: string };
      results.push({ seed: replay.seed, box, checksum: played.checksum, final: replay.final });
      expect(problems).toEqual([]);
      await page.context().close();
    }
    const [nfc, nfd] = results;
    expect(nfc?.box).toBe('caf\u00e9');
    expect(nfd?.box).toBe('caf\u00e9');
    expect(nfd?.seed).toBe('caf\u00e9');
    expect(nfd?.checksum).toBe(nfc?.checksum);
    expect(nfd?.final).toBe(nfc?.final);
  });
});

describe('hostile values for the other parameters', () => {
  it.each([
    [
      '?scenario=nope',
      /^“nope” is not a scenario \(scenario=\): choose muscat-2026, black-sea-grain-2022, geneva-2013 or tutorial\. A scenario of your own: load its file with “Load a file…”\.$/,
      '“nope”',
    ],
    ['?side=france', /^“france” is not a side: use side=us or side=iran\.$/, '“france”'],
    [
      '?mode=<script>alert(1)</script>',
      /^“<script>alert\(1\)<\/script>” is not a mode: use mode=solo, hotseat or replay\.$/,
      '<script>alert(1)</script>',
    ],
    [
      '?mode=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
      /^“<img src=x onerror=alert\(1\)>” is not a mode: use mode=solo, hotseat or replay\.$/,
      '<img src=x onerror=alert(1)>',
    ],
    [
      '?personality=<b>x</b>',
      /^“<b>x<\/b>” is not a counterpart \(personality=\): choose .*tit-for-tat.*; the default was used\.$/,
      '<b>x</b>',
    ],
  ])('%s: named in plain words, shown as text, the defaults used, the game plays', async (query, message, literal) => {
    const { page, problems } = await open(query);
    await expectTitle(page);
    const s = await view(page);
    expect(s.problems).toHaveLength(1);
    expect(s.problems[0]).toMatch(message);
    expect(s.choice).toMatchObject({ scenarioId: 'muscat-2026', side: 'us', mode: 'solo', personality: 'tit-for-tat' });
    const mirror = await mirrorText(page);
    expect(mirror).toContain('Problems with the link');
    expect(mirror).toContain(literal);
    await expect.poll(() => warningPanel(page)).toBeGreaterThan(0.3);
    await expectNoInjection(page);
    await startAndPlay(page, 2);
    await expectNoInjection(page);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('5,000-character scenario and personality values are cut in the message and does not freeze the page', async () => {
    const { page, problems } = await open(`?scenario=${'s'.repeat(5_000)}&personality=${'p'.repeat(5_000)}`);
    await expectTitle(page);
    const s = await view(page);
    expect(s.problems).toEqual([
      `“${'s'.repeat(40)}…” (5,000 characters) is not a scenario (scenario=): choose muscat-2026, black-sea-grain-2022, geneva-2013 or tutorial. A scenario of your own: load its file with “Load a file…”.`,
      expect.stringMatching(new RegExp(`^“${'p'.repeat(40)}…” \\(5,000 characters\\) is not a counterpart \\(personality=\\)`)),
    ]);
    expect((await mirrorText(page)).length).toBeLessThan(5_000);
    await startAndPlay(page, 1);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('a right-to-left override in a value is shown as U+202E, not obeyed', async () => {
    const { page, problems } = await open('?side=%E2%80%AEnarf');
    await expectTitle(page);
    expect((await view(page)).problems).toEqual(['“U+202Enarf” is not a side: use side=us or side=iran.']);
    expect(await mirrorText(page)).not.toContain('\u202e');
    await page.screenshot({ path: join(ARTIFACTS, 'url-bidi.png') });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("side= names a party of the chosen scenario: its own ids are taken, another scenario's are refused with the valid ones", async () => {
    const own = await open('?scenario=black-sea-grain-2022&seed=parties&side=ukraine');
    await expectTitle(own.page);
    const taken = await view(own.page);
    expect(taken.problems).toEqual([]);
    expect(taken.choice).toMatchObject({ scenarioId: 'black-sea-grain-2022', side: 'ukraine' });
    await startAndPlay(own.page, 2);
    expect((await view(own.page)).side).toBe('ukraine');
    expect(own.problems).toEqual([]);
    await own.page.context().close();
    const other = await open('?scenario=black-sea-grain-2022&side=iran');
    await expectTitle(other.page);
    const refused = await view(other.page);
    expect(refused.problems).toEqual(['“iran” is not a side: use side=russia or side=ukraine.']);
    expect(refused.choice).toMatchObject({ scenarioId: 'black-sea-grain-2022', side: 'russia' });
    expect(other.problems).toEqual([]);
    await other.page.context().close();
  });

  it('a clean link shows no problem panel', async () => {
    const { page, problems } = await open('?scenario=muscat-2026&seed=clean&side=us&mode=solo');
    await expectTitle(page);
    expect((await view(page)).problems).toEqual([]);
    expect(await warningPanel(page)).toBeLessThan(0.02);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
