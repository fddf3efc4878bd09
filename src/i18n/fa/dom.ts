// فارسی: بخش «dom» از فهرست پیام‌ها — صفحهٔ پیرامون بوم بازی، گزارش زنده و پنجره‌های گفت‌وگو.
// Same keys and arguments as en/dom.ts (the type checks it).
import { f } from '../current';
import type { Catalogue } from '../en';
import { FSI, PDI } from '../format';

/** A Latin run set apart in a constant text (read when the module loads, before Persian is shown). */
const iso = (s: string) => `${FSI}${s}${PDI}`;

/** تغییر تنش با علامتش: «+۱۵»، «−۶»، «+۰» (جدا از متن راست‌به‌چپ). */
const signed = (n: number) => f.iso(n < 0 ? `−${exact(-n)}` : `+${exact(n)}`);
const exact = (n: number) => f.num(n, Number.isInteger(n) ? 0 : Math.min((String(n).split('.')[1] ?? '').length, 6));

const dom: Catalogue['dom'] = {
  pageTitle: 'بک‌چنل — بازی مذاکرهٔ دیپلماتیک',
  gameName: 'بک‌چنل',
  settingsButton: 'تنظیمات',
  controlsRegion: 'کنترل‌های بازی',
  screenRegion: 'متن صفحه',
  logRegion: 'گزارش حرکت‌ها و رویدادها',

  whatHappened: 'آنچه گذشت',

  close: 'بستن',
  cancel: 'انصراف',

  shareTitle: 'هم‌رسانی این بازی',
  shareIntro: 'هر کس این پیوند را باز کند همان سناریو، همان بذر و همان جایگاه را می‌گیرد: همین بازی، حرکت به حرکت.',
  shareField: 'پیوند این بازی',
  copyAgain: 'رونوشت دوباره',
  linkCopied: 'پیوند در حافظهٔ موقت رونوشت شد.',
  linkSelected: `پیوند برگزیده شده است: برای رونوشت ${iso('Ctrl+C')} (در مک ${iso('⌘C')}) را بزنید.`,

  fileCannotBeUsed: (name, problems) => `«${f.iso(name)}» را نمی‌توان به کار برد: ${f.num(problems)} ایراد`,
  fileErrorsIntro: (name) =>
    `هر سطر جای ایراد در فایل و قاعده‌ای را که زیر پا گذاشته نام می‌برد، درست همان‌گونه که «${f.iso(`npx backchannel validate ${name}`)}» گزارش می‌دهد. آن‌ها را برطرف کنید و فایل را دوباره بارگذاری کنید؛ چیز دیگری تغییر نکرده است.`,
  copyErrors: 'رونوشت ایرادها',
  errorsCopied: 'ایرادها در حافظهٔ موقت رونوشت شدند.',
  errorsSelected: `ایرادها برگزیده شده‌اند: برای رونوشت ${iso('Ctrl+C')} (در مک ${iso('⌘C')}) را بزنید.`,

  facilitator: 'تسهیل‌گر',
  facilitatorPin: 'رمز تسهیل‌گر',
  openPanel: 'گشودن پنل',
  wrongPin: 'این رمز تسهیل‌گر نیست.',
  facilitatorPanel: 'پنل تسهیل‌گر',
  deadline: 'مهلت',
  shortenDeadline: () => `${f.num(1)} دور کوتاه‌تر`,
  extendDeadline: () => `${f.num(1)} دور بلندتر`,
  injectFromDeck: 'افزودن رویدادی از دستهٔ رویدادها',
  eventFromDeck: 'رویداد از دستهٔ رویدادها',
  injectEvent: 'افزودن رویداد',
  injectCustom: 'افزودن رویدادی دلخواه',
  eventTitle: 'عنوان',
  eventText: 'متن',
  severity: 'شدت',
  extraTension: 'تنش افزوده',
  injectCustomEvent: 'افزودن رویداد دلخواه',
  severityName: {
    deescalation: 'تنش‌زدایی',
    'status-quo': 'حفظ وضع موجود',
    posturing: 'قدرت‌نمایی',
    nonviolent: 'تشدید غیرخشونت‌آمیز',
    violent: 'تشدید خشونت‌آمیز',
  },
  customTension: (severityScore, extra, severity) =>
    `در مجموع ${signed(severityScore + extra)} به تنش این دور می‌افزاید: ${signed(severityScore)} برای شدت رویداد (${severity}) و ${signed(extra)} افزوده.`,
  speakFor: (mediator) => `از سوی ${mediator}: طرحی میانه روی میز بگذارید`,
  bridgeMidpoint: 'نقطهٔ میانی دو پیشنهاد',
  bridgeDraft: 'پیش‌نویس تیمی که پشت میز است',
  replayAndLink: 'بازپخش و پیوند این بازی (تا جمع‌بندی از دید تیم‌ها پنهان می‌ماند: رازهای هر دو طرف را نشان می‌دهد)',
  exportReplay: 'خروجی بازپخش',
  showLink: 'نمایش پیوند',
  gameLinkField: 'پیوند این بازی (سناریو، بذر و طرف)',
  closeAndLock: 'بستن و قفل کردن',
  facilitatorStatus: (round, deadline, rung, rungName, paused, hazard) =>
    `دور ${f.num(round)} از ${f.num(deadline)} · پلهٔ ${f.num(rung)} (${rungName}) · ${paused ? 'متوقف' : 'در جریان'} · خطر ${hazard !== null ? `نمایان (${f.pct(hazard, 1)})` : 'پنهان از تیم‌ها'}`,
  resumeTalks: 'از سرگیری گفت‌وگوها',
  pauseTalks: 'توقف گفت‌وگوها',
  hideHazard: 'پنهان کردن خطر از تیم‌ها',
  showHazard: 'نمایش خطر به تیم‌ها',
  needBothOffers: 'نخست هر دو طرف باید پیشنهادی روی میز داشته باشند',
  notDone: (error) => `انجام نشد: ${error}`,
  done: (what) => `انجام شد: ${what}`,

  perceptionCheck: 'سنجش برداشت',
  perceptionButton: (them) => `سنجش برداشت: در خلوت حدس بزنید اولویت نخست و خط قرمز ${them} چیست (دوری یک بار؛ نوبت شما را نمی‌گیرد)`,
  perceptionTitle: (round) => `سنجش برداشت — دور ${f.num(round)}`,
  perceptionAsk: (them, solo) =>
    `${solo ? 'در خلوت' : 'در خلوت و با هم‌تیمی‌ها'}: به گمان شما ${them} بیش از همه به چه اهمیت می‌دهد و خط قرمزش کجاست؟ پاسخ شما در جمع‌بندی امتیاز می‌گیرد و نوبت شما را نمی‌گیرد.`,
  theirTopPriority: (them) => `اولویت نخست ${them}`,
  theirRedLine: (them) => `خط قرمز ${them}`,
  notNow: 'اکنون نه',
  skipThisRound: 'گذشتن از این دور',
  recordMyGuess: 'ثبت حدس من',
  recordOurGuess: 'ثبت حدس ما',
  notRecorded: (error) => `ثبت نشد: ${error}`,

  classSetup: 'آماده‌سازی کلاس',
  classSetupIntro: `هر میزی که این پیوند را باز کند همان سناریو را با همان بذر بازی می‌کند: همان دستورکارهای محرمانه و همان رویدادها. برگه را چاپ کنید یا کد ${iso('QR')} را نشان دهید.`,
  format: 'شیوهٔ بازی',
  hotseatFormat: 'نوبتی: دو تیم پای یک صفحه',
  soloFormat: 'تک‌نفره در برابر هوش مصنوعی',
  pinOptional: 'رمز تسهیل‌گر (اختیاری)',
  tableBridgeOf: (mediator) => `طرح میانجی‌گری ${mediator} را روی میز بگذارد`,
  tableTheBridge: 'طرح میانجی را روی میز بگذارد',
  pinIntro: (bridge) =>
    `رمزی بگذارید تا در میانهٔ بازی پنل تسهیل‌گر باز شود (که می‌تواند بازی را متوقف کند، رویداد بیفزاید، مهلت را جابه‌جا کند، خطر را پنهان کند و ${bridge}). این رمز فقط در حافظهٔ همین زبانهٔ مرورگر می‌ماند.`,
  pin: 'رمز',
  changePin: 'تغییر رمز',
  setPin: 'گذاشتن رمز',
  pinIsSet: 'رمز تسهیل‌گر گذاشته شده است.',
  noPin: 'رمزی گذاشته نشده است: پنل تسهیل‌گر خاموش است.',
  pinNowSet: 'رمز تسهیل‌گر گذاشته شد. دکمهٔ «تسهیل‌گر» در میانهٔ بازی پیدا می‌شود.',
  afterTheLesson: 'پس از درس: فایل بازپخش هر میز را گرد آورید («خروجی بازپخش») و همه را با هم در ',
  classPageLink: 'صفحهٔ جمع‌بندی کلاس',
  afterTheLessonEnd: ` باز کنید (${iso('class.html')}، کنار همین بازی).`,
  copyTheLink: 'رونوشت پیوند',
  printTheSheet: 'چاپ برگه',
  doneButton: 'تمام',
  linkTooLongForQr: `این پیوند برای کد ${iso('QR')} بیش از اندازه بلند است.`,
  qrOfClassLink: `کد ${iso('QR')} پیوند کلاس`,
  classSheet: 'بک‌چنل — برگهٔ کلاس',
  scenario: 'سناریو',
  seed: 'بذر',
  counterpart: 'طرف مقابل',
  difficulty: 'دشواری',
  link: 'پیوند',
  soloFormatWords: (side) => `تک‌نفره — هر دانش‌آموز در نقش ${side} در برابر هوش مصنوعی بازی می‌کند`,
  teamOf: (party) => `تیم ${party}`,
  oneTeam: 'یک تیم',
  theOtherTeam: 'تیم دیگر',
  hotseatFormatWords: (teams) => `نوبتی — ${teams.join(' و ')} پای یک صفحه می‌نشینند`,
  sheetSteps:
    'پیوند را باز کنید (یا کد را اسکن کنید)، پشت میز بنشینید و راهنمای صفحهٔ تحویل نوبت را دنبال کنید. در پایان، بازپخش را بگیرید و تحویل دهید.',
};
export default dom;
