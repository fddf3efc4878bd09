// The server process of `npm run bench -- --class` (bench/class.ts): the game server (src/server/server.ts
// startServer, as bin/serve.mjs runs it) in a child process of its own, so that its CPU and memory are
// measured apart from the simulated clients. Run as `node --import tsx bench/classServer.ts` with
// BENCH_CLASS_SERVER set to the JSON of its options: {} for PGlite in memory, or { databaseUrl, schema }
// for PostgreSQL, with redisUrl too for one of several processes sharing their rooms through Redis. It
// prints nothing; over the IPC channel it says its port once ready, then its CPU time, memory,
// event-loop delay and log counts, and tables' stored turns, when asked.
import { readFileSync } from 'node:fs';
import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { StoredTurn } from '../src/server/store';

export const CLASS_CHILD_ENV = 'BENCH_CLASS_SERVER';
export interface ChildOptions {
  databaseUrl?: string;
  schema?: string;
  redisUrl?: string;
}
/** `gc`: collect garbage first (the process runs with --expose-gc), for memory figures that are not the collector's timing. */
export type ToClassChild = { type: 'stats'; gc?: boolean } | { type: 'turns'; codes: string[] } | { type: 'stop' };
export type FromClassChild =
  | { type: 'ready'; port: number }
  /**
   * CPU time (user + system, µs) since the process began; RSS now and at its peak (bytes); the server's
   * log lines so far, and a few of those that are neither a table or class created nor a table ended.
   */
  | {
      type: 'stats';
      cpuMicros: number;
      rss: number;
      maxRss: number;
      /** The main thread's V8 heap in use (a PGlite worker's is not in it). */
      heapUsed: number;
      /** Rooms and clients in this process (Colyseus's local stats). */
      rooms: number;
      /** This process's event-loop delay since the last stats (ms): how long a ready message may wait here. */
      loopDelayMs: { p50: number; p99: number; max: number };
      /** Time its main thread has spent ready to run but waiting for a CPU, since it began (ms; Linux's schedstat). */
      runDelayMs: number;
      ccu: number;
      logLines: number;
      oddLogLines: number;
      oddLogSamples: string[];
    }
  | { type: 'turns'; turns: Record<string, StoredTurn[]> }
  | { type: 'stopped' }
  | { type: 'error'; message: string };

/** How long this process's main thread has waited for a CPU while ready to run (ms), or NaN off Linux. */
export function runDelayMs(): number {
  try {
    return Number(readFileSync('/proc/self/schedstat', 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return Number.NaN;
  }
}

/** An event-loop delay histogram's p50, p99 and max in ms (two decimals), then reset for the next reading. */
export function takeLoopDelay(loop: IntervalHistogram): { p50: number; p99: number; max: number } {
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  const figures = { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) };
  loop.reset();
  return figures;
}

/** The lines the server logs in the ordinary course of a class. */
const ORDINARY = /^(table \S+ created|table \S+ ended|class \S+ created)/;

async function serveChild(options: ChildOptions): Promise<void> {
  const reply = (m: FromClassChild) => process.send?.(m);
  try {
    const { startServer } = await import('../src/server/server');
    const { matchMaker } = await import('@colyseus/core');
    let logLines = 0;
    let oddLogLines = 0;
    const oddLogSamples: string[] = [];
    const running = await startServer({
      port: 0,
      host: '127.0.0.1',
      staticDir: null,
      ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : { dataDir: 'memory://' }),
      ...(options.schema ? { schema: options.schema } : {}),
      ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}),
      log: (line) => {
        logLines++;
        if (ORDINARY.test(line)) return;
        oddLogLines++;
        if (oddLogSamples.length < 5) oddLogSamples.push(line.slice(0, 200));
      },
      // Every simulated client comes from 127.0.0.1: the per-address join limit would stand for a whole school.
      joinLimit: { burst: 1e9, perSecond: 1e9 },
    });
    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    process.on('message', (m: ToClassChild) => {
      void (async () => {
        if (m.type === 'stats') {
          const gc = (globalThis as { gc?: () => void }).gc;
          if (m.gc && gc) {
            gc();
            await new Promise((r) => setTimeout(r, 50));
            gc();
          }
          const u = process.cpuUsage();
          const mem = process.memoryUsage();
          const loopDelayMs = takeLoopDelay(loop);
          reply({
            type: 'stats',
            cpuMicros: u.user + u.system,
            rss: mem.rss,
            maxRss: process.resourceUsage().maxRSS * 1024,
            heapUsed: mem.heapUsed,
            rooms: matchMaker.stats.local.roomCount,
            loopDelayMs,
            runDelayMs: runDelayMs(),
            ccu: matchMaker.stats.local.ccu,
            logLines,
            oddLogLines,
            oddLogSamples: [...oddLogSamples],
          });
        } else if (m.type === 'turns') {
          const out: Record<string, StoredTurn[]> = {};
          for (const code of m.codes) out[code] = await running.store.turns(code);
          reply({ type: 'turns', turns: out });
        } else if (m.type === 'stop') {
          await running.close();
          reply({ type: 'stopped' });
          process.exit(0);
        }
      })().catch((e: unknown) => reply({ type: 'error', message: e instanceof Error ? e.message : String(e) }));
    });
    reply({ type: 'ready', port: running.port });
  } catch (e) {
    reply({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    process.exit(1);
  }
}

const raw = process.env[CLASS_CHILD_ENV];
if (raw !== undefined && process.argv[1] === fileURLToPath(import.meta.url)) await serveChild(JSON.parse(raw) as ChildOptions);
