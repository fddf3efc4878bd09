// Test helpers: the shipped scenarios, loaded the way the CLI loads them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioText } from '../../src/core/scenario/loader';
import type { Scenario } from '../../src/core/scenario/schema';

export const ROOT = join(import.meta.dirname, '..', '..');

export function loadShipped(id: string): { scenario: Scenario; sha256: string } {
  const file = join(ROOT, 'scenarios', `${id}.yaml`);
  const result = loadScenarioText(readFileSync(file, 'utf8'), file);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result;
}

export function rawShipped(id: string): string {
  return readFileSync(join(ROOT, 'scenarios', `${id}.yaml`), 'utf8');
}

/**
 * A copy of a value with party ids renamed, as keys and as values (firstMover, intel…): a shipped
 * scenario with other parties, e.g. `renameParties(loadShipped('tutorial').scenario, {us: 'north', iran: 'south'})`.
 */
export function renameParties<T>(value: T, names: Record<string, string>): T {
  const rename = (v: unknown): unknown => {
    if (typeof v === 'string') return names[v] ?? v;
    if (Array.isArray(v)) return v.map(rename);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [names[k] ?? k, rename(x)]));
    return v;
  };
  return rename(value) as T;
}

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

/**
 * The names a scenario holds: its parties' and mediator's names, short names, heads and their
 * surnames, and its places' names and the words of them that name a place.
 */
export function namesOf(s: Scenario): string[] {
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
