// Issue 18 (Hardening II), the readers: every value of a replay or a save is checked before use, a
// quoted value is cut, deep nesting is refused before any recursive walk, a byte order mark is
// accepted, and a version must be a whole number from 1.
import { describe, expect, it } from 'vitest';
import { playGame } from '../../src/core/play';
import { makeReplay, type Replay, readReplay, verifyReplay } from '../../src/core/replay';
import { loadSave, parseSave, SAVE_KEYS, serialiseSave } from '../../src/core/save';
import type { Settings } from '../../src/core/types';
import { memoryStore } from '../support/memoryStore';
import { loadShipped } from '../support/scenarios';

const { scenario, sha256 } = loadShipped('muscat-2026');
const settings: Settings = { us: 'ai:tit-for-tat', iran: 'ai:boulware', difficulty: 'normal' };

function recorded(seed = 'readers'): Replay {
  const g = playGame(scenario, seed, settings, { checksums: true });
  return JSON.parse(
    JSON.stringify(makeReplay({ scenario, scenarioHash: sha256, seed, settings, log: g.log, checksums: g.checksums, finalState: g.state })),
  );
}

const good = recorded();
const saveOf = (replay: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'backchannel-save', formatVersion: 1, view: 'rounds', mode: 'solo', side: 'us', replay, ...extra });
const errorOf = (r: { ok: boolean; error?: string }) => (r.ok ? '(accepted)' : (r.error as string));

describe('readers: versions', () => {
  it('a formatVersion that is not a whole number is named as such; 0 and -7 are refused (replay and save)', () => {
    expect(errorOf(readReplay({ ...good, formatVersion: '1' }))).toBe('formatVersion must be a whole number, not "1"');
    expect(errorOf(readReplay({ ...good, formatVersion: 1.5 }))).toMatch(/formatVersion must be a whole number/);
    expect(errorOf(parseSave(saveOf(good, { formatVersion: '1' })))).toBe('formatVersion must be a whole number, not "1"');
    for (const v of [0, -7]) {
      expect(errorOf(readReplay({ ...good, formatVersion: v }))).toMatch(new RegExp(`version ${v} is not supported`));
      expect(errorOf(parseSave(saveOf(good, { formatVersion: v })))).toMatch(new RegExp(`save format version ${v} is not supported`));
    }
    expect(errorOf(parseSave(saveOf(good, { formatVersion: 2 })))).toMatch(/save format version 2 is newer than this build reads \(1\)/);
    expect(parseSave(saveOf(good)).ok).toBe(true);
  });
});

describe('readers: a byte order mark', () => {
  it('a save written with a UTF-8 BOM is read as the same save', () => {
    const text = saveOf(good);
    const withBom = parseSave(`\uFEFF${text}`);
    expect(withBom.ok).toBe(true);
    if (withBom.ok) expect(serialiseSave(withBom.save)).toBe(serialiseSave((parseSave(text) as { ok: true; save: never }).save));
  });
});

describe('readers: every value checked, quoted values cut', () => {
  it('a 3,000-character turn is refused with the value cut to 80 characters, and the damaged save is set aside', () => {
    const replay = structuredClone(good);
    (replay.log[2] as { turn: unknown }).turn = '9'.repeat(3000);
    const read = readReplay(replay);
    expect(read.ok).toBe(false);
    expect(errorOf(read).length).toBeLessThan(200);
    expect(errorOf(read)).toMatch(/^log\[2\]: turn is "9{79}…" \(3,000 characters\), expected 3$/);
    const store = memoryStore();
    store.setItem(SAVE_KEYS.current, saveOf(replay));
    const loaded = loadSave(store);
    expect(loaded.save).toBeNull();
    expect(loaded.problem?.length).toBeLessThan(400);
    expect(store.getItem(SAVE_KEYS.corrupt)).toBe(saveOf(replay));
  });

  it('parent.forkTurn must be a whole turn within the log (replay and save)', () => {
    const n = good.log.length;
    for (const forkTurn of ['7'.repeat(5000), -1, 2.5, n + 1, null, Number.MAX_SAFE_INTEGER + 2]) {
      const replay = { ...good, parent: { final: good.final, forkTurn } };
      const error = errorOf(readReplay(replay));
      expect(error).toMatch(new RegExp(`^parent.forkTurn must be a turn between 0 and ${n}`));
      expect(error.length).toBeLessThan(200);
      expect(errorOf(parseSave(saveOf(replay)))).toMatch(/^the save's replay: parent.forkTurn must be/);
    }
    expect(errorOf(readReplay({ ...good, parent: 'x'.repeat(5000) }))).toBe('parent must be {final, forkTurn}');
    expect(readReplay({ ...good, parent: { final: good.final, forkTurn: 3 } }).ok).toBe(true);
  });

  it("a replay's scenario id must be an id (it is never a path), and every other name has a sane length", () => {
    for (const id of ['../secret.json', 'scenarios/muscat-2026.yaml', '/etc/passwd', 'x'.repeat(5000)])
      expect(errorOf(readReplay({ ...good, scenario: { ...good.scenario, id } }))).toMatch(/^scenario\.id must be a scenario id/);
    expect(errorOf(readReplay({ ...good, settings: { ...good.settings, us: `ai:${'g'.repeat(100_000)}` } }))).toMatch(
      /^settings\.us must be a name of 1 to 100 characters, not "ai:g+…" \(100,003 characters\)$/,
    );
    const long = structuredClone(good);
    (long.log[0]?.action as { type: string }).type = 'p'.repeat(1_000_000);
    const error = errorOf(readReplay(long));
    expect(error).toMatch(/^turn 1: action type must be a name/);
    expect(error.length).toBeLessThan(250);
  });

  it('a value that throws when read (a getter) is refused, never thrown', () => {
    const replay = structuredClone(good) as unknown as { log: { action: object }[] };
    Object.defineProperty(replay.log[0]?.action, 'type', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(() => readReplay(replay)).not.toThrow();
    expect(errorOf(readReplay(replay))).toMatch(/boom/);
  });
});

describe('readers: deep nesting and cycles', () => {
  const deep = (n: number) => {
    let v: unknown = 1;
    for (let i = 0; i < n; i++) v = { a: v };
    return v;
  };

  it('a key nested 20,000 deep in an action is refused with a clear message before anything walks it', () => {
    const replay = structuredClone(good);
    (replay.log[1]?.action as unknown as Record<string, unknown>).extra = deep(20_000);
    const read = readReplay(replay);
    expect(errorOf(read)).toMatch(/^not a replay: nesting is deeper than 64 levels/);
    // the same as text, through a save: refused from the text, before JSON.parse builds it
    const text = saveOf(good).replace('"action":{', `"action":{"extra":${'['.repeat(20_000)}${']'.repeat(20_000)},`);
    expect(errorOf(parseSave(text))).toBe('the save: nesting is 20,005 levels deep; the limit is 64');
  });

  it('a replay object that refers to itself is refused, not walked forever', () => {
    const replay = structuredClone(good) as unknown as Record<string, unknown>;
    (replay.log as Record<string, unknown>[])[0] = { ...(replay.log as object[])[0], self: replay };
    expect(errorOf(readReplay(replay))).toMatch(/nesting is deeper than 64 levels \(or a value refers to itself\)/);
  });

  it('what a reader returns is a copy of what it checked: later changes to the input do not reach it', () => {
    const input = structuredClone(good);
    const read = readReplay(input);
    if (!read.ok) throw new Error(read.error);
    input.settings.us = 'ai:ghost';
    (input.log as unknown[]).push({ turn: 999 });
    input.checksums[0] = 'changed';
    expect(read.replay.settings.us).toBe('ai:tit-for-tat');
    expect(read.replay.log.length).toBe(good.log.length);
    expect(verifyReplay(scenario, sha256, read.replay)).toMatchObject({ ok: true, checksum: good.final });
  });
});

describe('readers: controllers the scenario cannot play', () => {
  it('refuses a replay (or a take-over) naming an AI personality the scenario does not have, before playing it', () => {
    const ghost = { ...good, settings: { ...good.settings, iran: 'ai:ghost' } } as Replay;
    expect(errorOf(verifyReplay(scenario, sha256, ghost))).toMatch(/^iran: unknown policy "ai:ghost": personalities are ai:/);
    const later = { ...good, takeovers: [{ afterTurn: 2, settings: { ...good.settings, us: 'ai:ghost' } }] } as Replay;
    expect(errorOf(verifyReplay(scenario, sha256, later))).toMatch(/^us: unknown policy "ai:ghost"/);
    expect(verifyReplay(scenario, sha256, good).ok).toBe(true);
  });
});
