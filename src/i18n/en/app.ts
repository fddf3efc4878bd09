// English catalogue: the "app" part — what the app itself says: the screens' names in the aria-live
// log, the problems of a link, a save, a replay file or a scenario file, and online play's and a live
// class's messages (shown on the title screen or at the table). Each entry is a text, or a function of
// the values it shows; numbers go through `f` (the current Format), so that Persian gets its own digits.
// Values quoted from a link or a file come in already quoted (`quote`); codes, seeds and ids as they are.
// An `error` argument is a reason from the rules or the server, said in its own words.
import { f } from '../current';

/** A close code from the server (a number; shown as it came if it is not one). */
const closeCodeText = (n: number) => (Number.isFinite(n) ? f.num(n) : String(n));

/** "a, b or c". */
const either = (items: readonly string[]) =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

export default {
  // ----- the aria-live log (feedback.ts): each new screen by its name
  screenName: {
    title: 'Title screen',
    briefing: 'Briefing',
    agenda: 'The agenda dispute',
    rounds: 'At the table',
    outcome: 'The talks are over',
    debrief: 'Debrief',
    replay: 'replay',
    handoff: 'handoff',
  } as Record<string, string>,
  notAllowed: (error: string) => `Not allowed: ${error}`,

  // ----- the link's problems (url.ts), shown on the title screen
  notAScenario: (value: string, ids: readonly string[]) =>
    `${value} is not a scenario (scenario=): choose ${either(ids)}. A scenario of your own: load its file with “Load a file…”.`,
  emptySeed: 'The seed in the link is empty (seed=): a new seed was chosen.',
  /** `length`: how long the seed is, when the reason is its length (null otherwise). */
  badLinkSeed: (error: string, length: number | null) =>
    `The seed in the link (seed=) cannot be used: ${error}${length !== null ? ` (it has ${f.int(length)})` : ''}. A new seed was chosen.`,
  notASideOf: (value: string, parties: readonly string[]) => `${value} is not a side: use ${either(parties.map((p) => `side=${p}`))}.`,
  notASide: (value: string) => `${value} is not a side (side=): a side is a party's id, like the scenario's own.`,
  notAMode: (value: string) => `${value} is not a mode: use mode=solo, hotseat or replay.`,
  notATableCodeLink: (value: string) => `${value} is not a table code (table=): a code looks like K7QW-M3ZP.`,
  notAClassCodeLink: (value: string) => `${value} is not a class code (class=): a code looks like K7QW-M3ZP.`,
  tableAndClass: 'The link names a table and a class (table= and class=): the table was joined.',
  notAWatchSetting: (value: string) => `${value} is not a watch setting: use watch=1 (with table=) to watch a table.`,
  notACounterpartLink: (value: string, ids: readonly string[] | null) =>
    `${value} is not a counterpart (personality=)${ids ? `: choose ${either(ids)}` : ''}; the default was used.`,
  notADifficultyLink: (value: string, ids: readonly string[] | null) =>
    `${value} is not a difficulty (difficulty=)${ids ? `: choose ${either(ids)}` : ''}; the default was used.`,
  notACounterpart: (value: string) => `${value} is not a counterpart in this scenario; the default was used.`,
  notADifficulty: (value: string) => `${value} is not a difficulty in this scenario; the default was used.`,

  // ----- starting a game (app.ts)
  scenarioHasErrors: (id: string) => `The scenario ${id} has errors and cannot be played.`,
  openAReplay: 'Open a replay file to watch it (or drop one on this screen).',
  createOrJoin: 'Create a table or join one with its code.',
  enterASeed: 'Enter a seed (any word or number).',
  badSeed: (error: string) => `That seed cannot be used: ${error}.`,
  /** A scenario the game does not have (scenarios.ts); `ids` are the ones it has. */
  unknownScenario: (id: string, ids: readonly string[]) =>
    `unknown scenario ${id} (this game has ${ids.join(', ')}; a scenario from a file must be loaded on the title screen first)`,

  // ----- saves (app.ts, storage.ts)
  cannotContinue: (error: string) => `The saved game cannot be continued: ${error}.`,
  forkNotSaved: 'This fork is not saved: the hot-seat game in progress on this device keeps the saved game.',
  savingUnavailable: (error: string) => `Saving is unavailable (${error}); the game goes on unsaved.`,
  saveUnreadable: (cause: string, key: string) => `The last save could not be read (${cause}); it was kept aside as "${key}".`,
  noLocalStorage: 'this browser offers no local storage',

  // ----- replay files (app.ts, replays.ts)
  replayCannotBeShown: (error: string) => `This replay cannot be shown: ${error}.`,
  replayTooLarge: (name: string, megabytes: number, limit: number) =>
    `${name} is ${f.num(megabytes, 1)} MB, larger than the ${f.num(limit)} MB limit for replays`,
  browserCouldNotRead: (name: string) => `the browser could not read ${name}`,
  replayUnreadable: (error: string) => `the replay could not be read (${error})`,
  notJson: (error: string) => `the file is not valid JSON (${error})`,
  replayOfUnknownScenario: (id: string, ids: readonly string[]) =>
    `the replay is for scenario ${id}, which this game does not have (it has ${ids.join(', ')}; if it came from a scenario file, load that file on the title screen first)`,
  replayScenarioHasErrors: (id: string) => `scenario ${id} has errors and cannot be played`,
  cannotGoOnFromHere: (error: string) => `the game cannot go on from here (${error})`,

  // ----- the game going wrong (session.ts)
  gameCouldNotGoOn: (cause: string) => `the game could not go on (${cause}): it is back where it was before that`,
  unknownError: 'unknown error',

  // ----- scenario files (scenarioFiles.ts)
  fileUnreadable: (name: string) => `${name}: the browser could not read the file`,
  checkerUnavailable: (name: string) =>
    `${name}: the scenario checker could not be loaded (is the game's server still running?); reload and try again`,

  // ----- hot seat (hotseat.ts)
  secretsLocked: 'available at the debrief, or with the facilitator’s PIN',

  // ----- online play (app.ts, online.ts)
  connecting: 'Connecting to the game server…',
  enterTableCode: 'Enter the table code (like K7QW-M3ZP).',
  notATableCode: (typed: string) => `“${typed}” is not a table code: a code has ${f.num(8)} letters and digits, like K7QW-M3ZP.`,
  connectionLost: 'The connection to the table was lost: reconnecting…',
  spectatorsCannotMove: 'you are watching this table: spectators cannot make moves',
  notConnected: 'not connected to the table: reconnecting…',
  noFacilitatorOnline: 'the facilitator tools are not available at an online table',
  connectionClosed: (closeCode: number) => `the connection closed (code ${closeCodeText(closeCode)})`,
  tableClosedConnection: (closeCode: number) => `the table closed the connection (code ${closeCodeText(closeCode)})`,
  lostTableWatching: (table: string, why: string) => `Lost the connection to table ${table} (${why}). Reload the page to watch again.`,
  lostTableSeat: (table: string, why: string) =>
    `Lost the connection to table ${table} (${why}). Reload the page to try again: your seat is kept.`,
  noSuchTable: (code: string) => `There is no table ${code} (check the code).`,
  serverRefused: (error: string) => `The game server refused: ${error}.`,
  serverUnreachable: 'The game server cannot be reached. Online play needs the game server (npm run serve).',
  joiningTableFailed: (code: string, error: string) => `Joining table ${code} failed: ${error}.`,
  watchingTableFailed: (code: string, error: string) => `Watching table ${code} failed: ${error}.`,
  creatingTableFailed: (error: string) => `Creating the table failed: ${error}.`,
  noFreeSeat: (code: string) => `Table ${code} has no free seat: both seats are taken. You can watch it instead.`,
  tableScenarioMissing: (code: string, id: string) => `Table ${code} plays the scenario ${id}, which this page does not have.`,
  tableScenarioVersion: (code: string, id: string) => `Table ${code} plays another version of ${id} than this page: reload the page.`,

  // ----- a live class (app.ts, classJoin.ts)
  enterClassCode: 'Enter the class code your teacher gave you (like K7QW-M3ZP).',
  notAClassCode: (typed: string) => `“${typed}” is not a class code: a code has ${f.num(8)} letters and digits, like K7QW-M3ZP.`,
  leaveTableFirst: (code: string) => `Table ${code} created here is waiting for the other player: leave it first.`,
  alreadyJoining: (code: string) => `Already joining class ${code}.`,
  enterTeamName: 'Enter your team’s name to join the class.',
  classForgotTeam: (code: string) => `Class ${code} no longer knows this device’s team: enter your team’s name to join again.`,
  notAClass: (code: string) => `${code} is not a class: a table’s code is joined with “Join a table”.`,
  seatedBeforeWelcome: (code: string) => `Class ${code} gave a table before welcoming the team: join the class again.`,
  classConnectionLost: (code: string, closed: number) =>
    `The connection to class ${code} was lost (code ${closeCodeText(closed)}). Join the class again: your team keeps its place.`,
  classClosedConnection: (code: string, closed: number) => `Class ${code} closed the connection (code ${closeCodeText(closed)}).`,
  noSuchClass: (code: string) => `There is no class ${code} (check the code).`,
  classServerUnreachable: 'The game server cannot be reached. A class needs the game server (npm run serve).',
  joiningClassFailed: (code: string, error: string) => `Joining class ${code} failed: ${error}.`,
};
