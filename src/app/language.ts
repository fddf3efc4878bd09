// Which language the page speaks, and switching it. The link's `lang=` comes first, then the language
// saved in Settings, then the browser's own languages; English when none of them is one we speak.
// A switch loads what the language needs (its catalogue, the scenarios' translations, its font) and
// only then shows it: the screens redraw once, in the new language, with the game untouched.
import type { Scenario } from '../core/scenario/schema';
import { addScenarioTexts, type Digits, isLang, type Lang, setLanguage, type UiLang } from '../i18n';

/** Where the language came from, for the message about a link's unknown language. */
export interface LanguageChoice {
  lang: Lang;
  /** The link asked for a language we do not have (its value, as written). */
  unknown: string | null;
}

/** The language to speak: the link's, the saved one, the browser's, or English. Pure. */
export function chooseLanguage(fromLink: string | null, saved: Lang | null, browser: readonly string[]): LanguageChoice {
  const link = fromLink?.trim().toLowerCase() ?? '';
  if (link) {
    const base = link.split(/[-_]/)[0] ?? '';
    if (isLang(base)) return { lang: base, unknown: null };
  }
  const unknown = link ? (fromLink ?? '').slice(0, 40) : null;
  if (saved) return { lang: saved, unknown };
  for (const tag of browser) {
    const base = tag.toLowerCase().split(/[-_]/)[0] ?? '';
    if (isLang(base)) return { lang: base, unknown };
  }
  return { lang: 'en', unknown };
}

const scenarioTexts = new Set<string>();

/** The bundled scenarios' texts in `lang` (a chunk of their own), registered for `shown()`. */
async function loadScenarioTexts(lang: Lang): Promise<void> {
  if (lang === 'en' || scenarioTexts.has(lang)) return;
  const texts = (await import('virtual:backchannel-scenario-texts')).default;
  for (const [id, byLang] of Object.entries(texts)) {
    const localised = byLang[lang];
    if (localised) addScenarioTexts(id, lang, localised as Scenario);
  }
  scenarioTexts.add(lang);
}

/** The Persian faces, from @fontsource/vazirmatn (OFL): loaded with the language, before a text is drawn in it. */
const PERSIAN_FACES = ['400 16px Vazirmatn', '600 16px Vazirmatn', '700 16px Vazirmatn'];
const FONT_TIMEOUT_MS = 3000;

async function loadFont(lang: Lang): Promise<void> {
  if (lang !== 'fa') return;
  await Promise.all([
    import('@fontsource/vazirmatn/arabic-400.css'),
    import('@fontsource/vazirmatn/arabic-600.css'),
    import('@fontsource/vazirmatn/arabic-700.css'),
  ]);
  const fonts = (globalThis.document as Document | undefined)?.fonts;
  if (!fonts || typeof fonts.load !== 'function') return;
  const loads = PERSIAN_FACES.map((face) => fonts.load(face, 'گفت‌وگو').catch(() => []));
  await Promise.race([Promise.all(loads), new Promise((resolve) => setTimeout(resolve, FONT_TIMEOUT_MS))]);
}

/** The page's `lang` and `dir` (and anything else that listens, through `onLanguage`). */
function markDocument(lang: UiLang): void {
  const root = (globalThis.document as Document | undefined)?.documentElement;
  if (!root) return;
  root.lang = lang === 'fa' ? 'fa' : 'en';
  root.dir = lang === 'fa' ? 'rtl' : 'ltr';
}

let pending: Promise<void> = Promise.resolve();

/**
 * Speaks `lang` from now on: everything it needs is loaded first, then the catalogue is switched
 * (listeners redraw). Switches are made one after the other, in the order asked.
 */
export function applyLanguage(lang: Lang, digits: Digits = 'persian'): Promise<void> {
  pending = pending.then(async () => {
    // Either may fail (a chunk that cannot be fetched): the language is shown all the same, the
    // scenarios then in their own language, the text in a fallback face.
    await Promise.all([loadScenarioTexts(lang).catch(() => {}), loadFont(lang).catch(() => {})]);
    await setLanguage(lang, { digits });
    markDocument(lang);
  });
  return pending;
}
