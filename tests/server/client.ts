// Test clients for the game server: colyseus.js in Node (over `ws`), each seat collecting the
// updates, refusals and every raw WebSocket frame it receives, and a simple legal policy that picks
// moves from the seat's own view (what a player at that seat could see).
import { Client, type Room } from 'colyseus.js';
import { agendaMask, idealPackage, packageToTerms, spaceOf } from '../../src/core/negotiation/space';
import type { Replay } from '../../src/core/replay';
import { concedableIssues } from '../../src/core/rules';
import type { Scenario } from '../../src/core/scenario/schema';
import type { Action, GameState, Side } from '../../src/core/types';
import { joinView } from '../../src/core/viewDelta';
import type { CreateOptions, JoinOptions, Refusal, TableUpdate, Welcome } from '../../src/server/protocol';

export interface Seat {
  room: Room;
  welcome: Welcome;
  updates: TableUpdate[];
  refusals: string[];
  /** Every frame the socket received, as raw bytes. */
  frames: Buffer[];
  /** How many frames had arrived when each update was received (same index as `updates`). */
  framesAt: number[];
  last(): TableUpdate;
  /** Resolves once an update satisfies `check` (bounded wait). */
  until(check: (u: TableUpdate) => boolean, what: string, ms?: number): Promise<TableUpdate>;
  untilRefused(pattern: RegExp, ms?: number): Promise<string>;
  act(action: unknown): void;
}

async function wait<T>(get: () => T | undefined, what: string, ms: number): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = get();
    if (value !== undefined) return value;
    if (Date.now() - start > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function wrap(room: Room): Promise<Seat> {
  const updates: TableUpdate[] = [];
  const refusals: string[] = [];
  const frames: Buffer[] = [];
  const framesAt: number[] = [];
  let welcome: Welcome | undefined;
  // The raw socket (`ws` in Node): every frame, before colyseus.js decodes it.
  const ws = (
    room.connection as unknown as {
      transport: {
        ws: {
          on?: (e: string, f: (d: Buffer) => void) => void;
          addEventListener?: (e: string, f: (ev: { data: unknown }) => void) => void;
        };
      };
    }
  ).transport.ws;
  const keep = (data: unknown) => {
    if (Buffer.isBuffer(data)) frames.push(Buffer.from(data));
    else if (data instanceof ArrayBuffer) frames.push(Buffer.from(data));
    else if (typeof data === 'string') frames.push(Buffer.from(data));
  };
  if (ws.on) ws.on('message', keep);
  else ws.addEventListener?.('message', (ev) => keep(ev.data));
  room.onMessage('welcome', (w: Welcome) => {
    welcome = w;
  });
  room.onMessage('update', (u: TableUpdate) => {
    // A client that asked for deltas joins each cut view to the one it had, as the browser does.
    const view = u.from === undefined ? u.view : joinView(updates[updates.length - 1]?.view ?? null, u.view, u.from);
    if (!view) {
      room.send('resync', {});
      return;
    }
    updates.push({ ...u, view });
    framesAt.push(frames.length);
  });
  room.onMessage('refused', (r: Refusal) => {
    refusals.push(r.error);
  });
  room.onMessage('replay', () => undefined);
  const seat: Seat = {
    room,
    get welcome() {
      return welcome as Welcome;
    },
    updates,
    refusals,
    frames,
    framesAt,
    last: () => updates[updates.length - 1] as TableUpdate,
    until: (check, what, ms = 15_000) => wait(() => [...updates].reverse().find(check), what, ms),
    untilRefused: (pattern, ms = 10_000) => wait(() => refusals.find((r) => pattern.test(r)), `a refusal matching ${pattern}`, ms),
    act: (action) => room.send('act', { action }),
  };
  return wait(() => (welcome && updates.length > 0 ? seat : undefined), 'the welcome and first update', 15_000);
}

/** The table's replay file, asked for once the talks have ended. */
export function replayOf(seat: Seat): Promise<Replay> {
  const got = new Promise<Replay>((resolve) => seat.room.onMessage('replay', (r: Replay) => resolve(r)));
  seat.room.send('replay', {});
  return got;
}

export function wsUrl(httpUrl: string): string {
  return httpUrl.replace(/^http/, 'ws');
}

export async function createTable(url: string, options: CreateOptions): Promise<Seat> {
  return wrap(await new Client(wsUrl(url)).create('table', options));
}

export async function joinTable(url: string, code: string, options: JoinOptions = {}): Promise<Seat> {
  return wrap(await new Client(wsUrl(url)).joinById(code, options));
}

/** A plain legal move for `side` from its own view: settle the agenda, concede a step, propose, accept near the end. */
export function simpleMove(scenario: Scenario, u: TableUpdate, side: Side): Action | null {
  const view = u.view as unknown as GameState;
  if (view.phase === 'ended' || view.toMove !== side) return null;
  const legal = u.legal;
  if (view.phase === 'agenda') {
    if (legal.includes('accept-agenda')) return { type: 'accept-agenda' };
    return { type: 'propose-agenda', issues: [...scenario.agenda.wants[side]!] };
  }
  if (legal.includes('accept') && view.round >= view.deadline - 1) return { type: 'accept' };
  const concede = legal.includes('concede') ? concedableIssues(scenario, view, side)[0] : undefined;
  if (concede && view.round % 2 === 0) return { type: 'concede', issue: concede };
  const space = spaceOf(scenario);
  const mask = agendaMask(space, view.agenda.on);
  return { type: 'propose', terms: packageToTerms(space, view.offers[side] ?? idealPackage(space, side, mask), mask) };
}

/** Plays `seats` (by side) with `simpleMove` until the talks end; returns the last update each saw. */
export async function playToEnd(
  scenario: Scenario,
  seats: Partial<Record<Side, Seat>>,
  opts: { reason?: (side: Side) => string | undefined; stopAt?: (u: TableUpdate) => boolean } = {},
): Promise<TableUpdate> {
  for (let guard = 0; guard < 400; guard++) {
    const any = (Object.values(seats) as Seat[])[0] as Seat;
    const latest = (Object.values(seats) as Seat[]).map((s) => s.last()).sort((a, b) => b.turns - a.turns)[0] as TableUpdate;
    if (latest.view.phase === 'ended' || opts.stopAt?.(latest)) return latest;
    const toMove = latest.view.toMove;
    const seat = seats[toMove];
    if (!seat) throw new Error(`no client plays ${toMove}`);
    const mine = await seat.until((u) => u.turns >= latest.turns, `${toMove} to see turn ${latest.turns}`);
    const action = simpleMove(scenario, mine, toMove);
    if (!action) {
      await any.until((u) => u.turns > latest.turns || u.view.phase === 'ended', 'the next turn');
      continue;
    }
    const reason = opts.reason?.(toMove);
    seat.act(reason ? { ...action, reason } : action);
    await seat.until((u) => u.turns > latest.turns, `${toMove}'s move to land after turn ${latest.turns}`);
    for (const s of Object.values(seats) as Seat[]) await s.until((u) => u.turns > latest.turns, 'every seat to see it');
  }
  throw new Error('the game did not end in 400 moves');
}
