// The two databases the server tests run on: PGlite in memory, and PostgreSQL on 127.0.0.1 in a
// schema of this file's own (dropped when the file is done); and a server per describe block.
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type RunningServer, type ServerOptions, startServer } from '../../src/server/server';
import type { StoreOptions } from '../../src/server/store';

export const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** Both databases, as options a server or a store takes; call at the top of a test file (it registers the schema's removal). */
export function serverBackends(): { name: string; opts: ServerOptions & StoreOptions }[] {
  const schema = `bc_test_${randomBytes(6).toString('hex')}`;
  afterAll(async () => {
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect().catch(() => undefined);
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await client.end().catch(() => undefined);
  });
  return [
    { name: 'PGlite (embedded)', opts: { dataDir: 'memory://' } },
    { name: 'PostgreSQL on 127.0.0.1', opts: { databaseUrl: DATABASE_URL, schema } },
  ];
}

/**
 * A server on a free port of 127.0.0.1 for the enclosing describe block: started before it, closed
 * after. The handle reads through to the running server once it has started.
 */
export function useServer(opts: ServerOptions): RunningServer {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startServer({ port: 0, host: '127.0.0.1', staticDir: null, log: () => undefined, ...opts });
  });
  afterAll(async () => {
    await server?.close();
  });
  const running = () => {
    if (!server) throw new Error('the server has not started (use it inside a test)');
    return server;
  };
  return {
    get url() {
      return running().url;
    },
    get port() {
      return running().port;
    },
    get host() {
      return running().host;
    },
    get store() {
      return running().store;
    },
    get restored() {
      return running().restored;
    },
    close: () => running().close(),
  };
}

/**
 * Redis at `url` must be there: a clear failure of every test of the file, never a skip (a failing
 * beforeAll would mark them skipped, so the reason is kept and each test fails with it). Empties the
 * URL's database and the `others` given, which the file's tests use.
 */
export function needsRedis(url: string, others: readonly number[] = []): void {
  let unreachable: Error | null = null;
  beforeEach(() => {
    if (unreachable) throw unreachable;
  });
  beforeAll(async () => {
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null, connectTimeout: 3000 });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      await redis.flushdb();
      for (const db of others) {
        await redis.select(db);
        await redis.flushdb();
      }
    } catch (e) {
      unreachable = new Error(
        `redis-server is not reachable at ${url} (${e instanceof Error ? e.message : String(e)}): start it; .ci/run does`,
      );
    } finally {
      redis.disconnect();
    }
  });
}
