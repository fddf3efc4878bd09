// فارسی: بخش «title» از فهرست پیام‌ها. Same keys and arguments as en/title.ts (the type checks it).
// Latin runs inside a text (a file type, a command, a code) are set apart with bidi isolates (⁨…⁩)
// so they never reorder the Persian around them; numbers go through `f`.
import { f } from '../current';
import type { Catalogue } from '../en';
import { asGiven } from '../en/title';
import { FSI, PDI } from '../format';

/** A Latin run set apart inside Persian text (the same as `f.iso` in Persian, for the fixed texts). */
const iso = (s: string): string => `${FSI}${s}${PDI}`;

const title: Catalogue['title'] = {
  // ---- Words taken from a scenario ----
  gameName: 'کانال پشت پرده',
  inVenue: (venue) => ` در ${venue}`,
  and: (items) => items.join(' و '),
  commas: (items) => items.join('، '),
  scenarioDate: (date) => f.date(date),

  // ---- Boot ----
  opening: 'در حال گشودن کانال پشت پرده…',

  // ---- Title ----
  heading: 'کانال پشت پرده',
  tagline: (where) =>
    `بازی‌ای دربارهٔ یک بحران دیپلماتیک. پشت میز مذاکره${where} بنشینید، نگذارید صدای سلاح‌ها بلند شود و با توافقی به خانه برگردید.`,
  scenarioRow: 'سناریو',
  delegationRow: 'هیئت شما',
  counterpartRow: 'طرف مقابل',
  difficultyRow: 'سطح دشواری',
  seedRow: 'بذر بازی (بذر یکسان، بازی یکسان)',
  modeRow: 'شیوهٔ بازی',
  withErrors: (id) => `${f.iso(id)} (دارای خطا)`,
  scenarioButton: (name, parties, file) =>
    `سناریو: ${name}${parties === null ? '' : ` (${parties})`}${file === null ? '' : ` (بارشده از پروندهٔ ${f.iso(file)})`}`,
  playAs: (name) => `بازی در نقش ${name}`,
  counterpartButton: (name, description) => `طرف مقابل: ${name}. ${description}`,
  difficultyButton: (name, description) => `سطح دشواری: ${name}. ${description}`,
  cannotBePlayed: 'این سناریو قابل بازی نیست',
  seedLabel: 'بذر بازی: بذر یکسان و حرکت‌های یکسان همیشه همان بازی را پدید می‌آورند',
  newSeed: 'بذر تازه',
  newSeedLabel: 'انتخاب بذر تصادفی تازه',
  copyLink: 'رونوشت پیوند',
  copyLinkLabel: 'رونوشت پیوند: پیوندی که همین بازی را آغاز می‌کند (سناریو، بذر و طرف)',
  modeCaption: { solo: 'تک‌نفره', hotseat: 'دو تیم، یک صفحه', replay: 'بازپخش', online: 'برخط' },
  modeName: {
    solo: 'تک‌نفره در برابر هوش مصنوعی',
    hotseat: 'دو تیم پشت یک صفحه، به نوبت',
    replay: 'تماشای بازپخش یک بازی',
    online: 'بازی برخط (با دو مرورگر، یا در برابر هوش مصنوعی روی سرور بازی)',
  },
  modeButton: (name) => `شیوهٔ بازی: ${name}`,
  classSetupPin: 'راه‌اندازی کلاس ✓ رمز',
  classSetup: 'راه‌اندازی کلاس…',
  classSetupLabel: 'راه‌اندازی کلاس: پیوند کلاس، برگه‌ای چاپی با کد QR، و رمز تسهیل‌گر',
  cannotStart: 'هنوز نمی‌توان آغاز کرد',
  start: 'پشت میز بنشینید  ◀',
  startUnavailable: (problem) => `آغاز مذاکرات (در دسترس نیست: ${problem})`,
  startLabel: 'آغاز مذاکرات: گزارش توجیهی خود را بخوانید',

  // Warnings in the right column.
  linkProblems: (n) => `پیوند ${f.plural(n, { one: 'یک ایراد', other: `${f.num(n)} ایراد` })} داشت — مقادیر پیش‌فرض به کار رفت`,
  moreInScreenText: (n) => `…و ${f.num(n)} مورد دیگر (همه در متن صفحه فهرست شده‌اند).`,
  replayNotOpened: 'بازپخش باز نشد',
  fileProblems: (n) => `پروندهٔ سناریو ${f.plural(n, { one: 'یک ایراد', other: `${f.num(n)} ایراد` })} دارد`,
  andMore: (n) => `…و ${f.num(n)} مورد دیگر.`,
  showAll: 'نمایش همه',
  showAllLabel: (n, file) => `نمایش هر ${f.num(n)} ایراد پروندهٔ سناریوی ${f.iso(file)}`,
  fileLoaded: 'پروندهٔ سناریو بار شد',

  // The list of scenarios.
  theScenario: 'سناریو',
  scenariosByParties: 'سناریوها، بر پایهٔ طرف‌های پشت میز',
  fromAFile: ' (از یک پرونده)',
  chosenMore: (date, mediator) => ` · ${date} · میانجی: ${mediator}`,
  itHasErrors: 'این سناریو خطا دارد.',
  moreScenarios: (n) => `…و ${f.num(n)} سناریوی دیگر: همهٔ سناریوها در متن صفحه آمده‌اند.`,
  cannotBePlayedGroup: 'قابل بازی نیست',
  andBefore: 'و ',
  loadFile: 'بارگذاری پرونده…',
  loadFileLabel: `بارگذاری پروندهٔ سناریو (${iso('JSON')} یا ${iso('YAML')}): پرونده بررسی می‌شود و اگر خطایی داشته باشد، فهرست خطاها نمایش داده می‌شود`,

  // Online: creating a table.
  tableCreated: 'میز ساخته شد',
  connecting: 'در حال اتصال…',
  createTable: 'ساختن میز  ◀',
  createUnavailable: (why) => `ساختن میز (در دسترس نیست: ${why})`,
  tableAlreadyWaiting: 'میزی از پیش در انتظار بازیکن دیگر است',
  createLabel: 'ساختن میز روی سرور بازی با همین انتخاب‌ها',
  nameLabel: 'نام شما یا تیمتان، که به هیئت مقابل نشان داده می‌شود (اختیاری)',
  namePlaceholder: 'نام شما یا تیم (اختیاری)',

  // Online: the right column.
  yourTable: 'میز شما',
  waitingForGuest: 'در انتظار بازیکن دیگر… کد، پیوند یا کد QR را به او بدهید: با پیوستن او، گزارش توجیهی برای هر دوی شما باز می‌شود.',
  joinLinkOf: (code) => `پیوند پیوستن به میز ${f.iso(code)}`,
  copyTableLinkLabel: (code) => `رونوشت پیوند: پیوندی که به میز ${f.iso(code)} می‌پیوندد`,
  leave: 'ترک میز',
  leaveTable: (code) => `ترک میز ${f.iso(code)}`,
  playOnline: 'بازی برخط',
  runClass: 'برگزاری کلاس…',
  runClassLabel: 'برگزاری کلاس: پیشخوان معلم را باز کنید تا کلاسی زنده بسازید (دانش‌آموزان با کد آن می‌پیوندند)',
  otherSeat: 'صندلی دیگرِ میزی که می‌سازید:',
  seatHuman: 'یک نفر (کد را با او در میان بگذارید)',
  seatHumanLabel: 'صندلی دیگر: یک نفر، که با کد میز می‌پیوندد',
  seatAi: (name) => `هوش مصنوعی: ${name ?? 'طرف مقابل'}`,
  seatAiLabel: (name) => `صندلی دیگر: طرف مقابلِ هوش مصنوعی ${name ?? ''}، که روی سرور بازی اجرا می‌شود`,
  joinOrWatch: 'برای پیوستن به یک میز یا تماشای آن، یا پیوستن به کلاستان، کدش را بنویسید',
  codeLabel: `کد میز یا کلاس (مانند ${iso('K7QW-M3ZP')})`,
  codePlaceholder: 'K7QW-M3ZP',
  joinTable: 'پیوستن به میز  ◀',
  joinTableBusy: 'پیوستن به میز (در دسترس نیست: در حال اتصال به سرور بازی)',
  joinTableLabel: 'پیوستن به میزی با این کد',
  watch: 'تماشا',
  watchBusy: 'تماشای میز (در دسترس نیست: در حال اتصال به سرور بازی)',
  watchLabel: 'تماشای میزی با این کد: زنده و فقط‌خواندنی، تنها با اطلاعات علنی',
  openClass: 'پیوستن به کلاس  ◀',
  openClassBusy: 'پیوستن به کلاس (در دسترس نیست: در حال اتصال به سرور بازی)',
  openClassLabel: 'پیوستن به کلاسی با این کد: گام بعد، نام تیمتان',
  tableNotOpened: 'میز باز نشد',
  connectingToServer: 'در حال اتصال به سرور بازی…',
  needsServer: `بازی برخط به سرور بازی نیاز دارد (${iso('npm run serve')}): هر دو بازیکن یک نشانی را باز می‌کنند.`,

  // A class.
  classNote: 'در کلاس، معلم سناریو، طرف‌ها و بذر بازی را برگزیده است: در سمت دیگر صفحه با نام تیمتان بپیوندید.',
  joinTheClass: 'پیوستن به کلاس',
  leaveClass: 'ترک کلاس',
  notInClass: 'در کلاس نیستید؟',
  leaveClassLabel: (code) => `ترک کلاس ${f.iso(code)}: اگر دوباره بپیوندید، جای تیمتان محفوظ است`,
  notInClassLabel: 'در کلاس نیستید: بازگشت به ساختن میز یا پیوستن به آن',
  teamName: 'نام تیم شما',
  teamNameLabel: 'نام تیم شما، که به معلم و تیم دیگر نشان داده می‌شود',
  teamKept: 'تیم شما (از دفعهٔ پیش)',
  joining: 'در حال پیوستن…',
  joined: 'پیوستید',
  joinClass: 'پیوستن به کلاس  ◀',
  joinClassUnavailable: (code) => `پیوستن به کلاس (در دسترس نیست: تیم شما در کلاس ${f.iso(code)} است)`,
  joinClassLabel: (code) => `پیوستن به کلاس ${f.iso(code)} با همین نام تیم`,
  couldNotJoin: 'پیوستن به کلاس ممکن نشد',
  joiningClass: 'در حال پیوستن به کلاس…',
  inClassAs: (team) => `شما با نام «${team}» در کلاس هستید. به‌زودی پشت میز می‌نشینید: در انتظار پیوستن تیمی دیگر به کلاس…`,
  seatedWaiting: (table) => `پشت میز ${f.iso(table)} نشسته‌اید: در انتظار نشستن تیم دیگر…`,
  seatedJoining: (table) => `پشت میز ${f.iso(table)} نشسته‌اید: در حال پیوستن به آن…`,
  rejoin: 'این دستگاه پیش‌تر در این کلاس بوده است: دوباره بپیوندید تا جای تیمتان را پس بگیرید.',
  typeTeam: 'نام تیمتان را بنویسید و بپیوندید: معلم هر تیم را پشت میزی می‌نشاند و بازی همان‌جا آغاز می‌شود.',

  // Replays.
  openReplay: 'باز کردن پروندهٔ بازپخش…',
  openReplayLabel: `باز کردن پروندهٔ بازپخش برای تماشا (پرونده‌ای با پسوند ${iso('.replay.json')})`,
  dropReplay: `یا پرونده‌ای با پسوند ${iso('.replay.json')} را هر جای این صفحه رها کنید. بازپخش‌ها پیش از نمایش، حرکت به حرکت بررسی می‌شوند.`,

  // The saved game.
  savedGame: 'بازی ذخیره‌شده',
  savedGames: 'بازی‌های ذخیره‌شده',
  hotSeat: 'دو تیم، یک صفحه',
  seedOf: (seed) => ` · بذر «${f.iso(seed)}»`,
  moves: (n) => `${f.num(n)} حرکت`,
  forkOf: (turn) => ` · شاخه‌ای از نوبت ${turn}`,
  viewName: {
    briefing: 'در گزارش توجیهی',
    agenda: 'در کشمکش بر سر دستور کار',
    rounds: 'پشت میز مذاکره',
    outcome: 'پایان مذاکرات',
    debrief: 'در جمع‌بندی',
  },
  continue: 'ادامه  ◀',
  continueLabel: (summary) => `ادامهٔ بازی ذخیره‌شده: ${summary}`,

  // The title screen's text (describe).
  linkProblemsHeading: 'ایرادهای پیوند',
  joinClassHeading: (code) => `پیوستن به کلاس ${f.iso(code)}`,
  yourTableHeading: (code) => `میز شما: ${f.iso(code)}`,
  waitingLink: (link) => `در انتظار بازیکن دیگر. پیوند پیوستن: ${f.iso(link)}`,
  fileProblemsHeading: (file) => `پروندهٔ سناریوی ${f.iso(file)} ایراد دارد`,
  scenarioErrors: 'خطاهای سناریو',
  scenariosOf: (parties) => `سناریوها: ${parties}`,
  unplayable: 'سناریوهایی که قابل بازی نیستند',
  hasErrorsLine: (id) => `${f.iso(id)}: دارای خطا`,
  screenTitle: 'کانال پشت پرده: بازی خود را برگزینید',

  // ---- Briefing ----
  briefing: {
    header: 'گزارش توجیهی',
    youLead: (party) => `شما ریاست هیئت ${party} را بر عهده دارید`,
    across: (head, headTitle, theirHead, theirShort, ai) =>
      `${head}، ${headTitle}. آن سوی میز: ${theirHead} از سوی ${theirShort} (هوش مصنوعی: ${ai ?? 'طرف مقابل'}).`,
    situation: 'اوضاع',
    privateBrief: 'گزارش محرمانهٔ شما',
    whatYouKnow: (short) => `آنچه از ${short} می‌دانید`,
    show: (tab) => `نمایش: ${tab}`,
    toAgenda: 'به سوی دستور کار  ◀',
    toAgendaLabel: 'رفتن به کشمکش بر سر دستور کار',
    readAll: 'هر سه زبانه را بخوانید: کشمکش بر سر دستور کار از همان لحظه‌ای که می‌نشینید آغاز می‌شود.',
    publicPosition: (party) => `${party}: موضع علنی`,
    theMediator: (mediator) => `میانجی: ${mediator}`,
    eyesOnly: 'سرّی: فقط برای شما',
    priorities: 'اولویت‌ها',
    redLines: 'خطوط قرمز',
    ifYouWalkAway: 'اگر میز را ترک کنید',
    walkAwayWorth: (points) =>
      `ترک مذاکره برای شما ${f.num(points)} امتیاز (از ${f.num(100)}) می‌ارزد. هر توافقی که کمتر از این بیرزد، از نبودِ توافق بدتر است.`,
    issueWeights: 'اهمیت هر موضوع برای شما',
    theyCare: (short) => `آنچه گمان می‌رود برای ${short} مهم باشد (برآورد گزارش توجیهی شما)`,
    theirRange: (lo, hi) =>
      `گمان می‌رود ارزش ترک مذاکره برای آنان میان ${f.num(lo)} تا ${f.num(hi)} امتیاز باشد. اطلاعات به‌دست‌آمده در جریان مذاکرات ممکن است این بازه‌ها را تنگ‌تر کند.`,
    answersTo: (short) => `${short} در برابر چه کسانی پاسخ‌گوست`,
    agenda: 'دستور کار',
    nothingBeyondCore: 'هیچ موضوعی جز موضوعات اصلی',
    wants: (mine, short, theirs) => `آنچه شما روی میز می‌خواهید: ${mine}.\nآنچه ${short} می‌خواهد: ${theirs}.`,
    screenTitle: (party) => `گزارش توجیهی: شما ریاست هیئت ${party} را بر عهده دارید`,
    priority: (priority) => `اولویت: ${priority}`,
    walkAwayShort: (points) => `ترک مذاکره برای شما ${f.num(points)} امتیاز می‌ارزد.`,
    believeCares: (short) => `آنچه گمان می‌کنید برای ${short} مهم است`,
    beliefLine: (issue, lo, hi) => `${issue}: ${f.num(lo)} تا ${f.num(hi)} درصد از اولویت‌های آنان`,
  },

  // ---- Agenda ----
  agenda: {
    header: 'دستور کار',
    question: 'دستور کار این میز چه باشد؟',
    turnsLeft: (n, mediator, compromise) =>
      `${f.num(n)} نوبت برای توافق بر سر دستور کار مانده است. اگر به توافق نرسید، ${mediator} راه میانهٔ خود را تحمیل می‌کند: موضوعات اصلی به‌اضافهٔ ${compromise}.`,
    theCoreOnly: 'فقط موضوعات اصلی',
    alwaysOn: 'همیشه روی میز',
    contestedBoth: 'موضوعات مورد اختلاف: پیشنهاد هر طرف',
    contestedYours: 'موضوعات مورد اختلاف: پیشنهاد شما',
    partyStance: (short, wants, proposes) =>
      `${short} ${wants ? 'آن را روی میز می‌خواهد' : 'آن را بیرون از میز می‌خواهد'}${proposes === null ? '' : `؛ در پیشنهادش ${proposes ? 'آمده است' : 'نیامده است'}`}`,
    youStance: (want) => `شما ${want ? 'آن را روی میز می‌خواهید' : 'آن را بیرون از میز می‌خواهید'}`,
    theyStance: (short, wants) => `${short} ${wants ? 'آن را روی میز می‌خواهد' : 'آن را بیرون از میز می‌خواهد'}`,
    theirProposal: (on) => `پیشنهاد آنان: ${on ? 'روی میز' : 'بیرون از میز'}`,
    onProposal: '✓ در پیشنهاد شما',
    offProposal: '✕ بیرون از پیشنهاد شما',
    toggleLabel: (issue, on) => `${issue}: ${on ? 'در' : 'بیرون از'} دستور کار پیشنهادی شما`,
    newsTitle: 'گفت‌وگو بر سر دستور کار',
    coreOnly: 'فقط موضوعات اصلی',
    propose: 'پیشنهاد این دستور کار',
    proposeLabel: (issues) => `پیشنهاد دستور کاری با ${issues}`,
    corePlus: (issues) => `موضوعات اصلی + ${issues}`,
    accept: (short) => `پذیرفتن دستور کار ${short}`,
    acceptLabel: (short, issues) =>
      issues === null ? `پذیرفتن دستور کار ${short} (هنوز پیشنهادی نداده است)` : `پذیرفتن دستور کار ${short}: ${issues}`,
    acceptNote: (issues, support) =>
      `موضوعات اصلی + ${issues}. کوتاه آمدن در موضوعی که می‌خواهید، ${asGiven(support)} واحد از حمایت داخلی‌تان می‌کاهد.`,
    notProposed: 'آنان هنوز پیشنهادی نداده‌اند.',
    force: 'تحمیل دستور کار خودمان',
    forceLabel: (tension) => `تحمیل دستور کار کامل خودتان: تنش را حدود ${asGiven(tension)} واحد بالا می‌برد`,
    forceNote: (tension) =>
      `تنش را بالا می‌برد (${f.iso(`+${asGiven(tension)}`)} برای هر موضوع مورد اختلاف)؛ طرف مقابل حمایت داخلی از دست می‌دهد.`,
    walkout: 'ترک مذاکره',
    walkoutLabel: 'ترک مذاکرات: بازی پایان می‌یابد',
    walkoutNote: 'مذاکرات را بی‌درنگ پایان می‌دهد.',
    notAllowed: (why) => `مجاز نیست: ${why}`,
    proposesAdding: (who, issues) => `${who} افزودن این موضوعات را پیشنهاد می‌کند: ${issues}.`,
    nothing: 'هیچ',
    notYet: (who) => `${who} هنوز پیشنهادی نداده است.`,
    yourProposal: (issues) => `پیشنهاد شما این موضوعات را می‌افزاید: ${issues}.`,
    screenTitle: 'کشمکش بر سر دستور کار',
    paused: 'متوقف‌شده',
    whereItStands: 'وضعیت کنونی',
    alwaysOnLine: (issues) => `همیشه روی میز: ${issues}.`,
    turnsBefore: (n, mediator) => `${f.num(n)} نوبت بر سر دستور کار مانده تا ${mediator} راه میانهٔ خود را تحمیل کند.`,
  },

  // ---- Hot seat: the hand-off between two teams ----
  handoff: {
    team: (short) => `تیم ${short}`,
    headline: (team) => `صفحه را به ${team} بسپارید`,
    next: {
      briefing: 'گزارش محرمانهٔ خود را بخوانید',
      agenda: 'دستور کار را تعیین کنید',
      rounds: 'نوبت خود را پشت میز بازی کنید',
    },
    hotSeatTitle: (title) => `${title} · دو تیم، یک صفحه`,
    hidden: 'تحویل نوبت — صفحه پنهان است',
    everythingHidden: (team, next) =>
      `همهٔ اطلاعات محرمانه پنهان است: گزارش‌ها، پیش‌نویس‌ها، ارزش ترک مذاکره و حدس‌ها. تیم دیگر روی برمی‌گرداند؛ وقتی فقط ${team} صفحه را می‌بیند، دکمه را بزنید تا ${next}.`,
    lastMove: 'آخرین حرکت علنی',
    paused: 'تسهیل‌گر مذاکرات را متوقف کرده است.',
    weAre: (team) => `ما ${team} هستیم  ◀`,
    weAreLabel: (team) => `ما ${team} هستیم: صفحهٔ ما را نشان بده`,
    hiddenLine: (next) => `همهٔ اطلاعات محرمانه پنهان است. وقتی فقط تیم شما صفحه را می‌بیند، دکمه را بزنید تا ${next}.`,
    lastMoveLine: (move) => `آخرین حرکت علنی: ${move}`,
    screenTitle: 'تحویل نوبت',
  },
};
export default title;
