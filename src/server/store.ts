// The game server's database: tables (one per game code) and their turns, on an embedded PGlite
// (WASM Postgres, data in a directory or in memory) or on a real PostgreSQL given by a URL.
// Same SQL and same migrations on both; every value goes in as a query parameter.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { PARTY_ID_PATTERN } from '../core/scenario/constants';
import type { Settings, Side } from '../core/types';

export type Seat = Side | 'facilitator';
export interface StoredTurn {
  turn: number;
  side: Seat;
  action: unknown;
  checksum: string;
}
export interface Takeover {
  afterTurn: number;
  settings: Settings;
}
export interface TableRecord {
  code: string; // primary key, e.g. "K7QW-M3ZP"
  scenarioId: string;
  scenarioSha: string; // sha256 hex of the scenario file
  seed: string;
  settings: Settings; // the settings at creation
  hostSide: Side;
  /** sha256 hex of each seat's token (never the token itself); null while the seat is free. */
  seatTokens: Record<Side, string | null>;
  /** Display names typed by players (plain text, ≤ 40 chars, validated by the caller). */
  names: Record<Side, string | null>;
  takeovers: Takeover[];
  createdAt: string; // ISO 8601
  endedAt: string | null;
  final: string | null; // final checksum once ended
  /** The class the table belongs to, or null (a table two players made). */
  classCode: string | null;
}
export interface NewTable {
  code: string;
  scenarioId: string;
  scenarioSha: string;
  seed: string;
  settings: Settings;
  hostSide: Side;
  seatTokens: Record<Side, string | null>;
  names: Record<Side, string | null>;
  classCode?: string | null;
}

/** A student team of a class: its name, its token's hash (the token is also its seat token) and its seat. */
export interface ClassTeam {
  id: string;
  name: string;
  tokenHash: string;
  table: string | null;
  side: Side | null;
  joinedAt: string;
}
export interface ClassRecord {
  code: string;
  title: string;
  scenarioId: string;
  scenarioSha: string;
  /** The teacher's choices (classProtocol.ts ClassOptions, as checked), the class's seed resolved. */
  options: Record<string, unknown>;
  /** sha256 hex of the teacher's token. */
  teacherHash: string;
  teams: ClassTeam[];
  createdAt: string;
  endedAt: string | null;
}
export type NewClass = Omit<ClassRecord, 'createdAt' | 'endedAt'>;

export interface Store {
  readonly kind: 'pglite' | 'postgres';
  createTable(t: NewTable): Promise<void>; // fails with a clear Error if the code exists
  /** Appends turns in ONE transaction; re-appending an identical turn is a no-op, a different action/checksum for an existing (code, turn) throws. */
  appendTurns(code: string, turns: readonly StoredTurn[]): Promise<void>;
  /**
   * Appends several tables' turns at once (a group commit: the server gathers the moves that arrive
   * while a write is in flight), in one statement when every turn is new and valid. Each table's
   * part stands or falls alone (otherwise a transaction with a savepoint each): the result has one
   * entry per batch, null when stored, else the error.
   */
  appendBatches(batches: readonly { code: string; turns: readonly StoredTurn[] }[]): Promise<(Error | null)[]>;
  updateTable(code: string, patch: Partial<Pick<TableRecord, 'seatTokens' | 'names' | 'takeovers' | 'endedAt' | 'final'>>): Promise<void>;
  getTable(code: string): Promise<TableRecord | null>;
  /** Tables not ended, oldest first. */
  openTables(): Promise<TableRecord[]>;
  /** A table's turns in turn order. */
  turns(code: string): Promise<StoredTurn[]>;
  createClass(c: NewClass): Promise<void>; // fails with a clear Error if the code exists
  updateClass(code: string, patch: Partial<Pick<ClassRecord, 'teams' | 'endedAt'>>): Promise<void>;
  getClass(code: string): Promise<ClassRecord | null>;
  /** Classes not ended, oldest first. */
  openClasses(): Promise<ClassRecord[]>;
  /** A class's tables, oldest first. */
  classTables(code: string): Promise<TableRecord[]>;
  /** Deletes a class with its tables and their turns; false when there was none. */
  deleteClass(code: string): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * The schema, oldest first: migration N is MIGRATIONS[N - 1]. Append new ones, never edit applied ones.
 * `seq` orders tables by creation (PGlite's clock ticks in milliseconds, so created_at can tie).
 *
 * (One exception, and why it is safe: migration 1 once checked the sides against the first
 * scenario's two party ids. The parties are now the scenario's, so it checks an id's shape instead,
 * and migration 3 puts that same check on a database made with the old text: every database ends with
 * the same schema, and the rows already stored, whose ids have that shape, stay as they are.)
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE tables (
     code text PRIMARY KEY,
     seq bigint GENERATED ALWAYS AS IDENTITY,
     scenario_id text NOT NULL,
     scenario_sha text NOT NULL,
     seed text NOT NULL,
     settings jsonb NOT NULL,
     host_side text NOT NULL CHECK (host_side ~ '^[a-z][a-z0-9_-]{0,31}$'),
     seat_tokens jsonb NOT NULL,
     names jsonb NOT NULL,
     takeovers jsonb NOT NULL DEFAULT '[]'::jsonb,
     created_at timestamptz NOT NULL DEFAULT now(),
     ended_at timestamptz,
     final text
   );
   CREATE INDEX tables_open_idx ON tables (seq) WHERE ended_at IS NULL;
   CREATE TABLE turns (
     code text NOT NULL REFERENCES tables (code) ON DELETE CASCADE,
     turn int NOT NULL CHECK (turn >= 0),
     side text NOT NULL CHECK (side ~ '^[a-z][a-z0-9_-]{0,31}$'),
     action jsonb NOT NULL,
     checksum text NOT NULL,
     PRIMARY KEY (code, turn)
   );`,
  `CREATE TABLE classes (
     code text PRIMARY KEY,
     seq bigint GENERATED ALWAYS AS IDENTITY,
     title text NOT NULL,
     scenario_id text NOT NULL,
     scenario_sha text NOT NULL,
     options jsonb NOT NULL,
     teacher_hash text NOT NULL,
     teams jsonb NOT NULL DEFAULT '[]'::jsonb,
     created_at timestamptz NOT NULL DEFAULT now(),
     ended_at timestamptz
   );
   CREATE INDEX classes_open_idx ON classes (seq) WHERE ended_at IS NULL;
   ALTER TABLE tables ADD COLUMN class_code text REFERENCES classes (code) ON DELETE CASCADE;
   CREATE INDEX tables_class_idx ON tables (class_code, seq) WHERE class_code IS NOT NULL;`,
  // A seat is any party id of the table's scenario (the store checks it against the table's parties).
  `ALTER TABLE tables DROP CONSTRAINT IF EXISTS tables_host_side_check;
   ALTER TABLE tables ADD CONSTRAINT tables_host_side_check CHECK (host_side ~ '^[a-z][a-z0-9_-]{0,31}$');
   ALTER TABLE turns DROP CONSTRAINT IF EXISTS turns_side_check;
   ALTER TABLE turns ADD CONSTRAINT turns_side_check CHECK (side ~ '^[a-z][a-z0-9_-]{0,31}$');`,
];

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,40}$/;
/** The seat of a facilitator's turn; every other turn is a party's, by its id. */
const FACILITATOR = 'facilitator';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/;
const MAX_INT = 2 ** 31 - 1;

type Row = Record<string, unknown>;
/** What a transaction (or the whole database, outside one) can do. */
interface Queryable {
  query(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Several statements, no parameters. */
  exec(sql: string): Promise<void>;
}
interface Db extends Queryable {
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface StoreOptions {
  databaseUrl?: string;
  dataDir?: string;
  schema?: string;
  /**
   * PGlite only (ignored with a databaseUrl): run the database in a worker thread (storeWorker.ts),
   * so that its work runs beside the caller's. The Store returned forwards each call to it.
   */
  worker?: boolean;
}

export async function openStore(opts: StoreOptions): Promise<Store> {
  const schema = opts.schema;
  if (schema !== undefined) {
    if (!SCHEMA_NAME.test(schema)) throw new Error(`schema name ${JSON.stringify(schema)} is not valid: it must match ${SCHEMA_NAME}`);
    if (schema.startsWith('pg_'))
      throw new Error(`schema name ${JSON.stringify(schema)} is not valid: names starting with pg_ are reserved`);
  }
  if (opts.worker && !opts.databaseUrl && opts.dataDir) {
    const { worker: _, ...inWorker } = opts;
    return openInWorker(inWorker);
  }
  let db: Db;
  let kind: Store['kind'];
  if (opts.databaseUrl) {
    kind = 'postgres';
    db = await openPostgres(opts.databaseUrl, schema);
  } else if (opts.dataDir) {
    kind = 'pglite';
    db = await openPglite(opts.dataDir, schema);
  } else {
    throw new Error('openStore needs a databaseUrl (postgres://…) or a dataDir (a directory, or memory://)');
  }
  try {
    await migrate(db, schema);
  } catch (err) {
    await db.close().catch(() => {});
    throw new Error(`cannot migrate the ${kind} database: ${messageOf(err)}`, { cause: err });
  }
  return makeStore(kind, db);
}

/** One table's turns inside a transaction: locked, inserted, an existing turn compared (see appendTurns). */
async function appendInto(tx: Queryable, code: string, turns: readonly StoredTurn[]): Promise<void> {
  // Lock the table row: its turns are appended by one batch at a time.
  const [table] = await tx.query('SELECT seat_tokens FROM tables WHERE code = $1 FOR UPDATE', [code]);
  if (!table) throw new Error(`table ${code} does not exist`);
  // A turn is played by one of the table's parties (the keys of its seat tokens), or the facilitator.
  const parties = Object.keys((table.seat_tokens ?? {}) as Record<string, unknown>);
  for (const t of turns) if (t.side !== FACILITATOR && !parties.includes(t.side)) throw new Error(invalidSide(code, t));
  for (const t of turns) {
    const action = json(t.action);
    const inserted = await jsonGuard(code, `the action of turn ${t.turn}`, () =>
      tx.query(
        `INSERT INTO turns (code, turn, side, action, checksum) VALUES ($1, $2, $3, $4::jsonb, $5)
           ON CONFLICT (code, turn) DO NOTHING
           RETURNING turn`,
        [code, t.turn, t.side, action, t.checksum],
      ),
    );
    if (inserted.length > 0) continue;
    const [old] = await tx.query('SELECT side, checksum, action = $3::jsonb AS same_action FROM turns WHERE code = $1 AND turn = $2', [
      code,
      t.turn,
      action,
    ]);
    if (!old) throw new Error(`turn ${t.turn} of table ${code} could not be stored`);
    if (old.same_action !== true) throw new Error(`turn ${t.turn} of table ${code} was already stored with a different action`);
    if (old.checksum !== t.checksum) throw new Error(`turn ${t.turn} of table ${code} was already stored with a different checksum`);
    if (old.side !== t.side) throw new Error(`turn ${t.turn} of table ${code} was already stored for a different side`);
  }
}

// --- drivers -------------------------------------------------------------------------------

async function openPglite(dataDir: string, schema: string | undefined): Promise<Db> {
  let pgl: PGlite;
  if (dataDir === 'memory://') {
    pgl = new PGlite();
  } else {
    const dir = resolve(dataDir);
    mkdirSync(dir, { recursive: true });
    pgl = new PGlite(dir);
  }
  try {
    await pgl.waitReady;
  } catch (err) {
    throw new Error(`cannot open the PGlite database in ${dataDir}: ${messageOf(err)}`, { cause: err });
  }
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    query: async (sql, params) => (await q.query<Row>(sql, params ? [...params] : [])).rows,
    exec: async (sql) => {
      await q.exec(sql);
    },
  });
  // One session: the schema and search_path are set once, before any other query.
  if (schema !== undefined) await pgl.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema};`);
  return {
    ...wrap(pgl),
    transaction: (fn) => pgl.transaction((tx) => fn(wrap(tx))),
    close: () => pgl.close(),
  };
}

async function openPostgres(databaseUrl: string, schema: string | undefined): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    // Every pooled connection starts with the schema on its search_path.
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
    connectionTimeoutMillis: 15_000,
  });
  // An idle connection that dies (server restart) is dropped from the pool; the next query reconnects.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => {});
    throw new Error(`cannot connect to PostgreSQL at ${redact(databaseUrl)}: ${messageOf(err)}`, { cause: err });
  }
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    query: async (sql, params) => (await q.query(sql, params ? [...params] : [])).rows as Row[],
    exec: async (sql) => {
      await q.query(sql); // no parameters: the simple protocol, several statements allowed
    },
  });
  return {
    ...wrap(pool),
    transaction: async (fn) => {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw err;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

/** The URL without its password, for error messages. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(an unparsable database URL)';
  }
}

// --- migrations ----------------------------------------------------------------------------

async function migrate(db: Db, schema: string | undefined): Promise<void> {
  // An advisory lock per schema: two servers starting at once apply each migration once.
  const lockKey = `backchannel_migrations:${schema ?? ''}`;
  const lock = (tx: Queryable) => tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockKey]);
  const applied = await db.transaction(async (tx) => {
    await lock(tx);
    if (schema !== undefined) await tx.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS backchannel_migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const rows = await tx.query('SELECT version FROM backchannel_migrations');
    return new Set(rows.map((r) => Number(r.version)));
  });
  for (const [i, sql] of MIGRATIONS.entries()) {
    const version = i + 1;
    if (applied.has(version)) continue;
    await db.transaction(async (tx) => {
      await lock(tx);
      const done = await tx.query('SELECT 1 FROM backchannel_migrations WHERE version = $1', [version]);
      if (done.length > 0) return; // another process got there first
      try {
        await tx.exec(sql);
      } catch (err) {
        throw new Error(`migration ${version} failed: ${messageOf(err)}`, { cause: err });
      }
      await tx.query('INSERT INTO backchannel_migrations (version, applied_at) VALUES ($1, now())', [version]);
    });
  }
}

// --- in a worker thread --------------------------------------------------------------------

/** An Error as it crosses the thread boundary (its cause, maybe not cloneable, stays behind). */
export interface SentError {
  message: string;
  name: string;
  stack?: string;
  code?: string;
}
/** The main thread to the worker. */
export interface StoreCall {
  id: number;
  method: Exclude<keyof Store, 'kind'>;
  args: unknown[];
}
/** The worker to the main thread: first `ready` or `failed` (opening), then one reply per call. */
export type StoreReply =
  | { type: 'ready' }
  | { type: 'failed'; error: SentError }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: SentError };

export function sendError(err: unknown): SentError {
  if (!(err instanceof Error)) return { message: String(err), name: 'Error' };
  const code = (err as { code?: unknown }).code;
  return {
    message: err.message,
    name: err.name,
    ...(err.stack !== undefined ? { stack: err.stack } : {}),
    ...(typeof code === 'string' ? { code } : {}),
  };
}

function receiveError(e: SentError): Error {
  const err = new Error(e.message);
  if (e.name !== 'Error') err.name = e.name;
  if (e.code !== undefined) (err as Error & { code?: string }).code = e.code;
  if (e.stack) err.stack = `${err.stack}\n    --- in the database worker ---\n${e.stack}`;
  return err;
}

/**
 * This module's file. Under a test runner that transforms modules for a browser-like environment,
 * `import.meta.url` can name the file from the project's root (`/src/server/store.ts`); it is then
 * looked up from the working directory.
 */
function thisFile(): string {
  const url = new URL(import.meta.url);
  const path = url.protocol === 'file:' ? fileURLToPath(url) : decodeURIComponent(url.pathname);
  return existsSync(path) ? path : join(process.cwd(), decodeURIComponent(url.pathname));
}

const WORKER_URL = pathToFileURL(join(dirname(thisFile()), `storeWorker${thisFile().endsWith('.ts') ? '.ts' : '.js'}`));

/**
 * The worker's entry. Loader hooks are not inherited by workers, and on Node 20 neither `--import tsx`
 * in the worker's execArgv nor tsx's own flags apply to a worker's modules: a TypeScript worker starts
 * from a small ES module (a data: URL) that registers tsx in the worker, then imports storeWorker.ts.
 */
function workerEntry(): URL {
  if (!WORKER_URL.pathname.endsWith('.ts')) return WORKER_URL;
  // tsx's ES module API (its CommonJS build cannot register the ESM hooks from here).
  const tsxPackage = createRequire(thisFile()).resolve('tsx/package.json');
  const api = JSON.parse(readFileSync(tsxPackage, 'utf8')).exports['./esm/api'].import.default as string;
  const tsxApi = pathToFileURL(join(dirname(tsxPackage), api)).href;
  const code = `import { register } from ${JSON.stringify(tsxApi)};\nregister();\nawait import(${JSON.stringify(WORKER_URL.href)});\n`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

async function openInWorker(opts: Omit<StoreOptions, 'worker'>): Promise<Store> {
  const worker = new Worker(workerEntry(), { workerData: opts });
  // Like the in-thread store, the worker keeps the process alive only while a call (or the opening) is pending.
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let stopped: Error | null = null; // set once the worker is gone
  let lastError: unknown = null;
  let closed = false;
  let closing: Promise<void> | null = null;
  let opening: { resolve: () => void; reject: (e: Error) => void } | null = null;

  const stop = (reason: string) => {
    if (stopped) return;
    stopped = new Error(`the database worker stopped: ${reason}`);
    for (const p of pending.values()) p.reject(stopped);
    pending.clear();
    opening?.reject(stopped);
    opening = null;
  };
  worker.on('message', (m: StoreReply) => {
    if (m.type === 'ready') {
      opening?.resolve();
      opening = null;
      return;
    }
    if (m.type === 'failed') {
      opening?.reject(receiveError(m.error));
      opening = null;
      return;
    }
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (pending.size === 0) worker.unref();
    if (m.ok) p.resolve(m.value);
    else p.reject(receiveError(m.error));
  });
  worker.on('error', (err) => {
    lastError = err;
  });
  worker.on('exit', (code) => {
    stop(
      lastError !== null
        ? `${lastError instanceof Error ? lastError.message : String(lastError)}`
        : closed
          ? 'the store was closed'
          : `it exited with code ${code}`,
    );
  });
  worker.on('messageerror', (err) => {
    lastError = err;
    void worker.terminate();
  });

  try {
    await new Promise<void>((resolve, reject) => {
      opening = { resolve, reject };
    });
  } catch (err) {
    await worker.terminate().catch(() => {});
    throw err;
  }
  worker.unref();

  const call = (method: StoreCall['method'], args: unknown[]): Promise<unknown> => {
    if (closed) return Promise.reject(new Error('the store is closed'));
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    const message: StoreCall = { id, method, args };
    return new Promise((resolve, reject) => {
      try {
        worker.postMessage(message);
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err))); // not cloneable: nothing was sent
        return;
      }
      if (pending.size === 0) worker.ref();
      pending.set(id, { resolve, reject });
    });
  };

  const store: Store = {
    kind: 'pglite',
    createTable: async (t) => void (await call('createTable', [t])),
    appendTurns: async (code, turns) => void (await call('appendTurns', [code, turns])),
    appendBatches: async (batches) => {
      const results = (await call('appendBatches', [batches])) as (SentError | null)[];
      return results.map((e) => (e === null ? null : receiveError(e)));
    },
    updateTable: async (code, patch) => void (await call('updateTable', [code, patch])),
    getTable: async (code) => (await call('getTable', [code])) as TableRecord | null,
    openTables: async () => (await call('openTables', [])) as TableRecord[],
    turns: async (code) => (await call('turns', [code])) as StoredTurn[],
    createClass: async (c) => void (await call('createClass', [c])),
    updateClass: async (code, patch) => void (await call('updateClass', [code, patch])),
    getClass: async (code) => (await call('getClass', [code])) as ClassRecord | null,
    openClasses: async () => (await call('openClasses', [])) as ClassRecord[],
    classTables: async (code) => (await call('classTables', [code])) as TableRecord[],
    deleteClass: async (code) => (await call('deleteClass', [code])) as boolean,
    close() {
      closing ??= (async () => {
        if (stopped) throw stopped;
        const done = call('close', []);
        closed = true; // later calls are refused; this one is on its way
        try {
          await done;
        } finally {
          await worker.terminate();
        }
      })();
      return closing;
    },
  };
  // For tests only (not part of Store, not enumerable): end the worker as a crash would.
  Object.defineProperty(store, 'terminateForTest', { value: () => worker.terminate().then(() => undefined), enumerable: false });
  return store;
}

// --- the store -----------------------------------------------------------------------------

const TABLE_COLUMNS =
  'code, scenario_id, scenario_sha, seed, settings, host_side, seat_tokens, names, takeovers, created_at, ended_at, final, class_code';
const CLASS_COLUMNS = 'code, title, scenario_id, scenario_sha, options, teacher_hash, teams, created_at, ended_at';

function makeStore(kind: Store['kind'], db: Db): Store {
  let closed = false;
  const live = (): Db => {
    if (closed) throw new Error('the store is closed');
    return db;
  };

  return {
    kind,

    async createTable(t) {
      const code = t.code;
      if (typeof code !== 'string' || code === '') throw new Error('a table needs a non-empty code');
      checkParties(t);
      const rows = await jsonGuard(code, 'its settings, seat tokens or names', () =>
        live().query(
          `INSERT INTO tables (code, scenario_id, scenario_sha, seed, settings, host_side, seat_tokens, names, takeovers, class_code)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::jsonb, $8::jsonb, '[]'::jsonb, $9)
           ON CONFLICT (code) DO NOTHING
           RETURNING code`,
          [code, t.scenarioId, t.scenarioSha, t.seed, json(t.settings), t.hostSide, json(t.seatTokens), json(t.names), t.classCode ?? null],
        ),
      );
      if (rows.length === 0) throw new Error(`table ${code} already exists`);
    },

    async appendBatches(batches) {
      const results: (Error | null)[] = batches.map(() => null);
      const valid = batches.map((b, i) => {
        try {
          for (const t of b.turns) checkTurn(b.code, t);
          return true;
        } catch (err) {
          results[i] = err instanceof Error ? err : new Error(String(err));
          return false;
        }
      });
      const work = batches.filter((b, i) => valid[i] && b.turns.length > 0);
      if (work.length === 0) return results;
      // The fast path: every new turn of every table in ONE statement, which is its own transaction
      // (one round trip to the database, not BEGIN, INSERT and COMMIT). It inserts all the rows or
      // none: none when any turn is already stored or comes twice, or names a table that does not
      // exist or a side that is not the table's; the statement fails outright on a string jsonb refuses. Then
      // the group goes down the slow path below, where each table stands alone.
      const rows = work.flatMap((b) =>
        b.turns.map((t) => ({ code: b.code, turn: t.turn, side: t.side, action: t.action, checksum: t.checksum })),
      );
      const fast = await live()
        .query(
          `WITH r AS (
             SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(code text, turn int, side text, action jsonb, checksum text)
           ), bad AS (
             SELECT 1 FROM r LEFT JOIN tables t ON t.code = r.code
             WHERE t.code IS NULL OR NOT (r.side = '${FACILITATOR}' OR jsonb_exists(t.seat_tokens, r.side))
             UNION ALL
             SELECT 1 FROM r JOIN turns s ON s.code = r.code AND s.turn = r.turn
             UNION ALL
             SELECT 1 FROM r GROUP BY r.code, r.turn HAVING count(*) > 1
           ), ins AS (
             INSERT INTO turns (code, turn, side, action, checksum)
             SELECT r.code, r.turn, r.side, r.action, r.checksum FROM r
             WHERE NOT EXISTS (SELECT 1 FROM bad)
             ON CONFLICT (code, turn) DO NOTHING
             RETURNING 1
           )
           SELECT count(*)::int AS n FROM ins`,
          [json(rows)],
        )
        .then(([row]) => Number(row?.n) === rows.length)
        .catch(() => false);
      if (fast) return results;
      await live().transaction(async (tx) => {
        for (const [i, b] of batches.entries()) {
          if (!valid[i] || b.turns.length === 0) continue;
          await tx.exec('SAVEPOINT batch');
          try {
            await appendInto(tx, b.code, b.turns);
            await tx.exec('RELEASE SAVEPOINT batch');
          } catch (err) {
            await tx.exec('ROLLBACK TO SAVEPOINT batch');
            results[i] = err instanceof Error ? err : new Error(String(err));
          }
        }
      });
      return results;
    },

    async appendTurns(code, turns) {
      for (const t of turns) checkTurn(code, t);
      await live().transaction((tx) => appendInto(tx, code, turns));
    },

    async updateTable(code, patch) {
      const sets: string[] = [];
      const params: unknown[] = [code];
      const set = (column: string, value: unknown, cast = '') => {
        params.push(value);
        sets.push(`${column} = $${params.length}${cast}`);
      };
      if (patch.seatTokens !== undefined) set('seat_tokens', json(patch.seatTokens), '::jsonb');
      if (patch.names !== undefined) set('names', json(patch.names), '::jsonb');
      if (patch.takeovers !== undefined) set('takeovers', json(patch.takeovers), '::jsonb');
      if (patch.endedAt !== undefined) {
        if (patch.endedAt !== null && !isIsoDate(patch.endedAt)) {
          throw new Error(`table ${code} cannot end at ${JSON.stringify(patch.endedAt)}: not an ISO 8601 date with a time zone`);
        }
        set('ended_at', patch.endedAt, '::timestamptz');
      }
      if (patch.final !== undefined) set('final', patch.final);
      const sql =
        sets.length > 0 ? `UPDATE tables SET ${sets.join(', ')} WHERE code = $1 RETURNING code` : 'SELECT code FROM tables WHERE code = $1';
      const rows = await jsonGuard(code, 'its seat tokens, names or takeovers', () => live().query(sql, params));
      if (rows.length === 0) throw new Error(`table ${code} does not exist`);
    },

    async getTable(code) {
      const [row] = await live().query(`SELECT ${TABLE_COLUMNS} FROM tables WHERE code = $1`, [code]);
      return row ? toRecord(row) : null;
    },

    async openTables() {
      const rows = await live().query(`SELECT ${TABLE_COLUMNS} FROM tables WHERE ended_at IS NULL ORDER BY seq`);
      return rows.map(toRecord);
    },

    async turns(code) {
      const rows = await live().query('SELECT turn, side, action, checksum FROM turns WHERE code = $1 ORDER BY turn', [code]);
      return rows.map((r) => ({ turn: Number(r.turn), side: r.side as Seat, action: r.action, checksum: String(r.checksum) }));
    },

    async createClass(c) {
      if (typeof c.code !== 'string' || c.code === '') throw new Error('a class needs a non-empty code');
      const rows = await jsonGuard(c.code, 'its options or teams', () =>
        live().query(
          `INSERT INTO classes (code, title, scenario_id, scenario_sha, options, teacher_hash, teams)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::jsonb)
           ON CONFLICT (code) DO NOTHING
           RETURNING code`,
          [c.code, c.title, c.scenarioId, c.scenarioSha, json(c.options), c.teacherHash, json(c.teams)],
        ),
      );
      if (rows.length === 0) throw new Error(`class ${c.code} already exists`);
    },

    async updateClass(code, patch) {
      const sets: string[] = [];
      const params: unknown[] = [code];
      const set = (column: string, value: unknown, cast = '') => {
        params.push(value);
        sets.push(`${column} = $${params.length}${cast}`);
      };
      if (patch.teams !== undefined) set('teams', json(patch.teams), '::jsonb');
      if (patch.endedAt !== undefined) {
        if (patch.endedAt !== null && !isIsoDate(patch.endedAt))
          throw new Error(`class ${code} cannot end at ${JSON.stringify(patch.endedAt)}: not an ISO 8601 date with a time zone`);
        set('ended_at', patch.endedAt, '::timestamptz');
      }
      const sql =
        sets.length > 0
          ? `UPDATE classes SET ${sets.join(', ')} WHERE code = $1 RETURNING code`
          : 'SELECT code FROM classes WHERE code = $1';
      const rows = await jsonGuard(code, 'its teams', () => live().query(sql, params));
      if (rows.length === 0) throw new Error(`class ${code} does not exist`);
    },

    async getClass(code) {
      const [row] = await live().query(`SELECT ${CLASS_COLUMNS} FROM classes WHERE code = $1`, [code]);
      return row ? toClassRecord(row) : null;
    },

    async openClasses() {
      const rows = await live().query(`SELECT ${CLASS_COLUMNS} FROM classes WHERE ended_at IS NULL ORDER BY seq`);
      return rows.map(toClassRecord);
    },

    async classTables(code) {
      const rows = await live().query(`SELECT ${TABLE_COLUMNS} FROM tables WHERE class_code = $1 ORDER BY seq`, [code]);
      return rows.map(toRecord);
    },

    async deleteClass(code) {
      // The tables go with their class (ON DELETE CASCADE), and their turns with them.
      const rows = await live().query('DELETE FROM classes WHERE code = $1 RETURNING code', [code]);
      return rows.length > 0;
    },

    async close() {
      if (closed) return;
      closed = true;
      await db.close();
    },
  };
}

function checkTurn(code: string, t: StoredTurn): void {
  if (!Number.isInteger(t.turn) || t.turn < 0 || t.turn > MAX_INT) {
    throw new Error(`table ${code} cannot store turn ${JSON.stringify(t.turn)}: a turn is a non-negative 32-bit integer`);
  }
  if (typeof t.side !== 'string' || !PARTY_ID_PATTERN.test(t.side)) throw new Error(invalidSide(code, t));
  if (typeof t.checksum !== 'string') throw new Error(`turn ${t.turn} of table ${code} has no checksum`);
  if (t.action === undefined) throw new Error(`turn ${t.turn} of table ${code} has no action`);
}

function invalidSide(code: string, t: StoredTurn): string {
  return `turn ${t.turn} of table ${code} has an invalid side ${JSON.stringify(t.side)}`;
}

/**
 * A new table's seats: its seat tokens and names keyed by the same two party ids (its scenario's,
 * as the room built them), its settings naming a controller for each, and the host at one of them.
 */
function checkParties(t: NewTable): void {
  const parties = t.seatTokens && typeof t.seatTokens === 'object' ? Object.keys(t.seatTokens) : [];
  const problem =
    parties.length !== 2 || !parties.every((p) => PARTY_ID_PATTERN.test(p))
      ? `needs seat tokens for two parties (has ${JSON.stringify(parties)})`
      : !t.names || Object.keys(t.names).length !== 2 || !parties.every((p) => p in t.names)
        ? `has names for other seats than its parties ${parties.join(' and ')}`
        : !parties.every((p) => typeof t.settings?.[p] === 'string')
          ? `has settings without a controller for each of its parties ${parties.join(' and ')}`
          : !parties.includes(t.hostSide)
            ? `has an invalid host side ${JSON.stringify(t.hostSide)}: its parties are ${parties.join(' and ')}`
            : null;
  if (problem) throw new Error(`table ${t.code} ${problem}`);
}

/** JSON text for a `$n::jsonb` parameter: both drivers pass strings through unchanged. */
function json(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new Error(`cannot store ${typeof value} as JSON`);
  return text;
}

/** jsonb refuses \u0000 and lone surrogates in strings (SQLSTATE 22P05, 22P02): say which table and field. */
async function jsonGuard<T>(code: string, what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const sqlState = (err as { code?: unknown }).code;
    if (sqlState === '22P05' || sqlState === '22P02') {
      throw new Error(`table ${code} cannot store ${what}: ${messageOf(err)} (jsonb refuses \\u0000 and lone surrogates in strings)`, {
        cause: err,
      });
    }
    throw err;
  }
}

function isIsoDate(s: unknown): s is string {
  return typeof s === 'string' && ISO_DATE.test(s) && !Number.isNaN(Date.parse(s));
}

function isoOf(v: unknown): string {
  return (v instanceof Date ? v : new Date(String(v))).toISOString();
}

function toRecord(r: Row): TableRecord {
  return {
    code: String(r.code),
    scenarioId: String(r.scenario_id),
    scenarioSha: String(r.scenario_sha),
    seed: String(r.seed),
    settings: r.settings as Settings,
    hostSide: r.host_side as Side,
    seatTokens: r.seat_tokens as Record<Side, string | null>,
    names: r.names as Record<Side, string | null>,
    takeovers: r.takeovers as Takeover[],
    createdAt: isoOf(r.created_at),
    endedAt: r.ended_at === null || r.ended_at === undefined ? null : isoOf(r.ended_at),
    final: r.final === null || r.final === undefined ? null : String(r.final),
    classCode: r.class_code === null || r.class_code === undefined ? null : String(r.class_code),
  };
}

function toClassRecord(r: Row): ClassRecord {
  return {
    code: String(r.code),
    title: String(r.title),
    scenarioId: String(r.scenario_id),
    scenarioSha: String(r.scenario_sha),
    options: r.options as Record<string, unknown>,
    teacherHash: String(r.teacher_hash),
    teams: r.teams as ClassTeam[],
    createdAt: isoOf(r.created_at),
    endedAt: r.ended_at === null || r.ended_at === undefined ? null : isoOf(r.ended_at),
  };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
