// English catalogue: the "dom" part — the page around the canvas (index.html's words), the aria-live
// log, and the DOM dialogs (share, scenario file errors, facilitator, perception check, class set-up).
// Each entry is a text, or a function of the values it shows; numbers go through `f` (the current
// Format), so that Persian gets its own digits. Names (a party, the mediator, a rung) come in from
// `shown(scenario)`; codes, seeds and file names come in as they are.
import type { Severity } from '../../core/scenario/constants';
import { f } from '../current';

/** A tension change as the facilitator's note shows it: "+15", "−6", "+0". */
const signed = (n: number) => (n < 0 ? `−${exact(-n)}` : `+${exact(n)}`);
/** A number with as many decimals as it has (a typed extra may have some). */
const exact = (n: number) => f.num(n, Number.isInteger(n) ? 0 : Math.min((String(n).split('.')[1] ?? '').length, 6));

export default {
  // ----- the page (index.html), set at start-up and on every change of language (pageWords.ts)
  pageTitle: 'Backchannel — a diplomatic negotiation game',
  gameName: 'Backchannel',
  settingsButton: 'Settings',
  controlsRegion: 'Game controls',
  screenRegion: 'Screen text',
  logRegion: 'Log of moves and events',

  // ----- the aria-live log
  whatHappened: 'What happened',

  // ----- shared by the dialogs
  close: 'Close',
  cancel: 'Cancel',

  // ----- "Copy link" (share dialog)
  shareTitle: 'Share this game',
  shareIntro: 'Anyone who opens this link gets the same scenario, seed and seat: the same game, move for move.',
  shareField: 'Link to this game',
  copyAgain: 'Copy again',
  linkCopied: 'Link copied to the clipboard.',
  linkSelected: 'The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.',

  // ----- a scenario file with errors
  fileCannotBeUsed: (name: string, problems: number) =>
    `“${name}” cannot be used: ${f.plural(problems, { one: `${f.num(problems)} problem`, other: `${f.num(problems)} problems` })}`,
  fileErrorsIntro: (name: string) =>
    `Each line names the place in the file and the rule it breaks, exactly as “npx backchannel validate ${name}” reports it. Fix them and load the file again; nothing else has changed.`,
  copyErrors: 'Copy the errors',
  errorsCopied: 'The errors were copied to the clipboard.',
  errorsSelected: 'The errors are selected: press Ctrl+C (⌘C on a Mac) to copy them.',

  // ----- the facilitator's panel
  facilitator: 'Facilitator',
  facilitatorPin: 'Facilitator PIN',
  openPanel: 'Open the panel',
  wrongPin: 'That is not the facilitator PIN.',
  facilitatorPanel: 'Facilitator panel',
  deadline: 'Deadline',
  shortenDeadline: () => `Shorten by ${f.num(1)} round`,
  extendDeadline: () => `Extend by ${f.num(1)} round`,
  injectFromDeck: 'Inject an event from the deck',
  eventFromDeck: 'Event from the deck',
  injectEvent: 'Inject event',
  injectCustom: 'Inject a custom event',
  eventTitle: 'Title',
  eventText: 'Text',
  severity: 'Severity',
  extraTension: 'Extra tension',
  injectCustomEvent: 'Inject custom event',
  severityName: {
    deescalation: 'De-escalation',
    'status-quo': 'Status quo',
    posturing: 'Posturing',
    nonviolent: 'Non-violent escalation',
    violent: 'Violent escalation',
  } as Record<Severity, string>,
  /** "Adds tension +43 this round in all: +28 for the severity (violent escalation) and +15 extra." */
  customTension: (severityScore: number, extra: number, severity: string) =>
    `Adds tension ${signed(severityScore + extra)} this round in all: ${signed(severityScore)} for the severity (${severity.toLowerCase()}) and ${signed(extra)} extra.`,
  speakFor: (mediator: string) => `Speak for ${mediator}: table a bridging proposal`,
  bridgeMidpoint: 'Midpoint of both offers',
  bridgeDraft: 'The draft of the team at the table',
  replayAndLink: 'This game’s replay and link (kept from the teams until the debrief: they show both sides’ secrets)',
  exportReplay: 'Export replay',
  showLink: 'Show the link',
  gameLinkField: 'Link to this game (scenario, seed and side)',
  closeAndLock: 'Close and lock',
  /** "Round 3 of 8 · rung 2 (Warnings) · running · hazard shown (4.5%)"; `hazard` null: hidden from the teams. */
  facilitatorStatus: (round: number, deadline: number, rung: number, rungName: string, paused: boolean, hazard: number | null) =>
    `Round ${f.num(round)} of ${f.num(deadline)} · rung ${f.num(rung)} (${rungName}) · ${paused ? 'paused' : 'running'} · hazard ${hazard !== null ? `shown (${f.pct(hazard, 1)})` : 'hidden from the teams'}`,
  resumeTalks: 'Resume the talks',
  pauseTalks: 'Pause the talks',
  hideHazard: 'Hide the hazard from the teams',
  showHazard: 'Show the hazard to the teams',
  needBothOffers: 'both sides need an offer on the table first',
  notDone: (error: string) => `Not done: ${error}`,
  done: (what: string) => `Done: ${what}`,

  // ----- the perception check
  perceptionCheck: 'Perception check',
  perceptionButton: (them: string) =>
    `Perception check: privately guess ${them}'s top priority and red line (once a round; it does not use your turn)`,
  perceptionTitle: (round: number) => `Perception check — round ${f.num(round)}`,
  perceptionAsk: (them: string, solo: boolean) =>
    `${solo ? 'Privately' : 'Privately, as a team'}: what do you think ${them} cares about most, and where is its red line? Your answer is scored in the debrief; it does not use your turn.`,
  theirTopPriority: (them: string) => `${them}'s top priority`,
  theirRedLine: (them: string) => `${them}'s red line`,
  notNow: 'Not now',
  skipThisRound: 'Skip this round',
  recordMyGuess: 'Record my guess',
  recordOurGuess: 'Record our guess',
  notRecorded: (error: string) => `Not recorded: ${error}`,

  // ----- the class set-up card
  classSetup: 'Class set-up',
  classSetupIntro:
    'Every table that opens this link plays the same scenario with the same seed: the same private briefs and the same events. Print the sheet or show the QR code.',
  format: 'Format',
  hotseatFormat: 'Hot seat: two teams share a screen',
  soloFormat: 'Solo against the AI',
  pinOptional: 'Facilitator PIN (optional)',
  /** "table <mediator>’s bridge": the last of the facilitator's tools, by the mediator's short name. */
  tableBridgeOf: (mediator: string) => `table ${mediator}’s bridge`,
  tableTheBridge: 'table the mediator’s bridge',
  pinIntro: (bridge: string) =>
    `Set a PIN to open the facilitator panel during the game (pause, inject events, move the deadline, hide the hazard, ${bridge}). It stays in this browser tab's memory only.`,
  pin: 'PIN',
  changePin: 'Change PIN',
  setPin: 'Set PIN',
  pinIsSet: 'A facilitator PIN is set.',
  noPin: 'No PIN set: the facilitator panel is off.',
  pinNowSet: 'Facilitator PIN set. The “Facilitator” button appears during the game.',
  /** A sentence around the link to the class page: `afterTheLesson`, the link `classPageLink`, `afterTheLessonEnd`. */
  afterTheLesson: "After the lesson: collect each table's replay file (Export replay) and open them together on the ",
  classPageLink: 'class debrief page',
  afterTheLessonEnd: ' (class.html, next to this game).',
  copyTheLink: 'Copy the link',
  printTheSheet: 'Print the sheet',
  doneButton: 'Done',
  linkTooLongForQr: 'The link is too long for a QR code.',
  qrOfClassLink: 'QR code of the class link',
  classSheet: 'Backchannel — class sheet',
  scenario: 'Scenario',
  seed: 'Seed',
  counterpart: 'Counterpart',
  difficulty: 'Difficulty',
  link: 'Link',
  soloFormatWords: (side: string) => `Solo — each student plays the ${side} side against the AI`,
  teamOf: (party: string) => `${party} team`,
  oneTeam: 'one team',
  theOtherTeam: 'the other',
  hotseatFormatWords: (teams: readonly string[]) => `Hot seat — ${teams.join(' and ')} share one screen`,
  sheetSteps:
    'Open the link (or scan the code), press “Take your seat”, and follow the handoff screen. Export the replay at the end and hand it in.',
};
