// فارسی: بخش «debrief» از فهرست پیام‌ها — جمع‌بندی و نمودارهایش، یادداشت‌های موضع و سنجش برداشت،
// نمایشگر بازپخش، و واژه‌های نتیجه، امتیاز و خطر تشدید تنش. Same keys and arguments as en/debrief.ts.
import { f } from '../current';
import type { Catalogue } from '../en';

/** A number as JavaScript prints it (0.05 → "۰٫۰۵"), in the language's digits. */
const plain = (n: number): string => f.num(n, Math.min(6, (String(n).split('.')[1] ?? '').length));
/** A signed run ("+۰٫۴۲", "−۳"), isolated so its sign stays in front of its digits. */
const sign = (negative: boolean, body: string): string => f.iso(`${negative ? '−' : '+'}${body}`);
const score = (x: number): string => sign(x < 0, f.num(Math.abs(x), 2));
const tick = (right: boolean): string => (right ? '✓' : '✗');
/** A scenario's name (a party, an issue, a rung) inside a line: isolated when it is not written in Persian, so it never reorders the words around it. */
const w = (name: string): string => (/[\u0600-\u06FF\uFB50-\uFDFF\uFE70-\uFEFF]/.test(name) ? name : f.iso(name));

const debrief: Catalogue['debrief'] = {
  score,
  termDeal: (x) => `توافق ${score(x)}`,
  termLadder: (x, climbed) => `نردبان تنش ${score(x)} (${f.num(climbed)} پله صعود)`,
  termConflict: (x) => `درگیری ${score(x)}`,
  termSupport: (x) => `حمایت ${score(x)}`,
  theStart: 'نقطهٔ آغاز',
  theTopRung: 'بالاترین پله',
  scoreFormula: (perRung, start, conflict, top, perPoint) =>
    `امتیاز = سود توافق نسبت به حد ترک مذاکرهٔ شما، مقیاس‌شده تا ${f.num(1)} (بی‌توافق: ${f.num(0)})؛ منهای ${plain(perRung)} برای هر پلهٔ بالاتر از «${w(start)}»؛ منهای ${plain(conflict)} اگر بحران بر بالاترین پله («${w(top)}») پایان یابد؛ و برای هر واحد حمایتی که به دست آید یا از دست برود، ${plain(perPoint)} افزوده یا کاسته می‌شود.`,

  // ── خطر تشدید تنش ──
  cause: {
    move: 'حرکت',
    event: 'رویداد',
    domestic: 'داخلی',
    agenda: 'دستور کار',
    decay: 'فروکش',
    draw: 'پایان دور',
    facilitator: 'تسهیل‌گر',
  },
  tensionUp: (t) => `تنش ${sign(false, f.num(t))}`,
  tensionDown: (t) => `تنش ${sign(true, f.num(t))}، رو به آرامش`,
  tensionZero: () => `تنش ${f.num(0)}`,

  // ── صفحهٔ جمع‌بندی ──
  title: 'جمع‌بندی',
  heading: (headline) => `جمع‌بندی: ${headline}`,
  tab: {
    deal: 'توافق',
    escalation: 'تشدید تنش',
    rounds: 'دور به دور',
    briefs: 'دستورالعمل‌های دو طرف',
    memos: 'یادداشت‌ها و برداشت‌ها',
  },
  tabLabel: (caption) => `جمع‌بندی: ${caption}`,
  downloadReplay: 'بارگیری بازپخش',
  downloadReplayLabel: 'بارگیری فایل بازپخش این بازی',
  backToReplay: '▶  بازگشت به بازپخش',
  backToReplayLabel: 'بازگشت به نمایشگر بازپخش، در آخرین گام آن',
  playAgain: 'بازی دوباره  ↺',
  playAgainLabel: 'بازگشت به صفحهٔ آغاز برای بازی تازه',

  howGood: 'نتیجه تا چه اندازه خوب بود؟',
  dealToFrontier: (points, efficient) =>
    `توافق ${f.num(points)} واحد با مرز پارتو فاصله دارد${efficient ? '؛ توافقی کاراست و چیزی روی میز نماند.' : '؛ بخشی از ارزشی که دو طرف می‌توانستند میان خود تقسیم کنند روی میز ماند.'}`,
  dealToNash: (points) =>
    `فاصلهٔ آن تا نقطهٔ نش ${f.num(points)} واحد است؛ تقسیمی که سود هر دو طرف را نسبت به ترک مذاکره به بیشترین حد می‌رساند.`,
  noDealLine: 'توافقی در کار نیست: هر دو طرف بر حد ترک مذاکرهٔ خود، پایین‌تر از مرز پارتو، مانده‌اند.',
  nearNash: (a, pa, b, pb) => `توافقی نزدیک به نقطهٔ نش به ${w(a)} ${f.num(pa)} و به ${w(b)} ${f.num(pb)} واحد می‌رساند.`,
  sideResult: (name, you, points, walkAway, sideScore) =>
    `${w(name)}${you ? ' (شما)' : ''}: ${f.num(points)} واحد مطلوبیت (حد ترک مذاکره: ${f.num(walkAway)})، امتیاز ${score(sideScore)}.`,
  readingChart: 'راهنمای نمودار',

  // نمودارها (محورهای عددی مانند نمودارهای فارسی از چپ به راست می‌مانند)
  utilityAxis: (party) => `مطلوبیت ${w(party)} →`,
  tick: (n) => f.num(n),
  legendFrontier: 'خط طلایی: مرز پارتو (هیچ طرفی بی‌زیان طرف دیگر سود بیشتری نمی‌برد)',
  legendWalkAway: 'خط‌چین‌های قرمز: حدهای ترک مذاکره',
  legendNash: (a, b) => `لوزی: نقطهٔ نش (${f.num(a)}، ${f.num(b)})`,
  legendDeal: (a, b) => `ستاره: توافق (${f.num(a)}، ${f.num(b)})`,
  legendNoDeal: (a, b) => `ستاره: بی‌توافق، هر طرف بر حد ترک مذاکرهٔ خود (${f.num(a)}، ${f.num(b)})`,
  markNash: 'نش',
  markDeal: 'توافق شما',
  markNoDeal: 'بی‌توافق',

  // تشدید تنش
  start: 'آغاز',
  roundShort: (round) => `دور ${f.num(round)}`,
  hazardAtRoundEnd: 'خطر در پایان دور',
  rungShare: 'پله (نسبت به بالاترین)',
  percent: 'درصد',
  round: 'دور',
  finishedOn: (rung, name, tension, split) => `پایان کار بر پلهٔ ${f.num(rung)}: ${w(name)}. وضعیت پایانی: ${tension}. ${split}`,
  largestChanges: (n) => `چه چیزی خطر را جابه‌جا کرد: ${f.num(n)} تغییر بزرگ‌تر، به ترتیب دورها`,
  rungUp: '▲ پله',
  rungDown: '▼ پله',
  hazardDelta: (delta) => sign(delta < 0, f.num(Math.abs(delta), 1)),
  hazardPts: 'واحد خطر',

  // دور به دور
  offerValue: (party) => `${w(party)}: ارزش پیشنهاد طرف مقابل`,
  utility: 'مطلوبیت',
  roundsExplained:
    'هر خط نشان می‌دهد که یک طرف اگر پیشنهاد پابرجای طرف مقابل را در پایان آن دور می‌پذیرفت، چه به دست می‌آورد (تا پیش از نخستین پیشنهاد، همان حد ترک مذاکره). خطی که بالا می‌رود یعنی طرف مقابل کوتاه می‌آمد.',
  endedBeforeFirstRound: 'گفت‌وگوها پیش از پایان نخستین دور به پایان رسید.',

  // دستورالعمل‌ها
  privateBrief: (party) => `${w(party)}: دستورالعمل محرمانه`,
  truePriorities: (other) => `اولویت‌های واقعی (▼) در برابر برداشت ${w(other)} (بازه)`,
  trueWalkAwayPoints: (points) => `حد واقعی ترک مذاکره: ${f.num(points)} واحد.`,

  dealAndFrontier: 'توافق و مرز پارتو',
  nashPoint: (a, pa, b, pb) => `نقطهٔ نش: ${w(a)} ${f.num(pa)}، ${w(b)} ${f.num(pb)}.`,
  escalationTimeline: 'روند تشدید تنش',
  roundLine: (round, line) => `دور ${f.num(round)}: ${line}`,
  utilityByRound: 'مطلوبیت در هر دور',
  /** Between the items of a list that is not a sentence ("A 40, B 55"). */
  listSep: '، ',
  partyPoints: (party, points) => `${w(party)} ${f.num(points)}`,
  trueWalkAway: (points) => `حد واقعی ترک مذاکره: ${f.num(points)}.`,
  trueWeight: (issue, pct) => `${w(issue)}: وزن واقعی ${f.num(pct)} درصد`,

  // ── یادداشت‌ها و برداشت‌ها ──
  team: (party) => `تیم ${w(party)}`,
  you: (party) => `${w(party)} (شما)`,
  theAi: (party) => `${w(party)} (هوش مصنوعی)`,
  signed: (n) => sign(n < 0, f.num(Math.abs(Math.round(n)))),
  splitSolo: (mine, aiParty, ai, world, facilitator) =>
    `سهم هر کس از تنش: حرکت‌های شما ${mine}، ${aiParty !== null ? `حرکت‌های ${w(aiParty)} (هوش مصنوعی)` : 'حرکت‌های هوش مصنوعی'} ${ai}، رویدادهای جهان ${world}${facilitator !== null ? `، افزودهٔ تسهیل‌گر ${facilitator}` : ''}.`,
  splitClass: (students, world, facilitator) =>
    `سهم هر کس از تنش: دانشجویان ${students}، رویدادهای جهان ${world}، افزودهٔ تسهیل‌گر ${facilitator}.`,
  facilitatorEntry: (round, line, tension) => `دور ${f.num(round)} — به دست تسهیل‌گر: ${line} (تنش ${tension})`,
  memoMove: {
    'propose-agenda': 'پیشنهاد دستور کار',
    'accept-agenda': 'پذیرش دستور کار',
    'force-agenda': 'تحمیل دستور کار',
    propose: 'پیشنهاد',
    accept: 'پذیرش',
    'accept-bridge': 'پذیرش راه‌حل میانجی',
    concede: 'کوتاه آمدن',
    statement: 'بیانیه',
    recess: 'تنفس',
    bridge: 'درخواست راه‌حل میانجی',
    walkout: 'ترک میز',
    guess: 'سنجش برداشت',
  },
  memoLine: (round, move, reason) => `دور ${f.num(round)}، ${move}: ${reason}`,
  noReasons: (party) => `${w(party)} دلیلی ثبت نکرد.`,
  truthAbout: (party, priority, redLine) => `واقعیت دربارهٔ ${w(party)}: اولویت نخست ${w(priority)}، خط قرمز ${w(redLine)}.`,
  noChecks: 'هیچ سنجش برداشتی ثبت نشد.',
  perceptionScore: (share, checks) => `امتیاز برداشت: ${f.pct(share)} درست، در ${f.num(checks)} سنجش.`,
  guessLine: (round, priority, priorityRight, redLine, redLineRight) =>
    `دور ${f.num(round)}: اولویت ${w(priority)} ${tick(priorityRight)}، خط قرمز ${w(redLine)} ${tick(redLineRight)}`,
  positionMemo: (who) => `${who}: یادداشت موضع`,
  perceptionCheckOf: (who) => `${who}: سنجش برداشت`,
  perceptionCheck: 'سنجش برداشت',
  whoAddedRisk: 'چه کسی خطر را افزایش داد',

  // ── نمایشگر بازپخش ──
  replay: 'بازپخش',
  replayMark: '▶ بازپخش',
  turnOf: (step, steps) => `نوبت ${f.num(step)} از ${f.num(steps)}.`,
  wireUpTo: (step) => `اخبار تا نوبت ${f.num(step)}`,
  person: 'بازیکن',
  randomMoves: 'حرکت‌های تصادفی',
  aiSeat: (_id, name) => `هوش مصنوعی (${w(name)})`,
  replayHeader: (title, seed, seats) => `${w(title)} · بذر «${f.iso(seed)}» · ${seats}`,
  titleScreen: 'صفحهٔ آغاز',
  titleScreenLabel: 'خروج از بازپخش: بازگشت به صفحهٔ آغاز',
  agendaDispute: 'کشمکش بر سر دستور کار',
  roundOfDeadline: (round, of) => `دور ${f.num(round)} از ${f.num(of)}`,
  beforeFirstMove: 'پیش از نخستین حرکت',
  turnWhere: (step, steps, where) => `نوبت ${f.num(step)} از ${f.num(steps)} · ${where}`,
  replayIntro: (title, first) => `${w(title)}. نخستین حرکت با ${w(first)} است. گام‌به‌گام پیش بروید تا گفت‌وگوها را حرکت به حرکت دنبال کنید.`,
  facilitator: 'تسهیل‌گر',
  seatDoes: (seat, action) => `${w(seat)} ${action}`,
  action: {
    'propose-agenda': 'دستور کاری پیشنهاد می‌کند',
    'accept-agenda': 'دستور کار را می‌پذیرد',
    'force-agenda': 'دستور کار خود را تحمیل می‌کند',
    propose: 'بسته‌ای پیشنهاد می‌کند',
    accept: 'پیشنهاد پابرجا را می‌پذیرد',
    concede: 'یک گام کوتاه می‌آید',
    statement: 'بیانیه‌ای علنی صادر می‌کند',
    recess: 'درخواست تنفس می‌کند',
    walkout: 'میز را ترک می‌کند',
    guess: 'برداشت خود را می‌سنجد',
    pause: 'گفت‌وگوها را متوقف می‌کند',
    inject: 'رویدادی را وارد بازی می‌کند',
    'inject-custom': 'رویدادی را وارد بازی می‌کند',
    deadline: 'مهلت را جابه‌جا می‌کند',
    'show-hazard': 'آنچه تیم‌ها می‌بینند را تغییر می‌دهد',
  },
  endorsesBridge: (mediator) => `راه‌حل میانجی‌گرانهٔ ${w(mediator)} را می‌پذیرد`,
  asksBridge: (mediator) => `از ${w(mediator)} راه‌حلی میانجی‌گرانه می‌خواهد`,
  tablesBridge: (mediator) => `از سوی ${w(mediator)} راه‌حلی میانجی‌گرانه روی میز می‌گذارد`,
  whatHappened: 'چه روی داد',
  eventEntry: (title, line) => `${w(title)}: ${line}`,
  andMore: (n) => `… و ${f.num(n)} مورد دیگر (در اخبار ببینید)`,
  privateMove: 'میز چیزی ندید (حرکتی محرمانه).',
  escalationThisStep: 'تشدید تنش در این گام',
  hazardStep: (before, after, tension) => `خطر ${before} ← ${after} · ${tension}`,
  hazard: (x) => f.pct(x, x < 0.1 ? 1 : 0),
  hazardChange: (before, after) => `${before} ← ${after}`,
  noRiskChangeStep: 'خطر تشدید تنش در این گام تغییری نکرد.',
  toStart: '◀◀ آغاز',
  toStartLabel: 'رفتن به آغاز، پیش از نخستین حرکت',
  back: '◀ عقب',
  backLabel: (turn) => `یک گام به عقب، به نوبت ${f.num(turn)}`,
  pause: '❚❚ مکث',
  play: '▶ پخش',
  pauseLabel: 'مکث بازپخش',
  playLabel: 'پخش بازپخش، نوبت به نوبت',
  forward: 'جلو ▶',
  forwardLabel: (turn) => `یک گام به جلو، به نوبت ${f.num(turn)}`,
  toEnd: 'پایان ▶▶',
  toEndLabel: 'رفتن به پایان بازپخش',
  jumpToRound: 'پرش به یک دور',
  chipAgenda: 'دستور کار',
  chipAgendaShort: 'دستور',
  chipRound: (round) => `دور ${f.num(round)}`,
  chipRoundShort: (round) => f.num(round),
  jumpAgendaLabel: (turn) => `پرش به کشمکش بر سر دستور کار (نوبت ${f.num(turn)})`,
  jumpRoundLabel: (round, turn) => `پرش به دور ${f.num(round)} (نوبت ${f.num(turn)})`,
  verified: '✓ تأییدشده',
  allReplayed: (steps) => `همهٔ ${f.num(steps)} نوبت از روی بذر دوباره اجرا شد؛ و همهٔ مجموع‌های کنترلی مطابق‌اند.`,
  finalChecksum: (checksum) => `مجموع کنترلی نهایی: ${f.iso(checksum)}`,
  forkOf: (turn) => `انشعابی از بازی دیگری در نوبت ${f.iso(turn)}.`,
  takeOverHere: 'از همین‌جا ادامه دهید',
  whatIf: (turn) => `اگر چنین می‌شد…؟ از نوبت ${f.num(turn)} به‌صورت زنده در برابر هوش مصنوعی بازی کنید.`,
  talksOver: 'در این گام گفت‌وگوها به پایان رسیده است.',
  seatOf: (party) => `جایگاه ${w(party)}`,
  takeOver: (glyph, seat) => `${glyph} در دست گرفتن ${seat}`,
  takeOverLabel: (seat, turn) => `در دست گرفتن ${seat}: بازی زنده از نوبت ${f.num(turn)}`,
  howItEnded: 'چگونه پایان یافت',
  sideScore: (party, x) => `${w(party)}: امتیاز ${score(x)}`,
  watchEnding: 'نتیجه و جمع‌بندی  ◀',
  watchEndingLabel: 'دیدن نتیجه و جمع‌بندی این بازپخش',
  beforeFirstMoveLine: 'پیش از نخستین حرکت.',
  noRiskChange: 'خطر تشدید تنش تغییری نکرد.',
  verifiedHeading: 'تأییدشده',
  verifiedLine: (steps, checksum) => `همهٔ ${f.num(steps)} نوبت از روی بذر دوباره اجرا شد؛ مجموع کنترلی نهایی: ${f.iso(checksum)}.`,
  riskLine: (cause, line, change) => `${cause}: ${line} (خطر ${change})`,
  replayTitle: (step, steps, where) => `بازپخش: نوبت ${f.num(step)} از ${f.num(steps)}، ${where}`,
  agenda: 'دستور کار',
  roundN: (round) => `دور ${f.num(round)}`,
};
export default debrief;
