// English catalogue: the "table" part (the table, the outcome screen and the cards and panels on
// them). Each entry is a text, or a function of the values it shows; numbers go through `f` (the
// current Format), so that Persian gets its own digits. Names (parties, issues, rungs, places) come in
// as arguments, from the scenario.
import { f } from '../current';

/** A number as the scenario wrote it (as many decimals as it has): 2 → "2", 0.5 → "0.5". */
const asIs = (n: number): string => f.num(n, (String(n).split('.')[1] ?? '').length);
/** "+2", "-1" (a scenario's own number, signed as the table always printed it). */
const plus = (n: number): string => (n >= 0 ? `+${asIs(n)}` : `-${asIs(-n)}`);

export default {
  // Shared
  /** "1 of 3": which card of how many. */
  cardOf: (i: number, n: number) => `${f.num(i)} of ${f.num(n)}`,
  roundN: (round: number) => `Round ${f.num(round)}`,
  roundOf: (round: number, of: number) => `Round ${f.num(round)} of ${f.num(of)}`,
  /** A whole number of points, percent-like but without the sign: 42 → "42". */
  n: (n: number) => f.num(n),
  /** A whole percentage: 42 → "42%". */
  percent: (n: number) => `${f.num(n)}%`,
  /** A range of whole percentages: "20–35%". */
  percentRange: (lo: number, hi: number) => `${f.num(lo)}–${f.num(hi)}%`,
  points: (n: number) => `${f.num(n)} points`,
  /** Between the terms of a package, the items of a list of notes. */
  sep: '; ',
  /** A button's accessible name that says what the card was: "Next event (read: <title>)". */
  readLabel: (words: string, title: string) => `${words} (read: ${title})`,
  you: '(you)',
  twoParties: (a: string, b: string) => `${a} and ${b}`,
  versus: (a: string, b: string) => `${a} vs ${b}`,

  // The header
  atTable: (venue: string | null) => (venue ? `At the table in ${venue}` : 'At the table'),
  talksOver: 'The talks are over',
  watching: 'Watching',
  deadline: 'deadline',
  exportReplay: 'Export replay',
  exportReplayLabel: (why: string) => `Export replay: download the replay file of the game so far${why}`,
  copyLink: 'Copy link',
  copyLinkLabel: (why: string) => `Copy link: a link that starts this same game (scenario, seed and side)${why}`,
  /** Why the two buttons above are off in a hot-seat game, in brackets after their names. */
  lockedWhy: ' (in hot seat, available at the debrief, or with the facilitator’s PIN)',
  savingUnavailable: 'Saving unavailable',

  // Cards
  nextEvent: 'Next event',
  nextCard: 'Next card',
  backToTable: 'Back to the table',
  continue: 'Continue',
  breaking: 'Breaking',
  theTalks: 'The talks',
  effects: 'Effects',
  basedOn: (source: string) => `Based on: ${source}`,
  fxTension: (severity: string, score: number) => `${severity}: tension ${plus(score)} this round`,
  fxShock: (shock: number) => `Shock ${asIs(shock)}: the hazard jumps this round`,
  fxRung: (rung: number) =>
    `The crisis moves ${asIs(Math.abs(rung))} rung${Math.abs(rung) > 1 ? 's' : ''} ${rung > 0 ? 'up' : 'down'} the ladder`,
  fxSupport: (party: string, d: number) => `${party} support ${plus(d)}`,
  fxIntel: (party: string) => `${party} learns more about the other side's priorities`,
  fxDeadline: (d: number) =>
    `Deadline ${d > 0 ? 'extended' : 'brought forward'} by ${asIs(Math.abs(d))} round${Math.abs(d) > 1 ? 's' : ''}`,
  eventHeading: (title: string) => `Event: ${title}`,

  // The round-end escalation card and the wire's line for it
  escalationEnd: (round: number) => `Escalation · End of round ${f.num(round)}`,
  escalationHeading: (title: string) => `Escalation: ${title}`,
  andMore: (n: number) => `…and ${f.num(n)} more`,
  rollTitle: (move: 'up' | 'down' | 'stay', from: string, to: string) =>
    move === 'up'
      ? `The ladder climbs: ${from} → ${to}`
      : move === 'down'
        ? `The ladder falls: ${from} → ${to}`
        : `The ladder holds at ${to}`,
  rollHazard: (round: number, hazard: number) => `Hazard in round ${f.num(round)}: ${f.pct(hazard, 1)}`,
  rollRoll: (move: 'up' | 'down' | 'stay', roll: number, hazard: number) =>
    move === 'up'
      ? `Roll ${f.num(roll, 3)} (${f.pct(roll, 1)}), under the ${f.pct(hazard, 1)} hazard: the crisis climbed`
      : move === 'down'
        ? `Roll ${f.num(roll, 3)} (${f.pct(roll, 1)}), high enough with tension low: the crisis stepped down`
        : `Roll ${f.num(roll, 3)} (${f.pct(roll, 1)}), not under the ${f.pct(hazard, 1)} hazard: the crisis held`,
  rollHidden: (round: number) => `Round ${f.num(round)}'s escalation draw (the facilitator has hidden the hazard)`,
  rollConflict: 'The top rung: the talks end in conflict',
  /** A cause of the hazard, with how far it moved it (null: hidden). */
  raisedBy: (cause: string, delta: number | null) =>
    `Raised by: ${cause}${delta === null ? '' : ` (${delta > 0 ? '+' : '−'}${f.num(Math.abs(delta) * 100, 1)} points)`}`,
  easedBy: (cause: string, delta: number | null) =>
    `Eased by: ${cause}${delta === null ? '' : ` (${delta > 0 ? '+' : '−'}${f.num(Math.abs(delta) * 100, 1)} points)`}`,
  rollNothing: 'Nothing this round raised the hazard: tension carried over from earlier rounds',
  wireHolds: (to: string, hazard: number | null) => `The ladder holds at ${to}${hazard === null ? '' : ` (hazard ${f.pct(hazard, 1)})`}.`,
  wireMoves: (round: number, up: boolean, from: string, to: string, odds: { hazard: number; roll: number } | null, conflict: boolean) =>
    `End of round ${f.num(round)}: the ladder ${up ? 'climbs' : 'falls'}, ${from} → ${to}${odds ? ` (hazard ${f.pct(odds.hazard, 1)}, roll ${f.pct(odds.roll, 1)})` : ''}.${conflict ? ' The talks end in conflict.' : ''}`,

  // The draft's worth
  draftWorth: 'Your draft is worth to you',
  walkAwayMark: (n: number) => `walk-away ${f.num(n)}`,
  theirOfferNamed: (party: string) => `${party}'s offer, to you`,
  theirOffer: 'Their offer, to you',
  noneYet: 'none yet',
  belowYourWalkAway: 'below your walk-away',
  draftToThem: 'Draft to them (est.)',

  // The moves
  tone: { conciliatory: 'Conciliatory', firm: 'Firm', threat: 'Threat' } as Record<'conciliatory' | 'firm' | 'threat', string>,
  statementCaption: (tone: string) => `${tone} statement`,
  statementLabel: (tone: 'conciliatory' | 'firm' | 'threat', words: string, support: number, tension: number) =>
    `Make a ${tone} public statement: “${words}” Support ${plus(support)}, tension ${plus(tension)}.`,
  belowConfirm: (concession: boolean) =>
    `Below your walk-away value. Press ${concession ? 'the concession' : 'the move'} again to go ahead.`,
  warnBelow: (n: number) => `Warning: below your walk-away value of ${f.num(n)}.`,
  propose: 'Propose this package',
  proposeLabel: (n: number) => `Propose your draft package (worth ${f.num(n)} to you)`,
  acceptCaption: (party: string, n: number | null) => (n === null ? `Accept ${party}'s offer` : `Accept ${party}'s offer (${f.num(n)})`),
  acceptLabel: (party: string, n: number, terms: string) => `Accept ${party}'s standing offer, worth ${f.num(n)} to you: ${terms}.`,
  acceptNone: (party: string) => `Accept ${party}'s offer (none on the table)`,
  endorse: (mediator: string) => `Endorse ${mediator}'s bridge`,
  endorseLabel: (mediator: string, n: number, terms: string) =>
    `Endorse ${mediator}'s bridging proposal, worth ${f.num(n)} to you: ${terms}.`,
  endorseNone: (mediator: string) => `Endorse ${mediator}'s bridging proposal (none tabled)`,
  recess: (mediator: string) => `${mediator}: call a recess`,
  recessLabel: (mediator: string) => `Ask ${mediator} for a recess: ends the round early and lowers tension`,
  bridge: (mediator: string) => `${mediator}: propose a bridge`,
  bridgeLabel: (mediator: string, gap: number, threshold: number) =>
    `Ask ${mediator} for a bridging proposal: the offers are ${f.num(gap)} points apart, within the ${f.num(threshold)} ${mediator} bridges`,
  bridgeNeedsOffers: (mediator: string) => `${mediator}: bridge needs ${f.num(2)} offers`,
  /** The gap and the most it may be, as numbers already formatted. */
  bridgeGap: (mediator: string, apart: string, atMost: string) => `${mediator}: gap ${apart}, needs ≤${atMost}`,
  bridgeNotNow: (mediator: string, reason: string) => `Ask ${mediator} for a bridging proposal: not now. ${reason}`,
  bridgeCannot: (mediator: string, ended: boolean, why: string) => `${mediator} cannot bridge ${ended ? 'now' : 'yet'}: ${why}`,
  whyOver: 'the talks are over',
  whyNotAtTable: 'the talks have not reached the table',
  whyMissing: (parties: string[]) =>
    `it needs both offers on the table, and ${parties.join(' and ')} ${parties.length > 1 ? 'have' : 'has'} none`,
  whyGap: (apart: string, atMost: string) => `the offers are ${apart} points apart; it bridges when the gap is at most ${atMost}`,
  walkout: 'Walk out',
  walkoutLabel: 'Walk out of the talks: ends the game without a deal',
  hazardAfter: (after: string, now: string) => `Hazard of the coming roll after this move, before their reply: ${after} (now ${now}).`,
  confirmBelow: 'Confirm: below walk-away',
  confirmLabel: (label: string) => `Confirm: ${label} Press again to go ahead.`,
  notAllowed: (error: string) => `Not allowed: ${error}`,
  thinking: (party: string) => `${party} is thinking…`,
  openBrief: 'Your brief',
  openBriefLabel: 'Your brief: re-read your priorities, red lines, walk-away value and what you believe of the other side',

  // The table's text version
  none: 'none',
  standingOffer: (party: string, offer: string) => `${party}'s standing offer: ${offer}.`,
  bridgeOffer: (mediator: string, offer: string) => `${mediator}'s bridge: ${offer}.`,
  yourStandingOffer: (offer: string) => `Your standing offer: ${offer}.`,
  yourDraftLine: (offer: string, worth: number, walkAway: number) =>
    `Your draft: ${offer}, worth ${f.num(worth)} to you; walking away is worth ${f.num(walkAway)}.`,
  stateOfPlay: 'State of play',
  roundLine: (round: number, of: number, turn: 'mine' | 'theirs' | null) =>
    `Round ${f.num(round)} of ${f.num(of)}. ${turn === 'mine' ? 'Your move.' : turn === 'theirs' ? 'Waiting.' : ''}`.trim(),
  escalationHidden: (rung: number, name: string) => `Escalation: rung ${f.num(rung)}, ${name}. The facilitator has hidden the hazard.`,
  escalationLine: (rung: number, name: string, hazard: number, tension: string) =>
    `Escalation: rung ${f.num(rung)}, ${name}. Hazard of the end-of-round roll as things stand ${f.num(hazard * 100, 1)} percent; ${tension}.`,
  supportLine: (parts: { party: string; value: number }[]) => `Support: ${parts.map((p) => `${p.party} ${f.num(p.value)}`).join(', ')}.`,
  paused: 'Paused',

  // The issue board
  theTable: 'The table',
  yourStanding: 'your standing offer',
  standingOf: (party: string) => `${party}'s standing offer`,
  bridgeOf: (mediator: string) => `${mediator}'s bridge`,
  optionLabel: (issue: string, option: string, inDraft: boolean, notes: string[], worth: number | null) =>
    `${issue}: ${option}${inDraft ? ', in your draft' : ''}${notes.length ? `; ${notes.join('; ')}` : ''}.${worth === null ? '' : ` Worth ${f.num(worth)}% of this issue to you.`}`,
  confirm: 'Confirm',
  concede: 'Concede',
  concedeLabel: (o: {
    confirming: boolean;
    issue: string;
    from: string;
    to: string;
    after: number;
    before: number;
    walkAway: number;
    below: boolean;
  }) =>
    `${o.confirming ? 'Confirm: concede' : 'Concede'} on ${o.issue}: your offer moves from ${o.from} to ${o.to}; your offer is then worth ${f.num(o.after)} to you (now ${f.num(o.before)}; walk-away ${f.num(o.walkAway)}).${o.below ? ' Warning: below your walk-away value.' : ''}${o.confirming ? ' Press again to concede.' : ''}`,
  concedeDescription: (from: string, to: string, after: number, below: boolean) =>
    `${from} → ${to}: worth ${f.num(after)} to you${below ? ', below your walk-away' : ''}`,
  /** The board's legend, longest first: "■ <party> offer", "◆ <mediator> bridge", "▭ your draft", "┅ a concession lands". */
  legendOffer: (party: string) => `${party} offer`,
  legendBridge: (mediator: string) => `${mediator} bridge`,
  legendOffers: (glyphs: string) => `${glyphs} offers`,
  legendYourDraft: 'your draft',
  legendConcession: 'a concession lands',
  legendDraft: 'draft',
  legendConcessionShort: 'concession',

  // The ladder
  ladder: 'Escalation ladder',
  hazardLevel: { severe: 'severe', elevated: 'elevated', low: 'low' },
  hazardRoll: 'Hazard of the end-of-round roll',
  hazardHidden: 'Hidden by the facilitator',
  hazardNow: 'Hazard of the end-of-round roll, now',
  /** The moves' names in the hazard preview, by the rules' own name for each. */
  moveName: {
    conciliatory: 'conciliatory',
    firm: 'firm',
    threat: 'threat',
    propose: 'propose',
    concede: 'concede',
    accept: 'accept',
    'endorse bridge': 'endorse bridge',
    bridge: 'bridge',
    recess: 'recess',
    'walk out': 'walk out',
  } as Record<string, string>,
  previewLine: (groups: string) => `Your move, before their reply: ${groups}`,
  /** Between the names of moves of the same hazard. */
  comma: ', ',

  // Support at home
  supportAtHome: 'Support at home',
  recallLine: 'recall line',
  pressureLine: 'hardliner pressure',

  // The counterpart
  waitingOpening: 'Waiting for your opening move.',
  askedBridge: (mediator: string) => `Asked ${mediator} to bridge the gap.`,
  theMediator: (mediator: string) => `${mediator}, the mediator`,
  seatLeft: (party: string) => `${party}'s delegation has left the table (their connection is lost). They can come back with their link.`,
  letAi: (party: string) => `Let the AI play ${party}`,
  letAiLabel: (personality: string, party: string) => `Let the AI (${personality}) play ${party}'s seat from the next move on`,

  // The wire
  wire: 'Wire',

  // The reason field
  reasonHeading: "Why? one line, for your team's memo",
  reasonLabel: "Why? One line for your team's memo, sent with your next move (optional)",
  reasonPlaceholder: 'Optional: why this move?',

  // The pause
  pausedHeadline: 'Paused by the facilitator',
  pausedDetail: 'No side can move until the facilitator resumes the talks. Your draft and your reason are kept.',
  pausedSentence: 'Paused by the facilitator: no side can move until the facilitator resumes the talks.',

  // The teacher's message
  fromTeacher: 'From your teacher',
  timeLeft: (clock: string) => `Time left: ${clock}.`,
  timeIsUp: 'Time is up.',
  // The server's own notices (classProtocol.ts NoticeMsg).
  noticeClassEnded: 'The class has ended: thank you. Your teacher will lead the debrief.',
  noticeRoundTimer: (round: number, of: number, minutes: number) =>
    `Round ${f.num(round)} of ${f.num(of)}: ${f.plural(minutes, { one: `${f.num(minutes)} minute`, other: `${f.num(minutes)} minutes` })} for this round.`,
  timeIsUpClock: 'Time is up',
  teacherTimeUp: 'From your teacher: time is up.',
  dismiss: 'Dismiss',
  dismissLabel: (message: string) => `Dismiss the message from your teacher: ${message}`,

  // Watching
  watchingNote: 'You are watching: moves appear as the delegations make them.',
  whoseOver: 'the talks are over',
  whosePaused: 'paused by the facilitator',
  toMove: (party: string) => `${party} to move`,
  toMoveMark: 'to move',
  watchingTable: (code: string) => `Watching table ${f.iso(code)}`,

  // Your brief
  narrowed: (round: number | null) => (round === null ? 'narrowed by intelligence' : `narrowed by intelligence in round ${f.num(round)}`),
  briefOpenHeading: 'Your brief (open: Close your brief returns to the table)',
  walkAwayWorth: (n: number) =>
    `Walking away is worth ${f.num(n)} points to you (of ${f.num(100)}). Any deal worth less is worse than no deal.`,
  priority: (p: string) => `Priority: ${p}`,
  howMuchMatters: 'How much each issue matters to you',
  issueShare: (issue: string, n: number) => `${issue}: ${f.num(n)} percent of your priorities`,
  redLines: 'Red lines',
  believeHeading: (party: string) => `What you believe ${party} cares about`,
  believeAsOf: (party: string, round: number) => `What you believe ${party} cares about, as of round ${f.num(round)}`,
  believedRange: (issue: string, lo: number, hi: number) => `${issue}: ${f.num(lo)} to ${f.num(hi)} percent of their priorities`,
  narrowedNote: (issue: string, words: string, lo: number, hi: number) =>
    `${issue}: ${words} (your brief said ${f.num(lo)} to ${f.num(hi)} percent).`,
  narrowedNoteShort: (issue: string, words: string, lo: number, hi: number) =>
    `${issue}: ${words} (your brief said ${f.num(lo)}–${f.num(hi)}%).`,
  noIntel: 'No intelligence has changed these ranges yet.',
  noIntelDrawer: 'No intelligence has changed these ranges yet: they are what your brief said.',
  theirWalkAway: (lo: number, hi: number) => `Their walking-away value is believed to lie between ${f.num(lo)} and ${f.num(hi)} points.`,
  eyesOnly: 'Your brief · eyes only',
  priorities: 'Priorities',
  intel: 'intel',
  close: 'Close',
  closeBriefLabel: 'Close your brief and return to the table',

  theTerms: 'The terms',
  noAgreement: 'No agreement',
  noAgreementLine: 'No agreement.',
  notOnAgenda: '(not on the agenda)',
  noDealText: 'Both delegations fall back on their walk-away positions: the pressure and the risk of war continue.',
  scores: 'Scores',
  scoreDetail: (deal: boolean, worth: number, you: boolean, walkAway: number, support: number) =>
    `${deal ? 'Deal' : 'No deal:'} worth ${f.num(worth)} to ${you ? 'you' : 'them'}\nWalk-away ${f.num(walkAway)} · support ${f.num(support)}`,
  toDebrief: 'Debrief',
  toDebriefLabel: 'Go to the debrief: see the frontier, the escalation timeline and both private briefs',
  backToReplay: 'Back to the replay',
  backToReplayLabel: 'Back to the replay viewer, at its last step',
  outcome: 'Outcome',
  whatHappened: 'What happened',
  terms: 'Terms',
};
