// A student team joins the teacher's live class (issue 17): the class is a room on the game server
// whose id is the class code (src/server/classProtocol.ts). The team joins it with its name (or, on a
// later visit, with the team token this browser kept), waits there until the class seats it at a
// table, and then leaves it: from the table on, everything is the ordinary online game (online.ts),
// joined with the same token (the team token is the table's seat token).
//
// Only types come from the server's protocol: its zod schemas stay out of the browser bundle.
import type { KeyValueStore } from '../core/save';
import type { Side } from '../core/types';
import { f, m } from '../i18n';
import type { ClassWelcome, Notice, Seated } from '../server/classProtocol';
import { errorText, type OnlineDeps, type RoomLike, readNotice, writeToken } from './online';

/** Where this browser keeps its team's token for a class, to take its place back on a later visit. */
export const classTokenKey = (code: string): string => `backchannel.class.${code}`;

/**
 * `idle`: the panel is open, nothing sent yet; `joining`: asking the class; `waiting`: in the class,
 * waiting for a table; `seated`: given a table (the class room is left); `refused`: the join failed
 * or the connection was lost (`problem` says why; joining again is possible).
 */
export type ClassJoinStatus = 'idle' | 'joining' | 'waiting' | 'seated' | 'refused';

const TOKEN = /^[0-9a-f]{32}$/;

/**
 * How long a notice's countdown has left, in ms (0 once over), or null without a countdown.
 * `offset` is what to add to this device's clock to read the server's (the notice's `now` minus the
 * device's time when it arrived), so a device whose clock is wrong still counts down correctly.
 */
export function noticeRemaining(notice: Notice, offset: number, deviceNow: number = Date.now()): number | null {
  if (notice.until === null) return null;
  return Math.max(0, notice.until - (deviceNow + offset));
}

/** A countdown as the banner shows it: "04:59" (minutes may pass 59: at most an hour is sent). */
export function countdownText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  // Two digits each, in the digits shown ("04:59", "۰۴:۵۹").
  const two = (n: number) => (n < 10 ? `${f.num(0)}${f.num(n)}` : f.num(n));
  return `${two(Math.floor(seconds / 60))}:${two(seconds % 60)}`;
}

/**
 * One class, as the student's title screen sees it: the code, the team, where joining stands, and
 * the teacher's last notice while the team waits for its table.
 */
export class ClassJoin {
  status: ClassJoinStatus = 'idle';
  /** The team's name: as typed, then as the class knows it (from its welcome). */
  team = '';
  /** Why the last join failed, in words (shown on the title screen), or null. */
  problem: string | null = null;
  /** The table and side the class gave the team. */
  table: string | null = null;
  side: Side | null = null;
  /** The teacher's last message while waiting (at the table, `RemoteSession.notice`), until dismissed. */
  notice: Notice | null = null;
  /** What to add to this device's clock to read the server's (see `noticeRemaining`). */
  noticeOffset = 0;
  /** The join under way (tests await it). */
  pending: Promise<void> | null = null;
  private room: RoomLike | null = null;
  /** Counts joins: the answers of a join left behind (the team went back) are ignored. */
  private serial = 0;

  constructor(
    readonly code: string,
    private readonly deps: OnlineDeps,
    /** Called after every change (the title screen redraws; `seated` is the app's cue to join the table). */
    private readonly changed: (join: ClassJoin) => void,
  ) {}

  /** Whether this browser has a team token for the class (a name is then not needed). */
  get hasToken(): boolean {
    return readClassToken(this.deps.store, this.code) !== null;
  }

  /** Asking the class, or in it waiting for a table. */
  get active(): boolean {
    return this.status === 'joining' || this.status === 'waiting';
  }

  /**
   * Joins the class: with the team token kept from a previous visit (the team's place taken back),
   * or as a new team called `name`. A token the class no longer knows is forgotten, and the team
   * joins with its name instead.
   */
  join(name: string): void {
    const serial = ++this.serial;
    this.team = name.trim();
    this.status = 'joining';
    this.problem = null;
    this.table = null;
    this.side = null;
    this.pending = this.run(serial).catch((e) => {
      if (serial !== this.serial) return;
      this.close();
      this.status = 'refused';
      this.problem = e instanceof Error ? e.message : String(e);
      this.changed(this);
    });
    this.changed(this);
  }

  /** Leaves the class room (the team keeps its token, and its place: joining again takes it back). */
  leave(): void {
    this.serial++;
    this.close();
    if (this.active) this.status = 'idle';
    this.pending = null;
  }

  dismissNotice(): void {
    this.notice = null;
    this.changed(this);
  }

  private close(): void {
    const room = this.room;
    this.room = null;
    try {
      room?.leave(true);
    } catch {
      // Already gone.
    }
  }

  private async run(serial: number): Promise<void> {
    const { code, deps } = this;
    const token = readClassToken(deps.store, code);
    let room: RoomLike;
    try {
      const client = await deps.client();
      try {
        room = await client.joinById(code, token ? { token } : { name: this.team });
      } catch (e) {
        // A token this class does not know (a class of another day): forget it and join by name.
        if (!token || !/token/i.test(errorText(e))) throw e;
        forgetClassToken(deps.store, code);
        if (!this.team) throw new ClassProblem(m.app.classForgotTeam(code));
        room = await client.joinById(code, { name: this.team });
      }
    } catch (e) {
      if (e instanceof ClassProblem) throw e;
      throw new Error(explainClass(e, code));
    }
    if (serial !== this.serial) {
      room.leave(true);
      return;
    }
    this.room = room;
    await new Promise<void>((resolve, reject) => {
      let welcomed: string | null = null;
      room.onMessage('welcome', (w: ClassWelcome) => {
        if (serial !== this.serial) return;
        // A table's code typed as a class's: a table welcomes differently (it has no `role`).
        if (!w || (w as { role?: unknown }).role !== 'student' || !TOKEN.test(String((w as { token?: unknown }).token))) {
          reject(new Error(m.app.notAClass(code)));
          return;
        }
        const student = w as Extract<ClassWelcome, { role: 'student' }>;
        welcomed = student.token;
        writeClassToken(deps.store, code, student.token);
        this.team = student.name;
        this.status = 'waiting';
        this.changed(this);
      });
      room.onMessage('notice', (n: unknown) => {
        const notice = readNotice(n);
        if (serial !== this.serial || !notice) return;
        this.notice = notice;
        this.noticeOffset = notice.now - Date.now();
        this.changed(this);
      });
      room.onMessage('seated', (s: Seated) => {
        if (serial !== this.serial) return;
        const token = welcomed ?? readClassToken(deps.store, code);
        if (!token || !s || typeof s.table !== 'string') {
          reject(new Error(m.app.seatedBeforeWelcome(code)));
          return;
        }
        // The team token is the table's seat token: the table is joined with it, as after a reload.
        writeToken(deps.store, s.table, token);
        this.table = s.table;
        // A party id of the class's scenario (the table's own update names the seat for good).
        this.side = typeof s.side === 'string' ? s.side : null;
        this.status = 'seated';
        this.close();
        resolve();
        this.changed(this);
      });
      room.onLeave((closed: number) => {
        if (serial !== this.serial || this.room !== room) return;
        this.room = null;
        reject(new Error(welcomed ? m.app.classConnectionLost(code, closed) : m.app.classClosedConnection(code, closed)));
      });
    });
  }
}

/** A failure already said in plain words (passed on as it is, not explained again). */
class ClassProblem extends Error {}

/** A failure to join a class in plain words: the server's own sentence when it gave one. */
function explainClass(e: unknown, code: string): string {
  const text = errorText(e).trim();
  if (/not found|no rooms found|invalid room/i.test(text)) return m.app.noSuchClass(code);
  if (/failed to fetch|ECONNREFUSED|network|websocket|socket hang up/i.test(text) || text === '[object Event]' || text === '')
    return m.app.classServerUnreachable;
  return m.app.joiningClassFailed(code, text.replace(/[.!]+$/, ''));
}

export function readClassToken(store: KeyValueStore, code: string): string | null {
  try {
    const value = store.getItem(classTokenKey(code));
    return value && TOKEN.test(value) ? value : null;
  } catch {
    return null;
  }
}

function writeClassToken(store: KeyValueStore, code: string, token: string): void {
  try {
    store.setItem(classTokenKey(code), token);
  } catch {
    // No storage: the team's place cannot be taken back after a reload, but the class goes on.
  }
}

function forgetClassToken(store: KeyValueStore, code: string): void {
  try {
    store.removeItem(classTokenKey(code));
  } catch {
    // Nothing to forget.
  }
}
