import { describe, expect, it } from 'vitest';
import { playGame } from '../../src/core/play';
import { makeReplay } from '../../src/core/replay';
import { type KeyValueStore, loadSave, SAVE_KEYS, type SaveEnvelope, serialiseSave, writeSave } from '../../src/core/save';
import { loadShipped } from '../support/scenarios';

const { scenario, sha256 } = loadShipped('tutorial');

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

function save(seed: string): SaveEnvelope {
  const settings = { us: 'ai:linear', iran: 'ai:conceder', difficulty: 'normal' } as const;
  const g = playGame(scenario, seed, settings, { checksums: true });
  const replay = makeReplay({ scenario, scenarioHash: sha256, seed, settings, log: g.log, checksums: g.checksums, finalState: g.state });
  return { format: 'backchannel-save', formatVersion: 1, view: 'rounds', mode: 'solo', side: 'us', replay };
}

describe('saves', () => {
  it('writes through a temp key and keeps the previous save', () => {
    const store = memoryStore();
    expect(writeSave(store, save('one'))).toEqual({ ok: true });
    expect(writeSave(store, save('two'))).toEqual({ ok: true });
    expect(loadSave(store).save?.replay.seed).toBe('two');
    expect(JSON.parse(store.data.get(SAVE_KEYS.previous) ?? '{}').replay.seed).toBe('one');
    expect(store.data.has(SAVE_KEYS.temp)).toBe(false);
  });

  it('two tabs writing at the same moment: each reads back its own text, the last complete save wins, nothing is half-written', () => {
    const shared = memoryStore();
    const tabB = save('tab-b');
    let interleaved = 0;
    // Tab A's writes let tab B run a whole save in between each of its steps, as two tabs could.
    const tabA: KeyValueStore = {
      getItem: (k) => shared.getItem(k),
      removeItem: (k) => shared.removeItem(k),
      setItem: (k, v) => {
        shared.setItem(k, v);
        interleaved++;
        expect(writeSave(shared, tabB, 'tab-b')).toEqual({ ok: true });
      },
    };
    writeSave(shared, save('old'), 'tab-c');
    expect(writeSave(tabA, save('tab-a'), 'tab-a')).toEqual({ ok: true });
    expect(interleaved).toBe(3);
    // Every key holds a whole save: B wrote last, so B's is current and A's is the one before it.
    expect(loadSave(shared)).toMatchObject({ problem: null, save: { replay: { seed: 'tab-b' } } });
    expect(JSON.parse(shared.data.get(SAVE_KEYS.previous) ?? '{}').replay.seed).toBe('tab-a');
    expect([...shared.data.keys()].filter((k) => k.startsWith(SAVE_KEYS.temp))).toEqual([]);
    // A's next save takes over; saving the same text again does not push it into "previous".
    expect(writeSave(shared, save('tab-a'), 'tab-a')).toEqual({ ok: true });
    expect(writeSave(shared, save('tab-a'), 'tab-a')).toEqual({ ok: true });
    expect(loadSave(shared).save?.replay.seed).toBe('tab-a');
    expect(JSON.parse(shared.data.get(SAVE_KEYS.previous) ?? '{}').replay.seed).toBe('tab-b');
  });

  it('sets a truncated save aside, says so, and falls back to the previous save', () => {
    const store = memoryStore();
    writeSave(store, save('one'));
    writeSave(store, save('two'));
    const damaged = serialiseSave(save('two')).slice(0, 300);
    store.data.set(SAVE_KEYS.current, damaged);
    const loaded = loadSave(store);
    expect(loaded.save?.replay.seed).toBe('one');
    expect(loaded.fromPrevious).toBe(true);
    expect(loaded.problem).toMatch(
      /damaged \(the save is not valid JSON.*kept aside as "backchannel:save:corrupt".*previous save was restored/,
    );
    expect(store.data.get(SAVE_KEYS.corrupt)).toBe(damaged);
  });

  it('keeps the old save intact when storage is full or throws', () => {
    const store = memoryStore();
    writeSave(store, save('one'));
    const before = store.data.get(SAVE_KEYS.current);
    const full: KeyValueStore = {
      ...store,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(writeSave(full, save('two'))).toEqual({ ok: false, error: 'could not save: QuotaExceededError' });
    expect(store.data.get(SAVE_KEYS.current)).toBe(before);
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {},
      removeItem: () => {},
    };
    expect(loadSave(broken)).toEqual({ save: null, problem: 'saved games are unavailable: SecurityError', fromPrevious: false });
  });
});
