// Issue 15, point 12a: when the facilitator pauses the talks, the table says so, on the canvas and in
// the DOM mirror's text, and the aria-live region announces the pause and the resumption once each.
import Phaser from 'phaser';
import { afterEach, describe, expect, it } from 'vitest';
import { automationApi } from '../../src/app/automation';
import { atTheTable, type Booted, bootGame, showing } from './harness';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.destroy();
  booted = null;
});

const BANNER = /Paused by the facilitator/;
const screenText = () => document.getElementById('bc-screen')?.textContent ?? '';
const canvasTexts = (scene: Phaser.Scene) =>
  scene.children.list.filter((c): c is Phaser.GameObjects.Text => c instanceof Phaser.GameObjects.Text && c.visible).map((t) => t.text);
const logItems = () => [...document.querySelectorAll('#bc-log ol li')].map((li) => li.textContent ?? '');

describe('a paused game', () => {
  it('shows a banner on the table and in the screen text, and announces the pause and the resumption once', async () => {
    booted = await atTheTable();
    const table = await showing(booted, 'rounds');
    const api = automationApi(booted.app);
    expect(canvasTexts(table).some((t) => BANNER.test(t))).toBe(false);
    expect(screenText()).not.toMatch(BANNER);

    expect(api.act({ type: 'facilitate', action: { type: 'pause', paused: true } })).toMatchObject({ ok: true });
    expect((api.state() as { facilitator: { paused: boolean } }).facilitator.paused).toBe(true);
    expect(canvasTexts(table).some((t) => BANNER.test(t))).toBe(true);
    expect(screenText()).toMatch(BANNER);
    expect(booted.button(/^Propose your draft package/).disabled).toBe(true);
    const live = document.getElementById('bc-live')?.textContent ?? '';
    expect(live).toMatch(/paus/i);
    expect(logItems().filter((t) => /paus/i.test(t))).toHaveLength(1);
    // Redraws while paused do not announce it again.
    booted.app.notify({ kind: 'view' });
    expect(logItems().filter((t) => /paus/i.test(t))).toHaveLength(1);

    expect(api.act({ type: 'facilitate', action: { type: 'pause', paused: false } })).toMatchObject({ ok: true });
    expect(canvasTexts(table).some((t) => BANNER.test(t))).toBe(false);
    expect(screenText()).not.toMatch(BANNER);
    expect(document.getElementById('bc-live')?.textContent ?? '').toMatch(/resum/i);
    expect(logItems().filter((t) => /resum/i.test(t))).toHaveLength(1);
    expect(booted.button(/^Propose your draft package/).disabled).toBe(false);
  });

  it('shows the banner on the agenda screen too', async () => {
    booted = await bootGame();
    const api = automationApi(booted.app);
    api.act({ type: 'start' });
    api.act({ type: 'begin' });
    const agenda = await showing(booted, 'agenda');
    expect(canvasTexts(agenda).some((t) => BANNER.test(t))).toBe(false);
    expect(api.act({ type: 'facilitate', action: { type: 'pause', paused: true } })).toMatchObject({ ok: true });
    expect(canvasTexts(agenda).some((t) => BANNER.test(t))).toBe(true);
    expect(screenText()).toMatch(BANNER);
    expect(api.act({ type: 'facilitate', action: { type: 'pause', paused: false } })).toMatchObject({ ok: true });
    expect(canvasTexts(agenda).some((t) => BANNER.test(t))).toBe(false);
  });
});
