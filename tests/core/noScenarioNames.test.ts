// The game hosts any two-party crisis: no file in src/ (comments included) or the two pages names a
// country, place, person, ship or mediator of a shipped scenario. Those live in scenarios/, and the
// words on screen come from there. The names are read from the scenarios themselves, so a new
// scenario extends the check.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/core/scenario/loader';
import type { Scenario } from '../../src/core/scenario/schema';
import { ROOT } from '../support/scenarios';

/** Words of a place's name that name no place by themselves. */
const GENERIC = new Set([
  'the',
  'of',
  'and',
  'Strait',
  'Straits',
  'Gulf',
  'Sea',
  'Bay',
  'Port',
  'Island',
  'Islands',
  'Canal',
  'Cape',
  'City',
  'USS',
  'Corridor',
  'Region',
  'North',
  'South',
  'East',
  'West',
  'Black',
  'Red',
  'Mount',
  // A language's name ("Persian Gulf"), which the validator says when it names a scenario's languages.
  'Persian',
]);

function namesOf(s: Scenario): string[] {
  const names = new Set<string>();
  const person = (full: string) => {
    names.add(full);
    const last = full.split(/\s+/).at(-1);
    if (last && last.length > 2) names.add(last);
  };
  for (const p of [...Object.values(s.parties), s.mediator]) {
    names.add(p.name);
    names.add(p.short);
    person(p.head);
  }
  for (const place of s.places ?? []) {
    if (/^[a-z]/.test(place.name)) continue; // "the region": not a name
    names.add(place.name);
    for (const word of place.name.split(/[\s,()]+/)) if (word.length > 2 && !GENERIC.has(word) && /^\p{Lu}/u.test(word)) names.add(word);
  }
  return [...names];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(ts|css|html|json)$/.test(name) ? [path] : [];
  });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('no scenario names in the code', () => {
  const scenarios = readdirSync(join(ROOT, 'scenarios'))
    .filter((f) => /\.(ya?ml)$/.test(f))
    .map((f) => {
      const r = loadScenarioText(readFileSync(join(ROOT, 'scenarios', f), 'utf8'), f);
      if (!r.ok) throw new Error(r.errors.join('\n'));
      return r.scenario;
    });
  const names = [...new Set(scenarios.flatMap(namesOf))].sort();
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_-])(${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_])`, 'u');
  const files = [...filesUnder(join(ROOT, 'src')), join(ROOT, 'index.html'), join(ROOT, 'class.html')];

  it('reads the names from every shipped scenario', () => {
    for (const expected of ['Muscat', 'Oman', 'Witkoff', 'Hormuz']) expect(names).toContain(expected);
  });

  it('finds none of them in src/, index.html or class.html', () => {
    const hits: string[] = [];
    for (const file of files)
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const m = pattern.exec(line);
          if (m) hits.push(`${relative(ROOT, file)}:${i + 1}: "${m[1]}" in ${line.trim().slice(0, 120)}`);
        });
    expect(hits).toEqual([]);
  });
});
