// A classroom game in real Chromium: two teams share one screen (hot seat), a facilitator with a PIN
// injects an event, and the game is played to the debrief through the DOM buttons and the keyboard.
// On each team's turn nothing private to the other team may be in the page (text, attributes, the
// DOM mirror) nor in `window.backchannel.state()`. The debrief shows the memos, the perception
// score and the facilitator-caused risk; the exported replay verifies with the CLI.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { GameState } from '../../src/core/types';
import { loadShipped } from '../support/scenarios';
import { ARTIFACTS, browserSuite, ROOT } from './server';

const PIN = 'teal-owl-77';
const { scenario } = loadShipped('muscat-2026');
type Side = 'us' | 'iran';

const suite = browserSuite();

interface ApiState {
  screen: string;
  side: Side | null;
  game: (GameState & { types: Record<Side, { reservation: number } | null> }) | null;
  hotseat: { atTable: Side | null; calling: Side } | null;
}
const state = (page: Page) => page.evaluate(() => window.backchannel.state() as unknown as ApiState);

/** Moves keyboard focus to the named button and presses Enter, as a keyboard player would. */
async function press(page: Page, name: RegExp): Promise<void> {
  const button = page.getByRole('button', { name }).first();
  await button.focus();
  await expect.poll(() => button.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Enter');
}

const enabled = async (page: Page, name: RegExp) => {
  const b = page.getByRole('button', { name }).first();
  return (await b.count()) > 0 && (await b.isEnabled());
};

/** Everything a person or a screen reader could get from the page: text and every attribute value. */
const pageText = (page: Page) =>
  page.evaluate(() => {
    const attrs = [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.value));
    const values = [...document.querySelectorAll('input, textarea, select')].map((el) => (el as HTMLInputElement).value);
    return [document.body.textContent ?? '', ...attrs, ...values].join('\n');
  });

/** Text only the given side's team may see during the talks. */
const privateTexts = (side: Side) => {
  const brief = scenario.parties[side]!.privateBrief;
  return [brief.summary, ...brief.redLines, brief.fallback, ...brief.priorities];
};

interface Snapshot {
  /** The team at the table (or null on the handoff screen). */
  seat: Side | null;
  where: string;
  text: string;
  json: string;
}

describe('hot seat with a facilitator', () => {
  it('keeps each team’s secrets on the other team’s turn, logs the facilitator, and ends in a debrief with memos', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(`${suite.preview.url}?scenario=muscat-2026&seed=class-e2e&mode=hotseat`);
    await page.waitForFunction(() => window.backchannel?.state() && document.querySelector('#bc-controls button'));

    // Class set-up: the link with a QR code, and the facilitator PIN.
    await press(page, /^Class set-up/);
    const card = page.locator('#bc-classcard');
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.locator('[data-link]').textContent()).toContain('mode=hotseat');
    expect(await card.locator('[data-link]').textContent()).toContain('seed=class-e2e');
    expect(await card.locator('svg[role="img"]').count()).toBe(1);
    await card.getByLabel('PIN').fill(PIN);
    await card.getByRole('button', { name: /Set PIN/ }).click();
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(ARTIFACTS, 'hotseat-class-card.png') });
    await card.getByRole('button', { name: 'Done' }).click();

    await press(page, /^Start the talks/);
    const snapshots: Snapshot[] = [];
    const snap = async (where: string) => {
      const st = await state(page);
      snapshots.push({ seat: st.screen === 'handoff' ? null : st.side, where, text: await pageText(page), json: JSON.stringify(st) });
      return st;
    };

    let injected = false;
    let handoffShot = false;
    const reasons: string[] = [];
    for (let guard = 0; guard < 400; guard++) {
      const st = await state(page);
      if (st.screen === 'outcome' || st.screen === 'debrief') break;
      if (st.screen === 'handoff') {
        const calling = st.hotseat?.calling as Side;
        await snap(`handoff for ${calling}`);
        expect(st.game?.types.us).toBeNull();
        expect(st.game?.types.iran).toBeNull();
        if (!handoffShot) {
          await page.waitForTimeout(600);
          await page.screenshot({ path: join(ARTIFACTS, 'hotseat-handoff.png') });
          handoffShot = true;
        }
        await press(page, calling === 'us' ? /^We are the US team/ : /^We are the Iran team/);
        continue;
      }
      const side = st.side as Side;
      expect(st.hotseat?.atTable).toBe(side);
      // The perception check comes up at the start of a team's first turn in a round.
      const check = page.locator('#bc-perception');
      if (await check.count()) {
        await check.locator('select[name="priority"]').selectOption({ index: side === 'us' ? 0 : 1 });
        await check.locator('select[name="redLine"]').selectOption({ index: 2 });
        await check.getByRole('button', { name: 'Record our guess' }).click();
        await expect.poll(() => page.locator('#bc-perception').count()).toBe(0);
        continue;
      }
      if (st.screen === 'briefing') {
        await snap(`briefing for ${side}`);
        expect(await pageText(page)).toContain(scenario.parties[side]!.privateBrief.summary);
        await press(page, /^Go to the agenda dispute/);
        continue;
      }
      // An event card must be read before the next move.
      if (await enabled(page, /^(Next event|Next card|Back to the table)/)) {
        await press(page, /^(Next event|Next card|Back to the table)/);
        continue;
      }
      const game = st.game as GameState;
      // The facilitator steps in once, in round 2: a deck event, through the PIN-protected panel.
      if (st.screen === 'rounds' && game.round >= 2 && !injected) {
        await page.getByRole('button', { name: 'Facilitator', exact: true }).click();
        const panel = page.locator('#bc-facilitator');
        await panel.getByLabel('Facilitator PIN').fill('0000');
        await panel.getByRole('button', { name: 'Open the panel' }).click();
        await expect.poll(() => panel.getByRole('status').first().textContent()).toContain('not the facilitator PIN');
        await panel.getByLabel('Facilitator PIN').fill(PIN);
        await panel.getByRole('button', { name: 'Open the panel' }).click();
        await panel.locator('select[name="event"]').selectOption({ index: 0 });
        await panel.getByRole('button', { name: 'Inject event' }).click();
        await expect.poll(() => panel.locator('[data-result]').textContent()).toContain('The facilitator injects an event');
        await page.waitForTimeout(400);
        await page.screenshot({ path: join(ARTIFACTS, 'hotseat-facilitator-panel.png') });
        await panel.getByRole('button', { name: 'Close and lock' }).click();
        injected = true;
        continue;
      }
      await snap(`${st.screen} turn ${game.turn} for ${side}`);
      // The decision journal: a one-line reason typed next to the moves.
      const reason = `memo ${side} t${game.turn} keep the channel open`;
      const field = page.getByRole('textbox', { name: /^Why\?/ });
      await field.fill(reason);
      if (st.screen === 'agenda') {
        if (await enabled(page, /^Accept (US|Iran)'s agenda:/)) await press(page, /^Accept (US|Iran)'s agenda:/);
        else await press(page, /^Propose an agenda/);
      } else if (game.round >= 4 && (await enabled(page, /^Accept (US|Iran)'s standing offer/))) {
        await press(page, /^Accept (US|Iran)'s standing offer/);
      } else {
        await press(page, /^Propose your draft package/);
      }
      reasons.push(reason);
    }
    expect(injected).toBe(true);
    expect(await state(page).then((s) => s.screen)).toBe('outcome');

    // Check every snapshot against the true private types, now that the talks are over.
    const final = (await state(page)).game as GameState;
    for (const s of snapshots) {
      const hidden: Side[] = s.seat === null ? ['us', 'iran'] : [s.seat === 'us' ? 'iran' : 'us'];
      for (const other of hidden) {
        for (const secret of privateTexts(other)) {
          expect(s.text.includes(secret), `${s.where}: page shows ${other}'s private "${secret.slice(0, 40)}…"`).toBe(false);
          expect(s.json.includes(secret), `${s.where}: state() holds ${other}'s private text`).toBe(false);
        }
        const r = final.types[other]!.reservation;
        expect(s.json.includes(JSON.stringify(r)), `${s.where}: state() holds ${other}'s walk-away value`).toBe(false);
        expect(s.json.includes(JSON.stringify(final.types[other]!.weights)), `${s.where}: state() holds ${other}'s weights`).toBe(false);
        const mine = s.seat ? final.types[s.seat]!.reservation : -1;
        if (Math.round(r * 100) !== Math.round(mine * 100))
          expect(s.text.includes(`Walking away is worth ${Math.round(r * 100)} points`), `${s.where}: ${other}'s walk-away wording`).toBe(
            false,
          );
        for (const j of final.journal.filter((e) => e.side === other)) {
          expect(s.json.includes(j.reason), `${s.where}: state() holds ${other}'s journal`).toBe(false);
          expect(s.text.includes(j.reason), `${s.where}: page shows ${other}'s journal`).toBe(false);
        }
      }
    }
    expect(snapshots.filter((s) => s.seat === 'iran').length).toBeGreaterThan(2);
    expect(snapshots.filter((s) => s.seat === 'us').length).toBeGreaterThan(2);

    // The debrief: memos, the perception score, and the facilitator's risk labelled as such.
    // A climb that ended the talks is shown on the outcome screen first: read its card.
    for (let i = 0; i < 4 && (await page.getByRole('button', { name: /^(Next card|Continue) \(read: / }).count()) > 0; i++)
      await press(page, /^(Next card|Continue) \(read: /);
    await press(page, /^Go to the debrief/);
    await expect.poll(() => state(page).then((s) => s.screen)).toBe('debrief');
    await press(page, /^Debrief: Memos & perception/);
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(ARTIFACTS, 'hotseat-debrief-memos.png') });
    const screenText = (await page.locator('#bc-screen').textContent()) ?? '';
    for (const reason of reasons.slice(0, 4)) expect(screenText).toContain(reason);
    expect(screenText).toMatch(/Perception score: \d+% right/);
    expect(screenText).toMatch(/facilitator-caused: .*/);
    expect(screenText).toMatch(/the facilitator added [+−]\d+/);

    // The replay records the facilitator's turn and verifies exactly with the CLI.
    const replay = (await page.evaluate(() => window.backchannel.replay())) as {
      log: { side: string; action: { type: string; reason?: string } }[];
    };
    expect(replay.log.some((e) => e.side === 'facilitator' && e.action.type === 'inject')).toBe(true);
    expect(replay.log.some((e) => e.action.type === 'guess')).toBe(true);
    expect(replay.log.some((e) => e.action.reason === reasons[0])).toBe(true);
    expect(JSON.stringify(replay)).not.toContain(PIN);
    const file = join(ARTIFACTS, 'hotseat.replay.json');
    writeFileSync(file, JSON.stringify(replay, null, 2));
    const verify = spawnSync(process.execPath, [join(ROOT, 'bin/backchannel.mjs'), 'replay', 'verify', file], { encoding: 'utf8' });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/^ok: \d+ turns/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
