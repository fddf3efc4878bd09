// Which language the page speaks (the link, then Settings, then the browser), and the formats each
// language writes numbers, plurals, lists and dates in (the platform's Intl, checked against what
// Intl itself prints).
import { afterEach, describe, expect, it } from 'vitest';
import { applyLanguage, chooseLanguage } from '../../src/app/language';
import { Format } from '../../src/i18n/format';
import { isRtl, language, m, persianDigits, resetLanguage, shown } from '../../src/i18n/index';
import { loadShipped } from '../support/scenarios';

afterEach(() => resetLanguage());

describe('choosing the language', () => {
  it('takes the link first, then the saved setting, then the browser, else English', () => {
    expect(chooseLanguage('fa', 'en', ['en-GB'])).toEqual({ lang: 'fa', unknown: null });
    expect(chooseLanguage('FA-ir', null, [])).toEqual({ lang: 'fa', unknown: null });
    expect(chooseLanguage(null, 'fa', ['en-US'])).toEqual({ lang: 'fa', unknown: null });
    expect(chooseLanguage(null, null, ['de-DE', 'fa-IR', 'en'])).toEqual({ lang: 'fa', unknown: null });
    expect(chooseLanguage(null, null, ['de-DE'])).toEqual({ lang: 'en', unknown: null });
    // An unknown link value is reported (the title screen says so) and the next choice is used.
    expect(chooseLanguage('klingon', 'fa', [])).toEqual({ lang: 'fa', unknown: 'klingon' });
  });

  it('loads Persian (its catalogue and the scenarios’ translations) and marks the page right to left', async () => {
    await applyLanguage('fa');
    expect(language()).toBe('fa');
    expect(isRtl()).toBe(true);
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('fa');
    expect(m.common.settings).toBe('تنظیمات');
    const muscat = loadShipped('muscat-2026').scenario;
    const words = shown(muscat);
    expect(words.parties.iran?.short).toBe('ایران');
    // The rules' scenario is untouched: only the shown one speaks Persian.
    expect(muscat.parties.iran?.short).toBe('Iran');
    expect(words.issues.map((i) => i.options.length)).toEqual(muscat.issues.map((i) => i.options.length));
    await applyLanguage('en');
    expect(document.documentElement.dir).toBe('ltr');
    expect(shown(muscat)).toBe(muscat);
  });
});

describe('formats', () => {
  const en = new Format('en');
  const fa = new Format('fa');
  const faLatin = new Format('fa', 'latin');

  it('writes numbers as toFixed does in English, in Persian digits in Persian (or Latin, by choice)', () => {
    expect(en.num(3.456, 1)).toBe('3.5');
    expect(en.num(-0.04, 1)).toBe('0.0');
    expect(fa.num(3.456, 1)).toBe(new Intl.NumberFormat('fa-IR', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(3.5));
    expect(fa.num(12)).toBe('۱۲');
    expect(faLatin.num(12)).toBe('12');
    expect(en.pct(0.425, 1)).toBe('42.5%');
    expect(fa.pct(0.42)).toBe('۴۲٪');
    expect(en.signed(-2)).toBe('−2');
    expect(en.signed(3)).toBe('+3');
    expect(fa.int(12000)).toBe((12000).toLocaleString('fa-IR'));
  });

  it('chooses plural forms and joins lists by the language’s rules', () => {
    const forms = (f: Format, n: number) => f.plural(n, { one: 'one', other: 'other' });
    expect([forms(en, 1), forms(en, 2), forms(en, 0)]).toEqual(['one', 'other', 'other']);
    expect(forms(fa, 1)).toBe(new Intl.PluralRules('fa').select(1) === 'one' ? 'one' : 'other');
    expect(en.list(['a', 'b', 'c'])).toBe('a, b and c');
    expect(fa.list(['الف', 'ب'])).toBe(new Intl.ListFormat('fa', { type: 'conjunction' }).format(['الف', 'ب']));
  });

  it('dates the scenario in the Solar Hijri calendar in Persian', () => {
    expect(en.date('2026-02-06')).toBe('6 February 2026');
    expect(fa.date('2026-02-06')).toBe('۱۷ بهمن ۱۴۰۴');
    expect(faLatin.date('2026-02-06')).toBe('17 بهمن 1404');
    expect(en.date('not a date')).toBe('not a date');
  });

  it('isolates a Latin run inside Persian only', () => {
    expect(en.iso('IAEA')).toBe('IAEA');
    expect(fa.iso('x')).toBe('\u2068x\u2069');
  });

  it('writes a translator’s Latin digits in Persian ones, with Persian separators', () => {
    expect(persianDigits('2,000 کیلومتر، 3.67% و سال 2015')).toBe('۲٬۰۰۰ کیلومتر، ۳٫۶۷٪ و سال ۲۰۱۵');
    expect(persianDigits('1, 2')).toBe('۱, ۲');
  });
});
