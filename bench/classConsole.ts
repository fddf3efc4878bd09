// The teachers' consoles of `npm run bench -- --class` (bench/class.ts), in a process of their own: the
// teacher's device. In a classroom the console runs on the teacher's laptop, not on the machine that
// simulates 80 students a class; measured inside that simulator, a row waits for the simulator's
// own garbage collection and for its turn on a CPU shared with every student client, and the figure
// is the simulator's, not the server's. Here the consoles do only what the console page does with a
// row (decode it, keep it), so "the console showed it" is timed as a teacher would see it.
// Run as `node --import tsx bench/classConsole.ts` with BENCH_CLASS_CONSOLE set; it speaks over the
// IPC channel (ToConsole / FromConsole below). Times are on the machine's monotonic clock (`clock`),
// the one the student simulator uses, so the two processes' times can be subtracted.
import { fileURLToPath } from 'node:url';
import { Client, type Room } from 'colyseus.js';
import {
  CLASS_ROOM,
  type ClassWelcome,
  type ConsoleRow,
  type ConsoleState,
  type TableSummary,
  type TeamInfo,
} from '../src/server/classProtocol';
import { runDelayMs, takeLoopDelay } from './classServer';

export const CLASS_CONSOLE_ENV = 'BENCH_CLASS_CONSOLE';

/** Ms on CLOCK_MONOTONIC: the same clock in every process of this machine (performance.now() is not). */
export const clock = (): number => Number(process.hrtime.bigint() / 1000n) / 1000;

export type Phase = 'setup' | 'paced' | 'burst' | 'drain' | 'done';

/** What one teacher's console has seen of one table. */
export interface ConsoleTrack {
  /** Each time the row's turn count went up: the count and when the row arrived (`clock`). */
  rises: { turns: number; at: number }[];
  maxTurns: number;
  lastRow: TableSummary | null;
  /**
   * Exact turn counts seen in rows, each with the time from the row's `lastMoveAt` (the server's clock
   * when the table room had stored the move and was about to tell everyone) to the row's arrival here
   * (this process's clock: the same machine, so the same system clock; 1 ms resolution). As pairs.
   */
  turnCounts: [number, number][];
  rowsByPhase: Record<Phase, number>;
}

export interface NewClass {
  scenarioId: string;
  title: string;
  seed: string;
}

export type ToConsole =
  /** Create these classes through `endpoint`, one after another, each console joined as its teacher. */
  | { type: 'create'; endpoint: string; classes: NewClass[] }
  | { type: 'phase'; phase: Phase }
  /** Per table: the highest turn count shown, and whether the row has every seat connected; per class, its teams. */
  | { type: 'poll' }
  /** Everything seen, and this process's CPU, CPU wait and event-loop delay (since the last `stats`). */
  | { type: 'tracks' }
  | { type: 'stats' }
  | { type: 'stop' };

export interface ConsoleStats {
  cpuMicros: number;
  runDelayMs: number;
  loopDelayMs: { p50: number; p99: number; max: number };
}

export type FromConsole =
  | { type: 'ready' }
  | { type: 'created'; codes: string[] }
  | { type: 'poll'; tables: Record<string, [maxTurns: number, allConnected: boolean]>; teams: TeamInfo[][] }
  | { type: 'tracks'; tracks: Record<string, ConsoleTrack>; dropped: number }
  | ({ type: 'stats' } & ConsoleStats)
  | { type: 'stopped' }
  | { type: 'error'; message: string };

const newTrack = (): ConsoleTrack => ({
  rises: [],
  maxTurns: -1,
  lastRow: null,
  turnCounts: [],
  rowsByPhase: { setup: 0, paced: 0, burst: 0, drain: 0, done: 0 },
});

async function consoleChild(): Promise<void> {
  const { monitorEventLoopDelay } = await import('node:perf_hooks');
  const reply = (m: FromConsole) => process.send?.(m);
  let phase: Phase = 'setup';
  let dropped = 0;
  const rooms: Room[] = [];
  const teams: TeamInfo[][] = [];
  const tracks = new Map<string, ConsoleTrack & { seen: Set<number> }>();
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();

  const onRow = (row: TableSummary, counted: boolean) => {
    const at = clock();
    let t = tracks.get(row.code);
    if (!t) {
      t = { ...newTrack(), seen: new Set() };
      tracks.set(row.code, t);
    }
    if (counted) t.rowsByPhase[phase]++;
    t.lastRow = row;
    if (!t.seen.has(row.turns)) {
      t.seen.add(row.turns);
      t.turnCounts.push([row.turns, row.lastMoveAt === null ? Number.NaN : Date.now() - row.lastMoveAt]);
    }
    if (row.turns > t.maxTurns) {
      t.maxTurns = row.turns;
      t.rises.push({ turns: row.turns, at });
    }
  };

  const create = async (endpoint: string, classes: NewClass[]) => {
    const client = new Client(endpoint);
    const codes: string[] = [];
    for (const [c, options] of classes.entries()) {
      const room = await client.create(CLASS_ROOM, { ...options, formation: 'teams', seedPolicy: 'each' });
      rooms.push(room);
      teams[c] = [];
      const code = new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`class ${c + 1}: no welcome for the teacher within 30 s`)), 30_000);
        room.onMessage('welcome', (w: ClassWelcome) => {
          clearTimeout(timer);
          resolve(w.code);
        });
      });
      room.onMessage('console', (s: ConsoleState) => {
        teams[c] = s.teams;
        for (const row of s.tables) onRow(row, false);
      });
      room.onMessage('row', (r: ConsoleRow) => onRow(r.table, true));
      room.onMessage('teams', (t: TeamInfo[]) => {
        teams[c] = t;
      });
      for (const type of ['done', 'refused', 'notice', 'detail', 'pair-code']) room.onMessage(type, () => {});
      room.onLeave(() => {
        if (phase !== 'done') dropped++;
      });
      codes.push(await code);
    }
    return codes;
  };

  process.on('message', (m: ToConsole) => {
    void (async () => {
      if (m.type === 'create') reply({ type: 'created', codes: await create(m.endpoint, m.classes) });
      else if (m.type === 'phase') phase = m.phase;
      else if (m.type === 'poll') {
        const tables: Record<string, [number, boolean]> = {};
        for (const [code, t] of tracks)
          tables[code] = [t.maxTurns, !!t.lastRow && Object.values(t.lastRow.seats).every((s) => s.connected)];
        reply({ type: 'poll', tables, teams });
      } else if (m.type === 'tracks') {
        const out: Record<string, ConsoleTrack> = {};
        for (const [code, { seen: _seen, ...t }] of tracks) out[code] = t;
        reply({ type: 'tracks', tracks: out, dropped });
      } else if (m.type === 'stats') {
        const u = process.cpuUsage();
        reply({ type: 'stats', cpuMicros: u.user + u.system, runDelayMs: runDelayMs(), loopDelayMs: takeLoopDelay(loop) });
      } else if (m.type === 'stop') {
        phase = 'done';
        await Promise.all(rooms.map((r) => r.leave(true).catch(() => undefined)));
        reply({ type: 'stopped' });
        process.exit(0);
      }
    })().catch((e: unknown) => reply({ type: 'error', message: e instanceof Error ? e.message : String(e) }));
  });
  reply({ type: 'ready' });
}

if (process.env[CLASS_CONSOLE_ENV] !== undefined && process.argv[1] === fileURLToPath(import.meta.url)) await consoleChild();
