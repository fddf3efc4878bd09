import alea from 'seedrandom/lib/alea.js';
import { describe, expect, it } from 'vitest';
import { draw, normaliseSeed, seedStream, weightedPick } from '../../src/core/rng';

describe('named seeded streams', () => {
  it('uses seedrandom Alea: the reference value for "hello."', () => {
    expect(alea('hello.')()).toBe(0.4783254903741181);
  });

  it('steps a stored stream exactly as seedrandom does', () => {
    const reference = alea('game-7:events');
    const stored = seedStream('game-7', 'events');
    for (let i = 0; i < 1000; i++) expect(draw(stored)).toBe(reference());
  });

  it('keeps a stream state JSON-serialisable and resumable mid-sequence', () => {
    const a = seedStream('s', 'ai');
    for (let i = 0; i < 10; i++) draw(a);
    const resumed = JSON.parse(JSON.stringify(a));
    expect(draw(resumed)).toBe(draw(a));
  });

  it('gives separate streams separate sequences, so a draw in one never shifts another', () => {
    expect(draw(seedStream('s', 'events'))).not.toBe(draw(seedStream('s', 'ai')));
  });

  it('treats 123 and "123" as the same seed and NFC/NFD spellings of café as one seed', () => {
    expect(normaliseSeed(123)).toEqual(normaliseSeed('123'));
    expect(normaliseSeed('cafe\u0301')).toEqual(normaliseSeed('café'));
  });

  it('refuses an empty or overlong seed with a reason', () => {
    expect(normaliseSeed('')).toEqual({ ok: false, error: 'seed is empty' });
    expect(normaliseSeed('x'.repeat(10_000))).toMatchObject({ ok: false });
    expect(normaliseSeed(null)).toMatchObject({ ok: false });
  });

  it('picks by weight', () => {
    const s = seedStream('w', 'events');
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 4000; i++) counts[weightedPick(s, ['a', 'b'] as const, (x) => (x === 'a' ? 3 : 1)) ?? 'a']++;
    expect(counts.a / 4000).toBeGreaterThan(0.7);
    expect(counts.a / 4000).toBeLessThan(0.8);
  });
});
