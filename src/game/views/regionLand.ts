// The land of a regional map, from Natural Earth's outlines (world-atlas TopoJSON). Loaded on
// demand with the atlas by regionMap.ts, never part of the page's first script. The atlas is
// indexed once (the box in degrees of each arc and country; which arcs are coast, which borders);
// each map size then decodes only the pieces that reach it, projects them, clips them to its
// rectangle, thins them to the pixel and keeps them: a redraw of the same map replays the outlines.
import { geoMercator, geoPath } from 'd3-geo';
import type { Feature, LineString } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import type { MapFit } from './regionMap';

/** Outlines in pixels, each a flat list x0, y0, x1, y1, …: filled land, coastlines, land borders. */
export interface LandShapes {
  fills: number[][];
  coasts: number[][];
  borders: number[][];
}

/** West, south, east, north in degrees. A piece that crosses the antimeridian spans all longitudes. */
type Box = [number, number, number, number];

/**
 * The atlas, read once: its arcs packed into one array of longitudes and latitudes (the parsed
 * TopoJSON is let go), the box of every arc and every country, and which arcs are coast (one
 * country's edge) and which are borders (two countries'). Countries are assembled only when they
 * reach a map, the first time they do.
 */
export interface Atlas {
  /** Longitude, latitude of every point of every arc, arc after arc (single precision: a metre or so). */
  points: Float32Array;
  /** Arc i is points[starts[i]] to points[starts[i + 1]] (counted in points, not numbers). */
  starts: Uint32Array;
  countries: GeometryObject[];
  countryBoxes: Box[];
  arcBoxes: Box[];
  coastArcs: number[];
  borderArcs: number[];
  /** Countries assembled so far, by index. */
  features: Map<number, Feature>;
  /** The shapes of every map drawn so far, by its fit. */
  drawn: Map<string, LandShapes>;
}

/** Points closer than this (pixels) to the last one kept are dropped. */
const THIN = 0.6;
/** Rings smaller than this (square pixels) are not filled: specks, not land. */
const SPECK = 1;

/** The longitudes and latitudes of one arc. */
function arcPoints(atlas: Atlas, i: number): [number, number][] {
  const out: [number, number][] = [];
  for (let k = atlas.starts[i] ?? 0, end = atlas.starts[i + 1] ?? k; k < end; k++)
    out.push([atlas.points[2 * k] ?? 0, atlas.points[2 * k + 1] ?? 0]);
  return out;
}

/** Unpacks the arcs (quantized and delta-encoded in the atlas) into one array of degrees. */
function packArcs(topology: Topology): { points: Float32Array; starts: Uint32Array } {
  const starts = new Uint32Array(topology.arcs.length + 1);
  let n = 0;
  topology.arcs.forEach((arc, i) => {
    starts[i] = n;
    n += arc.length;
  });
  starts[topology.arcs.length] = n;
  const points = new Float32Array(2 * n);
  const t = topology.transform;
  const [sx, sy] = t ? t.scale : [1, 1];
  const [tx, ty] = t ? t.translate : [0, 0];
  let k = 0;
  for (const arc of topology.arcs) {
    let x = 0;
    let y = 0;
    for (const [px, py] of arc) {
      x = t ? x + (px ?? 0) : (px ?? 0);
      y = t ? y + (py ?? 0) : (py ?? 0);
      points[k++] = x * sx + tx;
      points[k++] = y * sy + ty;
    }
  }
  return { points, starts };
}

function boxOf(points: [number, number][]): Box {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of points) {
    if (lon < w) w = lon;
    if (lon > e) e = lon;
    if (lat < s) s = lat;
    if (lat > n) n = lat;
  }
  // Natural Earth cuts at the antimeridian, so anything wider goes round the globe: kept for every map.
  return e - w > 180 ? [-180, s, 180, n] : [w, s, e, n];
}

const union = (a: Box, b: Box): Box => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];

/** The arc indices of a country's rings (a negative index is the arc reversed: ~i). */
function arcsOf(g: GeometryObject): number[] {
  const out: number[] = [];
  const visit = (a: unknown): void => {
    if (typeof a === 'number') out.push(a < 0 ? ~a : a);
    else if (Array.isArray(a)) for (const inner of a) visit(inner);
  };
  if ('arcs' in g) visit(g.arcs);
  return out;
}

/** Reads the atlas once: its arcs packed, the boxes of arcs and countries, its coasts (one country) and borders (two). */
export function prepareAtlas(topology: Topology): Atlas {
  const countries = (topology.objects.countries as GeometryCollection).geometries;
  const { points, starts } = packArcs(topology);
  const packed = { points, starts } as Atlas;
  const arcBoxes = topology.arcs.map((_, i) => boxOf(arcPoints(packed, i)));
  const owner = new Map<number, number>();
  const shared = new Set<number>();
  const countryBoxes = countries.map((g, c) => {
    let box: Box = [Infinity, Infinity, -Infinity, -Infinity];
    for (const a of arcsOf(g)) {
      const first = owner.get(a);
      if (first === undefined) owner.set(a, c);
      else if (first !== c) shared.add(a);
      box = union(box, arcBoxes[a] ?? box);
    }
    return box;
  });
  const arcs = [...owner.keys()].sort((a, b) => a - b);
  return {
    points,
    starts,
    countries,
    countryBoxes,
    arcBoxes,
    coastArcs: arcs.filter((a) => !shared.has(a)),
    borderArcs: arcs.filter((a) => shared.has(a)),
    features: new Map(),
    drawn: new Map(),
  };
}

/** A country as GeoJSON, its rings stitched from its arcs by topojson-client (from the packed arcs it uses). */
function country(atlas: Atlas, i: number): Feature {
  let f = atlas.features.get(i);
  if (!f) {
    const g = atlas.countries[i] as GeometryObject;
    const arcs: [number, number][][] = [];
    for (const a of arcsOf(g)) arcs[a] ??= arcPoints(atlas, a);
    f = feature({ type: 'Topology', objects: {}, arcs }, g) as Feature;
    atlas.features.set(i, f);
  }
  return f;
}

/** Collects d3's path as flat point lists, thinned to the pixel (a geoPath context). */
class Outlines {
  readonly out: number[][] = [];
  private ring: number[] | null = null;
  private keptX = 0;
  private keptY = 0;
  private lastX = 0;
  private lastY = 0;

  constructor(private readonly closed: boolean) {}

  moveTo(x: number, y: number): void {
    this.end();
    this.ring = [x, y];
    this.keptX = this.lastX = x;
    this.keptY = this.lastY = y;
  }

  lineTo(x: number, y: number): void {
    if (!this.ring) {
      this.moveTo(x, y);
      return;
    }
    this.lastX = x;
    this.lastY = y;
    if (Math.abs(x - this.keptX) < THIN && Math.abs(y - this.keptY) < THIN) return;
    this.ring.push(x, y);
    this.keptX = x;
    this.keptY = y;
  }

  closePath(): void {
    this.end();
  }

  beginPath(): void {}

  arc(): void {}

  end(): void {
    const ring = this.ring;
    if (!ring) return;
    this.ring = null;
    if (this.lastX !== this.keptX || this.lastY !== this.keptY) ring.push(this.lastX, this.lastY);
    if (this.closed ? ring.length >= 6 && Math.abs(area(ring)) >= SPECK : ring.length >= 4) this.out.push(ring);
  }
}

/** Signed area of a flat ring (shoelace). */
function area(ring: number[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2)
    sum += (ring[j] ?? 0) * (ring[i + 1] ?? 0) - (ring[i] ?? 0) * (ring[j + 1] ?? 0);
  return sum / 2;
}

const RAD = Math.PI / 180;

/** The degrees the fitted rectangle shows, a degree wider each way: which pieces can reach it. */
function visibleBox(fit: MapFit): Box {
  const { rect: r, k, tx, ty, lon0 } = fit;
  const lat = (y: number) => (2 * Math.atan(Math.exp((ty - y) / k)) - Math.PI / 2) / RAD;
  const west = lon0 + (r.x - tx) / k / RAD;
  const east = lon0 + (r.x + r.w - tx) / k / RAD;
  return [west - 1, lat(r.y + r.h) - 1, east + 1, lat(r.y) + 1];
}

function reaches(piece: Box, view: Box): boolean {
  if (piece[1] > view[3] || piece[3] < view[1]) return false;
  if (view[2] - view[0] >= 360 || piece[2] - piece[0] >= 360) return true;
  for (const shift of [-360, 0, 360]) if (piece[0] + shift <= view[2] && piece[2] + shift >= view[0]) return true;
  return false;
}

/** The land of one map: projected with the map's own Mercator fit, clipped to its rectangle, thinned. */
export function landShapes(atlas: Atlas, fit: MapFit): LandShapes {
  const { rect: r } = fit;
  const key = [fit.lon0, fit.k, fit.tx, fit.ty, r.x, r.y, r.w, r.h].join(',');
  const kept = atlas.drawn.get(key);
  if (kept) return kept;
  const projection = geoMercator()
    .rotate([-fit.lon0, 0])
    .scale(fit.k)
    .translate([fit.tx, fit.ty])
    .clipExtent([
      [r.x, r.y],
      [r.x + r.w, r.y + r.h],
    ]);
  const view = visibleBox(fit);
  const trace = (closed: boolean, draw: (path: (geo: Feature | LineString) => void) => void): number[][] => {
    const outlines = new Outlines(closed);
    const path = geoPath(projection, outlines);
    draw((geo) => path(geo));
    outlines.end();
    return outlines.out;
  };
  const arcLines = (arcs: number[]) => (path: (geo: LineString) => void) => {
    for (const a of arcs) if (reaches(atlas.arcBoxes[a] ?? view, view)) path({ type: 'LineString', coordinates: arcPoints(atlas, a) });
  };
  const shapes = {
    fills: trace(true, (path) => {
      atlas.countryBoxes.forEach((box, i) => {
        if (reaches(box, view)) path(country(atlas, i));
      });
    }),
    coasts: trace(false, arcLines(atlas.coastArcs)),
    borders: trace(false, arcLines(atlas.borderArcs)),
  };
  // A handful of map sizes in a game; the bound only guards against a layout that changes without end.
  if (atlas.drawn.size >= 8) atlas.drawn.clear();
  atlas.drawn.set(key, shapes);
  return shapes;
}
