// Browser benchmarks in headless Chromium, each side by side with the bare Phaser 4 baseline
// (bench/baseline) built and served the same way in the same run: load time to the first
// interactive frame, bundle size, frame times on the table screen, and heap growth over 20 games.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/server';
import { median, percentile } from './engine';

const ROOT = join(import.meta.dirname, '..');
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');

interface Served {
  url: string;
  dir: string;
  stop: () => void;
}

function build(config: string | null, env: Record<string, string> = {}): string {
  const outDir = mkdtempSync(join(tmpdir(), 'backchannel-bench-'));
  const args = [VITE, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'];
  if (config) args.push('-c', config);
  execFileSync(process.execPath, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  return outDir;
}

/** Gzip (level 9) and raw bytes of every JavaScript file a build emits: both pages and the chunks loaded on demand. */
function allJsBytes(dir: string): { raw: number; gzip: number; files: string[] } {
  const files = readdirSync(join(dir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  return bytesOf(dir, files);
}

/** Raw and gzip (level 9) bytes of these files of a build. */
function bytesOf(dir: string, files: string[]): { raw: number; gzip: number; files: string[] } {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = readFileSync(join(dir, f));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip, files };
}

async function serve(dir: string): Promise<Served> {
  const child: ChildProcess = spawn(
    process.execPath,
    [VITE, 'preview', '--outDir', dir, '--host', '127.0.0.1', '--port', '0', '--strictPort', 'false'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    },
  );
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    const read = (chunk: Buffer) => {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: strip ANSI colours from vite's banner
      out += chunk.toString().replace(/\u001b\[[0-9;]*m/g, '');
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m?.[1]) ok(m[1]);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => fail(new Error(`vite preview exited (${code}): ${out}`)));
  });
  return { url, dir, stop: () => child.kill('SIGTERM') };
}

/** Gzip (level 9) and raw bytes of the JavaScript a page loads: its module script and modulepreloads. */
function jsBytes(dir: string, page = 'index.html'): { raw: number; gzip: number; files: string[] } {
  const html = readFileSync(join(dir, page), 'utf8');
  const files = [...new Set([...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string))];
  return bytesOf(dir, files);
}

/** The files a build emits whose names match, as `assets/<name>`. */
const assetsMatching = (dir: string, pattern: RegExp) =>
  readdirSync(join(dir, 'assets'))
    .filter((f) => pattern.test(f))
    .map((f) => `assets/${f}`);

/**
 * What the game page loads (its scripts and modulepreloads), the class page, every JS file, the two
 * Phaser baselines, and what choosing Persian adds: the Persian catalogue and the scenarios'
 * translations (JS), and the Vazirmatn faces with their CSS.
 */
export function bundleSizes(gameDir: string, baseDir: string, slimBaseDir: string) {
  const game = jsBytes(gameDir);
  const phaser = jsBytes(baseDir);
  const persianJs = bytesOf(gameDir, assetsMatching(gameDir, /^(persian|_virtual_backchannel-scenario-texts)-.*\.js$/));
  const persianFont = bytesOf(gameDir, [
    ...assetsMatching(gameDir, /^vazirmatn-arabic-.*\.woff2$/),
    ...assetsMatching(gameDir, /^arabic-\d+-.*\.css$/),
  ]);
  return {
    game,
    classPage: jsBytes(gameDir, 'class.html'),
    allJs: allJsBytes(gameDir),
    phaser,
    slimPhaser: jsBytes(slimBaseDir),
    persian: {
      /** Loaded only with `lang=fa` (or Persian chosen in Settings). */
      addedJs: persianJs,
      addedFonts: persianFont,
      /** The game page's JS with Persian loaded, against Phaser's (the same ≤ 1.25 target). */
      gameWithPersianGzip: game.gzip + persianJs.gzip,
      gzipRatioWithPersian: Math.round(((game.gzip + persianJs.gzip) / phaser.gzip) * 100) / 100,
    },
  };
}

/** `npm run bench -- --bundle`: only the build sizes (three builds, no browser). */
export function bundleBench() {
  const gameDir = build(null);
  const baseDir = build(join(ROOT, 'bench/baseline/vite.config.ts'));
  const slimBaseDir = build(join(ROOT, 'bench/baseline/vite.config.ts'), { BASELINE_PHASER: 'slim' });
  const b = bundleSizes(gameDir, baseDir, slimBaseDir);
  return {
    ...b,
    gzipRatio: Math.round((b.game.gzip / b.phaser.gzip) * 100) / 100,
    gzipRatioOnSlimPhaser: Math.round((b.game.gzip / b.slimPhaser.gzip) * 100) / 100,
    target: 1.25,
  };
}

/** Records, from the first frame, the time the page became interactive (performance.now since navigation). */
const READY_PROBE = `
  (() => {
    const ready = () => (window.backchannel && window.backchannel.state && window.backchannel.state().screen === 'title' && document.querySelector('#bc-controls button')) || window.__sceneReady === true;
    const tick = () => { if (ready()) { requestAnimationFrame(() => { window.__readyAt = performance.now(); }); } else requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })();`;

interface LoadTiming {
  /** Navigation to the first interactive frame. */
  ready: number;
  /** Navigation to the end of DOMContentLoaded: the scripts fetched and run (Phaser and the page's code evaluated, the game constructed). */
  scripts: number;
}

async function timeToInteractive(browser: Browser, url: string): Promise<LoadTiming> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.addInitScript(READY_PROBE);
  await page.goto(url);
  await page.waitForFunction(() => typeof (window as unknown as { __readyAt?: number }).__readyAt === 'number', null, { timeout: 60_000 });
  const at = await page.evaluate(() => ({
    ready: (window as unknown as { __readyAt: number }).__readyAt,
    scripts: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
  }));
  await context.close();
  return at;
}

/** Medians of a series of load timings: the whole, and its two parts (scripts; boot, first screen built and drawn). */
function loadSummary(runs: LoadTiming[]) {
  return {
    median: r2(median(runs.map((r) => r.ready))),
    runs: runs.map((r) => r2(r.ready)),
    scripts: r2(median(runs.map((r) => r.scripts))),
    afterScripts: r2(median(runs.map((r) => r.ready - r.scripts))),
  };
}

type Api = {
  act: (a: unknown) => { ok: boolean; error?: string };
  state: () => Record<string, unknown>;
  legalActions: () => { type: string }[];
};

/** Plays one whole solo game through window.backchannel, ending on the debrief. */
async function playOneGame(page: Page, seed: string): Promise<void> {
  await page.evaluate((s) => {
    const b = (window as unknown as { backchannel: Api }).backchannel;
    b.act({ type: 'choose', seed: s, side: 'us', mode: 'solo' });
    b.act({ type: 'start' });
    b.act({ type: 'begin' });
    for (let i = 0; i < 200 && ['agenda', 'rounds'].includes(String(b.state().screen)); i++) {
      const legal = b.legalActions();
      const move =
        legal.find((a) => a.type === 'accept-agenda' || a.type === 'accept') ??
        legal.find((a) => a.type === 'propose-agenda' || a.type === 'propose') ??
        legal[0];
      if (!move) break;
      b.act(move);
    }
    if (b.state().screen === 'outcome') b.act({ type: 'debrief' });
  }, seed);
}

/**
 * The JavaScript heap once the page is idle: a second to let background compilation settle, then the
 * median of three readings, each after two full collections. One reading alone swings by ±0.5 MB
 * (compiled code and feedback come and go with V8's tiering), more than the growth being measured.
 * Blink's own heap (canvas and font caches, DOM) is reported beside it.
 */
async function heapAfterGC(page: Page): Promise<{ js: number; blink: number }> {
  await page.waitForTimeout(1000);
  const cdp = await page.context().newCDPSession(page);
  const js: number[] = [];
  const blink: number[] = [];
  for (let i = 0; i < 3; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
    js.push(usage.usedSize);
    blink.push(usage.embedderHeapUsedSize ?? 0);
    await page.waitForTimeout(200);
  }
  await cdp.detach();
  return { js: median(js), blink: median(blink) };
}

/**
 * What the JavaScript heap holds, from a heap snapshot: the page's objects (everything a leak would
 * be made of: objects, arrays, strings, closures, V8's hidden objects and maps) apart from the code
 * V8 compiles for hot functions (optimised code, its deoptimisation data and feedback), which grows as
 * more of the game's functions are optimised and is not held by the game. Blink's objects are
 * reported beside them.
 */
async function heapComposition(page: Page): Promise<{ objects: number; code: number; blink: number }> {
  const cdp = await page.context().newCDPSession(page);
  let json = '';
  const chunk = (e: { chunk: string }) => {
    json += e.chunk;
  };
  cdp.on('HeapProfiler.addHeapSnapshotChunk', chunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', chunk);
  await cdp.detach();
  const snapshot = JSON.parse(json) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[] };
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const type = fields.indexOf('type');
  const size = fields.indexOf('self_size');
  const out = { objects: 0, code: 0, blink: 0 };
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const kind = types[snapshot.nodes[i + type] as number];
    const bytes = snapshot.nodes[i + size] as number;
    if (kind === 'code') out.code += bytes;
    else if (kind === 'native') out.blink += bytes;
    else out.objects += bytes;
  }
  return out;
}

/** Whether this browser renders WebGL in software: the game then draws without multisampling (src/game/renderQuality.ts). */
async function softwareWebGL(browser: Browser, url: string): Promise<boolean> {
  const page = await browser.newPage();
  await page.goto(url);
  const name = await page.evaluate(`(() => {
    const gl = document.createElement('canvas').getContext('webgl');
    const info = gl && gl.getExtension('WEBGL_debug_renderer_info');
    return gl ? String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : '';
  })()`);
  await page.close();
  return /swiftshader|llvmpipe|softpipe|software rasterizer/i.test(String(name));
}

interface Frames {
  /** Every frame's time (ms), in order. */
  all: number[];
  /** The frames in which a move landed (window.__moves holds [start, end] of each act call). */
  moves: number[];
  /** The other frames: animation only. */
  animation: number[];
}

/** Frame times (ms) over `ms` of wall time, while `during` runs; split by whether a move landed in the frame. */
async function frameTimes(page: Page, ms: number, during: () => Promise<void>): Promise<Frames> {
  // A string, not a function: tsx's name-keeping helpers do not exist inside the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__moves = [];
    window.__framesDone = false;
    let last = performance.now();
    const end = last + ${ms};
    function tick(t) {
      window.__frames.push([last, t]);
      last = t;
      if (t < end) requestAnimationFrame(tick);
      else window.__framesDone = true;
    }
    requestAnimationFrame(tick);
  })()`);
  await during();
  await page.waitForFunction(() => (window as unknown as { __framesDone: boolean }).__framesDone, null, { timeout: ms + 30_000 });
  const { frames, moves } = await page.evaluate(() => {
    const w = window as unknown as { __frames: [number, number][]; __moves: [number, number][] };
    return { frames: w.__frames.slice(1), moves: w.__moves };
  });
  const out: Frames = { all: [], moves: [], animation: [] };
  for (const [from, to] of frames) {
    const time = to - from;
    out.all.push(time);
    (moves.some(([a, b]) => a < to && b > from) ? out.moves : out.animation).push(time);
  }
  return out;
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const ready = (runs: LoadTiming[]) => median(runs.map((r) => r.ready));

export async function browserBench(runs = 5) {
  const gameDir = build(null);
  const baseDir = build(join(ROOT, 'bench/baseline/vite.config.ts'));
  // The same bare page on the game's slim Phaser: what the game adds on top of the Phaser it ships.
  const slimBaseDir = build(join(ROOT, 'bench/baseline/vite.config.ts'), { BASELINE_PHASER: 'slim' });
  const slimBase = await serve(slimBaseDir);
  const game = await serve(gameDir);
  const base = await serve(baseDir);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, '--enable-unsafe-swiftshader'] });
  try {
    // The baseline as Phaser comes (the target's reference), and with the game's engine switches.
    const software = await softwareWebGL(browser, base.url);
    const likeGame = `like=game&msaa=${software ? 0 : 1}`;
    // Load: alternate game and baselines so drift hits all alike.
    const loadGame: LoadTiming[] = [];
    const loadBase: LoadTiming[] = [];
    const loadBaseLike: LoadTiming[] = [];
    const loadSlim: LoadTiming[] = [];
    for (let i = 0; i < runs; i++) {
      loadBase.push(await timeToInteractive(browser, base.url));
      loadGame.push(await timeToInteractive(browser, `${game.url}?seed=bench-${i}`));
      loadBaseLike.push(await timeToInteractive(browser, `${base.url}?${likeGame}`));
      loadSlim.push(await timeToInteractive(browser, `${slimBase.url}?${likeGame}`));
    }

    const bundle = bundleSizes(gameDir, baseDir, slimBaseDir);

    // Frames on the table screen while moves land (event cards, ladder, offers animate).
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${game.url}?seed=frames&side=us`);
    await page.waitForFunction(() => (window as unknown as { backchannel?: Api }).backchannel?.state().screen === 'title');
    await page.evaluate(() => {
      const b = (window as unknown as { backchannel: Api }).backchannel;
      b.act({ type: 'start' });
      b.act({ type: 'begin' });
      for (let i = 0; i < 10 && b.state().screen === 'agenda'; i++) {
        const legal = b.legalActions();
        b.act(legal.find((a) => a.type === 'accept-agenda') ?? legal.find((a) => a.type === 'propose-agenda') ?? legal[0]);
      }
    });
    // The game marks its canvas with the number of objects it draws; the baseline draws the most seen.
    const drawnObjects = () => page.evaluate(() => Number(document.querySelector('#bc-canvas canvas')?.getAttribute('data-objects') ?? 0));
    let objects = await drawnObjects();
    const gameFrames = await frameTimes(page, 4000, async () => {
      for (let i = 0; i < 8; i++) {
        await page.evaluate(() => {
          const b = (window as unknown as { backchannel: Api }).backchannel;
          if (b.state().screen !== 'rounds') return;
          const legal = b.legalActions();
          const start = performance.now();
          b.act(legal.find((a) => a.type === 'statement') ?? legal.find((a) => a.type === 'propose') ?? legal[0]);
          (window as unknown as { __moves: [number, number][] }).__moves.push([start, performance.now()]);
        });
        objects = Math.max(objects, await drawnObjects());
        await page.waitForTimeout(400);
      }
    });
    if (objects === 0) throw new Error('the game page did not report how many objects it draws (data-objects on its canvas)');
    const baselineFrames = async (query: string) => {
      const basePage = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await basePage.goto(`${base.url}?objects=${objects}&animate=1${query}`);
      await basePage.waitForFunction(() => (window as unknown as { __sceneReady?: boolean }).__sceneReady === true);
      const frames = await frameTimes(basePage, 4000, async () => {});
      await basePage.close();
      return frames;
    };
    const baseFrames = await baselineFrames('');
    const baseLikeFrames = await baselineFrames(`&${likeGame}`);

    // Memory: 20 games back to back in one page, title → debrief → title.
    const memPage = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await memPage.goto(`${game.url}?seed=memory`);
    await memPage.waitForFunction(() => (window as unknown as { backchannel?: Api }).backchannel?.state().screen === 'title');
    await playOneGame(memPage, 'memory-0');
    await memPage.evaluate(() => (window as unknown as { backchannel: Api }).backchannel.act({ type: 'title' }));
    await memPage.waitForTimeout(300);
    const heapFirst = await heapAfterGC(memPage);
    const heldFirst = await heapComposition(memPage);
    for (let i = 1; i < 20; i++) {
      await playOneGame(memPage, `memory-${i}`);
      await memPage.evaluate(() => (window as unknown as { backchannel: Api }).backchannel.act({ type: 'title' }));
    }
    await memPage.waitForTimeout(300);
    const heapAfter20 = await heapAfterGC(memPage);
    const heldAfter20 = await heapComposition(memPage);

    const p = (xs: number[], q: number) => r2(percentile(xs, q));
    return {
      load: {
        unit: 'ms from navigation to the first interactive frame of the title screen',
        // scripts: navigation → DOMContentLoaded (fetch and run the scripts); afterScripts: the rest
        // (Phaser's boot, the first screen built, its first frame drawn and shown).
        game: loadSummary(loadGame),
        baseline: loadSummary(loadBase),
        ratio: r2(ready(loadGame) / ready(loadBase)),
        target: 1.25,
        baselineWithGameSwitches: { query: likeGame, ...loadSummary(loadBaseLike) },
        ratioWithGameSwitches: r2(ready(loadGame) / ready(loadBaseLike)),
        baselineOnSlimPhaser: { query: likeGame, ...loadSummary(loadSlim) },
        ratioOnSlimPhaser: r2(ready(loadGame) / ready(loadSlim)),
      },
      bundle: {
        game: bundle.game,
        classPage: bundle.classPage,
        phaser: bundle.phaser,
        gzipRatio: r2(bundle.game.gzip / bundle.phaser.gzip),
        target: 1.25,
        // Every JS file of the build (both pages, and the chunks loaded on demand: the scenario-file
        // checker, the class card) against Phaser as it comes; and the game page against its own slim Phaser.
        allJs: bundle.allJs,
        allJsRatio: r2(bundle.allJs.gzip / bundle.phaser.gzip),
        slimPhaser: bundle.slimPhaser,
        gzipRatioOnSlimPhaser: r2(bundle.game.gzip / bundle.slimPhaser.gzip),
        persian: bundle.persian,
      },
      frames: {
        objectsMatched: objects,
        game: { p50: p(gameFrames.all, 0.5), p95: p(gameFrames.all, 0.95), frames: gameFrames.all.length },
        baseline: { p50: p(baseFrames.all, 0.5), p95: p(baseFrames.all, 0.95), frames: baseFrames.all.length },
        p95Ratio: r2(percentile(gameFrames.all, 0.95) / percentile(baseFrames.all, 0.95)),
        targets: { p95Ratio: 1.2, p95Ms: 16.7 },
        softwareWebGL: software,
        baselineWithGameSwitches: { p50: p(baseLikeFrames.all, 0.5), p95: p(baseLikeFrames.all, 0.95), frames: baseLikeFrames.all.length },
        p95RatioWithGameSwitches: r2(percentile(gameFrames.all, 0.95) / percentile(baseLikeFrames.all, 0.95)),
        // The same run split: the frames in which a move landed (the rules ran and the table was
        // rebuilt: work the baseline never does) and the frames that only animate.
        moveFrames: { p50: p(gameFrames.moves, 0.5), max: r2(Math.max(...gameFrames.moves)), frames: gameFrames.moves.length },
        animationFrames: { p50: p(gameFrames.animation, 0.5), p95: p(gameFrames.animation, 0.95), frames: gameFrames.animation.length },
        animationP95Ratio: r2(percentile(gameFrames.animation, 0.95) / percentile(baseFrames.all, 0.95)),
      },
      memory: {
        heapAfterFirstGame: heapFirst.js,
        heapAfter20Games: heapAfter20.js,
        ratio: r2(heapAfter20.js / heapFirst.js),
        target: 1.1,
        blinkHeap: { afterFirstGame: heapFirst.blink, after20Games: heapAfter20.blink, ratio: r2(heapAfter20.blink / heapFirst.blink) },
        // The same two points from heap snapshots: the page's objects apart from V8's compiled code.
        snapshot: {
          afterFirstGame: heldFirst,
          after20Games: heldAfter20,
          objectsRatio: r2(heldAfter20.objects / heldFirst.objects),
          objectsGrowth: heldAfter20.objects - heldFirst.objects,
          compiledCodeGrowth: heldAfter20.code - heldFirst.code,
        },
      },
    };
  } finally {
    await browser.close();
    game.stop();
    base.stop();
    slimBase.stop();
  }
}
