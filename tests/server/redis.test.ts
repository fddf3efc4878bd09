// Several server processes sharing their tables through Redis (Colyseus's RedisPresence and
// RedisDriver) and one PostgreSQL: a table created through one process is joined through the other,
// played to the end from both, and a restarted process does not take a table another one holds.
// Needs redis-server on 127.0.0.1:6379 and PostgreSQL on 127.0.0.1:5432 (`.ci/run` starts both): a
// missing service fails these tests, it never skips them.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyReplay } from '../../src/core/replay';
import { loadShipped } from '../support/scenarios';
import { serveProcess } from '../support/serveProcess';
import { needsRedis } from './backends';
import { createClass, joinClass, openConsole, waitFor } from './classClient';
import { createTable, joinTable, playToEnd, replayOf, type Seat } from './client';

const { scenario, sha256 } = loadShipped('muscat-2026');
const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379/7';
/** The class tests' processes share a Redis database each: the first test's processes (still running) are not theirs. */
const CLASS_REDIS_URL = `${REDIS_URL.replace(/\/\d+$/, '')}/6`;
const CLASSES_REDIS_URL = `${REDIS_URL.replace(/\/\d+$/, '')}/5`;
const SCHEMA = `bc_test_${randomBytes(6).toString('hex')}`;
/**
 * The class tests' processes each have a schema of their own as well: sharing the first test's, they
 * would restore its open tables at start, and those rooms would count against a process's capacity.
 */
const SPILL_SCHEMA = `${SCHEMA}_spill`;
const CLASSES_SCHEMA = `${SCHEMA}_classes`;
const children: ChildProcess[] = [];

// Redis must be there, and the databases of this file's tests start empty.
needsRedis(REDIS_URL, [6, 5]);

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect().catch(() => undefined);
  for (const schema of [SCHEMA, SPILL_SCHEMA, CLASSES_SCHEMA])
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
  await client.end().catch(() => undefined);
});

/** A server process on a free port, sharing this run's Redis database and PostgreSQL schema. */
const serve = (redisUrl = REDIS_URL, env: NodeJS.ProcessEnv = {}) =>
  serveProcess(['--port', '0'], children, { DATABASE_URL, DATABASE_SCHEMA: SCHEMA, REDIS_URL: redisUrl, ...env });

/**
 * A process of the class tests, which check where rooms are created. Colyseus gives a room it asks of
 * another process 2 s, then creates it itself (and the other process still does, later): on a loaded
 * machine that would put a room where placement did not, so these processes wait longer.
 */
const serveForClasses = (redisUrl: string, schema: string, env: NodeJS.ProcessEnv = {}) =>
  serve(redisUrl, { COLYSEUS_PRESENCE_SHORT_TIMEOUT: '20000', DATABASE_SCHEMA: schema, ...env });

/** What the processes said about a room asked of another one in vain (for a failing test's message). */
const ipcTrouble = (processes: Record<string, { output: () => string }>): string =>
  Object.entries(processes)
    .flatMap(([name, p]) =>
      p
        .output()
        .split('\n')
        .filter((l) => /timed out|ipc_timeout/.test(l))
        .map((l) => `${name}: ${l}`),
    )
    .join('\n') || 'no room request timed out';

/** Where a class or table lives: the process that logged its creation (once stored: maybe a moment after a seat is told). */
const homeOf = (processes: Record<string, { output: () => string }>, what: 'class' | 'table', code: string): string =>
  Object.entries(processes).find(([, p]) => p.output().includes(`${what} ${code} created`))?.[0] ?? '?';

describe('two server processes sharing tables through Redis', () => {
  it('a table created through one is joined through the other and played to the end from both', async () => {
    const [a, b] = await Promise.all([serve(), serve()]);
    expect(a.url).not.toBe(b.url);
    const us = await createTable(a.url, { scenarioId: 'muscat-2026', seed: 'redis-1', side: 'us', opponent: 'human', deltas: true });
    // Iran asks the other process for the table: it is found through Redis and seated where it lives.
    const iran = await joinTable(b.url, us.welcome.code, { deltas: true });
    expect(iran.welcome.viewer).toBe('iran');
    await us.until((u) => u.seats.iran!.connected, 'Iran to be seated');
    const end = await playToEnd(scenario, { us, iran });
    expect(end.view.phase).toBe('ended');
    expect(iran.last().final).toBe(end.final);
    expect(verifyReplay(scenario, sha256, await replayOf(iran))).toMatchObject({ ok: true, checksum: end.final });
    // A table created through the second process is found through the first.
    const other = await createTable(b.url, { scenarioId: 'muscat-2026', seed: 'redis-2', side: 'iran', opponent: 'human' });
    const guest = await joinTable(a.url, other.welcome.code);
    expect(guest.welcome.viewer).toBe('us');
    // A third process started now leaves the open table where it is (the one that holds it goes on).
    const c = await serve();
    expect(c.output()).not.toMatch(/restored/);
    const turns = guest.last().turns;
    const watcher = await joinTable(c.url, other.welcome.code, { spectate: true });
    expect(watcher.last().turns).toBe(turns);
    for (const s of [us, iran, other, guest, watcher]) await s.room.leave();
  }, 120_000);
});

describe('a class across two server processes', () => {
  it('created through one, its teams joining through the other: both consoles see every table, live', async () => {
    // Two rooms a process: the class room and one table fill its process, so the second table spills
    // to the other one, and the console sees a table living in another process (the presence's pub/sub).
    const a = await serveForClasses(CLASS_REDIS_URL, SPILL_SCHEMA, { ROOMS_PER_PROCESS: '2' });
    const b = await serveForClasses(CLASS_REDIS_URL, SPILL_SCHEMA, { ROOMS_PER_PROCESS: '2' });
    const teacher = await createClass(a.url, { scenarioId: 'muscat-2026', formation: 'teams', seedPolicy: 'same', seed: 'redis-class' });
    // The teacher's second device comes in through the other process.
    teacher.room.send('pair', {});
    const pair = await waitFor(() => teacher.pairCodes[0], 'a pairing code');
    const second = await openConsole(b.url, teacher.code, { pair });
    // Four teams join through the second process: two tables.
    const students = [];
    for (const name of ['North', 'South', 'East', 'West']) students.push(await joinClass(b.url, teacher.code, { name }));
    const seats = await Promise.all(students.map((s) => s.untilSeated()));
    const tables = [...new Set(seats.map((s) => s.table))];
    expect(tables).toHaveLength(2);
    const home = (code: string) => homeOf({ a, b }, 'table', code);
    await waitFor(() => tables.every((t) => home(t) !== '?'), 'both processes to log their tables');
    // The first table beside the class room, the second spilled: the console in one sees a table of the other.
    const classHome = homeOf({ a, b }, 'class', teacher.code);
    expect(tables.map(home), ipcTrouble({ a, b })).toEqual([classHome, classHome === 'a' ? 'b' : 'a']);
    // Each team sits down through the process it did not join through.
    const sat: Seat[] = [];
    for (const [i, s] of seats.entries())
      sat.push(await joinTable(i % 2 ? a.url : b.url, s.table, { token: students[i]?.welcome.token, deltas: true }));
    for (const [i, table] of tables.entries()) {
      const [us, iran] = [sat[2 * i] as Seat, sat[2 * i + 1] as Seat];
      await playToEnd(scenario, { us, iran }, { stopAt: (u) => u.view.phase === 'rounds' && u.view.round >= 2 });
      const turns = us.last().turns;
      for (const console of [teacher, second])
        await console.untilRow(
          (t) => t.code === table && t.turns === turns && t.round >= 2,
          `table ${table} at turn ${turns} on a console`,
        );
    }
    // Both consoles: the same tables, the same rows.
    expect([...teacher.tables.keys()].sort()).toEqual([...tables].sort());
    expect([...second.tables.keys()].sort()).toEqual([...tables].sort());
    for (const table of tables) expect(second.tables.get(table)?.turns).toBe(teacher.tables.get(table)?.turns);
    // A pause from the console reaches a table in either process.
    second.room.send('facilitate', { tables: 'all', action: { type: 'pause', paused: true } });
    await second.untilDone(/^Paused: 2 tables$/);
    for (const s of sat) await s.until((u) => u.view.paused === true, 'every table paused');
    console.log(
      `class ${teacher.code}: created through a; tables ${tables.map((t) => `${t} in ${home(t)}`).join(', ')}; consoles through a and b each show ${teacher.tables.size} and ${second.tables.size} tables`,
    );
    for (const s of [...sat, ...students]) await s.room.leave();
    for (const c of [teacher, second]) await c.room.leave();
  }, 120_000);
});

describe("classes over two server processes: each class's tables in its class room's process", () => {
  it('two classes created through one process go to different processes, each with all its tables', async () => {
    // Started together: each lists itself in Redis once it listens (Colyseus's own list may drop one still starting).
    const [a, b] = await Promise.all([
      serveForClasses(CLASSES_REDIS_URL, CLASSES_SCHEMA),
      serveForClasses(CLASSES_REDIS_URL, CLASSES_SCHEMA),
    ]);
    const teachers = [];
    for (const seed of ['one', 'two'])
      teachers.push(await createClass(a.url, { scenarioId: 'muscat-2026', formation: 'teams', seedPolicy: 'each', seed }));
    const students = [];
    const where: { code: string; tables: string[] }[] = [];
    for (const [c, teacher] of teachers.entries()) {
      // Teams join through both processes: two tables a class.
      const joined = [];
      for (const [i, name] of ['North', 'South', 'East', 'West'].entries())
        joined.push(await joinClass(i % 2 ? a.url : b.url, teacher.code, { name: `${name} ${c + 1}` }));
      students.push(...joined);
      const seats = await Promise.all(joined.map((s) => s.untilSeated()));
      const tables = [...new Set(seats.map((s) => s.table))];
      expect(tables).toHaveLength(2);
      where.push({ code: teacher.code, tables });
    }
    const all = where.flatMap((w) => [w.code, ...w.tables]);
    await waitFor(
      () => all.every((code) => homeOf({ a, b }, where.some((w) => w.code === code) ? 'class' : 'table', code) !== '?'),
      'the rooms to be logged',
    );
    const classHomes = where.map((w) => homeOf({ a, b }, 'class', w.code));
    expect(new Set(classHomes), ipcTrouble({ a, b })).toEqual(new Set(['a', 'b']));
    for (const [i, w] of where.entries()) expect(w.tables.map((t) => homeOf({ a, b }, 'table', t))).toEqual([classHomes[i], classHomes[i]]);
    // Each console has both its tables (their rows handed over in the class room's own process).
    for (const [i, teacher] of teachers.entries())
      for (const table of where[i]?.tables ?? []) await teacher.untilRow((t) => t.code === table, `table ${table} on its console`);
    console.log(`classes ${where.map((w, i) => `${w.code} in ${classHomes[i]} with tables ${w.tables.join(', ')}`).join('; ')}`);
    for (const s of [...students, ...teachers]) await s.room.leave();
  }, 120_000);
});
