import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scenarioJsonSchema } from '../../src/core/scenario/json-schema';
import { loadScenarioText, validateScenario } from '../../src/core/scenario/loader';
import { ROOT, rawShipped } from '../support/scenarios';

const muscat = () => parse(rawShipped('muscat-2026'));
const errorsOf = (value: unknown) => {
  const r = validateScenario(value, 'x.json');
  return r.ok ? [] : r.errors;
};

describe('loading scenario files', () => {
  it('loads the shipped scenarios from YAML and the same data from JSON', () => {
    const yaml = loadScenarioText(rawShipped('muscat-2026'), 'muscat-2026.yaml');
    const json = loadScenarioText(JSON.stringify(muscat()), 'muscat-2026.json');
    expect(yaml.ok && json.ok && yaml.sha256 === json.sha256).toBe(true);
    expect(loadScenarioText(rawShipped('tutorial'), 'tutorial.yml').ok).toBe(true);
  });

  it('the default scenario is grounded: 7+ issues of 3–5 options, 6+ rungs, 15+ events', () => {
    const r = loadScenarioText(rawShipped('muscat-2026'), 'm.yaml');
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.scenario.issues.length).toBeGreaterThanOrEqual(7);
    for (const issue of r.scenario.issues) expect(issue.options.length).toBeGreaterThanOrEqual(3);
    for (const issue of r.scenario.issues) expect(issue.options.length).toBeLessThanOrEqual(5);
    expect(r.scenario.ladder.rungs.length).toBeGreaterThanOrEqual(6);
    expect(r.scenario.events.length).toBeGreaterThanOrEqual(15);
  });

  it('names line and column of malformed JSON', () => {
    const r = loadScenarioText('{\n  "id": "x",\n  "title": \n}', 'bad.json');
    expect(r).toEqual({ ok: false, errors: [expect.stringMatching(/^bad\.json: invalid JSON at line 4, column 1: unexpected "}"/)] });
  });

  it('names line and column of malformed YAML', () => {
    const r = loadScenarioText('id: x\ntitle: [unclosed\nrounds: 3\n', 'bad.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^bad\.yaml: invalid YAML at line \d+, column \d+/);
  });

  it('refuses duplicate keys with their position', () => {
    const r = loadScenarioText('{"id": "a", "id": "b"}', 'dup.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/line 1, column \d+: Map keys must be unique/);
  });

  it('names the path and the rule of a schema violation', () => {
    const s = muscat();
    s.events[3].effects.tension = 'high';
    s.issues[0].options[0].id = 'Not An Id';
    expect(errorsOf(s)).toEqual(
      expect.arrayContaining([
        `x.json: events[3] (id "${s.events[3].id}").effects.tension: Invalid input: expected number, received string`,
        'x.json: issues[0].options[0] (id "Not An Id").id: must match ^[a-z0-9_-]{1,64}$',
      ]),
    );
  });

  it('checks references across the file', () => {
    const s = muscat();
    s.agenda.core.push('nuclear-submarines');
    s.events[0].conditions = { after: 'no-such-event' };
    expect(errorsOf(s)).toEqual(
      expect.arrayContaining([
        'x.json: agenda.core[6]: unknown issue "nuclear-submarines"',
        `x.json: events[0] (id "${s.events[0].id}").conditions.after: unknown event "no-such-event"`,
      ]),
    );
  });

  it('refuses weight ranges that cannot sum to 1 and a ladder with no room to climb', () => {
    const s = muscat();
    for (const issue of s.issues) issue.weights.us = [0, 0.01];
    s.ladder.start = s.ladder.rungs.length - 1;
    const errors = errorsOf(s);
    expect(errors.some((e) => e.includes('us weight ranges cannot sum to 1'))).toBe(true);
    expect(errors.some((e) => e.startsWith('x.json: ladder.start: must be below the top rung'))).toBe(true);
  });

  it('refuses __proto__, constructor and prototype keys and pollutes nothing', () => {
    for (const text of ['{"__proto__": {"polluted": 1}}', 'a:\n  b:\n    constructor: 1\n', '[{"prototype": 2}]']) {
      const r = loadScenarioText(text, text.startsWith('a') ? 'p.yaml' : 'p.json');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0]).toMatch(/forbidden key/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a YAML alias bomb and deep nesting without crashing', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      ),
    ].join('\n');
    expect(loadScenarioText(bomb, 'bomb.yaml').ok).toBe(false);
    expect(loadScenarioText(`${'['.repeat(5000)}${']'.repeat(5000)}`, 'deep.json')).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/nesting is 5000 levels deep/)],
    });
    expect(loadScenarioText(`${'- '.repeat(1)}${'['.repeat(5000)}`, 'deep.yaml').ok).toBe(false);
  });

  it('refuses an unknown file type and an oversized file, stating the limit', () => {
    expect(loadScenarioText('{}', 'scenario.txt')).toEqual({
      ok: false,
      errors: ['scenario.txt: unknown file type (use .json, .yaml or .yml)'],
    });
    expect(loadScenarioText('x'.repeat(1_000_001), 'big.json')).toEqual({
      ok: false,
      errors: ['big.json: file is larger than the 1 MB limit'],
    });
  });

  it('returns an error result for arbitrary JSON, never throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = validateScenario(value, 'fuzz.json');
        expect(r.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps scenarios/schema.json in step with the zod schema (npm run schema)', () => {
    const onDisk = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'schema.json'), 'utf8'));
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });
});
