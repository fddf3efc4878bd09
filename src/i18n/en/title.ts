// English catalogue: the "title" part. Each entry is a text, or a function of the values it shows;
// numbers go through `f` (the current Format), so that Persian gets its own digits.
// The screens before the table: boot, title, briefing, agenda, the hot seat's hand-off, and the
// words the screens take from a scenario (scenarioWords.ts).
import { f } from '../current';

/** A number as the scenario gives it (as many decimals as it has, at most six): 6 → "6", 2.5 → "2.5". */
export const asGiven = (n: number): string => f.num(n, Math.min(6, (String(n).split('.')[1] ?? '').length));

export default {
  // ---- Words taken from a scenario (scenarioWords.ts) ----
  /** The game's name, as a scenario's title may open with it ("Backchannel: …"). */
  gameName: 'Backchannel',
  /** " in <venue>": "Sit at the table" + inVenue(venue). */
  inVenue: (venue: string) => ` in ${venue}`,
  /** Names joined into one phrase: "A and B". */
  and: (items: readonly string[]) => items.join(' and '),
  /** Names listed: "A, B, C". */
  commas: (items: readonly string[]) => items.join(', '),
  /** A scenario's date (YYYY-MM-DD) as the screens show it. */
  scenarioDate: (iso: string) => iso,

  // ---- Boot ----
  opening: 'Opening the backchannel…',

  // ---- Title ----
  heading: 'BACKCHANNEL',
  tagline: (where: string) => `A diplomatic crisis game. Sit at the table${where}, keep the guns quiet, and bring home a deal.`,
  scenarioRow: 'Scenario',
  delegationRow: 'Your delegation',
  counterpartRow: 'Counterpart',
  difficultyRow: 'Difficulty',
  seedRow: 'Seed (same seed, same game)',
  modeRow: 'Mode',
  withErrors: (id: string) => `${id} (has errors)`,
  scenarioButton: (name: string, parties: string | null, file: string | null) =>
    `Scenario: ${name}${parties === null ? '' : ` (${parties})`}${file === null ? '' : ` (loaded from the file ${file})`}`,
  playAs: (name: string) => `Play as ${name}`,
  counterpartButton: (name: string, description: string) => `Counterpart: ${name}. ${description}`,
  difficultyButton: (name: string, description: string) => `Difficulty: ${name}. ${description}`,
  cannotBePlayed: 'This scenario cannot be played',
  seedLabel: 'Seed: the same seed and moves always give the same game',
  newSeed: 'New seed',
  newSeedLabel: 'Pick a new random seed',
  copyLink: 'Copy link',
  copyLinkLabel: 'Copy link: a link that starts this same game (scenario, seed and side)',
  modeCaption: { solo: 'Solo vs AI', hotseat: 'Hot seat', replay: 'Replay', online: 'Online' },
  modeName: {
    solo: 'Solo vs AI',
    hotseat: 'Hot seat (2 teams)',
    replay: 'Watch a replay',
    online: 'Play online (two browsers, or against the AI on the game server)',
  },
  modeButton: (name: string) => `Mode: ${name}`,
  classSetupPin: 'Class set-up ✓ PIN',
  classSetup: 'Class set-up…',
  classSetupLabel: 'Class set-up: the class link, a printable sheet with a QR code, and the facilitator PIN',
  cannotStart: 'Cannot start yet',
  start: 'Take your seat  ▶',
  startUnavailable: (problem: string) => `Start the talks (unavailable: ${problem})`,
  startLabel: 'Start the talks: read your briefing',

  // Warnings in the right column.
  linkProblems: (n: number) => `The link had ${f.plural(n, { one: 'a problem', other: `${f.num(n)} problems` })} — defaults used`,
  moreInScreenText: (n: number) => `…and ${f.num(n)} more (all are listed in the screen text).`,
  replayNotOpened: 'The replay could not be opened',
  fileProblems: (n: number) => `The scenario file has ${f.plural(n, { one: 'a problem', other: `${f.num(n)} problems` })}`,
  andMore: (n: number) => `…and ${f.num(n)} more.`,
  showAll: 'Show all',
  showAllLabel: (n: number, file: string) => `Show all ${f.num(n)} problems in the scenario file ${file}`,
  fileLoaded: 'Scenario file loaded',

  // The list of scenarios.
  theScenario: 'The scenario',
  scenariosByParties: 'Scenarios, by the parties at the table',
  fromAFile: ' (from a file)',
  chosenMore: (date: string, mediator: string) => ` · ${date} · mediator: ${mediator}`,
  itHasErrors: 'It has errors.',
  moreScenarios: (n: number) => `…and ${f.num(n)} more: every scenario is in the screen text.`,
  cannotBePlayedGroup: 'Cannot be played',
  /** Before the second party of a group's heading: "A and B". */
  andBefore: 'and ',
  loadFile: 'Load a file…',
  loadFileLabel: 'Load a scenario file (JSON or YAML): it is checked, and its errors are listed if it has any',

  // Online: creating a table.
  tableCreated: 'Table created',
  connecting: 'Connecting…',
  createTable: 'Create a table  ▶',
  createUnavailable: (why: string) => `Create a table (unavailable: ${why})`,
  tableAlreadyWaiting: 'a table is already waiting for the other player',
  createLabel: 'Create a table on the game server with these choices',
  nameLabel: 'Your name or your team’s, shown to the other delegation (optional)',
  namePlaceholder: 'Your name or team (optional)',

  // Online: the right column.
  yourTable: 'Your table',
  waitingForGuest:
    'Waiting for the other player… Give them the code, the link or the QR code: the briefing opens for both of you when they join.',
  joinLinkOf: (code: string) => `Join link of table ${code}`,
  copyTableLinkLabel: (code: string) => `Copy link: the link that joins table ${code}`,
  leave: 'Leave',
  leaveTable: (code: string) => `Leave table ${code}`,
  playOnline: 'Play online',
  runClass: 'Run a class…',
  runClassLabel: 'Run a class: open the teacher’s console to create a live class (your students join with its code)',
  otherSeat: 'The other seat at a table you create:',
  seatHuman: 'A person (share the code)',
  seatHumanLabel: 'The other seat: a person, who joins with the table code',
  seatAi: (name: string | null) => `The AI: ${name ?? 'counterpart'}`,
  seatAiLabel: (name: string | null) => `The other seat: the AI counterpart ${name ?? ''}, played on the server`,
  joinOrWatch: 'Join or watch a table, or join your class: type its code',
  codeLabel: 'Table or class code (like K7QW-M3ZP)',
  codePlaceholder: 'K7QW-M3ZP',
  joinTable: 'Join a table  ▶',
  joinTableBusy: 'Join a table (unavailable: connecting to the game server)',
  joinTableLabel: 'Join the table with this code',
  watch: 'Watch',
  watchBusy: 'Watch a table (unavailable: connecting to the game server)',
  watchLabel: 'Watch the table with this code: live and read-only, public information only',
  openClass: 'Join a class  ▶',
  openClassBusy: 'Join a class (unavailable: connecting to the game server)',
  openClassLabel: 'Join the class with this code: your team’s name next',
  tableNotOpened: 'The table could not be opened',
  connectingToServer: 'Connecting to the game server…',
  needsServer: 'Online play needs the game server (npm run serve): both players open the same address.',

  // A class.
  classNote: 'In a class, your teacher has chosen the scenario, the sides and the seed: join on the right with your team’s name.',
  joinTheClass: 'Join the class',
  leaveClass: 'Leave the class',
  notInClass: 'Not in a class?',
  leaveClassLabel: (code: string) => `Leave class ${code}: your team keeps its place if you join again`,
  notInClassLabel: 'Not in a class: back to creating or joining a table',
  teamName: 'Your team’s name',
  teamNameLabel: 'Your team’s name, shown to your teacher and the other team',
  teamKept: 'Your team (kept from last time)',
  joining: 'Joining…',
  joined: 'Joined',
  joinClass: 'Join the class  ▶',
  joinClassUnavailable: (code: string) => `Join the class (unavailable: your team is in class ${code})`,
  joinClassLabel: (code: string) => `Join the class ${code} with this team name`,
  couldNotJoin: 'Could not join the class',
  joiningClass: 'Joining the class…',
  inClassAs: (team: string) => `You are in the class as “${team}”. Seated soon: waiting for another team to join the class…`,
  seatedWaiting: (table: string) => `Seated at table ${table}: waiting for the other team to sit down…`,
  seatedJoining: (table: string) => `Seated at table ${table}: joining it…`,
  rejoin: 'This device was in the class before: join again to take your team’s place back.',
  typeTeam: 'Type your team’s name and join: your teacher seats each team at a table, and the game starts there.',

  // Replays.
  openReplay: 'Open a replay file…',
  openReplayLabel: 'Open a replay file to watch it (a .replay.json file)',
  dropReplay: 'Or drop a .replay.json file anywhere on this screen. Replays are checked move by move before they play.',

  // The saved game.
  savedGame: 'Saved game',
  savedGames: 'Saved games',
  hotSeat: 'Hot seat',
  seedOf: (seed: string) => ` · seed “${seed}”`,
  moves: (n: number) => f.plural(n, { one: `${f.num(n)} move`, other: `${f.num(n)} moves` }),
  forkOf: (turn: string) => ` · fork of turn ${turn}`,
  viewName: {
    briefing: 'at the briefing',
    agenda: 'in the agenda dispute',
    rounds: 'at the table',
    outcome: 'talks over',
    debrief: 'at the debrief',
  } as Record<string, string>,
  continue: 'Continue  ▶',
  continueLabel: (summary: string) => `Continue the saved game: ${summary}`,

  // The title screen's text (describe).
  linkProblemsHeading: 'Problems with the link',
  joinClassHeading: (code: string) => `Join the class ${code}`,
  yourTableHeading: (code: string) => `Your table: ${code}`,
  waitingLink: (link: string) => `Waiting for the other player. The join link: ${link}`,
  fileProblemsHeading: (file: string) => `The scenario file ${file} has problems`,
  scenarioErrors: 'Scenario errors',
  scenariosOf: (parties: string) => `Scenarios: ${parties}`,
  unplayable: 'Scenarios that cannot be played',
  hasErrorsLine: (id: string) => `${id}: has errors`,
  screenTitle: 'Backchannel: choose your game',

  // ---- Briefing ----
  briefing: {
    header: 'Briefing',
    youLead: (party: string) => `You lead the ${party} delegation`,
    across: (head: string, headTitle: string, theirHead: string, theirShort: string, ai: string | null) =>
      `${head}, ${headTitle}. Across the table: ${theirHead} for ${theirShort} (AI: ${ai ?? 'counterpart'}).`,
    situation: 'The situation',
    privateBrief: 'Your private brief',
    whatYouKnow: (short: string) => `What you know of ${short}`,
    show: (tab: string) => `Show: ${tab}`,
    toAgenda: 'To the agenda  ▶',
    toAgendaLabel: 'Go to the agenda dispute',
    readAll: 'Read all three tabs: the agenda fight starts the moment you sit down.',
    publicPosition: (party: string) => `${party}: public position`,
    theMediator: (mediator: string) => `The mediator: ${mediator}`,
    eyesOnly: 'Eyes only',
    priorities: 'Priorities',
    redLines: 'Red lines',
    ifYouWalkAway: 'If you walk away',
    walkAwayWorth: (points: number) =>
      `Walking away is worth ${f.num(points)} points to you (of ${f.num(100)}). Any deal worth less is worse than no deal.`,
    issueWeights: 'How much each issue matters to you',
    theyCare: (short: string) => `What ${short} is believed to care about (your brief's estimate)`,
    theirRange: (lo: number, hi: number) =>
      `Their walking-away value is believed to lie between ${f.num(lo)} and ${f.num(hi)} points. Intelligence may narrow these ranges during the talks.`,
    answersTo: (short: string) => `Who ${short} answers to`,
    agenda: 'Agenda',
    nothingBeyondCore: 'nothing beyond the core',
    wants: (mine: string, short: string, theirs: string) => `You want on the table: ${mine}.\n${short} wants: ${theirs}.`,
    screenTitle: (party: string) => `Briefing: you lead the ${party} delegation`,
    priority: (priority: string) => `Priority: ${priority}`,
    walkAwayShort: (points: number) => `Walking away is worth ${f.num(points)} points to you.`,
    believeCares: (short: string) => `What you believe ${short} cares about`,
    beliefLine: (issue: string, lo: number, hi: number) => `${issue}: ${f.num(lo)} to ${f.num(hi)} percent of their priorities`,
  },

  // ---- Agenda ----
  agenda: {
    header: 'Agenda',
    question: 'What is this table for?',
    turnsLeft: (n: number, mediator: string, compromise: string) =>
      `${f.num(n)} agenda ${f.plural(n, { one: 'turn', other: 'turns' })} left. If you cannot agree, ${mediator} imposes its compromise: core issues plus ${compromise}.`,
    theCoreOnly: 'the core issues only',
    alwaysOn: 'Always on the table',
    contestedBoth: 'Contested: what each side proposes',
    contestedYours: 'Contested: your proposal',
    partyStance: (short: string, wants: boolean, proposes: boolean | null) =>
      `${short} ${wants ? 'wants it' : 'wants it off'}${proposes === null ? '' : `; proposes it ${proposes ? 'on' : 'off'}`}`,
    youStance: (want: boolean) => `you ${want ? 'want it' : 'want it off'}`,
    theyStance: (short: string, wants: boolean) => `${short} ${wants ? 'wants it' : 'wants it off'}`,
    theirProposal: (on: boolean) => `their proposal: ${on ? 'on' : 'off'}`,
    onProposal: '✓ On your proposal',
    offProposal: '✕ Off your proposal',
    toggleLabel: (issue: string, on: boolean) => `${issue}: ${on ? 'on' : 'off'} your proposed agenda`,
    newsTitle: 'Agenda talks',
    coreOnly: 'core issues only',
    propose: 'Propose this agenda',
    proposeLabel: (issues: string) => `Propose an agenda with ${issues}`,
    corePlus: (issues: string) => `Core + ${issues}`,
    accept: (short: string) => `Accept ${short}'s agenda`,
    acceptLabel: (short: string, issues: string | null) =>
      issues === null ? `Accept ${short}'s agenda (none proposed yet)` : `Accept ${short}'s agenda: ${issues}`,
    acceptNote: (issues: string, support: number) => `Core + ${issues}. Yielding an issue you want costs ${asGiven(support)} support.`,
    notProposed: 'They have not proposed yet.',
    force: 'Force our agenda',
    forceLabel: (tension: number) => `Force your full agenda: raises tension by about ${asGiven(tension)}`,
    forceNote: (tension: number) => `Raises tension (+${asGiven(tension)} per disputed issue); they lose support.`,
    walkout: 'Walk out',
    walkoutLabel: 'Walk out of the talks: ends the game',
    walkoutNote: 'Ends the talks at once.',
    notAllowed: (why: string) => `Not allowed: ${why}`,
    proposesAdding: (who: string, issues: string) => `${who} proposes adding: ${issues}.`,
    nothing: 'nothing',
    notYet: (who: string) => `${who} has not proposed yet.`,
    yourProposal: (issues: string) => `Your proposal would add: ${issues}.`,
    screenTitle: 'The agenda dispute',
    paused: 'Paused',
    whereItStands: 'Where it stands',
    alwaysOnLine: (issues: string) => `Always on the table: ${issues}.`,
    turnsBefore: (n: number, mediator: string) => `${f.num(n)} agenda turns left before ${mediator}'s compromise.`,
  },

  // ---- Hot seat: the hand-off between two teams ----
  handoff: {
    team: (short: string) => `the ${short} team`,
    headline: (team: string) => `Hand the screen to ${team}`,
    next: {
      briefing: 'read your private brief',
      agenda: 'set the agenda',
      rounds: 'take your turn at the table',
    },
    hotSeatTitle: (title: string) => `${title} · hot seat`,
    hidden: 'Handoff — screen hidden',
    everythingHidden: (team: string, next: string) =>
      `Everything private is hidden: briefs, drafts, walk-away values and guesses. The other team looks away; when only ${team} can see the screen, press the button to ${next}.`,
    lastMove: 'Last public move',
    paused: 'The facilitator has paused the talks.',
    weAre: (team: string) => `We are ${team}  ▶`,
    weAreLabel: (team: string) => `We are ${team}: show our screen`,
    hiddenLine: (next: string) => `Everything private is hidden. When only your team can see the screen, press the button to ${next}.`,
    lastMoveLine: (move: string) => `Last public move: ${move}`,
    screenTitle: 'Handoff',
  },
};
