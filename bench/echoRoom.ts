// The floor of the online stack for `npm run bench -- --server`: a bare Colyseus 0.16 room on the same
// transport as the game server (@colyseus/core + @colyseus/ws-transport over node:http) that does no
// work at all. A client's 'ping' goes to the other client of the room, unchanged; no rules, no
// database, no views.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type Client, Room, Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import type { StoredTurn } from '../src/server/store';

export const ECHO_ROOM = 'echo';

export class EchoRoom extends Room {
  override maxClients = 2;

  override onCreate(): void {
    this.onMessage('ping', (client: Client, message: unknown) => {
      for (const other of this.clients) if (other !== client) other.send('ping', message);
    });
  }
}

/** An echo server on a free port of 127.0.0.1 (the game server's host and transport options, minus its rooms). */
export async function startEchoServer(): Promise<{ port: number; close(): Promise<void> }> {
  const http = createServer((_req, res) => {
    res.writeHead(404);
    res.end();
  });
  const game = new Server({ transport: new WebSocketTransport({ server: http }), greet: false });
  game.define(ECHO_ROOM, EchoRoom);
  await game.listen(0, '127.0.0.1');
  const port = (http.address() as AddressInfo).port;
  return {
    port,
    async close() {
      await game.gracefullyShutdown(false).catch(() => undefined);
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// The server process of `npm run bench -- --server`: this file run as `node --import tsx
// bench/echoRoom.ts` with BENCH_SERVER_CHILD=game (the game server, PGlite in memory) or =echo (the
// room above). It prints nothing; it talks to the bench over the IPC channel: its port once ready,
// then its CPU time and memory, and a list of tables' stored turns, when asked.

export const CHILD_ENV = 'BENCH_SERVER_CHILD';
export type Mode = 'game' | 'echo';
export type ToChild = { type: 'stats' } | { type: 'turns'; codes: string[] } | { type: 'stop' };
export type FromChild =
  | { type: 'ready'; port: number }
  /** CPU time (user + system, µs) since the process began; RSS now and at its peak (bytes). */
  | { type: 'stats'; cpuMicros: number; rss: number; maxRss: number }
  | { type: 'turns'; turns: Record<string, StoredTurn[]> }
  | { type: 'stopped' }
  | { type: 'error'; message: string };

async function serveChild(mode: Mode): Promise<void> {
  const reply = (m: FromChild) => process.send?.(m);
  try {
    let close: () => Promise<void>;
    let port: number;
    let turns: (code: string) => Promise<StoredTurn[]> = async () => [];
    if (mode === 'game') {
      const { startServer } = await import('../src/server/server');
      // Every simulated client comes from 127.0.0.1: the per-address join limit would stand for a whole school.
      const running = await startServer({
        port: 0,
        dataDir: 'memory://',
        staticDir: null,
        log: () => {},
        joinLimit: { burst: 1e9, perSecond: 1e9 },
      });
      ({ port } = running);
      close = () => running.close();
      turns = (code) => running.store.turns(code);
    } else {
      const running = await startEchoServer();
      ({ port } = running);
      close = () => running.close();
    }
    process.on('message', (m: ToChild) => {
      void (async () => {
        if (m.type === 'stats') {
          const u = process.cpuUsage();
          reply({
            type: 'stats',
            cpuMicros: u.user + u.system,
            rss: process.memoryUsage().rss,
            maxRss: process.resourceUsage().maxRSS * 1024,
          });
        } else if (m.type === 'turns') {
          const out: Record<string, StoredTurn[]> = {};
          for (const code of m.codes) out[code] = await turns(code);
          reply({ type: 'turns', turns: out });
        } else if (m.type === 'stop') {
          await close();
          reply({ type: 'stopped' });
          process.exit(0);
        }
      })().catch((e: unknown) => reply({ type: 'error', message: e instanceof Error ? e.message : String(e) }));
    });
    reply({ type: 'ready', port });
  } catch (e) {
    reply({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    process.exit(1);
  }
}

const childMode = process.env[CHILD_ENV];
if ((childMode === 'game' || childMode === 'echo') && process.argv[1] === fileURLToPath(import.meta.url)) await serveChild(childMode);
