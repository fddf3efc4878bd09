// The hand-written SHA-256 (src/core/hash.ts) against NIST's known answers and against Node's own
// implementation (node:crypto) as the reference, on the UTF-8 bytes a browser's TextEncoder makes.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256 } from '../../src/core/hash';

const reference = (text: string) => createHash('sha256').update(new TextEncoder().encode(text)).digest('hex');

describe('sha256', () => {
  // FIPS 180-4 examples (NIST CSRC "Example Algorithms": SHA256.pdf, SHA2_Additional.pdf).
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
    ['a'.repeat(1_000_000), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0'],
  ])('gives NIST’s digest for %#', (text, digest) => {
    expect(sha256(text)).toBe(digest);
  });

  it('agrees with node:crypto at every length around the padding boundaries (0 to 200 bytes)', () => {
    for (let n = 0; n <= 200; n++) {
      const text = 'x'.repeat(n);
      expect(sha256(text), `${n} bytes`).toBe(reference(text));
    }
  });

  it('agrees with node:crypto on any text: non-ASCII, emoji, lone surrogates (hashed as U+FFFD, as TextEncoder does)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => sha256(text) === reference(text)),
      { numRuns: 500 },
    );
    for (const text of ['déjà vu 🕊', '\uD800', 'a\uDC00b', '\u{10FFFF}', 'مسقط']) expect(sha256(text)).toBe(reference(text));
  });

  it('hashes canonical JSON, so key order does not change a scenario’s identity', () => {
    expect(sha256(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }))).toBe(sha256(canonicalJson({ a: [2, { c: 4, d: 3 }], b: 1 })));
  });
});
