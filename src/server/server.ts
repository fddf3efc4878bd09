// The game server: one Node process, one port, serving the built game (dist/) over HTTP and the
// online tables over WebSocket (Colyseus 0.16: @colyseus/core with @colyseus/ws-transport). Open
// tables are restored from the database when it starts.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server as HttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { matchMaker, Server } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { WebSocketTransport } from '@colyseus/ws-transport';
import sirv from 'sirv';
import { replayToText, verifyReplay } from '../core/replay';
import { loadScenarioText } from '../core/scenario/loader';
import type { Scenario } from '../core/scenario/schema';
import { CLASS_ROOM } from './classProtocol';
import { classReplays, replaysZip } from './classReplays';
import { ClassRoom } from './classRoom';
import { classChannel, type ToClass, type ToTable, tableChannel } from './classSummary';
import { DEFAULT_ROOMS_PER_PROCESS, Placement } from './placement';
import { CODE_PATTERN, MAX_MESSAGE_BYTES, TABLE_ROOM } from './protocol';
import { openStore, type Store } from './store';
import { TableRoom, tableReplay } from './tableRoom';
import { TurnWriter } from './writer';

export interface ServerOptions {
  /** 127.0.0.1 by default; 0.0.0.0 to let other devices on the network in. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The built game to serve (default dist/ in the project); none: WebSocket and API only. */
  staticDir?: string | null;
  /** A PostgreSQL URL; without one, PGlite keeps the data in `dataDir` ('memory://' for tests). */
  databaseUrl?: string;
  dataDir?: string;
  /** A Postgres schema for the tables (tests use a fresh one). */
  schema?: string;
  /** Where the scenarios are (default scenarios/ in the project). */
  scenarioDir?: string;
  log?: (line: string) => void;
  /**
   * Join and create requests (Colyseus's /matchmake) per client address: a burst, then so many a
   * second. Default 60 and 2: a class behind one school address still gets in at once, and guessing
   * codes (31^8 of them) stays hopeless.
   */
  joinLimit?: { burst: number; perSecond: number };
  /**
   * Several server processes share their tables through Redis (Colyseus's RedisPresence and
   * RedisDriver): a table lives in one process, and a player may create or join it through any.
   * Needs a PostgreSQL (`databaseUrl`): the embedded database belongs to one process.
   */
  redisUrl?: string;
  /**
   * With Redis: the rooms this process takes before a class's tables spill to another process (a
   * class's tables otherwise all live in its class room's process; see placement.ts). Default
   * 1000 (`ROOMS_PER_PROCESS`); a 40-table class stays whole.
   */
  roomsPerProcess?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  host: string;
  store: Store;
  /** Tables restored from the database at start, and any that could not be. */
  restored: { ok: string[]; failed: string[] };
  close(): Promise<void>;
}

export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

/** The scenarios in a folder, loaded and checked as the CLI loads them; files with errors are left out (and logged). */
export function loadScenarios(dir: string, log: (line: string) => void): Map<string, { scenario: Scenario; sha256: string }> {
  const out = new Map<string, { scenario: Scenario; sha256: string }>();
  for (const name of readdirSync(dir)) {
    if (!/\.(ya?ml|json)$/.test(name) || name === 'schema.json') continue;
    const file = join(dir, name);
    const result = loadScenarioText(readFileSync(file, 'utf8'), file);
    if (result.ok) out.set(result.scenario.id, result);
    else log(`scenario ${name} has errors and cannot be played online:\n  ${result.errors.join('\n  ')}`);
  }
  return out;
}

/** The addresses other devices on the local network can use to reach `port`. */
export function lanAddresses(port: number): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a): a is NonNullable<typeof a> => !!a && a.family === 'IPv4' && !a.internal)
    .map((a) => `http://${a.address}:${port}/`);
}

export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const log = opts.log ?? ((line: string) => console.log(line));
  if (opts.redisUrl && !opts.databaseUrl)
    throw new Error(
      'REDIS_URL shares the tables between several server processes: set DATABASE_URL to a PostgreSQL as well (the embedded database belongs to one process)',
    );
  const scenarios = loadScenarios(opts.scenarioDir ?? join(PROJECT_ROOT, 'scenarios'), log);
  const store = await openStore({
    // PGlite runs in a worker thread, beside the game; PostgreSQL's work already runs in its own process.
    ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : { dataDir: opts.dataDir ?? join(PROJECT_ROOT, 'data'), worker: true }),
    ...(opts.schema ? { schema: opts.schema } : {}),
  });
  let restoreKey = randomBytes(16).toString('hex');

  const staticDir = opts.staticDir === undefined ? join(PROJECT_ROOT, 'dist') : opts.staticDir;
  const files = staticDir && existsSync(staticDir) ? sirv(staticDir, { etag: true, single: false }) : null;
  if (staticDir && !files) log(`no built game in ${staticDir}: run \`npm run build\` first (serving the tables only)`);
  const http: HttpServer = createServer((req, res) => {
    void handle(req, res, { store, scenarios, files, restoreKey, presence: () => shared.presence ?? matchMaker.presence, log });
  });
  const transport = new WebSocketTransport({ server: http, maxPayload: 4 * MAX_MESSAGE_BYTES });
  const host = opts.host ?? '127.0.0.1';
  // With Redis, every process tells the others where its tables are: its address must be known now.
  const wantedPort = opts.redisUrl && !opts.port ? await freePort(host) : (opts.port ?? 2567);
  const shared = opts.redisUrl
    ? {
        presence: new RedisPresence(opts.redisUrl),
        driver: new RedisDriver(opts.redisUrl),
        publicAddress: `${host === '0.0.0.0' ? (lanAddresses(wantedPort)[0]?.replace(/^http:\/\/|\/$/g, '') ?? `127.0.0.1:${wantedPort}`) : `${host}:${wantedPort}`}`,
      }
    : {};
  // With several processes: a class's tables in its class room's process, classes spread over the
  // processes (placement.ts, its own registry of the processes in Redis).
  const placement = shared.presence
    ? new Placement(shared.presence, {
        capacity: opts.roomsPerProcess ?? DEFAULT_ROOMS_PER_PROCESS,
        classRoom: CLASS_ROOM,
        trusted: (o) => (o as { key?: unknown } | null)?.key === restoreKey,
      })
    : null;
  const game = new Server({
    transport,
    greet: false,
    ...shared,
    ...(placement
      ? {
          selectProcessIdToCreateRoom: async (roomName: string, o: unknown) =>
            (await placement.select(roomName, o)) ?? matchMaker.processId,
        }
      : {}),
  });
  // With Redis, a room one process asks for may be created in another: they share the key.
  if (shared.presence) restoreKey = await sharedKey(shared.presence, restoreKey);
  TableRoom.services = { store, writer: new TurnWriter(store), scenario: (id) => scenarios.get(id) ?? null, restoreKey, log };
  for (const handler of [game.define(TABLE_ROOM, TableRoom), game.define(CLASS_ROOM, ClassRoom)]) {
    if (!placement) continue;
    handler.on('create', () => void placement.created());
    handler.on('dispose', () => void placement.disposed());
  }
  limitJoins(http, opts.joinLimit ?? { burst: 60, perSecond: 2 });

  await game.listen(wantedPort, host);
  const port = (http.address() as AddressInfo).port;
  // Listed once it listens (Colyseus's matchmaker then answers other processes' requests).
  await placement?.start(matchMaker.processId);

  // Every table not yet ended comes back, re-played from its stored turns and checked; then every
  // class not ended (its console finds its tables through them).
  const restored = { ok: [] as string[], failed: [] as string[] };
  for (const table of await store.openTables()) {
    try {
      if (await reopen(TABLE_ROOM, table.code, restoreKey)) restored.ok.push(table.code);
    } catch (e) {
      restored.failed.push(table.code);
      log(`table ${table.code} was not restored: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (restored.ok.length) log(`restored ${restored.ok.length} open table${restored.ok.length === 1 ? '' : 's'} from the database`);
  for (const c of await store.openClasses()) {
    try {
      if (await reopen(CLASS_ROOM, c.code, restoreKey)) restored.ok.push(c.code);
    } catch (e) {
      restored.failed.push(c.code);
      log(`class ${c.code} was not restored: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    port,
    host,
    store,
    restored,
    async close() {
      // Off the list first: no other process sends it a new room while it shuts down.
      await placement?.stop().catch(() => undefined);
      await game.gracefullyShutdown(false).catch(() => undefined);
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await store.close();
    },
  };
}

/**
 * Rate-limits Colyseus's matchmaking requests (create, join by code) per client address, in front of
 * the listener Colyseus put on the server. A refused request gets Colyseus's own error shape, so the
 * browser shows the sentence.
 */
function limitJoins(http: HttpServer, limit: { burst: number; perSecond: number }): void {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const listeners = http.listeners('request').slice(0) as ((req: IncomingMessage, res: ServerResponse) => void)[];
  http.removeAllListeners('request');
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'POST' && req.url?.startsWith('/matchmake/')) {
      const ip = req.socket.remoteAddress ?? 'unknown';
      const now = Date.now();
      const bucket = buckets.get(ip) ?? { tokens: limit.burst, at: now };
      bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.perSecond);
      bucket.at = now;
      if (buckets.size > 10_000) buckets.clear();
      buckets.set(ip, bucket);
      if (bucket.tokens < 1) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            code: 4290,
            error: 'too many attempts to create or join tables from this address: wait a minute and try again',
          }),
        );
        return;
      }
      bucket.tokens -= 1;
    }
    for (const listener of listeners) listener.call(http, req, res);
  });
}

/**
 * The server's own key for creating rooms that clients may not (restored tables and classes, a
 * class's tables), the same in every process sharing a Redis: the first process to start sets it.
 */
async function sharedKey(presence: RedisPresence, mine: string): Promise<string> {
  const KEY = 'backchannel:room-key';
  if ((await presence.incr(`${KEY}:claim`)) === 1) await presence.set(KEY, mine);
  for (let i = 0; i < 200; i++) {
    const key = (await presence.get(KEY)) as string | null;
    if (key) return key;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the server processes sharing this Redis did not agree on a room key within 5 s');
}

/** A port free on `host` now (asked of the system by binding port 0 for a moment). */
async function freePort(host: string): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, host, () => resolve());
  });
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * Brings a table or class room back from the database unless some process (with Redis, any of them)
 * holds it or is bringing it back already. True when this process created it.
 */
async function reopen(roomName: string, code: string, key: string): Promise<boolean> {
  if ((await matchMaker.query({ roomId: code })).length > 0) return false;
  const claim = `backchannel:restore:${code}`;
  if ((await matchMaker.presence.incr(claim)) !== 1) return false;
  await matchMaker.presence.expire(claim, 60);
  try {
    // Near this process: a restarted process takes back its classes with their tables (placement.ts).
    await matchMaker.createRoom(roomName, { restore: code, key, near: matchMaker.processId });
    return true;
  } finally {
    // A later reopen (next week's class) may claim it again once this one is done.
    await matchMaker.presence.del(claim);
  }
}

interface HttpDeps {
  store: Store;
  scenarios: Map<string, { scenario: Scenario; sha256: string }>;
  files: ReturnType<typeof sirv> | null;
  restoreKey: string;
  presence: () => typeof matchMaker.presence;
  log: (line: string) => void;
}

/**
 * HTTP: a finished table's replay file (`/api/tables/CODE/replay`); a class's teacher's calls
 * (`/api/classes/CODE/…`, with `Authorization: Bearer <teacher token>`): open (bring the class room
 * back), replays (JSON), replays.zip, DELETE; then the built game.
 */
async function handle(req: IncomingMessage, res: ServerResponse, deps: HttpDeps): Promise<void> {
  const { store, scenarios, files } = deps;
  const url = new URL(req.url ?? '/', 'http://localhost');
  const match = /^\/api\/tables\/([^/]+)\/replay$/.exec(url.pathname);
  const send = (status: number, body: string | Uint8Array, type = 'text/plain; charset=utf-8') => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.end(body);
  };
  const classMatch = /^\/api\/classes\/([^/]+)(\/open|\/replays|\/replays\.zip)?$/.exec(url.pathname);
  if (classMatch) {
    try {
      return await handleClass(req, decodeURIComponent(classMatch[1] ?? ''), classMatch[2] ?? '', deps, send, res);
    } catch (e) {
      return send(500, `the class could not be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (match) {
    const code = decodeURIComponent(match[1] ?? '');
    if (!CODE_PATTERN.test(code)) return send(400, `not a table code: "${code.slice(0, 20)}"`);
    try {
      const table = await store.getTable(code);
      if (!table) return send(404, `no table ${code}`);
      // A class's replays are the teacher's (the class debrief); a table of two players' is public once ended.
      if (table.classCode) return send(403, `table ${code} belongs to a class: its teacher downloads its replays from the console`);
      if (!table.endedAt)
        return send(409, `table ${code} has not ended: its replay holds the seed, so it is given once the talks are over`);
      const found = scenarios.get(table.scenarioId);
      if (!found) return send(500, `table ${code}: unknown scenario "${table.scenarioId}"`);
      // Re-played from the stored turns (each checksum checked) for the final state the file ends with.
      const turns = await store.turns(code);
      const checked = verifyReplay(found.scenario, found.sha256, tableReplay(table, found.scenario, turns, null), { skipFinal: true });
      if (!checked.ok) return send(500, `table ${code}: ${checked.error}`);
      const replay = tableReplay(table, found.scenario, turns, checked.state);
      res.setHeader('content-disposition', `attachment; filename="backchannel-${code}.replay.json"`);
      return send(200, replayToText(replay), 'application/json');
    } catch (e) {
      return send(500, `could not read table ${code}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (files) {
    files(req, res, () => send(404, 'not found'));
    return;
  }
  send(404, 'not found');
}

type Send = (status: number, body: string | Uint8Array, type?: string) => void;

async function handleClass(
  req: IncomingMessage,
  code: string,
  what: string,
  deps: HttpDeps,
  send: Send,
  res: ServerResponse,
): Promise<void> {
  if (!CODE_PATTERN.test(code)) return send(400, `not a class code: "${code.slice(0, 20)}"`);
  const method = req.method ?? 'GET';
  const allowed = what === '/open' ? 'POST' : what === '' ? 'DELETE' : 'GET';
  if (method !== allowed) {
    res.setHeader('allow', allowed);
    return send(405, `${method} is not allowed here: use ${allowed}`);
  }
  const record = await deps.store.getClass(code);
  if (!record) return send(404, `no class ${code}`);
  const auth = /^Bearer ([0-9a-f]{32})$/.exec(req.headers.authorization ?? '');
  if (!auth) return send(401, "this needs the class's teacher token (Authorization: Bearer <token>)");
  const hash = createHash('sha256')
    .update(auth[1] ?? '')
    .digest('hex');
  if (hash.length !== record.teacherHash.length || !timingSafeEqual(Buffer.from(hash), Buffer.from(record.teacherHash)))
    return send(403, `this teacher token does not belong to class ${code}`);
  const scenario = (id: string) => deps.scenarios.get(id) ?? null;
  if (what === '/open') {
    await reopen(CLASS_ROOM, code, deps.restoreKey);
    return send(200, JSON.stringify({ ok: true }), 'application/json');
  }
  if (what === '/replays') {
    const { tables, problems } = await classReplays(deps.store, scenario, code);
    return send(200, JSON.stringify({ code, title: record.title, tables, problems }), 'application/json');
  }
  if (what === '/replays.zip') {
    const { tables } = await classReplays(deps.store, scenario, code);
    res.setHeader('content-disposition', `attachment; filename="backchannel-class-${code}.zip"`);
    return send(200, replaysZip(code, tables), 'application/zip');
  }
  // DELETE: the class room and the tables' rooms (in whichever process) let everyone go, then the rows go.
  const presence = deps.presence();
  for (const t of await deps.store.classTables(code)) await presence.publish(tableChannel(t.code), { type: 'deleted' } satisfies ToTable);
  await presence.publish(classChannel(code), { type: 'deleted' } satisfies ToClass);
  await deps.store.deleteClass(code);
  deps.log(`class ${code} deleted by its teacher`);
  return send(200, JSON.stringify({ ok: true }), 'application/json');
}
