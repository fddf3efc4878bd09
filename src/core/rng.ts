// Named seeded streams (docs/design.md §3). Each stream is a seedrandom Alea generator seeded with
// `seed + ':' + name`; its state lives in the game state as plain JSON and is stepped here with
// Alea's own recurrence, so a draw is a pure function of the stored state.
import alea from 'seedrandom/lib/alea.js';

export interface AleaState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

export type StreamName = 'setup' | 'events' | 'ai' | 'intel';
export const STREAMS: readonly StreamName[] = ['setup', 'events', 'ai', 'intel'];
export const MAX_SEED_LENGTH = 256;

/**
 * Control characters and direction overrides have no place in a seed: they cannot be typed, and a
 * U+202E would show the seed (and whatever follows it on screen) reversed. Emoji joiners (U+200D)
 * and variation selectors stay allowed.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters refused
const HIDDEN_IN_SEED = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

export type SeedResult = { ok: true; seed: string } | { ok: false; error: string };

/** Seeds are strings, NFC-normalised and length-capped; numbers are taken as their decimal text. */
export function normaliseSeed(raw: unknown): SeedResult {
  if (typeof raw === 'number' && Number.isFinite(raw)) raw = String(raw);
  if (typeof raw !== 'string') return { ok: false, error: 'seed must be a string' };
  const seed = raw.normalize('NFC').trim();
  if (seed.length === 0) return { ok: false, error: 'seed is empty' };
  if (seed.length > MAX_SEED_LENGTH) return { ok: false, error: `seed is longer than ${MAX_SEED_LENGTH} characters` };
  const hidden = seed.search(HIDDEN_IN_SEED);
  if (hidden >= 0) {
    const code = seed.charCodeAt(hidden).toString(16).toUpperCase().padStart(4, '0');
    return { ok: false, error: `seed contains the hidden control character U+${code} at position ${hidden + 1}` };
  }
  return { ok: true, seed };
}

export function seedStream(seed: string, name: string): AleaState {
  const prng = alea(`${seed}:${name}`, { state: true });
  const s = prng.state() as unknown as AleaState;
  return { c: s.c, s0: s.s0, s1: s.s1, s2: s.s2 };
}

/** One draw in [0, 1); advances the state in place (the caller owns the copy). */
export function draw(s: AleaState): number {
  const t = 2091639 * s.s0 + s.c * 2.3283064365386963e-10;
  s.s0 = s.s1;
  s.s1 = s.s2;
  s.c = t | 0;
  s.s2 = t - s.c;
  return s.s2;
}

export function drawInt(s: AleaState, n: number): number {
  return Math.min(n - 1, Math.floor(draw(s) * n));
}

/** Weighted pick over items already sorted by id (object key order is not a contract). */
export function weightedPick<T>(s: AleaState, items: readonly T[], weight: (item: T) => number): T | undefined {
  const total = items.reduce((a, x) => a + weight(x), 0);
  if (items.length === 0 || total <= 0) return undefined;
  let u = draw(s) * total;
  for (const item of items) {
    u -= weight(item);
    if (u < 0) return item;
  }
  return items[items.length - 1];
}
