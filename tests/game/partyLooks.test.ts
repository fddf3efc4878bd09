// The parties' looks and words come from the scenario: seat colours readable on the panels, markers
// that differ without colour, the venue's name (or none), and the title screen's scenario groups.
import { describe, expect, it } from 'vitest';
import { knownScenarios, loadScenario } from '../../src/app/scenarios';
import type { Scenario } from '../../src/core/scenario/schema';
import { sidesOf } from '../../src/core/sides';
import { mediatorMarker, sideMarker } from '../../src/game/markers';
import { atVenue, blurb, firstSentence, scenarioGroups, venueName } from '../../src/game/scenarioWords';
import { COLOR, contrast, MIN_CONTRAST, mediatorColor, mediatorGlyph, sideColor, sideGlyph } from '../../src/game/theme';

function scenario(id: string): Scenario {
  const loaded = loadScenario(id);
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  return loaded.scenario;
}

/** The Muscat scenario with its parties' looks and names replaced (another scenario's parties). */
function withLooks(looks: Record<string, { colour: string; symbol: string }>, mediator?: { colour: string; symbol: string }): Scenario {
  const base = scenario('muscat-2026');
  const parties: Scenario['parties'] = {};
  for (const side of sidesOf(base)) parties[side] = { ...base.parties[side]!, ...looks[side] };
  return { ...base, parties, mediator: { ...base.mediator, ...mediator } };
}

describe("the parties' looks", () => {
  it("take the scenario's colours and symbols", () => {
    const s = scenario('muscat-2026');
    for (const side of sidesOf(s)) {
      expect(sideColor(s, side)).toBe(Number.parseInt(s.parties[side]!.colour.slice(1), 16));
      expect(sideGlyph(s, side)).toBe(s.parties[side]!.symbol);
    }
    expect(mediatorColor(s)).toBe(Number.parseInt(s.mediator.colour.slice(1), 16));
    expect(mediatorGlyph(s)).toBe(s.mediator.symbol);
  });

  it('lighten a colour too dark to read on the panels', () => {
    const s = withLooks(
      { us: { colour: '#101820', symbol: '■' }, iran: { colour: '#300000', symbol: '●' } },
      { colour: '#000000', symbol: '◆' },
    );
    for (const side of sidesOf(s)) expect(contrast(sideColor(s, side), COLOR.panelHi)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(contrast(mediatorColor(s), COLOR.panelHi)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    // A red stays reddish: lightened towards white, not replaced.
    const red = sideColor(s, 'iran');
    expect((red >> 16) & 0xff).toBeGreaterThan(red & 0xff);
  });

  it('draw markers from the symbols, never the same for both parties', () => {
    expect(sideMarker(scenario('muscat-2026'), 'us')).toBe('square');
    expect(sideMarker(scenario('muscat-2026'), 'iran')).toBe('circle');
    const triangles = withLooks({ us: { colour: '#ff0000', symbol: '▲' }, iran: { colour: '#00ff00', symbol: '▲' } });
    expect(sideMarker(triangles, 'us')).toBe('triangle');
    expect(sideMarker(triangles, 'iran')).not.toBe('triangle');
    const unknown = withLooks(
      { us: { colour: '#ff0000', symbol: '✚' }, iran: { colour: '#00ff00', symbol: '★' } },
      { colour: '#ffff00', symbol: '✦' },
    );
    expect([sideMarker(unknown, 'us'), sideMarker(unknown, 'iran')]).toEqual(['square', 'circle']);
    expect(mediatorMarker(unknown)).toBe('diamond');
  });
});

describe("the scenario's words", () => {
  it("name the venue from the scenario's places, and read well without one", () => {
    const s = scenario('muscat-2026');
    const venue = s.places?.find((p) => p.id === s.venue)?.name;
    expect(venue).toBeTruthy();
    expect(venueName(s)).toBe(venue);
    expect(`At the table${atVenue(s)}`).toBe(`At the table in ${venue}`);
    const { venue: _, ...noVenue } = s;
    expect(venueName(noVenue)).toBeNull();
    expect(`At the table${atVenue(noVenue)}`).toBe('At the table');
  });

  it('blurb a scenario by the first sentence of its setting that says something', () => {
    expect(firstSentence('One. Two.')).toBe('One.');
    expect(blurb({ setting: 'Somewhere, Someland. The two delegations meet for the first time in a year.\n\nMore.' })).toBe(
      'The two delegations meet for the first time in a year.',
    );
    expect(blurb({ setting: 'A setting without a full stop' })).toBe('A setting without a full stop');
    for (const s of knownScenarios()) if (s.result.ok) expect(blurb(s.result.scenario).length).toBeGreaterThan(30);
  });

  it('group the scenarios by the two parties they seat, each once, the unplayable last', () => {
    const listed = knownScenarios().map((s) => ({ id: s.id, loaded: s.result, fromFile: s.fromFile, file: s.file }));
    const broken = { id: 'broken', loaded: { ok: false as const, errors: ['bad'] }, fromFile: true, file: 'broken.yaml' };
    const groups = scenarioGroups([...listed, broken]);
    expect(groups.flatMap((g) => g.scenarios.map((s) => s.id)).sort()).toEqual([...listed.map((s) => s.id), 'broken'].sort());
    expect(groups.at(-1)).toEqual({ scenario: null, scenarios: [broken] });
    for (const g of groups.slice(0, -1)) {
      const pair = (s: Scenario) =>
        sidesOf(s)
          .map((side) => s.parties[side]!.short)
          .sort()
          .join(' ');
      for (const s of g.scenarios) if (s.loaded.ok && g.scenario) expect(pair(s.loaded.scenario)).toBe(pair(g.scenario));
    }
    // Muscat and its tutorial seat the same two parties: one group.
    const muscat = groups.find((g) => g.scenarios.some((s) => s.id === 'muscat-2026'));
    expect(muscat?.scenarios.map((s) => s.id)).toContain('tutorial');
  });
});
