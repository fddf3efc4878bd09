// A scenario's text in more than one language (docs/design.md §4.1): every text field may be a string
// or a map of languages; the validated file is the source, its hash the identity whatever language is
// shown; localiseScenario gives the all-strings Scenario in a language, falling back per field to the
// first; and the rules always play the first language, so a replay verifies in any display language.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { z } from 'zod';
import { playGame } from '../../src/core/play';
import { makeReplay, verifyReplay } from '../../src/core/replay';
import { loadScenarioText, scenarioHash, validateScenario } from '../../src/core/scenario/loader';
import {
  canonicalScenario,
  forEachText,
  localiseScenario,
  scenarioLanguages,
  TEXT_FIELDS,
  textCoverage,
} from '../../src/core/scenario/localise';
import { scenarioSchema } from '../../src/core/scenario/schema';
import type { Settings } from '../../src/core/types';
import { loadShipped, ROOT, rawShipped } from '../support/scenarios';

const FIXTURE = join(ROOT, 'tests', 'fixtures', 'languages', 'tutorial-fa.yaml');
const fixtureText = readFileSync(FIXTURE, 'utf8');

function loadFixture() {
  const r = loadScenarioText(fixtureText, 'tutorial-fa.yaml');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r;
}

/** A value with every language map replaced by its English text (and no languages list). */
const englishOnly = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(englishOnly);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (
      typeof o.en === 'string' &&
      Object.values(o).every((v) => typeof v === 'string') &&
      Object.keys(o).every((k) => /^[a-z]{2,3}$/.test(k))
    )
      return o.en;
    return Object.fromEntries(
      Object.entries(o)
        .filter(([k]) => k !== 'languages')
        .map(([k, v]) => [k, englishOnly(v)]),
    );
  }
  return value;
};
/** The tutorial in English only: the shipped file also carries its Persian text. */
// biome-ignore lint/suspicious/noExplicitAny: a scenario edited by hand
const tutorial = (): any => englishOnly(parse(rawShipped('tutorial')));
const errorsOf = (value: unknown) => {
  const r = validateScenario(value, 'x.json');
  return r.ok ? [] : r.errors;
};

describe('text in several languages: the schema', () => {
  it('accepts maps of languages beside plain strings, and reads the languages', () => {
    const r = loadFixture();
    expect(r.languages).toEqual(['en', 'fa']);
    expect(r.source.title).toEqual({ en: 'Tutorial: a first meeting in Muscat', fa: 'آموزش: نخستین دیدار در مسقط' });
    expect(r.source.parties.iran?.short).toEqual({ en: 'Iran', fa: 'ایران' });
    // What every caller receives: the first language, all strings.
    expect(r.scenario.title).toBe('Tutorial: a first meeting in Muscat');
    expect(r.scenario.parties.iran?.short).toBe('Iran');
    expect(r.scenario.events[1]?.title).toBe('Families of the detained make an appeal');
  });

  it('a scenario that lists no languages is in English, its source and its scenario the same', () => {
    // Every shipped scenario carries Persian now: Geneva made English-only is the example.
    const text = JSON.stringify(englishOnly(parse(rawShipped('geneva-2013'))));
    const r = loadScenarioText(text, 'geneva-2013.json');
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.languages).toEqual(['en']);
    expect(r.warnings).toEqual([]);
    expect(r.scenario).toEqual(r.source);
    // The same game as the shipped, bilingual file: its first language is that English (the
    // bilingual one also keeps its list of languages).
    const { languages, ...shipped } = loadShipped('geneva-2013').scenario as typeof r.scenario & { languages?: unknown };
    expect(languages).toEqual(['en', 'fa']);
    expect(r.scenario).toEqual(shipped);
  });

  it('refuses a map without the first language', () => {
    const s = tutorial();
    s.languages = ['en', 'fa'];
    s.events[0].title = { fa: 'عمان از هیئت‌ها استقبال می‌کند' };
    expect(errorsOf(s)).toEqual([
      `x.json: events[0] (id "welcome-dinner").title: has no "en" text: every text needs one in the scenario's first language (languages: en, fa)`,
    ]);
    // The first language is the file's own, whichever it is.
    s.languages = ['fa', 'en'];
    s.title = { en: 'A first meeting' };
    expect(errorsOf(s)).toEqual([
      `x.json: title: has no "fa" text: every text needs one in the scenario's first language (languages: fa, en)`,
    ]);
  });

  it('refuses a language the scenario does not list, naming it', () => {
    const s = tutorial();
    s.mediator.short = { en: 'Oman', fa: 'عمان' };
    expect(errorsOf(s)).toEqual([
      `x.json: mediator.short.fa: "fa" is not one of the scenario's languages (en, as none are listed): list them at the top, e.g. languages: [en, fa]`,
    ]);
    s.languages = ['en', 'fa'];
    s.issues[0].options[1].label = { en: 'A partial release', fa: 'آزادی بخشی', de: 'Eine teilweise Freilassung' };
    expect(errorsOf(s)).toEqual([
      `x.json: issues[0].options[1] (id "${s.issues[0].options[1].id}").label.de: "de" is not one of the scenario's languages (en, fa): add it to languages, or remove this text`,
    ]);
  });

  it('checks each language’s text as it checks a string, and the codes', () => {
    const s = tutorial();
    s.languages = ['en', 'fa', 'en'];
    s.title = { en: 'A first meeting', fa: `${'د'.repeat(130)}` };
    s.events[0].text = { en: 'x', Persian: 'y' };
    s.events[1].title = { en: 'x', fa: 'a\u202Eb' };
    s.setting = 7;
    expect(errorsOf(s)).toEqual([
      'x.json: title.fa: must be at most 120 characters long (has 130 characters)',
      'x.json: setting: Invalid input: expected string or a map of languages ({en: …, fa: …}), received number',
      'x.json: events[0] (id "welcome-dinner").text.Persian: key "Persian" must be a language code such as en, fa or pt-BR',
      'x.json: events[1] (id "families-appeal").title.fa: contains the hidden control character U+202E at position 2',
    ]);
    delete s.title;
    s.setting = 'x';
    s.events[0].text = 'x';
    s.events[1].title = 'x';
    expect(errorsOf(s)).toEqual(['x.json: title: is missing (expected string)']);
    s.title = 'x';
    expect(errorsOf(s)).toEqual(['x.json: languages[2]: "en" is listed twice']);
  });

  it('TEXT_FIELDS (what localise.ts reads as text) are exactly the schema’s text fields', () => {
    type Def = { type: string } & Record<string, unknown>;
    const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;
    const isText = (d: Def) => {
      const [one, map] = (d.options as unknown[]).map(defOf);
      return d.type === 'union' && one?.type === 'string' && map?.type === 'record' && defOf(map.valueType).type === 'string';
    };
    const paths = (schema: unknown, path: string[]): string[] => {
      const d = defOf(schema);
      switch (d.type) {
        case 'union':
          return isText(d) ? [path.join('.')] : (d.options as unknown[]).flatMap((o) => paths(o, path));
        case 'optional':
          return paths(d.innerType, path);
        case 'object':
          return Object.entries(d.shape as Record<string, z.ZodType>).flatMap(([key, inner]) => paths(inner, [...path, key]));
        case 'array':
          return paths(d.element, [...path, '*']);
        case 'record':
          return paths(d.valueType, [...path, '*']);
        default:
          return [];
      }
    };
    // statements' tones are three named keys, which TEXT_FIELDS reads as any key.
    const fromSchema = paths(scenarioSchema, []).map((p) => p.replace(/^statements\.(conciliatory|firm|threat)\./, 'statements.*.'));
    expect([...new Set(fromSchema)].sort()).toEqual([...TEXT_FIELDS].sort());
  });

  it('forEachText visits every text of a shipped scenario, in the file’s order', () => {
    const { scenario } = loadShipped('muscat-2026');
    const seen: string[] = [];
    forEachText(scenario, (path) => seen.push(path.join('.')));
    expect(seen[0]).toBe('title');
    expect(seen).toContain('statements.threat.text.iran');
    expect(seen).toContain(`events.${scenario.events.length - 1}.text`);
    expect(seen.indexOf('setting')).toBeLessThan(seen.indexOf('parties.us.name'));
  });
});

describe('localiseScenario', () => {
  it('gives each field in the language asked for, else in the first language', () => {
    const { source, scenario } = loadFixture();
    const fa = localiseScenario(source, 'fa');
    expect(fa.title).toBe('آموزش: نخستین دیدار در مسقط');
    expect(fa.parties.us?.short).toBe('آمریکا');
    expect(fa.parties.iran?.short).toBe('ایران');
    // A map without "fa", and a plain string: the English text.
    expect(fa.events[1]?.title).toBe('Families of the detained make an appeal');
    expect(fa.setting).toBe(scenario.setting);
    // Everything but the text is the same.
    expect(fa.issues.map((i) => i.evaluations)).toEqual(scenario.issues.map((i) => i.evaluations));
    // A language the scenario does not have: its first throughout.
    expect(localiseScenario(source, 'de')).toEqual(scenario);
    expect(textCoverage(source)).toMatchObject({ missing: [{ path: ['events', 1, 'title'], language: 'fa' }], complete: 3, partial: 1 });
  });

  it('is pure and cached per (source, language)', () => {
    const { source } = loadFixture();
    const before = structuredClone(source);
    const fa = localiseScenario(source, 'fa');
    expect(localiseScenario(source, 'fa')).toBe(fa);
    expect(localiseScenario(source, 'en')).not.toBe(fa);
    expect(localiseScenario(source, 'en')).toBe(canonicalScenario(source));
    expect(source).toEqual(before);
    // The result shares nothing with the source: changing it (which no caller should) leaves the source alone.
    fa.issues[0]!.weights.us![0] = 0.99;
    fa.events[0]!.conditions = {};
    expect(source).toEqual(before);
    // Another source with equal content is localised on its own.
    const again = loadFixture().source;
    expect(localiseScenario(again, 'fa')).not.toBe(fa);
    expect(scenarioLanguages(again)).toEqual(['en', 'fa']);
  });
});

describe('one identity, whatever language is shown', () => {
  const settings: Settings = { us: 'ai:tit-for-tat', iran: 'ai:boulware', difficulty: 'normal' };

  it('the hash is the source’s: the same from YAML and JSON, never a localisation’s', () => {
    const r = loadFixture();
    expect(r.sha256).toBe(scenarioHash(r.source));
    const json = loadScenarioText(JSON.stringify(parse(fixtureText)), 'tutorial-fa.json');
    expect(json.ok && json.sha256).toBe(r.sha256);
    // Hashing one language's text instead would tie replays to the language they were played in.
    expect(scenarioHash(localiseScenario(r.source, 'fa'))).not.toBe(r.sha256);
    expect(scenarioHash(localiseScenario(r.source, 'en'))).not.toBe(r.sha256);
  });

  it('a game played with English shown verifies in a session showing Persian', () => {
    const played = loadFixture();
    const g = playGame(played.scenario, 'languages', settings, { checksums: true });
    const replay = JSON.parse(
      JSON.stringify(
        makeReplay({
          scenario: played.scenario,
          scenarioHash: played.sha256,
          seed: 'languages',
          settings,
          log: g.log,
          checksums: g.checksums,
          finalState: g.state,
        }),
      ),
    );
    // The log carries the parties' names, which differ in Persian.
    expect(g.state.log.some((line) => line.text.includes('Iran'))).toBe(true);

    // A session showing Persian: it shows the Persian text and plays the rules on the first language.
    const session = loadFixture();
    const shown = localiseScenario(session.source, 'fa');
    const rules = canonicalScenario(session.source);
    expect(shown.parties.iran?.short).toBe('ایران');
    expect(session.sha256).toBe(replay.scenario.sha256);
    expect(verifyReplay(rules, session.sha256, replay)).toMatchObject({ ok: true, turns: replay.log.length, checksum: replay.final });
    // Why the rules never read the language shown: the log, and so the checksums, would differ.
    expect(verifyReplay(shown, session.sha256, replay)).toMatchObject({ ok: false, turn: 1 });
  });
});
