// Where a new room is created when several server processes share a Redis (docs/design.md §6.6):
// Colyseus's matchmaker asks `selectProcessIdToCreateRoom(roomName, options)` before every
// createRoom, with the options the room will be created with, so the creator can say where it wants
// the room. The rule:
// - a class's tables live in the class room's process (the class room asks for them `near` itself),
//   so their console rows are handed over in that process, never through Redis; only when that
//   process holds its capacity of rooms (`ROOMS_PER_PROCESS`) does a table go to the least-loaded
//   other process that has room (a spill), and stays home if none has;
// - a room nobody placed (a class room, a table of two players) goes to each process with room for
//   it in turn (a counter in Redis), so different classes spread over the processes;
// - rooms the server restores go `near` the process restoring them (a restarted process takes back
//   its classes with their tables).
// The processes are this module's own registry in Redis, not Colyseus's list (`stats.fetchAll`):
// that list drops a process whose health check failed while it was starting, and its room counts are
// written at most once a second and not at all while clients keep joining (the write is put off at
// each change). Here each process writes its own entry itself, at once, when one of its rooms is
// created or disposed, and every few seconds: `backchannel:process:<id>` = "rooms,capacity" with an
// expiry (a process that died without a word drops out when it expires), listed in the set
// `backchannel:processes`. A process is listed once it listens (it can take rooms) and leaves the list
// before it shuts down. A process always knows its own count exactly.
import type { RedisPresence } from '@colyseus/redis-presence';
import { MAX_CLASS_TABLES } from './classProtocol';

/** The rooms a process takes before a class's tables spill to another (`ROOMS_PER_PROCESS`). */
export const DEFAULT_ROOMS_PER_PROCESS = 1000;
const PROCESSES = 'backchannel:processes';
const processKey = (id: string): string => `backchannel:process:${id}`;
const TURN = 'backchannel:next-process';
/** How often a process writes its entry again, and how long an entry lives without being written. */
const HEARTBEAT_MS = 3000;
const ENTRY_SECONDS = 10;

/** The part of the presence the registry uses (RedisPresence). */
export type RegistryPresence = Pick<RedisPresence, 'get' | 'setex' | 'sadd' | 'smembers' | 'srem' | 'del' | 'incr'>;

export interface ProcessLoad {
  id: string;
  rooms: number;
  capacity: number;
}

/** What the creator of a room may ask: a process to create it in (the server's own rooms only). */
export interface PlacementHint {
  near?: unknown;
}

export class Placement {
  private rooms = 0;
  private me: string | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  /** The last write of this process's entry: the next one waits for it, so they land in order. */
  private writing: Promise<void> = Promise.resolve();

  /**
   * `trusted`: whether a room's options are the server's own (its room key), whose `near` is honoured;
   * a client's is ignored. `roomName` of the class rooms, which ask room for a whole class.
   */
  constructor(
    private readonly presence: RegistryPresence,
    private readonly options: { capacity: number; classRoom: string; trusted: (options: unknown) => boolean },
  ) {
    if (!Number.isInteger(options.capacity) || options.capacity < 1)
      throw new Error(`rooms per process must be a whole number of at least 1, not ${options.capacity}`);
  }

  get processId(): string | null {
    return this.me;
  }

  /** Lists this process (`id`: Colyseus's processId) once it can take rooms; written again every few seconds. */
  async start(id: string): Promise<void> {
    this.me = id;
    await this.announce();
    this.timer = setInterval(() => void this.announce().catch(() => undefined), HEARTBEAT_MS);
    this.timer.unref();
  }

  /** Takes this process off the list (before it shuts down: no new room comes to it). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const id = this.me;
    this.me = null;
    await this.writing;
    if (!id) return;
    await this.presence.srem(PROCESSES, id);
    await this.presence.del(processKey(id));
  }

  /** A room was created in this process: written at once (resolves once it is in Redis; never fails). */
  created(): Promise<void> {
    this.rooms++;
    return this.announce().catch(() => undefined);
  }

  /** A room of this process was disposed. */
  disposed(): Promise<void> {
    this.rooms = Math.max(0, this.rooms - 1);
    return this.announce().catch(() => undefined);
  }

  /** Rooms in this process now. */
  get roomCount(): number {
    return this.rooms;
  }

  /**
   * Writes this process's entry, then lists it (in that order: a process listed has an entry). The
   * writes go out on the presence's one connection in the order they are made, so a room's creation
   * here is in Redis before any later question: before this process picks a place for its next room,
   * and before another process that asked for the room (IPC, on the same connection) hears it is made.
   */
  private announce(): Promise<void> {
    const id = this.me;
    if (!id) return this.writing;
    const value = `${this.rooms},${this.options.capacity}`;
    const write = this.writing.then(async () => {
      await this.presence.setex(processKey(id), value, ENTRY_SECONDS);
      await this.presence.sadd(PROCESSES, id);
    });
    this.writing = write.catch(() => undefined);
    return write;
  }

  /** The processes that can take rooms: those listed whose entry has not expired, and this one (its own count). */
  async processes(): Promise<ProcessLoad[]> {
    const me = this.me;
    const ids = (await this.presence.smembers(PROCESSES)).filter((id) => id !== me);
    const entries = await Promise.all(ids.map((id) => this.presence.get(processKey(id)) as Promise<string | null>));
    const out: ProcessLoad[] = me ? [{ id: me, rooms: this.rooms, capacity: this.options.capacity }] : [];
    const expired: string[] = [];
    for (const [i, id] of ids.entries()) {
      const entry = entries[i];
      const [rooms, capacity] = typeof entry === 'string' ? entry.split(',').map(Number) : [];
      if (rooms === undefined || capacity === undefined || !Number.isFinite(rooms) || !Number.isFinite(capacity)) {
        // Expired: the process stopped without taking itself off (killed); it relists itself if it was only late.
        if (entry === null || entry === undefined) expired.push(id);
        continue;
      }
      out.push({ id, rooms, capacity });
    }
    for (const id of expired) await this.presence.srem(PROCESSES, id);
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /**
   * Colyseus's `selectProcessIdToCreateRoom`: the process to create this room in; null when none is
   * listed (this one is not yet, or no longer).
   */
  async select(roomName: string, options: unknown): Promise<string | null> {
    const near = this.nearOf(options);
    // Near this process, which has room: no need to ask Redis (a class room seating its teams).
    if (near !== null && near === this.me && this.rooms < this.options.capacity) return near;
    const loads = await this.processes();
    if (loads.length === 0) return null;
    return choose(loads, roomName === this.options.classRoom, near, () => this.presence.incr(TURN));
  }

  private nearOf(options: unknown): string | null {
    const near = (options as PlacementHint | null | undefined)?.near;
    return typeof near === 'string' && this.options.trusted(options) ? near : null;
  }
}

/**
 * The choice itself (`loads` sorted by id, never empty). `near`: the process asked for, if any;
 * `classRoom`: the room is a class room, which wants room for its whole class; `turn`: the shared
 * counter's next value.
 */
export async function choose(loads: ProcessLoad[], classRoom: boolean, near: string | null, turn: () => Promise<number>): Promise<string> {
  const home = near === null ? undefined : loads.find((p) => p.id === near);
  if (home) {
    if (home.rooms < home.capacity) return home.id;
    // A spill: the least-loaded of the others with room, never the full process asked for.
    const others = loads.filter((p) => p.id !== home.id && p.rooms < p.capacity);
    others.sort((a, b) => a.rooms / a.capacity - b.rooms / b.capacity || a.rooms - b.rooms);
    return others[0]?.id ?? home.id;
  }
  // In turn among the processes with room for this room (a class room: for its class too), else
  // among those with room for one, else among all.
  const need = classRoom ? 1 + MAX_CLASS_TABLES : 1;
  const fits = loads.filter((p) => p.rooms + need <= p.capacity);
  const some = fits.length ? fits : loads.filter((p) => p.rooms < p.capacity);
  const pool = some.length ? some : loads;
  if (pool.length === 1) return (pool[0] as ProcessLoad).id;
  const n = Number(await turn());
  return (pool[n % pool.length] as ProcessLoad).id;
}
