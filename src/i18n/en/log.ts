// English catalogue: the "log" part — the wire's lines, the risk log's causes and the outcome's
// reason, as the rules write them (src/core/logMessage.ts lists the messages; src/i18n/logWords.ts
// fills in the names). English is the source: each entry says exactly what the rules' `text` says.
// Names arrive already in the language shown; numbers go through `f`.
import { f } from '../current';

/** A scenario's own number (a support threshold) as the scenario gives it: 30, 27.5. */
const plain = (n: number): string => f.num(n, String(n).split('.')[1]?.length ?? 0);
/** "1 issue", "3 issues". */
const count = (n: number, one: string, other = `${one}s`): string =>
  f.plural(n, { one: `${f.num(n)} ${one}`, other: `${f.num(n)} ${other}` });
/** A number to `digits` decimals exactly as toFixed prints it ("-0.0" too). */
const fixed = (n: number, digits: number): string => (Object.is(Number(n.toFixed(digits)), -0) ? `-${f.num(0, digits)}` : f.num(n, digits));
const tension = (t: number): string => fixed(t, 1);
const list = (names: readonly string[]): string => names.join(', ');
const contested = (names: readonly string[]): string => (names.length === 0 ? 'no contested issues' : list(names));

export default {
  /** A statement's tone, as the log names it. */
  tone: { conciliatory: 'conciliatory', firm: 'firm', threat: 'threat' },
  /** An event's severity, as the risk log names it. */
  severity: {
    deescalation: 'deescalation',
    'status-quo': 'status-quo',
    posturing: 'posturing',
    nonviolent: 'nonviolent',
    violent: 'violent',
  },
  /** Terms of an offer or a bridge: each agenda issue with its option. */
  terms: (pairs: readonly (readonly [issue: string, option: string])[]) => pairs.map(([issue, option]) => `${issue}: ${option}`).join('; '),

  // The wire: the table.
  roundOpens: (round: number, of: number) => `Round ${f.num(round)} of ${f.num(of)} opens.`,
  proposes: (party: string, terms: string) => `${party} proposes: ${terms}.`,
  concedes: (party: string, issue: string, terms: string) => `${party} concedes on ${issue} and now offers: ${terms}.`,
  accepts: (party: string, other: string) => `${party} accepts ${other}'s offer.`,
  endorsesBridge: (party: string, mediator: string) => `${party} endorses ${mediator}'s bridging proposal.`,
  statement: (party: string, tone: string, words: string) => `${party} (${tone}): “${words}”`,
  recess: (party: string, mediator: string) => `${party} asks ${mediator} for a recess; the round ends early to let tempers cool.`,
  bridge: (mediator: string, terms: string) => `${mediator} tables a bridging proposal: ${terms}.`,
  bridgeRefused: (mediator: string, gap: number, at: number) =>
    `${mediator} judges the gap too wide to bridge (${f.num(gap * 100)} points apart; it bridges at ${f.num(at * 100)}).`,
  walksOut: (party: string) => `${party} walks out of the talks.`,
  guess: (party: string) => `${party} records a private perception check.`,
  /** A change of domestic support; `why` is one of the why… entries, or an event's title. */
  support: (party: string, moved: number, to: number, why: string) =>
    `${party} support ${moved > 0 ? 'rose' : 'fell'} ${f.num(Math.abs(moved), 1)} to ${f.num(to, 1)}: ${why}.`,
  whyYielded: (issues: number) => `yielded ${count(issues, 'contested agenda issue')}`,
  whyStatement: (tone: string) => `a ${tone} public statement`,
  whyConcessions: 'concessions at the table',
  whyBackdown: 'backing down from its public statements',

  // The wire: the agenda.
  proposeAgenda: (party: string, issues: readonly string[]) => `${party} proposes an agenda with ${contested(issues)}.`,
  acceptAgenda: (party: string, other: string) => `${party} accepts the agenda proposed by ${other}.`,
  forceAgenda: (party: string, issues: readonly string[]) => `${party} forces its agenda: ${contested(issues)}.`,
  mediatorAgenda: (mediator: string, issues: readonly string[]) =>
    `${mediator} ends the scope dispute with its compromise: ${contested(issues)}.`,
  agendaSettled: (issues: readonly string[]) => `The agenda is settled: ${list(issues)}.`,

  // The wire: events and the facilitator.
  event: (title: string, text: string) => `${title}: ${text}`,
  deadlineMoved: (title: string, to: number, from: number) =>
    `${title}: the deadline ${to > from ? 'moves back' : 'comes forward'} to round ${f.num(to)} (it was round ${f.num(from)}).`,
  paused: 'The facilitator pauses the talks.',
  resumed: 'The facilitator resumes the talks.',
  hazardShown: 'The facilitator reveals the escalation hazard.',
  hazardHidden: 'The facilitator hides the escalation hazard.',
  facilitatorDeadline: (delta: number, to: number) =>
    `The facilitator ${delta >= 0 ? 'extends' : 'shortens'} the talks: the deadline is now round ${f.num(to)}.`,
  inject: (title: string) => `The facilitator injects an event: ${title}.`,
  mediatorBridge: (mediator: string, terms: string) => `Speaking for ${mediator}, the facilitator tables a bridging proposal: ${terms}.`,

  // How the talks ended (the wire's last line and the outcome's reason).
  dealSigned: (comprehensive: boolean, round: number, settled: number, issues: number) => {
    const label = comprehensive ? 'a comprehensive deal' : 'an interim deal';
    const open = issues - settled;
    const scope =
      open === 0
        ? `settling all ${count(issues, 'issue')} on the agenda`
        : `settling ${f.num(settled)} of the ${count(issues, 'issue')} on the agenda and leaving ${count(open, 'issue')} with no agreement`;
    return `The delegations signed ${label} in round ${f.num(round)}, ${scope}.`;
  },
  noDeal: (round: number) => `The deadline passed after round ${f.num(round)} without a deal.`,
  conflictRound: (rung: string, round: number) =>
    `The crisis reached "${rung}" in round ${f.num(round)}; the talks collapsed into conflict.`,
  conflictEvents: (rung: string) => `Events pushed the crisis to "${rung}". The talks are over.`,
  conflictInject: (title: string, rung: string) => `The facilitator's event "${title}" pushed the crisis to "${rung}". The talks are over.`,
  recalled: (party: string, support: number, below: number) =>
    `${party}'s delegation was recalled: domestic support fell to ${f.num(support, 1)}, below ${plain(below)}.`,
  walkedOutOfTalks: (party: string, round: number) => `${party} walked out of the talks in round ${f.num(round)}.`,

  // The risk log: what changed the hazard.
  pressure: (party: string, support: number, below: number) =>
    `Hardliners in ${party} push for a tougher line (support ${f.num(support, 1)} < ${plain(below)})`,
  conceded: (party: string, issue: string) => `${party} conceded on ${issue}`,
  statementRisk: (party: string, tone: string) => `${party}'s ${tone} statement`,
  recessRisk: (party: string, mediator: string) => `Recess called by ${party} through ${mediator}`,
  bridgeRisk: (mediator: string, party: string) => `${mediator} tabled a bridging proposal at ${party}'s request`,
  walkedOut: (party: string) => `${party} walked out`,
  dealRisk: 'A deal was signed',
  forcedAgenda: (party: string, issues: number, other: string) =>
    `${party} forced ${count(issues, 'contested issue')} against ${other}'s wishes`,
  eventRisk: (title: string, severity: string) => `${title} (${severity})`,
  eventRung: (title: string, rung: string) => `${title} moved the crisis directly to "${rung}".`,
  /** The round's draw climbed; `hazard` is null when the facilitator hides it. */
  drawClimbed: (t: number, hazard: number | null, rung: string) =>
    hazard === null
      ? `The round closed at tension ${tension(t)}; the crisis climbed to "${rung}".`
      : `The round closed at tension ${tension(t)}; with a ${f.pct(hazard, 1)} hazard the crisis climbed to "${rung}".`,
  drawDown: (t: number, rung: string) => `Calm held (tension ${tension(t)}); the crisis stepped down to "${rung}".`,
  drawHeld: (t: number, hazard: number | null) =>
    hazard === null
      ? `The round closed at tension ${tension(t)}; the hazard did not strike.`
      : `The round closed at tension ${tension(t)}; the ${f.pct(hazard, 1)} hazard did not strike.`,

  // The CLI's transcript of a replay (backchannel replay show): its headings and margins.
  transcriptTitle: (title: string, id: string, seed: string) => `${title} (${id}) — seed "${seed}"`,
  transcriptSeat: (party: string, controller: string) => `${party}: ${controller}`,
  /** Who played each seat, and the difficulty: its id (English names it so), and its name in the scenario. */
  transcriptSeats: (seats: readonly string[], difficulty: string, _name: string) => `${seats.join(' · ')} · difficulty ${difficulty}`,
  /** Where a line happened: the agenda (round 0) or a round, then the turn, in fixed-width columns. */
  transcriptWhen: (round: number, turn: number) =>
    `${round === 0 ? 'agenda ' : `round ${f.num(round).padStart(2)}`} t${f.num(turn).padStart(3)}`,
  transcriptIllegal: (turn: number, error: string) => `turn ${f.num(turn)}: ILLEGAL (${error})`,
  /** A change of risk: the hazard before and after, its cause, and the tension it added (0: none). */
  transcriptRisk: (before: number, after: number, cause: string, tension: number, text: string) =>
    `↳ risk ${f.pct(before, 1)} → ${f.pct(after, 1)} (${cause}${tension ? `, ${tension > 0 ? '+' : ''}${plain(tension)} tension` : ''}): ${text}`,
  /** A risk entry's cause, as the transcript names it. */
  cause: { move: 'move', event: 'event', domestic: 'domestic', agenda: 'agenda', decay: 'decay', draw: 'draw', facilitator: 'facilitator' },
  /** How the talks ended, as the transcript names it. */
  outcomeKind: {
    'comprehensive-deal': 'comprehensive-deal',
    'interim-deal': 'interim-deal',
    'no-deal': 'no-deal',
    walkout: 'walkout',
    recall: 'recall',
    conflict: 'conflict',
  },
  transcriptOutcome: (kind: string, reason: string) => `Outcome: ${kind} — ${reason}`,
  transcriptValue: (party: string, value: number) => `${party} ${fixed(value, 3)}`,
  transcriptScores: (utilities: readonly string[], scores: readonly string[]) =>
    `Utilities: ${utilities.join(', ')}; scores: ${scores.join(', ')}`,
};
