// The teacher console's connection and state (no DOM): the class room on the game server, the grid of
// tables as the server last described it, the teams, the selection and the sort, the teacher's
// actions as messages, and reconnection with backoff. consoleView.ts draws it; tests drive it with a
// fake room.
//
// Only types come from src/server/classProtocol.ts (its zod schemas stay out of the browser bundle);
// the limits the form checks are repeated here (a test checks they match).
import type { RoomLike } from '../app/online';
import type { KeyValueStore } from '../core/save';
import type { Side } from '../core/scenario/constants';
import type { FacilitatorAction } from '../core/types';
import { m } from '../i18n';
import type {
  ClassInfo,
  ClassOptions,
  ClassWelcome,
  ConsoleRow,
  ConsoleState,
  Done,
  DoneMsg,
  Notice,
  TableDetail,
  TableSummary,
  TeamInfo,
} from '../server/classProtocol';
import { ApiError, ClassApi, readTeacherToken, rememberClass } from './api';

/** The class room's name (classProtocol's CLASS_ROOM). */
export const CLASS_ROOM = 'class';
/** classProtocol's MAX_NOTICE, MAX_COUNTDOWN and MAX_CLASS_TABLES. */
export const MAX_NOTICE = 280;
export const MAX_COUNTDOWN = 3600;
export const MAX_CLASS_TABLES = 40;

/** A facilitator action the class room passes on to tables (the mediator's bridge is per table, not here). */
export type ClassAction = Exclude<FacilitatorAction, { type: 'mediator-bridge' }>;
export type Targets = 'all' | string[];

/** The part of a colyseus.js `Client` the console uses. */
export interface ClassClient {
  create(roomName: string, options: ClassOptions): Promise<RoomLike>;
  joinById(roomId: string, options: Record<string, unknown>): Promise<RoomLike>;
}
export type ClassClientFactory = () => ClassClient | Promise<ClassClient>;

/** The browser's client: the game server on the page's own origin (loaded only in the console). */
export const browserClassClient: ClassClientFactory = async () => {
  const { Client } = await import('colyseus.js');
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return new Client(`${scheme}://${location.host}`) as unknown as ClassClient;
};

export interface ConsoleDeps {
  client: ClassClientFactory;
  store: KeyValueStore;
  api?: ClassApi;
  /** The device's clock (ms since 1970); tests set it. */
  now?: () => number;
  /** Waits between reconnection tries (tests make it instant). */
  wait?: (ms: number) => Promise<void>;
}

export const RECONNECT_TRIES = 10;
const backoff = (attempt: number) => Math.min(8000, 500 * 2 ** attempt);
/** How long an action waits for the server's answer before saying so. */
export const ANSWER_MS = 10_000;

export type ConsoleEvent =
  | { kind: 'state' }
  | { kind: 'row'; code: string }
  | { kind: 'teams' }
  | { kind: 'detail'; detail: TableDetail }
  | { kind: 'done'; text: string; msg?: DoneMsg }
  | { kind: 'refused'; error: string }
  | { kind: 'notice'; notice: Notice }
  | { kind: 'pair-code'; code: string; expiresAt: number }
  | { kind: 'connection' };

/** A column to sort by. `seatA`/`supportA` are the first party's, `seatB`/`supportB` the second's. */
export type SortKey =
  | 'code'
  | 'seatA'
  | 'seatB'
  | 'round'
  | 'toMove'
  | 'rung'
  | 'hazard'
  | 'supportA'
  | 'supportB'
  | 'lastMove'
  | 'idle'
  | 'paused'
  | 'outcome';
export type SortDir = 'ascending' | 'descending';
export interface Sort {
  key: SortKey;
  dir: SortDir;
}

/** Seconds since the table's last move, on the server's clock (null before any move). */
export function idleSeconds(table: TableSummary, serverNow: number): number | null {
  if (table.lastMoveAt === null) return null;
  return Math.max(0, Math.floor((serverNow - table.lastMoveAt) / 1000));
}

/** "42 s", "3 min 05 s", "1 h 02 min". */
export function idleText(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 60) return m.cls.seconds(seconds);
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return m.cls.minutesSeconds(minutes, seconds % 60);
  return m.cls.hoursMinutes(Math.floor(minutes / 60), minutes % 60);
}

/**
 * The table's party ids, first and second: the server lists a table's seats in the scenario's party
 * order (the console itself needs no scenario to sort).
 */
export function partiesOf(t: TableSummary): [Side, Side] {
  const [a = '', b = ''] = Object.keys(t.seats);
  return [a, b];
}

function sortValue(t: TableSummary, key: SortKey, serverNow: number): string | number {
  const [a, b] = partiesOf(t);
  switch (key) {
    case 'code':
      return t.code;
    case 'seatA':
    case 'seatB':
      return (t.seats[key === 'seatA' ? a : b]?.name ?? '').toLowerCase();
    case 'round':
      return t.round;
    case 'toMove':
      return t.phase === 'ended' ? 'z' : t.toMove;
    case 'rung':
      return t.rung;
    case 'hazard':
      return t.hazard;
    case 'supportA':
      return t.support[a] ?? 0;
    case 'supportB':
      return t.support[b] ?? 0;
    case 'lastMove':
      return (t.lastMove ?? '').toLowerCase();
    case 'idle':
      return idleSeconds(t, serverNow) ?? -1;
    case 'paused':
      return t.paused ? 1 : 0;
    case 'outcome':
      return (t.outcome ?? '').toLowerCase();
  }
}

/** The tables in the order of `sort` (ties keep the table codes' order). */
export function sortTables(tables: readonly TableSummary[], sort: Sort, serverNow: number): TableSummary[] {
  const sign = sort.dir === 'ascending' ? 1 : -1;
  return [...tables].sort((a, b) => {
    const x = sortValue(a, sort.key, serverNow);
    const y = sortValue(b, sort.key, serverNow);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return c !== 0 ? sign * c : a.code.localeCompare(b.code);
  });
}

/** A failure in words (colyseus.js rejects with errors, events or strings). */
export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}

function explain(e: unknown, what: string): string {
  if (e instanceof ApiError) return e.message;
  const text = errorText(e);
  if (/failed to fetch|ECONNREFUSED|network|websocket|socket hang up/i.test(text) || text === '[object Event]' || text === '')
    return m.cls.unreachable;
  if (/not found|no rooms found|invalid room/i.test(text)) return m.cls.noLiveClass(what);
  return m.cls.failedBecause(what, text.replace(/[.\s]+$/, ''));
}

/** The server's answer to an action: its English `text`, with the message a page says in its own language (i18n/serverWords.ts). */
export type Answer = { ok: boolean; text: string; msg?: DoneMsg };
type Waiter = {
  accepts: readonly string[];
  resolve: (answer: Answer) => void;
  timer: ReturnType<typeof setTimeout>;
};

/** Snapshot for scripts and tests: `window.backchannel.console()`. */
export interface ConsoleSnapshot {
  info: ClassInfo | null;
  teams: TeamInfo[];
  tables: TableSummary[];
  connected: boolean;
  /** Server clock minus this device's clock (ms). */
  offset: number;
  problem: string | null;
}

export class ClassConsole {
  info: ClassInfo | null = null;
  teams: TeamInfo[] = [];
  /** The tables by code, in the order the server listed them. */
  private readonly rows = new Map<string, TableSummary>();
  /** The server's clock minus this device's, from the last message that carried `now`. */
  offset = 0;
  connected = true;
  /** Set while reconnecting: which try this is. */
  reconnecting: number | null = null;
  /** Why the connection is gone for good, or null. */
  problem: string | null = null;
  readonly selected = new Set<string>();
  sort: Sort = { key: 'code', dir: 'ascending' };
  /** The last broadcast's echo (its countdown runs on the server's clock). */
  notice: Notice | null = null;
  pairCode: { code: string; expiresAt: number } | null = null;
  private closed = false;
  private readonly listeners = new Set<(event: ConsoleEvent) => void>();
  private waiters: Waiter[] = [];
  private detailWaiters: { table: string; resolve: (d: TableDetail) => void; reject: (e: Error) => void }[] = [];
  private readonly api: ClassApi;

  constructor(
    readonly code: string,
    private token: string | null,
    private room: RoomLike,
    private readonly deps: ConsoleDeps,
  ) {
    this.api = deps.api ?? new ClassApi();
    this.listen(room);
  }

  /** Creates a class on the server; resolves once the console's first state has come. */
  static async create(options: ClassOptions, deps: ConsoleDeps): Promise<ClassConsole> {
    let room: RoomLike;
    try {
      room = await (await deps.client()).create(CLASS_ROOM, options);
    } catch (e) {
      throw new Error(explain(e, m.cls.creatingFailed));
    }
    return ClassConsole.start(room, null, deps, m.cls.creatingFailed);
  }

  /** Opens a class this device runs (its token is kept here): reopens it on the server, then joins. */
  static async open(code: string, deps: ConsoleDeps): Promise<ClassConsole> {
    const token = readTeacherToken(deps.store, code);
    if (!token) throw new Error(m.cls.noTeacherKey(code));
    const api = deps.api ?? new ClassApi();
    let room: RoomLike;
    try {
      await api.open(code, token);
      room = await (await deps.client()).joinById(code, { teacher: token });
    } catch (e) {
      throw new Error(explain(e, m.cls.openingFailed(code)));
    }
    return ClassConsole.start(room, token, deps, m.cls.openingFailed(code));
  }

  /** Adds this device to a class's console with the 6-digit code shown on the other device. */
  static async pairDevice(code: string, digits: string, deps: ConsoleDeps): Promise<ClassConsole> {
    const pair = digits.replace(/\s+/g, '');
    if (!/^[0-9]{6}$/.test(pair)) throw new Error(m.cls.sixDigits);
    let room: RoomLike;
    try {
      room = await (await deps.client()).joinById(code, { pair });
    } catch (e) {
      throw new Error(explain(e, m.cls.addingFailed));
    }
    return ClassConsole.start(room, null, deps, m.cls.addingFailed);
  }

  /** Waits for the welcome and the first console state, keeps the token, and hands over the console. */
  private static start(room: RoomLike, known: string | null, deps: ConsoleDeps, what: string): Promise<ClassConsole> {
    return new Promise((resolve, reject) => {
      let welcome: ClassWelcome | null = null;
      let state: ConsoleState | null = null;
      let settled = false;
      const fail = (text: string) => {
        if (settled) return;
        settled = true;
        try {
          room.leave(true);
        } catch {
          // Already closed.
        }
        reject(new Error(text));
      };
      const done = () => {
        if (settled || !welcome || !state) return;
        if (welcome.role !== 'teacher') return fail(m.cls.notLetIn(what));
        settled = true;
        const token = welcome.token ?? known;
        const c = new ClassConsole(state.info.code, token, room, deps);
        c.applyState(state);
        rememberClass(
          deps.store,
          { code: state.info.code, title: state.info.title, scenarioId: state.info.scenarioId, createdAt: state.info.createdAt },
          token,
        );
        resolve(c);
      };
      room.onMessage('welcome', (w: ClassWelcome) => {
        welcome = w;
        done();
      });
      room.onMessage('console', (s: ConsoleState) => {
        state = s;
        done();
      });
      room.onMessage('refused', (r: { error: string }) => fail(m.cls.failedBecause(what, String(r.error).replace(/[.\s]+$/, ''))));
      room.onLeave((code: number) => fail(m.cls.serverClosed(what, code)));
    });
  }

  // --- state ---------------------------------------------------------------------------------------

  private get clock(): number {
    return (this.deps.now ?? Date.now)();
  }

  /** The server's clock now, as this device best knows it. */
  serverNow(): number {
    return this.clock + this.offset;
  }

  private syncClock(now: unknown): void {
    if (typeof now === 'number' && Number.isFinite(now)) this.offset = now - this.clock;
  }

  applyState(state: ConsoleState): void {
    this.syncClock(state.now);
    this.info = state.info;
    this.teams = state.teams;
    this.rows.clear();
    for (const t of state.tables) this.rows.set(t.code, t);
    for (const code of [...this.selected]) if (!this.rows.has(code)) this.selected.delete(code);
    this.emit({ kind: 'state' });
  }

  applyRow(row: ConsoleRow): void {
    this.syncClock(row.now);
    this.rows.set(row.table.code, row.table);
    this.emit({ kind: 'row', code: row.table.code });
  }

  get tables(): TableSummary[] {
    return [...this.rows.values()];
  }

  table(code: string): TableSummary | undefined {
    return this.rows.get(code);
  }

  /** The tables in the chosen order. */
  sorted(): TableSummary[] {
    return sortTables(this.tables, this.sort, this.serverNow());
  }

  /** Sorts by `key`: a new column ascending, the same column again reversed. */
  sortBy(key: SortKey): void {
    this.sort = { key, dir: this.sort.key === key && this.sort.dir === 'ascending' ? 'descending' : 'ascending' };
    this.emit({ kind: 'state' });
  }

  idle(table: TableSummary): number | null {
    return idleSeconds(table, this.serverNow());
  }

  /** Teams waiting for a table (no other team yet). */
  get waiting(): TeamInfo[] {
    return this.teams.filter((t) => t.table === null);
  }

  select(code: string, on: boolean): void {
    if (on && this.rows.has(code)) this.selected.add(code);
    else this.selected.delete(code);
  }

  /** The selected tables in grid order, or 'all' when none is selected. */
  targets(): Targets {
    const picked = this.sorted()
      .map((t) => t.code)
      .filter((c) => this.selected.has(c));
    return picked.length ? picked : 'all';
  }

  snapshot(): ConsoleSnapshot {
    const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
    return copy({
      info: this.info,
      teams: this.teams,
      tables: this.tables,
      connected: this.connected,
      offset: this.offset,
      problem: this.problem,
    });
  }

  // --- actions -------------------------------------------------------------------------------------

  /** Sends a message; the promise is the server's answer ('done' or 'refused', matched in order). */
  private ask(type: string, message: unknown, accepts: readonly string[] = ['done']): Promise<Answer> {
    if (!this.connected) return Promise.resolve({ ok: false, text: this.problem ?? m.cls.notConnected });
    return new Promise((resolve) => {
      const waiter: Waiter = {
        accepts,
        resolve,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          resolve({ ok: false, text: m.cls.noAnswer });
        }, ANSWER_MS),
      };
      this.waiters.push(waiter);
      this.room.send(type, message);
    });
  }

  private answer(kind: string, ok: boolean, text: string, msg?: DoneMsg): void {
    const at = this.waiters.findIndex((w) => !ok || w.accepts.includes(kind));
    if (at < 0) return;
    const [w] = this.waiters.splice(at, 1);
    if (!w) return;
    clearTimeout(w.timer);
    w.resolve({ ok, text, ...(msg ? { msg } : {}) });
  }

  facilitate(tables: Targets, action: ClassAction): Promise<Answer> {
    return this.ask('facilitate', { tables, action });
  }

  broadcast(tables: Targets, text: string, countdown?: number): Promise<Answer> {
    return this.ask('broadcast', countdown === undefined ? { tables, text } : { tables, text, countdown });
  }

  /** Two waiting teams at a new table, by the seat each takes: `{<party id>: <team id>}` for both parties. */
  seatTogether(seats: Record<Side, string>): Promise<Answer> {
    return this.ask('seat', seats);
  }

  seatAi(team: string, personality?: string): Promise<Answer> {
    return this.ask('seat-ai', personality ? { team, personality } : { team });
  }

  end(): Promise<Answer> {
    return this.ask('end', {});
  }

  /** A one-time code for a second device (it comes as 'pair-code'). */
  pair(): void {
    if (this.connected) this.room.send('pair', {});
  }

  /** One table in full (both briefs), from the server. */
  detail(table: string): Promise<TableDetail> {
    if (!this.connected) return Promise.reject(new Error(this.problem ?? m.cls.notConnected));
    return new Promise((resolve, reject) => {
      const w = { table, resolve, reject };
      this.detailWaiters.push(w);
      setTimeout(() => {
        if (!this.detailWaiters.includes(w)) return;
        this.detailWaiters = this.detailWaiters.filter((x) => x !== w);
        reject(new Error(m.cls.tableNotSent(table)));
      }, ANSWER_MS);
      this.room.send('detail', { table });
    });
  }

  /** The teacher token this device holds for the class (for the HTTP calls). */
  get teacherToken(): string | null {
    return this.token ?? readTeacherToken(this.deps.store, this.code);
  }

  onChange(listener: (event: ConsoleEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Leaves the class room (the class goes on without this console). */
  leave(): void {
    this.closed = true;
    try {
      this.room.leave(true);
    } catch {
      // Already closed.
    }
  }

  private emit(event: ConsoleEvent): void {
    for (const l of [...this.listeners]) l(event);
  }

  private listen(room: RoomLike): void {
    const mine = (fn: () => void) => {
      if (room === this.room) fn();
    };
    room.onMessage('welcome', (w: ClassWelcome) =>
      mine(() => {
        if (w.role === 'teacher' && w.token) {
          this.token = w.token;
          if (this.info) rememberClass(this.deps.store, this.entry(), w.token);
        }
      }),
    );
    room.onMessage('console', (s: ConsoleState) => mine(() => this.applyState(s)));
    room.onMessage('row', (r: ConsoleRow) => mine(() => this.applyRow(r)));
    room.onMessage('teams', (teams: TeamInfo[]) =>
      mine(() => {
        this.teams = teams;
        this.emit({ kind: 'teams' });
      }),
    );
    room.onMessage('detail', (d: TableDetail) =>
      mine(() => {
        const waiting = this.detailWaiters.filter((w) => w.table === d.code);
        this.detailWaiters = this.detailWaiters.filter((w) => w.table !== d.code);
        for (const w of waiting) w.resolve(d);
        this.emit({ kind: 'detail', detail: d });
      }),
    );
    room.onMessage('pair-code', (p: { code: string; expiresAt: number }) =>
      mine(() => {
        this.pairCode = p;
        this.emit({ kind: 'pair-code', code: p.code, expiresAt: p.expiresAt });
      }),
    );
    room.onMessage('done', (d: Done) =>
      mine(() => {
        this.answer('done', true, d.text, d.msg);
        this.emit({ kind: 'done', text: d.text, ...(d.msg ? { msg: d.msg } : {}) });
      }),
    );
    room.onMessage('refused', (r: { error: string }) =>
      mine(() => {
        this.answer('refused', false, r.error);
        this.emit({ kind: 'refused', error: r.error });
      }),
    );
    room.onMessage('notice', (n: Notice) =>
      mine(() => {
        this.syncClock(n.now);
        this.notice = n;
        this.answer('notice', true, m.cls.sent(n.text, n.until !== null));
        this.emit({ kind: 'notice', notice: n });
      }),
    );
    room.onLeave((code: number) => {
      if (this.closed || room !== this.room) return;
      this.connected = false;
      for (const w of this.waiters.splice(0)) {
        clearTimeout(w.timer);
        w.resolve({ ok: false, text: m.cls.lostBeforeAnswer });
      }
      this.emit({ kind: 'connection' });
      void this.reconnect(code);
    });
  }

  private entry() {
    const i = this.info as ClassInfo;
    return { code: i.code, title: i.title, scenarioId: i.scenarioId, createdAt: i.createdAt };
  }

  /** Reopens the class and joins it again with the teacher token, with backoff; then says so plainly. */
  private async reconnect(code: number): Promise<void> {
    const wait = this.deps.wait ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    let last = m.cls.connectionClosed(code);
    for (let attempt = 0; attempt < RECONNECT_TRIES && !this.closed; attempt++) {
      this.reconnecting = attempt + 1;
      this.emit({ kind: 'connection' });
      await wait(backoff(attempt));
      if (this.closed) return;
      const token = this.teacherToken;
      if (!token) {
        last = m.cls.noKeyForClass;
        break;
      }
      try {
        await this.api.open(this.code, token);
        const room = await (await this.deps.client()).joinById(this.code, { teacher: token });
        this.room = room;
        this.listen(room);
        this.connected = true;
        this.reconnecting = null;
        this.emit({ kind: 'connection' });
        return;
      } catch (e) {
        last = errorText(e).replace(/[.\s]+$/, '');
        // The key refused or the class deleted: trying again will not help.
        if (e instanceof ApiError && (e.status === 401 || e.status === 403 || e.status === 404)) break;
      }
    }
    if (this.closed) return;
    this.reconnecting = null;
    this.problem = m.cls.lostConnection(this.code, last);
    this.emit({ kind: 'connection' });
  }
}

export type { ClassInfo, ConsoleState, Notice, Side, TableDetail, TableSummary, TeamInfo };
