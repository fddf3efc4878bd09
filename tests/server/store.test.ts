// The server's database layer, the same suite on PGlite (in memory and in a directory) and on a real
// PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test) in a fresh schema per run.
// The PostgreSQL run fails, never skips, when the server cannot be reached.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../src/core/types';
import { MIGRATIONS, type NewTable, openStore, type Store, type StoredTurn, type StoreOptions } from '../../src/server/store';
import { tempDir } from '../support/tempDir';

const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const PG_SCHEMA = `bc_test_${randomBytes(6).toString('hex')}`;
const PGLITE_DIR = `${tempDir('store')}/db`; // a subfolder: openStore creates it

interface Backend {
  name: string;
  opts: StoreOptions;
  /** Data outlives close(): the store can be reopened. */
  persistent: boolean;
  /** Rows of backchannel_migrations, read outside the store (while it is closed, for PGlite). */
  migrations?: () => Promise<{ version: number; applied_at: Date }[]>;
  cleanup?: () => Promise<void>;
}

const backends: Backend[] = [
  { name: 'PGlite in memory', opts: { dataDir: 'memory://' }, persistent: false },
  { name: 'PGlite in memory, in a worker', opts: { dataDir: 'memory://', worker: true }, persistent: false },
  {
    name: 'PGlite in a directory',
    opts: { dataDir: PGLITE_DIR },
    persistent: true,
    migrations: async () => {
      const db = new PGlite(PGLITE_DIR);
      try {
        return (
          await db.query<{ version: number; applied_at: Date }>('SELECT version, applied_at FROM backchannel_migrations ORDER BY version')
        ).rows;
      } finally {
        await db.close();
      }
    },
  },
  {
    name: 'PostgreSQL',
    opts: { databaseUrl: DATABASE_URL, schema: PG_SCHEMA },
    persistent: true,
    migrations: async () => {
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      try {
        return (await client.query(`SELECT version, applied_at FROM ${PG_SCHEMA}.backchannel_migrations ORDER BY version`)).rows;
      } finally {
        await client.end();
      }
    },
    cleanup: async () => {
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${PG_SCHEMA} CASCADE`);
      } finally {
        await client.end();
      }
    },
  },
];

const settings: Settings = { us: 'human', iran: 'ai:hardliner', difficulty: 'normal' };

function newTable(code: string, extra: Partial<NewTable> = {}): NewTable {
  return {
    code,
    scenarioId: 'muscat-2025',
    scenarioSha: 'ab'.repeat(32),
    seed: 'seed-1',
    settings,
    hostSide: 'us',
    seatTokens: { us: 'cd'.repeat(32), iran: null },
    names: { us: 'Ana', iran: null },
    ...extra,
  };
}

function turn(n: number, action: unknown = { type: 'accept-agenda', n }, side: StoredTurn['side'] = n % 2 ? 'iran' : 'us'): StoredTurn {
  return { turn: n, side, action, checksum: `c${n.toString(16).padStart(15, '0')}` };
}

// Plain JSON that a careless layer would bend: nesting, unicode, big and fractional numbers, empty containers.
const awkward = {
  type: 'propose',
  terms: { enrichment: '3.67%', 'sanctions.relief': 'phased', '': 'empty key' },
  numbers: [0, -1, 1.5, 1e21, 2 ** 53, -0.000123, Number.MAX_SAFE_INTEGER],
  text: 'Muscat — مسقط — 😀 "quoted" \\ back\nslash',
  nested: { a: [[], {}, [null, true, false]], b: null },
  reason: '',
};

let codeCounter = 0;
/** A code unique to this run and backend, in the game's format. */
function freshCode(): string {
  codeCounter += 1;
  return `T${codeCounter.toString(36).toUpperCase().padStart(3, '0')}-${randomBytes(2).toString('hex').toUpperCase()}`;
}

describe.each(backends)('store on $name', (backend) => {
  let store: Store;
  let openError: unknown = null;

  beforeAll(async () => {
    try {
      store = await openStore(backend.opts);
    } catch (err) {
      openError = err;
    }
  });
  // An unreachable server fails every test of this block with openStore's message: none is skipped.
  beforeEach(() => {
    if (openError) throw openError;
  });
  afterAll(async () => {
    if (openError) return;
    await store.close();
    await backend.cleanup?.();
  });

  it('says which kind it is', () => {
    expect(store.kind).toBe(backend.opts.databaseUrl ? 'postgres' : 'pglite');
  });

  it('round-trips a table, JSON fields exactly', async () => {
    const code = freshCode();
    const t = newTable(code, { settings: { us: 'script:a b', iran: 'random', difficulty: 'hard ☕' } });
    const before = Date.now();
    await store.createTable(t);
    const got = await store.getTable(code);
    expect(got).toEqual({ ...t, takeovers: [], createdAt: expect.any(String), endedAt: null, final: null, classCode: null });
    expect(got!.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Date.parse(got!.createdAt)).toBeGreaterThanOrEqual(before - 5_000);
    expect(Date.parse(got!.createdAt)).toBeLessThanOrEqual(Date.now() + 5_000);
    expect(await store.getTable('NONE-NONE')).toBeNull();
  });

  it('refuses a duplicate code and keeps the first table', async () => {
    const code = freshCode();
    await store.createTable(newTable(code));
    await expect(store.createTable(newTable(code, { seed: 'other' }))).rejects.toThrow(`table ${code} already exists`);
    expect((await store.getTable(code))!.seed).toBe('seed-1');
  });

  it('appends turns and returns them in turn order, actions exactly', async () => {
    const code = freshCode();
    await store.createTable(newTable(code));
    await store.appendTurns(code, [turn(0), turn(1, awkward)]);
    await store.appendTurns(code, [turn(3, 'a bare string', 'facilitator'), turn(2, null)]);
    await store.appendTurns(code, [turn(4, [1, 'two', { three: 3 }]), turn(5, 42)]);
    await store.appendTurns(code, []);
    expect(await store.turns(code)).toEqual([
      turn(0),
      turn(1, awkward),
      turn(2, null),
      turn(3, 'a bare string', 'facilitator'),
      turn(4, [1, 'two', { three: 3 }]),
      turn(5, 42),
    ]);
    expect(await store.turns('NONE-NONE')).toEqual([]);
  });

  it('re-appending identical turns is a no-op', async () => {
    const code = freshCode();
    await store.createTable(newTable(code));
    await store.appendTurns(code, [turn(0), turn(1, awkward)]);
    // The same action with its keys in another order is the same action.
    const reordered = Object.fromEntries(Object.entries(awkward).reverse());
    await store.appendTurns(code, [turn(0), turn(1, reordered), turn(2)]);
    await store.appendTurns(code, [turn(2), turn(2)]);
    expect(await store.turns(code)).toEqual([turn(0), turn(1, awkward), turn(2)]);
  });

  it('refuses a conflicting re-append, naming the turn and table', async () => {
    const code = freshCode();
    await store.createTable(newTable(code));
    await store.appendTurns(code, [turn(0), turn(1)]);
    await expect(store.appendTurns(code, [turn(1, { type: 'walk-out' })])).rejects.toThrow(
      `turn 1 of table ${code} was already stored with a different action`,
    );
    await expect(store.appendTurns(code, [{ ...turn(1), checksum: 'ffffffffffffffff' }])).rejects.toThrow(
      `turn 1 of table ${code} was already stored with a different checksum`,
    );
    await expect(store.appendTurns(code, [turn(1, undefined, 'us')])).rejects.toThrow(
      `turn 1 of table ${code} was already stored for a different side`,
    );
    // Two different turn 2s in one batch conflict with each other.
    await expect(store.appendTurns(code, [turn(2), turn(2, 'other')])).rejects.toThrow(`turn 2 of table ${code}`);
    expect(await store.turns(code)).toEqual([turn(0), turn(1)]);
  });

  it('appends several tables in one transaction, each table standing or falling alone', async () => {
    const [a, b, c] = [freshCode(), freshCode(), freshCode()];
    for (const code of [a, b, c]) await store.createTable(newTable(code));
    await store.appendTurns(b, [turn(0)]);
    const results = await store.appendBatches([
      { code: a, turns: [turn(0), turn(1)] },
      { code: b, turns: [turn(0, 'conflicting'), turn(1)] },
      { code: 'NONE-NONE', turns: [turn(0)] },
      { code: c, turns: [turn(0)] },
      { code: a, turns: [turn(2)] },
    ]);
    expect(results.map((r) => r?.message ?? null)).toEqual([
      null,
      `turn 0 of table ${b} was already stored with a different action`,
      'table NONE-NONE does not exist',
      null,
      null,
    ]);
    expect(await store.turns(a)).toEqual([turn(0), turn(1), turn(2)]);
    expect(await store.turns(b)).toEqual([turn(0)]);
    expect(await store.turns(c)).toEqual([turn(0)]);
  });

  it('a group of new turns goes in whole; one bad turn anywhere leaves the others to stand alone', async () => {
    const [a, b, c] = [freshCode(), freshCode(), freshCode()];
    for (const code of [a, b, c]) await store.createTable(newTable(code));
    // Every turn new and valid: all stored at once.
    expect(
      await store.appendBatches([
        { code: a, turns: [turn(0), turn(1)] },
        { code: b, turns: [turn(0)] },
      ]),
    ).toEqual([null, null]);
    // A side that is not the table's, beside a good table and a table with a good turn after it.
    const results = await store.appendBatches([
      { code: a, turns: [turn(2), turn(3, undefined, 'mars')] },
      { code: c, turns: [turn(0)] },
      { code: b, turns: [turn(1)] },
    ]);
    expect(results.map((r) => r?.message ?? null)).toEqual([expect.stringContaining('mars'), null, null]);
    expect((await store.turns(a)).map((t) => t.turn)).toEqual([0, 1]);
    expect(await store.turns(b)).toEqual([turn(0), turn(1)]);
    expect(await store.turns(c)).toEqual([turn(0)]);
    // The same turn twice in a group: neither is stored.
    const twice = await store.appendBatches([{ code: b, turns: [turn(2), turn(2, 'other')] }]);
    expect(twice[0]?.message).toContain(`turn 2 of table ${b}`);
    expect(await store.turns(b)).toEqual([turn(0), turn(1)]);
    // Re-sending turns already stored is a no-op, with a new one beside them.
    expect(await store.appendBatches([{ code: c, turns: [turn(0), turn(1)] }])).toEqual([null]);
    expect(await store.turns(c)).toEqual([turn(0), turn(1)]);
  });

  it('stores nothing of a batch that has a conflict', async () => {
    const code = freshCode();
    await store.createTable(newTable(code));
    await store.appendTurns(code, [turn(0), turn(1)]);
    const batch = [turn(2), turn(3), turn(1, 'conflicting'), turn(4)];
    await expect(store.appendTurns(code, batch)).rejects.toThrow(`turn 1 of table ${code} was already stored with a different action`);
    expect(await store.turns(code)).toEqual([turn(0), turn(1)]);
    // The store is still usable after the rolled-back transaction.
    await store.appendTurns(code, [turn(2), turn(3)]);
    expect((await store.turns(code)).map((t) => t.turn)).toEqual([0, 1, 2, 3]);
  });

  it('refuses turns for an unknown table and malformed turns', async () => {
    await expect(store.appendTurns('NONE-NONE', [turn(0)])).rejects.toThrow('table NONE-NONE does not exist');
    const code = freshCode();
    await store.createTable(newTable(code));
    await expect(store.appendTurns(code, [turn(-1)])).rejects.toThrow(`table ${code} cannot store turn -1`);
    await expect(store.appendTurns(code, [turn(1.5)])).rejects.toThrow(`table ${code} cannot store turn 1.5`);
    await expect(store.appendTurns(code, [{ ...turn(0), side: 'mediator' }])).rejects.toThrow(
      `turn 0 of table ${code} has an invalid side "mediator"`,
    );
    await expect(store.appendTurns(code, [{ ...turn(0), action: undefined }])).rejects.toThrow(`turn 0 of table ${code} has no action`);
    // jsonb cannot hold U+0000: a clear error, not a driver one.
    await expect(store.appendTurns(code, [turn(0, { reason: 'a\u0000b' })])).rejects.toThrow(
      `table ${code} cannot store the action of turn 0`,
    );
    expect(await store.turns(code)).toEqual([]);
  });

  it('patches a table field by field', async () => {
    const code = freshCode();
    await store.createTable(newTable(code));
    const original = (await store.getTable(code))!;

    await store.updateTable(code, { seatTokens: { us: 'cd'.repeat(32), iran: 'ef'.repeat(32) }, names: { us: 'Ana', iran: 'Dariush' } });
    let got = (await store.getTable(code))!;
    expect(got.seatTokens).toEqual({ us: 'cd'.repeat(32), iran: 'ef'.repeat(32) });
    expect(got.names).toEqual({ us: 'Ana', iran: 'Dariush' });
    expect(got.takeovers).toEqual([]);

    const takeovers = [
      { afterTurn: 7, settings: { us: 'human', iran: 'human', difficulty: 'normal' } },
      { afterTurn: 12, settings: { us: 'ai:dove', iran: 'human', difficulty: 'normal' } },
    ] satisfies { afterTurn: number; settings: Settings }[];
    await store.updateTable(code, { takeovers, seatTokens: { us: null, iran: 'ef'.repeat(32) } });
    got = (await store.getTable(code))!;
    expect(got.takeovers).toEqual(takeovers);
    expect(got.seatTokens).toEqual({ us: null, iran: 'ef'.repeat(32) });
    expect(got.names).toEqual({ us: 'Ana', iran: 'Dariush' });

    const endedAt = '2025-04-12T10:30:00.123Z';
    await store.updateTable(code, { endedAt, final: '0123456789abcdef' });
    got = (await store.getTable(code))!;
    expect(got).toEqual({
      ...original,
      seatTokens: { us: null, iran: 'ef'.repeat(32) },
      names: { us: 'Ana', iran: 'Dariush' },
      takeovers,
      endedAt,
      final: '0123456789abcdef',
    });
    // Another zone is the same instant, given back in UTC.
    await store.updateTable(code, { endedAt: '2025-04-12T14:30:00.123+04:00' });
    expect((await store.getTable(code))!.endedAt).toBe(endedAt);

    await store.updateTable(code, { endedAt: null, final: null });
    got = (await store.getTable(code))!;
    expect([got.endedAt, got.final]).toEqual([null, null]);
    await store.updateTable(code, {});
    expect(await store.getTable(code)).toEqual(got);

    await expect(store.updateTable(code, { endedAt: 'yesterday' })).rejects.toThrow(`table ${code} cannot end at "yesterday"`);
    await expect(store.updateTable('NONE-NONE', { final: 'x' })).rejects.toThrow('table NONE-NONE does not exist');
    await expect(store.updateTable('NONE-NONE', {})).rejects.toThrow('table NONE-NONE does not exist');
  });

  it('lists open tables oldest first, without ended ones', async () => {
    const codes = [freshCode(), freshCode(), freshCode(), freshCode()];
    // Created in this order, in the same millisecond more often than not.
    for (const code of codes) await store.createTable(newTable(code));
    await store.updateTable(codes[2]!, { endedAt: new Date().toISOString(), final: 'f' });
    const open = (await store.openTables()).map((t) => t.code);
    const ours = open.filter((c) => codes.includes(c));
    expect(ours).toEqual([codes[0], codes[1], codes[3]]);
    // Earlier tests' tables come before these, and no open table has ended.
    expect(open.slice(-3)).toEqual(ours);
    for (const t of await store.openTables()) expect(t.endedAt).toBeNull();
  });

  it('keeps a class with its teams and tables, ends it, and deletes it with its tables and their turns', async () => {
    const code = freshCode();
    const team = { id: 't1', name: 'Owls ☕', tokenHash: 'a'.repeat(64), table: null, side: null, joinedAt: new Date().toISOString() };
    await store.createClass({
      code,
      title: 'Period 3',
      scenarioId: 'muscat-2026',
      scenarioSha: 'f'.repeat(64),
      options: { formation: 'teams', seedPolicy: 'same', seed: 's' },
      teacherHash: 'b'.repeat(64),
      teams: [team],
    });
    await expect(store.createClass({ ...(await store.getClass(code))!, teams: [] })).rejects.toThrow(/already exists/);
    expect(await store.getClass(code)).toMatchObject({ code, title: 'Period 3', teams: [team], endedAt: null });
    expect((await store.openClasses()).map((c) => c.code)).toContain(code);
    const table = freshCode();
    await store.createTable({ ...newTable(table), classCode: code });
    await store.appendTurns(table, [{ turn: 0, side: 'facilitator', action: { type: 'pause', paused: true }, checksum: 'c0' }]);
    expect((await store.classTables(code)).map((t) => [t.code, t.classCode])).toEqual([[table, code]]);
    await store.updateClass(code, { teams: [{ ...team, table, side: 'us' }], endedAt: new Date().toISOString() });
    expect((await store.getClass(code))?.teams[0]).toMatchObject({ table, side: 'us' });
    expect((await store.openClasses()).map((c) => c.code)).not.toContain(code);
    await expect(store.updateClass('NONE-NONE', { endedAt: null })).rejects.toThrow(/does not exist/);
    expect(await store.deleteClass(code)).toBe(true);
    expect(await store.getClass(code)).toBeNull();
    expect(await store.getTable(table)).toBeNull();
    expect(await store.turns(table)).toEqual([]);
    expect(await store.deleteClass(code)).toBe(false);
  });

  it('refuses a bad schema name', async () => {
    for (const schema of ['Bad', 'bad-name', '1abc', 'a'.repeat(42), 'x; DROP TABLE tables', '', 'pg_catalog']) {
      await expect(openStore({ ...backend.opts, schema })).rejects.toThrow(/schema name .* is not valid/);
    }
  });

  // The in-memory database cannot be read from outside the store.
  const readMigrations = backend.migrations;
  if (readMigrations) {
    it('records each migration once', async () => {
      if (backend.opts.dataDir) await store.close(); // one PGlite per directory at a time
      const rows = await readMigrations();
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
      if (backend.opts.dataDir) store = await openStore(backend.opts);
    });
  }

  if (backend.persistent) {
    it('keeps everything across close() and reopening, without re-running migrations', async () => {
      const code = freshCode();
      await store.createTable(newTable(code));
      await store.appendTurns(code, [turn(0), turn(1, awkward), turn(2, 'x', 'facilitator')]);
      await store.updateTable(code, { takeovers: [{ afterTurn: 1, settings }], names: { us: 'Ana', iran: 'Reza' } });
      const table = await store.getTable(code);
      const turns = await store.turns(code);
      const open = await store.openTables();
      await store.close();
      await store.close(); // idempotent
      await expect(store.getTable(code)).rejects.toThrow('the store is closed');

      const before = await backend.migrations!();
      store = await openStore(backend.opts);
      expect(await store.getTable(code)).toEqual(table);
      expect(await store.turns(code)).toEqual(turns);
      expect(await store.openTables()).toEqual(open);
      await store.appendTurns(code, [turn(2, 'x', 'facilitator'), turn(3)]);
      expect(await store.turns(code)).toEqual([...turns, turn(3)]);

      if (backend.opts.dataDir) await store.close();
      const after = await backend.migrations!();
      expect(after).toEqual(before); // same versions, same applied_at: nothing re-applied
      if (backend.opts.dataDir) store = await openStore(backend.opts);
    });
  }
});

describe('PGlite in a worker', () => {
  const FILE_DIR = tempDir('store-file');
  /** The proxy's test-only handle (not enumerable, not in Store): ends the worker as a crash would. */
  const kill = (store: Store) => (store as Store & { terminateForTest(): Promise<void> }).terminateForTest();

  it('a worker that stops makes every later call fail with a clear message', async () => {
    const store = await openStore({ dataDir: 'memory://', worker: true });
    expect(Object.keys(store)).not.toContain('terminateForTest');
    const code = freshCode();
    await store.createTable(newTable(code));
    expect((await store.getTable(code))!.code).toBe(code);
    await kill(store);
    const stopped = /^the database worker stopped: /;
    await expect(store.getTable(code)).rejects.toThrow(stopped);
    await expect(store.appendTurns(code, [turn(0)])).rejects.toThrow(stopped);
    await expect(store.appendBatches([{ code, turns: [turn(0)] }])).rejects.toThrow(stopped);
    await expect(store.close()).rejects.toThrow(stopped);
  });

  it("rebuilds errors, appendBatches' too, as Errors with the same message", async () => {
    const store = await openStore({ dataDir: 'memory://', worker: true });
    try {
      const code = freshCode();
      await store.createTable(newTable(code));
      const err = await store.createTable(newTable(code)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).message).toBe(`table ${code} already exists`);
      const [result] = await store.appendBatches([{ code: 'NONE-NONE', turns: [turn(0)] }]);
      expect(result).toBeInstanceOf(Error);
      expect(result!.message).toBe('table NONE-NONE does not exist');
    } finally {
      await store.close();
    }
    await expect(store.getTable('X')).rejects.toThrow('the store is closed');
  });

  it('an error opening the database comes back from the worker', async () => {
    const file = `${FILE_DIR}/a-file`;
    writeFileSync(file, 'not a directory');
    // The same message as without a worker.
    const direct = await openStore({ dataDir: file }).catch((e: unknown) => e);
    expect(direct).toBeInstanceOf(Error);
    await expect(openStore({ dataDir: file, worker: true })).rejects.toThrow((direct as Error).message);
  });
});

describe('PostgreSQL specifics', () => {
  const schema = `${PG_SCHEMA}_b`;
  let opened = false;
  afterAll(async () => {
    if (!opened) return; // nothing was created
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await client.end();
    }
  });

  it('two stores opening a fresh schema at once migrate it once', async () => {
    const stores = await Promise.all([1, 2, 3].map(() => openStore({ databaseUrl: DATABASE_URL, schema })));
    opened = true;
    try {
      const code = freshCode();
      await stores[0]!.createTable(newTable(code));
      await expect(stores[1]!.createTable(newTable(code))).rejects.toThrow(`table ${code} already exists`);
      await stores[2]!.appendTurns(code, [turn(0)]);
      expect(await stores[1]!.turns(code)).toEqual([turn(0)]);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('an unreachable server is a clear error', async () => {
    await expect(openStore({ databaseUrl: 'postgres://someone:secret@127.0.0.1:1/nowhere' })).rejects.toThrow(
      /^cannot connect to PostgreSQL at postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/nowhere: /,
    );
  });
});
