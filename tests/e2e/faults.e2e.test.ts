// Faults and environments in real Chromium: a lost WebGL context, a tab hidden for ten minutes,
// odd window sizes and pixel ratios, a 4× slower CPU, a strict Content-Security-Policy, and an
// accessibility audit of every screen. Each case is listed in docs/robustness.md.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, browserSuite, ROOT, tempDir } from './server';

const suite = browserSuite();
const TMP = tempDir('faults');
let verified = 0;

type Api = {
  act: (a: unknown) => { ok: boolean; error?: string };
  state: () => {
    screen: string;
    game: { turn: number; phase: string; outcome: { kind: string } | null } | null;
    renderer: string | null;
    checksum: string | null;
  };
  legalActions: () => { type: string }[];
  replay: () => { final: string } | null;
};

interface Opened {
  page: Page;
  problems: string[];
}

async function open(
  query: string,
  options: { viewport?: { width: number; height: number }; deviceScaleFactor?: number } = {},
): Promise<Opened> {
  const context = await suite.browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 720 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(`${suite.preview.url}${query}`, { timeout: 120_000 });
  await page.waitForFunction(() => (window as unknown as { backchannel?: Api }).backchannel?.state().screen === 'title');
  return { page, problems };
}

/** Starts a solo game and plays through the agenda with the automation API. */
async function toTheTable(page: Page): Promise<void> {
  await page.evaluate(() => {
    const b = (window as unknown as { backchannel: Api }).backchannel;
    b.act({ type: 'start' });
    b.act({ type: 'begin' });
    for (let i = 0; i < 12 && b.state().screen === 'agenda'; i++) {
      const legal = b.legalActions();
      b.act(legal.find((a) => a.type === 'accept-agenda') ?? legal.find((a) => a.type === 'propose-agenda') ?? legal[0]);
    }
  });
}

/** Clicks through any event cards, as a player would, until the table's move buttons are live. */
async function dismissCards(page: Page): Promise<void> {
  for (let i = 0; i < 6; i++) {
    const card = page.getByRole('button', { name: /^(Next event|Next card|Back to the table)/ }).first();
    if ((await card.count()) === 0) return;
    await card.click();
    await page.waitForTimeout(150);
  }
}

/** Plays moves with the API until the talks end (or `max` moves). */
async function playOn(page: Page, max = 200): Promise<void> {
  await page.evaluate((limit) => {
    const b = (window as unknown as { backchannel: Api }).backchannel;
    for (let i = 0; i < limit && ['agenda', 'rounds'].includes(b.state().screen); i++) {
      const legal = b.legalActions();
      const move =
        legal.find((a) => a.type === 'accept' || a.type === 'accept-agenda') ??
        legal.find((a) => a.type === 'propose' || a.type === 'propose-agenda') ??
        legal[0];
      if (!move) break;
      b.act(move);
    }
  }, max);
}

const apiState = (page: Page) => page.evaluate(() => (window as unknown as { backchannel: Api }).backchannel.state());

function cliVerify(replay: unknown): { status: number | null; stdout: string } {
  const file = join(TMP, `game-${++verified}.replay.json`);
  writeFileSync(file, JSON.stringify(replay));
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'backchannel.mjs'), 'replay', 'verify', file], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout };
}

describe('faults', () => {
  it('survives a lost WebGL context mid-round: state unchanged, redrawn after restore', async () => {
    const { page, problems } = await open('?seed=ctx-loss&side=us');
    await toTheTable(page);
    const before = await apiState(page);
    await page.evaluate(() => {
      const canvas = document.querySelector('#bc-canvas canvas') as HTMLCanvasElement;
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
      const ext = gl.getExtension('WEBGL_lose_context');
      (window as unknown as { __lose: WEBGL_lose_context | null }).__lose = ext;
      ext?.loseContext();
    });
    await page.waitForTimeout(500);
    expect((await apiState(page)).game?.turn).toBe(before.game?.turn);
    // While the context is lost the DOM controls still play the game.
    await dismissCards(page);
    await page
      .getByRole('button', { name: /^Propose your draft package/ })
      .first()
      .click();
    const during = await apiState(page);
    expect(during.game?.turn).toBeGreaterThan(before.game?.turn ?? 0);
    await expect.poll(() => page.getByText(/graphics were interrupted|display was lost/i).count()).toBeGreaterThan(0);
    await page.evaluate(() => (window as unknown as { __lose: WEBGL_lose_context | null }).__lose?.restoreContext());
    await page.waitForTimeout(1000);
    await page.screenshot({ path: join(ARTIFACTS, 'webgl-restored.png') });
    expect((await apiState(page)).game?.turn).toBe(during.game?.turn);
    await playOn(page);
    expect((await apiState(page)).game?.outcome).not.toBeNull();
    expect(problems.filter((p) => !/WebGL|context/i.test(p))).toEqual([]);
    await page.context().close();
  }, 600_000);

  it('a WebGL context that never comes back: says so, plays on by the DOM buttons, and a reload resumes the game', async () => {
    const { page, problems } = await open('?seed=ctx-never&side=us');
    await toTheTable(page);
    const loseForGood = () =>
      page.evaluate(() => {
        const canvas = document.querySelector('#bc-canvas canvas') as HTMLCanvasElement;
        const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
        gl.getExtension('WEBGL_lose_context')?.loseContext(); // and never restoreContext()
      });
    const notice = page.locator('.bc-gl-notice [role="status"]');
    const reload = page.getByRole('button', { name: 'Reload the page' });
    /** One of the player's moves, by the DOM mirror's buttons only: event cards, a late offer worth taking, else the draft. */
    const pressOn = async () => {
      const card = page.getByRole('button', { name: /^(Next event|Next card|Back to the table)/ }).first();
      if ((await card.count()) > 0) return card.click();
      const accept = page.getByRole('button', { name: /^Accept (US|Iran)'s standing offer/ }).first();
      const turn = (await apiState(page)).game?.turn ?? 0;
      if (turn > 14 && (await accept.count()) > 0 && (await accept.isEnabled())) return accept.click();
      return page
        .getByRole('button', { name: /^Propose your draft package/ })
        .first()
        .click();
    };

    await loseForGood();
    await expect.poll(() => notice.textContent()).toMatch(/display was lost/);
    expect(await reload.count()).toBe(0);
    // After five seconds without a restore the notice says plainly that the picture is not coming back.
    await expect.poll(() => notice.textContent(), { timeout: 15_000 }).toMatch(/picture did not come back/);
    expect(await notice.textContent()).toMatch(
      /talks go on: use the buttons\. Reloading brings it back without losing the game.*Continue on the title screen/,
    );
    expect(await reload.count()).toBe(1);
    // With no picture, the DOM buttons show their names.
    const shown = await page.evaluate(() => getComputedStyle(document.querySelector('#bc-controls button') as HTMLElement).color);
    expect(shown).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
    await page.screenshot({ path: join(ARTIFACTS, 'webgl-never-restored.png') });
    for (let i = 0; i < 3; i++) await pressOn();
    const before = await apiState(page);
    expect(before.screen).toBe('rounds');

    // "Reload the page", then Continue on the title screen: the same turn and checksum, with a picture.
    await reload.click();
    await page.waitForFunction(
      () =>
        (window as unknown as { backchannel?: Api }).backchannel?.state().screen === 'title' &&
        document.querySelector('#bc-controls button'),
    );
    await page.getByRole('button', { name: /^Continue the saved game/ }).click();
    await expect.poll(async () => (await apiState(page)).screen).toBe('rounds');
    const resumed = await apiState(page);
    expect(resumed.game?.turn).toBe(before.game?.turn);
    expect(resumed.checksum).toBe(before.checksum);
    expect(resumed.renderer).toBe('webgl');
    expect(await page.locator('.bc-gl-notice').count()).toBe(0);

    // Lost for good again: the talks are played to their end by the DOM buttons alone.
    await loseForGood();
    await expect.poll(() => notice.textContent(), { timeout: 15_000 }).toMatch(/picture did not come back/);
    for (let i = 0; i < 120 && ['agenda', 'rounds'].includes((await apiState(page)).screen); i++) await pressOn();
    const end = await apiState(page);
    expect(end.screen).toBe('outcome');
    expect(end.game?.outcome).not.toBeNull();
    const replay = await page.evaluate(() => (window as unknown as { backchannel: Api }).backchannel.replay());
    expect(replay?.final).toBe(end.checksum);
    const verified = cliVerify(replay);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toContain(`checksum ${end.checksum}`);
    expect(problems.filter((p) => !/WebGL|context/i.test(p))).toEqual([]);
    await page.context().close();
  }, 600_000);

  it('keeps still in a tab hidden for ten minutes, and the game still equals its replay', async () => {
    const { page, problems } = await open('?seed=hidden-tab&side=iran');
    await page.clock.install();
    await page.clock.resume();
    await toTheTable(page);
    const before = await apiState(page);
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    // Ten minutes pass while hidden: the page's clock jumps ahead at once, as after a sleeping tab.
    await page.clock.fastForward('10:00');
    await page.waitForTimeout(1000);
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await page.waitForTimeout(1000);
    const after = await apiState(page);
    expect(after.game?.turn).toBe(before.game?.turn);
    await playOn(page);
    const replay = await page.evaluate(() => (window as unknown as { backchannel: Api }).backchannel.replay());
    const verified = cliVerify(replay);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toContain(`checksum ${replay?.final}`);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 600_000);

  it.each([
    [{ width: 1024, height: 600 }, 1],
    [{ width: 1920, height: 1080 }, 1],
    [{ width: 1280, height: 720 }, 2],
  ])(
    'fits %o at devicePixelRatio %d: every control on screen and usable',
    async (viewport, dpr) => {
      const { page, problems } = await open('?seed=sizes&side=us', { viewport, deviceScaleFactor: dpr });
      await toTheTable(page);
      await page.waitForTimeout(600);
      const outside = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('#bc-controls button')]
          .filter((b) => b.offsetParent !== null)
          .map((b) => ({ name: b.getAttribute('aria-label') ?? b.textContent ?? '', r: b.getBoundingClientRect() }))
          .filter(({ r }) => r.left < -1 || r.top < -1 || r.right > window.innerWidth + 1 || r.bottom > window.innerHeight + 1)
          .map(({ name }) => name),
      );
      expect(outside).toEqual([]);
      await dismissCards(page);
      const turn = (await apiState(page)).game?.turn ?? 0;
      await page
        .getByRole('button', { name: /^Propose your draft package/ })
        .first()
        .click();
      expect((await apiState(page)).game?.turn).toBeGreaterThan(turn);
      await page.screenshot({ path: join(ARTIFACTS, `table-${viewport.width}x${viewport.height}@${dpr}x.png`) });
      expect(problems).toEqual([]);
      await page.context().close();
    },
    600_000,
  );

  it('stays usable with the CPU throttled 4×', async () => {
    const { page, problems } = await open('?seed=slow-cpu&side=us');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await toTheTable(page);
    await dismissCards(page);
    const button = page.getByRole('button', { name: /^Propose your draft package/ }).first();
    await button.focus();
    await page.keyboard.press('Enter');
    await playOn(page);
    expect((await apiState(page)).game?.outcome).not.toBeNull();
    expect(problems).toEqual([]);
    await page.context().close();
  }, 600_000);

  it('runs a whole game under a strict Content-Security-Policy without a violation', async () => {
    const { page, problems } = await open('?seed=csp&side=us');
    const policy = await page.evaluate(
      () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
    );
    expect(policy).toMatch(/script-src 'self'/);
    expect(policy).not.toMatch(/unsafe-eval/);
    await page.evaluate(() => {
      (window as unknown as { __violations: string[] }).__violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __violations: string[] }).__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await toTheTable(page);
    await playOn(page);
    await page.evaluate(() => (window as unknown as { backchannel: Api }).backchannel.act({ type: 'debrief' }));
    await page.waitForTimeout(800);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 600_000);
});

describe('accessibility', () => {
  it('has no serious or critical axe violations on any screen', async () => {
    const { page } = await open('?seed=axe&side=us');
    const audit = async (name: string) => {
      const results = await new AxeBuilder({ page }).include('body').analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      return bad.map((v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.length} node(s): ${v.help}`);
    };
    const found: string[] = [];
    found.push(...(await audit('title')));
    await page.evaluate(() => (window as unknown as { backchannel: Api }).backchannel.act({ type: 'start' }));
    await page.waitForTimeout(500);
    found.push(...(await audit('briefing')));
    await page.evaluate(() => (window as unknown as { backchannel: Api }).backchannel.act({ type: 'begin' }));
    await page.waitForTimeout(500);
    found.push(...(await audit('agenda')));
    await toTheTableFromAgenda(page);
    await page.waitForTimeout(500);
    found.push(...(await audit('table')));
    await playOn(page);
    await page.waitForTimeout(500);
    found.push(...(await audit('outcome')));
    await page.evaluate(() => (window as unknown as { backchannel: Api }).backchannel.act({ type: 'debrief' }));
    await page.waitForTimeout(500);
    found.push(...(await audit('debrief')));
    expect(found).toEqual([]);
    await page.context().close();
  }, 600_000);

  it('announces each event and move once in the live log', async () => {
    const { page } = await open('?seed=live-log&side=us');
    await toTheTable(page);
    await playOn(page, 6);
    const { entries, live } = await page.evaluate(() => ({
      entries: [...document.querySelectorAll('#bc-log li')].map((n) => n.textContent ?? ''),
      live: document.querySelector('#bc-log [aria-live]')?.getAttribute('aria-live') ?? null,
    }));
    expect(live).toMatch(/polite|assertive/);
    expect(entries.length).toBeGreaterThan(3);
    // Once each: no entry is announced twice in a row (a double announcement would repeat it at once).
    expect(entries.filter((e, i) => i > 0 && e === entries[i - 1])).toEqual([]);
    await page.context().close();
  }, 600_000);
});

async function toTheTableFromAgenda(page: Page): Promise<void> {
  await page.evaluate(() => {
    const b = (window as unknown as { backchannel: Api }).backchannel;
    for (let i = 0; i < 12 && b.state().screen === 'agenda'; i++) {
      const legal = b.legalActions();
      b.act(legal.find((a) => a.type === 'accept-agenda') ?? legal.find((a) => a.type === 'propose-agenda') ?? legal[0]);
    }
  });
}
