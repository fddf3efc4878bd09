// The store and the scenario's own parties (issue 19): a table's seats are its scenario's party ids,
// whatever they are; a turn is played by one of them or the facilitator. A database made before
// (its first migration checked a fixed pair of ids) keeps its rows and takes new ids after migration 3.
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, type NewTable, openStore, type Store, type StoredTurn } from '../../src/server/store';
import { tempDir } from '../support/tempDir';
import { serverBackends } from './backends';

const dir = tempDir('store-parties');

let n = 0;
const freshCode = () => `P${(++n).toString(36).toUpperCase().padStart(3, '0')}-${randomBytes(2).toString('hex').toUpperCase()}`;

/** A table of a scenario whose parties are `north` and `south`. */
function northSouth(code: string, extra: Partial<NewTable> = {}): NewTable {
  return {
    code,
    scenarioId: 'renamed',
    scenarioSha: 'ab'.repeat(32),
    seed: 's',
    settings: { north: 'human', south: 'ai:linear', difficulty: 'normal' },
    hostSide: 'north',
    seatTokens: { north: 'cd'.repeat(32), south: null },
    names: { north: 'Ana', south: null },
    ...extra,
  };
}

const turn = (n: number, side: string): StoredTurn => ({ turn: n, side, action: { type: 'accept-agenda' }, checksum: `c${n}` });

const backends = serverBackends();

describe.each(backends)('party ids in the store on $name', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(backend.opts);
  });
  afterAll(async () => {
    await store?.close();
  });

  it("stores a table whose seats are its scenario's party ids, and turns by them and the facilitator", async () => {
    const code = freshCode();
    await store.createTable(northSouth(code));
    const turns = [turn(0, 'north'), turn(1, 'facilitator'), turn(2, 'south')];
    await store.appendTurns(code, turns);
    expect(await store.turns(code)).toEqual(turns);
    expect(await store.getTable(code)).toMatchObject({ hostSide: 'north', seatTokens: { north: 'cd'.repeat(32), south: null } });
    // Through the group commit too.
    expect(await store.appendBatches([{ code, turns: [turn(3, 'north')] }])).toEqual([null]);
  });

  it("refuses a turn by a seat that is not one of the table's parties, alone or in a group", async () => {
    const code = freshCode();
    const other = freshCode();
    await store.createTable(northSouth(code));
    await store.createTable(northSouth(other));
    await expect(store.appendTurns(code, [turn(0, 'us')])).rejects.toThrow(`turn 0 of table ${code} has an invalid side "us"`);
    await expect(store.appendTurns(code, [turn(0, 'North')])).rejects.toThrow(`turn 0 of table ${code} has an invalid side "North"`);
    const results = await store.appendBatches([
      { code, turns: [turn(0, 'iran')] },
      { code: other, turns: [turn(0, 'south')] },
    ]);
    expect(results[0]?.message).toBe(`turn 0 of table ${code} has an invalid side "iran"`);
    expect(results[1]).toBeNull();
    expect(await store.turns(code)).toEqual([]);
    expect(await store.turns(other)).toEqual([turn(0, 'south')]);
  });

  it('refuses a table whose host is not one of its parties, or whose seats do not name the same two', async () => {
    const code = freshCode();
    await expect(store.createTable(northSouth(code, { hostSide: 'us' }))).rejects.toThrow(
      `table ${code} has an invalid host side "us": its parties are north and south`,
    );
    await expect(store.createTable(northSouth(code, { names: { north: null, east: null } }))).rejects.toThrow(
      `table ${code} has names for other seats than its parties north and south`,
    );
    await expect(store.createTable(northSouth(code, { seatTokens: { north: null, south: null, east: null } }))).rejects.toThrow(
      `table ${code} needs seat tokens for two parties`,
    );
    await expect(store.createTable(northSouth(code, { settings: { north: 'human', difficulty: 'normal' } }))).rejects.toThrow(
      `table ${code} has settings without a controller for each of its parties north and south`,
    );
    expect(await store.getTable(code)).toBeNull();
  });
});

describe('a database made when the first migration checked a fixed pair of party ids', () => {
  /** Migration 1 as it was first applied (before issue 19), and the bookkeeping openStore keeps. */
  const OLD_FIRST = (MIGRATIONS[0] as string)
    .replace(/CHECK \(host_side ~ '[^']+'\)/, "CHECK (host_side IN ('us', 'iran'))")
    .replace(/CHECK \(side ~ '[^']+'\)/, "CHECK (side IN ('us', 'iran', 'facilitator'))");

  it('keeps its rows and takes any party id after migration 3', async () => {
    expect(OLD_FIRST).toContain("IN ('us', 'iran')");
    const dataDir = `${dir}/old`;
    const old = new PGlite(dataDir);
    await old.exec('CREATE TABLE backchannel_migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    await old.exec(OLD_FIRST);
    await old.exec(MIGRATIONS[1] as string);
    await old.exec('INSERT INTO backchannel_migrations (version) VALUES (1), (2)');
    await old.query(
      `INSERT INTO tables (code, scenario_id, scenario_sha, seed, settings, host_side, seat_tokens, names)
       VALUES ('OLD1-OLD1', 'muscat-2026', $1, 's', $2::jsonb, 'us', $3::jsonb, $4::jsonb)`,
      [
        'ab'.repeat(32),
        JSON.stringify({ us: 'human', iran: 'ai:linear', difficulty: 'normal' }),
        JSON.stringify({ us: null, iran: null }),
        JSON.stringify({ us: 'Ana', iran: null }),
      ],
    );
    await old.query(
      `INSERT INTO turns (code, turn, side, action, checksum) VALUES ('OLD1-OLD1', 0, 'us', '{"type":"accept-agenda"}', 'c0')`,
    );
    // The old check refuses any other id.
    await expect(old.query(`UPDATE tables SET host_side = 'north' WHERE code = 'OLD1-OLD1'`)).rejects.toThrow(/tables_host_side_check/);
    await old.close();

    const store = await openStore({ dataDir });
    try {
      expect(await store.getTable('OLD1-OLD1')).toMatchObject({ hostSide: 'us', names: { us: 'Ana', iran: null } });
      expect(await store.turns('OLD1-OLD1')).toEqual([turn(0, 'us')]);
      await store.appendTurns('OLD1-OLD1', [turn(1, 'iran')]);
      const code = freshCode();
      await store.createTable(northSouth(code));
      await store.appendTurns(code, [turn(0, 'north')]);
      expect(await store.turns(code)).toEqual([turn(0, 'north')]);
    } finally {
      await store.close();
    }
    const after = new PGlite(dataDir);
    try {
      const versions = (await after.query<{ version: number }>('SELECT version FROM backchannel_migrations ORDER BY version')).rows;
      expect(versions.map((r) => r.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
      // The shape of an id is still checked by the database itself.
      await expect(after.query(`UPDATE tables SET host_side = 'Not An Id' WHERE code = 'OLD1-OLD1'`)).rejects.toThrow(
        /tables_host_side_check/,
      );
    } finally {
      await after.close();
    }
  });
});
