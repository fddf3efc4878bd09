// The QR encoder against known vectors: the Reed–Solomon codewords of the standard "HELLO WORLD"
// 1-M example, and the structure of a whole symbol (finders, timing, format bits for level M).
import { describe, expect, it } from 'vitest';
import { encodeQr, reedSolomon } from '../../src/dom/qr';

describe('QR code', () => {
  it('computes the error-correction codewords of the HELLO WORLD 1-M example', () => {
    const data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];
    expect(reedSolomon(data, 10)).toEqual([196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
  });

  it('fits a 120-character class link in a small version with valid format information', () => {
    const url = `https://school.example/backchannel/?scenario=muscat-2026&seed=${'x'.repeat(40)}&mode=hotseat&difficulty=hard`;
    expect(url.length).toBeGreaterThan(110);
    const qr = encodeQr(url);
    expect(qr.version).toBeLessThanOrEqual(8);
    expect(qr.size).toBe(qr.version * 4 + 17);
    const m = qr.modules;
    const at = (x: number, y: number) => (m[y] as boolean[])[x] as boolean;
    // Finder pattern corners and the timing row.
    for (const [x, y] of [
      [0, 0],
      [qr.size - 1, 0],
      [0, qr.size - 1],
      [3, 3],
    ] as const)
      expect(at(x, y)).toBe(true);
    for (let x = 8; x < qr.size - 8; x++) expect(at(x, 6)).toBe(x % 2 === 0);
    // Format bits (first copy) read back: level M (00) and the chosen mask, with a valid BCH code.
    const read = [0, 1, 2, 3, 4, 5, 7, 8].map((y) => at(8, y));
    read.push(at(7, 8));
    for (let i = 9; i < 15; i++) read.push(at(14 - i, 8));
    const bits = read.reduce((n, b, i) => n | (Number(b) << i), 0) ^ 0x5412;
    expect(bits >>> 13).toBe(0b00);
    expect((bits >>> 10) & 7).toBe(qr.mask);
    let rem = bits >>> 10;
    for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
    expect(((bits >>> 10) << 10) | rem).toBe(bits);
    // The dark module.
    expect(at(8, qr.size - 8)).toBe(true);
  });

  it('refuses a text too long for version 10', () => {
    expect(() => encodeQr('x'.repeat(300))).toThrow(/too long/);
  });
});
