// The language the screens are drawn in. `m` is the catalogue of that language and `f` its number,
// plural and date formats: both are live bindings, so `m.table.…` always speaks the current language.
// English is bundled; Persian (and the tests' pseudo-locale) load on first use, each in its own chunk.
//
//   import { f, m, shown } from '../i18n';
//   text(scene, x, y, m.table.roundOf(state.round, state.deadline));
//   const words = shown(session.scenario);   // the scenario's texts in the language shown

import { forEachText } from '../core/scenario/localise';
import type { Scenario } from '../core/scenario/schema';
import { f, setFormat } from './current';
import { type Catalogue, en } from './en';
import { type Digits, Format, LANGS, type Lang, PSEUDO_CLOSE, PSEUDO_OPEN, type UiLang } from './format';

export { f } from './current';
export type { Catalogue } from './en';
export { type Digits, Format, FSI, LANGS, type Lang, PDI, PSEUDO_CLOSE, PSEUDO_OPEN, type UiLang } from './format';

/** The catalogue of the language shown. */
export let m: Catalogue = en;

let current: UiLang = 'en';
let digits: Digits = 'persian';
const loaded = new Map<UiLang, Catalogue>([['en', en]]);
const listeners = new Set<(lang: UiLang) => void>();

/** The language shown. */
export const language = (): UiLang => current;
/** Whether the language shown reads right to left. */
export const isRtl = (): boolean => current === 'fa';
/** The text direction of the language shown, for `dir` attributes. */
export const direction = (): 'rtl' | 'ltr' => (isRtl() ? 'rtl' : 'ltr');
/** The BCP 47 tag of the language shown, for `lang` attributes (the pseudo-locale is English underneath). */
export const languageTag = (): string => (current === 'fa' ? 'fa' : 'en');

/** Whether `value` names a language the player can choose. */
export const isLang = (value: unknown): value is Lang => typeof value === 'string' && (LANGS as readonly string[]).includes(value);

/** Loads a language's catalogue (once) without showing it. */
export async function loadCatalogue(lang: UiLang): Promise<Catalogue> {
  const have = loaded.get(lang);
  if (have) return have;
  const catalogue = lang === 'fa' ? (await import('./persian')).fa : (await import('./pseudo')).pseudoCatalogue(en);
  loaded.set(lang, catalogue);
  return catalogue;
}

/**
 * Shows `lang` from now on: loads its catalogue, sets the formats, tells every listener (the page's
 * `dir` and `lang`, the screens, which redraw). The game itself is untouched: language is a view.
 */
export async function setLanguage(lang: UiLang, options: { digits?: Digits } = {}): Promise<void> {
  const catalogue = await loadCatalogue(lang);
  useLanguage(lang, catalogue, options.digits ?? digits);
}

/** Shows a language whose catalogue is in hand (tests, and `setLanguage` once it has loaded it). */
export function useLanguage(lang: UiLang, catalogue: Catalogue, withDigits: Digits = digits): void {
  loaded.set(lang, catalogue);
  const changed = lang !== current || withDigits !== digits;
  current = lang;
  digits = withDigits;
  m = catalogue;
  setFormat(new Format(lang, withDigits));
  if (changed) for (const l of listeners) l(lang);
}

/** Calls `listener` after each change of language or digits; returns the unsubscribe. */
export function onLanguage(listener: (lang: UiLang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Scenario texts. The rules always run on a scenario in its first language (so a replay is the same
// game in any language); the screens draw `shown(scenario)`, the same scenario with its texts in the
// language shown, falling back to the first language field by field.

const translations = new Map<string, Map<string, Scenario>>();
const pseudoScenarios = new WeakMap<Scenario, Scenario>();

/** Registers `scenario` (by its id) in another language: `localised` has its texts in `lang`. */
export function addScenarioTexts(id: string, lang: string, localised: Scenario): void {
  const byLang = translations.get(id) ?? new Map<string, Scenario>();
  translations.set(id, byLang);
  byLang.set(lang, localised);
}

/** `scenario` with its texts in the language shown (itself when it has none in that language). */
export function shown<S extends Scenario>(scenario: S): S {
  if (current === 'en') return scenario;
  if (current === 'pseudo') {
    const have = pseudoScenarios.get(scenario);
    if (have) return have as S;
    const made = pseudoTexts(scenario);
    pseudoScenarios.set(scenario, made);
    return made;
  }
  const other = translations.get(scenario.id)?.get(current);
  // Only a translation of this very scenario: same parties, issues and events (a file of the same id
  // loaded later with other content keeps its own words).
  if (!other || !sameShape(other, scenario)) return scenario;
  // Made once per scenario, translation, language and digits (a redraw asks for it many times).
  const key = `${current}:${digits}`;
  const cache = shownCache.get(scenario) ?? new Map<string, { from: Scenario; made: Scenario }>();
  shownCache.set(scenario, cache);
  const kept = cache.get(key);
  if (kept && kept.from === other) return kept.made as S;
  const texts = current === 'fa' && digits === 'persian' ? mapTexts(other, persianDigits) : other;
  const made = { ...scenario, ...pickTexts(texts) } as S;
  cache.set(key, { from: other, made });
  return made;
}

const shownCache = new WeakMap<Scenario, Map<string, { from: Scenario; made: Scenario }>>();

/**
 * A scenario's Persian text with its numbers in Persian digits, as the catalogue's are (a translator
 * may write either): "3.67%" → "۳٫۶۷٪", "2,000" → "۲٬۰۰۰". Only digits, the decimal point and the
 * thousands comma between digits, and a percent sign after one change.
 */
export function persianDigits(text: string): string {
  return text
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1٬')
    .replace(/(\d)\.(\d)/g, '$1٫$2')
    .replace(/(\d)%/g, '$1٪')
    .replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
}

function sameShape(a: Scenario, b: Scenario): boolean {
  return (
    a.issues.length === b.issues.length &&
    a.events.length === b.events.length &&
    Object.keys(a.parties).join() === Object.keys(b.parties).join() &&
    a.ladder.rungs.length === b.ladder.rungs.length
  );
}

/** The parts of a localised scenario that hold text (the rest is taken from the scenario itself). */
function pickTexts(s: Scenario): Partial<Scenario> {
  const { title, setting, sources, parties, mediator, places, issues, ladder, events, statements, personalities, difficulties } =
    s as Scenario & Record<string, unknown>;
  return {
    title,
    setting,
    sources,
    parties,
    mediator,
    places,
    issues,
    ladder,
    events,
    statements,
    personalities,
    difficulties,
  } as Partial<Scenario>;
}

/** A copy of a scenario with `change` applied to each of its text fields. */
function mapTexts<S extends Scenario>(scenario: S, change: (text: string) => string): S {
  const copy = structuredClone(scenario) as S;
  forEachText(copy, (path, value) => {
    if (typeof value !== 'string') return;
    let node = copy as unknown as Record<string | number, unknown>;
    for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
    node[path[path.length - 1] as string | number] = change(value);
  });
  return copy;
}

/** Every text field of a scenario wrapped in the pseudo-locale's markers. */
function pseudoTexts<S extends Scenario>(scenario: S): S {
  return mapTexts(scenario, (value) => `${PSEUDO_OPEN}${value}${PSEUDO_CLOSE}`);
}

/** For tests: back to English with Persian digits, the start of every page. */
export function resetLanguage(): void {
  useLanguage('en', en, 'persian');
}

// Keep `f` referenced here so the re-export above is a live binding in every bundler.
void f;
