// The scenario's regional map, drawn from data: a box in degrees, the places in it (and the few
// beyond it, shown as arrows at the edge), the venue of the talks, and the incidents so far as rings
// at their places. The still part (water, graticule, land, marks) is painted once per map into a
// texture and shown as one image, the rings and names over it. The land (Natural Earth's outlines,
// see regionLand.ts) is loaded after the page's first frame and fills in when it arrives.
import Phaser from 'phaser';
import type { Rect } from '../../dom/controls';
import { requestFrames } from '../renderOnDemand';
import { COLOR, css } from '../theme';
import { keepLeftToRight, leftToRightPoint, text, tween } from '../ui';
import type { Atlas, LandShapes } from './regionLand';

/** A box of longitude and latitude in degrees; east below west crosses the antimeridian. */
export interface GeoBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** How a place is drawn: a dot and its name (the default), a name on the water, or a ship. */
export type PlaceKind = 'point' | 'sea' | 'ship';

/** A place as a scenario gives it; one without a longitude and latitude is the whole map (its incidents a wide ring). */
export interface MapPlace {
  id: string;
  name: string;
  lon?: number | undefined;
  lat?: number | undefined;
  kind?: PlaceKind | undefined;
}

/** Something that happened at a place (by its id): a ring there, warm if fresh, red if violent. */
export interface Incident {
  where: string;
  title: string;
  fresh: boolean;
  violent: boolean;
}

export interface RegionMapData {
  /** Without a region there is no map: nothing is drawn. */
  region?: GeoBox | undefined;
  places: readonly MapPlace[];
  /** The place id of the table itself, marked apart from the others. */
  venue?: string | undefined;
  incidents?: readonly Incident[] | undefined;
  alpha?: number | undefined;
}

/** The Mercator projection of a map: longitude `lon0` at the middle, `k` pixels a radian, the equator at `ty`. */
export interface MapFit {
  lon0: number;
  k: number;
  tx: number;
  ty: number;
  rect: Rect;
}

/** Where a place is drawn: its own point, or where its arrow sits at the edge when it lies beyond the map. */
export interface MapPoint {
  x: number;
  y: number;
  inside: boolean;
  /** A place without coordinates: the whole map, at its centre. */
  wide?: boolean;
}

export interface DrawnMap {
  /** True once the land is drawn; false when there is no map, the atlas failed, or the map was gone before it came. */
  land: Promise<boolean>;
  /** Where a place of the data is drawn (undefined: no map, or no such place). */
  at(id: string): MapPoint | undefined;
}

const RAD = Math.PI / 180;
/** Mercator's latitudes stop here; a place beyond is drawn at the edge like any place off the map. */
const MAX_LAT = 85;
/** Names of seas and straits: the water's own ink. */
const SEA_INK = 0x6f8fb3;
/** Ships: steel blue, bright on the water. */
const SHIP_INK = 0x5aa2ff;
/** The radius of an incident's ring at its place (a place without coordinates: a fifth of the map's width). */
const RING = 9;
/** Above this many degrees a pixel the coarse atlas (1:110m) is as good as the finer one (1:50m). */
const COARSE_DEGREES_PER_PIXEL = 0.12;

const mercator = (lat: number): number => Math.log(Math.tan(Math.PI / 4 + (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * RAD) / 2));
/** A difference of longitudes into [-180, 180). */
const wrap = (d: number): number => ((((d + 180) % 360) + 360) % 360) - 180;

function usable(b: GeoBox | undefined): b is GeoBox {
  return (
    !!b &&
    [b.west, b.south, b.east, b.north].every(Number.isFinite) &&
    b.north > b.south &&
    Math.abs(b.north) <= 90 &&
    Math.abs(b.south) <= 90
  );
}

/** The Mercator projection that shows all of `region` in `rect`, centred, as large as it fits. */
export function fitRegion(region: GeoBox, rect: Rect): MapFit {
  const span = ((((region.east - region.west) % 360) + 360) % 360 || 360) * RAD;
  const lon0 = wrap(region.west + span / RAD / 2);
  const top = mercator(region.north);
  const bottom = mercator(region.south);
  const k = Math.min(rect.w / span, rect.h / Math.max(1e-6, top - bottom));
  return { lon0, k, tx: rect.x + rect.w / 2, ty: rect.y + rect.h / 2 + (k * (top + bottom)) / 2, rect };
}

/** Pixels of a longitude and latitude on a fitted map (the same projection d3 draws the land with). */
export function project(fit: MapFit, lon: number, lat: number): { x: number; y: number } {
  return { x: fit.tx + fit.k * wrap(lon - fit.lon0) * RAD, y: fit.ty - fit.k * mercator(lat) };
}

/** Where a place is drawn: its point if on the map, else on the line to it from the centre, `inset` inside the edge. */
export function placePoint(fit: MapFit, lon: number, lat: number, inset: number): MapPoint | undefined {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return undefined;
  const r = fit.rect;
  const p = project(fit, lon, lat);
  if (Math.abs(lat) <= MAX_LAT && p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h) return { ...p, inside: true };
  const cx = r.x + r.w / 2;
  const cy = r.y + r.h / 2;
  const dx = p.x - cx;
  const dy = p.y - cy;
  const t = Math.min(dx === 0 ? Infinity : (r.w / 2 - inset) / Math.abs(dx), dy === 0 ? Infinity : (r.h / 2 - inset) / Math.abs(dy));
  if (!Number.isFinite(t)) return { x: cx, y: cy, inside: false };
  return { x: cx + dx * t, y: cy + dy * t, inside: false };
}

// ---- The atlas, loaded on the first map drawn ----

type Detail = '50m' | '110m';

interface Loaded {
  land: typeof import('./regionLand');
  atlas: Atlas;
}

const loaded = new Map<Detail, Loaded>();
const loading = new Map<Detail, Promise<Loaded>>();

/** The atlas as text: parsed once and packed, the text is all the page keeps of it (not a tree of small arrays). */
function atlasText(detail: Detail): Promise<{ default: string }> {
  return detail === '50m' ? import('world-atlas/countries-50m.json?raw') : import('world-atlas/countries-110m.json?raw');
}

/** When the page is next idle after a frame: the first screen is up and answering before the atlas is fetched and read. */
function afterFirstFrame(): Promise<void> {
  return new Promise((done) => {
    const idle = () =>
      typeof requestIdleCallback === 'function' ? requestIdleCallback(() => done(), { timeout: 400 }) : setTimeout(done, 20);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(idle);
    else idle();
  });
}

const nextTask = () => new Promise<void>((done) => setTimeout(done, 0));

/** The atlas of this detail with its projector, loaded once (a failed load is tried again by the next map). */
function loadAtlas(detail: Detail): Promise<Loaded> {
  let p = loading.get(detail);
  if (!p) {
    p = afterFirstFrame()
      .then(() => Promise.all([import('./regionLand'), atlasText(detail)]))
      .then(async ([land, text]) => {
        const done = { land, atlas: land.prepareAtlas(JSON.parse(text.default)) };
        // Reading the atlas and drawing the first map are two tasks, not one long one.
        await nextTask();
        loaded.set(detail, done);
        return done;
      });
    p.catch(() => loading.delete(detail));
    loading.set(detail, p);
  }
  return p;
}

/** The finer atlas where a pixel covers little ground, the coarse one for a wide view. */
export function detailFor(fit: MapFit): Detail {
  return 1 / fit.k / RAD > COARSE_DEGREES_PER_PIXEL ? '110m' : '50m';
}

/** The land of a fitted map, once its atlas is loaded: for tests and tools (the map itself draws it as it comes). */
export async function regionLand(fit: MapFit): Promise<LandShapes> {
  const { land, atlas } = await loadAtlas(detailFor(fit));
  return land.landShapes(atlas, fit);
}

// ---- Drawing ----

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

type Side = 'right' | 'left' | 'above' | 'below' | 'above-right' | 'below-right' | 'above-left' | 'below-left' | 'center';

const ORIGIN: Record<Side, [number, number]> = {
  right: [0, 0.5],
  left: [1, 0.5],
  above: [0.5, 1],
  below: [0.5, 0],
  'above-right': [0, 1],
  'below-right': [0, 0],
  'above-left': [1, 1],
  'below-left': [1, 0],
  center: [0.5, 0.5],
};

const OFFSET: Record<Side, [number, number]> = {
  right: [1, 0],
  left: [-1, 0],
  above: [0, -1],
  below: [0, 1],
  'above-right': [0.7, -0.7],
  'below-right': [0.7, 0.7],
  'above-left': [-0.7, -0.7],
  'below-left': [-0.7, 0.7],
  center: [0, 0],
};

const DIAGONALS: Side[] = ['above-right', 'below-right', 'above-left', 'below-left'];

/** How much of two boxes overlaps (square pixels). */
const overlap = (a: Box, b: Box): number =>
  Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));

/** Of a name, what fits a small map: "Harbour (the old quay)" is "Harbour" there. */
export const mapName = (name: string): string => name.replace(/\s*\([^)]*\)\s*$/, '') || name;

/** What a name must keep clear of: the marks and rings (a little overlap allowed), and other names (none). */
interface Taken {
  box: Box;
  name: boolean;
}

/**
 * Sets a name beside its mark: the first side (in the order asked) on the map and clear of the names,
 * marks and rings placed before it (a corner of its own mark aside); else the side that covers least of the marks and rings, and none of
 * the names; else (near an edge) such a side pushed back onto the map, if not far. Failing all that
 * the name is left out (false), except the venue's, which is always shown.
 */
function placeLabel(
  t: Phaser.GameObjects.Text,
  at: { x: number; y: number; gap: number; sides: Side[]; always: boolean },
  taken: Taken[],
  r: Rect,
): boolean {
  const w = t.displayWidth;
  const h = t.displayHeight;
  const candidates = at.sides.map((side) => {
    const [ox, oy] = ORIGIN[side];
    const [dx, dy] = OFFSET[side];
    const x = at.x + dx * at.gap - ox * w;
    const y = at.y + dy * at.gap - oy * h;
    // Pushed back onto the map where it runs off it.
    const x0 = Math.max(r.x + 2, Math.min(r.x + r.w - 2 - w, x));
    const y0 = Math.max(r.y + 2, Math.min(r.y + r.h - 2 - h, y));
    const box = { x0, y0, x1: x0 + w, y1: y0 + h };
    let onNames = 0;
    let onMarks = 0;
    for (const o of taken) {
      const covered = overlap(o.box, box);
      if (o.name) onNames += covered;
      else onMarks += covered;
    }
    return { box, pushed: Math.hypot(x0 - x, y0 - y), onNames, onMarks };
  });
  const fits = (c: (typeof candidates)[number], push: number) => c.pushed <= push && c.onNames === 0 && c.onMarks <= 0.15 * w * h;
  const least = (cs: typeof candidates) =>
    cs.reduce<(typeof cs)[number] | undefined>((a, c) => (a === undefined || c.onMarks < a.onMarks ? c : a), undefined);
  const chosen =
    candidates.find((c) => fits(c, 0) && c.onMarks <= 6) ??
    least(candidates.filter((c) => fits(c, 0))) ??
    least(candidates.filter((c) => fits(c, Math.min(w / 2, 40)))) ??
    (at.always ? candidates[0] : undefined);
  if (!chosen) return false;
  t.setOrigin(0, 0).setPosition(Math.round(chosen.box.x0), Math.round(chosen.box.y0));
  taken.push({ box: chosen.box, name: true });
  return true;
}

/** A mark the chart draws at a place: the venue, a dot, a ship, or an arrow toward a place beyond the edge. */
type Mark = { x: number; y: number } & (
  | { kind: 'venue'; disc: number; ring: number }
  | { kind: 'dot' }
  | { kind: 'ship' }
  | { kind: 'arrow'; ux: number; uy: number }
);

/**
 * Paints the still part of a map into its texture, in the map's own pixels: the water, a graticule
 * at a round step (about eight lines across: the war-room chart look), the land if it is here, the
 * frame and the marks. Drawn once per map and kept, a redraw shows it again for one textured quad,
 * where thousands of outline points as shapes were traced again every frame.
 */
function paintChart(texture: Phaser.Textures.CanvasTexture, fit: MapFit, marks: Mark[], shapes: LandShapes | null, s: number): void {
  const ctx = texture.getContext();
  const r = fit.rect;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, -r.x, -r.y);
  ctx.clearRect(r.x, r.y, texture.width, texture.height);
  ctx.globalAlpha = 1;
  ctx.fillStyle = css(COLOR.water);
  ctx.fillRect(r.x, r.y, r.w, r.h);
  ctx.strokeStyle = css(COLOR.waterHi);
  ctx.lineWidth = 1;
  ctx.beginPath();
  const degreesAcross = r.w / fit.k / RAD;
  const step = [0.5, 1, 2, 5, 10, 15, 30, 45].find((d) => degreesAcross / d <= 9) ?? 90;
  const west = fit.lon0 - degreesAcross / 2;
  for (let lon = Math.ceil(west / step) * step; lon < west + degreesAcross; lon += step) {
    const x = Math.round(r.x + (lon - west) * RAD * fit.k) + 0.5;
    if (x - r.x > 2 && r.x + r.w - x > 2) {
      ctx.moveTo(x, r.y);
      ctx.lineTo(x, r.y + r.h);
    }
  }
  for (let lat = Math.ceil(-MAX_LAT / step) * step; lat <= MAX_LAT; lat += step) {
    const y = Math.round(project(fit, 0, lat).y) + 0.5;
    if (y - r.y > 2 && r.y + r.h - y > 2) {
      ctx.moveTo(r.x, y);
      ctx.lineTo(r.x + r.w, y);
    }
  }
  ctx.globalAlpha = 0.8;
  ctx.stroke();
  ctx.globalAlpha = 1;
  if (shapes) {
    const trace = (outlines: number[][], close: boolean) => {
      ctx.beginPath();
      for (const o of outlines) {
        ctx.moveTo(o[0] ?? 0, o[1] ?? 0);
        for (let i = 2; i < o.length; i += 2) ctx.lineTo(o[i] ?? 0, o[i + 1] ?? 0);
        if (close) ctx.closePath();
      }
    };
    ctx.fillStyle = css(COLOR.land);
    trace(shapes.fills, true);
    ctx.fill();
    ctx.strokeStyle = css(COLOR.landEdge);
    ctx.lineJoin = 'round';
    ctx.globalAlpha = 0.45;
    ctx.lineWidth = 1;
    trace(shapes.borders, false);
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.lineWidth = Math.min(1.6, Math.max(1, s * 1.2));
    trace(shapes.coasts, false);
    ctx.stroke();
  }
  ctx.strokeStyle = css(COLOR.edge);
  ctx.lineWidth = 1;
  ctx.strokeRect(r.x + 0.5, r.y + 0.5, r.w - 1, r.h - 1);
  const disc = (x: number, y: number, radius: number) => {
    ctx.beginPath();
    ctx.arc(x, y, radius, 0, Math.PI * 2);
  };
  const polygon = (points: [number, number][]) => {
    ctx.beginPath();
    for (const [i, [x, y]] of points.entries()) {
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.closePath();
    ctx.fill();
  };
  for (const m of marks) {
    const { x, y } = m;
    if (m.kind === 'venue') {
      ctx.fillStyle = css(COLOR.brass);
      disc(x, y, m.disc);
      ctx.fill();
      ctx.strokeStyle = css(COLOR.brass);
      ctx.lineWidth = 1.5;
      ctx.globalAlpha = 0.6;
      disc(x, y, m.ring);
      ctx.stroke();
      ctx.globalAlpha = 1;
    } else if (m.kind === 'dot') {
      ctx.fillStyle = css(COLOR.ink);
      ctx.globalAlpha = 0.9;
      disc(x, y, 2.5 * s);
      ctx.fill();
      ctx.globalAlpha = 1;
    } else if (m.kind === 'ship') {
      // A hull and an island, pointing west.
      ctx.fillStyle = css(SHIP_INK);
      polygon([
        [x - 12 * s, y],
        [x - 6 * s, y - 3 * s],
        [x + 12 * s, y - 3 * s],
        [x + 12 * s, y + 3 * s],
        [x - 6 * s, y + 3 * s],
      ]);
      ctx.fillStyle = css(COLOR.ink);
      ctx.fillRect(x + 4 * s, y - 6 * s, 3 * s, 4 * s);
    } else {
      const { ux, uy } = m;
      const bx = x - ux * 3 * s;
      const by = y - uy * 3 * s;
      ctx.fillStyle = css(COLOR.muted);
      polygon([
        [x + ux * 5 * s, y + uy * 5 * s],
        [bx - uy * 4 * s, by + ux * 4 * s],
        [bx + uy * 4 * s, by - ux * 4 * s],
      ]);
    }
  }
  ctx.restore();
  // Uploads the canvas to WebGL (a game without a renderer, as in the headless tests, has nothing to upload to).
  if (texture.manager.game.renderer) texture.refresh();
}

/** Map textures kept per game, oldest first: a few maps a game, the oldest let go past this many. */
const KEPT_CHARTS = 8;
const charts = new WeakMap<Phaser.Textures.TextureManager, string[]>();

/** The texture of a map's still part, made (and its oldest sibling let go) the first time the map is drawn. */
function chartTexture(scene: Phaser.Scene, key: string, r: Rect): { texture: Phaser.Textures.CanvasTexture; fresh: boolean } | null {
  const textures = scene.textures;
  const kept = textures.get(key);
  if (textures.exists(key) && kept instanceof Phaser.Textures.CanvasTexture) return { texture: kept, fresh: false };
  const texture = textures.createCanvas(key, Math.max(1, Math.ceil(r.w)), Math.max(1, Math.ceil(r.h)));
  if (!texture) return null;
  const keys = charts.get(textures) ?? [];
  charts.set(textures, keys);
  keys.push(key);
  while (keys.length > KEPT_CHARTS) {
    const old = keys.shift();
    if (old !== undefined && textures.exists(old)) textures.remove(old);
  }
  return { texture, fresh: true };
}

/** Whether a chart's texture has its land painted (kept on the texture, which outlives the screens that show it). */
const hasLand = (t: Phaser.Textures.Texture): boolean => (t.customData as { land?: boolean }).land === true;
const markLand = (t: Phaser.Textures.Texture): void => {
  (t.customData as { land?: boolean }).land = true;
};

/**
 * Draws the map of `data` in `r`. Without a region nothing is drawn. The land comes with the atlas:
 * at once when it is loaded already, else when it arrives (the map then shows it if it is still on
 * screen; a map redrawn or shut down meanwhile is left alone).
 */
export function drawRegionMap(scene: Phaser.Scene, r: Rect, data: RegionMapData): DrawnMap {
  // Right to left the screen is mirrored, but a map is not a reading order: west stays on the left.
  const drawn = keepLeftToRight(scene, r, () => drawMap(scene, r, data));
  return {
    land: drawn.land,
    at: (id) => {
      const p = drawn.at(id);
      return p && leftToRightPoint(r, p);
    },
  };
}

function drawMap(scene: Phaser.Scene, r: Rect, data: RegionMapData): DrawnMap {
  const region = data.region;
  if (!usable(region)) return { land: Promise.resolve(false), at: () => undefined };
  const alpha = data.alpha ?? 1;
  const fit = fitRegion(region, r);
  const s = Math.max(1, r.w / 300);
  const points = new Map<string, MapPoint>();
  for (const p of data.places) {
    const at =
      p.lon === undefined && p.lat === undefined
        ? { x: r.x + r.w / 2, y: r.y + r.h / 2, inside: true, wide: true }
        : placePoint(fit, p.lon ?? Number.NaN, p.lat ?? Number.NaN, 10 * s);
    if (at) points.set(p.id, at);
  }

  // Names keep clear of the marks and of the incidents' rings (those drawn over them come last).
  const marks: Mark[] = [];
  const taken: Taken[] = [];
  const ringed = new Set<string>();
  for (const incident of data.incidents ?? []) {
    const at = points.get(incident.where);
    if (!at || at.wide) continue;
    ringed.add(incident.where);
    taken.push({ box: { x0: at.x - RING, y0: at.y - RING, x1: at.x + RING, y1: at.y + RING }, name: false });
  }
  /** A name stands off its mark, and off the ring of an incident there. */
  const gap = (id: string, own: number) => (ringed.has(id) ? Math.max(own, RING + 2) : own);
  const labels: {
    id: string;
    value: string;
    color: number;
    weight: 600 | 700;
    italic?: boolean;
    x: number;
    y: number;
    gap: number;
    sides: Side[];
  }[] = [];
  for (const place of data.places) {
    const at = points.get(place.id);
    if (!at || at.wide) continue;
    const { x, y } = at;
    const named = { id: place.id, value: mapName(place.name), x, y };
    if (!at.inside) {
      const cx = r.x + r.w / 2;
      const cy = r.y + r.h / 2;
      const len = Math.hypot(x - cx, y - cy) || 1;
      marks.push({ kind: 'arrow', x, y, ux: (x - cx) / len, uy: (y - cy) / len });
      const horizontal = Math.abs(x - cx) / r.w > Math.abs(y - cy) / r.h;
      const sides: Side[] = horizontal
        ? x < cx
          ? ['right', 'below-right', 'above-right', 'below', 'above']
          : ['left', 'below-left', 'above-left', 'below', 'above']
        : y < cy
          ? ['right', 'left', 'below', 'below-right', 'below-left']
          : ['right', 'left', 'above', 'above-right', 'above-left'];
      taken.push({ box: { x0: x - 6 * s, y0: y - 6 * s, x1: x + 6 * s, y1: y + 6 * s }, name: false });
      labels.push({ ...named, color: COLOR.muted, weight: 600, gap: gap(place.id, 8 * s), sides });
    } else if (place.id === data.venue) {
      const ring = Math.max(6, r.w / 40);
      marks.push({ kind: 'venue', x, y, disc: Math.max(3, r.w / 80), ring });
      taken.push({ box: { x0: x - ring, y0: y - ring, x1: x + ring, y1: y + ring }, name: false });
      labels.push({
        ...named,
        color: COLOR.brass,
        weight: 700,
        gap: gap(place.id, ring),
        sides: ['below-left', 'left', 'right', 'below', 'above', 'below-right', 'above-left', 'above-right'],
      });
    } else if (place.kind === 'ship') {
      marks.push({ kind: 'ship', x, y });
      taken.push({ box: { x0: x - 12 * s, y0: y - 6 * s, x1: x + 12 * s, y1: y + 3 * s }, name: false });
      labels.push({
        ...named,
        color: SHIP_INK,
        weight: 600,
        gap: gap(place.id, 5 * s),
        sides: ['below', 'above', 'left', 'right', ...DIAGONALS],
      });
    } else if (place.kind === 'sea') {
      labels.push({ ...named, color: SEA_INK, weight: 600, italic: true, gap: 0, sides: ['center'] });
    } else {
      marks.push({ kind: 'dot', x, y });
      taken.push({ box: { x0: x - 3 * s, y0: y - 3 * s, x1: x + 3 * s, y1: y + 3 * s }, name: false });
      labels.push({
        ...named,
        color: COLOR.muted,
        weight: 600,
        gap: gap(place.id, 6 * s),
        sides: ['right', 'left', 'above', 'below', ...DIAGONALS],
      });
    }
  }

  // The still part of the map: one texture per map, painted once (again when its land arrives).
  const key = `region-map ${JSON.stringify([r, region, data.places.map((p) => [p.id, p.lon, p.lat, p.kind]), data.venue])}`;
  const chart = chartTexture(scene, key, r);
  if (!chart) return { land: Promise.resolve(false), at: (id) => points.get(id) };
  const { texture } = chart;
  const image = scene.add.image(r.x, r.y, key).setOrigin(0, 0).setAlpha(alpha);
  const detail = detailFor(fit);
  const ready = loaded.get(detail);
  let land: Promise<boolean>;
  if (ready) {
    if (chart.fresh || !hasLand(texture)) {
      paintChart(texture, fit, marks, ready.land.landShapes(ready.atlas, fit), s);
      markLand(texture);
    }
    land = Promise.resolve(true);
  } else {
    if (chart.fresh) paintChart(texture, fit, marks, null, s);
    land = loadAtlas(detail).then(
      ({ land: module, atlas }) => {
        try {
          // The game may have gone (its textures with it); another draw may have painted the land already.
          if (!scene.sys.game || !scene.textures.exists(key)) return false;
          if (!hasLand(texture)) {
            paintChart(texture, fit, marks, module.landShapes(atlas, fit), s);
            markLand(texture);
          }
          // Redrawn meanwhile (a redraw lets go of the old objects) or shut down: nothing more to show.
          if (!image.scene || !scene.children.exists(image)) return false;
          requestFrames(scene.game);
          return true;
        } catch {
          // Torn down under it: a map that cannot be finished is left as it is.
          return false;
        }
      },
      () => false,
    );
  }

  // The map, its rings and its names are all textured, drawn in this order with the screen's texts
  // (a screen draws a layer's shapes, then its texts and images: see orderForBatching).
  for (const incident of data.incidents ?? []) {
    const at = points.get(incident.where);
    if (at) drawIncident(scene, at, incident, at.wide ? r.w / 5 : RING);
  }
  // The venue's name first, then those of places with an incident, then the rest in the scenario's order.
  const size = Math.max(10, Math.round(r.w / 34));
  const rank = (id: string) => (id === data.venue ? 0 : ringed.has(id) ? 1 : 2);
  labels.sort((a, b) => rank(a.id) - rank(b.id));
  for (const l of labels) {
    const t = text(scene, 0, 0, l.value, { size, color: l.color, weight: l.weight, italic: l.italic ?? false, scalable: false });
    if (placeLabel(t.setAlpha(alpha), { ...l, always: l.id === data.venue }, taken, r)) continue;
    // No room: the mark stays, its name is left out rather than written over another.
    t.destroy();
  }
  return { land, at: (id) => points.get(id) };
}

/** A disc's texture (made once): filled at `fill` alpha, its edge stroked 2 px wide at `stroke` alpha (0: none). */
function discTexture(scene: Phaser.Scene, radius: number, color: number, fill: number, stroke: number): string {
  const key = `region-disc ${radius} ${color} ${fill} ${stroke}`;
  if (scene.textures.exists(key)) return key;
  const size = Math.ceil(2 * (radius + 2));
  const texture = scene.textures.createCanvas(key, size, size);
  if (!texture) return key;
  const ctx = texture.getContext();
  ctx.beginPath();
  ctx.arc(size / 2, size / 2, radius, 0, Math.PI * 2);
  ctx.fillStyle = css(color);
  ctx.globalAlpha = fill;
  ctx.fill();
  if (stroke > 0) {
    ctx.strokeStyle = css(color);
    ctx.lineWidth = 2;
    ctx.globalAlpha = stroke;
    ctx.stroke();
  }
  if (texture.manager.game.renderer) texture.refresh();
  return key;
}

/** An incident: a ring that grows into place when fresh (dimmed when not), and a dot at its heart. */
function drawIncident(scene: Phaser.Scene, p: MapPoint, incident: Incident, radius: number): void {
  const color = incident.violent ? COLOR.danger : COLOR.warn;
  const ring = scene.add.image(p.x, p.y, discTexture(scene, radius, color, 0.18, 0.9));
  const dot = scene.add.image(p.x, p.y, discTexture(scene, 3.5, color, 1, 0));
  if (!incident.fresh) {
    ring.setAlpha(0.45);
    dot.setAlpha(0.6);
    return;
  }
  tween(scene, { targets: ring, scale: { from: 0.3, to: 1 }, alpha: { from: 1, to: 0.85 }, duration: 700, ease: 'Cubic.easeOut' });
}
