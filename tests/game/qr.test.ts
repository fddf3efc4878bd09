// The QR encoder against known vectors: the Reed–Solomon codewords of the standard "HELLO WORLD"
// 1-M example, and the structure of a whole symbol (finders, timing, format bits for level M). Then
// the class set-up card's own links (classLink) read back by a real decoder (jsQR), up to the
// longest that fits, and what the card shows for a link too long for the code.
import jsQR from 'jsqr';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app/app';
import { parseUrl } from '../../src/app/url';
import { MAX_SEED_LENGTH } from '../../src/core/rng';
import type { KeyValueStore } from '../../src/core/save';
import { classLink, openClassCard } from '../../src/dom/classCard';
import { encodeQr, type QrCode, reedSolomon } from '../../src/dom/qr';

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

const memoryStore = (): KeyValueStore => {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
};

/** The title screen's app with this seed chosen, as the seed box sets it. */
function appWithSeed(seed: string, query = ''): App {
  const app = new App(parseUrl(`?scenario=muscat-2026&mode=hotseat${query}`), memoryStore());
  app.choose({ seed });
  return app;
}

const BASE = 'http://192.168.1.23:5173/';

/** Draws the symbol 3 px a module with a 4-module quiet zone and reads it with jsQR. */
function scan(qr: QrCode): { text: string; version: number } | null {
  const scale = 3;
  const width = (qr.size + 8) * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [y, row] of qr.modules.entries())
    for (const [x, dark] of row.entries()) {
      if (!dark) continue;
      for (let dy = 0; dy < scale; dy++) {
        const start = (((y + 4) * scale + dy) * width + (x + 4) * scale) * 4;
        for (let i = start; i < start + scale * 4; i += 4) data[i] = data[i + 1] = data[i + 2] = 0;
      }
    }
  const found = jsQR(data, width, width, { inversionAttempts: 'dontInvert' });
  return found && { text: found.data, version: found.version };
}

/** How many bytes a version-10 level-M code holds in byte mode (216 data codewords less 20 header bits). */
const V10_BYTES = 213;
const bytes = (text: string) => new TextEncoder().encode(text).length;

describe('the class link as a QR code', () => {
  afterEach(() => {
    for (const d of document.querySelectorAll('dialog')) d.remove();
  });

  it.each([
    ['déjà-vu 🕊', ''],
    ['Class 3B, spring term — déjà-vu 🕊 (table “A”) & more: 100% ≠ 99%', ''],
    ['مسقط ۱۴۰۴ 🇮🇷🇺🇸', '&difficulty=hard'],
  ])('the card’s link with the seed %j scans back to itself and to the seed', (seed, query) => {
    const app = appWithSeed(seed, query);
    const link = classLink(app, 'hotseat', BASE);
    expect(link.startsWith(`${BASE}?scenario=muscat-2026&seed=`)).toBe(true);
    expect(link).toMatch(/&mode=hotseat$/);
    const qr = encodeQr(link);
    const read = scan(qr);
    expect(read).toEqual({ text: link, version: qr.version });
    // The scanned link opens the same game: scenario, seed and mode.
    const opened = parseUrl(new URL(read?.text ?? '').search);
    expect(opened).toMatchObject({ scenario: 'muscat-2026', seed, mode: 'hotseat', problems: [] });
  });

  it('the longest class link that fits scans back (version 10, full); one more character and it does not fit', () => {
    const prefix = 'déjà-vu 🕊 ';
    let seed = prefix;
    while (bytes(classLink(appWithSeed(`${seed}x`), 'hotseat', BASE)) <= V10_BYTES) seed += 'x';
    const link = classLink(appWithSeed(seed), 'hotseat', BASE);
    expect(bytes(link)).toBe(V10_BYTES);
    const qr = encodeQr(link);
    expect(qr.version).toBe(10);
    expect(scan(qr)).toEqual({ text: link, version: 10 });
    expect(() => encodeQr(classLink(appWithSeed(`${seed}x`), 'hotseat', BASE))).toThrow(/too long for a version-10 QR code/);
    // So on this address a seed fits the code only up to this many characters (of MAX_SEED_LENGTH).
    expect(seed.length).toBeLessThan(MAX_SEED_LENGTH);
  });

  it('the longest link the card can make (a 256-character seed, percent-encoded) is too long: the card says so and still shows the link', () => {
    const seed = '€'.repeat(MAX_SEED_LENGTH);
    const app = appWithSeed(seed);
    const link = classLink(app, 'solo', BASE);
    expect(bytes(link)).toBeGreaterThan(9 * MAX_SEED_LENGTH);
    expect(() => encodeQr(link)).toThrow(/too long for a version-10 QR code \(\d+ bytes\)/);
    openClassCard(app);
    const card = document.querySelector('#bc-classcard') as HTMLElement;
    expect(card.querySelector('.bc-qr')?.textContent).toBe('The link is too long for a QR code.');
    expect(card.querySelector('.bc-qr svg')).toBeNull();
    const shown = card.querySelector('[data-link]') as HTMLAnchorElement;
    expect(shown.textContent).toBe(classLink(app, 'hotseat'));
    expect(parseUrl(new URL(shown.textContent ?? '').search).seed).toBe(seed);
  });

  it('the card draws the code when the link fits', () => {
    const app = appWithSeed('déjà-vu 🕊');
    openClassCard(app);
    const card = document.querySelector('#bc-classcard') as HTMLElement;
    expect(card.querySelector('.bc-qr svg')?.getAttribute('aria-label')).toBe('QR code of the class link');
  });
});
