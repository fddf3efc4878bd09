// The small regional map: the Gulf, the Strait of Hormuz, the Gulf of Oman, Muscat and the carrier,
// drawn as vector shapes (original art). Incidents appear as rings at their place.
import Phaser from 'phaser';
import type { Rect } from '../../dom/controls';
import { fillDisc, strokeRing } from '../shapes';
import { COLOR } from '../theme';
import { text, tween } from '../ui';

export type Place = 'muscat' | 'hormuz' | 'gulf' | 'carrier' | 'tehran' | 'washington' | 'region';

const WEST = 46.5;
const EAST = 62.5;
const NORTH = 31;
const SOUTH = 22;

const IRAN_COAST: [number, number][] = [
  [47.9, 30.0],
  [48.9, 30.0],
  [49.5, 29.9],
  [50.3, 29.3],
  [50.8, 28.9],
  [51.4, 27.9],
  [52.6, 27.4],
  [53.7, 26.8],
  [54.8, 26.5],
  [55.6, 26.8],
  [56.3, 27.15],
  [57.0, 26.9],
  [57.3, 25.9],
  [58.0, 25.6],
  [59.5, 25.4],
  [60.6, 25.3],
  [61.6, 25.1],
  [62.5, 25.1],
];

const ARABIAN_COAST: [number, number][] = [
  [47.9, 30.0],
  [48.0, 29.4],
  [48.6, 28.1],
  [49.2, 27.3],
  [49.7, 26.8],
  [50.2, 26.2],
  [50.5, 25.6],
  [50.8, 24.8],
  [51.0, 25.4],
  [51.1, 26.0],
  [51.3, 26.15],
  [51.6, 25.3],
  [51.4, 24.6],
  [52.0, 24.1],
  [53.0, 24.1],
  [54.4, 24.4],
  [55.0, 24.9],
  [55.3, 25.3],
  [55.9, 25.7],
  [56.1, 26.1],
  [56.3, 26.4],
  [56.45, 26.2],
  [56.35, 25.6],
  [56.35, 25.1],
  [56.7, 24.4],
  [57.5, 23.8],
  [58.6, 23.6],
  [59.2, 23.0],
  [59.8, 22.5],
  [60.0, 22.0],
];

/** Where each kind of place sits on the map (lon, lat); Tehran and Washington sit at the edges. */
export const PLACES: Record<Place, [number, number]> = {
  muscat: [58.6, 23.6],
  hormuz: [56.55, 26.55],
  gulf: [52.4, 26.6],
  carrier: [60.6, 23.6],
  tehran: [51.4, 30.6],
  washington: [47.0, 22.6],
  region: [54.5, 27.4],
};

export interface Incident {
  where: Place;
  title: string;
  fresh: boolean;
  violent: boolean;
}

export function projector(r: Rect) {
  return ([lon, lat]: [number, number]) =>
    new Phaser.Math.Vector2(r.x + ((lon - WEST) / (EAST - WEST)) * r.w, r.y + ((NORTH - lat) / (NORTH - SOUTH)) * r.h);
}

const v = (x: number, y: number) => new Phaser.Math.Vector2(x, y);

export function drawGulfMap(scene: Phaser.Scene, r: Rect, o: { incidents?: Incident[]; labels?: boolean; alpha?: number } = {}): void {
  const at = projector(r);
  const g = scene.add.graphics().setAlpha(o.alpha ?? 1);
  g.fillStyle(COLOR.water, 1);
  g.fillRect(r.x, r.y, r.w, r.h);
  // Graticule: one line per two degrees, faint, for the war-room chart look.
  g.lineStyle(1, COLOR.waterHi, 0.8);
  for (let lon = 48; lon < EAST; lon += 2) {
    const { x } = at([lon, NORTH]);
    g.lineBetween(x, r.y, x, r.y + r.h);
  }
  for (let lat = 24; lat < NORTH; lat += 2) {
    const { y } = at([WEST, lat]);
    g.lineBetween(r.x, y, r.x + r.w, y);
  }
  const north = [
    [WEST, NORTH] as [number, number],
    [EAST, NORTH] as [number, number],
    ...[...IRAN_COAST].reverse(),
    [WEST, 30.0] as [number, number],
  ];
  const south = [[WEST, 30.0] as [number, number], ...ARABIAN_COAST, [WEST, SOUTH] as [number, number]];
  for (const shape of [north, south]) {
    const points = shape.map(at);
    g.fillStyle(COLOR.land, 1);
    g.fillPoints(points, true);
    g.lineStyle(1.5, COLOR.landEdge, 1);
    g.strokePoints(points, true);
  }
  g.lineStyle(1, COLOR.edge, 1);
  g.strokeRect(r.x + 0.5, r.y + 0.5, r.w - 1, r.h - 1);

  const small = Math.max(9, Math.round(r.w / 30));
  if (o.labels !== false) {
    const place = (lonlat: [number, number], value: string, color: number = COLOR.muted, size = small) => {
      const p = at(lonlat);
      text(scene, p.x, p.y, value, { size, color, weight: 600, scalable: false, align: 'center' })
        .setOrigin(0.5)
        .setAlpha(o.alpha ?? 1);
    };
    place([54.5, 29.6], 'IRAN', COLOR.muted, small + 2);
    place([52.2, 26.75], 'Persian Gulf', 0x6f8fb3);
    place([58.9, 24.75], 'Gulf of Oman', 0x6f8fb3);
    place([53.2, 23.2], 'SAUDI ARABIA · UAE', COLOR.muted);
    place([57.1, 26.1], 'Hormuz', COLOR.warn, small);
  }
  // Muscat: the table itself.
  const muscat = at(PLACES.muscat);
  g.fillStyle(COLOR.oman, 1);
  fillDisc(g, muscat.x, muscat.y, Math.max(3, r.w / 80));
  g.lineStyle(1.5, COLOR.oman, 0.6);
  strokeRing(g, muscat.x, muscat.y, Math.max(6, r.w / 40));
  if (o.labels !== false)
    text(scene, muscat.x - 6, muscat.y + 5, 'Muscat', { size: small, color: COLOR.oman, weight: 700, scalable: false })
      .setOrigin(1, 0)
      .setAlpha(o.alpha ?? 1);
  // The carrier: a hull and an island, pointing west.
  const c = at(PLACES.carrier);
  const s = Math.max(1, r.w / 300);
  g.fillStyle(COLOR.us, 1);
  g.fillPoints(
    [
      v(c.x - 12 * s, c.y),
      v(c.x - 6 * s, c.y - 3 * s),
      v(c.x + 12 * s, c.y - 3 * s),
      v(c.x + 12 * s, c.y + 3 * s),
      v(c.x - 6 * s, c.y + 3 * s),
    ],
    true,
  );
  g.fillStyle(COLOR.ink, 1);
  g.fillRect(c.x + 4 * s, c.y - 6 * s, 3 * s, 4 * s);
  if (o.labels !== false)
    text(scene, c.x, c.y + 6 * s, 'USS Lincoln', { size: small, color: COLOR.us, weight: 600, scalable: false })
      .setOrigin(0.5, 0)
      .setAlpha(o.alpha ?? 1);

  for (const incident of o.incidents ?? []) drawIncident(scene, r, incident);
}

function drawIncident(scene: Phaser.Scene, r: Rect, incident: Incident): void {
  const p = projector(r)(PLACES[incident.where]);
  const color = incident.violent ? COLOR.danger : COLOR.warn;
  const ring = scene.add.circle(p.x, p.y, incident.where === 'region' ? r.w / 5 : 9, color, 0.18).setStrokeStyle(2, color, 0.9);
  const dot = scene.add.circle(p.x, p.y, 3.5, color, 1);
  if (!incident.fresh) {
    ring.setAlpha(0.45);
    dot.setAlpha(0.6);
    return;
  }
  tween(scene, { targets: ring, scale: { from: 0.3, to: 1 }, alpha: { from: 1, to: 0.85 }, duration: 700, ease: 'Cubic.easeOut' });
  const edge = incident.where === 'tehran' || incident.where === 'washington';
  const caption = incident.where === 'washington' ? '◀ Washington' : '▲ Tehran';
  if (edge) text(scene, p.x + 12, p.y, caption, { size: 10, color, weight: 700, scalable: false }).setOrigin(0, 0.5);
}
