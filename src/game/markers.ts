// The shapes that mark the parties and the mediator on the board and in the charts. A scenario gives
// each party a glyph (■, ●, ▲, …); where the glyph is one of the shapes drawn here, the marker takes
// that shape, otherwise the first party gets a square and the second a circle. The two parties'
// markers always differ, so the board reads without colour.
import type Phaser from 'phaser';
import type { Scenario, Side } from '../core/scenario/schema';
import { sidesOf } from '../core/sides';
import { fillDisc } from './shapes';
import { mediatorGlyph, sideGlyph } from './theme';

export type MarkerShape = 'square' | 'circle' | 'triangle' | 'diamond';

const SHAPE_OF: Record<string, MarkerShape> = {
  '■': 'square',
  '□': 'square',
  '▪': 'square',
  '▫': 'square',
  '◼': 'square',
  '◻': 'square',
  '●': 'circle',
  '○': 'circle',
  '•': 'circle',
  '◉': 'circle',
  '⬤': 'circle',
  '▲': 'triangle',
  '△': 'triangle',
  '▴': 'triangle',
  '◆': 'diamond',
  '◇': 'diamond',
  '♦': 'diamond',
  '⬥': 'diamond',
};

const GLYPH_OF: Record<MarkerShape, string> = { square: '■', circle: '●', triangle: '▲', diamond: '◆' };

/** The shape a glyph stands for, or null when it is not one drawn here. */
export function shapeOfGlyph(glyph: string): MarkerShape | null {
  return SHAPE_OF[glyph.trim()] ?? null;
}

/** The glyph that shows a marker's shape in a legend. */
export function markerGlyph(shape: MarkerShape): string {
  return GLYPH_OF[shape];
}

/** The marker of a party: its glyph's shape, a square (first party) or circle (second) otherwise, never the other's. */
export function sideMarker(scenario: Pick<Scenario, 'parties'>, side: Side): MarkerShape {
  const [a, b] = sidesOf(scenario);
  const first = shapeOfGlyph(sideGlyph(scenario, a)) ?? 'square';
  if (side === a) return first;
  const second = shapeOfGlyph(sideGlyph(scenario, b)) ?? 'circle';
  if (second !== first) return second;
  return first === 'circle' ? 'square' : 'circle';
}

/** The marker of the mediator's bridge: its glyph's shape, a diamond otherwise. */
export function mediatorMarker(scenario: Pick<Scenario, 'mediator'>): MarkerShape {
  return shapeOfGlyph(mediatorGlyph(scenario)) ?? 'diamond';
}

/** A party's glyph as the board and charts draw it (the glyph of its marker's shape). */
export function sideMarkerGlyph(scenario: Pick<Scenario, 'parties'>, side: Side): string {
  return markerGlyph(sideMarker(scenario, side));
}

/** A marker as a shape object of about `size` pixels across, outlined in `edge`. */
export function addMarker(
  scene: Phaser.Scene,
  x: number,
  y: number,
  shape: MarkerShape,
  color: number,
  size = 10,
): Phaser.GameObjects.Shape {
  const h = size / 2;
  switch (shape) {
    case 'square':
      return scene.add.rectangle(x, y, size - 1, size - 1, color);
    case 'circle':
      return scene.add.circle(x, y, h, color);
    case 'triangle':
      return scene.add.triangle(x, y, 0, size, h, 0, size, size, color);
    case 'diamond':
      return scene.add.star(x, y, 4, h * 0.7, h + 0.5, color);
  }
}

/** A marker filled into a Graphics (in its current fill style), centred on (x, y). */
export function fillMarker(g: Phaser.GameObjects.Graphics, x: number, y: number, shape: MarkerShape, r = 4): void {
  switch (shape) {
    case 'square':
      g.fillRect(x - r, y - r, r * 2, r * 2);
      return;
    case 'circle':
      fillDisc(g, x, y, r);
      return;
    case 'triangle':
      g.fillTriangle(x, y - r - 1, x + r + 1, y + r, x - r - 1, y + r);
      return;
    case 'diamond':
      g.fillTriangle(x, y - r - 1, x + r + 1, y, x - r - 1, y);
      g.fillTriangle(x, y + r + 1, x + r + 1, y, x - r - 1, y);
      return;
  }
}
