// The hand-written QR encoder (src/dom/qr.ts) read back by a real decoder (jsQR): every version the
// class set-up card can produce (1 to 10, level M, byte mode), every mask, and real class links; and
// by a strict reader of the standard's layout, since jsQR corrects (and so hides) a few wrong bits.
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { encodeQr, type QrCode } from '../../src/dom/qr';

/** The symbol as an RGBA image: `scale` pixels a module and the standard 4-module quiet zone. */
function render(qr: QrCode, scale = 4): { data: Uint8ClampedArray; width: number } {
  const width = (qr.size + 8) * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [y, row] of qr.modules.entries())
    for (const [x, dark] of row.entries()) {
      if (!dark) continue;
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) {
          const i = (((y + 4) * scale + dy) * width + (x + 4) * scale + dx) * 4;
          data[i] = data[i + 1] = data[i + 2] = 0;
        }
    }
  return { data, width };
}

function decode(qr: QrCode): { text: string; version: number } | null {
  const { data, width } = render(qr);
  const found = jsQR(data, width, width, { inversionAttempts: 'dontInvert' });
  return found && { text: found.data, version: found.version };
}

// A strict reader, written from ISO/IEC 18004 independently of the encoder. jsQR corrects errors, so
// a symbol with a few wrong modules (a misplaced bit, a wrong remainder, one bad format copy) still
// decodes; this reader instead demands every block be an exact Reed–Solomon codeword and every bit
// of the layout be the standard's.

/** Level M, versions 1–10 (ISO/IEC 18004 Table 9): [total codewords, EC per block, [blocks, data per block]…]. */
const LEVEL_M: Record<number, [number, number, ...[number, number][]]> = {
  1: [26, 10, [1, 16]],
  2: [44, 16, [1, 28]],
  3: [70, 26, [1, 44]],
  4: [100, 18, [2, 32]],
  5: [134, 24, [2, 43]],
  6: [172, 16, [4, 27]],
  7: [196, 18, [4, 31]],
  8: [242, 22, [2, 38], [2, 39]],
  9: [292, 22, [3, 36], [2, 37]],
  10: [346, 26, [4, 43], [1, 44]],
};
/** Format information for level M, masks 0–7, after the 0x5412 mask (Table C.1). */
const FORMAT_M = [0x5412, 0x5125, 0x5e7c, 0x5b4b, 0x45f9, 0x40ce, 0x4f97, 0x4aa0];
/** Version information for versions 7–10 (Table D.1). */
const VERSION_INFO: Record<number, number> = { 7: 0x07c94, 8: 0x085bc, 9: 0x09a99, 10: 0x0a4d3 };
/** Remainder bits after the last codeword (Table 1). */
const REMAINDER: Record<number, number> = { 1: 0, 2: 7, 3: 7, 4: 7, 5: 7, 6: 7, 7: 0, 8: 0, 9: 0, 10: 0 };

const GF_EXP: number[] = [];
const GF_LOG: number[] = [];
for (let i = 0, x = 1; i < 255; i++, x = x & 0x80 ? ((x << 1) ^ 0x11d) & 0xff : x << 1) {
  GF_EXP[i] = x;
  GF_LOG[x] = i;
}
const gfMul = (a: number, b: number) => (a && b ? (GF_EXP[((GF_LOG[a] as number) + (GF_LOG[b] as number)) % 255] as number) : 0);

/** The syndromes of a block: all zero exactly when it is a codeword of the QR generator (roots α^0…α^(n−1)). */
function syndromes(block: number[], ecLength: number): number[] {
  return Array.from({ length: ecLength }, (_, j) => block.reduce((acc, c) => gfMul(acc, GF_EXP[j] as number) ^ c, 0));
}

const maskOf = (mask: number, x: number, y: number): boolean =>
  [
    (y + x) % 2 === 0,
    y % 2 === 0,
    x % 3 === 0,
    (y + x) % 3 === 0,
    (Math.floor(y / 2) + Math.floor(x / 3)) % 2 === 0,
    ((y * x) % 2) + ((y * x) % 3) === 0,
    (((y * x) % 2) + ((y * x) % 3)) % 2 === 0,
    (((y + x) % 2) + ((y * x) % 3)) % 2 === 0,
  ][mask] as boolean;

/** Reads the symbol back by the standard and checks every part of it; returns the bytes it holds. */
function readStrictly(qr: QrCode): { mask: number; bytes: number[] } {
  const version = (qr.size - 17) / 4;
  const size = qr.size;
  expect(Number.isInteger(version) && version >= 1 && version <= 10).toBe(true);
  const at = (x: number, y: number) => (qr.modules[y] as boolean[])[x] as boolean;
  const fn = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  const mark = (x0: number, y0: number, w: number, h: number) => {
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) (fn[y] as boolean[])[x] = true;
  };
  // Finders with separators and the format areas; timing; alignment; version information.
  mark(0, 0, 9, 9);
  mark(size - 8, 0, 8, 9);
  mark(0, size - 8, 9, 8);
  mark(6, 0, 1, size);
  mark(0, 6, size, 1);
  const finder = (x0: number, y0: number) => {
    for (let dy = -1; dy <= 7; dy++)
      for (let dx = -1; dx <= 7; dx++) {
        const x = x0 + dx;
        const y = y0 + dy;
        if (x < 0 || y < 0 || x >= size || y >= size) continue;
        const ring = Math.max(Math.abs(dx - 3), Math.abs(dy - 3));
        expect(at(x, y), `finder module ${x},${y}`).toBe(ring !== 2 && ring !== 4);
      }
  };
  finder(0, 0);
  finder(size - 7, 0);
  finder(0, size - 7);
  for (let i = 8; i < size - 8; i++) {
    expect(at(i, 6), `timing ${i},6`).toBe(i % 2 === 0);
    expect(at(6, i), `timing 6,${i}`).toBe(i % 2 === 0);
  }
  const count = Math.floor(version / 7) + 2;
  const last = size - 7;
  const step = version === 1 ? 0 : Math.ceil((last - 6) / (count - 1) / 2) * 2;
  const centres = version === 1 ? [] : [6, ...Array.from({ length: count - 1 }, (_, k) => last - (count - 2 - k) * step)];
  for (const cy of centres)
    for (const cx of centres) {
      if ((cx === 6 && cy === 6) || (cx === 6 && cy === last) || (cx === last && cy === 6)) continue;
      mark(cx - 2, cy - 2, 5, 5);
      for (let dy = -2; dy <= 2; dy++)
        for (let dx = -2; dx <= 2; dx++)
          expect(at(cx + dx, cy + dy), `alignment ${cx},${cy}`).toBe(Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
    }
  if (version >= 7) {
    mark(size - 11, 0, 3, 6);
    mark(0, size - 11, 6, 3);
    const info = VERSION_INFO[version] as number;
    for (let i = 0; i < 18; i++) {
      const bit = ((info >>> i) & 1) === 1;
      expect(at(size - 11 + (i % 3), Math.floor(i / 3)), `version bit ${i} (top right)`).toBe(bit);
      expect(at(Math.floor(i / 3), size - 11 + (i % 3)), `version bit ${i} (bottom left)`).toBe(bit);
    }
  }
  // Both copies of the format information, bit 14 first, and the dark module.
  const first = [...[0, 1, 2, 3, 4, 5, 7, 8].map((y) => at(8, y)), at(7, 8), ...[5, 4, 3, 2, 1, 0].map((x) => at(x, 8))];
  const second = [...Array.from({ length: 8 }, (_, i) => at(size - 1 - i, 8)), ...Array.from({ length: 7 }, (_, i) => at(8, size - 7 + i))];
  const word = (bits: boolean[]) => bits.reduce((n, b, i) => n | (Number(b) << i), 0);
  expect(word(second), 'the two format copies').toBe(word(first));
  const mask = FORMAT_M.indexOf(word(first));
  expect(mask, `format word ${word(first).toString(2)} is level M`).toBeGreaterThanOrEqual(0);
  expect(at(8, size - 8), 'dark module').toBe(true);
  // The data modules in the zigzag order, unmasked.
  const bits: boolean[] = [];
  let upward = true;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let i = 0; i < size; i++) {
      const y = upward ? size - 1 - i : i;
      for (const x of [right, right - 1]) if (!(fn[y] as boolean[])[x]) bits.push(at(x, y) !== maskOf(mask, x, y));
    }
    upward = !upward;
  }
  const [total, ecLength, ...groups] = LEVEL_M[version] as [number, number, ...[number, number][]];
  expect(bits.length, 'data modules').toBe(total * 8 + (REMAINDER[version] as number));
  expect(
    bits.slice(total * 8).every((b) => !b),
    'remainder bits are light',
  ).toBe(true);
  const words = Array.from({ length: total }, (_, k) => bits.slice(k * 8, k * 8 + 8).reduce((n, b) => (n << 1) | Number(b), 0));
  // De-interleave into blocks; each must be an exact codeword.
  const sizes = groups.flatMap(([n, d]) => new Array<number>(n).fill(d));
  const blocks = sizes.map(() => [] as number[]);
  let k = 0;
  for (let i = 0; i < Math.max(...sizes); i++)
    for (const [b, d] of sizes.entries()) if (i < d) (blocks[b] as number[]).push(words[k++] as number);
  for (let i = 0; i < ecLength; i++) for (const block of blocks) block.push(words[k++] as number);
  expect(k).toBe(total);
  for (const [b, block] of blocks.entries())
    expect(syndromes(block, ecLength), `block ${b} syndromes`).toEqual(new Array(ecLength).fill(0));
  // The data: byte mode, its count, the bytes, a terminator, zero bits to a byte, then 0xEC 0x11 pads.
  const data = blocks.flatMap((block, b) => block.slice(0, sizes[b]));
  const stream = data.flatMap((w) => Array.from({ length: 8 }, (_, i) => (w >>> (7 - i)) & 1));
  let p = 0;
  const take = (n: number) => {
    let v = 0;
    for (let i = 0; i < n; i++) v = (v << 1) | (stream[p++] as number);
    return v;
  };
  expect(take(4), 'byte mode').toBe(0b0100);
  const length = take(version < 10 ? 8 : 16);
  const bytes = Array.from({ length }, () => take(8));
  const terminator = Math.min(4, stream.length - p);
  expect(take(terminator), 'terminator').toBe(0);
  const padBits = (8 - (p % 8)) % 8;
  expect(take(padBits), 'zero bits to the byte').toBe(0);
  for (let i = p / 8, pad = 0xec; i < data.length; i++, pad ^= 0xec ^ 0x11) expect(data[i], `pad codeword ${i}`).toBe(pad);
  return { mask, bytes };
}

/** The shortest and the longest text of each version, found by growing the text a byte at a time. */
function textsByVersion(): Map<number, string[]> {
  const byVersion = new Map<number, string[]>();
  for (let n = 1; ; n++) {
    const text = Array.from({ length: n }, (_, i) => 'abcdefghijklmnopqrstuvwxyz0123456789-_.~'[(i * 7) % 40]).join('');
    let version: number;
    try {
      version = encodeQr(text).version;
    } catch {
      break;
    }
    const texts = byVersion.get(version) ?? [];
    texts[texts.length === 0 ? 0 : 1] = text;
    byVersion.set(version, texts);
  }
  return byVersion;
}

describe('QR codes read back by a decoder', () => {
  const byVersion = textsByVersion();

  it('covers versions 1 to 10, the range the encoder makes', () => {
    expect([...byVersion.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it.each([...byVersion.entries()])('version %i: the shortest and the longest text decode to themselves', (version, texts) => {
    for (const text of texts) {
      const qr = encodeQr(text);
      expect(qr.version).toBe(version);
      expect(decode(qr)).toEqual({ text, version });
    }
  });

  it.each([...byVersion.keys()])('version %i decodes with each of the eight masks', (version) => {
    const text = (byVersion.get(version) as string[])[0] as string;
    for (let mask = 0; mask < 8; mask++) {
      const qr = encodeQr(text, mask);
      expect(qr.mask).toBe(mask);
      expect(decode(qr), `mask ${mask}`).toEqual({ text, version });
    }
  });

  it.each([...byVersion.keys()])('version %i: every mask lays out the standard symbol exactly, without a bit to correct', (version) => {
    for (const text of byVersion.get(version) as string[])
      for (let mask = 0; mask < 8; mask++) {
        const qr = encodeQr(text, mask);
        expect(readStrictly(qr)).toEqual({ mask, bytes: [...new TextEncoder().encode(text)] });
      }
  });

  it('reads multi-byte text back byte for byte (UTF-8, byte mode), with the mask the encoder chose', () => {
    for (const text of ['déjà-vu 🕊', 'مسقط ۱۴۰۴', '🇮🇷🇺🇸', `${'x'.repeat(200)}é`]) {
      const qr = encodeQr(text);
      expect(readStrictly(qr)).toEqual({ mask: qr.mask, bytes: [...new TextEncoder().encode(text)] });
      expect(decode(qr)?.text).toBe(text);
    }
  });

  it('decodes class links with non-ASCII seeds, as the set-up card builds them', () => {
    for (const seed of ['déjà-vu 🕊', 'مسقط ۱۴۰۴', 'class 3B, spring term', '🇮🇷🇺🇸']) {
      const url = new URL('http://192.168.1.23:5173/');
      url.search = new URLSearchParams({ scenario: 'muscat-2026', seed, mode: 'hotseat', difficulty: 'hard' }).toString();
      const qr = encodeQr(url.href);
      expect(decode(qr)?.text).toBe(url.href);
    }
  });

  it('a link too long for version 10 is refused with its length (the card then says so instead of a code)', () => {
    const url = `http://192.168.1.23:5173/?scenario=muscat-2026&seed=${encodeURIComponent('🕊'.repeat(256))}&mode=hotseat`;
    expect(() => encodeQr(url)).toThrow(/too long for a version-10 QR code \(\d+ bytes\)/);
  });
});
