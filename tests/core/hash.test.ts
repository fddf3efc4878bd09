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

  it('agrees with node:crypto when multi-byte characters straddle the 55/56/63/64-byte boundaries', () => {
    for (const char of ['é', '€', '🕊'])
      for (let n = 40; n <= 140; n++) {
        const text = 'x'.repeat(n) + char.repeat(3);
        expect(sha256(text), `${n} + 3 × ${char}`).toBe(reference(text));
      }
  });

  it('hashes a lone surrogate as U+FFFD (EF BF BD), the UTF-8 that TextEncoder and Node make', () => {
    const ofBytes = (hex: string) => createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex');
    const fffd = ofBytes('efbfbd');
    expect(sha256('\uD800')).toBe(fffd);
    expect(sha256('\uDFFF')).toBe(fffd);
    expect(sha256('\uFFFD')).toBe(fffd);
    expect(sha256('a\uDC00b')).toBe(ofBytes('61efbfbd62'));
    // A high surrogate followed by a low one is one code point (four bytes), not two replacements.
    expect(sha256('\uD83D\uDD4A')).toBe(ofBytes('f09f958a'));
  });

  it('agrees with node:crypto on any text: non-ASCII, emoji, lone surrogates', () => {
    // fc.string's 'binary' unit gives whole code points only (never a lone surrogate), so lone
    // surrogates are mixed in as units of their own; Node's own UTF-8 (Buffer) is the reference.
    const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
    const unit = fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), loneSurrogate);
    const nodeUtf8 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
    let withLone = 0;
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 300 }), (text) => {
        if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)) withLone++;
        const digest = sha256(text);
        return digest === reference(text) && digest === nodeUtf8(text);
      }),
      { numRuns: 500 },
    );
    expect(withLone).toBeGreaterThan(50);
    for (const text of ['déjà vu 🕊', '\uD800', 'a\uDC00b', '\u{10FFFF}', 'مسقط']) expect(sha256(text)).toBe(reference(text));
  });

  it('hashes canonical JSON, so key order does not change a scenario’s identity', () => {
    expect(sha256(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }))).toBe(sha256(canonicalJson({ a: [2, { c: 4, d: 3 }], b: 1 })));
  });
});
