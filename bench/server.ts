// `npm run bench -- --server`: the online tables under load, against the floor of the same stack.
// For each N (10, 100, 500; SERVER_TABLES=10,100 overrides) the game server (PGlite in memory) runs in
// a child process of its own, so its CPU and memory are measured apart from the clients; one Node
// process (this one) plays N tables of two clients each (the host at the first party's seat and a joiner at the second's), each seat
// making a simple legal move from its own view as soon as it is its move, until every table's talks
// have ended or CAP_SECONDS have passed. Then the same N pairs of clients bounce a message through a
// bare Colyseus room (bench/echoRoom.ts) the same number of times per table, one message at a time.
// Measured: moves per second, the time from sending a move to the OTHER seat receiving the update that
// holds it (matched by `update.turns`), the server's CPU and peak RSS; then, from the server process
// before it stops, every table's stored turns, checked against every move a client saw acknowledged.
// The server process is bench/echoRoom.ts run with BENCH_SERVER_CHILD=game|echo (it loads nothing else);
// SERVER_CPU_PROF=DIR has each server process write a CPU profile (node --cpu-prof) there.
import { type ChildProcess, fork } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Client, type Room } from 'colyseus.js';
import type { Scenario } from '../src/core/scenario/schema';
import { sidesOf } from '../src/core/sides';
import type { Action, Side } from '../src/core/types';
import { joinView } from '../src/core/viewDelta';
import { TABLE_ROOM, type TableUpdate } from '../src/server/protocol';
import type { StoredTurn } from '../src/server/store';
import { CHILD_ENV, ECHO_ROOM, type FromChild, type Mode, type ToChild } from './echoRoom';
import { loadMuscat } from './engine';
import { type Bucket, chooseMove, latencySummary, newBucket, pool, round1, round2, saveResult, sleep, takeToken, textTable } from './kit';

const SERVER_PROCESS = fileURLToPath(new URL('./echoRoom.ts', import.meta.url));
export const DEFAULT_TABLES = [10, 100, 500];
/** Play stops after this long for each N and stack, ended or not. */
const CAP_SECONDS = 60;
/** Setting up N tables (two joins each) stops after this long; what did not join is reported. */
const SETUP_CAP_SECONDS = 120;
/** Tables being set up at once. */
const SETUP_CONCURRENCY = 16;
const TARGET_P99_MS = 100;
const TARGET_RATIO_AT_100 = 2;

const REPLIES: ReadonlySet<string> = new Set(['ready', 'stats', 'turns', 'stopped', 'error'] satisfies FromChild['type'][]);
/** The server process's own replies (a dependency there sends pm2's `axm:*` messages over the same channel). */
const ours = (m: unknown): m is FromChild => !!m && typeof m === 'object' && REPLIES.has(String((m as { type?: unknown }).type));

/** The parent's handle on a server process: one request at a time. */
class ServerProcess {
  private waiting: ((m: FromChild) => void) | null = null;
  private exited = false;
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    child.on('message', (m: FromChild) => {
      if (!ours(m)) return;
      const w = this.waiting;
      this.waiting = null;
      w?.(m);
    });
    child.on('exit', () => {
      this.exited = true;
    });
  }

  static start(mode: Mode): Promise<ServerProcess> {
    const child = fork(SERVER_PROCESS, [], {
      // SERVER_CPU_PROF=dir writes each server process's CPU profile there (node --cpu-prof).
      execArgv: [
        '--import',
        'tsx',
        ...(process.env.SERVER_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SERVER_CPU_PROF}`] : []),
      ],
      env: { ...process.env, [CHILD_ENV]: mode },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      const first = (m: FromChild) => {
        if (!ours(m)) return;
        child.off('message', first);
        if (m.type === 'ready') resolve(new ServerProcess(child, m.port));
        else reject(new Error(`the ${mode} server did not start: ${m.type === 'error' ? m.message : m.type}`));
      };
      child.on('message', first);
      child.once('exit', (code) => reject(new Error(`the ${mode} server exited (${code}) before it was ready`)));
    });
  }

  request<T extends FromChild['type']>(m: ToChild, expect: T): Promise<Extract<FromChild, { type: T }>> {
    if (this.exited) return Promise.reject(new Error('the server process has exited'));
    return new Promise((resolve, reject) => {
      this.waiting = (reply) => {
        if (reply.type === expect) resolve(reply as Extract<FromChild, { type: T }>);
        else reject(new Error(reply.type === 'error' ? reply.message : `unexpected reply ${reply.type}`));
      };
      this.child.send(m);
    });
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    // The process exits by itself once the server has closed; it is killed if it has not within 10 s.
    this.request({ type: 'stop' }, 'stopped').catch(() => undefined);
    await Promise.race([gone, sleep(10_000)]);
    if (!this.exited) this.child.kill('SIGKILL');
    await gone;
  }
}

// ---------------------------------------------------------------------------------------------------
// Shared client-side pieces.

interface Window {
  start: number;
  cpu0: number;
  clientCpu0: number;
  rss0: number;
}
async function openWindow(server: ServerProcess): Promise<Window> {
  const s = await server.request({ type: 'stats' }, 'stats');
  const c = process.cpuUsage();
  return { start: performance.now(), cpu0: s.cpuMicros, clientCpu0: c.user + c.system, rss0: s.rss };
}
async function closeWindow(server: ServerProcess, w: Window, end: number) {
  const s = await server.request({ type: 'stats' }, 'stats');
  const c = process.cpuUsage();
  const wallMicros = (end - w.start) * 1000;
  return {
    serverCpuPercent: round1(((s.cpuMicros - w.cpu0) / wallMicros) * 100),
    clientCpuPercent: round1(((c.user + c.system - w.clientCpu0) / wallMicros) * 100),
    serverPeakRssMB: round1(s.maxRss / 2 ** 20),
    serverRssAtStartMB: round1(w.rss0 / 2 ** 20),
    serverRssAtEndMB: round1(s.rss / 2 ** 20),
  };
}

// ---------------------------------------------------------------------------------------------------
// The game: N tables of two seats.

interface Acked {
  turn: number;
  side: Side;
  action: Action;
}
interface GameSeat {
  side: Side;
  room: Room;
  table: GameTable;
  last: TableUpdate | null;
  /** The move sent and not yet seen in this seat's own update. */
  inflight: { turn: number; action: Action } | null;
  /** Moves sent whose update the OTHER seat has not received yet: the turn count when sent, and when. */
  pending: { turn: number; at: number }[];
  actedOn: number;
  attempt: number;
  bucket: Bucket;
  sawEnd: boolean;
}
interface GameTable {
  code: string;
  seats: GameSeat[];
  ended: boolean;
  acked: Acked[];
  maxTurns: number;
}

function otherSeat<S extends { table: { seats: S[] } }>(seat: S): S | undefined {
  return seat.table.seats.find((s) => s !== seat);
}

interface RunState {
  go: boolean;
  finished: boolean;
  ended: number;
  total: number;
  latencies: number[];
  refusals: number;
  refusalSamples: Set<string>;
  throttled: number;
  dropped: number;
  allDone: () => void;
}

function newRunState(): RunState {
  return {
    go: false,
    finished: false,
    ended: 0,
    total: 0,
    latencies: [],
    refusals: 0,
    refusalSamples: new Set(),
    throttled: 0,
    dropped: 0,
    allDone: () => {},
  };
}

function gameAct(run: RunState, scenario: Scenario, seat: GameSeat, retry: boolean): void {
  const u = seat.last;
  if (!run.go || run.finished || seat.inflight || seat.table.ended || !u) return;
  const v = u.view;
  if (v.phase === 'ended' || v.paused || v.toMove !== seat.side) return;
  if (!retry && seat.actedOn === u.turns) return;
  if (seat.bucket.timer) return;
  const wait = takeToken(seat.bucket);
  if (wait > 0) {
    run.throttled++;
    seat.bucket.timer = setTimeout(() => {
      seat.bucket.timer = null;
      gameAct(run, scenario, seat, retry);
    }, wait);
    return;
  }
  const action = chooseMove(scenario, u, seat.attempt);
  seat.actedOn = u.turns;
  seat.inflight = { turn: u.turns, action };
  seat.pending.push({ turn: u.turns, at: performance.now() });
  seat.room.send('act', { action });
}

function onGameUpdate(run: RunState, scenario: Scenario, seat: GameSeat, u: TableUpdate): void {
  if (run.finished) return;
  const now = performance.now();
  const table = seat.table;
  const other = otherSeat(seat);
  if (other && other.pending.length > 0) {
    while (other.pending.length > 0 && (other.pending[0] as { turn: number }).turn < u.turns) {
      run.latencies.push(now - (other.pending.shift() as { at: number }).at);
    }
  }
  if (seat.inflight && u.turns > seat.inflight.turn) {
    table.acked.push({ turn: seat.inflight.turn, side: seat.side, action: seat.inflight.action });
    seat.inflight = null;
    seat.attempt = 0;
  }
  seat.last = u;
  if (u.turns > table.maxTurns) table.maxTurns = u.turns;
  if (u.view.phase === 'ended') {
    seat.sawEnd = true;
    // Ended once both seats have seen the end (so the last mover's acknowledgement is counted too).
    if (!table.ended && table.seats.every((s) => s.sawEnd)) {
      table.ended = true;
      run.ended++;
      if (run.ended === run.total) run.allDone();
    }
    return;
  }
  gameAct(run, scenario, seat, false);
}

function onGameRefused(run: RunState, scenario: Scenario, seat: GameSeat, error: string): void {
  if (run.finished) return;
  run.refusals++;
  if (run.refusalSamples.size < 5) run.refusalSamples.add(error.slice(0, 160));
  if (seat.inflight) {
    const turn = seat.inflight.turn;
    seat.inflight = null;
    seat.pending = seat.pending.filter((p) => p.turn !== turn);
    seat.attempt++;
    gameAct(run, scenario, seat, true);
  }
}

/** Every move a client saw acknowledged is the stored turn at its place, and the counts agree. */
function checkStore(tables: GameTable[], stored: Record<string, StoredTurn[]>) {
  const canonical = (x: unknown): string =>
    JSON.stringify(x, (_k, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : value,
    );
  let acked = 0;
  let missing = 0;
  let mismatched = 0;
  let countMismatches = 0;
  const problems: string[] = [];
  for (const table of tables) {
    const turns = [...(stored[table.code] ?? [])].sort((a, b) => a.turn - b.turn);
    for (const a of table.acked) {
      acked++;
      const t = turns[a.turn];
      if (!t) {
        missing++;
        if (problems.length < 5) problems.push(`${table.code}: acknowledged move ${a.turn} (${a.side} ${a.action.type}) is not stored`);
      } else if (t.side !== a.side || canonical(t.action) !== canonical(a.action)) {
        mismatched++;
        if (problems.length < 5)
          problems.push(
            `${table.code}: stored turn ${a.turn} is ${t.side} ${canonical(t.action)}, the client had ${a.side} ${a.action.type}`,
          );
      }
    }
    const seatTurns = turns.filter((t) => t.side !== 'facilitator').length;
    if (seatTurns !== table.acked.length || turns.length !== table.maxTurns) {
      countMismatches++;
      if (problems.length < 5)
        problems.push(
          `${table.code}: ${turns.length} stored turns (${seatTurns} by the seats), ${table.acked.length} acknowledged, ${table.maxTurns} in the last update`,
        );
    }
  }
  return {
    tables: tables.length,
    acknowledgedMoves: acked,
    storedTurns: Object.values(stored).reduce((n, t) => n + t.length, 0),
    missing,
    mismatched,
    countMismatches,
    ok: missing === 0 && mismatched === 0 && countMismatches === 0,
    problems,
  };
}

async function benchGame(n: number, scenario: Scenario) {
  const [first, second] = sidesOf(scenario);
  const server = await ServerProcess.start('game');
  const client = new Client(`ws://127.0.0.1:${server.port}`);
  const run = newRunState();
  const tables: GameTable[] = [];
  const rooms: Room[] = [];
  const setupStart = performance.now();
  const join = (room: Room, side: Side, table: GameTable): GameSeat => {
    rooms.push(room);
    const seat: GameSeat = {
      side,
      room,
      table,
      last: null,
      inflight: null,
      pending: [],
      actedOn: -1,
      attempt: 0,
      bucket: newBucket(),
      sawEnd: false,
    };
    room.onMessage('welcome', () => {});
    room.onMessage('update', (u: TableUpdate) => {
      // As the browser: ask for cut views and join them (core/viewDelta.ts).
      const view = joinView(seat.last?.view ?? null, u.view, u.from ?? null);
      if (!view) {
        room.send('resync', {});
        return;
      }
      onGameUpdate(run, scenario, seat, { ...u, view });
    });
    room.onMessage('refused', (m: { error: string }) => onGameRefused(run, scenario, seat, m.error));
    room.onLeave(() => {
      if (!run.finished) run.dropped++;
    });
    table.seats.push(seat);
    return seat;
  };
  const setupErrors = await pool(n, SETUP_CONCURRENCY, setupStart + SETUP_CAP_SECONDS * 1000, async (i) => {
    const host = await client.create(TABLE_ROOM, {
      scenarioId: scenario.id,
      seed: `bench-${n}-${i}`,
      side: first,
      opponent: 'human',
      deltas: true,
    });
    const table: GameTable = { code: host.roomId, seats: [], ended: false, acked: [], maxTurns: 0 };
    join(host, first, table);
    const guest = await client.joinById(host.roomId, { deltas: true });
    join(guest, second, table);
    tables.push(table);
  });
  const setupSeconds = (performance.now() - setupStart) / 1000;
  run.total = tables.length;
  const done = new Promise<void>((resolve) => {
    run.allDone = resolve;
  });
  // Let the joins' last updates arrive before the clock starts.
  await sleep(200);
  const window = await openWindow(server);
  run.go = true;
  for (const table of tables) for (const seat of table.seats) gameAct(run, scenario, seat, false);
  if (run.total > 0) await Promise.race([done, sleep(CAP_SECONDS * 1000)]);
  const end = performance.now();
  run.finished = true;
  const usage = await closeWindow(server, window, end);
  const wallSeconds = (end - window.start) / 1000;
  const moves = tables.reduce((m, t) => m + t.acked.length, 0);
  const stored = (await server.request({ type: 'turns', codes: tables.map((t) => t.code) }, 'turns')).turns;
  const check = checkStore(tables, stored);
  for (const t of tables) for (const s of t.seats) if (s.bucket.timer) clearTimeout(s.bucket.timer);
  await Promise.all(rooms.map((r) => r.leave(true).catch(() => undefined)));
  await server.stop();
  return {
    tables: n,
    tablesSetUp: tables.length,
    setupErrors: setupErrors.length,
    setupErrorSamples: [...new Set(setupErrors)].slice(0, 3),
    setupSeconds: round2(setupSeconds),
    wallSeconds: round2(wallSeconds),
    cappedAt: run.ended < run.total ? CAP_SECONDS : null,
    tablesEnded: run.ended,
    moves,
    movesPerTable: tables.length ? round1(moves / tables.length) : 0,
    movesPerSecond: Math.round(moves / wallSeconds),
    latencyMs: latencySummary(run.latencies),
    ...usage,
    refusals: run.refusals,
    refusalSamples: [...run.refusalSamples],
    clientThrottleWaits: run.throttled,
    droppedConnections: run.dropped,
    store: check,
  };
}

// ---------------------------------------------------------------------------------------------------
// The floor: N echo rooms of two clients, each message sent only once the other's has arrived.

interface EchoSeat {
  room: Room;
  table: EchoTable;
  bucket: Bucket;
}
interface EchoTable {
  seats: EchoSeat[];
  sentAt: number;
  delivered: number;
  done: boolean;
}

async function benchEcho(n: number, perTable: number) {
  const server = await ServerProcess.start('echo');
  const client = new Client(`ws://127.0.0.1:${server.port}`);
  const run = newRunState();
  const tables: EchoTable[] = [];
  const rooms: Room[] = [];
  const send = (seat: EchoSeat, k: number) => {
    if (run.finished || seat.bucket.timer) return;
    const wait = takeToken(seat.bucket);
    if (wait > 0) {
      run.throttled++;
      seat.bucket.timer = setTimeout(() => {
        seat.bucket.timer = null;
        send(seat, k);
      }, wait);
      return;
    }
    seat.table.sentAt = performance.now();
    seat.room.send('ping', { k });
  };
  const join = (room: Room, table: EchoTable): EchoSeat => {
    rooms.push(room);
    const seat: EchoSeat = { room, table, bucket: newBucket() };
    room.onMessage('ping', (m: { k: number }) => {
      if (run.finished) return;
      run.latencies.push(performance.now() - table.sentAt);
      table.delivered++;
      if (table.delivered >= perTable) {
        if (!table.done) {
          table.done = true;
          run.ended++;
          if (run.ended === run.total) run.allDone();
        }
        return;
      }
      send(seat, m.k + 1);
    });
    room.onLeave(() => {
      if (!run.finished) run.dropped++;
    });
    table.seats.push(seat);
    return seat;
  };
  const setupStart = performance.now();
  const setupErrors = await pool(n, SETUP_CONCURRENCY, setupStart + SETUP_CAP_SECONDS * 1000, async () => {
    const table: EchoTable = { seats: [], sentAt: 0, delivered: 0, done: false };
    const host = await client.create(ECHO_ROOM, {});
    join(host, table);
    join(await client.joinById(host.roomId, {}), table);
    tables.push(table);
  });
  const setupSeconds = (performance.now() - setupStart) / 1000;
  run.total = tables.length;
  const done = new Promise<void>((resolve) => {
    run.allDone = resolve;
  });
  await sleep(200);
  const window = await openWindow(server);
  run.go = true;
  for (const table of tables) if (table.seats[0]) send(table.seats[0], 0);
  if (run.total > 0) await Promise.race([done, sleep(CAP_SECONDS * 1000)]);
  const end = performance.now();
  run.finished = true;
  const usage = await closeWindow(server, window, end);
  const wallSeconds = (end - window.start) / 1000;
  const moves = tables.reduce((m, t) => m + t.delivered, 0);
  for (const t of tables) for (const s of t.seats) if (s.bucket.timer) clearTimeout(s.bucket.timer);
  await Promise.all(rooms.map((r) => r.leave(true).catch(() => undefined)));
  await server.stop();
  return {
    tables: n,
    tablesSetUp: tables.length,
    setupErrors: setupErrors.length,
    setupErrorSamples: [...new Set(setupErrors)].slice(0, 3),
    setupSeconds: round2(setupSeconds),
    wallSeconds: round2(wallSeconds),
    cappedAt: run.ended < run.total ? CAP_SECONDS : null,
    tablesEnded: run.ended,
    messagesPerTable: perTable,
    moves,
    movesPerSecond: Math.round(moves / wallSeconds),
    latencyMs: latencySummary(run.latencies),
    ...usage,
    clientThrottleWaits: run.throttled,
    droppedConnections: run.dropped,
  };
}

// ---------------------------------------------------------------------------------------------------
// The run, the targets, the table.

export function serverTableCounts(): number[] {
  const raw = process.env.SERVER_TABLES;
  if (!raw) return DEFAULT_TABLES;
  const counts = raw.split(',').map((s) => Number(s.trim()));
  if (counts.some((c) => !Number.isInteger(c) || c < 1)) throw new Error(`SERVER_TABLES must be whole numbers like 10,100: "${raw}"`);
  return counts;
}

type GameResult = Awaited<ReturnType<typeof benchGame>>;
type EchoResult = Awaited<ReturnType<typeof benchEcho>>;
interface Point {
  tables: number;
  game: GameResult | { error: string };
  echo: EchoResult | { error: string };
  p99Ratio: number | null;
}

const ok = <T extends object>(r: T | { error: string }): T | null => ('error' in r ? null : r);

export async function serverBench(counts: readonly number[]) {
  const { scenario } = loadMuscat();
  const points: Point[] = [];
  for (const n of counts) {
    process.stderr.write(`server bench: ${n} tables, game…\n`);
    const game = await benchGame(n, scenario).catch((e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }));
    const g = ok(game);
    const perTable = Math.max(2, Math.round(g?.movesPerTable || 40));
    process.stderr.write(`server bench: ${n} tables, echo (${perTable} messages a table)…\n`);
    const echo = await benchEcho(n, perTable).catch((e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }));
    const e = ok(echo);
    const p99Ratio = g?.latencyMs.p99 != null && e?.latencyMs.p99 ? round2(g.latencyMs.p99 / e.latencyMs.p99) : null;
    points.push({ tables: n, game, echo, p99Ratio });
  }
  const at = (n: number) => points.find((p) => p.tables === n);
  const p500 = at(500);
  const g500 = p500 ? ok(p500.game) : null;
  const p100 = at(100);
  const checks = points.map((p) => ok(p.game)?.store.ok ?? false);
  const targets = {
    held500: {
      target: `500 tables set up, none dropped, every talk ended within ${CAP_SECONDS} s, p99 < ${TARGET_P99_MS} ms`,
      measured: !!p500,
      p99: g500?.latencyMs.p99 ?? null,
      met:
        !!g500 &&
        g500.tablesSetUp === 500 &&
        g500.droppedConnections === 0 &&
        g500.tablesEnded === 500 &&
        g500.latencyMs.p99 !== null &&
        g500.latencyMs.p99 < TARGET_P99_MS,
    },
    p99RatioAt100: {
      target: `our p99 ≤ ${TARGET_RATIO_AT_100}× the echo room's at 100 tables`,
      measured: !!p100,
      ratio: p100?.p99Ratio ?? null,
      met: p100?.p99Ratio != null && p100.p99Ratio <= TARGET_RATIO_AT_100,
    },
    noActionLost: {
      target: 'every acknowledged move is in store.turns(code), and the counts match, at every N',
      met: checks.length > 0 && checks.every(Boolean),
    },
  };
  return {
    scenario: scenario.id,
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version },
    capSeconds: CAP_SECONDS,
    latency: 'ms from sending a move to the other seat receiving the update that holds it',
    serverCpu: '% of one core, server process, during play',
    points,
    targets,
  };
}

export type ServerBench = Awaited<ReturnType<typeof serverBench>>;

export const saveServerBench = (result: object): string => saveResult('server', result);

export function serverBenchTable(bench: ServerBench): string {
  const head = [
    'tables',
    'stack',
    'set up',
    'ended',
    'moves/s',
    'p50 ms',
    'p99 ms',
    'max ms',
    'srv CPU %',
    'srv peak RSS MB',
    'client CPU %',
    'p99 ours/echo',
  ];
  const rows: string[][] = [head];
  const fmt = (x: number | null | undefined) => (x === null || x === undefined ? '–' : String(x));
  for (const p of bench.points) {
    for (const [name, r] of [
      ['ours', p.game],
      ['echo', p.echo],
    ] as const) {
      if ('error' in r) {
        rows.push([String(p.tables), name, `error: ${r.error.slice(0, 80)}`]);
        continue;
      }
      rows.push([
        String(p.tables),
        name,
        `${r.tablesSetUp}/${r.tables}`,
        `${r.tablesEnded}/${r.tablesSetUp}${r.cappedAt ? ' (cap)' : ''}`,
        fmt(r.movesPerSecond),
        fmt(r.latencyMs.p50),
        fmt(r.latencyMs.p99),
        fmt(r.latencyMs.max),
        fmt(r.serverCpuPercent),
        fmt(r.serverPeakRssMB),
        fmt(r.clientCpuPercent),
        name === 'ours' ? fmt(p.p99Ratio) : '',
      ]);
    }
  }
  const lines = textTable(rows);
  const t = bench.targets;
  const mark = (met: boolean, measured = true) => (!measured ? 'NOT MEASURED' : met ? 'met' : 'NOT MET');
  lines.push('');
  lines.push(`500 tables held, p99 < ${TARGET_P99_MS} ms: ${mark(t.held500.met, t.held500.measured)} (p99 ${fmt(t.held500.p99)} ms)`);
  lines.push(
    `p99 ≤ ${TARGET_RATIO_AT_100}× echo at 100 tables: ${mark(t.p99RatioAt100.met, t.p99RatioAt100.measured)} (ratio ${fmt(t.p99RatioAt100.ratio)})`,
  );
  const stores = bench.points.map((p) => {
    const g = ok(p.game);
    return g
      ? `${p.tables}: ${g.store.acknowledgedMoves} acknowledged / ${g.store.storedTurns} stored, ${g.store.missing} missing, ${g.store.mismatched} different, ${g.store.countMismatches} count mismatches`
      : `${p.tables}: not run`;
  });
  lines.push(`no action lost: ${mark(t.noActionLost.met)} (${stores.join('; ')})`);
  for (const p of bench.points) {
    const g = ok(p.game);
    if (g?.refusals) lines.push(`${p.tables} tables: ${g.refusals} moves refused, e.g. ${g.refusalSamples.join(' | ')}`);
    if (g?.store.problems.length) lines.push(`${p.tables} tables: ${g.store.problems.join(' | ')}`);
    if (g?.setupErrors) lines.push(`${p.tables} tables: ${g.setupErrors} set-up errors, e.g. ${g.setupErrorSamples.join(' | ')}`);
  }
  return lines.join('\n');
}
