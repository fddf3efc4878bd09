// The browser tests' shared pieces: the game built once and served with `vite preview` on 127.0.0.1
// (by the global set-up, tests/e2e/setup.ts), Debian's Chromium, and per-file temporary folders.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

export { tempDir } from '../support/tempDir';

export const ROOT = resolve(import.meta.dirname, '../..');
/** Screenshots and downloads the browser tests leave for a person to look at. */
export const ARTIFACTS = join(ROOT, 'test-results/e2e');
/** The README's screenshots (in the repository), refreshed by a run with `UPDATE_SCREENSHOTS=1`. */
export const DOCS = join(ROOT, 'docs/screenshots');
export const UPDATE_DOCS = process.env.UPDATE_SCREENSHOTS === '1';
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium, or CHROMIUM_PATH. Never a silent skip: a missing browser fails the test. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('No Chromium found for the browser tests: install Chromium: apt-get update && apt-get install -y chromium');
  return found;
}

export interface Preview {
  url: string;
  stop: () => void;
  /** The built game's folder (served by `vite preview`; the online tests serve it from the game server). */
  dir?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built game, served by the e2e project's global set-up (tests/e2e/setup.ts). */
    previewUrl: string;
    /** Its folder. */
    previewDir: string;
  }
}

/** Builds the game into a temporary folder and serves it; `stop` ends the server and removes the folder. */
export async function buildAndPreview(): Promise<Preview> {
  const outDir = mkdtempSync(join(tmpdir(), 'backchannel-e2e-'));
  execFileSync(process.execPath, [VITE, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const child: ChildProcess = spawn(process.execPath, [VITE, 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () => {
    child.kill('SIGTERM');
    rmSync(outDir, { recursive: true, force: true });
  };
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`vite preview did not start:\n${out}`)), 30_000);
    const read = (chunk: Buffer) => {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: strip ANSI colours from vite's banner
      out += chunk.toString().replace(/\u001b\[[0-9;]*m/g, '');
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        ok(m[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => fail(new Error(`vite preview exited (${code}):\n${out}`)));
  }).catch((err: unknown) => {
    stop();
    throw err;
  });
  return { url, stop, dir: outDir };
}

/** The game the global set-up built and serves, shared by every e2e file. */
export function sharedPreview(): Preview {
  return { url: inject('previewUrl'), stop: () => {}, dir: inject('previewDir') };
}

export interface BrowserSuite {
  readonly browser: Browser;
  readonly preview: Preview;
}

/**
 * One Chromium for a test file, on the shared preview server: registers the file's beforeAll (which
 * fails, saying how to install Chromium, when there is none) and afterAll. Read `browser` and
 * `preview` from the returned object inside the tests.
 */
export function browserSuite(): BrowserSuite {
  const suite = {} as { browser: Browser; preview: Preview };
  beforeAll(async () => {
    const executablePath = chromiumPath();
    mkdirSync(ARTIFACTS, { recursive: true });
    suite.preview = sharedPreview();
    suite.browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  }, 120_000);
  afterAll(async () => {
    await suite.browser?.close();
  });
  return suite;
}

/** A page and the console and page errors it has shown. */
export interface Watched {
  page: Page;
  problems: string[];
}

/**
 * The game at `url` in a page of its own browser context (axe-core's runner asks for one), once its
 * first controls are drawn, with every console error and page error it shows gathered in `problems`.
 */
export async function openGame(browser: Browser, url: string, viewport: { width: number; height: number }): Promise<Watched> {
  const page = await (await browser.newContext({ viewport })).newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => window.backchannel?.state() && document.querySelector('#bc-controls button'));
  return { page, problems };
}
