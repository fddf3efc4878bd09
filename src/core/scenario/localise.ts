// A scenario's text in more than one language. Every text field of a file may be a plain string or a
// map of languages (`title: {en: "A first meeting", fa: "نخستین دیدار"}`); the file lists its
// languages (`languages: [en, fa]`, the first being its own; `[en]` when it lists none). The validated
// file is the scenario's *source*: its hash is the scenario's identity, whatever language is shown.
// `localiseScenario` turns a source into the all-strings `Scenario` the code reads, in one language,
// each field falling back to the first language. The rules always read the first language
// (`canonicalScenario`): the game log is built from scenario text, so a game played or verified in
// another language would log, and checksum, differently. The language shown is the views' concern.
//
// Pure and free of zod, so the browser can localise without the validator. Which fields are text is
// listed here (TEXT_FIELDS); tests/core/scenarioLanguages.test.ts checks the list against the schema.
import { DEFAULT_LANGUAGES } from './constants.ts';
import type { ScenarioSource } from './schema.ts';

/** A text field as written: a plain string (the same in every language), or the text per language. */
export type Text = string | { [language: string]: string };

/** `T` with every text field (exactly `Text`) a plain string: the shape the rules and views read. */
export type Localised<T> = [Exclude<T, undefined>] extends [Text]
  ? [Text] extends [Exclude<T, undefined>]
    ? string | Extract<T, undefined>
    : T
  : T extends readonly unknown[]
    ? { [K in keyof T]: Localised<T[K]> }
    : T extends object
      ? { [K in keyof T]: Localised<T[K]> }
      : T;

/**
 * The text fields of a scenario, as paths (`*`: every item of a list, every key of a map). Not text:
 * ids, dates, colours, symbols (one glyph, the same in every language) and `$schema`. Sources are
 * text: they are the author's words about where the facts come from, shown in the debrief; a citation
 * kept in its original language is simply written as a plain string.
 */
export const TEXT_FIELDS: readonly string[] = [
  'title',
  'setting',
  'sources.*',
  'parties.*.name',
  'parties.*.short',
  'parties.*.head',
  'parties.*.headTitle',
  'parties.*.publicBrief',
  'parties.*.privateBrief.summary',
  'parties.*.privateBrief.priorities.*',
  'parties.*.privateBrief.redLines.*',
  'parties.*.privateBrief.fallback',
  'parties.*.constituencies.*.name',
  'parties.*.constituencies.*.description',
  'mediator.name',
  'mediator.short',
  'mediator.head',
  'mediator.description',
  'places.*.name',
  'issues.*.name',
  'issues.*.description',
  'issues.*.options.*.label',
  'issues.*.options.*.description',
  'ladder.rungs.*.name',
  'ladder.rungs.*.description',
  'events.*.title',
  'events.*.text',
  'events.*.source',
  'statements.*.text.*',
  'personalities.*.name',
  'personalities.*.description',
  'difficulties.*.name',
  'difficulties.*.description',
];

type Trie = { [step: string]: Trie | typeof LEAF };
const LEAF = true;
const TRIE: Trie = {};
for (const field of TEXT_FIELDS) {
  const steps = field.split('.');
  let node = TRIE;
  steps.forEach((step, i) => {
    if (i === steps.length - 1) node[step] = LEAF;
    else {
      const next = (node[step] as Trie | undefined) ?? {};
      node[step] = next;
      node = next;
    }
  });
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const childOf = (trie: Trie, key: string | number): Trie | typeof LEAF | undefined =>
  Object.hasOwn(trie, String(key)) ? trie[String(key)] : trie['*'];

/** The scenario's languages, its own first: `languages` as written, or `[en]`. */
export function scenarioLanguages(source: Pick<ScenarioSource, 'languages'>): readonly string[] {
  return source.languages && source.languages.length > 0 ? source.languages : DEFAULT_LANGUAGES;
}

/**
 * Every text field the scenario holds, in the order it holds them (a YAML or JSON file's order), with
 * its path (`['events', 18, 'title']`). Fields that are absent (an optional `source`) are skipped.
 */
export function forEachText(source: unknown, visit: (path: (string | number)[], value: Text) => void): void {
  const walk = (value: unknown, trie: Trie, path: (string | number)[]) => {
    const step = (key: string | number, inner: unknown) => {
      const child = childOf(trie, key);
      if (child === LEAF) {
        if (typeof inner === 'string' || isObj(inner)) visit([...path, key], inner as Text);
      } else if (child) walk(inner, child, [...path, key]);
    };
    if (Array.isArray(value))
      value.forEach((inner, i) => {
        step(i, inner);
      });
    else if (isObj(value)) for (const key of Object.keys(value)) step(key, value[key]);
  };
  walk(source, TRIE, []);
}

/** One text in `language`, else in the scenario's first language. */
export function textIn(text: Text, language: string, first: string): string {
  if (typeof text === 'string') return text;
  return text[language] ?? text[first] ?? Object.values(text)[0] ?? '';
}

const cache = new WeakMap<object, Map<string, Localised<ScenarioSource>>>();

/**
 * The scenario with every text in `language`, a field without it in the scenario's first language (a
 * language the scenario does not list gives the first language throughout). Pure: the source is
 * never changed and the result shares nothing with it. The same (source, language) gives the same
 * object, computed once.
 */
export function localiseScenario(source: ScenarioSource, language: string): Localised<ScenarioSource> {
  let byLanguage = cache.get(source);
  if (!byLanguage) {
    byLanguage = new Map();
    cache.set(source, byLanguage);
  }
  const known = byLanguage.get(language);
  if (known) return known;
  const first = scenarioLanguages(source)[0] ?? 'en';
  const copy = (value: unknown, trie: Trie | typeof LEAF | undefined): unknown => {
    if (trie === LEAF && (typeof value === 'string' || isObj(value))) return textIn(value as Text, language, first);
    const within = trie === LEAF ? undefined : trie;
    if (Array.isArray(value)) return value.map((inner, i) => copy(inner, within && childOf(within, i)));
    if (isObj(value)) {
      const out: Obj = {};
      for (const key of Object.keys(value)) out[key] = copy(value[key], within && childOf(within, key));
      return out;
    }
    return value;
  };
  const localised = copy(source, TRIE) as Localised<ScenarioSource>;
  byLanguage.set(language, localised);
  return localised;
}

/** The scenario the rules play: its text in its first language, whatever language is shown. */
export function canonicalScenario(source: ScenarioSource): Localised<ScenarioSource> {
  return localiseScenario(source, scenarioLanguages(source)[0] ?? 'en');
}

/** A text field given as a map that lacks one of the scenario's languages. */
export interface MissingText {
  path: (string | number)[];
  language: string;
}

/** How the scenario's text stands in its languages (all empty for a scenario in one language). */
export interface TextCoverage {
  /** Each (field, language) a map of languages lacks, in the file's order. */
  missing: MissingText[];
  /** Fields written as a map holding every language. */
  complete: number;
  /** Fields written as a map lacking some language. */
  partial: number;
  /** Fields written as a plain string: shown as written in every language. */
  plain: number;
}

export function textCoverage(source: ScenarioSource): TextCoverage {
  const languages = scenarioLanguages(source);
  const coverage: TextCoverage = { missing: [], complete: 0, partial: 0, plain: 0 };
  if (languages.length < 2) return coverage;
  forEachText(source, (path, value) => {
    if (typeof value === 'string') {
      coverage.plain++;
      return;
    }
    const lacking = languages.filter((language) => !Object.hasOwn(value, language));
    for (const language of lacking) coverage.missing.push({ path, language });
    if (lacking.length) coverage.partial++;
    else coverage.complete++;
  });
  return coverage;
}

/** English names of the languages a scenario is likely to be written in; any other is named by its code. */
const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  ar: 'Arabic',
  de: 'German',
  en: 'English',
  es: 'Spanish',
  fa: 'Persian',
  fr: 'French',
  he: 'Hebrew',
  it: 'Italian',
  ja: 'Japanese',
  ko: 'Korean',
  nl: 'Dutch',
  pl: 'Polish',
  pt: 'Portuguese',
  ru: 'Russian',
  tr: 'Turkish',
  uk: 'Ukrainian',
  ur: 'Urdu',
  zh: 'Chinese',
};

/** `English`, `Persian`; `the "xx" text` for a language without a name here. */
export function languageName(language: string): string {
  return LANGUAGE_NAMES[language.split('-')[0] ?? ''] ?? `the "${language}" text`;
}
