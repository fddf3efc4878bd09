// A small QR code encoder for the class link (ISO/IEC 18004): byte mode, error correction level M,
// versions 1–10 (up to 213 bytes), the mask chosen by the standard's penalty rules, drawn as SVG.
import { m } from '../i18n';

/** Level M blocks per version: [EC codewords per block, [blocks, data codewords per block]…]. */
const BLOCKS_M: readonly (readonly [number, ...(readonly [number, number])[]])[] = [
  [10, [1, 16]],
  [16, [1, 28]],
  [26, [1, 44]],
  [18, [2, 32]],
  [24, [2, 43]],
  [16, [4, 27]],
  [18, [4, 31]],
  [22, [2, 38], [2, 39]],
  [22, [3, 36], [2, 37]],
  [26, [4, 43], [1, 44]],
];
const ALIGN: readonly (readonly number[])[] = [
  [],
  [6, 18],
  [6, 22],
  [6, 26],
  [6, 30],
  [6, 34],
  [6, 22, 38],
  [6, 24, 42],
  [6, 26, 46],
  [6, 28, 50],
];
const FORMAT_M = 0b00;

// GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
for (let i = 0, x = 1; i < 255; i++) {
  EXP[i] = x;
  LOG[x] = i;
  x = (x << 1) ^ (x & 0x80 ? 0x11d : 0);
}
for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255] as number;
const mul = (a: number, b: number) => (a === 0 || b === 0 ? 0 : (EXP[(LOG[a] as number) + (LOG[b] as number)] as number));

/** Reed–Solomon error-correction codewords for `data` (the remainder of data·x^n by the generator). */
export function reedSolomon(data: readonly number[], ecLength: number): number[] {
  let gen = [1];
  for (let i = 0; i < ecLength; i++) {
    const next = new Array<number>(gen.length + 1).fill(0);
    gen.forEach((g, j) => {
      next[j] = (next[j] as number) ^ g;
      next[j + 1] = (next[j + 1] as number) ^ mul(g, EXP[i] as number);
    });
    gen = next;
  }
  const rem = new Array<number>(ecLength).fill(0);
  for (const d of data) {
    const factor = d ^ (rem.shift() as number);
    rem.push(0);
    for (let j = 0; j < ecLength; j++) rem[j] = (rem[j] as number) ^ mul(gen[j + 1] as number, factor);
  }
  return rem;
}

const dataCapacity = (v: number) => {
  const [, ...groups] = BLOCKS_M[v - 1] as readonly [number, ...(readonly [number, number])[]];
  return groups.reduce((n, [blocks, size]) => n + blocks * size, 0);
};

/** The codewords of `bytes` in byte mode at `version`, padded, split into blocks, EC added, interleaved. */
function codewords(bytes: Uint8Array, version: number): number[] {
  const bits: number[] = [];
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  const capacity = dataCapacity(version);
  put(0b0100, 4);
  put(bytes.length, version < 10 ? 8 : 16);
  for (const b of bytes) put(b, 8);
  put(0, Math.min(4, capacity * 8 - bits.length));
  while (bits.length % 8) bits.push(0);
  const data: number[] = [];
  for (let i = 0; i < bits.length; i += 8) data.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));
  for (let pad = 0xec; data.length < capacity; pad ^= 0xec ^ 0x11) data.push(pad);
  const [ecLength, ...groups] = BLOCKS_M[version - 1] as readonly [number, ...(readonly [number, number])[]];
  const blocks: number[][] = [];
  let at = 0;
  for (const [count, size] of groups)
    for (let k = 0; k < count; k++) {
      blocks.push(data.slice(at, at + size));
      at += size;
    }
  const ecBlocks = blocks.map((b) => reedSolomon(b, ecLength));
  const out: number[] = [];
  const longest = Math.max(...blocks.map((b) => b.length));
  for (let i = 0; i < longest; i++) for (const b of blocks) if (i < b.length) out.push(b[i] as number);
  for (let i = 0; i < ecLength; i++) for (const e of ecBlocks) out.push(e[i] as number);
  return out;
}

export interface QrCode {
  version: number;
  size: number;
  mask: number;
  /** modules[y][x]: true for a dark module. */
  modules: boolean[][];
}

/** Encodes text (UTF-8, byte mode, level M). Throws if it does not fit version 10. */
export function encodeQr(textValue: string, forceMask?: number): QrCode {
  const bytes = new TextEncoder().encode(textValue);
  let version = 1;
  while (version <= 10 && dataCapacity(version) < bytes.length + (version < 10 ? 2 : 3)) version++;
  if (version > 10) throw new Error(`text too long for a version-10 QR code (${bytes.length} bytes)`);
  const size = version * 4 + 17;
  const modules = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  const fixed = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  const set = (x: number, y: number, dark: boolean) => {
    (modules[y] as boolean[])[x] = dark;
    (fixed[y] as boolean[])[x] = true;
  };
  // Timing patterns, finders (with separators), alignment patterns.
  for (let i = 0; i < size; i++) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  for (const [cx, cy] of [
    [3, 3],
    [size - 4, 3],
    [3, size - 4],
  ] as const)
    for (let dy = -4; dy <= 4; dy++)
      for (let dx = -4; dx <= 4; dx++) {
        const x = cx + dx;
        const y = cy + dy;
        const d = Math.max(Math.abs(dx), Math.abs(dy));
        if (x >= 0 && x < size && y >= 0 && y < size) set(x, y, d !== 2 && d !== 4);
      }
  const align = ALIGN[version - 1] as readonly number[];
  for (const ay of align)
    for (const ax of align) {
      if ((ax === 6 && ay === 6) || (ax === 6 && ay === size - 7) || (ax === size - 7 && ay === 6)) continue;
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) set(ax + dx, ay + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
    }
  // Reserve the format areas (drawn per mask below) and draw the version information.
  drawFormat(set, size, 0);
  if (version >= 7) {
    let rem = version;
    for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
    const bits = (version << 12) | rem;
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >>> i) & 1) === 1;
      const a = size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      set(a, b, dark);
      set(b, a, dark);
    }
  }
  // Data in the zigzag order, right to left in column pairs.
  const words = codewords(bytes, version);
  let bit = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vert = 0; vert < size; vert++)
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const upward = ((right + 1) & 2) === 0;
        const y = upward ? size - 1 - vert : vert;
        if ((fixed[y] as boolean[])[x]) continue;
        const word = words[bit >>> 3] ?? 0;
        (modules[y] as boolean[])[x] = ((word >>> (7 - (bit & 7))) & 1) === 1;
        bit++;
      }
  }
  const masked = (mask: number) => {
    const m = modules.map((row) => [...row]);
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++)
        if (!(fixed[y] as boolean[])[x] && maskBit(mask, x, y)) (m[y] as boolean[])[x] = !(m[y] as boolean[])[x];
    drawFormat((x, y, dark) => ((m[y] as boolean[])[x] = dark), size, mask);
    return m;
  };
  let best = forceMask ?? 0;
  if (forceMask === undefined) {
    let lowest = Number.POSITIVE_INFINITY;
    for (let mask = 0; mask < 8; mask++) {
      const p = penalty(masked(mask));
      if (p < lowest) {
        lowest = p;
        best = mask;
      }
    }
  }
  return { version, size, mask: best, modules: masked(best) };
}

function maskBit(mask: number, x: number, y: number): boolean {
  switch (mask) {
    case 0:
      return (x + y) % 2 === 0;
    case 1:
      return y % 2 === 0;
    case 2:
      return x % 3 === 0;
    case 3:
      return (x + y) % 3 === 0;
    case 4:
      return (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0;
    case 5:
      return ((x * y) % 2) + ((x * y) % 3) === 0;
    case 6:
      return (((x * y) % 2) + ((x * y) % 3)) % 2 === 0;
    default:
      return (((x + y) % 2) + ((x * y) % 3)) % 2 === 0;
  }
}

function drawFormat(set: (x: number, y: number, dark: boolean) => void, size: number, mask: number): void {
  const data = (FORMAT_M << 3) | mask;
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  const bits = ((data << 10) | rem) ^ 0x5412;
  const b = (i: number) => ((bits >>> i) & 1) === 1;
  for (let i = 0; i <= 5; i++) set(8, i, b(i));
  set(8, 7, b(6));
  set(8, 8, b(7));
  set(7, 8, b(8));
  for (let i = 9; i < 15; i++) set(14 - i, 8, b(i));
  for (let i = 0; i < 8; i++) set(size - 1 - i, 8, b(i));
  for (let i = 8; i < 15; i++) set(8, size - 15 + i, b(i));
  set(8, size - 8, true);
}

/** The standard's penalty score: runs, 2×2 blocks, finder-like patterns, dark/light balance. */
function penalty(m: boolean[][]): number {
  const size = m.length;
  let score = 0;
  const line = (get: (i: number) => boolean) => {
    let run = 1;
    const cells: boolean[] = [];
    for (let i = 0; i < size; i++) cells.push(get(i));
    for (let i = 1; i <= size; i++) {
      if (i < size && cells[i] === cells[i - 1]) run++;
      else {
        if (run >= 5) score += run - 2;
        run = 1;
      }
    }
    const s = cells.map((c) => (c ? '1' : '0')).join('');
    for (const pattern of ['10111010000', '00001011101'])
      for (let at = s.indexOf(pattern); at >= 0; at = s.indexOf(pattern, at + 1)) score += 40;
  };
  for (let k = 0; k < size; k++) {
    line((i) => (m[k] as boolean[])[i] as boolean);
    line((i) => (m[i] as boolean[])[k] as boolean);
  }
  let dark = 0;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const c = (m[y] as boolean[])[x];
      if (c) dark++;
      if (
        x < size - 1 &&
        y < size - 1 &&
        c === (m[y] as boolean[])[x + 1] &&
        c === (m[y + 1] as boolean[])[x] &&
        c === (m[y + 1] as boolean[])[x + 1]
      )
        score += 3;
    }
  score += Math.floor(Math.abs(dark * 20 - size * size * 10) / (size * size)) * 10;
  return score;
}

/** The code as an SVG string (one path, a 4-module quiet zone), with an accessible name. */
export function qrSvg(textValue: string, title: string = m.dom.qrOfClassLink): string {
  const { size, modules } = encodeQr(textValue);
  const quiet = 4;
  let d = '';
  modules.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x + quiet} ${y + quiet}h1v1h-1z`;
    });
  });
  const n = size + quiet * 2;
  const esc = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n} ${n}" role="img" aria-label="${esc}" shape-rendering="crispEdges"><rect width="${n}" height="${n}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
}
