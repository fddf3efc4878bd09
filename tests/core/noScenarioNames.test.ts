// The game hosts any two-party crisis: no file in src/ (comments included) or the two pages names a
// country, place, person, ship or mediator of a shipped scenario. Those live in scenarios/, and the
// words on screen come from there. The names are read from the scenarios themselves, so a new
// scenario extends the check.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/core/scenario/loader';
import { namesOf, ROOT } from '../support/scenarios';

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
