// The replay viewer, rewind-and-fork, and saves, in a real headless Phaser game: a replay opens and
// steps turn by turn, a seat can be taken over at any step, and a reload lands on the same turn.
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app/app';
import { loadScenario } from '../../src/app/scenarios';
import { parseUrl } from '../../src/app/url';
import { stateChecksum } from '../../src/core/checksum';
import { replayToText, verifyReplay } from '../../src/core/replay';
import { type KeyValueStore, SAVE_KEYS } from '../../src/core/save';
import { type Booted, bootGame, playedSession, showing } from './harness';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.destroy();
  booted = null;
});

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const brokenStore: KeyValueStore = {
  getItem: () => null,
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {},
};

/** A finished game as the US: accepts from round 3, proposes until then. */
function finishedGame() {
  return playedSession({
    stop: (s) => s.phase === 'debrief',
    moves: (s) => {
      if (s.phase === 'agenda') return s.can('accept-agenda') ? { type: 'accept-agenda' } : { type: 'propose-agenda', issues: [] };
      return s.can('accept') && s.game.round >= 3 ? { type: 'accept' } : { type: 'propose', terms: { ...s.draft } };
    },
  });
}

describe('the replay viewer', () => {
  it('opens a replay, steps back and forth, jumps to a round, and reaches the outcome', async () => {
    const session = finishedGame();
    const replay = session.replay();
    booted = await bootGame('?mode=replay', memoryStore());
    await showing(booted, 'title');
    expect(booted.buttons().some((b) => b.getAttribute('aria-label')?.startsWith('Start the talks'))).toBe(false);
    expect(document.querySelector('input[data-key="open-replay-file"]')?.getAttribute('aria-label')).toMatch(/Open a replay file/);
    expect(booted.app.openReplay(replayToText(replay))).toBeNull();
    await showing(booted, 'replay');
    const viewer = booted.app.viewer;
    expect(viewer?.steps).toBe(replay.log.length);
    expect(booted.button(/^Step back/).disabled).toBe(true);
    booted.button(/^Step forward to turn 1/).click();
    expect(viewer?.step).toBe(1);
    expect(document.getElementById('bc-screen')?.textContent).toMatch(/Replay: turn 1 of/);
    booted.button(/^Step back to turn 0/).click();
    expect(viewer?.step).toBe(0);
    booted.button(/^Jump to Round 2/).click();
    expect(viewer?.state.round).toBe(2);
    expect(viewer?.states[(viewer?.step ?? 1) - 1]?.round).toBe(1);
    booted.button(/^Go to the end/).click();
    expect(viewer?.atEnd).toBe(true);
    expect(booted.button(/^Take over the US/).disabled).toBe(true);
    booted.button(/^See the outcome and the debrief/).click();
    await showing(booted, 'outcome');
    expect(booted.app.session?.game.outcome?.kind).toBe(replay.final === stateChecksum(session.game) ? session.game.outcome?.kind : 'x');
    booted.button(/^Back to the replay viewer/).click();
    await showing(booted, 'replay');
  });

  it('every step explains its escalation: cause, hazard before and after', async () => {
    const replay = finishedGame().replay();
    booted = await bootGame('?mode=replay', memoryStore());
    booted.app.openReplay(replay);
    await showing(booted, 'replay');
    const viewer = booted.app.viewer;
    const step = viewer?.states.findIndex((_, i) => i > 0 && viewer.risk(i).length > 0) ?? -1;
    expect(step).toBeGreaterThan(0);
    booted.app.viewStep(step);
    const text = document.getElementById('bc-screen')?.textContent ?? '';
    expect(text).toMatch(/Escalation this step/);
    expect(text).toMatch(/hazard \d+(\.\d)?% → \d+(\.\d)?%/);
  });

  it('takes over a seat mid-replay and plays on; the fork verifies and records its parent', async () => {
    const replay = finishedGame().replay();
    booted = await bootGame('?mode=replay', memoryStore());
    booted.app.openReplay(replay);
    await showing(booted, 'replay');
    booted.button(/^Jump to Round 2/).click();
    const forkTurn = booted.app.viewer?.step ?? -1;
    booted.button(/^Take over the Iran seat/).click();
    await showing(booted, 'rounds');
    const s = booted.app.session;
    expect(s?.side).toBe('iran');
    expect(s?.game.settings.iran).toBe('human');
    expect(s?.game.settings.us).toMatch(/^ai:/);
    for (let guard = 0; guard < 80 && s && s.game.phase !== 'ended'; guard++) booted.app.act({ type: 'propose', terms: { ...s.draft } });
    const fork = s?.replay();
    expect(fork?.parent).toEqual({ final: replay.final, forkTurn });
    expect(fork?.takeovers?.at(-1)?.afterTurn).toBe(forkTurn);
    const loaded = loadScenario('muscat-2026');
    if (!loaded.ok || !fork) throw new Error('no scenario');
    expect(verifyReplay(loaded.scenario, loaded.hash, fork)).toMatchObject({ ok: true, checksum: fork.final });
  });

  it('refuses a newer format and an edited action, naming the version and the turn', async () => {
    const replay = finishedGame().replay();
    booted = await bootGame('?mode=replay', memoryStore());
    expect(booted.app.openReplay({ ...replay, formatVersion: 99 })).toMatch(/format version 99 is newer than this build reads \(1\)/);
    expect(document.getElementById('bc-screen')?.textContent).toMatch(/The replay could not be opened/);
    const log = replay.log.map((e, i) => (i === 4 ? { ...e, action: { type: 'accept-bridge' } } : e));
    expect(booted.app.openReplay({ ...replay, log })).toMatch(/at turn 5/);
    expect(booted.app.openReplay('{"format": "backchannel-replay", ')).toMatch(/not valid JSON/);
    expect(booted.app.screen).toBe('title');
  });
});

describe('saves', () => {
  it('autosaves every turn; a new page continues on the same screen, turn and state', async () => {
    const store = memoryStore();
    booted = await bootGame('?seed=save-test&side=us', store);
    booted.app.startGame();
    booted.app.toAgenda();
    const s = booted.app.session;
    booted.app.act({ type: 'force-agenda' });
    booted.app.act({ type: 'propose', terms: { ...s?.draft } });
    const before = { screen: booted.app.screen, turns: s?.history.actions.length, sum: s && stateChecksum(s.game) };
    expect(store.data.get(SAVE_KEYS.current)).toBeTruthy();
    expect(store.data.get(SAVE_KEYS.previous)).toBeTruthy();

    const again = new App(parseUrl(''), store);
    expect(again.saves.saved?.replay.log.length).toBe(before.turns);
    expect(again.continueSaved()).toBeNull();
    expect(again.screen).toBe(before.screen);
    expect(again.session && stateChecksum(again.session.game)).toBe(before.sum);
  });

  it('a damaged save is set aside with a clear message and the previous save offered', async () => {
    const store = memoryStore();
    booted = await bootGame('?seed=save-test&side=us', store);
    booted.app.startGame();
    booted.app.toAgenda();
    booted.app.act({ type: 'force-agenda' });
    const previous = JSON.parse(store.data.get(SAVE_KEYS.previous) ?? '{}');
    const current = store.data.get(SAVE_KEYS.current) ?? '';
    store.data.set(SAVE_KEYS.current, current.slice(0, current.length / 2));
    const again = new App(parseUrl(''), store);
    expect(again.saves.problem).toMatch(/damaged .*kept aside .*previous save was restored/);
    expect(store.data.get(SAVE_KEYS.corrupt)).toBe(current.slice(0, current.length / 2));
    expect(again.saves.saved?.replay.log.length).toBe(previous.replay.log.length);
    expect(again.continueSaved()).toBeNull();
  });

  it('a browser that refuses to save keeps the game playable and says so', async () => {
    booted = await bootGame('?seed=save-test&side=us', brokenStore);
    booted.app.startGame();
    await showing(booted, 'briefing');
    expect(booted.app.saves.available).toBe(false);
    expect(booted.app.saves.problem).toMatch(/Saving is unavailable/);
    booted.app.toAgenda();
    expect(booted.app.act({ type: 'force-agenda' })).toBeNull();
    await showing(booted, 'rounds');
  });
});
