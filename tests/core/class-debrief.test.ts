// The class debrief page's pure parts: loading replay files (every failure named, never a throw),
// the class digest, label placement on the charts, and escaping of teacher-supplied file names.
import { describe, expect, it } from 'vitest';
import { placeLabels } from '../../src/class/charts';
import { digestClass } from '../../src/class/digest';
import { addTable, emptyClass, type KnownScenario, loadTable, MAX_TABLES } from '../../src/class/load';
import { html } from '../../src/class/markup';
import { printPages } from '../../src/class/print';
import { report } from '../../src/class/report';
import { playGame } from '../../src/core/play';
import { makeReplay, replayToText } from '../../src/core/replay';
import type { Settings } from '../../src/core/types';
import { loadShipped } from '../support/scenarios';

const muscat = loadShipped('muscat-2026');
const tutorial = loadShipped('tutorial');
const known: KnownScenario[] = [
  { id: muscat.scenario.id, ...muscat, hash: muscat.sha256 },
  { id: tutorial.scenario.id, ...tutorial, hash: tutorial.sha256 },
];

function replayText(settings: Settings, seed = 'unit-class', which = muscat): string {
  const g = playGame(which.scenario, seed, settings, { checksums: true });
  return replayToText(
    makeReplay({
      scenario: which.scenario,
      scenarioHash: which.sha256,
      seed,
      settings,
      log: g.log,
      checksums: g.checksums,
      finalState: g.state,
    }),
  );
}

const tft: Settings = { us: 'ai:tit-for-tat', iran: 'ai:tit-for-tat', difficulty: 'normal' };
const hard: Settings = { us: 'ai:hardliner', iran: 'ai:tit-for-tat', difficulty: 'normal' };
const good = replayText(tft);

describe('loading a replay file', () => {
  const reasonFor = (text: string) => {
    const r = loadTable({ name: 'x.json', text }, known);
    return r.ok ? 'loaded' : r.problem.reason;
  };

  it('verifies a good replay against its scenario', () => {
    const r = loadTable({ name: 'table-1.json', text: good }, known);
    expect(r.ok && r.table.state.phase).toBe('ended');
  });

  it('names what is wrong with a bad file', () => {
    const replay = JSON.parse(good);
    expect(reasonFor('')).toBe('the file is empty');
    expect(reasonFor(good.slice(0, 200))).toMatch(/^not JSON: /);
    expect(reasonFor('{"format":"something-else"}')).toMatch(/^not a replay/);
    expect(reasonFor(JSON.stringify({ ...replay, formatVersion: 99 }))).toMatch(/newer than this build reads/);
    expect(reasonFor(JSON.stringify({ ...replay, scenario: { id: 'atlantis', sha256: 'x' } }))).toMatch(
      /^unknown scenario "atlantis": this page knows "muscat-2026", "tutorial"/,
    );
    expect(reasonFor(JSON.stringify({ ...replay, scenario: { ...replay.scenario, sha256: '0'.repeat(64) } }))).toMatch(/has changed since/);
    const checksums = [...replay.checksums];
    checksums[4] = '0000000000000000';
    expect(reasonFor(JSON.stringify({ ...replay, checksums }))).toBe('desync at turn 5');
  });

  it('keeps one scenario per class, refuses a file twice, and stops at forty tables', () => {
    let set = addTable(emptyClass(), { name: 'a.json', text: good }, known);
    set = addTable(set, { name: 'a.json', text: good }, known);
    set = addTable(set, { name: 'tut.json', text: replayText(tft, 'tut', tutorial) }, known);
    expect(set.tables.map((t) => t.name)).toEqual(['a.json']);
    expect(set.problems.map((p) => p.reason)).toEqual([
      'a file of this name is already loaded',
      expect.stringMatching(/^is a game of scenario "tutorial"; the tables loaded so far played "muscat-2026"/),
    ]);
    for (let i = 0; i < MAX_TABLES + 2; i++) set = addTable(set, { name: `t${i}.json`, text: good }, known);
    expect(set.tables).toHaveLength(MAX_TABLES);
    expect(set.skipped).toEqual(['t39.json', 't40.json', 't41.json']);
  });
});

describe('the class digest', () => {
  const load = (name: string, text: string) => {
    const r = loadTable({ name, text }, known);
    if (!r.ok) throw new Error(r.problem.reason);
    return r.table;
  };
  const tables = [load('one.json', good), load('two.json', good), load('three.json', replayText(hard))];
  const d = digestClass(muscat.scenario, tables);

  it('averages the class and shares a frontier between tables with the same seed and agenda', () => {
    expect(d.averages.tables).toBe(3);
    expect(d.averages.agreements).toBe(d.tables.filter((t) => t.deal).length);
    const one = d.tables[0]?.frontier;
    expect(d.tables[1]?.frontier).toBe(one);
    expect(d.frontiers[one as number]?.tables).toEqual(expect.arrayContaining([1, 2]));
    expect(d.seeds).toEqual(['unit-class']);
    for (const t of d.tables) if (t.deal) expect(t.deal.toFrontier).toBeGreaterThanOrEqual(0);
  });

  it('sums concessions per issue in scenario order', () => {
    expect(d.concessions.map((c) => c.issue)).toEqual(muscat.scenario.issues.map((i) => i.id));
    const summed = d.tables.reduce((n, t) => n + (t.summary.concessions.us!.sanctions ?? 0), 0);
    expect(d.concessions.find((c) => c.issue === 'sanctions')?.totals.us).toBeCloseTo(summed);
  });

  it('renders the report and one printed page per table, escaping file names', () => {
    const evil = digestClass(muscat.scenario, [load('<img src=x onerror=alert(1)>.json', good)]);
    const text = report(evil).text + printPages(evil).text;
    expect(text).not.toContain('<img');
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;.json');
    expect(printPages(d).text.match(/class="cd-print-page"/g)).toHaveLength(3);
  });
});

describe('chart labels', () => {
  it('moves a label that would overlap another onto a free line', () => {
    const spots = placeLabels(
      [
        { x: 100, y: 50, text: '#1' },
        { x: 100, y: 50, text: '#2' },
        { x: 100, y: 52, text: '#3' },
      ],
      { top: 0, bottom: 200 },
    );
    const ys = spots.map((s) => s.y);
    expect(new Set(ys).size).toBe(3);
    for (const a of ys) for (const b of ys) if (a !== b) expect(Math.abs(a - b)).toBeGreaterThanOrEqual(12.5);
  });

  it('escapes interpolated text and keeps nested markup', () => {
    expect(html`<b>${'a < b & "c"'}</b>${html`<i>${'x'}</i>`}${[1, 2]}`.text).toBe('<b>a &lt; b &amp; &quot;c&quot;</b><i>x</i>12');
  });
});

describe('a class of a scenario with other parties', () => {
  const grain = loadShipped('black-sea-grain-2022');
  const [first, second] = Object.keys(grain.scenario.parties) as [string, string];
  const settings: Settings = { [first]: 'ai:tit-for-tat', [second]: 'ai:hardliner', difficulty: 'normal' };
  const own: KnownScenario[] = [{ id: grain.scenario.id, ...grain, hash: grain.sha256 }];
  const r = loadTable({ name: 'grain.json', text: replayText(settings, 'grain-class', grain) }, own);
  if (!r.ok) throw new Error(r.problem.reason);
  const d = digestClass(grain.scenario, [r.table]);

  it('keys every per-side figure by its party ids and names them from the scenario', () => {
    expect(Object.keys(d.averages.utilities)).toEqual([first, second]);
    expect(Object.keys(d.concessions[0]?.totals ?? {})).toEqual([first, second]);
    const text = report(d).text + printPages(d).text;
    for (const side of [first, second]) {
      const party = grain.scenario.parties[side];
      expect(text).toContain(`Utility ${party?.short}`);
      expect(text).toContain(`${party?.name} ${party?.symbol}`);
    }
    // The concession bars take the parties' own colours.
    expect(text).toContain(`--party-a:${grain.scenario.parties[first]?.colour};--party-b:${grain.scenario.parties[second]?.colour}`);
    expect(text).not.toMatch(/undefined|NaN/);
  });
});
