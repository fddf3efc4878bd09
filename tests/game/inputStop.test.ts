// Issue 18, point 3: input that stops the game. A replay with a key nested 20,000 deep, an action
// object that refers to itself, has a getter for its type, is a Proxy or carries a huge list, and
// a verified save whose AI is an unknown personality: each is refused or reported in words, never
// thrown, and the game (or the class page's loading) goes on. Asserted on behaviour, never on
// time. Rows in docs/robustness.md, "Hardening II".
import { afterEach, describe, expect, it } from 'vitest';
import { automationApi } from '../../src/app/automation';
import { loadScenario } from '../../src/app/scenarios';
import { Session } from '../../src/app/session';
import { bundledScenarios } from '../../src/class/debrief';
import { startFileDebrief } from '../../src/class/files';
import { addTable, emptyClass, loadTable } from '../../src/class/load';
import { SAVE_FORMAT, SAVE_FORMAT_VERSION, SAVE_KEYS } from '../../src/core/save';
import { memoryStore } from '../support/memoryStore';
import { atTheTable, type Booted, bootGame, playedSession, showing, until } from './harness';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.destroy();
  booted = null;
});

const DEEP = `${'{"k":'.repeat(20_000)}1${'}'.repeat(20_000)}`;

/** A short game's replay as JSON text, and the same with a key nested 20,000 deep in its settings. */
function replays(): { good: string; deep: string } {
  const session = playedSession({ stop: (s) => s.history.actions.length >= 3 });
  const value = JSON.parse(JSON.stringify(session.replay()));
  const good = JSON.stringify(value);
  value.settings.extra = 'DEEP';
  return { good, deep: JSON.stringify(value).replace('"DEEP"', DEEP) };
}

type Answer = { ok: boolean; error?: string; state?: { error: string | null; game: { turn: number } } };

describe('a replay with a key nested 20,000 deep', () => {
  it('is refused by open-replay with its cause, without throwing out of act(), and a good replay opens after it', async () => {
    const { good, deep } = replays();
    booted = await bootGame('?mode=replay', memoryStore());
    await showing(booted, 'title');
    const api = automationApi(booted.app);
    let out: Answer | undefined;
    expect(() => {
      out = api.act({ type: 'open-replay', replay: deep }) as Answer;
    }).not.toThrow();
    expect(out?.ok).toBe(false);
    expect(out?.error).toMatch(/nest/);
    expect(booted.app.replayProblem).toMatch(/nest/);
    expect((api.act({ type: 'open-replay', replay: good }) as Answer).ok).toBe(true);
    await showing(booted, 'replay');
  });

  it('is one file the class page cannot load, named with the cause; the other files load, and Clear works', async () => {
    const { good, deep } = replays();
    const known = bundledScenarios();
    const one = loadTable({ name: 'deep.json', text: deep }, known);
    expect(one.ok).toBe(false);
    if (!one.ok) expect(one.problem).toMatchObject({ name: 'deep.json', reason: expect.stringMatching(/nest/) });
    const set = addTable(addTable(emptyClass(), { name: 'deep.json', text: deep }, known), { name: 'good.json', text: good }, known);
    expect(set.tables.map((t) => t.name)).toEqual(['good.json']);

    // The page itself: both files in one pick, then Clear.
    document.body.innerHTML = `<input id="cd-files" type="file" multiple /><button id="cd-csv"></button><button id="cd-print"></button>
      <button id="cd-clear"></button><p id="cd-status"></p><div id="cd-problems"></div><div id="cd-report"></div><div id="cd-print-pages"></div>`;
    startFileDebrief();
    const input = document.getElementById('cd-files') as HTMLInputElement;
    const files = [
      new File([deep], 'deep.json', { type: 'application/json' }),
      new File([good], 'good.json', { type: 'application/json' }),
    ];
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change'));
    const status = document.getElementById('cd-status') as HTMLElement;
    await until(() => /table loaded/.test(status.textContent ?? '') || /stopped/.test(status.textContent ?? ''), 'the files to load');
    expect(status.textContent).toBe('1 table loaded. 1 file could not be loaded.');
    expect(document.getElementById('cd-problems')?.textContent).toMatch(/deep\.json[\s\S]*nest/);
    (document.getElementById('cd-clear') as HTMLButtonElement).click();
    await until(() => status.textContent === 'No tables loaded yet.', 'Clear');
  });
});

describe('act() copies and checks every action at the boundary', () => {
  it('refuses a self-reference, a getter, a throwing Proxy, a huge list and deep nesting in words, and the next legal move plays', async () => {
    booted = await atTheTable('us');
    const api = automationApi(booted.app);
    const propose = () => (api.legalActions() as { type: string }[]).find((a) => a.type === 'propose') as Record<string, unknown>;
    const self: Record<string, unknown> = { ...propose() };
    self.reason = self;
    const getter = {
      get type() {
        return 'propose';
      },
    };
    const proxy = new Proxy(
      { type: 'accept' },
      {
        get: () => {
          throw new Error('trap');
        },
        getOwnPropertyDescriptor: () => {
          throw new Error('trap');
        },
      },
    );
    const cases: [unknown, RegExp][] = [
      [self, /refers to itself/],
      [getter, /getter/],
      [proxy, /could not be read/],
      [{ type: 'propose-agenda', issues: new Array(2_000_000).fill('x') }, /list of 2,000,000 items/],
      [`{"type":"propose","terms":${DEEP}}`, /nests values more than 64 levels deep/],
    ];
    for (const [action, message] of cases) {
      let out: Answer | undefined;
      expect(() => {
        out = api.act(action) as Answer;
      }).not.toThrow();
      expect(out?.ok).toBe(false);
      expect(out?.error).toMatch(message);
    }
    const before = booted.app.session?.history.actions.length ?? 0;
    const played = api.act(propose()) as Answer;
    expect(played.ok).toBe(true);
    expect(booted.app.session?.history.actions.length).toBeGreaterThan(before);
  });
});

describe('a verified save whose AI is an unknown personality (ai:ghost)', () => {
  /** A saved game at the briefing against `ai:ghost`: its replay verifies (the checksums cover the seat). */
  function ghostSave(): string {
    const loaded = loadScenario('muscat-2026');
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    const choice = {
      scenarioId: 'muscat-2026',
      seed: 'ghost-1',
      side: 'us' as const,
      personality: 'ghost',
      difficulty: 'normal',
      mode: 'solo' as const,
    };
    const session = new Session(loaded.scenario, loaded.hash, choice);
    session.start();
    return JSON.stringify({
      format: SAVE_FORMAT,
      formatVersion: SAVE_FORMAT_VERSION,
      view: 'briefing',
      mode: 'solo',
      side: 'us',
      replay: session.replay(),
    });
  }

  it('never leaves the machine stopped: the failure is reported, and the game goes on from its last good state', async () => {
    const store = memoryStore();
    store.setItem(SAVE_KEYS.current, ghostSave());
    booted = await bootGame('?seed=ghost', store);
    const api = automationApi(booted.app);
    const continued = api.act({ type: 'continue' }) as Answer;
    if (!continued.ok) {
      // A reader that refuses the unknown AI up front is as good: said in words, nothing stopped.
      expect(continued.error).toMatch(/ghost/);
      return;
    }
    api.act({ type: 'begin' });
    // The AI cannot move: the move (or the opening) is refused with the cause, never answered ok and dropped.
    const move = (api.legalActions() as { type: string }[]).find((a) => a.type === 'propose-agenda' || a.type === 'propose');
    if (move) {
      const out = api.act(move) as Answer;
      expect(out.ok).toBe(false);
      expect(out.error).toMatch(/ghost/);
    }
    expect(JSON.stringify((api.state() as { error: unknown }).error)).toMatch(/ghost/);
    // The machine still plays: a facilitator's pause lands, and the autosave records it.
    const saved = JSON.parse(store.getItem(SAVE_KEYS.current) ?? '{}').replay?.log.length ?? 0;
    const paused = api.act({ type: 'facilitate', action: { type: 'pause', paused: true } }) as Answer & {
      state?: { facilitator: { paused: boolean } };
    };
    expect(paused.ok).toBe(true);
    expect(paused.state?.facilitator.paused).toBe(true);
    expect(JSON.parse(store.getItem(SAVE_KEYS.current) ?? '{}').replay.log.length).toBe(saved + 1);
  });

  it('a Session whose AI fails is put back where it was before the move, and keeps playing', () => {
    const session = playedSession({
      stop: (s) => s.phase === 'rounds' && s.isMyTurn,
      moves: (s) => (s.phase === 'agenda' ? { type: 'force-agenda' } : null),
    });
    const loaded = loadScenario('muscat-2026');
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    const snapshot = JSON.parse(JSON.stringify(session.persisted()));
    snapshot.context.game.settings.iran = 'ai:ghost';
    const ghost = new Session(loaded.scenario, loaded.hash, { ...session.choice }, snapshot);
    const turns = ghost.history.actions.length;
    const move = ghost.legalActions().find((a) => a.type === 'propose');
    if (!move) throw new Error('no proposal to make');
    expect(ghost.act(move)).toMatch(/unknown personality "ghost"/);
    expect(ghost.history.actions.length).toBe(turns);
    expect(ghost.phase).toBe('rounds');
    expect(ghost.facilitate({ type: 'pause', paused: true })).toBeNull();
    expect(ghost.game.paused).toBe(true);
    expect(ghost.history.actions.length).toBe(turns + 1);
  });
});
