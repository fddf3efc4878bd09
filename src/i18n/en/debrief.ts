// English catalogue: the "debrief" part — the debrief screen and its charts, the classroom memos and
// perception checks, the replay viewer, and the words for outcomes, scores and escalation risk that
// the outcome screen and the table share. Numbers go through `f` (the current Format).
import { f } from '../current';

/** A number as JavaScript prints it (0.05 → "0.05", 3 → "3"), in the language's digits. */
const plain = (n: number): string => f.num(n, Math.min(6, (String(n).split('.')[1] ?? '').length));
/** A score: "+0.42", "−0.10". */
const score = (x: number): string => `${x >= 0 ? '+' : '−'}${f.num(Math.abs(x), 2)}`;

export default {
  score,
  termDeal: (x: number) => `deal ${score(x)}`,
  termLadder: (x: number, climbed: number) => `ladder ${score(x)} (${f.num(climbed)} rung${climbed === 1 ? '' : 's'} climbed)`,
  termConflict: (x: number) => `conflict ${score(x)}`,
  termSupport: (x: number) => `support ${score(x)}`,
  theStart: 'the start',
  theTopRung: 'the top rung',
  scoreFormula: (perRung: number, start: string, conflict: number, top: string, perPoint: number) =>
    `Score = the deal's gain over your walk-away, scaled to 1 (0 without a deal), −\u00a0${plain(perRung)} for each rung above "${start}", −\u00a0${plain(conflict)} if the crisis ends at the top rung ("${top}"), ±\u00a0${plain(perPoint)} for each point of support won or lost.`,

  // ── Escalation risk (shared with the table and the ladder) ──
  cause: {
    move: 'move',
    event: 'event',
    domestic: 'home',
    agenda: 'agenda',
    decay: 'decay',
    draw: 'round end',
    facilitator: 'facilitator',
  },
  tensionUp: (t: number) => `tension +${f.num(t)}`,
  tensionDown: (t: number) => `tension −${f.num(t)}, calming`,
  tensionZero: () => `tension ${f.num(0)}`,

  // ── The debrief screen ──
  title: 'Debrief',
  heading: (headline: string) => `Debrief: ${headline}`,
  tab: {
    deal: 'The deal',
    escalation: 'Escalation',
    rounds: 'Round by round',
    briefs: 'Both briefs',
    memos: 'Memos & perception',
  },
  tabLabel: (caption: string) => `Debrief: ${caption}`,
  downloadReplay: 'Download replay',
  downloadReplayLabel: 'Download the replay file of this game',
  backToReplay: '◀  Back to the replay',
  backToReplayLabel: 'Back to the replay viewer, at its last step',
  playAgain: 'Play again  ↺',
  playAgainLabel: 'Back to the title screen for a new game',

  // The deal
  howGood: 'How good was the outcome?',
  dealToFrontier: (points: number, efficient: boolean) =>
    `The deal sits ${f.num(points)} points from the frontier${efficient ? ': efficient — nothing was left on the table.' : ': some value was left on the table that both sides could have shared.'}`,
  dealToNash: (points: number) =>
    `It is ${f.num(points)} points from the Nash point, the split that maximises both sides' gains over walking away.`,
  noDealLine: 'No deal: both sides sit at their walk-away values, below the frontier.',
  nearNash: (a: string, pa: number, b: string, pb: number) =>
    `A deal near the Nash point would have given ${a} ${f.num(pa)} and ${b} ${f.num(pb)}.`,
  sideResult: (name: string, you: boolean, points: number, walkAway: number, sideScore: number) =>
    `${name}${you ? ' (you)' : ''}: ${f.num(points)} points (walk-away ${f.num(walkAway)}), score ${score(sideScore)}.`,
  readingChart: 'Reading the chart',

  // Charts
  utilityAxis: (party: string) => `${party} utility →`,
  tick: (n: number) => f.num(n),
  legendFrontier: 'Gold line: Pareto frontier (no side can gain without the other losing)',
  legendWalkAway: 'Dashed red lines: walk-away values',
  legendNash: (a: number, b: number) => `Diamond: Nash point (${f.num(a)}, ${f.num(b)})`,
  legendDeal: (a: number, b: number) => `Star: the deal (${f.num(a)}, ${f.num(b)})`,
  legendNoDeal: (a: number, b: number) => `Star: no deal, each side at its walk-away value (${f.num(a)}, ${f.num(b)})`,
  markNash: 'Nash',
  markDeal: 'Your deal',
  markNoDeal: 'No deal',

  // Escalation
  start: 'start',
  roundShort: (round: number) => `R${f.num(round)}`,
  hazardAtRoundEnd: 'Hazard at round end',
  rungShare: 'Rung (share of top)',
  percent: 'percent',
  round: 'round',
  finishedOn: (rung: number, name: string, tension: string, split: string) =>
    `Finished on rung ${f.num(rung)}: ${name}. Closing ${tension}. ${split}`,
  largestChanges: (n: number) => `What moved the risk: the ${f.num(n)} largest changes, in round order`,
  rungUp: '▲ rung',
  rungDown: '▼ rung',
  hazardDelta: (delta: number) => `${delta >= 0 ? '+' : '−'}${f.num(Math.abs(delta), 1)}`,
  hazardPts: 'hazard pts',

  // Round by round
  offerValue: (party: string) => `${party}: value of the other's offer`,
  utility: 'utility',
  roundsExplained:
    "Each line is what one side could have had by accepting the other's standing offer at the end of that round (its walk-away value until an offer was on the table). Lines that rise mean the other side was giving ground.",
  endedBeforeFirstRound: 'The talks ended before the first round closed.',

  // Both briefs
  privateBrief: (party: string) => `${party}: private brief`,
  truePriorities: (other: string) => `True priorities (▼) vs what ${other} believed (range)`,
  trueWalkAwayPoints: (points: number) => `True walk-away value: ${f.num(points)} points.`,

  // Screen text
  dealAndFrontier: 'The deal and the frontier',
  nashPoint: (a: string, pa: number, b: string, pb: number) => `Nash point: ${a} ${f.num(pa)}, ${b} ${f.num(pb)}.`,
  escalationTimeline: 'Escalation timeline',
  roundLine: (round: number, line: string) => `Round ${f.num(round)}: ${line}`,
  utilityByRound: 'Utility by round',
  /** Between the items of a list that is not a sentence ("A 40, B 55"). */
  listSep: ', ',
  partyPoints: (party: string, points: number) => `${party} ${f.num(points)}`,
  trueWalkAway: (points: number) => `True walk-away value: ${f.num(points)}.`,
  trueWeight: (issue: string, pct: number) => `${issue}: true weight ${f.num(pct)} percent`,

  // ── Memos & perception (the classroom part) ──
  team: (party: string) => `${party} team`,
  you: (party: string) => `${party} (you)`,
  theAi: (party: string) => `${party} (the AI)`,
  signed: (n: number) => `${n >= 0 ? '+' : '−'}${f.num(Math.abs(Math.round(n)))}`,
  splitSolo: (mine: string, aiParty: string | null, ai: string, world: string, facilitator: string | null) =>
    `Tension your moves caused ${mine}, ${aiParty !== null ? `${aiParty}'s moves (the AI)` : "the AI's moves"} ${ai}, world events ${world}${facilitator !== null ? `, the facilitator added ${facilitator}` : ''}.`,
  splitClass: (students: string, world: string, facilitator: string) =>
    `Tension the students caused ${students}, world events ${world}, the facilitator added ${facilitator}.`,
  facilitatorEntry: (round: number, line: string, tension: string) =>
    `Round ${f.num(round)} — facilitator-caused: ${line} (tension ${tension})`,
  /** A move as the position memo names it. */
  memoMove: {
    'propose-agenda': 'propose-agenda',
    'accept-agenda': 'accept-agenda',
    'force-agenda': 'force-agenda',
    propose: 'propose',
    accept: 'accept',
    'accept-bridge': 'accept-bridge',
    concede: 'concede',
    statement: 'statement',
    recess: 'recess',
    bridge: 'bridge',
    walkout: 'walkout',
    guess: 'guess',
  } as Record<string, string>,
  memoLine: (round: number, move: string, reason: string) => `R${f.num(round)} ${move}: ${reason}`,
  noReasons: (party: string) => `No reasons recorded by ${party}.`,
  truthAbout: (party: string, priority: string, redLine: string) => `Truth about ${party}: top priority ${priority}, red line ${redLine}.`,
  noChecks: 'No perception checks recorded.',
  perceptionScore: (share: number, checks: number) =>
    `Perception score: ${f.pct(share)} right over ${f.num(checks)} check${checks === 1 ? '' : 's'}.`,
  guessLine: (round: number, priority: string, priorityRight: boolean, redLine: string, redLineRight: boolean) =>
    `R${f.num(round)}: priority ${priority} ${priorityRight ? '✓' : '✗'}, red line ${redLine} ${redLineRight ? '✓' : '✗'}`,
  positionMemo: (who: string) => `${who}: position memo`,
  perceptionCheckOf: (who: string) => `${who}: perception check`,
  perceptionCheck: 'Perception check',
  whoAddedRisk: 'Who added the risk',

  // ── The replay viewer ──
  replay: 'Replay',
  replayMark: '▶ Replay',
  turnOf: (step: number, steps: number) => `Turn ${f.num(step)} of ${f.num(steps)}.`,
  wireUpTo: (step: number) => `Wire up to turn ${f.num(step)}`,
  person: 'a person',
  randomMoves: 'random moves',
  /** An AI seat: `id` is its strategy's id, `name` the personality of that id in the scenario (or the id). */
  aiSeat: (id: string, _name: string) => `AI (${id})`,
  replayHeader: (title: string, seed: string, seats: string) => `${title} · seed “${seed}” · ${seats}`,
  titleScreen: 'Title screen',
  titleScreenLabel: 'Leave the replay: back to the title screen',
  agendaDispute: 'the agenda dispute',
  roundOfDeadline: (round: number, of: number) => `round ${f.num(round)} of ${f.num(of)}`,
  beforeFirstMove: 'Before the first move',
  turnWhere: (step: number, steps: number, where: string) => `Turn ${f.num(step)} of ${f.num(steps)} · ${where}`,
  replayIntro: (title: string, first: string) => `${title}. ${first} moves first. Step forward to watch the talks move by move.`,
  facilitator: 'Facilitator',
  seatDoes: (seat: string, action: string) => `${seat} ${action}`,
  action: {
    'propose-agenda': 'proposes an agenda',
    'accept-agenda': 'accepts the agenda',
    'force-agenda': 'forces its agenda',
    propose: 'proposes a package',
    accept: 'accepts the standing offer',
    concede: 'concedes a step',
    statement: 'makes a public statement',
    recess: 'asks for a recess',
    walkout: 'walks out',
    guess: 'makes a perception check',
    pause: 'pauses the talks',
    inject: 'injects an event',
    'inject-custom': 'injects an event',
    deadline: 'moves the deadline',
    'show-hazard': 'changes what the teams see',
  } as Record<string, string>,
  endorsesBridge: (mediator: string) => `endorses ${mediator}'s bridge`,
  asksBridge: (mediator: string) => `asks ${mediator} for a bridge`,
  tablesBridge: (mediator: string) => `tables a bridge for ${mediator}`,
  whatHappened: 'What happened',
  eventEntry: (title: string, line: string) => `${title}: ${line}`,
  andMore: (n: number) => `… and ${f.num(n)} more (see the wire)`,
  privateMove: 'Nothing the table saw (a private move).',
  escalationThisStep: 'Escalation this step',
  hazardStep: (before: string, after: string, tension: string) => `hazard ${before} → ${after} · ${tension}`,
  /** A hazard: 0.042 → "4.2%", 0.25 → "25%" (a decimal under 10%). */
  hazard: (x: number) => f.pct(x, x < 0.1 ? 1 : 0),
  hazardChange: (before: string, after: string) => `${before} → ${after}`,
  noRiskChangeStep: 'No change in escalation risk this step.',
  toStart: '◀◀ Start',
  toStartLabel: 'Go to the start, before the first move',
  back: '◀ Back',
  backLabel: (turn: number) => `Step back to turn ${f.num(turn)}`,
  pause: '❚❚ Pause',
  play: '▶ Play',
  pauseLabel: 'Pause the replay',
  playLabel: 'Play the replay turn by turn',
  forward: 'Forward ▶',
  forwardLabel: (turn: number) => `Step forward to turn ${f.num(turn)}`,
  toEnd: 'End ▶▶',
  toEndLabel: 'Go to the end of the replay',
  jumpToRound: 'Jump to a round',
  chipAgenda: 'Agenda',
  chipAgendaShort: 'Ag.',
  chipRound: (round: number) => `Rd ${f.num(round)}`,
  chipRoundShort: (round: number) => `R${f.num(round)}`,
  jumpAgendaLabel: (turn: number) => `Jump to the agenda dispute (turn ${f.num(turn)})`,
  jumpRoundLabel: (round: number, turn: number) => `Jump to Round ${f.num(round)} (turn ${f.num(turn)})`,
  verified: '✓ Verified',
  allReplayed: (steps: number) => `All ${f.num(steps)} turns re-played from the seed; every checksum matches.`,
  finalChecksum: (checksum: string) => `Final checksum ${checksum}`,
  forkOf: (turn: string) => `A fork of another game at turn ${turn}.`,
  takeOverHere: 'Take over from here',
  whatIf: (turn: number) => `What if…? Play on live from turn ${f.num(turn)} against the AI.`,
  talksOver: 'The talks are over at this step.',
  seatOf: (party: string) => `the ${party} seat`,
  takeOver: (glyph: string, seat: string) => `${glyph} Take over ${seat}`,
  takeOverLabel: (seat: string, turn: number) => `Take over ${seat}: play on live from turn ${f.num(turn)}`,
  howItEnded: 'How it ended',
  sideScore: (party: string, x: number) => `${party}: score ${score(x)}`,
  watchEnding: 'Outcome and debrief  ▶',
  watchEndingLabel: 'See the outcome and the debrief of this replay',
  beforeFirstMoveLine: 'Before the first move.',
  noRiskChange: 'No change in escalation risk.',
  verifiedHeading: 'Verified',
  verifiedLine: (steps: number, checksum: string) => `All ${f.num(steps)} turns re-played from the seed; final checksum ${checksum}.`,
  riskLine: (cause: string, line: string, change: string) => `${cause}: ${line} (hazard ${change})`,
  replayTitle: (step: number, steps: number, where: string) => `Replay: turn ${f.num(step)} of ${f.num(steps)}, ${where}`,
  agenda: 'agenda',
  roundN: (round: number) => `round ${f.num(round)}`,
};
