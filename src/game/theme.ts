// The war-room look: colours, type and the side markers. Colour is never the only carrier of
// meaning: each side also has a glyph and its name is always written out. The parties' and the
// mediator's colours and glyphs are the scenario's own (lightened where needed to read on the panels).
import type { Scenario, Side } from '../core/scenario/schema';
import { f } from '../i18n';

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
  /** A control that is switched on. */
  on: 0x5aa2ff,
  /** The mediator's mark when a scenario gives none that can be read. */
  mediator: 0xf2c14e,
} as const;

export const css = (c: number): string => `#${c.toString(16).padStart(6, '0')}`;

/** A scenario's '#rrggbb' as a number (null when it is not one). */
export function colourNumber(colour: string | undefined): number | null {
  return colour && /^#[0-9a-fA-F]{6}$/.test(colour) ? Number.parseInt(colour.slice(1), 16) : null;
}

/** WCAG relative luminance of 0xrrggbb. */
function luminance(c: number): number {
  const ch = (v: number) => {
    const x = v / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * ch((c >> 16) & 0xff) + 0.7152 * ch((c >> 8) & 0xff) + 0.0722 * ch(c & 0xff);
}

/** The WCAG contrast ratio of two colours (1 to 21). */
export function contrast(a: number, b: number): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Marks and names are written on the panels: a colour that would not read there is lightened until it does. */
export const MIN_CONTRAST = 4.5;
export function readable(c: number, on: number = COLOR.panelHi): number {
  let out = c;
  for (let k = 1; k <= 20 && contrast(out, on) < MIN_CONTRAST; k++) {
    const t = k / 20;
    const mix = (shift: number) => Math.round(((c >> shift) & 0xff) * (1 - t) + 255 * t) << shift;
    out = mix(16) | mix(8) | mix(0);
  }
  return out;
}

const cache = new Map<string, number>();
function lookOf(colour: string | undefined, fallback: number): number {
  const key = colour ?? '';
  let out = cache.get(key);
  if (out === undefined) {
    out = readable(colourNumber(colour) ?? fallback);
    cache.set(key, out);
  }
  return out;
}

/** The colour of a party's seat, offers and charts: the scenario's, made readable on the panels. */
export function sideColor(scenario: Pick<Scenario, 'parties'>, side: Side): number {
  return lookOf(scenario.parties[side]?.colour, COLOR.on);
}

/** The glyph that tells a party apart without colour (the scenario's symbol, e.g. ■ or ●). */
export function sideGlyph(scenario: Pick<Scenario, 'parties'>, side: Side): string {
  return scenario.parties[side]?.symbol || '•';
}

/** The mediator's colour: the scenario's, made readable on the panels. */
export function mediatorColor(scenario: Pick<Scenario, 'mediator'>): number {
  return lookOf(scenario.mediator?.colour, COLOR.mediator);
}

/** The mediator's glyph (the scenario's symbol, e.g. ◆). */
export function mediatorGlyph(scenario: Pick<Scenario, 'mediator'>): string {
  return scenario.mediator?.symbol || '◆';
}

export const FONT = 'Inter, system-ui, sans-serif';

export const W = 1280;
export const H = 720;

/** A share 0–1 as whole points: 0.42 → "42" (in the digits of the language shown). */
export const pct = (x: number): string => f.num(Math.round(x * 100));
/** A share 0–1 as a percentage, one decimal below 10%: "7.5%", "42%". */
export const pct1 = (x: number): string => f.pct(x, x < 0.1 ? 1 : 0);
