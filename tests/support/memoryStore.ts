// A KeyValueStore in memory (what localStorage is to the game): the tests' and benches' stand-in.
import type { KeyValueStore } from '../../src/core/save';

export type MemoryStore = KeyValueStore & { map: Map<string, string> };

export function memoryStore(entries: Record<string, string> = {}): MemoryStore {
  const map = new Map(Object.entries(entries));
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, String(v)),
    removeItem: (k: string) => void map.delete(k),
  } as MemoryStore;
}
