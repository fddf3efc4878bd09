// Numbers, plurals, lists and dates in the language shown, through the platform's Intl (no library:
// PluralRules, NumberFormat, ListFormat and DateTimeFormat with the Solar Hijri calendar do it all,
// at no cost in bytes). Pure of the page: it reads only the language and digit setting it is given.

/** A language the player can choose. */
export type Lang = 'en' | 'fa';
/** What the screens can be drawn in: a language, or the pseudo-locale the tests use to find hard-coded text. */
export type UiLang = Lang | 'pseudo';
/** Digits for Persian: Persian (۱۲۳, the default) or Latin (123). English always uses Latin digits. */
export type Digits = 'persian' | 'latin';

export const LANGS: readonly Lang[] = ['en', 'fa'];

/** The pseudo-locale's markers: every catalogue text and every formatted number is wrapped in them. */
export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

/** First strong isolate and pop directional isolate: a Latin run (an acronym, "3.67%") set apart inside Persian. */
export const FSI = '\u2068';
export const PDI = '\u2069';

interface Formatters {
  fixed: Map<number, Intl.NumberFormat>;
  plural: Intl.PluralRules;
  list: Intl.ListFormat | null;
  date: Intl.DateTimeFormat;
}

export class Format {
  readonly locale: string;
  private readonly f: Formatters;

  constructor(
    readonly lang: UiLang,
    readonly digits: Digits = 'persian',
  ) {
    this.locale = lang === 'fa' ? `fa-IR-u-nu-${digits === 'persian' ? 'arabext' : 'latn'}` : 'en-GB';
    const dateLocale = lang === 'fa' ? `fa-IR-u-ca-persian-nu-${digits === 'persian' ? 'arabext' : 'latn'}` : 'en-GB';
    this.f = {
      fixed: new Map(),
      plural: new Intl.PluralRules(lang === 'fa' ? 'fa' : 'en'),
      list: typeof Intl.ListFormat === 'function' ? new Intl.ListFormat(lang === 'fa' ? 'fa' : 'en-GB', { type: 'conjunction' }) : null,
      date: new Intl.DateTimeFormat(dateLocale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
    };
  }

  get rtl(): boolean {
    return this.lang === 'fa';
  }

  private mark(s: string): string {
    return this.lang === 'pseudo' ? `${PSEUDO_OPEN}${s}${PSEUDO_CLOSE}` : s;
  }

  /** A number with exactly `digits` decimals (as `toFixed`, no grouping): 3.5 → "3.5" / "۳٫۵". */
  num(n: number, digits = 0): string {
    let nf = this.f.fixed.get(digits);
    if (!nf) {
      nf = new Intl.NumberFormat(this.locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false });
      this.f.fixed.set(digits, nf);
    }
    // -0 and a rounded-away minus print as 0, as toFixed would not: "−0.0" says nothing.
    const v = Number(n.toFixed(digits));
    return this.mark(nf.format(Object.is(v, -0) ? 0 : v));
  }

  /** A whole number with grouping for the large ones: 12 → "12", 12000 → "12,000" / "۱۲٬۰۰۰". */
  int(n: number): string {
    return this.mark(Math.round(n).toLocaleString(this.locale));
  }

  /**
   * A signed number: "+3", "−2" (a real minus), "0". In Persian the sign and digits are one isolated
   * run, so the sign stays on the left of the digits as Persian prints it (Intl's own way: "‎−۲").
   */
  signed(n: number, digits = 0): string {
    const v = Number(n.toFixed(digits));
    if (v === 0 || Object.is(v, -0)) return this.num(0, digits);
    const body = this.num(Math.abs(v), digits);
    return this.iso(`${v > 0 ? '+' : '−'}${body}`);
  }

  /** A share 0–1 as a percentage: 0.42 → "42%" / "۴۲٪". */
  pct(x: number, digits = 0): string {
    const body = this.num(x * 100, digits);
    return this.lang === 'fa' ? `${body}٪` : `${body}%`;
  }

  /** The plural category of `n` in this language ("one", "other", …). */
  pluralOf(n: number): Intl.LDMLPluralRule {
    return this.f.plural.select(n);
  }

  /** One of the forms by `n`'s plural category ("other" when the language has no form for it). */
  plural(n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): string {
    return forms[this.pluralOf(n)] ?? forms.other;
  }

  /** "a, b and c" / "a، b و c". */
  list(items: readonly string[]): string {
    if (this.f.list) return this.f.list.format(items);
    return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  }

  /** A date YYYY-MM-DD: "12 April 2025"; in Persian by the Solar Hijri calendar ("۲۳ فروردین ۱۴۰۴"). */
  date(iso: string): string {
    const t = Date.parse(`${iso}T12:00:00Z`);
    if (!Number.isFinite(t)) return iso;
    return this.mark(this.f.date.format(new Date(t)));
  }

  /**
   * A run that may read left to right (a Latin name, a number with its sign, a code), set apart in a
   * right-to-left text so it never reorders the words around it. In English, the text as it is.
   */
  iso(s: string): string {
    return this.rtl ? `${FSI}${s}${PDI}` : s;
  }
}
