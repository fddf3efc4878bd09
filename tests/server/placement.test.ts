// Where a room is created among several server processes (src/server/placement.ts): the choice on
// given loads, and the registry the processes keep in Redis (three Placements on one Redis database
// stand for three processes). Needs redis-server on 127.0.0.1:6379 (`.ci/run` starts it): a missing
// service fails these tests, it never skips them.
import { RedisPresence } from '@colyseus/redis-presence';
import Redis from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { choose, Placement, type ProcessLoad } from '../../src/server/placement';
import { needsRedis } from './backends';

const REDIS_URL = `${(process.env.REDIS_URL || 'redis://127.0.0.1:6379/7').replace(/\/\d+$/, '')}/4`;
const KEY = 'the-server-key';

needsRedis(REDIS_URL);

const presences: RedisPresence[] = [];
afterAll(() => {
  for (const p of presences) p.shutdown();
});

/** A counter like Redis's: 1, 2, 3… */
const counter = () => {
  let n = 0;
  return async () => ++n;
};
const load = (id: string, rooms: number, capacity = 10): ProcessLoad => ({ id, rooms, capacity });

describe('the choice of a process', () => {
  it('a room asked for near a process goes there while it has room, whatever the others hold', async () => {
    const turn = counter();
    expect(await choose([load('a', 9), load('b', 0)], false, 'a', turn)).toBe('a');
    expect(await choose([load('a', 0), load('b', 9)], false, 'b', turn)).toBe('b');
  });

  it('spills to the least-loaded other process with room, never back to the full one', async () => {
    const turn = counter();
    expect(await choose([load('a', 10), load('b', 3), load('c', 2)], false, 'a', turn)).toBe('c');
    expect(await choose([load('a', 10), load('b', 3), load('c', 9)], false, 'a', turn)).toBe('b');
    // The full process is the least loaded of all (a smaller capacity): still not chosen.
    expect(await choose([load('a', 2, 2), load('b', 5)], false, 'a', turn)).toBe('b');
    // A process full as well is skipped.
    expect(await choose([load('a', 10), load('b', 10), load('c', 9)], false, 'a', turn)).toBe('c');
    // Every process full: the class stays together.
    expect(await choose([load('a', 10), load('b', 10)], false, 'a', turn)).toBe('a');
  });

  it('rooms nobody placed go to each process in turn; a class room to those with room for a class', async () => {
    const turn = counter();
    const loads = [load('a', 0, 100), load('b', 0, 100)];
    const picks = [];
    for (let i = 0; i < 4; i++) picks.push(await choose(loads, true, null, turn));
    expect(picks).toEqual(['b', 'a', 'b', 'a']);
    // a holds 60 of 100: a class (41 rooms) fits only in b; a single room fits in either.
    const uneven = [load('a', 60, 100), load('b', 50, 100)];
    expect(await choose(uneven, true, null, turn)).toBe('b');
    expect(await choose(uneven, true, null, turn)).toBe('b');
    expect(new Set([await choose(uneven, false, null, turn), await choose(uneven, false, null, turn)])).toEqual(new Set(['a', 'b']));
    // No process has room for a class: among those with room for one.
    expect(await choose([load('a', 10), load('b', 9)], true, null, turn)).toBe('b');
  });

  it('a process asked for that is not listed is no hint', async () => {
    const turn = counter();
    const loads = [load('a', 0), load('b', 0)];
    expect(new Set([await choose(loads, false, 'gone', turn), await choose(loads, false, 'gone', turn)])).toEqual(new Set(['a', 'b']));
  });
});

describe('the processes listed in Redis', () => {
  const trusted = (o: unknown) => (o as { key?: unknown } | null)?.key === KEY;
  const start = async (id: string, capacity: number) => {
    const presence = new RedisPresence(REDIS_URL);
    presences.push(presence);
    const placement = new Placement(presence, { capacity, classRoom: 'class', trusted });
    await placement.start(id);
    return placement;
  };

  it("a class's tables stay near their class room, spill when it is full, and a stopped process is no longer chosen", async () => {
    const [p1, p2, p3] = [await start('p1', 3), await start('p2', 3), await start('p3', 3)];
    expect((await p1.processes()).map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    // Two class rooms asked for through p1 go to two different processes.
    const homes = [await p1.select('class', {}), await p1.select('class', {})];
    expect(new Set(homes).size).toBe(2);
    // p2's class: its tables near p2 while it has room (each creation counted at once, as the
    // matchmaker's 'create' event does), then the least-loaded other one.
    await p2.created();
    const tables: string[] = [];
    for (let i = 0; i < 4; i++) {
      const where = (await p2.select('table', { key: KEY, near: 'p2' })) as string;
      tables.push(where);
      await { p1, p2, p3 }[where as 'p1' | 'p2' | 'p3'].created();
    }
    expect(tables).toEqual(['p2', 'p2', 'p1', 'p3']);
    // A client's hint (no server key) is not followed.
    const asked = new Set<string | null>();
    for (let i = 0; i < 3; i++) asked.add(await p1.select('table', { near: 'p2' }));
    expect(asked.has('p2')).toBe(false);
    // Loads as every process sees them: written at once.
    expect(await p3.processes()).toEqual([
      { id: 'p1', rooms: 1, capacity: 3 },
      { id: 'p2', rooms: 3, capacity: 3 },
      { id: 'p3', rooms: 1, capacity: 3 },
    ]);
    await p2.disposed();
    expect((await p1.processes()).find((p) => p.id === 'p2')?.rooms).toBe(2);
    // p3 stops: it is off the list, and a room spilling from p2 (full again) goes to p1.
    await p2.created();
    await p3.stop();
    expect((await p1.processes()).map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(await p2.select('table', { key: KEY, near: 'p2' })).toBe('p1');
    await Promise.all([p1.stop(), p2.stop()]);
  });

  it('a process killed without a word drops out once its entry expires', async () => {
    const p4 = await start('p4', 10);
    // As the entry of a killed process is once it expires: gone, while the id is still listed.
    const redis = new Redis(REDIS_URL);
    try {
      await redis.sadd('backchannel:processes', 'p-killed');
      expect((await p4.processes()).map((p) => p.id)).toEqual(['p4']);
      expect(await redis.sismember('backchannel:processes', 'p-killed')).toBe(0);
      // A live process's entry has an expiry, renewed by its heartbeat.
      const ttl = await redis.ttl('backchannel:process:p4');
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(10);
    } finally {
      redis.disconnect();
      await p4.stop();
    }
  });
});
