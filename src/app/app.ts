// The glue between the screens and the game: which screen is showing, the title-screen choices,
// and the session once a game starts. Scenes and the DOM mirror subscribe here and re-draw.
import type { GamePhase } from '../core/machine';
import { normaliseSeed } from '../core/rng';
import {
  type KeyValueStore,
  type LoadedSave,
  loadSave,
  SAVE_FORMAT,
  SAVE_FORMAT_VERSION,
  SAVE_KEYS,
  type SaveEnvelope,
  writeSave,
} from '../core/save';
import type { Side } from '../core/scenario/constants';
import { isSide, otherSide, sidesOf } from '../core/sides';
import { isAiController, personalityOf } from '../core/state';
import { normaliseTableCode } from '../core/tableCode';
import { type Action, controllerOf, type FacilitatorAction, type LogEntry, type Settings } from '../core/types';
import { quote, shortText } from '../core/words';
import { m } from '../i18n';
import type { Notice } from '../server/classProtocol';
import { ClassJoin, readClassToken } from './classJoin';
import { Classroom, hotseatSaveInProgress, type SeatScreen } from './hotseat';
import { browserClientFactory, connectTable, type OnlineClientFactory, type RemoteEvent, RemoteSession, type TableRequest } from './online';
import { openReplay, startFrom } from './replays';
import { checkScenarioFile, looksLikeReplay, type PickedFile } from './scenarioFiles';
import { addScenarioFile, type KnownScenario, knownScenarios, type LoadedScenario, loadScenario } from './scenarios';
import { type GameChoice, type GameSession, Session, type SessionStart } from './session';
import { browserStore } from './storage';
import { freshSeed, shareUrl, tableUrl, type UrlChoice } from './url';
import { ReplayViewer } from './viewer';

export type Screen = 'title' | Exclude<GamePhase, 'setup'> | 'replay' | 'handoff';

/** Saved games: the last good save, what went wrong reading it, and whether saving works at all. */
export interface SaveStatus {
  saved: SaveEnvelope | null;
  /** A message for the player: a damaged save set aside, or storage that cannot be used. */
  problem: string | null;
  /** False once the browser refused a save (full, or blocked): the game goes on unsaved. */
  available: boolean;
}
/** The last scenario file loaded on the title screen: what `validate` would print for it. */
export interface ScenarioFileReport {
  name: string;
  ok: boolean;
  lines: string[];
  /** Counts reports, so a view can tell a new report from one it has shown. */
  serial: number;
}
export type Change = { kind: 'screen' } | { kind: 'state'; entries: LogEntry[] } | { kind: 'view' };
type Listener = (change: Change) => void;

/** Online play on the title screen: the code being typed, the other seat, and how connecting went. */
export interface OnlineLobby {
  /** The player's or team's name, shown to the other seat (plain text; the server keeps 40 characters). */
  name: string;
  /** The table code in the join field (as typed). */
  code: string;
  /** Who takes the other seat of a table created here: a person, or the chosen AI counterpart. */
  opponent: 'human' | 'ai';
  /** Creating or joining a table is under way. */
  busy: boolean;
  /** Why the last create or join failed, in words (shown on the title screen). */
  problem: string | null;
  /** A table created here, waiting for the other player before the briefing. */
  waiting: RemoteSession | null;
  /** The create or join under way (tests await it). */
  pending: Promise<void> | null;
}

/** Replay files larger than this are refused before they are read (a 300-turn game is about 200 KB). */
export const MAX_REPLAY_BYTES = 5_000_000;

export class App {
  screen: Screen = 'title';
  /** The game being played: the local actor (`Session`) or a seat at an online table (`RemoteSession`). */
  session: GameSession | null = null;
  /** Play online (title screen, mode online). */
  online: OnlineLobby = { code: '', name: '', opponent: 'human', busy: false, problem: null, waiting: null, pending: null };
  /** How this page reaches the game server: the page's own origin (tests pass a Node client). */
  static onlineClient: OnlineClientFactory = browserClientFactory;
  /** Opens another page in this tab (the teacher's console); tests record the address instead. */
  static navigate: (url: string) => void = (url) => location.assign(url);
  /**
   * Rewrites the address bar without a page load (a hot-seat game takes the seed out of it: the
   * teams read that bar too). Tests record the address instead.
   */
  static rewriteAddress: (url: string) => void = (url) => {
    try {
      history.replaceState(history.state, '', url);
    } catch {
      // No history (an embedded page): nothing to hide there.
    }
  };
  /** A live class this team joins (`?class=CODE`, or a class code typed on the title screen), or null. */
  classJoin: ClassJoin | null = null;
  choice: GameChoice;
  /** Problems with the URL, shown on the title screen. */
  problems: string[];
  /** Which renderer Phaser chose: the e2e test checks it is WebGL. */
  renderer: 'webgl' | 'canvas' | 'headless' | null = null;
  /** The last move the rules refused, shown until the next move. */
  lastError: string | null = null;
  /** The replay being watched (screen 'replay'), kept while its debrief is open. */
  viewer: ReplayViewer | null = null;
  /** Why the last replay file could not be opened, shown on the title screen. */
  replayProblem: string | null = null;
  saves: SaveStatus;
  /** The last scenario file loaded, good or bad (null until one is). */
  scenarioFile: ScenarioFileReport | null = null;
  /** What `saves.problem` says, when it is one of the app's own: a fork going on unsaved, or a save that cannot be continued. */
  private saveProblemKind: 'fork-not-saved' | 'cannot-continue' | null = null;
  /** Whether this session is written to the save after every turn (not a watched replay's ending). */
  private autosave = false;
  /** What was saved last (screen, turns, checksum): a step that changed nothing is not saved twice. */
  private lastSaved = '';
  private listeners = new Set<Listener>();
  /** Names this page's writes to the shared save, so that two tabs saving at once never mix their temp copies. */
  private readonly tab = `tab-${freshSeed()}`;

  constructor(
    url: UrlChoice,
    private readonly store: KeyValueStore = browserStore,
  ) {
    const loaded = readSave(store);
    this.saves = { saved: loaded.save, problem: loaded.problem, available: !loaded.problem?.startsWith('saved games are unavailable') };
    this.problems = [...url.problems];
    this.choice = {
      scenarioId: url.scenario,
      seed: url.seed ?? freshSeed(),
      side: url.side,
      personality: url.personality ?? '',
      difficulty: url.difficulty ?? '',
      mode: url.mode,
    };
    const named = this.loaded.ok ? this.loaded.scenario : null;
    if (named && url.personality !== null && !named.personalities.some((p) => p.id === url.personality))
      this.problems.push(m.app.notACounterpart(quote(url.personality)));
    if (named && url.difficulty !== null && !named.difficulties.some((d) => d.id === url.difficulty))
      this.problems.push(m.app.notADifficulty(quote(url.difficulty)));
    this.applyScenarioDefaults();
    // ?mode=online&table=CODE: straight into joining that table (its seat taken back with this browser's token);
    // with &watch=1, into watching it from the spectators' seat.
    if (url.table) {
      this.online.code = url.table;
      this.joinTable(url.table, { watch: url.watch });
    } else if (url.class) {
      // ?class=CODE: the class's panel on the title screen. A team that was here before (its token
      // kept) is taken straight back to its place: a reload in class goes on where it was.
      this.openClass(url.class);
      if (this.classJoin?.hasToken) this.joinClass(url.class, '');
    }
  }

  /** The link that starts the game on the title screen (or the one being played) for someone else. */
  shareLink(): string {
    const choice = this.session?.choice ?? this.choice;
    const loaded = loadScenario(choice.scenarioId);
    return shareUrl(choice, loaded.ok ? loaded.scenario.defaults : null);
  }

  get scenarios(): { id: string; loaded: LoadedScenario; fromFile: boolean; file: string }[] {
    return knownScenarios().map((s: KnownScenario) => ({ id: s.id, loaded: s.result, fromFile: s.fromFile, file: s.file }));
  }

  get loaded(): LoadedScenario {
    return loadScenario(this.choice.scenarioId);
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  notify(change: Change): void {
    for (const l of [...this.listeners]) l(change);
  }

  /** Changes a title-screen choice; a new scenario brings its own default counterpart. */
  choose(patch: Partial<GameChoice>): void {
    this.choice = { ...this.choice, ...patch };
    // (Also when the id is the same: a file loaded in a bundled scenario's place may name other parties.)
    if (patch.scenarioId !== undefined) this.applyScenarioDefaults();
    this.notify({ kind: 'view' });
  }

  private applyScenarioDefaults(): void {
    const loaded = this.loaded;
    if (!loaded.ok) return;
    const { defaults, personalities, difficulties } = loaded.scenario;
    // A side the scenario does not have (another scenario's party) becomes its first party.
    if (!isSide(loaded.scenario, this.choice.side)) this.choice.side = sidesOf(loaded.scenario)[0];
    if (!personalities.some((p) => p.id === this.choice.personality)) this.choice.personality = defaults.personality;
    if (!difficulties.some((d) => d.id === this.choice.difficulty)) this.choice.difficulty = defaults.difficulty;
  }

  /** Why the game cannot start with the current choices, or null. */
  startProblem(): string | null {
    const loaded = this.loaded;
    if (!loaded.ok) return m.app.scenarioHasErrors(quote(this.choice.scenarioId));
    if (this.choice.mode === 'replay') return m.app.openAReplay;
    if (this.choice.mode === 'online') return m.app.createOrJoin;
    if (this.choice.seed.trim() === '') return m.app.enterASeed;
    const seed = normaliseSeed(this.choice.seed);
    if (!seed.ok) return m.app.badSeed(seed.error);
    return null;
  }

  /** Resumes a game from a persisted snapshot (a test fixture) on the screen its phase shows. */
  resume(snapshot: ReturnType<Session['persisted']>): string | null {
    const loaded = this.loaded;
    if (!loaded.ok) return 'scenario failed to load';
    this.attach(new Session(loaded.scenario, loaded.hash, { ...this.choice }, snapshot), true);
    this.lastError = null;
    this.followPhase();
    return null;
  }

  startGame(): string | null {
    const problem = this.startProblem();
    const loaded = this.loaded;
    const seed = normaliseSeed(this.choice.seed);
    if (problem || !loaded.ok || !seed.ok) return problem ?? 'scenario failed to load';
    this.choice = { ...this.choice, seed: seed.seed };
    const session = new Session(loaded.scenario, loaded.hash, { ...this.choice });
    this.attach(session, true);
    session.start();
    this.lastError = null;
    this.classroom.reset();
    if (this.hotseat) this.handOff(sidesOf(loaded.scenario)[0], 'briefing');
    else this.show('briefing');
    return null;
  }

  // ----- saves

  /**
   * The save changed in another tab (the browser's `storage` event): the title screen offers the
   * newest save. The game in this tab plays on and takes the save back with its next move.
   */
  savesChanged(): void {
    const loaded = readSave(this.store);
    this.saves = { ...this.saves, saved: loaded.save, problem: loaded.problem ?? (this.saves.available ? null : this.saves.problem) };
    if (loaded.problem || this.saves.problem === null) this.saveProblemKind = null;
    if (this.screen === 'title') this.notify({ kind: 'view' });
  }

  /** Rebuilds the saved game by re-playing its log and lands on the screen it was saved on. */
  continueSaved(): string | null {
    // Another tab may have saved since this page last looked: continue the newest save.
    const fresh = readSave(this.store);
    if (fresh.save) this.saves = { ...this.saves, saved: fresh.save };
    const save = this.saves.saved;
    if (!save) return 'there is no saved game';
    const result = openReplay(save.replay);
    if (!result.ok) {
      this.saves = { ...this.saves, problem: m.app.cannotContinue(shortText(result.error)) };
      this.saveProblemKind = 'cannot-continue';
      this.notify({ kind: 'view' });
      return result.error;
    }
    const scenario = result.opened.scenario;
    const side: Side = isSide(scenario, save.side) ? save.side : sidesOf(scenario)[0];
    const choice = choiceFor(result.opened.replay.seed, result.opened.scenario.id, side, result.opened.state.settings);
    // A hot-seat game comes back as one: the handoff screen calls the team whose turn it is.
    if (save.mode === 'hotseat') this.classroom.reset();
    this.enterGame(startFrom(result.opened, save.view), { ...choice, mode: save.mode === 'hotseat' ? 'hotseat' : 'solo' });
    if (this.hotseat && this.screen === 'briefing' && this.session) this.handOff(this.session.side, 'briefing');
    return null;
  }

  private writeAutosave(): void {
    const s = this.session;
    if (!s || !this.autosave || this.screen === 'title' || this.screen === 'replay') return;
    // Behind the hot-seat handoff screen the game is in the phase the next team will see.
    const view = this.screen === 'handoff' ? this.classroom.after : this.screen;
    const replay = s.replay();
    if (!replay) return;
    const mark = `${view}|${replay.log.length}|${replay.final}`;
    if (mark === this.lastSaved) return;
    this.lastSaved = mark;
    const save: SaveEnvelope = {
      format: SAVE_FORMAT,
      formatVersion: SAVE_FORMAT_VERSION,
      view,
      mode: s.choice.mode === 'hotseat' ? 'hotseat' : 'solo',
      side: s.side,
      replay,
    };
    // A fork (a seat taken over in the replay viewer) never takes the save of a hot-seat game still
    // in progress, made in another tab or in this one: it goes on unsaved, and says so.
    if (s.record.parent && hotseatSaveInProgress(this.store)) {
      if (this.saveProblemKind !== 'fork-not-saved') {
        this.saves = { ...this.saves, problem: m.app.forkNotSaved };
        this.saveProblemKind = 'fork-not-saved';
        this.notify({ kind: 'view' });
      }
      return;
    }
    const written = writeSave(this.store, save, this.tab);
    if (written.ok) {
      this.saves = { saved: save, problem: null, available: true };
      this.saveProblemKind = null;
    } else if (this.saves.available) {
      this.saves = { ...this.saves, available: false, problem: m.app.savingUnavailable(written.error) };
      this.saveProblemKind = null;
      this.notify({ kind: 'view' });
    }
  }

  // ----- files from the player's disk

  /**
   * Checks a scenario file picked or dropped on the title screen. A good one joins the scenario
   * choices (in place of a bundled one with the same id) and is chosen; a bad one is reported line by
   * line, as `validate` reports it, and nothing else changes.
   */
  async openScenarioFile(file: PickedFile): Promise<ScenarioFileReport> {
    const result = await checkScenarioFile(file);
    const report = { name: file.name, ok: result.ok, lines: result.lines, serial: (this.scenarioFile?.serial ?? 0) + 1 };
    this.scenarioFile = report;
    if (result.ok) {
      const { scenario, hash } = result;
      addScenarioFile({ id: scenario.id, file: file.name, result: { ok: true, scenario, hash } });
      // A saved game or replay that waited for this scenario may now open.
      if (this.saves.problem !== null && this.saveProblemKind === 'cannot-continue') {
        this.saves = { ...this.saves, problem: null };
        this.saveProblemKind = null;
      }
      if (this.screen === 'title') {
        this.choose({ scenarioId: scenario.id });
        return report;
      }
    }
    this.notify({ kind: 'view' });
    return report;
  }

  /** Shows the last scenario file's report again (its errors dialog). */
  reshowScenarioFile(): void {
    if (!this.scenarioFile) return;
    this.scenarioFile = { ...this.scenarioFile, serial: this.scenarioFile.serial + 1 };
    this.notify({ kind: 'view' });
  }

  /** Reads a replay file picked or dropped on the title screen and opens it in the viewer. */
  async openReplayFile(file: PickedFile): Promise<string | null> {
    if (file.size > MAX_REPLAY_BYTES) {
      this.replayFailed(m.app.replayTooLarge(quote(file.name, 80), file.size / 1e6, MAX_REPLAY_BYTES / 1e6));
      return this.replayProblem;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      this.replayFailed(m.app.browserCouldNotRead(quote(file.name, 80)));
      return this.replayProblem;
    }
    return this.openReplay(text);
  }

  /** A file dropped on the title screen: a replay opens in the viewer, anything else is checked as a scenario. */
  async openDroppedFile(file: PickedFile): Promise<void> {
    if (this.choice.mode === 'replay' || (await looksLikeReplay(file))) await this.openReplayFile(file);
    else await this.openScenarioFile(file);
  }

  // ----- replays

  /** A replay file that could not even be read: the same message place as a failed check. */
  replayFailed(error: string): void {
    this.replayProblem = m.app.replayCannotBeShown(shortText(error));
    this.notify({ kind: 'view' });
  }

  /** Opens a replay file (its text or parsed JSON) in the viewer, or explains on the title screen why not. */
  openReplay(input: unknown): string | null {
    const result = openReplay(input, { keepStates: true });
    if (!result.ok) {
      this.replayProblem = m.app.replayCannotBeShown(shortText(result.error));
      if (this.screen !== 'title') this.toTitle();
      else this.notify({ kind: 'view' });
      return this.replayProblem;
    }
    this.replayProblem = null;
    this.session = null;
    this.autosave = false;
    this.viewer = new ReplayViewer(result.opened);
    this.choice = { ...this.choice, mode: 'replay', scenarioId: result.opened.scenario.id };
    this.show('replay');
    return null;
  }

  /** Moves the viewer's cursor and redraws. */
  viewStep(step: number): void {
    if (!this.viewer) return;
    this.viewer.stepTo(step);
    this.notify({ kind: 'view' });
  }

  /** Leaves the viewer at its current step with `side` in a person's hands; the game goes on live. */
  takeOver(side: Side): string | null {
    let fork: ReturnType<ReplayViewer['takeOver']> | undefined;
    try {
      fork = this.viewer?.takeOver(side);
    } catch (err) {
      // The AI of the other seat could not move at the fork (a replay naming an unknown personality):
      // the viewer stays open where it was.
      fork = { ok: false, error: m.app.cannotGoOnFromHere(shortText(err instanceof Error ? err.message : String(err), 200)) };
    }
    if (!fork) return 'no replay is open';
    if (!fork.ok) {
      this.lastError = shortText(fork.error);
      this.notify({ kind: 'view' });
      return this.lastError;
    }
    this.viewer = null;
    this.enterGame(fork.start, fork.choice);
    return null;
  }

  /** The end of a watched replay: its outcome and debrief screens, seen from the first human seat. */
  watchEnding(): string | null {
    const v = this.viewer;
    if (!v?.atEnd || v.state.phase !== 'ended') return 'the replay has not reached its end';
    const sides = sidesOf(v.scenario);
    const human = sides.find((side) => !isAiController(controllerOf(v.state.settings, side))) ?? sides[0];
    const start = startFrom(v.opened, 'outcome');
    this.attach(
      new Session(v.scenario, v.opened.scenarioHash, choiceFor(v.replay.seed, v.scenario.id, human, v.state.settings), start),
      false,
    );
    this.lastError = null;
    this.followPhase();
    return null;
  }

  /** Back from a watched replay's ending to the viewer. */
  backToViewer(): void {
    if (!this.viewer) return;
    this.session = null;
    this.show('replay');
  }

  private enterGame(start: SessionStart, choice: GameChoice): void {
    const loaded = loadScenario(choice.scenarioId);
    if (!loaded.ok) return;
    this.choice = choice;
    this.attach(new Session(loaded.scenario, loaded.hash, choice, start), true);
    this.lastError = null;
    this.followPhase();
    this.writeAutosave();
  }

  // ----- hot seat and the facilitator (src/app/hotseat.ts)

  /** The classroom around this screen: who sits at the table, typed reasons, the facilitator's PIN. */
  readonly classroom = new Classroom();

  get hotseat(): boolean {
    return this.session?.choice.mode === 'hotseat';
  }

  /**
   * Hot seat before the talks end: what would reveal either side's secrets (the replay file, the
   * seed and the link that carries it) is out of reach of the teams' screens and of `state()`, until
   * the debrief; the facilitator reaches it behind the PIN (the panel, or `replay(pin)`).
   */
  get secretsLocked(): boolean {
    const s = this.session;
    return s !== null && s.choice.mode === 'hotseat' && s.game.phase !== 'ended';
  }

  /** Hot seat: the handoff screen, which hides everything private until `side` confirms who they are. */
  private handOff(side: Side, after: SeatScreen): void {
    this.classroom.call(side, after);
    this.show('handoff');
  }

  /** Hot seat: the called team sits down and sees its own screen. */
  takeSeat(side: Side): string | null {
    if (this.screen !== 'handoff' || !this.session) return 'take-seat: only on the handoff screen';
    const called = this.classroom.calling;
    if (side !== called) return `take-seat: the handoff calls the ${this.session.scenario.parties[called]?.short ?? called} team`;
    if (this.session instanceof Session) this.session.seat(side);
    this.classroom.atTable = side;
    this.lastError = null;
    this.show(this.classroom.after);
    return null;
  }

  /** A facilitator action, checked by the rules and logged as the facilitator's. */
  facilitate(action: FacilitatorAction): string | null {
    if (!this.session) return 'no game in progress';
    const error = this.session.facilitate(action);
    this.lastError = error === null ? null : shortText(error);
    this.notify({ kind: 'view' });
    this.flush();
    this.followPhase();
    if (!error) this.writeAutosave();
    return error;
  }

  toAgenda(): void {
    if (this.session && this.screen === 'briefing' && this.hotseat) {
      const { briefed } = this.classroom;
      if (!briefed.includes(this.session.side)) briefed.push(this.session.side);
      const unread = sidesOf(this.session.scenario).find((side) => !briefed.includes(side));
      if (unread) {
        this.handOff(unread, 'briefing');
        return;
      }
    }
    if (!this.session || this.screen !== 'briefing') return;
    this.session.begin();
    // The machine failed on the AI's opening move: it stayed on the briefing, and says why.
    if (this.session instanceof Session && this.session.problem) {
      this.lastError = this.session.problem;
      this.notify({ kind: 'view' });
    }
    this.followPhase();
    this.flush();
  }

  toDebrief(): void {
    if (!this.session || this.screen !== 'outcome') return;
    this.session.debrief();
    this.followPhase();
  }

  toTitle(): void {
    if (this.session instanceof RemoteSession) this.session.leave();
    this.online.waiting?.leave();
    // Back from a class's table (or from waiting in the class): its panel again, ready to rejoin.
    this.classJoin?.leave();
    if (this.classJoin?.status === 'seated') this.classJoin.status = 'idle';
    this.online = { ...this.online, busy: false, problem: null, waiting: null, pending: null };
    this.session = null;
    this.viewer = null;
    this.autosave = false;
    this.lastError = null;
    this.choice = { ...this.choice, seed: freshSeed(), mode: this.choice.mode === 'replay' ? 'solo' : this.choice.mode };
    this.show('title');
  }

  /** How long the last move took: the rules with the AI's reply, then the redraw. */
  timing = { rulesMs: 0, drawMs: 0 };
  /** Log entries of the step in progress, announced once the step is done. */
  private pending: LogEntry[] = [];

  act(action: Action): string | null {
    if (!this.session) return 'no game in progress';
    if (this.spectating) {
      this.lastError = null;
      return m.app.spectatorsCannotMove;
    }
    const t0 = performance.now();
    const reason = action.type === 'guess' || action.reason !== undefined ? null : this.classroom.reasonFor(this.session.side);
    const by = this.session.side;
    const error = this.session.act(reason ? { ...action, reason } : action);
    if (!error && action.type !== 'guess') this.classroom.reasons[by] = '';
    const t1 = performance.now();
    // Whatever the refusal quotes, it is cut to a sane length before any screen shows it.
    this.lastError = error === null ? null : shortText(error);
    if (error) this.notify({ kind: 'view' });
    this.flush();
    this.followPhase();
    this.timing = { rulesMs: t1 - t0, drawMs: performance.now() - t1 };
    if (!error) this.writeAutosave();
    return error;
  }

  private flush(): void {
    const entries = this.pending.splice(0);
    if (entries.length > 0) this.notify({ kind: 'state', entries });
  }

  // ----- online play (src/app/online.ts)

  /** A seat at an online table: this page's session, or the table created here still waiting for its guest. */
  get remote(): RemoteSession | null {
    return this.session instanceof RemoteSession ? this.session : this.online.waiting;
  }

  /** Why a table cannot be created with the current choices, or null. */
  createProblem(): string | null {
    if (this.online.busy) return m.app.connecting;
    const loaded = this.loaded;
    if (!loaded.ok) return m.app.scenarioHasErrors(quote(this.choice.scenarioId));
    const seed = normaliseSeed(this.choice.seed);
    if (this.choice.seed.trim() !== '' && !seed.ok) return m.app.badSeed(seed.error);
    return null;
  }

  /**
   * Creates a table on the game server with the title-screen choices; the other seat is `opponent`
   * (`human` or `ai:<personality>`), by default the title screen's choice. Returns a problem at once,
   * or null: the table then opens (or `online.problem` says why not) when the server answers.
   */
  createTable(opponent?: string): string | null {
    if (this.screen !== 'title') return 'create-table: only on the title screen';
    const problem = this.createProblem();
    if (problem) return problem;
    const other = opponent ?? (this.online.opponent === 'human' ? 'human' : `ai:${this.choice.personality}`);
    const seed = normaliseSeed(this.choice.seed);
    return this.connect({
      kind: 'create',
      options: {
        scenarioId: this.choice.scenarioId,
        ...(seed.ok ? { seed: seed.seed } : {}),
        side: this.choice.side,
        opponent: other,
        difficulty: this.choice.difficulty,
        ...(this.online.name.trim() ? { name: this.online.name.trim() } : {}),
      },
    });
  }

  /**
   * Joins the table with this code (as typed): the free seat, or this browser's seat there; with
   * `watch`, the spectators' seat (the table live, read-only, public information only).
   */
  joinTable(input: string, o: { watch?: boolean } = {}): string | null {
    if (this.screen !== 'title') return `${o.watch ? 'watch-table' : 'join-table'}: only on the title screen`;
    if (this.online.busy) return m.app.connecting;
    const code = normaliseTableCode(input);
    if (!code) {
      const problem = input.trim() === '' ? m.app.enterTableCode : m.app.notATableCode(input.trim().slice(0, 20));
      this.online = { ...this.online, problem };
      this.notify({ kind: 'view' });
      return problem;
    }
    this.online.code = code;
    const name = this.online.name.trim();
    return this.connect(o.watch ? { kind: 'watch', code } : { kind: 'join', code, ...(name ? { name } : {}) });
  }

  // ----- a live class (src/app/classJoin.ts)

  /**
   * Opens the panel of the class with this code (as typed) on the title screen, in online mode:
   * the team's name and "Join the class". Returns a problem (a code that cannot be one), or null.
   */
  openClass(input: string): string | null {
    if (this.screen !== 'title') return 'join-class: only on the title screen';
    const code = normaliseTableCode(input);
    if (!code) {
      const problem = input.trim() === '' ? m.app.enterClassCode : m.app.notAClassCode(input.trim().slice(0, 20));
      if (this.classJoin) this.classJoin.problem = problem;
      else this.online = { ...this.online, problem };
      this.notify({ kind: 'view' });
      return problem;
    }
    if (this.classJoin?.code !== code) {
      this.classJoin?.leave();
      this.classJoin = new ClassJoin(code, { client: App.onlineClient, store: this.store }, (join) => this.classChanged(join));
    }
    this.online = { ...this.online, problem: null };
    this.choice = { ...this.choice, mode: 'online' };
    this.notify({ kind: 'view' });
    return null;
  }

  /** Closes the class's panel (leaving the class if the team is in it): back to online play. */
  closeClass(): void {
    this.classJoin?.leave();
    this.classJoin = null;
    this.notify({ kind: 'view' });
  }

  /**
   * Joins the class with this code as the team `name` (at most 40 characters; not needed when this
   * browser kept the team's token from a previous visit). The team then waits in the class until it
   * is seated, and sits down at its table. Returns a problem at once, or null: how it goes is in
   * `classJoin` (its status and problem).
   */
  joinClass(input: string, name: string = this.online.name): string | null {
    if (this.screen !== 'title') return 'join-class: only on the title screen';
    if (this.online.busy) return m.app.connecting;
    if (this.online.waiting) return m.app.leaveTableFirst(this.online.waiting.code);
    const problem = this.openClass(input);
    const join = this.classJoin;
    if (problem || !join) return problem ?? 'join-class: no class';
    if (join.active) return m.app.alreadyJoining(join.code);
    const team = [...name.trim()].slice(0, 40).join('');
    if (team === '' && !readClassToken(this.store, join.code)) {
      join.problem = m.app.enterTeamName;
      this.notify({ kind: 'view' });
      return join.problem;
    }
    this.online.name = team;
    join.join(team);
    return null;
  }

  /** The class said something: the title screen redraws; once seated, the team goes to its table. */
  private classChanged(join: ClassJoin): void {
    if (join !== this.classJoin) return;
    if (join.status === 'seated' && join.table && this.screen === 'title' && !this.online.busy && !this.session) {
      this.online.code = join.table;
      this.connect({ kind: 'join', code: join.table, fromClass: true });
      return;
    }
    this.notify({ kind: 'view' });
  }

  /** The teacher's message on screen (the table's, or the class's while waiting) and its clock correction. */
  get notice(): { notice: Notice; offset: number } | null {
    const remote = this.remote;
    if (remote?.notice) return { notice: remote.notice, offset: remote.noticeOffset };
    const join = this.classJoin;
    if (join?.notice && !this.session) return { notice: join.notice, offset: join.noticeOffset };
    return null;
  }

  /** The player has read the teacher's message. */
  dismissNotice(): void {
    const remote = this.remote;
    if (remote?.notice) remote.dismissNotice();
    else if (this.classJoin?.notice) this.classJoin.dismissNotice();
  }

  /** "Run a class…": the teacher's console, to create a live class (the same tab). */
  runClass(): void {
    App.navigate('class.html?new');
  }

  private connect(request: TableRequest): null {
    this.online = { ...this.online, busy: true, problem: null };
    const run = async () => {
      try {
        const session = await connectTable(request, { ...this.choice }, { client: App.onlineClient, store: this.store });
        this.online = { ...this.online, busy: false, pending: null };
        if (this.screen !== 'title') {
          session.leave();
          return;
        }
        session.onChange((event) => this.remoteEvent(session, event));
        if (session.ready || session.phase !== 'setup') this.sitDown(session);
        else {
          this.online.waiting = session;
          this.notify({ kind: 'view' });
        }
      } catch (e) {
        this.online = { ...this.online, busy: false, pending: null, problem: e instanceof Error ? e.message : String(e) };
        this.notify({ kind: 'view' });
      }
    };
    this.online.pending = run();
    this.notify({ kind: 'view' });
    return null;
  }

  /** The table is ready (or this seat was taken back): the game goes on at the briefing, or where it is. */
  /** Whether this page watches an online table from the spectators' seat (read-only). */
  get spectating(): boolean {
    return this.session instanceof RemoteSession && this.session.spectator;
  }

  private sitDown(session: RemoteSession): void {
    this.online.waiting = null;
    // A message the teacher sent while the team waited in the class goes on showing at the table.
    const join = this.classJoin;
    if (join?.notice && !session.notice) {
      session.showNotice(join.notice, join.noticeOffset);
      join.notice = null;
    }
    this.choice = { ...this.choice, mode: 'online' };
    this.attach(session, false);
    if (session.phase === 'setup') session.start();
    this.lastError = null;
    this.followPhase();
  }

  /** An update, refusal or connection change from the server. */
  private remoteEvent(session: RemoteSession, event: RemoteEvent): void {
    if (session === this.online.waiting) {
      if (session.ready) this.sitDown(session);
      else this.notify({ kind: 'view' });
      return;
    }
    if (session !== this.session) return;
    if (event.kind === 'notice') {
      this.notify({ kind: 'view' });
      return;
    }
    if (event.kind === 'refused') {
      // A refused move: the same place as a local refusal (shown until the next move).
      this.lastError = event.error;
      this.notify({ kind: 'view' });
      return;
    }
    if (event.kind === 'connection') {
      this.lastError = session.connectionProblem ?? (session.connected ? null : m.app.connectionLost);
      this.notify({ kind: 'view' });
      return;
    }
    const screen = this.screen;
    const had = this.pending.length;
    this.flush();
    this.followPhase();
    if (had === 0 && this.screen === screen) this.notify({ kind: 'view' });
  }

  /** The join link of the table created here: `<origin>/?mode=online&table=CODE`. */
  tableLink(code: string): string {
    return tableUrl(code);
  }

  private attach(session: GameSession, autosave: boolean): void {
    // In hot seat the seed must not be on the shared screen until the debrief: not even in the address bar.
    if (session.choice.mode === 'hotseat' && typeof location !== 'undefined' && /[?&]seed=/.test(location.search)) {
      const params = new URLSearchParams(location.search);
      params.delete('seed');
      const rest = params.toString();
      App.rewriteAddress(`${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
    }
    this.session = session;
    this.autosave = autosave;
    this.pending = [];
    session.onLogged((entries) => this.pending.push(...entries));
  }

  private followPhase(): void {
    const game = this.session?.game;
    const phase = this.session?.phase;
    // Hot seat: when the turn passes, the handoff screen comes up before the next team's screen.
    if (game && this.hotseat && (phase === 'agenda' || phase === 'rounds') && game.toMove !== this.classroom.atTable) {
      if (this.screen === 'handoff' && this.classroom.calling === game.toMove) this.classroom.after = phase;
      else this.handOff(game.toMove, phase);
      return;
    }
    if (phase && phase !== 'setup' && phase !== this.screen) this.show(phase);
  }

  private show(screen: Screen): void {
    this.screen = screen;
    this.notify({ kind: 'screen' });
    this.writeAutosave();
  }
}

/** The title-screen choices that describe a rebuilt game: the seat played, the counterpart's personality. */
function choiceFor(seed: string, scenarioId: string, side: Side, settings: Settings): GameChoice {
  const loaded = loadScenario(scenarioId);
  const other = loaded.ok ? controllerOf(settings, otherSide(loaded.scenario, side)) : 'human';
  const fallback = loaded.ok ? loaded.scenario.defaults.personality : '';
  return {
    scenarioId,
    seed,
    side,
    personality: personalityOf(other as `ai:${string}`) ?? fallback,
    difficulty: settings.difficulty,
    mode: 'solo',
  };
}

/**
 * The saved game, read so that nothing in it can stop the page: a save the reader cannot take is
 * set aside under its own key (`backchannel:save:corrupt`) and taken off the current key, so it is
 * not read again on every reload, and the message about it is cut to a sane length (issue 18).
 */
function readSave(store: KeyValueStore): LoadedSave {
  let loaded: LoadedSave;
  try {
    loaded = loadSave(store);
  } catch (err) {
    const cause = err instanceof Error ? err.message : String(err);
    loaded = {
      save: null,
      problem: m.app.saveUnreadable(cause, SAVE_KEYS.corrupt),
      fromPrevious: false,
    };
    try {
      const current = store.getItem(SAVE_KEYS.current);
      if (current !== null) store.setItem(SAVE_KEYS.corrupt, current);
    } catch {
      // Storage refuses: nothing more to set aside.
    }
  }
  if (loaded.problem && !loaded.save && !loaded.problem.startsWith('saved games are unavailable'))
    try {
      // Kept aside intact: the current key can go (a damaged save with no earlier one to restore).
      const current = store.getItem(SAVE_KEYS.current);
      if (current !== null && store.getItem(SAVE_KEYS.corrupt) === current) store.removeItem(SAVE_KEYS.current);
    } catch {
      // Left in place; it is read (and refused) again next time.
    }
  return loaded.problem ? { ...loaded, problem: shortText(loaded.problem) } : loaded;
}
