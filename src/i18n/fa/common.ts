// فارسی: واژه‌های مشترک همهٔ صفحه‌ها.
import { f } from '../current';
import type { Catalogue } from '../en';

const common: Catalogue['common'] = {
  languageName: { en: 'English', fa: 'فارسی' },
  severity: {
    deescalation: 'کاهش تنش',
    'status-quo': 'حفظ وضع موجود',
    posturing: 'قدرت‌نمایی',
    nonviolent: 'تشدید بدون خشونت',
    violent: 'تشدید خشونت‌آمیز',
  },
  language: 'زبان',
  digits: 'ارقام',
  persianDigits: 'ارقام فارسی (۱۲۳)',
  latinDigits: 'ارقام لاتین (123)',
  ahead: '◀',
  back: '▶',
  outcomeHeadline: {
    'comprehensive-deal': 'توافقی جامع',
    'interim-deal': 'توافقی موقت',
    'no-deal': 'تا پایان مهلت توافقی حاصل نشد',
    walkout: 'گفت‌وگوها با ترک میز پایان یافت',
    recall: 'یکی از هیئت‌ها فراخوانده شد',
    conflict: 'بحران به جنگ انجامید',
  },
  settings: 'تنظیمات',
  sound: 'جلوه‌های صوتی',
  reducedMotion: 'کاهش حرکت (بدون لغزیدن و چرخیدن)',
  textSize: 'اندازهٔ متن',
  sizeNormal: 'معمولی',
  sizeLarge: 'بزرگ',
  sizeLarger: 'بزرگ‌تر',
  close: 'بستن',
  rollSentence: (r) => {
    const pct = (x: number) => f.iso(f.pct(x, 1));
    if (r.move === 'stay')
      return `پایان دور ${f.num(r.round)}: نردبان در پلهٔ «${r.to}» می‌ماند${r.odds ? ` (خطر ${pct(r.odds.hazard)})` : ''}.`;
    const title = r.move === 'up' ? `نردبان بالا رفت: از «${r.from}» به «${r.to}»` : `نردبان پایین آمد: از «${r.from}» به «${r.to}»`;
    const odds = r.odds ? ` خطر ${pct(r.odds.hazard)} بود و قرعه ${pct(r.odds.roll)}.` : '';
    const why = r.causes.length > 0 ? ` عوامل افزایش خطر در این دور: ${r.causes.join('؛ ')}.` : '';
    return `پایان دور ${f.num(r.round)}: ${title}.${odds}${why}${r.conflict ? ' مذاکرات به درگیری نظامی انجامید.' : ''}`;
  },
  unknownLanguage: (value) => `lang: بازی به انگلیسی (en) و فارسی (fa) است، نه «${value}»؛ زبان تنظیمات شما نمایش داده می‌شود.`,
};
export default common;
