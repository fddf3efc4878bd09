// The war-room look: colours, type and the side markers. Colour is never the only carrier of
// meaning: each side also has a glyph and its name is always written out.
import type { Side } from '../core/scenario/schema';

export const COLOR = {
  bg: 0x070d16,
  panel: 0x0f1a2b,
  panelHi: 0x15233a,
  edge: 0x2a3f60,
  edgeHi: 0x4a6a9a,
  ink: 0xe8eef7,
  muted: 0x93a4bd,
  brass: 0xf2c14e,
  danger: 0xff5d5d,
  warn: 0xffa646,
  calm: 0x52d1a0,
  water: 0x0e2b4a,
  waterHi: 0x16395f,
  land: 0x2a3a2f,
  landEdge: 0x5b7a66,
  us: 0x5aa2ff,
  iran: 0x4cc38a,
  oman: 0xf2c14e,
} as const;

export const css = (c: number): string => `#${c.toString(16).padStart(6, '0')}`;

export const SIDE_COLOR: Record<Side, number> = { us: COLOR.us, iran: COLOR.iran };
/** Shapes that tell the sides apart without colour: a square for the US, a circle for Iran. */
export const SIDE_GLYPH: Record<Side, string> = { us: '■', iran: '●' };

export const FONT = 'Inter, system-ui, sans-serif';

export const W = 1280;
export const H = 720;

export const pct = (x: number): string => `${Math.round(x * 100)}`;
export const pct1 = (x: number): string => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;
