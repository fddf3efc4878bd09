// فارسی: بخش «table» از فهرست پیام‌ها (میز مذاکره، صفحهٔ پایان و کارت‌ها و پنل‌های آن). Same keys and
// arguments as en/table.ts (the type checks it). Names come from the scenario, numbers through `f`.
import { f } from '../current';
import type { Catalogue } from '../en';

/** A scenario's own number with as many decimals as it has. */
const asIs = (n: number): string => f.num(n, (String(n).split('.')[1] ?? '').length);
/** A signed number, isolated so its sign stays in front in a right-to-left line. */
const signed = (n: number): string => f.iso(n >= 0 ? `+${asIs(n)}` : `−${asIs(-n)}`);
const pctOf = (x: number, digits = 1): string => f.iso(f.pct(x, digits));

const TONE_ADJ = { conciliatory: 'آشتی‌جویانه', firm: 'قاطع', threat: 'تهدیدآمیز' } as const;

const table: Catalogue['table'] = {
  // Shared
  cardOf: (i, n) => `${f.num(i)} از ${f.num(n)}`,
  roundN: (round) => `دور ${f.num(round)}`,
  roundOf: (round, of) => `دور ${f.num(round)} از ${f.num(of)}`,
  n: (n) => f.num(n),
  percent: (n) => `${f.num(n)}٪`,
  percentRange: (lo, hi) => `${f.num(lo)}–${f.num(hi)}٪`,
  points: (n) => `${f.num(n)} امتیاز`,
  sep: '؛ ',
  readLabel: (words, title) => `${words} (پس از خواندن: ${title})`,
  you: '(شما)',
  twoParties: (a, b) => `${a} و ${b}`,
  versus: (a, b) => `${a} در برابر ${b}`,

  // The header
  atTable: (venue) => (venue ? `پشت میز مذاکره در ${venue}` : 'پشت میز مذاکره'),
  talksOver: 'مذاکرات به پایان رسید',
  watching: 'تماشاگر',
  deadline: 'مهلت',
  exportReplay: 'ذخیرهٔ بازپخش',
  exportReplayLabel: (why) => `ذخیرهٔ بازپخش: پروندهٔ بازپخش بازی تا این لحظه را بارگیری کنید${why}`,
  copyLink: 'رونوشت پیوند',
  copyLinkLabel: (why) => `رونوشت پیوند: پیوندی که همین بازی را (سناریو، بذر و طرف) از نو آغاز می‌کند${why}`,
  lockedWhy: ' (در بازی نوبتی، در جمع‌بندی یا با رمز گرداننده در دسترس است)',
  savingUnavailable: 'ذخیره‌سازی در دسترس نیست',

  // Cards
  nextEvent: 'رویداد بعدی',
  nextCard: 'کارت بعدی',
  backToTable: 'بازگشت به میز',
  continue: 'ادامه',
  breaking: 'خبر فوری',
  theTalks: 'محل مذاکرات',
  effects: 'پیامدها',
  basedOn: (source) => `برگرفته از: ${source}`,
  fxTension: (severity, score) => `${severity}: تنش ${signed(score)} در این دور`,
  fxShock: (shock) => `شوک ${asIs(shock)}: خطر در این دور جهش می‌کند`,
  fxRung: (rung) => `بحران ${asIs(Math.abs(rung))} پله ${rung > 0 ? 'بالا' : 'پایین'} می‌رود`,
  fxSupport: (party, d) => `حمایت از ${party} ${signed(d)}`,
  fxIntel: (party) => `${party} از اولویت‌های طرف مقابل آگاهی بیشتری به دست می‌آورد`,
  fxDeadline: (d) => `مهلت ${asIs(Math.abs(d))} دور ${d > 0 ? 'تمدید می‌شود' : 'جلو می‌افتد'}`,
  eventHeading: (title) => `رویداد: ${title}`,

  // The round-end escalation card and the wire's line for it
  escalationEnd: (round) => `تشدید تنش · پایان دور ${f.num(round)}`,
  escalationHeading: (title) => `تشدید تنش: ${title}`,
  andMore: (n) => `…و ${f.num(n)} مورد دیگر`,
  rollTitle: (move, from, to) =>
    move === 'up'
      ? `نردبان بالا می‌رود: ${from} ← ${to}`
      : move === 'down'
        ? `نردبان پایین می‌آید: ${from} ← ${to}`
        : `نردبان در «${to}» می‌ماند`,
  rollHazard: (round, hazard) => `خطر در دور ${f.num(round)}: ${pctOf(hazard)}`,
  rollRoll: (move, roll, hazard) =>
    move === 'up'
      ? `قرعه ${f.iso(f.num(roll, 3))} (${pctOf(roll)})، کمتر از خطر ${pctOf(hazard)}: بحران یک پله بالا رفت`
      : move === 'down'
        ? `قرعه ${f.iso(f.num(roll, 3))} (${pctOf(roll)})، با تنش پایین به اندازهٔ کافی بالا بود: بحران یک پله پایین آمد`
        : `قرعه ${f.iso(f.num(roll, 3))} (${pctOf(roll)})، کمتر از خطر ${pctOf(hazard)} نبود: بحران در همان پله ماند`,
  rollHidden: (round) => `قرعهٔ تشدید تنش دور ${f.num(round)} (گرداننده خطر را پنهان کرده است)`,
  rollConflict: 'بالاترین پله: مذاکرات به درگیری می‌انجامد',
  raisedBy: (cause, delta) =>
    `افزایش به سبب: ${cause}${delta === null ? '' : ` (${f.iso(`${delta > 0 ? '+' : '−'}${f.num(Math.abs(delta) * 100, 1)}`)} واحد درصد)`}`,
  easedBy: (cause, delta) =>
    `کاهش به سبب: ${cause}${delta === null ? '' : ` (${f.iso(`${delta > 0 ? '+' : '−'}${f.num(Math.abs(delta) * 100, 1)}`)} واحد درصد)`}`,
  rollNothing: 'در این دور چیزی بر خطر نیفزود: تنش از دورهای پیشین باقی مانده است',
  wireHolds: (to, hazard) => `نردبان در «${to}» می‌ماند${hazard === null ? '' : ` (خطر ${pctOf(hazard)})`}.`,
  wireMoves: (round, up, from, to, odds, conflict) =>
    `پایان دور ${f.num(round)}: نردبان ${up ? 'بالا می‌رود' : 'پایین می‌آید'}، ${from} ← ${to}${odds ? ` (خطر ${pctOf(odds.hazard)}، قرعه ${pctOf(odds.roll)})` : ''}.${conflict ? ' مذاکرات به درگیری می‌انجامد.' : ''}`,

  // The draft's worth
  draftWorth: 'ارزش پیش‌نویس شما برای خودتان',
  walkAwayMark: (n) => `ترک مذاکره ${f.num(n)}`,
  theirOfferNamed: (party) => `پیشنهاد ${party}، برای شما`,
  theirOffer: 'پیشنهاد طرف مقابل، برای شما',
  noneYet: 'هنوز هیچ',
  belowYourWalkAway: 'کمتر از ارزش ترک مذاکرهٔ شما',
  draftToThem: 'پیش‌نویس برای آنان (برآورد)',

  // The moves
  tone: { conciliatory: 'آشتی‌جویانه', firm: 'قاطع', threat: 'تهدیدآمیز' },
  statementCaption: (tone) => `بیانیهٔ ${tone}`,
  statementLabel: (tone, words, support, tension) =>
    `صدور بیانیهٔ علنی ${TONE_ADJ[tone]}: «${words}» حمایت ${signed(support)}، تنش ${signed(tension)}.`,
  belowConfirm: (concession) => `کمتر از ارزش ترک مذاکرهٔ شما. برای ادامه، ${concession ? 'دکمهٔ امتیاز' : 'این حرکت'} را دوباره بزنید.`,
  warnBelow: (n) => `هشدار: کمتر از ارزش ترک مذاکرهٔ شما (${f.num(n)}).`,
  propose: 'ارائهٔ این بسته',
  proposeLabel: (n) => `ارائهٔ بستهٔ پیش‌نویس شما (با ارزش ${f.num(n)} برای شما)`,
  acceptCaption: (party, n) => (n === null ? `پذیرش پیشنهاد ${party}` : `پذیرش پیشنهاد ${party} (${f.num(n)})`),
  acceptLabel: (party, n, terms) => `پذیرش پیشنهاد فعلی ${party}، با ارزش ${f.num(n)} برای شما: ${terms}.`,
  acceptNone: (party) => `پذیرش پیشنهاد ${party} (پیشنهادی روی میز نیست)`,
  endorse: (mediator) => `تأیید طرح ${mediator}`,
  endorseLabel: (mediator, n, terms) => `تأیید طرح میانجی‌گرانهٔ ${mediator}، با ارزش ${f.num(n)} برای شما: ${terms}.`,
  endorseNone: (mediator) => `تأیید طرح میانجی‌گرانهٔ ${mediator} (طرحی ارائه نشده است)`,
  recess: (mediator) => `${mediator}: درخواست تنفس`,
  recessLabel: (mediator) => `درخواست تنفس از ${mediator}: دور زودتر پایان می‌یابد و تنش کاهش می‌یابد`,
  bridge: (mediator) => `${mediator}: ارائهٔ طرح میانجی`,
  bridgeLabel: (mediator, gap, threshold) =>
    `درخواست طرح میانجی‌گرانه از ${mediator}: فاصلهٔ دو پیشنهاد ${f.num(gap)} امتیاز است، در حد ${f.num(threshold)} امتیازی که ${mediator} در آن میانجی‌گری می‌کند`,
  bridgeNeedsOffers: (mediator) => `${mediator}: طرح میانجی ${f.num(2)} پیشنهاد می‌خواهد`,
  bridgeGap: (mediator, apart, atMost) => `${mediator}: فاصله ${apart}، باید ≤${atMost} باشد`,
  bridgeNotNow: (mediator, reason) => `درخواست طرح میانجی‌گرانه از ${mediator}: اکنون نه. ${reason}`,
  bridgeCannot: (mediator, ended, why) => `${mediator} ${ended ? 'دیگر' : 'هنوز'} نمی‌تواند طرح میانجی ارائه کند: ${why}`,
  whyOver: 'مذاکرات به پایان رسیده است',
  whyNotAtTable: 'مذاکرات هنوز به میز نرسیده است',
  whyMissing: (parties) =>
    `هر دو پیشنهاد باید روی میز باشد، و ${parties.join(' و ')} هنوز پیشنهادی ${parties.length > 1 ? 'نداده‌اند' : 'نداده است'}`,
  whyGap: (apart, atMost) => `فاصلهٔ دو پیشنهاد ${apart} امتیاز است؛ میانجی تنها وقتی طرح می‌دهد که فاصله حداکثر ${atMost} باشد`,
  walkout: 'ترک مذاکره',
  walkoutLabel: 'ترک مذاکرات: بازی بدون توافق پایان می‌یابد',
  hazardAfter: (after, now) => `خطر قرعهٔ پیش رو پس از این حرکت، پیش از پاسخ طرف مقابل: ${after} (اکنون ${now}).`,
  confirmBelow: 'تأیید: کمتر از ترک مذاکره',
  confirmLabel: (label) => `تأیید: ${label} برای ادامه دوباره بزنید.`,
  notAllowed: (error) => `مجاز نیست: ${error}`,
  thinking: (party) => `${party} در حال سنجیدن است…`,
  openBrief: 'دستورالعمل شما',
  openBriefLabel: 'دستورالعمل شما: اولویت‌ها، خطوط قرمز، ارزش ترک مذاکره و برداشت خود از طرف مقابل را دوباره بخوانید',

  // The table's text version
  none: 'هیچ',
  standingOffer: (party, offer) => `پیشنهاد فعلی ${party}: ${offer}.`,
  bridgeOffer: (mediator, offer) => `طرح ${mediator}: ${offer}.`,
  yourStandingOffer: (offer) => `پیشنهاد فعلی شما: ${offer}.`,
  yourDraftLine: (offer, worth, walkAway) =>
    `پیش‌نویس شما: ${offer}، با ارزش ${f.num(worth)} برای شما؛ ارزش ترک مذاکره ${f.num(walkAway)} است.`,
  stateOfPlay: 'وضعیت بازی',
  roundLine: (round, of, turn) =>
    `دور ${f.num(round)} از ${f.num(of)}. ${turn === 'mine' ? 'نوبت شماست.' : turn === 'theirs' ? 'در انتظار.' : ''}`.trim(),
  escalationHidden: (rung, name) => `تشدید تنش: پلهٔ ${f.num(rung)}، ${name}. گرداننده خطر را پنهان کرده است.`,
  escalationLine: (rung, name, hazard, tension) =>
    `تشدید تنش: پلهٔ ${f.num(rung)}، ${name}. خطر قرعهٔ پایان دور در وضع کنونی ${f.num(hazard * 100, 1)} درصد؛ ${tension}.`,
  supportLine: (parts) => `حمایت داخلی: ${parts.map((p) => `${p.party} ${f.num(p.value)}`).join('، ')}.`,
  paused: 'متوقف',

  // The issue board
  theTable: 'میز مذاکره',
  yourStanding: 'پیشنهاد فعلی شما',
  standingOf: (party) => `پیشنهاد فعلی ${party}`,
  bridgeOf: (mediator) => `طرح ${mediator}`,
  optionLabel: (issue, option, inDraft, notes, worth) =>
    `${issue}: ${option}${inDraft ? '، در پیش‌نویس شما' : ''}${notes.length ? `؛ ${notes.join('؛ ')}` : ''}.${worth === null ? '' : ` ارزش آن برای شما ${f.num(worth)}٪ از این موضوع است.`}`,
  confirm: 'تأیید',
  concede: 'امتیاز',
  concedeLabel: (o) =>
    `${o.confirming ? 'تأیید: دادن امتیاز' : 'دادن امتیاز'} در ${o.issue}: پیشنهاد شما از «${o.from}» به «${o.to}» تغییر می‌کند؛ ارزش پیشنهاد شما برایتان ${f.num(o.after)} خواهد شد (اکنون ${f.num(o.before)}؛ ترک مذاکره ${f.num(o.walkAway)}).${o.below ? ' هشدار: کمتر از ارزش ترک مذاکرهٔ شما.' : ''}${o.confirming ? ' برای دادن امتیاز دوباره بزنید.' : ''}`,
  concedeDescription: (from, to, after, below) =>
    `${from} ← ${to}: با ارزش ${f.num(after)} برای شما${below ? '، کمتر از ارزش ترک مذاکره' : ''}`,
  legendOffer: (party) => `پیشنهاد ${party}`,
  legendBridge: (mediator) => `طرح ${mediator}`,
  legendOffers: (glyphs) => `${glyphs} پیشنهادها`,
  legendYourDraft: 'پیش‌نویس شما',
  legendConcession: 'جای امتیاز',
  legendDraft: 'پیش‌نویس',
  legendConcessionShort: 'امتیاز',

  // The ladder
  ladder: 'نردبان تشدید تنش',
  hazardLevel: { severe: 'شدید', elevated: 'بالا', low: 'کم' },
  hazardRoll: 'خطر قرعهٔ پایان دور',
  hazardHidden: 'پنهان‌شده به دست گرداننده',
  hazardNow: 'خطر قرعهٔ پایان دور، اکنون',
  moveName: {
    conciliatory: 'آشتی‌جویانه',
    firm: 'قاطع',
    threat: 'تهدید',
    propose: 'پیشنهاد',
    concede: 'امتیاز',
    accept: 'پذیرش',
    'endorse bridge': 'تأیید طرح میانجی',
    bridge: 'طرح میانجی',
    recess: 'تنفس',
    'walk out': 'ترک مذاکره',
  },
  previewLine: (groups) => `حرکت شما، پیش از پاسخ طرف مقابل: ${groups}`,
  comma: '، ',

  // Support at home
  supportAtHome: 'حمایت داخلی',
  recallLine: 'آستانهٔ فراخوان',
  pressureLine: 'فشار تندروها',

  // The counterpart
  waitingOpening: 'در انتظار نخستین حرکت شما.',
  askedBridge: (mediator) => `از ${mediator} خواست میان دو پیشنهاد پل بزند.`,
  theMediator: (mediator) => `${mediator}، میانجی`,
  seatLeft: (party) => `هیئت ${party} میز را ترک کرده است (ارتباطشان قطع شده). می‌توانند با پیوند خود بازگردند.`,
  letAi: (party) => `واگذاری ${party} به هوش مصنوعی`,
  letAiLabel: (personality, party) => `از حرکت بعد، هوش مصنوعی (${personality}) به جای ${party} بازی کند`,

  // The wire
  wire: 'اخبار',

  // The reason field
  reasonHeading: 'چرا؟ یک خط، برای یادداشت تیم شما',
  reasonLabel: 'چرا؟ یک خط برای یادداشت تیم شما، که با حرکت بعدی‌تان فرستاده می‌شود (اختیاری)',
  reasonPlaceholder: 'اختیاری: چرا این حرکت؟',

  // The pause
  pausedHeadline: 'متوقف‌شده به دست گرداننده',
  pausedDetail: 'تا گرداننده مذاکرات را از سر نگیرد، هیچ طرفی نمی‌تواند حرکتی کند. پیش‌نویس و دلیل شما حفظ می‌شوند.',
  pausedSentence: 'متوقف‌شده به دست گرداننده: تا گرداننده مذاکرات را از سر نگیرد، هیچ طرفی نمی‌تواند حرکتی کند.',

  // The teacher's message
  fromTeacher: 'پیامی از معلم شما',
  timeLeft: (clock) => `زمان باقی‌مانده: ${clock}.`,
  timeIsUp: 'زمان به پایان رسید.',
  noticeClassEnded: 'کلاس تمام شد: سپاسگزاریم. معلم شما جمع‌بندی را هدایت می‌کند.',
  noticeRoundTimer: (round, of, minutes) => `دور ${f.num(round)} از ${f.num(of)}: ${f.num(minutes)} دقیقه برای این دور.`,
  timeIsUpClock: 'زمان تمام شد',
  teacherTimeUp: 'پیامی از معلم شما: زمان به پایان رسید.',
  dismiss: 'بستن',
  dismissLabel: (message) => `بستن پیام معلم: ${message}`,

  // Watching
  watchingNote: 'شما تماشاگرید: حرکت‌ها همان‌گونه که هیئت‌ها انجام می‌دهند نمایش داده می‌شوند.',
  whoseOver: 'مذاکرات به پایان رسیده است',
  whosePaused: 'متوقف‌شده به دست گرداننده',
  toMove: (party) => `نوبت ${party}`,
  toMoveMark: 'نوبت حرکت',
  watchingTable: (code) => `تماشای میز ${f.iso(code)}`,

  // Your brief
  narrowed: (round) => (round === null ? 'با اطلاعات تازه محدودتر شد' : `با اطلاعات تازه در دور ${f.num(round)} محدودتر شد`),
  briefOpenHeading: 'دستورالعمل شما (باز است: «بستن دستورالعمل» شما را به میز بازمی‌گرداند)',
  walkAwayWorth: (n) =>
    `ارزش ترک مذاکره برای شما ${f.num(n)} امتیاز (از ${f.num(100)}) است. هر توافقی با ارزش کمتر، از نبود توافق بدتر است.`,
  priority: (p) => `اولویت: ${p}`,
  howMuchMatters: 'اهمیت هر موضوع برای شما',
  issueShare: (issue, n) => `${issue}: ${f.num(n)} درصد از اولویت‌های شما`,
  redLines: 'خطوط قرمز',
  believeHeading: (party) => `برداشت شما از آنچه برای ${party} مهم است`,
  believeAsOf: (party, round) => `برداشت شما از آنچه برای ${party} مهم است، تا دور ${f.num(round)}`,
  believedRange: (issue, lo, hi) => `${issue}: ${f.num(lo)} تا ${f.num(hi)} درصد از اولویت‌های آنان`,
  narrowedNote: (issue, words, lo, hi) => `${issue}: ${words} (دستورالعمل شما ${f.num(lo)} تا ${f.num(hi)} درصد می‌گفت).`,
  narrowedNoteShort: (issue, words, lo, hi) => `${issue}: ${words} (دستورالعمل شما ${f.num(lo)}–${f.num(hi)}٪ می‌گفت).`,
  noIntel: 'هنوز هیچ اطلاعاتی این بازه‌ها را تغییر نداده است.',
  noIntelDrawer: 'هنوز هیچ اطلاعاتی این بازه‌ها را تغییر نداده است: همان‌اند که دستورالعمل شما می‌گفت.',
  theirWalkAway: (lo, hi) => `گمان می‌رود ارزش ترک مذاکره برای آنان میان ${f.num(lo)} و ${f.num(hi)} امتیاز باشد.`,
  eyesOnly: 'دستورالعمل شما · سری',
  priorities: 'اولویت‌ها',
  intel: 'اطلاعات',
  close: 'بستن',
  closeBriefLabel: 'بستن دستورالعمل و بازگشت به میز',

  theTerms: 'مفاد توافق',
  noAgreement: 'بدون توافق',
  noAgreementLine: 'توافقی حاصل نشد.',
  notOnAgenda: '(خارج از دستور کار)',
  noDealText: 'هر دو هیئت به مواضع ترک مذاکرهٔ خود بازمی‌گردند: فشار و خطر جنگ همچنان پابرجاست.',
  scores: 'امتیازها',
  scoreDetail: (deal, worth, you, walkAway, support) =>
    `${deal ? 'توافق' : 'بدون توافق:'} با ارزش ${f.num(worth)} برای ${you ? 'شما' : 'آنان'}\nترک مذاکره ${f.num(walkAway)} · حمایت ${f.num(support)}`,
  toDebrief: 'جمع‌بندی',
  toDebriefLabel: 'رفتن به جمع‌بندی: مرز توافق‌ها، روند تشدید تنش و دستورالعمل‌های محرمانهٔ هر دو طرف',
  backToReplay: 'بازگشت به بازپخش',
  backToReplayLabel: 'بازگشت به نمایشگر بازپخش، در آخرین گام آن',
  outcome: 'پایان',
  whatHappened: 'چه گذشت',
  terms: 'مفاد',
};
export default table;
