// The regional map from data: the projection puts places where the globe has them, no region draws
// nothing, places beyond the map (or nowhere at all) go to its edge or are left out, and the land
// comes from Natural Earth's outlines, clipped to the map.
import Phaser from 'phaser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  drawRegionMap,
  fitRegion,
  type MapPlace,
  placePoint,
  project,
  type RegionMapData,
  regionLand,
} from '../../src/game/views/regionMap';

/** The map of the first scenario (as scenarios/muscat-2026.yaml gives it), with the kinds of place a scenario may add. */
const GULF_MAP = {
  region: { west: 45.5, south: 20.5, east: 63.5, north: 36.5 },
  venue: 'muscat',
  places: [
    { id: 'muscat', name: 'Muscat', lon: 58.41, lat: 23.59 },
    { id: 'hormuz', name: 'Strait of Hormuz', lon: 56.45, lat: 26.57 },
    { id: 'gulf', name: 'Persian Gulf', lon: 51.5, lat: 27.2, kind: 'sea' },
    { id: 'carrier', name: 'USS Abraham Lincoln', lon: 61.2, lat: 22.6, kind: 'ship' },
    { id: 'tehran', name: 'Tehran', lon: 51.39, lat: 35.69 },
    { id: 'washington', name: 'Washington', lon: -77.04, lat: 38.9 },
    { id: 'region', name: 'the region' },
  ],
} as const satisfies RegionMapData;

const RECT = { x: 16, y: 54, w: 300, h: 194 };
const GULF = GULF_MAP.region;
/** A place of that map, with its coordinates. */
const place = (id: string): { lon: number; lat: number } => {
  const found: MapPlace | undefined = GULF_MAP.places.find((p) => p.id === id);
  if (found?.lon === undefined || found.lat === undefined) throw new Error(`no place ${id} with coordinates`);
  return { lon: found.lon, lat: found.lat };
};

let game: Phaser.Game;
let scene: Phaser.Scene;

beforeAll(async () => {
  document.body.innerHTML = '<div id="map-test"></div>';
  scene = await new Promise<Phaser.Scene>((resolve) => {
    class Bare extends Phaser.Scene {
      create() {
        resolve(this);
      }
    }
    game = new Phaser.Game({
      type: Phaser.HEADLESS,
      width: 1280,
      height: 720,
      parent: 'map-test',
      banner: false,
      audio: { noAudio: true },
      scene: [Bare],
    });
  });
});

// As the harness does: HEADLESS cannot be destroyed cleanly in happy-dom, so its scene is stopped.
afterAll(async () => {
  game.scene.stop(scene);
  while (game.scene.getScenes(true).length > 0) await new Promise((r) => setTimeout(r, 10));
});

/** Whether a point lies inside a flat ring x0, y0, x1, y1, … (even-odd). */
function inRing(ring: number[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
    const [xi, yi, xj, yj] = [ring[i] ?? 0, ring[i + 1] ?? 0, ring[j] ?? 0, ring[j + 1] ?? 0];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

describe('the regional map', () => {
  // First, while the atlas is not loaded yet: a map redrawn before its land arrives takes none.
  it('draws nothing late into a map that has gone before its land arrived', async () => {
    const drawn = drawRegionMap(scene, RECT, GULF_MAP);
    scene.children.removeAll(true);
    expect(await drawn.land).toBe(false);
    expect(scene.children.length).toBe(0);
  });

  it('projects places where the globe has them: east is right, north is up', () => {
    const fit = fitRegion(GULF, RECT);
    const at = (id: string) => project(fit, place(id).lon, place(id).lat);
    const venue = at('muscat');
    const strait = at('hormuz');
    const sea = at('gulf');
    const capital = at('tehran');
    expect(venue.x).toBeGreaterThan(strait.x);
    expect(venue.y).toBeGreaterThan(strait.y);
    expect(sea.x).toBeLessThan(strait.x);
    expect(capital.y).toBeLessThan(sea.y);
    expect(capital.x).toBeLessThan(venue.x);
    // The whole region fits, centred: its corners on or inside the rectangle, touching two opposite sides.
    const nw = project(fit, GULF.west, GULF.north);
    const se = project(fit, GULF.east, GULF.south);
    expect(nw.x).toBeGreaterThanOrEqual(RECT.x - 1e-6);
    expect(nw.y).toBeGreaterThanOrEqual(RECT.y - 1e-6);
    expect(se.x).toBeLessThanOrEqual(RECT.x + RECT.w + 1e-6);
    expect(se.y).toBeLessThanOrEqual(RECT.y + RECT.h + 1e-6);
    expect(Math.min(nw.x - RECT.x, nw.y - RECT.y)).toBeCloseTo(0, 6);
    expect((nw.x + se.x) / 2).toBeCloseTo(RECT.x + RECT.w / 2, 6);
    // Across the antimeridian: a box from 170°E to 170°W keeps 179°E west of 179°W.
    const pacific = fitRegion({ west: 170, south: -20, east: -170, north: -10 }, RECT);
    expect(project(pacific, 179, -15).x).toBeLessThan(project(pacific, -179, -15).x);
    expect(project(pacific, 179, -15).x).toBeGreaterThan(RECT.x);
  });

  it('puts places beyond the map at its edge, on their side, and leaves out places that are nowhere', () => {
    const fit = fitRegion(GULF, RECT);
    const north = placePoint(fit, 55, 60, 10);
    const west = placePoint(fit, place('washington').lon, place('washington').lat, 10);
    expect(north).toMatchObject({ inside: false });
    expect(north?.y).toBeCloseTo(RECT.y + 10, 6);
    expect(west).toMatchObject({ inside: false });
    expect(west?.x).toBeCloseTo(RECT.x + 10, 6);
    expect(placePoint(fit, place('muscat').lon, place('muscat').lat, 10)).toMatchObject({ inside: true });
    expect(placePoint(fit, Number.NaN, 10, 10)).toBeUndefined();
    const pole = placePoint(fit, 55, 90, 10);
    expect(pole?.inside).toBe(false);
    expect(pole?.y).toBeCloseTo(RECT.y + 10, 6);

    const odd: RegionMapData = {
      region: GULF,
      venue: 'nowhere',
      places: [
        { id: 'pole', name: 'Pole', lon: 0, lat: 90 },
        { id: 'centre', name: 'Centre', lon: 54.5, lat: 26.5, kind: 'ship' },
        { id: 'everywhere', name: 'Everywhere' },
        { id: 'half', name: 'Half', lon: 10 },
        { id: 'broken', name: 'Broken', lon: Number.NaN, lat: 0 },
        { id: 'far', name: 'Antipode', lon: 54.5 - 180, lat: -26.5 },
        { id: 'wide', name: 'Wide', lon: 400, lat: 20 },
      ],
      incidents: [
        { where: 'pole', title: 'At the pole', fresh: true, violent: false },
        { where: 'broken', title: 'Nowhere', fresh: true, violent: true },
        { where: 'unknown', title: 'Unknown place', fresh: false, violent: true },
        { where: 'everywhere', title: 'All over', fresh: true, violent: true },
        { where: 'half', title: 'Half a place', fresh: true, violent: true },
      ],
    };
    const drawn = drawRegionMap(scene, RECT, odd);
    expect(drawn.at('broken')).toBeUndefined();
    expect(drawn.at('unknown')).toBeUndefined();
    expect(drawn.at('half')).toBeUndefined();
    expect(drawn.at('everywhere')).toMatchObject({ x: RECT.x + RECT.w / 2, y: RECT.y + RECT.h / 2, wide: true });
    for (const id of ['pole', 'far', 'wide', 'centre']) {
      const p = drawn.at(id);
      expect(p, id).toBeDefined();
      expect(p?.x).toBeGreaterThanOrEqual(RECT.x);
      expect(p?.x).toBeLessThanOrEqual(RECT.x + RECT.w);
      expect(p?.y).toBeGreaterThanOrEqual(RECT.y);
      expect(p?.y).toBeLessThanOrEqual(RECT.y + RECT.h);
    }
    scene.children.removeAll(true);
  });

  it('draws nothing without a region, and tells the caller so', async () => {
    const before = scene.children.length;
    for (const region of [undefined, { west: 10, south: 40, east: 20, north: 30 }, { west: Number.NaN, south: 0, east: 1, north: 1 }]) {
      const drawn = drawRegionMap(scene, RECT, { region, places: GULF_MAP.places, venue: 'muscat' });
      expect(scene.children.length).toBe(before);
      expect(drawn.at('muscat')).toBeUndefined();
      expect(await drawn.land).toBe(false);
    }
  });

  it("makes the region's land from Natural Earth: land where land is, water where water is, all inside the map", async () => {
    const fit = fitRegion(GULF, RECT);
    const land = await regionLand(fit);
    expect(land.fills.length).toBeGreaterThan(3);
    expect(land.coasts.length).toBeGreaterThan(3);
    expect(land.borders.length).toBeGreaterThan(3);
    for (const outline of [...land.fills, ...land.coasts, ...land.borders])
      for (let i = 0; i < outline.length; i += 2) {
        expect(outline[i]).toBeGreaterThanOrEqual(RECT.x - 1e-6);
        expect(outline[i]).toBeLessThanOrEqual(RECT.x + RECT.w + 1e-6);
        expect(outline[i + 1]).toBeGreaterThanOrEqual(RECT.y - 1e-6);
        expect(outline[i + 1]).toBeLessThanOrEqual(RECT.y + RECT.h + 1e-6);
      }
    const onLand = (lon: number, lat: number) => {
      const p = project(fit, lon, lat);
      return land.fills.some((ring) => inRing(ring, p.x, p.y));
    };
    // The plateau north of the Gulf, the desert south of it; the Gulf and the Gulf of Oman.
    expect(onLand(55, 30)).toBe(true);
    expect(onLand(48, 24)).toBe(true);
    expect(onLand(52.5, 26.5)).toBe(false);
    expect(onLand(60.5, 24)).toBe(false);
    // Thinned to the pixel: a small map is a few thousand points, not the atlas's tens of thousands.
    const points = land.fills.reduce((n, ring) => n + ring.length / 2, 0);
    expect(points).toBeLessThan(5000);
  });

  it('draws the land at once when the atlas is loaded, under the places and their names', async () => {
    const drawn = drawRegionMap(scene, RECT, {
      ...GULF_MAP,
      incidents: [{ where: 'region', title: 'x', fresh: true, violent: true }],
    });
    expect(await drawn.land).toBe(true);
    // One textured quad for the still part (water, land, marks), its texture painted with the land.
    expect(scene.children.list.filter((c) => c instanceof Phaser.GameObjects.Graphics)).toHaveLength(0);
    const images = scene.children.list.filter((c): c is Phaser.GameObjects.Image => c instanceof Phaser.GameObjects.Image);
    const charts = images.filter((i) => i.texture.key.startsWith('region-map '));
    expect(charts).toHaveLength(1);
    // The incident in the whole region: a wide ring and its dot, over the map (drawn after it).
    const rings = images.filter((i) => i.texture.key.startsWith('region-disc '));
    expect(rings).toHaveLength(2);
    expect(images.indexOf(charts[0] as Phaser.GameObjects.Image)).toBe(0);
    const texture = charts[0]?.texture;
    expect(texture?.key).toMatch(/^region-map /);
    expect(texture?.customData).toMatchObject({ land: true });
    expect([texture?.getSourceImage().width, texture?.getSourceImage().height]).toEqual([RECT.w, RECT.h]);
    const names = scene.children.list.filter((c): c is Phaser.GameObjects.Text => c instanceof Phaser.GameObjects.Text).map((t) => t.text);
    expect(names).toEqual(
      expect.arrayContaining(['Muscat', 'Strait of Hormuz', 'Persian Gulf', 'USS Abraham Lincoln', 'Tehran', 'Washington']),
    );
    expect(names).not.toContain('the region');
    scene.children.removeAll(true);
  });
});
