// `npm run bench -- --class`: live classes under load, the teacher's console watching every table.
// A class is 40 tables: 80 student teams (one colyseus.js client each) joining by name, seated two a
// table by the class room, and the teacher's console joined to the class room. The game server runs
// in child processes (bench/classServer.ts), so its CPU and memory are measured apart from the
// clients. The student clients all run in this process; the teachers' consoles run in a process of
// their own (bench/classConsole.ts), as the console runs on the teacher's own device: a row is timed
// when the console has it, not when a process busy simulating 800 students gets round to reading it.
// Each run ("point") is one set-up and a number of classes:
//   single     one server process, PGlite in memory (what `npm run serve` runs without DATABASE_URL)
//   single-pg  one server process on PostgreSQL (127.0.0.1, a fresh schema): the fair floor for…
//   redis      two server processes sharing Redis (db 8, flushed first) and that PostgreSQL schema;
//              the classes are created through process A, student k joins the class through A or B in
//              turn and sits at its table through the other one; the server places the rooms
//              (src/server/placement.ts): the class rooms in each process in turn, a class's tables
//              in its class room's process (the rooms each process holds after set-up are printed).
// Each point: set up (create the classes, seat the teams, take the seats), then a paced phase
// (CLASS_SECONDS, default 60: each table makes a move at a seeded random offset in [0, 20) s, then one
// every 5–20 s, uniform, seeded with seedrandom's alea; never Math.random), then a burst phase
// (CLASS_BURST_SECONDS, default 15, or until every talk has ended): every seat moves as soon as it
// sees it is its move, keeping to the server's 10 messages a second per client. Then a drain (moves in
// flight land, the consoles catch up; bounded) and the checks.
// Measured per phase: for each move, from the moving client RECEIVING its own update with the new turn
// count (the nearest the client can see to "the server accepted the move") to the teacher's console
// receiving a 'row' for that table with `turns` ≥ that count (negative when the row came first; both
// times on the machine's monotonic clock, which the two client processes share); also
// from the row's own `lastMoveAt` (server clock, same machine) to its arrival, and from SENDING the move
// to that row. In the class room's process the row is handed over (synchronously) before the seats'
// updates are sent, so the first figure is about 0 or negative there. Rows received per move made.
// Server CPU % (all server processes, of one core), CPU ms per table per minute, RSS and V8 heap above
// the idle server(s) per table (after a GC), peak RSS. Where the time goes: the event-loop delay of the
// bench, of the consoles' process and of each server process, and how long each one's main thread was
// ready to run but waited for a CPU (Linux's /proc/self/schedstat), ms a second.
// Nothing lost: for every table the console's last row, the clients' last update and the database's
// stored turns (asked of a server process) agree, and every move a client saw land is stored as sent.
// Env: CLASS_COUNTS (default 1,10) and CLASS_SETUPS (default single,redis): either one set runs every
// set-up at every count; neither: every set-up at 1 and 10 classes (about 7 minutes).
// CLASS_SECONDS, CLASS_BURST_SECONDS, CLASS_SEED. Smoke run (< 1 minute):
// CLASS_COUNTS=1 CLASS_SECONDS=10 npm run bench -- --class. The JSON goes to bench/results/class-<date>.json.
// CLASS_CPU_PROFILE=<dir>: each server process writes a V8 CPU profile (.cpuprofile) there as it stops.
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Client, type Room } from 'colyseus.js';
import Redis from 'ioredis';
import pg from 'pg';
import alea from 'seedrandom/lib/alea.js';
import type { Scenario } from '../src/core/scenario/schema';
import { sidesOf } from '../src/core/sides';
import type { Action, Side } from '../src/core/types';
import { joinView } from '../src/core/viewDelta';
import type { ClassWelcome, Seated, TeamInfo } from '../src/server/classProtocol';
import { MESSAGES_PER_SECOND, type TableUpdate } from '../src/server/protocol';
import type { StoredTurn } from '../src/server/store';
import {
  CLASS_CONSOLE_ENV,
  type ConsoleStats,
  type ConsoleTrack,
  clock,
  type FromConsole,
  type Phase,
  type ToConsole,
} from './classConsole';
import { type ChildOptions, CLASS_CHILD_ENV, type FromClassChild, runDelayMs, type ToClassChild, takeLoopDelay } from './classServer';
import { loadMuscat } from './engine';
import {
  type Bucket,
  chooseMove,
  errorText,
  latencySummary,
  newBucket,
  pool,
  round1,
  round2,
  saveResult,
  sleep,
  takeToken,
  textTable,
} from './kit';

const SERVER_PROCESS = fileURLToPath(new URL('./classServer.ts', import.meta.url));
const DATABASE_URL = process.env.CLASS_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.CLASS_REDIS_URL || 'redis://127.0.0.1:6379/8';

export const TABLES_PER_CLASS = 40;
const TARGET_P99_MS = 250;
const TARGET_TWO_PROCESS_RATIO = 1.5;
/** Gaps between a table's moves in the paced phase, seconds (uniform). */
const GAP_MIN_S = 5;
const GAP_MAX_S = 20;
/** Joins (class or table) in flight at once, over all classes. */
const JOIN_CONCURRENCY = 16;
/** Set-up (creating the classes, seating and sitting every team) gives up after this long. */
const SETUP_CAP_MS = Number(process.env.CLASS_SETUP_CAP_MS ?? 180_000);
/** After the burst: moves in flight land and the consoles catch up, or this long has passed. */
const DRAIN_CAP_MS = 15_000;
const JOIN_TIMEOUT_MS = 30_000;
/** After the last team has joined, how long the teams wait to be told their seat before they rejoin with their token. */
const SEAT_WAIT_MS = 10_000;

export type Setup = 'single' | 'single-pg' | 'redis';
const SETUPS: readonly Setup[] = ['single', 'single-pg', 'redis'];
const SETUP_NAMES: Record<Setup, string> = {
  single: '1 process, PGlite',
  'single-pg': '1 process, PostgreSQL',
  redis: '2 processes, Redis + PostgreSQL',
};

export interface ClassBenchConfig {
  plan: { setup: Setup; classes: number }[];
  pacedSeconds: number;
  burstSeconds: number;
  seed: string;
}

/** The plan from the environment (see the header). */
export function classBenchConfig(): ClassBenchConfig {
  const num = (name: string, fallback: number) => {
    const raw = process.env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number of seconds: "${raw}"`);
    return n;
  };
  const rawCounts = process.env.CLASS_COUNTS;
  const rawSetups = process.env.CLASS_SETUPS;
  let plan: ClassBenchConfig['plan'];
  if (!rawCounts && !rawSetups) {
    plan = SETUPS.flatMap((setup) => [1, 10].map((classes) => ({ setup, classes })));
  } else {
    const counts = (rawCounts ?? '1,10').split(',').map((s) => Number(s.trim()));
    if (counts.some((c) => !Number.isInteger(c) || c < 1)) throw new Error(`CLASS_COUNTS must be whole numbers like 1,10: "${rawCounts}"`);
    const setups = (rawSetups ?? 'single,redis').split(',').map((s) => s.trim()) as Setup[];
    const bad = setups.filter((s) => !SETUPS.includes(s));
    if (bad.length) throw new Error(`CLASS_SETUPS takes ${SETUPS.join(', ')}; not ${bad.join(', ')}`);
    plan = setups.flatMap((setup) => counts.map((classes) => ({ setup, classes })));
  }
  return {
    plan,
    pacedSeconds: num('CLASS_SECONDS', 60),
    burstSeconds: num('CLASS_BURST_SECONDS', 15),
    seed: process.env.CLASS_SEED || 'class-bench',
  };
}

// ---------------------------------------------------------------------------------------------------
// The child processes: the server(s), and the teachers' consoles.

const CONSOLE_PROCESS = fileURLToPath(new URL('./classConsole.ts', import.meta.url));
type Stats = Extract<FromClassChild, { type: 'stats' }>;
type Reply = { type: string; message?: string };

/**
 * A child process answering requests over IPC, one at a time (they queue), each within 60 s. Only
 * its own replies count (a dependency in the server sends pm2's `axm:*` messages over the channel).
 */
class ChildProc<To extends object, From extends Reply> {
  private waiting: ((m: From) => void) | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private exited = false;
  private constructor(
    private readonly child: ChildProcess,
    ours: (m: unknown) => m is From,
    readonly first: From,
  ) {
    child.on('message', (m: unknown) => {
      if (!ours(m)) return;
      const w = this.waiting;
      this.waiting = null;
      w?.(m);
    });
    child.on('exit', () => {
      this.exited = true;
      const w = this.waiting;
      this.waiting = null;
      w?.({ type: 'error', message: 'the process has exited' } as From);
    });
  }

  /** Forks `script` (through tsx) with its options in `env` and waits for its 'ready'. */
  static start<To extends object, From extends Reply>(
    script: string,
    env: Record<string, string>,
    replies: readonly From['type'][],
    label: string,
    execArgv: string[] = [],
  ): Promise<ChildProc<To, From>> {
    const set = new Set<string>(replies);
    const ours = (m: unknown): m is From => !!m && typeof m === 'object' && set.has(String((m as { type?: unknown }).type));
    const child = fork(script, [], {
      execArgv: ['--import', 'tsx', ...execArgv],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return withTimeout(
      new Promise<ChildProc<To, From>>((resolve, reject) => {
        const first = (m: unknown) => {
          if (!ours(m)) return;
          child.off('message', first);
          if (m.type === 'ready') resolve(new ChildProc<To, From>(child, ours, m));
          else reject(new Error(`${label} did not start: ${m.message ?? m.type}`));
        };
        child.on('message', first);
        child.once('exit', (code) => reject(new Error(`${label} exited (${code}) before it was ready`)));
      }),
      60_000,
      `${label} to start`,
    ).catch((e: unknown) => {
      child.kill('SIGKILL');
      throw e;
    });
  }

  request<T extends From['type']>(m: To, expect: T): Promise<Extract<From, { type: T }>> {
    const run = () =>
      withTimeout(
        new Promise<Extract<From, { type: T }>>((resolve, reject) => {
          if (this.exited) {
            reject(new Error('the process has exited'));
            return;
          }
          this.waiting = (reply) => {
            if (reply.type === expect) resolve(reply as Extract<From, { type: T }>);
            else reject(new Error(reply.type === 'error' ? (reply.message ?? 'error') : `unexpected reply ${reply.type}`));
          };
          this.child.send(m);
        }),
        60_000,
        `the answer to ${(m as { type?: string }).type}`,
      );
    const p = this.chain.then(run, run);
    this.chain = p.catch(() => undefined);
    return p;
  }

  /** A message that has no answer. */
  tell(m: To): void {
    if (!this.exited) this.child.send(m);
  }

  async stop(m: To): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.request(m, 'stopped' as From['type']).catch(() => undefined);
    await Promise.race([gone, sleep(10_000)]);
    if (!this.exited) {
      this.child.kill('SIGKILL');
      await Promise.race([gone, sleep(5_000)]);
    }
  }
}

type ServerProcess = ChildProc<ToClassChild, FromClassChild> & { port: number };
async function startServer(options: ChildOptions, label: string): Promise<ServerProcess> {
  const p = await ChildProc.start<ToClassChild, FromClassChild>(
    SERVER_PROCESS,
    { [CLASS_CHILD_ENV]: JSON.stringify(options) },
    ['ready', 'stats', 'turns', 'stopped', 'error'],
    `server ${label}`,
    // CLASS_CPU_PROFILE=dir: each server process writes a V8 CPU profile there when it stops.
    ['--expose-gc', ...(process.env.CLASS_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.CLASS_CPU_PROFILE}`] : [])],
  );
  return Object.assign(p, { port: (p.first as Extract<FromClassChild, { type: 'ready' }>).port });
}
const serverStats = (s: ServerProcess, gc = false) => s.request({ type: 'stats', gc }, 'stats');

type ConsoleProcess = ChildProc<ToConsole, FromConsole>;
const startConsole = (): Promise<ConsoleProcess> =>
  ChildProc.start<ToConsole, FromConsole>(
    CONSOLE_PROCESS,
    { [CLASS_CONSOLE_ENV]: '1' },
    ['ready', 'created', 'poll', 'tracks', 'stats', 'stopped', 'error'],
    'the consoles’ process',
  );

// ---------------------------------------------------------------------------------------------------
// Small helpers.

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

async function untilAsync(check: () => Promise<boolean>, ms: number, step = 100): Promise<boolean> {
  const end = performance.now() + ms;
  while (!(await check())) {
    if (performance.now() > end) return false;
    await sleep(step);
  }
  return true;
}

const until = (check: () => boolean, ms: number, step = 20): Promise<boolean> => untilAsync(async () => check(), ms, step);

const canonical = (x: unknown): string =>
  JSON.stringify(x, (_k, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );

// ---------------------------------------------------------------------------------------------------
// The simulated class.

type PlayPhase = 'paced' | 'burst';

interface Move {
  /** Turn count before (the stored turn's number) and after the move. */
  before: number;
  after: number;
  side: Side;
  action: Action;
  phase: PlayPhase;
  sentAt: number;
  /** When the mover received its own update with the new turn count. */
  ackAt: number;
}

/** What one teacher's console has seen of one table (classConsole.ts), its exact turn counts as a map. */
type Track = Omit<ConsoleTrack, 'turnCounts'> & { turnCounts: Map<number, number> };
const newTrack = (): Track => ({
  rises: [],
  maxTurns: -1,
  lastRow: null,
  turnCounts: new Map(),
  rowsByPhase: { setup: 0, paced: 0, burst: 0, drain: 0, done: 0 },
});

interface Seat {
  side: Side;
  room: Room;
  table: BenchTable;
  last: TableUpdate | null;
  inflight: { turn: number; action: Action; sentAt: number; phase: PlayPhase } | null;
  actedOn: number;
  attempt: number;
  bucket: Bucket;
}

interface BenchTable {
  code: string;
  cls: BenchClass;
  seats: Seat[];
  rng: () => number;
  timer: ReturnType<typeof setTimeout> | null;
  moves: Move[];
  maxSeen: number;
  ended: boolean;
  /** Filled from the consoles' process after the drain. */
  console: Track;
}

interface BenchClass {
  index: number;
  code: string;
  /** The teams as the console last listed them. */
  teams: TeamInfo[];
}

interface Run {
  phase: Phase;
  scenario: Scenario;
  tables: BenchTable[];
  refusals: number;
  refusalSamples: Set<string>;
  throttled: number;
  dropped: number;
  endedTables: number;
  burstOver: () => void;
}

/** When the console first showed `turns` or more for this table, or null if it never did. */
function consoleAt(t: Track, turns: number): number | null {
  for (const r of t.rises) if (r.turns >= turns) return r.at;
  return null;
}

/** The seat whose move it is, if it knows (its last update is the latest) and has nothing in flight. */
function seatToMove(table: BenchTable): Seat | undefined {
  return table.seats.find(
    (s) => s.last && !s.inflight && s.last.turns === table.maxSeen && s.last.view.phase !== 'ended' && s.last.view.toMove === s.side,
  );
}

function send(run: Run, seat: Seat, phase: PlayPhase, retry: () => void): boolean {
  const u = seat.last;
  if (!u || seat.inflight || seat.bucket.timer) return false;
  const wait = takeToken(seat.bucket);
  if (wait > 0) {
    run.throttled++;
    seat.bucket.timer = setTimeout(() => {
      seat.bucket.timer = null;
      retry();
    }, wait);
    return false;
  }
  const action = chooseMove(run.scenario, u, seat.attempt);
  seat.actedOn = u.turns;
  seat.inflight = { turn: u.turns, action, sentAt: clock(), phase };
  seat.room.send('act', { action });
  return true;
}

/** Paced: the table's next move, when its time has come. */
function pacedMove(run: Run, table: BenchTable): void {
  table.timer = null;
  if (run.phase !== 'paced' || table.ended) return;
  if (table.seats.some((s) => s.inflight)) return;
  const seat = seatToMove(table);
  if (!seat) {
    // The seats' updates are still arriving: look again shortly.
    table.timer = setTimeout(() => pacedMove(run, table), 25);
    return;
  }
  send(run, seat, 'paced', () => pacedMove(run, table));
}

function schedulePaced(run: Run, table: BenchTable, first: boolean): void {
  if (run.phase !== 'paced' || table.ended) return;
  const seconds = first ? table.rng() * GAP_MAX_S : GAP_MIN_S + table.rng() * (GAP_MAX_S - GAP_MIN_S);
  table.timer = setTimeout(() => pacedMove(run, table), seconds * 1000);
}

/** Burst: a seat moves as soon as it sees it is its move. */
function burstAct(run: Run, seat: Seat, retry: boolean): void {
  const u = seat.last;
  if (run.phase !== 'burst' || seat.table.ended || !u || seat.inflight) return;
  if (u.view.phase === 'ended' || u.view.paused || u.view.toMove !== seat.side) return;
  if (!retry && seat.actedOn === u.turns) return;
  send(run, seat, 'burst', () => burstAct(run, seat, retry));
}

function onUpdate(run: Run, seat: Seat, u: TableUpdate): void {
  const now = clock();
  const table = seat.table;
  seat.last = u;
  if (u.turns > table.maxSeen) table.maxSeen = u.turns;
  if (seat.inflight && u.turns > seat.inflight.turn) {
    const f = seat.inflight;
    table.moves.push({ before: f.turn, after: u.turns, side: seat.side, action: f.action, phase: f.phase, sentAt: f.sentAt, ackAt: now });
    seat.inflight = null;
    seat.attempt = 0;
    if (run.phase === 'paced') schedulePaced(run, table, false);
  }
  if (u.view.phase === 'ended' && !table.ended) {
    table.ended = true;
    if (table.timer) clearTimeout(table.timer);
    table.timer = null;
    run.endedTables++;
    if (run.endedTables === run.tables.length) run.burstOver();
    return;
  }
  if (run.phase === 'burst') burstAct(run, seat, false);
}

function onRefused(run: Run, seat: Seat, error: string): void {
  run.refusals++;
  if (run.refusalSamples.size < 5) run.refusalSamples.add(error.slice(0, 160));
  if (!seat.inflight) return;
  seat.inflight = null;
  seat.attempt++;
  // The same move slot: try the next option now.
  if (run.phase === 'paced') pacedMove(run, seat.table);
  else if (run.phase === 'burst') burstAct(run, seat, true);
}

// ---------------------------------------------------------------------------------------------------
// One point: a set-up and a number of classes.

interface Snapshot {
  /** `clock()`, ms. */
  at: number;
  cpuMicros: number;
  rss: number;
  maxRss: number;
  heapUsed: number;
  clientCpuMicros: number;
  /** The bench's main thread: ms ready to run but waiting for a CPU, since it began. */
  clientRunDelayMs: number;
  /** The teachers' consoles' process: its CPU, CPU wait and event-loop delay (since the last snapshot). */
  console: ConsoleStats;
}

async function snapshot(servers: ServerProcess[], consoles: ConsoleProcess, gc = false): Promise<Snapshot & { each: Stats[] }> {
  const [each, con] = await Promise.all([
    Promise.all(servers.map((s) => serverStats(s, gc))),
    consoles.request({ type: 'stats' }, 'stats'),
  ]);
  const c = process.cpuUsage();
  return {
    at: clock(),
    cpuMicros: each.reduce((n, s) => n + s.cpuMicros, 0),
    rss: each.reduce((n, s) => n + s.rss, 0),
    maxRss: each.reduce((n, s) => n + s.maxRss, 0),
    heapUsed: each.reduce((n, s) => n + s.heapUsed, 0),
    clientCpuMicros: c.user + c.system,
    clientRunDelayMs: runDelayMs(),
    console: con,
    each,
  };
}

function phaseFigures(
  run: Run,
  phase: PlayPhase,
  from: Snapshot & { each: Stats[] },
  to: Snapshot & { each: Stats[] },
  tables: number,
  loop: IntervalHistogram,
) {
  const moves = run.tables.flatMap((t) => t.moves.filter((m) => m.phase === phase).map((m) => ({ m, t })));
  const acceptToConsole: number[] = [];
  const sendToConsole: number[] = [];
  const sendToAccept: number[] = [];
  const stampedToConsole: number[] = [];
  const slow: { atSecond: number; table: string; landToConsoleMs: number; stampToConsoleMs: number | null }[] = [];
  let neverShown = 0;
  let rowBeforeUpdate = 0;
  let noExactRow = 0;
  for (const { m, t } of moves) {
    sendToAccept.push(m.ackAt - m.sentAt);
    const stamped = t.console.turnCounts.get(m.after);
    if (stamped === undefined) noExactRow++;
    else if (!Number.isNaN(stamped)) stampedToConsole.push(stamped);
    const at = consoleAt(t.console, m.after);
    if (at === null) {
      neverShown++;
      continue;
    }
    if (at < m.ackAt) rowBeforeUpdate++;
    slow.push({
      atSecond: round2((m.ackAt - from.at) / 1000),
      table: t.code,
      landToConsoleMs: round2(at - m.ackAt),
      stampToConsoleMs: stamped === undefined || Number.isNaN(stamped) ? null : stamped,
    });
    acceptToConsole.push(at - m.ackAt);
    sendToConsole.push(at - m.sentAt);
  }
  const rows = run.tables.reduce((n, t) => n + t.console.rowsByPhase[phase], 0);
  const wallMs = to.at - from.at;
  const cpuMs = (to.cpuMicros - from.cpuMicros) / 1000;
  return {
    seconds: round2(wallMs / 1000),
    moves: moves.length,
    movesPerSecond: round1(moves.length / (wallMs / 1000)),
    acceptToConsoleMs: latencySummary(acceptToConsole),
    sendToConsoleMs: latencySummary(sendToConsole),
    serverStampToConsoleMs: latencySummary(stampedToConsole),
    /** The slowest few (land → console), when in the phase (s from its start) and where. */
    slowest: slow.sort((a, b) => b.landToConsoleMs - a.landToConsoleMs).slice(0, 8),
    sendToAcceptMs: latencySummary(sendToAccept),
    movesNeverShown: neverShown,
    rowBeforeMoversUpdate: rowBeforeUpdate,
    movesWithoutTheirOwnRow: noExactRow,
    rowsReceived: rows,
    rowsPerMove: moves.length ? round2(rows / moves.length) : null,
    serverCpuPercent: round1((cpuMs / wallMs) * 100),
    serverCpuMsPerTablePerMinute: tables ? round1(cpuMs / tables / (wallMs / 60_000)) : null,
    serverCpuMsPerMove: moves.length ? round2(cpuMs / moves.length) : null,
    clientCpuPercent: round1(((to.clientCpuMicros - from.clientCpuMicros) / 1000 / wallMs) * 100),
    /** The bench process's own event-loop delay over the phase (ms): how long a player's update may wait here. */
    clientLoopDelayMs: takeLoopDelay(loop),
    /** The teachers' consoles' own process (the teacher's device): its CPU and event-loop delay over the phase. */
    consoleCpuPercent: round1(((to.console.cpuMicros - from.console.cpuMicros) / 1000 / wallMs) * 100),
    consoleLoopDelayMs: to.console.loopDelayMs,
    /** Each server process's event-loop delay over the phase (ms). */
    serverLoopDelayMs: to.each.map((e) => e.loopDelayMs),
    /**
     * Ms a second each main thread was ready to run but waited for a CPU (Linux's schedstat): the
     * bench's, then each server process's. Several busy processes on two cores wait their turn.
     */
    cpuWaitMsPerSecond: {
      client: round1((to.clientRunDelayMs - from.clientRunDelayMs) / (wallMs / 1000)),
      console: round1((to.console.runDelayMs - from.console.runDelayMs) / (wallMs / 1000)),
      servers: to.each.map((e, i) => round1((e.runDelayMs - (from.each[i]?.runDelayMs ?? Number.NaN)) / (wallMs / 1000))),
    },
  };
}

interface Joined {
  cls: BenchClass;
  token: string;
  team: string;
  seated: Seated | null;
  index: number;
}

async function runPoint(setup: Setup, classes: number, cfg: ClassBenchConfig, scenario: Scenario) {
  const schema = setup === 'single' ? null : `bc_bench_${randomBytes(6).toString('hex')}`;
  const servers: ServerProcess[] = [];
  let consoles: ConsoleProcess | null = null;
  /** Every client room still connected, for the clean-up. */
  const open = new Set<Room>();
  const track = (room: Room) => {
    open.add(room);
    room.onLeave(() => open.delete(room));
  };
  const run: Run = {
    phase: 'setup',
    scenario,
    tables: [],
    refusals: 0,
    refusalSamples: new Set(),
    throttled: 0,
    dropped: 0,
    endedTables: 0,
    burstOver: () => {},
  };
  try {
    if (setup === 'redis') await flushRedis();
    const options: ChildOptions =
      setup === 'single'
        ? {}
        : { databaseUrl: DATABASE_URL, schema: schema as string, ...(setup === 'redis' ? { redisUrl: REDIS_URL } : {}) };
    if (setup === 'redis') servers.push(...(await Promise.all([startServer(options, 'A'), startServer(options, 'B')])));
    else servers.push(await startServer(options, 'A'));
    consoles = await startConsole();
    const con = consoles;
    const setPhase = (phase: Phase) => {
      run.phase = phase;
      con.tell({ type: 'phase', phase });
    };
    const endpoints = servers.map((s) => new Client(`ws://127.0.0.1:${s.port}`));
    const endpoint = (i: number) => endpoints[i % endpoints.length] as Client;
    // Let the start-up's garbage go before the idle figures.
    await sleep(1500);
    const idle = await snapshot(servers, con, true);

    // Set-up: the classes through A, the teams joining by name, seated, then sitting at their tables.
    const setupStart = performance.now();
    const deadline = setupStart + SETUP_CAP_MS;
    // The classes, created through A by the teachers' consoles in their own process.
    const { codes } = await con.request(
      {
        type: 'create',
        endpoint: `ws://127.0.0.1:${servers[0]?.port}`,
        classes: Array.from({ length: classes }, (_, c) => ({
          scenarioId: scenario.id,
          title: `Bench class ${c + 1}`,
          seed: `${cfg.seed}-${c}`,
        })),
      },
      'created',
    );
    const benchClasses: BenchClass[] = codes.map((code, index) => ({ index, code, teams: [] }));
    /** What the consoles show now: per table, the highest turn count and whether every seat is connected; the classes' teams. */
    const poll = async () => {
      const p = await con.request({ type: 'poll' }, 'poll');
      for (const cls of benchClasses) cls.teams = p.teams[cls.index] ?? [];
      return p.tables;
    };
    const perClass = 2 * TABLES_PER_CLASS;
    const joined: Joined[] = [];
    const classJoinErrors = await pool(classes * perClass, JOIN_CONCURRENCY, deadline, async (i) => {
      const cls = benchClasses[i % classes] as BenchClass;
      const k = Math.floor(i / classes);
      const room = await withTimeout(
        endpoint(k).joinById(cls.code, { name: `Team ${cls.index + 1}-${k + 1}` }),
        JOIN_TIMEOUT_MS,
        'a team to join its class',
      );
      track(room);
      const j: Joined = { cls, token: '', team: '', seated: null, index: k };
      room.onMessage('welcome', (w: ClassWelcome) => {
        if (w.role === 'student') {
          j.token = w.token;
          j.team = w.team;
        }
      });
      room.onMessage('seated', (s: Seated) => {
        j.seated = s;
        // As the browser does: once seated, the team leaves the class room for its table.
        void room.leave(true).catch(() => undefined);
      });
      for (const type of ['notice', 'refused']) room.onMessage(type, () => {});
      joined.push(j);
      if (!(await until(() => j.token !== '', JOIN_TIMEOUT_MS))) throw new Error('a team had no welcome');
    });
    const allSeatedAtOnce = await until(
      () => joined.every((j) => j.seated),
      Math.min(SEAT_WAIT_MS, Math.max(1000, deadline - performance.now())),
      50,
    );
    // A team still waiting although the console shows it at a table was seated while its own join was
    // still being stored, and was never told (see the report). It does what a reload does in the
    // browser: joins the class again with its token, and the class room tells it its seat.
    const unseated = joined.filter((j) => !j.seated);
    if (unseated.length) await poll();
    const seatedOnConsole = unseated.filter((j) => j.cls.teams.some((t) => t.id === j.team && t.table)).length;
    const rejoinErrors = await pool(unseated.length, JOIN_CONCURRENCY, deadline, async (u) => {
      const j = unseated[u] as Joined;
      const room = await withTimeout(
        endpoint(j.index).joinById(j.cls.code, { token: j.token }),
        JOIN_TIMEOUT_MS,
        'a team to rejoin its class',
      );
      track(room);
      room.onMessage('welcome', () => {});
      room.onMessage('seated', (s: Seated) => {
        j.seated = s;
        void room.leave(true).catch(() => undefined);
      });
      for (const type of ['notice', 'refused']) room.onMessage(type, () => {});
      if (!(await until(() => j.seated !== null, JOIN_TIMEOUT_MS))) throw new Error('a team that rejoined was not told its seat');
    });
    const allSeated = joined.every((j) => j.seated);
    // The tables, as the teams were seated at them.
    const sides = sidesOf(scenario);
    type TableEntry = { cls: BenchClass; teams: Partial<Record<Side, Joined>> };
    const byTable = new Map<string, TableEntry>();
    for (const j of joined) {
      if (!j.seated) continue;
      const entry = byTable.get(j.seated.table) ?? { cls: j.cls, teams: {} };
      entry.teams[j.seated.side] = j;
      byTable.set(j.seated.table, entry);
    }
    const tableEntries = [...byTable.entries()].filter(([, e]) => sides.every((side) => e.teams[side]));
    const tableJoinErrors = await pool(tableEntries.length * 2, JOIN_CONCURRENCY, deadline, async (i) => {
      const [code, entry] = tableEntries[Math.floor(i / 2)] as [string, TableEntry];
      const side: Side = sides[i % 2] as Side;
      const j = entry.teams[side] as Joined;
      let table = run.tables.find((t) => t.code === code);
      if (!table) {
        table = {
          code,
          cls: entry.cls,
          seats: [],
          rng: alea(`${cfg.seed}:${entry.cls.index}:${code}`),
          timer: null,
          moves: [],
          maxSeen: 0,
          ended: false,
          console: newTrack(),
        };
        run.tables.push(table);
      }
      // Through the process the team did not join the class through (one process: the same one).
      const room = await withTimeout(
        endpoint(j.index + 1).joinById(code, { token: j.token, deltas: true }),
        JOIN_TIMEOUT_MS,
        'a team to sit at its table',
      );
      track(room);
      const seat: Seat = { side, room, table, last: null, inflight: null, actedOn: -1, attempt: 0, bucket: newBucket() };
      table.seats.push(seat);
      room.onMessage('welcome', () => {});
      room.onMessage('notice', () => {});
      room.onMessage('update', (u: TableUpdate) => {
        // As the browser: cut views joined to the last (core/viewDelta.ts); a gap asks for a whole one.
        const view = joinView(seat.last?.view ?? null, u.view, u.from ?? null);
        if (!view) {
          room.send('resync', {});
          return;
        }
        onUpdate(run, seat, { ...u, view });
      });
      room.onMessage('refused', (m: { error: string }) => onRefused(run, seat, m.error));
      room.onLeave(() => {
        if (run.phase !== 'done') run.dropped++;
      });
    });
    const tablesReady = await untilAsync(async () => {
      if (!run.tables.every((t) => t.seats.length === 2 && t.seats.every((s) => s.last))) return false;
      const shown = await poll();
      return run.tables.every((t) => shown[t.code]?.[1]);
    }, 10_000);
    await sleep(300);
    const setupSeconds = (performance.now() - setupStart) / 1000;
    const afterSetup = await snapshot(servers, con, true);
    const playing = run.tables.filter((t) => t.seats.length === 2);
    run.tables = playing;
    if (playing.length === 0)
      throw new Error(
        `no table was set up in ${round1(setupSeconds)} s: ${[...classJoinErrors, ...rejoinErrors, ...tableJoinErrors][0] ?? 'no error seen'}`,
      );
    process.stderr.write(
      `class bench: ${setup}, ${classes} class(es): ${playing.length} tables set up in ${round1(setupSeconds)} s; paced ${cfg.pacedSeconds} s…\n`,
    );

    // Paced.
    const pacedLoop = monitorEventLoopDelay({ resolution: 1 });
    pacedLoop.enable();
    setPhase('paced');
    for (const t of run.tables) schedulePaced(run, t, true);
    await sleep(cfg.pacedSeconds * 1000);
    const afterPaced = await snapshot(servers, con);
    pacedLoop.disable();

    // Burst.
    process.stderr.write(`class bench: burst (up to ${cfg.burstSeconds} s)…\n`);
    for (const t of run.tables) if (t.timer) clearTimeout(t.timer);
    const burstDone = new Promise<void>((resolve) => {
      run.burstOver = resolve;
    });
    const burstLoop = monitorEventLoopDelay({ resolution: 1 });
    burstLoop.enable();
    setPhase('burst');
    for (const t of run.tables) for (const s of t.seats) burstAct(run, s, false);
    await Promise.race([burstDone, sleep(cfg.burstSeconds * 1000)]);
    const afterBurst = await snapshot(servers, con);
    burstLoop.disable();

    // Drain: no new moves; those in flight land, the consoles catch up.
    setPhase('drain');
    for (const t of run.tables) {
      if (t.timer) clearTimeout(t.timer);
      for (const s of t.seats) if (s.bucket.timer) clearTimeout(s.bucket.timer);
    }
    const drained = await untilAsync(async () => {
      if (!run.tables.every((t) => t.seats.every((s) => !s.inflight))) return false;
      const shown = await poll();
      return run.tables.every((t) => (shown[t.code]?.[0] ?? -1) >= t.maxSeen);
    }, DRAIN_CAP_MS);
    await sleep(300);
    // What the consoles saw, into the tables.
    const seen = await con.request({ type: 'tracks' }, 'tracks');
    run.dropped += seen.dropped;
    for (const t of run.tables) {
      const track = seen.tracks[t.code];
      if (track) t.console = { ...track, turnCounts: new Map(track.turnCounts) };
    }

    // Nothing lost: the console's last row, the clients' last update, and the database agree.
    const stored = (await servers[0]?.request({ type: 'turns', codes: run.tables.map((t) => t.code) }, 'turns'))?.turns ?? {};
    const check = checkTables(run.tables, stored);
    const end = await snapshot(servers, con, true);
    setPhase('done');

    const tables = run.tables.length;
    const mb = (b: number) => round1(b / 2 ** 20);
    const allMoves = run.tables.reduce((n, t) => n + t.moves.length, 0);
    const playRows = run.tables.reduce(
      (n, t) => n + t.console.rowsByPhase.paced + t.console.rowsByPhase.burst + t.console.rowsByPhase.drain,
      0,
    );
    return {
      setup,
      setupName: SETUP_NAMES[setup],
      classes,
      tablesExpected: classes * TABLES_PER_CLASS,
      tables,
      setupSeconds: round2(setupSeconds),
      setupProblems: {
        classJoinErrors: classJoinErrors.length,
        allSeated,
        /** Teams not told their seat within SEAT_WAIT_MS of the last join; of those, how many the console showed seated. */
        notToldTheirSeat: unseated.length,
        notToldButSeatedOnConsole: seatedOnConsole,
        rejoinErrors: rejoinErrors.length,
        allSeatedAtOnce,
        tableJoinErrors: tableJoinErrors.length,
        tablesReady,
        samples: [...new Set([...classJoinErrors, ...rejoinErrors, ...tableJoinErrors])].slice(0, 3),
      },
      paced: phaseFigures(run, 'paced', afterSetup, afterPaced, tables, pacedLoop),
      burst: {
        ...phaseFigures(run, 'burst', afterPaced, afterBurst, tables, burstLoop),
        tablesEnded: run.endedTables,
        endedEarly: tables > 0 && run.endedTables === tables,
      },
      rowsPerMoveOverall: allMoves ? round2(playRows / allMoves) : null,
      memory: {
        idleRssMB: mb(idle.rss),
        rssAfterSetupMB: mb(afterSetup.rss),
        rssAtEndMB: mb(end.rss),
        peakRssMB: mb(end.maxRss),
        rssPerTableAfterSetupMB: tables ? round2((afterSetup.rss - idle.rss) / 2 ** 20 / tables) : null,
        heapPerTableAfterSetupMB: tables ? round2((afterSetup.heapUsed - idle.heapUsed) / 2 ** 20 / tables) : null,
        peakRssPerTableMB: tables ? round2((end.maxRss - idle.rss) / 2 ** 20 / tables) : null,
        perProcess: end.each.map((s, i) => ({
          roomsAfterSetup: afterSetup.each[i]?.rooms ?? null,
          clientsAfterSetup: afterSetup.each[i]?.ccu ?? null,
          idleRssMB: mb(idle.each[i]?.rss ?? 0),
          rssAfterSetupMB: mb(afterSetup.each[i]?.rss ?? 0),
          peakRssMB: mb(s.maxRss),
          cpuSecondsInPlay: round2((s.cpuMicros - (afterSetup.each[i]?.cpuMicros ?? 0)) / 1e6),
        })),
      },
      drained,
      refusals: run.refusals,
      refusalSamples: [...run.refusalSamples],
      clientThrottleWaits: run.throttled,
      droppedConnections: run.dropped,
      serverLog: {
        lines: end.each.reduce((n, s) => n + s.logLines, 0),
        unusual: end.each.reduce((n, s) => n + s.oddLogLines, 0),
        samples: end.each.flatMap((s) => s.oddLogSamples).slice(0, 5),
      },
      check,
    };
  } finally {
    run.phase = 'done';
    for (const t of run.tables) {
      if (t.timer) clearTimeout(t.timer);
      for (const s of t.seats) if (s.bucket.timer) clearTimeout(s.bucket.timer);
    }
    await withTimeout(Promise.all([...open].map((r) => r.leave(true).catch(() => undefined))), 15_000, 'the clients to leave').catch(
      () => undefined,
    );
    await consoles?.stop({ type: 'stop' });
    await Promise.all(servers.map((s) => s.stop({ type: 'stop' })));
    if (schema) await dropSchema(schema);
    if (setup === 'redis') await flushRedis().catch(() => undefined);
  }
}

/** For every table: the console's last row, both seats' last update and the stored turns agree; every landed move is stored as sent. */
function checkTables(tables: BenchTable[], stored: Record<string, StoredTurn[]>) {
  let consoleMismatches = 0;
  let storeMismatches = 0;
  let seatMismatches = 0;
  let movesChecked = 0;
  let movesMissing = 0;
  let movesDifferent = 0;
  const problems: string[] = [];
  const note = (s: string) => {
    if (problems.length < 5) problems.push(s);
  };
  for (const t of tables) {
    const lastSeen = Math.max(...t.seats.map((s) => s.last?.turns ?? -1));
    const seatTurns = t.seats.map((s) => s.last?.turns ?? -1);
    if (seatTurns.some((n) => n !== lastSeen)) {
      seatMismatches++;
      note(`${t.code}: the seats last saw ${seatTurns.join(' and ')} turns`);
    }
    const consoleTurns = t.console.lastRow?.turns ?? -1;
    if (consoleTurns !== lastSeen) {
      consoleMismatches++;
      note(`${t.code}: the console's last row has ${consoleTurns} turns, the clients saw ${lastSeen}`);
    }
    const turns = [...(stored[t.code] ?? [])].sort((a, b) => a.turn - b.turn);
    if (turns.length !== lastSeen) {
      storeMismatches++;
      note(`${t.code}: ${turns.length} turns stored, the clients saw ${lastSeen}`);
    }
    for (const m of t.moves) {
      movesChecked++;
      const s = turns[m.before];
      if (!s) {
        movesMissing++;
        note(`${t.code}: move ${m.before} (${m.side} ${m.action.type}) is not stored`);
      } else if (s.side !== m.side || canonical(s.action) !== canonical(m.action)) {
        movesDifferent++;
        note(
          `${t.code}: stored turn ${m.before} is ${s.side} ${canonical(s.action).slice(0, 60)}, the client sent ${m.side} ${m.action.type}`,
        );
      }
    }
  }
  return {
    tables: tables.length,
    movesChecked,
    storedTurns: Object.values(stored).reduce((n, t) => n + t.length, 0),
    consoleMismatches,
    storeMismatches,
    seatMismatches,
    movesMissing,
    movesDifferent,
    ok: consoleMismatches === 0 && storeMismatches === 0 && seatMismatches === 0 && movesMissing === 0 && movesDifferent === 0,
    problems,
  };
}

async function flushRedis(): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null, connectTimeout: 3000 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.flushdb();
  } catch (e) {
    throw new Error(`redis-server is not reachable at ${REDIS_URL}: ${errorText(e)}`);
  } finally {
    redis.disconnect();
  }
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  try {
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } catch (e) {
    process.stderr.write(`class bench: could not drop schema ${schema}: ${errorText(e)}\n`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------------
// The run, the targets, the table.

type PointResult = Awaited<ReturnType<typeof runPoint>>;
type Point = PointResult | { setup: Setup; setupName: string; classes: number; error: string };
const ok = (p: Point | undefined): PointResult | null => (p && !('error' in p) ? p : null);

export async function classBench(cfg: ClassBenchConfig) {
  const { scenario } = loadMuscat();
  const points: Point[] = [];
  for (const { setup, classes } of cfg.plan) {
    process.stderr.write(`class bench: ${SETUP_NAMES[setup]}, ${classes} class(es) of ${TABLES_PER_CLASS} tables…\n`);
    try {
      points.push(await runPoint(setup, classes, cfg, scenario));
    } catch (e) {
      points.push({ setup, setupName: SETUP_NAMES[setup], classes, error: errorText(e) });
    }
  }
  const find = (setup: Setup, classes: number) => ok(points.find((p) => p.setup === setup && p.classes === classes));
  const tenClasses = 10;
  const p99Targets = SETUPS.flatMap((setup) => {
    const p = find(setup, tenClasses);
    if (!p) return [];
    return (['paced', 'burst'] as const).map((phase) => {
      const land = p[phase].acceptToConsoleMs.p99;
      const stamp = p[phase].serverStampToConsoleMs.p99;
      return {
        setup,
        phase,
        p99: land,
        serverStampP99: stamp,
        sendToConsoleP99: p[phase].sendToConsoleMs.p99,
        met: land !== null && stamp !== null && land < TARGET_P99_MS && stamp < TARGET_P99_MS && p.tables === p.tablesExpected,
      };
    });
  });
  /** The two processes against one, at this many classes (the target is at 10; 1 is shown too). */
  const ratioAgainst = (base: Setup, classes = tenClasses) => {
    const redis = find('redis', classes);
    const b = find(base, classes);
    if (!redis || !b) return null;
    const r = (x: number | null | undefined, y: number | null | undefined) => (x == null || y == null || y === 0 ? null : round2(x / y));
    const figures = {
      // Landing → console as the server stamps it (lastMoveAt → the console; ms resolution, so a
      // figure of 0–3 ms in one process makes the ratio coarse), the issue's own measure.
      stampPacedP50: r(redis.paced.serverStampToConsoleMs.p50, b.paced.serverStampToConsoleMs.p50),
      stampPacedP99: r(redis.paced.serverStampToConsoleMs.p99, b.paced.serverStampToConsoleMs.p99),
      stampBurstP50: r(redis.burst.serverStampToConsoleMs.p50, b.burst.serverStampToConsoleMs.p50),
      stampBurstP99: r(redis.burst.serverStampToConsoleMs.p99, b.burst.serverStampToConsoleMs.p99),
      // Send → console: the land → console figures are about 0 (even negative) in one process, so their ratio means nothing.
      pacedP50: r(redis.paced.sendToConsoleMs.p50, b.paced.sendToConsoleMs.p50),
      pacedP99: r(redis.paced.sendToConsoleMs.p99, b.paced.sendToConsoleMs.p99),
      burstP50: r(redis.burst.sendToConsoleMs.p50, b.burst.sendToConsoleMs.p50),
      burstP99: r(redis.burst.sendToConsoleMs.p99, b.burst.sendToConsoleMs.p99),
      pacedCpuPerTable: r(redis.paced.serverCpuMsPerTablePerMinute, b.paced.serverCpuMsPerTablePerMinute),
      burstCpuPerMove: r(redis.burst.serverCpuMsPerMove, b.burst.serverCpuMsPerMove),
      rssPerTable: r(redis.memory.rssPerTableAfterSetupMB, b.memory.rssPerTableAfterSetupMB),
      heapPerTable: r(redis.memory.heapPerTableAfterSetupMB, b.memory.heapPerTableAfterSetupMB),
    };
    const over = Object.entries(figures).filter(([, v]) => v !== null && v > TARGET_TWO_PROCESS_RATIO);
    return {
      against: base,
      classes,
      figures,
      over: over.map(([k]) => k),
      met: over.length === 0 && Object.values(figures).some((v) => v !== null),
    };
  };
  const measured = points.map(ok).filter((p): p is PointResult => p !== null);
  const targets = {
    p99At10Classes: {
      target: `p99 from a move landing to the teacher's console < ${TARGET_P99_MS} ms with ${tenClasses} classes (all tables set up), by both measures of landing (the mover's update; the server's lastMoveAt)`,
      measured: p99Targets.length > 0,
      points: p99Targets,
    },
    twoProcessWithinRatio: {
      target: `the two-process figures (landing → console as the server stamps it, and send → console, p50/p99; server CPU per table and per move; RSS and heap per table) ≤ ${TARGET_TWO_PROCESS_RATIO}× the single process's, ${tenClasses} classes`,
      measured: ratioAgainst('single-pg') !== null || ratioAgainst('single') !== null,
      againstSinglePostgres: ratioAgainst('single-pg'),
      againstSinglePglite: ratioAgainst('single'),
      /** The same figures for one class (all its tables in one of the two processes), for comparison. */
      oneClass: { againstSinglePostgres: ratioAgainst('single-pg', 1), againstSinglePglite: ratioAgainst('single', 1) },
    },
    nothingLost: {
      target:
        "every table's last console row = the clients' last turn count = the stored turns; every landed move stored as sent; no dropped connection",
      met:
        measured.length > 0 &&
        measured.length === points.length &&
        measured.every((p) => p.tables === p.tablesExpected && p.check.movesChecked > 0 && p.check.ok && p.droppedConnections === 0),
    },
  };
  return {
    scenario: scenario.id,
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version },
    tablesPerClass: TABLES_PER_CLASS,
    pacedSeconds: cfg.pacedSeconds,
    burstSeconds: cfg.burstSeconds,
    pace: `paced: each table moves at a seeded random offset in [0, ${GAP_MAX_S}) s, then every ${GAP_MIN_S}–${GAP_MAX_S} s (uniform, alea seed "${cfg.seed}"); burst: every seat moves as soon as it sees its move (≤ ${MESSAGES_PER_SECOND} messages/s a client)`,
    latency: {
      acceptToConsoleMs:
        "land → console: from the moving client receiving its own update with the new turn count (≈ the server accepted the move) to the teacher's console receiving a row for that table with turns ≥ that count; negative when the row arrived first",
      serverStampToConsoleMs:
        "stamp → console: from the row's lastMoveAt (server clock, set when the table room has stored the move, just before it publishes the row and sends the updates) to the console receiving that row (the row with exactly the move's turn count); same machine, same clock, 1 ms resolution",
      sendToConsoleMs:
        "send → console: from the mover sending the move to the console's row with turns ≥ its count (includes the rules and the database write)",
    },
    serverCpu: '% of one core, all server processes together; CPU ms per table per minute of the phase',
    memory: 'RSS of all server processes together, above the idle server(s) just started',
    points,
    targets,
  };
}

export type ClassBench = Awaited<ReturnType<typeof classBench>>;

export const saveClassBench = (result: object): string => saveResult('class', result);

export function classBenchTable(bench: ClassBench): string {
  const head = [
    'set-up',
    'classes',
    'tables',
    'phase',
    'moves',
    'moves/s',
    'land→con p50',
    'p99',
    'max',
    'stamp→con p50',
    'p99',
    'send→con p50',
    'p99',
    'rows/move',
    'srv CPU %',
    'CPU ms/table/min',
    'RSS MB/table',
    'heap MB/table',
    'peak RSS MB',
    'client CPU %',
  ];
  const rows: string[][] = [head];
  const fmt = (x: number | null | undefined) => (x === null || x === undefined ? '–' : String(x));
  for (const p of bench.points) {
    if ('error' in p) {
      rows.push([p.setup, String(p.classes), `error: ${p.error.slice(0, 100)}`]);
      continue;
    }
    for (const phase of ['paced', 'burst'] as const) {
      const f = p[phase];
      rows.push([
        p.setup,
        String(p.classes),
        `${p.tables}/${p.tablesExpected}`,
        phase === 'burst' ? `burst${p.burst.endedEarly ? ' (all ended)' : ''}` : 'paced',
        fmt(f.moves),
        fmt(f.movesPerSecond),
        fmt(f.acceptToConsoleMs.p50),
        fmt(f.acceptToConsoleMs.p99),
        fmt(f.acceptToConsoleMs.max),
        fmt(f.serverStampToConsoleMs.p50),
        fmt(f.serverStampToConsoleMs.p99),
        fmt(f.sendToConsoleMs.p50),
        fmt(f.sendToConsoleMs.p99),
        fmt(f.rowsPerMove),
        fmt(f.serverCpuPercent),
        fmt(f.serverCpuMsPerTablePerMinute),
        phase === 'paced' ? fmt(p.memory.rssPerTableAfterSetupMB) : '',
        phase === 'paced' ? fmt(p.memory.heapPerTableAfterSetupMB) : '',
        phase === 'paced' ? fmt(p.memory.peakRssMB) : '',
        fmt(f.clientCpuPercent),
      ]);
    }
  }
  const lines = textTable(rows);
  lines.push('');
  lines.push(
    "land→con: ms from the mover receiving its own update (≈ the server accepted the move) to the teacher's console receiving a row with turns ≥ it (negative: the row came first)",
  );
  lines.push(
    "stamp→con: ms from the row's lastMoveAt (server clock, the move stored) to the console receiving it; send→con: from sending the move",
  );
  lines.push(
    `srv CPU %: all server processes, % of one core; RSS and heap MB/table: above the idle server(s), after set-up, both after a GC; set-ups: ${SETUPS.map((s) => `${s} = ${SETUP_NAMES[s]}`).join('; ')}`,
  );
  const mark = (met: boolean) => (met ? 'met' : 'NOT MET');
  const t = bench.targets;
  if (!t.p99At10Classes.measured) lines.push(`p99 < ${TARGET_P99_MS} ms at 10 classes: NOT MEASURED`);
  for (const x of t.p99At10Classes.points)
    lines.push(
      `p99 < ${TARGET_P99_MS} ms at 10 classes, ${x.setup}, ${x.phase}: ${mark(x.met)} (land→con p99 ${fmt(x.p99)} ms, stamp→con p99 ${fmt(x.serverStampP99)} ms; send→con p99 ${fmt(x.sendToConsoleP99)} ms)`,
    );
  const two = t.twoProcessWithinRatio;
  if (!two.measured) lines.push(`two processes within ${TARGET_TWO_PROCESS_RATIO}× one: NOT MEASURED`);
  for (const r of [
    two.againstSinglePostgres,
    two.againstSinglePglite,
    two.oneClass.againstSinglePostgres,
    two.oneClass.againstSinglePglite,
  ]) {
    if (!r) continue;
    const figs = Object.entries(r.figures)
      .map(([k, v]) => `${k} ${fmt(v)}×`)
      .join(', ');
    lines.push(
      `two processes within ${TARGET_TWO_PROCESS_RATIO}× one (vs ${r.against}, ${r.classes} class${r.classes === 1 ? '' : 'es'}${r.classes === 10 ? '' : ', not the target'}): ${mark(r.met)}${r.over.length ? ` (over: ${r.over.join(', ')})` : ''}; ${figs}`,
    );
  }
  const checks = bench.points.map((p) => {
    const g = ok(p);
    if (!g) return `${p.setup}×${p.classes}: not run`;
    const c = g.check;
    return `${p.setup}×${p.classes}: ${c.movesChecked} moves, ${c.storedTurns} stored turns, console ≠ clients ${c.consoleMismatches}, store ≠ clients ${c.storeMismatches}, moves missing ${c.movesMissing}, different ${c.movesDifferent}, dropped ${g.droppedConnections}`;
  });
  lines.push(`nothing lost: ${mark(t.nothingLost.met)} (${checks.join('; ')})`);
  for (const p of bench.points) {
    const g = ok(p);
    if (!g) continue;
    const tag = `${g.setup}×${g.classes}`;
    const never = g.paced.movesNeverShown + g.burst.movesNeverShown;
    const skipped = g.paced.movesWithoutTheirOwnRow + g.burst.movesWithoutTheirOwnRow;
    const first = g.paced.rowBeforeMoversUpdate + g.burst.rowBeforeMoversUpdate;
    lines.push(
      `${tag}: set up in ${g.setupSeconds} s (rooms a process: ${g.memory.perProcess.map((p) => fmt(p.roomsAfterSetup)).join(', ')}); event-loop delay p50/p99 ms, the bench's own: paced ${fmt(g.paced.clientLoopDelayMs.p50)}/${fmt(g.paced.clientLoopDelayMs.p99)}, burst ${fmt(g.burst.clientLoopDelayMs.p50)}/${fmt(g.burst.clientLoopDelayMs.p99)}; the consoles' process: paced ${fmt(g.paced.consoleLoopDelayMs.p50)}/${fmt(g.paced.consoleLoopDelayMs.p99)}, burst ${fmt(g.burst.consoleLoopDelayMs.p50)}/${fmt(g.burst.consoleLoopDelayMs.p99)} (CPU ${fmt(g.burst.consoleCpuPercent)} % in the burst); each server process's: paced ${g.paced.serverLoopDelayMs.map((d) => `${fmt(d.p50)}/${fmt(d.p99)}`).join(', ')}, burst ${g.burst.serverLoopDelayMs.map((d) => `${fmt(d.p50)}/${fmt(d.p99)}`).join(', ')}; waiting for a CPU, ms a second, the bench, the consoles, then each server: paced ${[g.paced.cpuWaitMsPerSecond.client, g.paced.cpuWaitMsPerSecond.console, ...g.paced.cpuWaitMsPerSecond.servers].map(fmt).join(', ')}, burst ${[g.burst.cpuWaitMsPerSecond.client, g.burst.cpuWaitMsPerSecond.console, ...g.burst.cpuWaitMsPerSecond.servers].map(fmt).join(', ')}; rows/move overall ${fmt(g.rowsPerMoveOverall)}; moves never on the console ${never}, without a row of their own turn count ${skipped}, row before the mover's update ${first}; burst: ${g.burst.tablesEnded}/${g.tables} talks ended, ${g.clientThrottleWaits} client throttle waits; refusals ${g.refusals}; unusual server log lines ${g.serverLog.unusual}`,
    );
    if (g.check.problems.length) lines.push(`${tag}: ${g.check.problems.join(' | ')}`);
    if (g.refusalSamples.length) lines.push(`${tag}: refused, e.g. ${g.refusalSamples.join(' | ')}`);
    if (g.serverLog.samples.length) lines.push(`${tag}: server log, e.g. ${g.serverLog.samples.join(' | ')}`);
    const sp = g.setupProblems;
    if (sp.notToldTheirSeat)
      lines.push(
        `${tag}: SERVER: ${sp.notToldTheirSeat} team(s) never told their seat (${sp.notToldButSeatedOnConsole} of them at a table on the console); they rejoined with their token (${sp.rejoinErrors} failed)`,
      );
    if (sp.classJoinErrors || sp.tableJoinErrors || !sp.allSeated || !sp.tablesReady)
      lines.push(
        `${tag}: set-up problems: ${sp.classJoinErrors} class-join errors, ${sp.tableJoinErrors} table-join errors, all seated ${sp.allSeated}, tables ready ${sp.tablesReady}; ${sp.samples.join(' | ')}`,
      );
    if (!g.drained) lines.push(`${tag}: the drain did not finish within ${DRAIN_CAP_MS / 1000} s`);
  }
  return lines.join('\n');
}
