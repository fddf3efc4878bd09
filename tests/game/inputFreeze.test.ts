// Issue 18, point 2: input that freezes the page. A long value reaches a message, and a message the
// canvas, through other doors than the URL: an action type in a replay or sent to act(), a damaged
// save's `turn`, a fork's `parent.forkTurn`. Every quoted value is cut to a sane length, and no
// canvas text is ever laid out with a word long enough to freeze the word wrap (cut before it is
// measured). Asserted on lengths, never on time. Rows in docs/robustness.md, "Hardening II".
import Phaser from 'phaser';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app/app';
import { automationApi } from '../../src/app/automation';
import { forkTurnText } from '../../src/app/replays';
import { parseUrl } from '../../src/app/url';
import { SAVE_FORMAT, SAVE_FORMAT_VERSION, SAVE_KEYS } from '../../src/core/save';
import { quote, shortText } from '../../src/core/words';
import { text } from '../../src/game/ui';
import { memoryStore } from '../support/memoryStore';
import { type Booted, bootGame, playedSession, showing } from './harness';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.destroy();
  booted = null;
});

/** The longest word a canvas text may hold: 80 characters and an ellipsis (src/game/clampLines.ts). */
const MAX_WORD = 81;

/** The longest run of characters without a space in `s`. */
const longestWord = (s: string): number => Math.max(0, ...s.split(/\s+/).map((w) => [...w].length));

/** Every canvas text the scene shows now. */
const texts = (scene: Phaser.Scene): string[] =>
  scene.children.list.filter((o): o is Phaser.GameObjects.Text => o instanceof Phaser.GameObjects.Text).map((t) => t.text);

/** A short finished-or-not game's replay, as plain JSON to damage. */
function replayJson(moves = 3): Record<string, unknown> & { log: { turn: unknown; action: Record<string, unknown> }[] } {
  const session = playedSession({ stop: (s) => s.history.actions.length >= moves });
  return JSON.parse(JSON.stringify(session.replay()));
}

describe('quote and shortText', () => {
  it('quote cuts any value at 40 characters with its length, and never throws', () => {
    expect(quote('x'.repeat(1_000_000))).toBe(`“${'x'.repeat(40)}…” (1,000,000 characters)`);
    const self: Record<string, unknown> = {};
    self.self = self;
    expect(quote(self)).toBe('“an object”');
    expect(quote(12)).toBe('“12”');
    expect(quote('id', 40, '""')).toBe('"id"');
  });

  it('shortText cuts every long word and the whole message', () => {
    const cut = shortText(`the turn is "${'7'.repeat(3000)}", expected 1 ${'word '.repeat(400)}`);
    expect(cut.length).toBeLessThanOrEqual(400);
    expect(longestWord(cut)).toBeLessThanOrEqual(62);
    expect(shortText('a plain sentence.')).toBe('a plain sentence.');
  });
});

describe('canvas text is cut before it is measured', () => {
  it('a 100,000-character word drawn as text is cut to a word the wrap can break', async () => {
    booted = await bootGame('?seed=freeze');
    const scene = await showing(booted, 'title');
    const wrapped = text(scene, 0, 0, 'y'.repeat(100_000), { wrap: 300 });
    expect(longestWord(wrapped.text)).toBeLessThanOrEqual(MAX_WORD);
    const long = text(scene, 0, 0, 'word '.repeat(20_000), { wrap: 300 });
    expect(long.text.length).toBeLessThanOrEqual(8000);
    const unwrapped = text(scene, 0, 0, 'z '.repeat(5_000));
    expect(unwrapped.text.length).toBeLessThanOrEqual(301);
    for (const t of [wrapped, long, unwrapped]) t.destroy();
  });
});

describe('a refused action type', () => {
  it('sent to act() is quoted cut, from 1 MB', async () => {
    booted = await bootGame('?seed=freeze');
    const api = automationApi(booted.app);
    const out = api.act({ type: 'q'.repeat(1_000_000) }) as { ok: boolean; error: string };
    expect(out.ok).toBe(false);
    expect(out.error.length).toBeLessThanOrEqual(400);
    expect(out.error).toMatch(/^“q{40}…” \(1,000,000 characters\): not at the table/);
  });

  it('in a replay opened on the title screen is quoted cut, and no title text has a word over the limit', async () => {
    booted = await bootGame('?seed=freeze');
    const title = await showing(booted, 'title');
    const api = automationApi(booted.app);
    for (const n of [5_000, 100_000]) {
      const replay = replayJson();
      (replay.log[0] as { action: Record<string, unknown> }).action = { type: 'x'.repeat(n) };
      const out = api.act({ type: 'open-replay', replay: JSON.stringify(replay) }) as { ok: boolean; error: string };
      expect(out.ok).toBe(false);
      expect(out.error.length).toBeLessThanOrEqual(400);
      expect(booted.app.replayProblem?.length ?? 0).toBeLessThanOrEqual(450);
      expect(longestWord(booted.app.replayProblem ?? '')).toBeLessThanOrEqual(62);
      for (const t of texts(title)) expect(longestWord(t)).toBeLessThanOrEqual(MAX_WORD);
    }
  });

  it('a long scenario, counterpart or seed chosen through act() is refused with its value cut', async () => {
    booted = await bootGame('?seed=freeze');
    const api = automationApi(booted.app);
    for (const key of ['scenario', 'personality', 'difficulty', 'seed']) {
      const out = api.act({ type: 'choose', [key]: 's'.repeat(5_000) }) as { ok: boolean; error: string };
      expect(out.ok).toBe(false);
      expect(out.error.length).toBeLessThanOrEqual(160);
    }
    expect(booted.app.startProblem()).toBeNull();
  });
});

describe('a damaged save with a 3,000-character turn', () => {
  it('is set aside under its own key (not read again on the next reload), with a short message', async () => {
    const replay = replayJson();
    replay.log[1] = { ...replay.log[1], turn: '7'.repeat(3_000) } as (typeof replay.log)[number];
    const text = JSON.stringify({
      format: SAVE_FORMAT,
      formatVersion: SAVE_FORMAT_VERSION,
      view: 'rounds',
      mode: 'solo',
      side: 'us',
      replay,
    });
    const store = memoryStore();
    store.setItem(SAVE_KEYS.current, text);
    booted = await bootGame('?seed=freeze', store);
    const title = await showing(booted, 'title');
    const problem = booted.app.saves.problem ?? '';
    expect(problem).toMatch(/damaged/);
    expect(problem.length).toBeLessThanOrEqual(400);
    expect(longestWord(problem)).toBeLessThanOrEqual(62);
    for (const t of texts(title)) expect(longestWord(t)).toBeLessThanOrEqual(MAX_WORD);
    // Kept aside intact, and off the current key: the next page load finds no damaged save to re-read.
    expect(store.getItem(SAVE_KEYS.corrupt)).toBe(text);
    expect(store.getItem(SAVE_KEYS.current)).toBeNull();
    const reload = new App(parseUrl('?seed=freeze'), store);
    expect(reload.saves.problem).toBeNull();
    expect(reload.saves.saved).toBeNull();
  });
});

describe('a fork turn of 5,000 characters', () => {
  it('is shown cut (or the replay refused with a short message), never laid out whole', async () => {
    const replay = replayJson();
    replay.parent = { final: 'f'.repeat(64), forkTurn: '9'.repeat(5_000) };
    booted = await bootGame('?mode=replay', memoryStore());
    await showing(booted, 'title');
    const error = booted.app.openReplay(JSON.stringify(replay));
    const scene = await showing(booted, error ? 'title' : 'replay');
    if (error) expect(error.length).toBeLessThanOrEqual(450);
    for (const t of texts(scene)) expect(longestWord(t)).toBeLessThanOrEqual(MAX_WORD);
    expect(forkTurnText({ forkTurn: 12 })).toBe('12');
    expect(forkTurnText({ forkTurn: '9'.repeat(5_000) })?.length ?? 0).toBeLessThanOrEqual(40);
    expect(forkTurnText(null)).toBeNull();
  });
});
