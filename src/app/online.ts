// Play online: a seat at a table on the game server (src/server), behind the same `GameSession`
// surface as the local game, so every screen works the same offline and online. The server is the
// authority: a move is sent (`act`) and lands with the next `update`; a refusal comes back as
// `refused` and is shown where a local refusal is. The draft logic is the shared one in session.ts.
//
// Only types are imported from src/server/protocol.ts: its zod schemas stay out of the browser
// bundle, and colyseus.js is loaded only when a table is created or joined.
import type { GamePhase } from '../core/machine';
import type { LoggedAction } from '../core/play';
import { makeReplay, type Replay } from '../core/replay';
import type { KeyValueStore } from '../core/save';
import type { Scenario, Side } from '../core/scenario/schema';
import { otherSide, sidesOf } from '../core/sides';
import { normaliseTableCode, TABLE_ROOM } from '../core/tableCode';
import type { Action, ActionType, FacilitatorAction, GameState } from '../core/types';
import type { GameView } from '../core/view';
import { joinView } from '../core/viewDelta';
import { quote } from '../core/words';
import { m } from '../i18n';
import type { ClassJoin as ClassJoinOptions, Notice, NoticeMsg } from '../server/classProtocol';
import type { CreateOptions, JoinOptions, Refusal, SeatInfo, TableUpdate, Welcome } from '../server/protocol';
import { loadScenario } from './scenarios';
import { type GameChoice, GameSession, type ReplayRecord } from './session';

/** The part of a colyseus.js room this module uses (a fake or a Node client can stand in, in tests). */
export interface RoomLike {
  roomId: string;
  // biome-ignore lint/suspicious/noExplicitAny: colyseus.js types messages as any
  onMessage(type: string, callback: (message: any) => void): unknown;
  onLeave: (callback: (code: number) => void) => unknown;
  send(type: string, message?: unknown): void;
  leave(consented?: boolean): unknown;
}

/** The part of a colyseus.js `Client` this module uses. */
export interface OnlineClient {
  create(roomName: string, options: CreateOptions): Promise<RoomLike>;
  /** A table (`JoinOptions`) or, for a student team, a class (`ClassJoinOptions`): both are rooms joined by id. */
  joinById(roomId: string, options: JoinOptions | ClassJoinOptions): Promise<RoomLike>;
}

export type OnlineClientFactory = () => OnlineClient | Promise<OnlineClient>;

/** The browser's client: the game server on the page's own origin (the Vite dev server proxies it). */
export const browserClientFactory: OnlineClientFactory = async () => {
  const { Client } = await import('colyseus.js');
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return new Client(`${scheme}://${location.host}`) as unknown as OnlineClient;
};

/** Where this browser keeps its seat token for a table, to take the seat back after a reload. */
export const tokenKey = (code: string): string => `backchannel.online.${code}`;

/** Reconnection: at most this many tries, waiting 0.5 s, 1 s, 2 s… (at most 8 s) between them. */
export const RECONNECT_TRIES = 10;
const backoff = (attempt: number) => Math.min(8000, 500 * 2 ** attempt);

/** `notice`: a message from the teacher arrived (class play), or the player dismissed it. */
export type RemoteEvent = { kind: 'update' } | { kind: 'refused'; error: string } | { kind: 'connection' } | { kind: 'notice' };

export interface OnlineDeps {
  client: OnlineClientFactory;
  store: KeyValueStore;
  /** Waits between reconnection tries (tests make it instant). */
  wait?: (ms: number) => Promise<void>;
}

/** What to do on the server: create a table (the host's choices) or join one by its code. */
export type TableRequest =
  | { kind: 'create'; options: CreateOptions }
  /**
   * `fromClass`: the seat's token was given by a class (the team's token), not by this table: the
   * team reads its briefing first unless the talks at the table have begun.
   */
  | { kind: 'join'; code: string; side?: Side; name?: string; fromClass?: boolean }
  /** Watch a table from the spectators' seat: no token, no seat; the public view only until the end. */
  | { kind: 'watch'; code: string };

/**
 * A seat at an online table. `game` is the server's last view for this seat (`TableUpdate.view`,
 * typed as a GameState): INVARIANT: it holds only this seat's secrets. Until the talks end the other
 * side's `types` and `beliefs` are null, `seed` is '', and `rng`/`ai` are absent, so the rules (which
 * need the RNG and both types) never run on it here: what the screens need from hidden parts comes
 * from the server (`legal`, `preview`, `pastRolls`). Code reading `game.types[session.opponent]`
 * must expect null before the end.
 *
 * A spectator (`spectator`, joined with `{ spectate: true }`) holds no seat: its view has no one's
 * secrets (both `types` and `beliefs` null, no journal, guesses or preview) until the talks end.
 * Its `side` is the scenario's first party only as a layout anchor; it never has the move, has no legal actions and no
 * draft, and it skips the briefing (it goes straight to the screen of the table's phase).
 */
export class RemoteSession extends GameSession {
  update: TableUpdate;
  readonly welcome: Welcome;
  /** Watching from the spectators' seat: read-only, public information only until the end. */
  readonly spectator: boolean;
  /** Whether the room's connection is up (false while reconnecting). */
  connected = true;
  /** Why the connection is gone for good (after RECONNECT_TRIES), or null. */
  connectionProblem: string | null = null;
  /** The teacher's last message to this table (class play), until the player dismisses it; or null. */
  notice: Notice | null = null;
  /** What to add to this device's clock to read the server's, from the notice's `now` (its countdown). */
  noticeOffset = 0;
  private started = false;
  private begun: boolean;
  private debriefed = false;
  /** Log entries already handed to `onLogged` listeners. */
  private seen: number;
  private serverReplay: Replay | null = null;
  private replayAsked = false;
  private closed = false;
  private readonly listeners = new Set<(event: RemoteEvent) => void>();

  constructor(
    scenario: Scenario,
    scenarioHash: string,
    choice: GameChoice,
    private room: RoomLike,
    first: { welcome: Welcome; update: TableUpdate; rejoined: boolean; notice?: Notice | null },
    private readonly deps: OnlineDeps,
  ) {
    super(scenario, scenarioHash, choice);
    this.welcome = first.welcome;
    this.update = first.update;
    this.spectator = first.welcome.viewer === 'spectator';
    // A seat taken back (a reload) goes straight on from where the table is; a new seat reads its
    // briefing first. A spectator has no brief: it watches from where the table is.
    const skip = first.rejoined || this.spectator;
    this.begun = skip;
    this.started = skip;
    this.seen = skip ? first.update.view.log.length : 0;
    if (first.notice) this.showNotice(first.notice);
    this.listen(room);
    this.syncDraft();
    this.askForReplay();
  }

  /**
   * Shows a message from the teacher (replacing the one shown). `offset` corrects this device's
   * clock (by default from the notice's `now`, taken as the server's clock at its arrival).
   */
  showNotice(notice: Notice, offset: number = notice.now - Date.now()): void {
    this.notice = notice;
    this.noticeOffset = offset;
    this.emit({ kind: 'notice' });
  }

  /** The player has read the teacher's message: the banner goes. */
  dismissNotice(): void {
    if (!this.notice) return;
    this.notice = null;
    this.emit({ kind: 'notice' });
  }

  get code(): string {
    return this.update.code;
  }

  get host(): boolean {
    return this.welcome.host;
  }

  get seats(): Record<Side, SeatInfo> {
    return this.update.seats;
  }

  /** Both seats are filled (a person holds each human seat's token): the talks can begin. */
  get ready(): boolean {
    return sidesOf(this.scenario).every((s) => {
      const seat = this.update.seats[s];
      return seat !== undefined && (seat.taken || seat.controller !== 'human');
    });
  }

  get phase(): GamePhase {
    if (this.update.view.phase === 'ended') return this.debriefed ? 'debrief' : 'outcome';
    if (!this.started) return 'setup';
    if (!this.begun) return 'briefing';
    return this.update.view.phase;
  }

  /** The server's view for this seat (see the class comment: only this seat's secrets are in it). */
  get game(): GameState {
    return this.update.view as unknown as GameState;
  }

  /** The same view with its own type: what the server computed for this seat (`preview`, `pastRolls`). */
  get view(): GameView {
    return this.update.view;
  }

  get record(): ReplayRecord {
    return { settings: this.update.settings, takeovers: this.serverReplay?.takeovers ?? [], parent: null };
  }

  get history(): { actions: LoggedAction[]; checksums: string[] } {
    return { actions: this.serverReplay?.log ?? [], checksums: this.serverReplay?.checksums ?? [] };
  }

  /** A spectator never has the move (it holds no seat). */
  override get isMyTurn(): boolean {
    return !this.spectator && super.isMyTurn;
  }

  onChange(listener: (event: RemoteEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    this.started = true;
  }

  begin(): void {
    this.started = true;
    this.begun = true;
    this.announce();
    this.syncDraft();
  }

  debrief(): void {
    if (this.update.view.phase === 'ended') this.debriefed = true;
  }

  /** Sends the move: null once sent (the server's answer comes as an update, or a refusal). */
  act(action: Action): string | null {
    if (this.spectator) return m.app.spectatorsCannotMove;
    if (!this.connected) return this.connectionProblem ?? m.app.notConnected;
    this.room.send('act', { action });
    return null;
  }

  facilitate(_action: FacilitatorAction): string | null {
    return m.app.noFacilitatorOnline;
  }

  /**
   * The server's replay file, once the talks have ended and it has arrived. Before, the seed is
   * secret, so the moves cannot be checked: a replay with the table's settings and no moves (`final` '').
   */
  replay(): Replay {
    if (this.serverReplay) return this.serverReplay;
    const base = makeReplay({
      scenario: this.scenario,
      scenarioHash: this.scenarioHash,
      seed: '',
      settings: this.update.settings,
      log: [],
      checksums: [],
      finalState: this.game,
    });
    return { ...base, final: '' };
  }

  /** Whether the server's replay file has arrived (after the end). */
  get hasReplay(): boolean {
    return this.serverReplay !== null;
  }

  protected legalTypes(): ActionType[] {
    return this.spectator ? [] : this.update.legal;
  }

  /** A spectator has no draft: its view has no type to build one from, and it cannot propose. */
  protected override syncDraft(): void {
    if (this.spectator) return;
    super.syncDraft();
  }

  /**
   * The other seat's player has gone (their connection lost) and they hold a human seat: the host may
   * hand it to the AI (`personality`), which plays it from the next move on.
   */
  get otherSeatLeft(): boolean {
    if (this.spectator) return false;
    const other = this.update.seats[this.opponent];
    return other !== undefined && this.update.view.phase !== 'ended' && other.controller === 'human' && other.taken && !other.connected;
  }

  /** The host hands the other seat to the server's AI; a refusal comes back as any other. */
  handOtherSeatToAi(personality: string): void {
    this.room.send('seat', { side: this.opponent, controller: `ai:${personality}` });
  }

  /** Leaves the table (the seat stays this browser's: its token is kept for a later rejoin). */
  leave(): void {
    this.closed = true;
    this.room.leave(true);
  }

  private emit(event: RemoteEvent): void {
    for (const l of [...this.listeners]) l(event);
  }

  /** New log entries to the listeners, once the player has begun (a briefing is read in peace). */
  private announce(): void {
    const log = this.update.view.log;
    if (!this.begun && this.update.view.phase !== 'ended') return;
    if (log.length > this.seen) this.emitLogged(log.slice(this.seen));
    this.seen = log.length;
  }

  private askForReplay(): void {
    if (this.update.view.phase !== 'ended' || this.replayAsked || !this.connected) return;
    this.replayAsked = true;
    this.room.send('replay', {});
  }

  private listen(room: RoomLike): void {
    room.onMessage('update', (update: TableUpdate) => {
      // The server sends only the new entries of the growing lists (core/viewDelta.ts).
      const view = joinView(this.update.view, update.view, update.from ?? null);
      if (!view) {
        room.send('resync', {});
        return;
      }
      this.update = { ...update, view, from: null };
      this.announce();
      this.syncDraft();
      this.askForReplay();
      this.emit({ kind: 'update' });
    });
    room.onMessage('refused', (refusal: Refusal) => this.emit({ kind: 'refused', error: refusal.error }));
    room.onMessage('replay', (replay: Replay) => {
      this.serverReplay = replay;
      this.emit({ kind: 'update' });
    });
    room.onMessage('welcome', () => {});
    room.onMessage('notice', (message: unknown) => {
      const notice = readNotice(message);
      if (notice) this.showNotice(notice);
    });
    room.onLeave((code: number) => {
      if (this.closed || room !== this.room) return;
      this.connected = false;
      this.emit({ kind: 'connection' });
      void this.reconnect(code);
    });
  }

  /** Takes the seat back with its token, with backoff; after RECONNECT_TRIES, says so plainly. */
  private async reconnect(code: number): Promise<void> {
    const wait = this.deps.wait ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    const token = this.welcome.token;
    let last = m.app.connectionClosed(code);
    for (let attempt = 0; attempt < RECONNECT_TRIES && !this.closed; attempt++) {
      await wait(backoff(attempt));
      if (this.closed) return;
      try {
        const client = await this.deps.client();
        const room = await client.joinById(
          this.update.code,
          this.spectator ? { spectate: true, deltas: true } : token ? { token, deltas: true } : { side: this.side, deltas: true },
        );
        this.room = room;
        this.listen(room);
        this.connected = true;
        this.replayAsked = false;
        this.emit({ kind: 'connection' });
        return;
      } catch (e) {
        last = errorText(e);
      }
    }
    if (this.closed) return;
    this.connectionProblem = this.spectator ? m.app.lostTableWatching(this.update.code, last) : m.app.lostTableSeat(this.update.code, last);
    this.emit({ kind: 'connection' });
  }
}

/** A notice as received: its fields checked (a malformed one is dropped, never shown half-read). */
export function readNotice(message: unknown): Notice | null {
  if (!message || typeof message !== 'object') return null;
  const m = message as Record<string, unknown>;
  if (typeof m.text !== 'string' || typeof m.now !== 'number' || !Number.isFinite(m.now)) return null;
  const until = typeof m.until === 'number' && Number.isFinite(m.until) ? m.until : null;
  const msg = readNoticeMsg(m.msg);
  return { text: m.text, until, now: m.now, ...(msg ? { msg } : {}) };
}

/** A notice's message (the server's own words), checked: anything else is dropped and the text is shown. */
function readNoticeMsg(raw: unknown): NoticeMsg | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  if (r.id === 'class-ended') return { id: 'class-ended' };
  const whole = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < 1e6;
  if (r.id === 'round-timer' && whole(r.round) && whole(r.of) && whole(r.minutes))
    return { id: 'round-timer', round: r.round, of: r.of, minutes: r.minutes };
  return undefined;
}

/** A server or network error in words. */
export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}

/** Makes a plain-language sentence of a failure to create or join a table. */
function explain(e: unknown, request: TableRequest): string {
  const text = errorText(e);
  if (/not found|no rooms found|invalid room/i.test(text))
    return request.kind !== 'create' ? m.app.noSuchTable(request.code) : m.app.serverRefused(text);
  if (/failed to fetch|ECONNREFUSED|network|websocket|socket hang up/i.test(text) || text === '[object Event]' || text === '')
    return m.app.serverUnreachable;
  return request.kind === 'join'
    ? m.app.joiningTableFailed(request.code, text)
    : request.kind === 'watch'
      ? m.app.watchingTableFailed(request.code, text)
      : m.app.creatingTableFailed(text);
}

/** Waits for the welcome and the first update (they follow the join) or the room's closing; a teacher's notice sent between is kept. */
function firstMessages(room: RoomLike): Promise<{ welcome: Welcome; update: TableUpdate; notice: Notice | null }> {
  return new Promise((resolve, reject) => {
    let welcome: Welcome | null = null;
    let update: TableUpdate | null = null;
    let notice: Notice | null = null;
    const done = () => {
      if (welcome && update) resolve({ welcome, update, notice });
    };
    room.onMessage('notice', (message: unknown) => {
      notice = readNotice(message) ?? notice;
    });
    room.onMessage('welcome', (w: Welcome) => {
      welcome = w;
      done();
    });
    room.onMessage('update', (u: TableUpdate) => {
      update = u;
      done();
    });
    room.onMessage('refused', (r: Refusal) => reject(new Error(r.error)));
    room.onLeave((code: number) => reject(new Error(m.app.tableClosedConnection(code))));
  });
}

/**
 * Creates or joins a table and resolves with the seat, or rejects with a sentence for the title
 * screen. Joining uses this browser's seat token for the table when it has one (the seat taken back),
 * and stores the token it is given.
 */
export async function connectTable(asked: TableRequest, choice: GameChoice, deps: OnlineDeps): Promise<RemoteSession> {
  const request: TableRequest = asked.kind === 'create' ? asked : { ...asked, code: normaliseTableCode(asked.code) ?? asked.code };
  let room: RoomLike;
  let rejoined = false;
  try {
    const client = await deps.client();
    if (request.kind === 'create') room = await client.create(TABLE_ROOM, { ...request.options, deltas: true });
    else if (request.kind === 'watch') room = await client.joinById(request.code, { spectate: true, deltas: true });
    else {
      const token = readToken(deps.store, request.code);
      try {
        // A name is given with a new seat (a seat taken back with its token keeps the one it had).
        const fresh = { deltas: true, ...(request.side ? { side: request.side } : {}), ...(request.name ? { name: request.name } : {}) };
        room = await client.joinById(request.code, token ? { token, deltas: true } : fresh);
        // A class's seat is this team's from the start: it is taken back only once the talks have begun.
        rejoined = token !== null && !request.fromClass;
      } catch (e) {
        // A token this table does not know (an old table's): forget it and take a free seat.
        if (!token || !/token/i.test(errorText(e))) throw e;
        forgetToken(deps.store, request.code);
        room = await client.joinById(request.code, {
          deltas: true,
          ...(request.side ? { side: request.side } : {}),
          ...(request.name ? { name: request.name } : {}),
        });
      }
    }
  } catch (e) {
    throw new Error(explain(e, request));
  }
  let first: { welcome: Welcome; update: TableUpdate; notice: Notice | null };
  try {
    first = await firstMessages(room);
  } catch (e) {
    throw new Error(explain(e, request));
  }
  const { welcome, update, notice } = first;
  if (request.kind === 'join' && request.fromClass && update.turns > 0) rejoined = true;
  if (welcome.viewer === 'spectator' && request.kind !== 'watch') {
    room.leave(true);
    throw new Error(m.app.noFreeSeat(welcome.code));
  }
  if (welcome.token) writeToken(deps.store, welcome.code, welcome.token);
  const loaded = loadScenario(update.scenarioId);
  if (!loaded.ok) {
    room.leave(true);
    throw new Error(m.app.tableScenarioMissing(welcome.code, quote(update.scenarioId)));
  }
  if (loaded.hash !== update.scenarioSha) {
    room.leave(true);
    throw new Error(m.app.tableScenarioVersion(welcome.code, quote(update.scenarioId)));
  }
  // A spectator sits nowhere: the first party is only where the screens anchor their layout.
  const side: Side = welcome.viewer === 'spectator' ? sidesOf(loaded.scenario)[0] : welcome.viewer;
  const controller = update.settings[otherSide(loaded.scenario, side)] ?? 'human';
  const seatChoice: GameChoice = {
    scenarioId: update.scenarioId,
    seed: request.kind === 'create' ? (request.options.seed ?? '') : '',
    side,
    personality: controller.startsWith('ai:') ? controller.slice(3) : choice.personality,
    difficulty: update.settings.difficulty,
    mode: 'online',
  };
  return new RemoteSession(loaded.scenario, loaded.hash, seatChoice, room, { welcome, update, rejoined, notice }, deps);
}

function readToken(store: KeyValueStore, code: string): string | null {
  try {
    const value = store.getItem(tokenKey(code));
    return value && /^[0-9a-f]{32}$/.test(value) ? value : null;
  } catch {
    return null;
  }
}

/** Keeps `token` as this browser's seat token for table `code` (a class's team token is written here too). */
export function writeToken(store: KeyValueStore, code: string, token: string): void {
  try {
    store.setItem(tokenKey(code), token);
  } catch {
    // No storage: the seat cannot be taken back after a reload, but the game goes on.
  }
}

function forgetToken(store: KeyValueStore, code: string): void {
  try {
    store.removeItem(tokenKey(code));
  } catch {
    // Nothing to forget.
  }
}
