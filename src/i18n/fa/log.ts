// فارسی: بخش «log» از فهرست پیام‌ها — سطرهای «خبرنامه»، علت‌های تغییر خطر و دلیل پایان مذاکرات.
// Same keys and arguments as en/log.ts (the type checks it). Names arrive already in Persian (or
// isolated, when the scenario has no Persian); numbers go through `f`.
import { f } from '../current';
import type { Catalogue } from '../en';

/** A scenario's own number (a support threshold) as the scenario gives it. */
const plain = (n: number): string => f.num(n, String(n).split('.')[1]?.length ?? 0);
/** A signed or unsigned number kept in one piece inside the right-to-left line. */
const num1 = (n: number): string => f.iso(f.num(n, 1));
const list = (names: readonly string[]): string => names.join('، ');

const log: Catalogue['log'] = {
  tone: { conciliatory: 'آشتی‌جویانه', firm: 'قاطع', threat: 'تهدیدآمیز' },
  severity: {
    deescalation: 'تنش‌زدا',
    'status-quo': 'بی‌اثر بر وضع موجود',
    posturing: 'قدرت‌نمایی',
    nonviolent: 'غیرخشونت‌آمیز',
    violent: 'خشونت‌آمیز',
  },
  terms: (pairs) => pairs.map(([issue, option]) => `${issue}: ${option}`).join('؛ '),

  roundOpens: (round, of) => `دور ${f.num(round)} از ${f.num(of)} آغاز می‌شود.`,
  proposes: (party, terms) => `${party} پیشنهاد می‌کند: ${terms}.`,
  concedes: (party, issue, terms) => `${party} در موضوع «${issue}» امتیاز می‌دهد و اکنون پیشنهاد می‌کند: ${terms}.`,
  accepts: (party, other) => `${party} پیشنهاد ${other} را می‌پذیرد.`,
  endorsesBridge: (party, mediator) => `${party} از پیشنهاد بینابینی ${mediator} پشتیبانی می‌کند.`,
  statement: (party, tone, words) => `${party} (${tone}): «${words}»`,
  recess: (party, mediator) => `${party} از ${mediator} درخواست تنفس می‌کند؛ این دور زودتر به پایان می‌رسد تا فضا آرام شود.`,
  bridge: (mediator, terms) => `${mediator} پیشنهادی بینابینی مطرح می‌کند: ${terms}.`,
  bridgeRefused: (mediator, gap, at) =>
    `${mediator} فاصلهٔ دو طرف را برای پیشنهاد بینابینی زیاد می‌داند (${f.num(gap * 100)} امتیاز فاصله؛ میانجی تنها تا فاصلهٔ ${f.num(at * 100)} امتیاز پیشنهاد بینابینی می‌دهد).`,
  walksOut: (party) => `${party} میز مذاکره را ترک می‌کند.`,
  guess: (party) => `${party} برآوردی محرمانه از طرف مقابل ثبت می‌کند.`,
  support: (party, moved, to, why) =>
    `حمایت داخلی از ${party} ${f.num(Math.abs(moved), 1)} واحد ${moved > 0 ? 'افزایش' : 'کاهش'} یافت و به ${f.num(to, 1)} رسید: ${why}.`,
  whyYielded: (issues) => `کوتاه آمدن در ${f.num(issues)} موضوع مورد اختلاف دستور کار`,
  whyStatement: (tone) => `بیانیهٔ علنی ${tone}`,
  whyConcessions: 'امتیازدهی پشت میز مذاکره',
  whyBackdown: 'عقب‌نشینی از مواضعی که علناً اعلام کرده بود',

  proposeAgenda: (party, issues) =>
    issues.length === 0
      ? `${party} دستور کاری بدون موضوعات مورد اختلاف پیشنهاد می‌کند.`
      : `${party} دستور کاری پیشنهاد می‌کند که این موضوعات مورد اختلاف را هم در بر دارد: ${list(issues)}.`,
  acceptAgenda: (party, other) => `${party} دستور کار پیشنهادی ${other} را می‌پذیرد.`,
  forceAgenda: (party, issues) =>
    issues.length === 0
      ? `${party} دستور کار خود را، بدون موضوعات مورد اختلاف، تحمیل می‌کند.`
      : `${party} دستور کار خود را تحمیل می‌کند: ${list(issues)}.`,
  mediatorAgenda: (mediator, issues) =>
    issues.length === 0
      ? `${mediator} با طرح مصالحهٔ خود به اختلاف بر سر دستور کار پایان می‌دهد؛ هیچ موضوع مورد اختلافی در دستور کار نمی‌ماند.`
      : `${mediator} با طرح مصالحهٔ خود به اختلاف بر سر دستور کار پایان می‌دهد: ${list(issues)}.`,
  agendaSettled: (issues) => `دستور کار نهایی شد: ${list(issues)}.`,

  event: (title, text) => `${title}: ${text}`,
  deadlineMoved: (title, to, from) =>
    `${title}: مهلت مذاکرات ${to > from ? 'تا' : 'به'} دور ${f.num(to)} ${to > from ? 'تمدید می‌شود' : 'جلو می‌افتد'} (پیش‌تر دور ${f.num(from)} بود).`,
  paused: 'تسهیل‌گر مذاکرات را متوقف می‌کند.',
  resumed: 'تسهیل‌گر مذاکرات را از سر می‌گیرد.',
  hazardShown: 'تسهیل‌گر خطر تشدید بحران را آشکار می‌کند.',
  hazardHidden: 'تسهیل‌گر خطر تشدید بحران را پنهان می‌کند.',
  facilitatorDeadline: (delta, to) => `تسهیل‌گر مذاکرات را ${delta >= 0 ? 'تمدید' : 'کوتاه'} می‌کند: مهلت اکنون دور ${f.num(to)} است.`,
  inject: (title) => `تسهیل‌گر رویدادی را وارد مذاکرات می‌کند: ${title}.`,
  mediatorBridge: (mediator, terms) => `تسهیل‌گر از سوی ${mediator} پیشنهادی بینابینی مطرح می‌کند: ${terms}.`,

  dealSigned: (comprehensive, round, settled, issues) => {
    const label = comprehensive ? 'توافقی جامع' : 'توافقی موقت';
    const open = issues - settled;
    const scope =
      open === 0
        ? issues === 1
          ? 'که تنها موضوع دستور کار را حل‌وفصل می‌کند'
          : `که هر ${f.num(issues)} موضوع دستور کار را حل‌وفصل می‌کند`
        : `که ${f.num(settled)} موضوع از ${f.num(issues)} موضوع دستور کار را حل‌وفصل می‌کند و ${f.num(open)} موضوع را بی‌توافق باقی می‌گذارد`;
    return `هیئت‌های مذاکره‌کننده در دور ${f.num(round)} ${label} امضا کردند ${scope}.`;
  },
  noDeal: (round) => `مهلت مذاکرات پس از دور ${f.num(round)} بی‌آنکه توافقی حاصل شود به سر رسید.`,
  conflictRound: (rung, round) => `بحران در دور ${f.num(round)} به «${rung}» رسید؛ مذاکرات به درگیری انجامید.`,
  conflictEvents: (rung) => `رویدادها بحران را به «${rung}» کشاندند. مذاکرات پایان یافت.`,
  conflictInject: (title, rung) => `رویداد تسهیل‌گر، «${title}»، بحران را به «${rung}» کشاند. مذاکرات پایان یافت.`,
  recalled: (party, support, below) => `هیئت ${party} فراخوانده شد: حمایت داخلی به ${f.num(support, 1)} رسید، کمتر از ${plain(below)}.`,
  walkedOutOfTalks: (party, round) => `${party} در دور ${f.num(round)} میز مذاکره را ترک کرد.`,

  pressure: (party, support, below) => `تندروها در ${party} خواهان موضعی سخت‌تر هستند (حمایت ${f.num(support, 1)}، کمتر از ${plain(below)})`,
  conceded: (party, issue) => `${party} در موضوع «${issue}» امتیاز داد`,
  statementRisk: (party, tone) => `بیانیهٔ ${tone} ${party}`,
  recessRisk: (party, mediator) => `تنفسی که ${party} از طریق ${mediator} خواست`,
  bridgeRisk: (mediator, party) => `پیشنهاد بینابینی ${mediator} به درخواست ${party}`,
  walkedOut: (party) => `${party} میز مذاکره را ترک کرد`,
  dealRisk: 'توافقی امضا شد',
  forcedAgenda: (party, issues, other) => `${party} ${f.num(issues)} موضوع مورد اختلاف را برخلاف خواست ${other} تحمیل کرد`,
  eventRisk: (title, severity) => `${title} (${severity})`,
  eventRung: (title, rung) => `${title} بحران را مستقیماً به «${rung}» رساند.`,
  drawClimbed: (t, hazard, rung) =>
    hazard === null
      ? `دور با تنش ${num1(t)} بسته شد؛ بحران به «${rung}» بالا رفت.`
      : `دور با تنش ${num1(t)} بسته شد؛ با خطر ${f.pct(hazard, 1)}، بحران به «${rung}» بالا رفت.`,
  drawDown: (t, rung) => `آرامش برقرار ماند (تنش ${num1(t)})؛ بحران به «${rung}» فروکش کرد.`,
  drawHeld: (t, hazard) =>
    hazard === null
      ? `دور با تنش ${num1(t)} بسته شد؛ خطر تشدید محقق نشد.`
      : `دور با تنش ${num1(t)} بسته شد؛ خطر ${f.pct(hazard, 1)} محقق نشد.`,

  transcriptTitle: (title, id, seed) => `${title} (${f.iso(id)}) — بذر «${f.iso(seed)}»`,
  transcriptSeat: (party, controller) => `${party}: ${f.iso(controller)}`,
  transcriptSeats: (seats, _difficulty, name) => `${seats.join(' · ')} · سطح دشواری: ${name}`,
  transcriptWhen: (round, turn) => `${round === 0 ? 'دستور کار' : `دور ${f.num(round)}`}، نوبت ${f.num(turn)}`,
  transcriptIllegal: (turn, error) => `نوبت ${f.num(turn)}: حرکت غیرمجاز (${f.iso(error)})`,
  transcriptRisk: (before, after, cause, tension, text) =>
    `↲ خطر ${f.pct(before, 1)} ← ${f.pct(after, 1)} (${cause}${tension ? `، تنش ${f.iso(f.signed(tension, String(tension).split('.')[1]?.length ?? 0))}` : ''}): ${text}`,
  cause: {
    move: 'حرکت',
    event: 'رویداد',
    domestic: 'فشار داخلی',
    agenda: 'دستور کار',
    decay: 'فروکش',
    draw: 'قرعهٔ پایان دور',
    facilitator: 'تسهیل‌گر',
  },
  outcomeKind: {
    'comprehensive-deal': 'توافق جامع',
    'interim-deal': 'توافق موقت',
    'no-deal': 'بدون توافق',
    walkout: 'ترک مذاکره',
    recall: 'فراخوانی هیئت',
    conflict: 'درگیری',
  },
  transcriptOutcome: (kind, reason) => `نتیجه: ${kind} — ${reason}`,
  transcriptValue: (party, value) => `${party} ${f.iso(f.num(value, 3))}`,
  transcriptScores: (utilities, scores) => `مطلوبیت‌ها: ${utilities.join('، ')}؛ امتیازها: ${scores.join('، ')}`,
};
export default log;
