// فارسی: بخش «app» از فهرست پیام‌ها — نام صفحه‌ها در گزارش زنده، ایرادهای پیوند، ذخیره، فایل
// بازپخش و فایل سناریو، و پیام‌های بازی برخط و کلاس زنده. Same keys and arguments as en/app.ts.
// Values quoted from a link or a file, ids, codes and the server's own words are Latin runs: each is
// set apart with `f.iso` so that it never reorders the Persian around it.
import { f } from '../current';
import type { Catalogue } from '../en';
import { FSI, PDI } from '../format';

/** A Latin run set apart in a constant text (read when the module loads, before Persian is shown). */
const iso = (s: string) => `${FSI}${s}${PDI}`;
const EXAMPLE_CODE = iso('K7QW-M3ZP');

/** A close code from the server. */
const code = (n: number) => f.iso(Number.isFinite(n) ? f.num(n) : String(n));

/** «الف، ب یا ج» (each an id, set apart). */
const either = (items: readonly string[]) => {
  const shown = items.map((i) => f.iso(i));
  return shown.length < 2 ? (shown[0] ?? '') : `${shown.slice(0, -1).join('، ')} یا ${shown[shown.length - 1]}`;
};
const all = (items: readonly string[]) => items.map((i) => f.iso(i)).join('، ');

const app: Catalogue['app'] = {
  screenName: {
    title: 'صفحهٔ آغاز',
    briefing: 'دستورکار محرمانه',
    agenda: 'کشمکش بر سر دستور مذاکره',
    rounds: 'پشت میز مذاکره',
    outcome: 'گفت‌وگوها به پایان رسید',
    debrief: 'جمع‌بندی',
    replay: 'بازپخش',
    handoff: 'تحویل نوبت',
  },
  notAllowed: (error) => `مجاز نیست: ${f.iso(error)}`,

  notAScenario: (value, ids) =>
    `${f.iso(value)} سناریو نیست (${iso('scenario=')}): یکی از ${either(ids)} را برگزینید. برای سناریوی خودتان، فایلش را با دکمهٔ بارگذاری فایل باز کنید.`,
  emptySeed: `بذرِ پیوند خالی است (${iso('seed=')}): بذر تازه‌ای برگزیده شد.`,
  badLinkSeed: (error, length) =>
    `بذرِ پیوند (${iso('seed=')}) را نمی‌توان به کار برد: ${f.iso(error)}${length !== null ? ` (طول آن ${f.int(length)} است)` : ''}. بذر تازه‌ای برگزیده شد.`,
  notASideOf: (value, parties) => `${f.iso(value)} طرفی از این سناریو نیست: ${either(parties.map((p) => `side=${p}`))} را به کار ببرید.`,
  notASide: (value) => `${f.iso(value)} طرف نیست (${iso('side=')}): طرف، شناسهٔ یکی از طرف‌های سناریوست.`,
  notAMode: (value) => `${f.iso(value)} شیوهٔ بازی نیست: ${iso('mode=solo')}، ${iso('hotseat')} یا ${iso('replay')} را به کار ببرید.`,
  notATableCodeLink: (value) => `${f.iso(value)} کد میز نیست (${iso('table=')}): کد چیزی شبیه ${EXAMPLE_CODE} است.`,
  notAClassCodeLink: (value) => `${f.iso(value)} کد کلاس نیست (${iso('class=')}): کد چیزی شبیه ${EXAMPLE_CODE} است.`,
  tableAndClass: `پیوند هم میز را نام می‌برد و هم کلاس را (${iso('table=')} و ${iso('class=')}): به میز پیوستید.`,
  notAWatchSetting: (value) =>
    `${f.iso(value)} مقدار درستی برای تماشا نیست: برای تماشای یک میز ${iso('watch=1')} را (همراه ${iso('table=')}) به کار ببرید.`,
  notACounterpartLink: (value, ids) =>
    `${f.iso(value)} طرف مقابلی از این سناریو نیست (${iso('personality=')})${ids ? `: یکی از ${either(ids)} را برگزینید` : ''}؛ گزینهٔ پیش‌فرض به کار رفت.`,
  notADifficultyLink: (value, ids) =>
    `${f.iso(value)} سطح دشواری نیست (${iso('difficulty=')})${ids ? `: یکی از ${either(ids)} را برگزینید` : ''}؛ گزینهٔ پیش‌فرض به کار رفت.`,
  notACounterpart: (value) => `${f.iso(value)} طرف مقابلی در این سناریو نیست؛ گزینهٔ پیش‌فرض به کار رفت.`,
  notADifficulty: (value) => `${f.iso(value)} سطح دشواری در این سناریو نیست؛ گزینهٔ پیش‌فرض به کار رفت.`,

  scenarioHasErrors: (id) => `سناریوی ${f.iso(id)} ایراد دارد و بازی‌کردنی نیست.`,
  openAReplay: 'برای تماشا، فایل بازپخشی را باز کنید (یا آن را روی همین صفحه رها کنید).',
  createOrJoin: 'میزی بسازید یا با کدش به میزی بپیوندید.',
  enterASeed: 'بذری وارد کنید (هر واژه یا عددی).',
  badSeed: (error) => `این بذر را نمی‌توان به کار برد: ${f.iso(error)}.`,
  unknownScenario: (id, ids) =>
    `سناریوی ناشناختهٔ ${f.iso(id)} (این بازی ${all(ids)} را دارد؛ سناریویی که از فایل می‌آید باید نخست در صفحهٔ آغاز بارگذاری شود)`,

  cannotContinue: (error) => `بازی ذخیره‌شده را نمی‌توان ادامه داد: ${f.iso(error)}.`,
  forkNotSaved: 'این شاخه ذخیره نمی‌شود: بازی نوبتیِ در جریان روی این دستگاه، جای ذخیره را نگه می‌دارد.',
  savingUnavailable: (error) => `ذخیره‌سازی در دسترس نیست (${f.iso(error)})؛ بازی بی‌ذخیره ادامه می‌یابد.`,
  saveUnreadable: (cause, key) => `آخرین ذخیره خوانده نشد (${f.iso(cause)})؛ با نام «${f.iso(key)}» کنار گذاشته شد.`,
  noLocalStorage: 'این مرورگر حافظهٔ محلی ندارد',

  replayCannotBeShown: (error) => `این بازپخش را نمی‌توان نشان داد: ${error}.`,
  replayTooLarge: (name, megabytes, limit) =>
    `${f.iso(name)} ${f.num(megabytes, 1)} مگابایت است، بیش از سقف ${f.num(limit)} مگابایتی بازپخش‌ها`,
  browserCouldNotRead: (name) => `مرورگر نتوانست ${f.iso(name)} را بخواند`,
  replayUnreadable: (error) => `بازپخش خوانده نشد (${f.iso(error)})`,
  notJson: (error) => `فایل، JSON درستی نیست (${f.iso(error)})`,
  replayOfUnknownScenario: (id, ids) =>
    `این بازپخش از سناریوی ${f.iso(id)} است که این بازی آن را ندارد (این بازی ${all(ids)} را دارد؛ اگر از فایل سناریویی آمده، نخست آن فایل را در صفحهٔ آغاز بارگذاری کنید)`,
  replayScenarioHasErrors: (id) => `سناریوی ${f.iso(id)} ایراد دارد و بازی‌کردنی نیست`,
  cannotGoOnFromHere: (error) => `بازی از این نقطه نمی‌تواند ادامه یابد (${f.iso(error)})`,

  gameCouldNotGoOn: (cause) => `بازی نتوانست ادامه یابد (${f.iso(cause)}): به همان جایی برگشت که پیش از آن بود`,
  unknownError: 'خطای ناشناخته',

  fileUnreadable: (name) => `${f.iso(name)}: مرورگر نتوانست فایل را بخواند`,
  checkerUnavailable: (name) =>
    `${f.iso(name)}: بررسی‌کنندهٔ سناریو بارگذاری نشد (آیا سرور بازی هنوز روشن است؟)؛ صفحه را دوباره بارگذاری کنید و باز بکوشید`,

  secretsLocked: 'در جمع‌بندی، یا با رمز تسهیل‌گر، در دسترس است',

  connecting: 'در حال اتصال به سرور بازی…',
  enterTableCode: `کد میز را وارد کنید (چیزی شبیه ${EXAMPLE_CODE}).`,
  notATableCode: (typed) => `«${f.iso(typed)}» کد میز نیست: کد ${f.num(8)} حرف و رقم دارد، چیزی شبیه ${EXAMPLE_CODE}.`,
  connectionLost: 'اتصال به میز قطع شد: در حال اتصال دوباره…',
  spectatorsCannotMove: 'شما تماشاگر این میز هستید: تماشاگران نمی‌توانند حرکتی بکنند',
  notConnected: 'به میز وصل نیستید: در حال اتصال دوباره…',
  noFacilitatorOnline: 'ابزارهای تسهیل‌گر در میز برخط در دسترس نیستند',
  connectionClosed: (closeCode) => `اتصال بسته شد (کد ${code(closeCode)})`,
  tableClosedConnection: (closeCode) => `میز اتصال را بست (کد ${code(closeCode)})`,
  lostTableWatching: (table, why) =>
    `اتصال به میز ${f.iso(table)} از دست رفت (${f.iso(why)}). برای تماشای دوباره، صفحه را از نو بارگذاری کنید.`,
  lostTableSeat: (table, why) =>
    `اتصال به میز ${f.iso(table)} از دست رفت (${f.iso(why)}). صفحه را از نو بارگذاری کنید و دوباره بکوشید: جای شما محفوظ است.`,
  noSuchTable: (table) => `میزی با کد ${f.iso(table)} نیست (کد را بررسی کنید).`,
  serverRefused: (error) => `سرور بازی نپذیرفت: ${f.iso(error)}.`,
  serverUnreachable: `به سرور بازی دسترسی نیست. بازی برخط به سرور بازی نیاز دارد (${iso('npm run serve')}).`,
  joiningTableFailed: (table, error) => `پیوستن به میز ${f.iso(table)} ناکام ماند: ${f.iso(error)}.`,
  watchingTableFailed: (table, error) => `تماشای میز ${f.iso(table)} ناکام ماند: ${f.iso(error)}.`,
  creatingTableFailed: (error) => `ساختن میز ناکام ماند: ${f.iso(error)}.`,
  noFreeSeat: (table) => `میز ${f.iso(table)} جای خالی ندارد: هر دو جایگاه پر است. می‌توانید به جای آن، بازی را تماشا کنید.`,
  tableScenarioMissing: (table, id) => `میز ${f.iso(table)} سناریوی ${f.iso(id)} را بازی می‌کند که این صفحه آن را ندارد.`,
  tableScenarioVersion: (table, id) => `میز ${f.iso(table)} نسخهٔ دیگری از ${f.iso(id)} را بازی می‌کند: صفحه را از نو بارگذاری کنید.`,

  enterClassCode: `کد کلاسی را که معلمتان داده وارد کنید (چیزی شبیه ${EXAMPLE_CODE}).`,
  notAClassCode: (typed) => `«${f.iso(typed)}» کد کلاس نیست: کد ${f.num(8)} حرف و رقم دارد، چیزی شبیه ${EXAMPLE_CODE}.`,
  leaveTableFirst: (table) => `میز ${f.iso(table)} که این‌جا ساخته شده چشم‌به‌راه بازیکن دیگر است: نخست از آن بیرون بیایید.`,
  alreadyJoining: (klass) => `در حال پیوستن به کلاس ${f.iso(klass)} هستید.`,
  enterTeamName: 'برای پیوستن به کلاس، نام تیمتان را وارد کنید.',
  classForgotTeam: (klass) => `کلاس ${f.iso(klass)} دیگر تیمِ این دستگاه را نمی‌شناسد: برای پیوستن دوباره، نام تیمتان را وارد کنید.`,
  notAClass: (klass) => `${f.iso(klass)} کد کلاس نیست: کد میز را با گزینهٔ پیوستن به میز وارد کنید.`,
  seatedBeforeWelcome: (klass) => `کلاس ${f.iso(klass)} پیش از پذیرفتن تیم، میزی به آن داد: دوباره به کلاس بپیوندید.`,
  classConnectionLost: (klass, closed) =>
    `اتصال به کلاس ${f.iso(klass)} از دست رفت (کد ${code(closed)}). دوباره به کلاس بپیوندید: جای تیمتان محفوظ است.`,
  classClosedConnection: (klass, closed) => `کلاس ${f.iso(klass)} اتصال را بست (کد ${code(closed)}).`,
  noSuchClass: (klass) => `کلاسی با کد ${f.iso(klass)} نیست (کد را بررسی کنید).`,
  classServerUnreachable: `به سرور بازی دسترسی نیست. کلاس به سرور بازی نیاز دارد (${iso('npm run serve')}).`,
  joiningClassFailed: (klass, error) => `پیوستن به کلاس ${f.iso(klass)} ناکام ماند: ${f.iso(error)}.`,
};
export default app;
