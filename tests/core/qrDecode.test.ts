// The hand-written QR encoder (src/dom/qr.ts) read back by a real decoder (jsQR): every version the
// class set-up card can produce (1 to 10, level M, byte mode), every mask, and real class links.
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

  it.each([1, 2, 6, 7, 10])('version %i decodes with each of the eight masks', (version) => {
    const text = (byVersion.get(version) as string[])[0] as string;
    for (let mask = 0; mask < 8; mask++) {
      const qr = encodeQr(text, mask);
      expect(qr.mask).toBe(mask);
      expect(decode(qr), `mask ${mask}`).toEqual({ text, version });
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
