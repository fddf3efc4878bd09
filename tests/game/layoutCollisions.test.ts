// Point 9 of the playability review: nothing drawn over words. Oman's bridge marker clear of the
// option captions, the debrief chart's names clear of each other and of the walk-away lines, the
// round-by-round legend's entries clear of each other, and the counterpart's panel cutting a long
// quote at a word with an ellipsis, with a bridge shown under the mediator's heading.
import Phaser from 'phaser';
import { afterEach, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/app/scenarios';
import type { Analysis } from '../../src/core/analysis';
import { concessionPreview } from '../../src/core/negotiation/concession';
import { concedableIssues } from '../../src/core/rules';
import { clampLines } from '../../src/game/clampLines';
import { drawLineChart, drawParetoChart, placeLabel } from '../../src/game/views/charts';
import { counterpartWords } from '../../src/game/views/counterpart';
import {
  atTheTableWithOffers,
  type Booted,
  bootGame,
  controlBoxes,
  dismissCards,
  measureTextLikeABrowser,
  playedSession,
  showing,
} from './harness';

let booted: Booted | undefined;
afterEach(async () => {
  await booted?.destroy();
  booted = undefined;
});

measureTextLikeABrowser({ ascent: 0.9, descent: 0.3 });

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
const boxOf = (o: { getBounds: () => Phaser.Geom.Rectangle }): Box => {
  const b = o.getBounds();
  return { x: b.x, y: b.y, w: b.width, h: b.height };
};
const overlaps = (a: Box, b: Box) =>
  Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 0.5 && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 0.5;
const texts = (scene: Phaser.Scene) =>
  scene.children.list.filter((c): c is Phaser.GameObjects.Text => c instanceof Phaser.GameObjects.Text && c.visible);

const muscat = (() => {
  const loaded = loadScenario('muscat-2026');
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  return loaded.scenario;
})();

describe('the table', () => {
  it("draws Oman's bridge marker on no option's caption", async () => {
    const session = playedSession({
      seed: 'look1',
      stop: (s) => s.phase === 'rounds' && !!s.game.bridge && s.isMyTurn,
      moves: (s) => {
        if (s.phase === 'agenda') return { type: 'force-agenda' };
        const legal = s.legalActions();
        return (
          legal.find((a) => a.type === 'bridge') ?? legal.find((a) => a.type === 'concede') ?? { type: 'propose', terms: { ...s.draft } }
        );
      },
    });
    expect(session.game.bridge).toBeTruthy();
    booted = await bootGame();
    booted.app.resume(session.persisted());
    const table = await showing(booted, 'rounds');
    dismissCards(booted);
    const markers = table.children.list.filter((c) => c.name === 'bridge-marker') as Phaser.GameObjects.Star[];
    expect(markers.length).toBe(session.game.agenda.on.length);
    const labels = new Set(muscat.issues.flatMap((i) => i.options.map((o) => o.label)));
    const captions = texts(table).filter((t) => labels.has(t.text.replace(/\n/g, ' ')) || labels.has(t.text));
    expect(captions.length).toBeGreaterThanOrEqual(markers.length);
    for (const m of markers) for (const c of captions) expect(overlaps(boxOf(m), boxOf(c)), `the bridge marker on “${c.text}”`).toBe(false);
    // Every caption inside its chip: a three-line label is drawn smaller rather than over the chip's edge.
    expect(session.game.agenda.on.length).toBe(8);
    const chips = controlBoxes().filter((b) => muscat.issues.some((i) => b.name.startsWith(`${i.name}: `)));
    for (const c of captions) {
      const box = boxOf(c);
      const cx = box.x + box.w / 2;
      const cy = box.y + box.h / 2;
      const chip = chips.find((b) => b.x <= cx && cx <= b.x + b.w && b.y <= cy && cy <= b.y + b.h);
      expect(chip, `the chip of “${c.text}”`).toBeDefined();
      if (chip)
        expect(
          box.y >= chip.y - 0.5 && box.y + box.h <= chip.y + chip.h + 0.5,
          `“${c.text}” inside its chip ${JSON.stringify(chip)}: ${JSON.stringify(box)}`,
        ).toBe(true);
    }
  });

  it('cuts a long quote in the counterpart panel at a word, with an ellipsis', () => {
    const width = (s: string) => s.length * 7;
    const quote =
      'proposes: Uranium enrichment: Capped at 3.67%; Enriched uranium stockpile: Shipped abroad; Detained nationals: Unconditional release; Sequencing: Phased and verified.';
    const cut = clampLines(quote, 280, 3, width);
    const lines = cut.split('\n');
    expect(lines).toHaveLength(3);
    expect(cut.endsWith('…')).toBe(true);
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(280);
    // Every word shown is a whole word of the quote, in order, and nothing ends in "…;".
    const shown = cut.replace('…', '').split(/\s+/);
    expect(
      quote
        .split(' ')
        .slice(0, shown.length)
        .map((w, i) => (i === shown.length - 1 ? w.replace(/[,;:]$/, '') : w)),
    ).toEqual(shown);
    // A text that fits is left as it is.
    expect(clampLines('Short words.', 280, 3, width)).toBe('Short words.');
  });

  it("shows a bridge the counterpart asked for under the mediator's heading, not the delegate's", () => {
    const session = playedSession({
      side: 'iran',
      stop: (s) => s.game.log.some((e) => e.side === 'iran' && e.kind === 'mediator' && e.ref === 'bridge'),
      moves: (s) => {
        if (s.phase === 'agenda') return { type: 'force-agenda' };
        const legal = s.legalActions();
        return (
          legal.find((a) => a.type === 'bridge') ?? legal.find((a) => a.type === 'concede') ?? { type: 'propose', terms: { ...s.draft } }
        );
      },
    });
    const words = counterpartWords(muscat, session.game.log, 'iran');
    expect(words.said).toBe('Asked Oman to bridge the gap.');
    expect(words.mediator?.name).toBe('Oman');
    expect(words.mediator?.said).toMatch(/^tables a bridging proposal: /);
    const move = counterpartWords(
      muscat,
      [{ turn: 1, round: 1, kind: 'move', side: 'iran', ref: 'propose', text: 'Iran proposes: X.' }],
      'iran',
    );
    expect(move).toEqual({ said: 'proposes: X.', italic: false, mediator: null });
  });
});

describe('the concession preview', () => {
  it('is on the canvas: each "Concede" caption says what the offer is then worth, and a dashed frame marks where it lands', async () => {
    const at = await atTheTableWithOffers();
    booted = at.booted;
    const { table } = at;
    const live = booted.app.session;
    if (!live) throw new Error('no session');
    const issues = concedableIssues(live.scenario, live.game, live.side);
    expect(issues.length).toBeGreaterThan(0);
    const captions = texts(table).map((t) => t.text);
    const frames = table.children.list.filter((c) => c instanceof Phaser.GameObjects.Graphics && c.name === 'concession-landing');
    expect(frames).toHaveLength(issues.length);
    for (const issue of issues) {
      const preview = concessionPreview(live.scenario, live.game, live.side, issue);
      if (!preview) throw new Error(`no preview for ${issue}`);
      expect(captions).toContain(`Concede → ${Math.round(preview.after * 100)}${preview.belowWalkAway ? ' ⚠' : ''}`);
    }
  });
});

describe('the debrief charts', () => {
  const analysis = (deal: { a: number; b: number } | null): Analysis => ({
    frontier: Array.from({ length: 201 }, (_, k) => k / 200).map((u) => ({ a: u, b: Math.sqrt(1 - u * u) })) as Analysis['frontier'],
    nash: { a: 0.62, b: 0.66 } as Analysis['nash'],
    reservation: { a: 0.6, b: 0.58 },
    deal: deal ? { ...deal, toFrontier: 0.05, toNash: 0.02 } : null,
    exact: true,
  });

  it('puts "Your deal" and "Nash" clear of each other, of the markers and of the walk-away lines', async () => {
    booted = await bootGame();
    const scene = await showing(booted, 'title');
    const r = { x: 110, y: 160, w: 430, h: 420 };
    // A deal right next to the Nash point and on the first party's walk-away line: the case that collided.
    for (const deal of [{ a: 0.6, b: 0.64 }, { a: 0.63, b: 0.58 }, null]) {
      for (const c of [...scene.children.list]) if (c.name.startsWith('chart-label:')) c.destroy();
      const a = analysis(deal);
      drawParetoChart(scene, r, a, { a: 'US', b: 'Iran' });
      const labels = texts(scene).filter((t) => t.name.startsWith('chart-label:'));
      expect(labels.map((t) => t.text).sort()).toEqual(['Nash', deal ? 'Your deal' : 'No deal'].sort());
      const [first, second] = labels.map(boxOf) as [Box, Box];
      expect(overlaps(first, second), JSON.stringify(deal)).toBe(false);
      const lineX = r.x + a.reservation.a * r.w;
      const lineY = r.y + r.h - a.reservation.b * r.h;
      const point = (p: { a: number; b: number }) => ({ x: r.x + p.a * r.w - 9, y: r.y + r.h - p.b * r.h - 9, w: 18, h: 18 });
      const marks = [point(a.nash as { a: number; b: number }), point(deal ?? a.reservation)];
      for (const box of [first, second]) {
        expect(box.x > lineX || box.x + box.w < lineX, `${JSON.stringify(box)} crosses x=${lineX}`).toBe(true);
        expect(box.y > lineY || box.y + box.h < lineY, `${JSON.stringify(box)} crosses y=${lineY}`).toBe(true);
        for (const m of marks) expect(overlaps(box, m)).toBe(false);
        // Nor on the frontier's line.
        for (let u = 0; u <= 1; u += 0.005) {
          const x = r.x + u * r.w;
          const y = r.y + r.h - Math.sqrt(1 - u * u) * r.h;
          expect(x > box.x && x < box.x + box.w && y > box.y && y < box.y + box.h, `${JSON.stringify(box)} on the frontier`).toBe(false);
        }
        expect(box.x >= r.x && box.y >= r.y && box.x + box.w <= r.x + r.w && box.y + box.h <= r.y + r.h).toBe(true);
      }
    }
  });

  it('places a label next to its point when nothing is in the way, and elsewhere when something is', () => {
    const within = { x: 0, y: 0, w: 400, h: 400 };
    expect(placeLabel({ x: 100, y: 100 }, { w: 40, h: 12 }, [], within)).toEqual({ x: 112, y: 94 });
    const taken = [{ x: 105, y: 80, w: 100, h: 40 }];
    const at = placeLabel({ x: 100, y: 100 }, { w: 40, h: 12 }, taken, within);
    expect(overlaps({ ...at, w: 40, h: 12 }, taken[0] as Box)).toBe(false);
  });

  it("lays out the round-by-round legend's entries without overlaps", async () => {
    booted = await bootGame();
    const scene = await showing(booted, 'title');
    const r = { x: 100, y: 190, w: 700, h: 330 };
    const series = ['US', 'Iran'].map((side, k) => ({
      name: `${side}: value of the other's offer`,
      color: 0xffffff,
      marker: k ? ('circle' as const) : ('square' as const),
      values: [0.5, 0.6, 0.7],
    }));
    drawLineChart(scene, r, series, ['R1', 'R2', 'R3'], { yLabel: 'utility', xLabel: 'round' });
    const legend = texts(scene).filter((t) => t.name.startsWith('chart-legend:'));
    expect(legend).toHaveLength(2);
    const [a, b] = legend.map(boxOf) as [Box, Box];
    expect(overlaps(a, b)).toBe(false);
    for (const box of [a, b]) expect(box.y + box.h).toBeLessThanOrEqual(r.y);
  });
});
