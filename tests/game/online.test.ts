// Play online, headless: a real game server in this process, the game booted with the harness and
// playing through the DOM buttons, and two seats at one table (one joins by code).
import { Client } from 'colyseus.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../src/app/app';
import { automationApi } from '../../src/app/automation';
import { connectTable, type OnlineClient, RECONNECT_TRIES, type RemoteSession, type RoomLike, tokenKey } from '../../src/app/online';
import type { GameChoice } from '../../src/app/session';
import { parseUrl } from '../../src/app/url';
import type { KeyValueStore } from '../../src/core/save';
import { normaliseTableCode } from '../../src/core/tableCode';
import * as protocol from '../../src/server/protocol';
import { type RunningServer, startServer } from '../../src/server/server';
import { type Booted, bootGame, dismissCards, showing, until } from './harness';

let server: RunningServer;
let client: () => OnlineClient;
let booted: Booted | null = null;
const original = App.onlineClient;

beforeAll(async () => {
  server = await startServer({ port: 0, dataDir: 'memory://', staticDir: null, log: () => {} });
  const ws = server.url.replace(/^http/, 'ws');
  client = () => new Client(ws) as unknown as OnlineClient;
  App.onlineClient = client;
}, 60_000);

afterAll(async () => {
  App.onlineClient = original;
  await server?.close();
});

afterEach(async () => {
  booted?.app.toTitle();
  await booted?.destroy();
  booted = null;
});

function memoryStore(): KeyValueStore {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
}

const CHOICE: GameChoice = {
  scenarioId: 'muscat-2026',
  seed: 'online-two',
  side: 'us',
  personality: 'tit-for-tat',
  difficulty: 'normal',
  mode: 'online',
};

describe('play online', () => {
  it('reads table codes as a person types them, with the server’s one definition', () => {
    for (const input of ['k7qw m3zp', 'K7QW-M3ZP', 'k7qwm3zp', 'k7qw--m3zp ']) expect(normaliseTableCode(input)).toBe('K7QW-M3ZP');
    for (const input of ['K7QW-M3Z', 'O0O0-O0O0', '']) expect(normaliseTableCode(input)).toBeNull();
    expect(normaliseTableCode).toBe(protocol.normaliseTableCode);
    expect(parseUrl('?mode=online&table=k7qwm3zp')).toMatchObject({ mode: 'online', table: 'K7QW-M3ZP', problems: [] });
    expect(parseUrl('?table=nope').problems[0]).toMatch(/not a table code/);
  });

  it('creates a table against the AI and plays it through the buttons', async () => {
    booted = await bootGame('?mode=online&seed=online-one&side=us');
    const { app } = booted;
    const api = automationApi(app);
    expect(app.choice.mode).toBe('online');
    booted.button(/^The other seat: the AI counterpart/).click();
    booted.button(/^Create a table on the game server/).click();
    await app.online.pending;
    expect(app.online.problem).toBeNull();
    await showing(booted, 'briefing');
    const remote = app.session as RemoteSession;
    expect(remote.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(localStorage.getItem(tokenKey(remote.code))).toMatch(/^[0-9a-f]{32}$/);
    const online = (api.state() as { online: { viewer: string; turns: number; connected: boolean } }).online;
    expect(online).toMatchObject({ viewer: 'us', connected: true });

    booted.button(/^Go to the agenda dispute/).click();
    await showing(booted, 'agenda');
    const turnsAtAgenda = remote.update.turns;
    if (!remote.isMyTurn) await until(() => remote.isMyTurn, 'the US move');
    booted.button(/^Force your full agenda|^Propose an agenda/).click();
    await until(() => remote.update.turns > turnsAtAgenda, 'the agenda move to land');
    for (let i = 0; i < 10 && app.screen === 'agenda'; i++) {
      const turns = remote.update.turns;
      const legal = remote.legalActions();
      const force = legal.find((a) => a.type === 'force-agenda') ?? legal.find((a) => a.type === 'accept-agenda') ?? legal[0];
      if (!force) break;
      expect(api.act(force)).toMatchObject({ ok: true });
      await until(() => remote.update.turns > turns, 'the agenda move to land');
    }
    await showing(booted, 'rounds');
    dismissCards(booted);

    // A proposal through the table's button: the server's turns and checksum advance.
    const before = { turns: remote.update.turns, checksum: remote.update.checksum };
    await until(() => remote.isMyTurn, 'the US move at the table');
    booted.button(/^Propose your draft package/).click();
    await until(() => remote.update.turns > before.turns, 'the proposal to land');
    expect(remote.update.checksum).not.toBe(before.checksum);
    const state = api.state() as { online: { turns: number; checksum: string }; game: { offers: { us: unknown } } };
    expect(state.online.turns).toBe(remote.update.turns);
    expect(state.online.checksum).toBe(remote.update.checksum);
    // The table screen shows the server's view: the US offer is on it, Iran's brief is not.
    expect(remote.game.offers.us).not.toBeNull();
    expect(remote.game.types.iran).toBeNull();
    expect(state.game.offers.us).toEqual(remote.game.offers.us);
    dismissCards(booted);
    const screen = document.getElementById('bc-screen')?.textContent ?? '';
    expect(screen.length).toBeGreaterThan(0);

    // A statement through its button lands too.
    const turns = remote.update.turns;
    await until(() => remote.isMyTurn, 'the US move again');
    booted.button(/^Make a firm public statement/).click();
    await until(() => remote.update.turns > turns, 'the statement to land');
    expect(app.lastError).toBeNull();

    // A move the rules refuse comes back as the app's error, as a local refusal does.
    expect(app.act({ type: 'concede', issue: 'no-such-issue' })).toBeNull();
    await until(() => app.lastError !== null, 'the refusal');
    expect(app.lastError).toMatch(/concede|issue/i);
  });

  it('opens straight into joining from ?mode=online&table=CODE, and says when there is no such table', async () => {
    booted = await bootGame('?mode=online&table=zzzz-zzzx');
    await until(() => booted?.app.online.problem !== null, 'the join to fail');
    expect(booted.app.online.problem).toBe('There is no table ZZZZ-ZZZX (check the code).');
    expect(booted.app.screen).toBe('title');
    // Next to Join, the title screen offers to watch a table with the code.
    expect(booted.button(/^Join the table with this code/)).toBeDefined();
    expect(booted.button(/^Watch the table with this code/)).toBeDefined();
  });

  it('reconnects with the seat token after a lost connection, and says so plainly when it cannot', async () => {
    const leaves: ((code: number) => void)[] = [];
    const sent: string[] = [];
    const fakeRoom = (): RoomLike => {
      const handlers = new Map<string, (m: unknown) => void>();
      const room: RoomLike = {
        roomId: 'K7QW-M3ZP',
        onMessage: (type, cb) => handlers.set(type, cb),
        onLeave: (cb) => leaves.push(cb),
        send: (type) => sent.push(type),
        leave: () => {},
      };
      setTimeout(() => {
        handlers.get('welcome')?.({ code: 'K7QW-M3ZP', viewer: 'us', token: 'a'.repeat(32), host: true });
        handlers.get('update')?.(first);
      }, 0);
      return room;
    };
    // The first update of a real table, for its shape.
    const real = await connectTable(
      { kind: 'create', options: { scenarioId: 'muscat-2026', seed: 'fake', side: 'us', opponent: 'ai:tit-for-tat' } },
      CHOICE,
      { client, store: memoryStore() },
    );
    const first = { ...real.update, code: 'K7QW-M3ZP' };
    real.leave();
    let joins = 0;
    let up = true;
    const fake: OnlineClient = {
      create: async () => fakeRoom(),
      joinById: async (_code, options) => {
        joins++;
        expect(options).toEqual({ token: 'a'.repeat(32), deltas: true });
        if (!up) throw new Error('connect ECONNREFUSED');
        return fakeRoom();
      },
    };
    const waits: number[] = [];
    const deps = { client: () => fake, store: memoryStore(), wait: async (ms: number) => void waits.push(ms) };
    const session = await connectTable(
      { kind: 'create', options: { scenarioId: 'muscat-2026', side: 'us', opponent: 'ai:tit-for-tat' } },
      CHOICE,
      deps,
    );
    (leaves.at(-1) as (code: number) => void)(1006);
    expect(session.connected).toBe(false);
    await until(() => session.connected, 'the reconnection');
    expect(joins).toBe(1);
    up = false;
    (leaves.at(-1) as (code: number) => void)(1006);
    await until(() => session.connectionProblem !== null, 'giving up');
    expect(joins).toBe(1 + RECONNECT_TRIES);
    expect(waits.slice(1)).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000, 8000, 8000, 8000]);
    expect(session.connectionProblem).toMatch(/^Lost the connection to table K7QW-M3ZP .*Reload the page/);
    expect(session.act({ type: 'walkout' })).toMatch(/Lost the connection/);
    session.leave();
  });

  it('creates a table for a person on the title screen: code, link and QR code, then both go to the briefing', async () => {
    booted = await bootGame('?mode=online&seed=online-three&side=iran');
    const { app } = booted;
    const api = automationApi(app);
    // A bad code is said in words on the title screen.
    expect(api.act({ type: 'join-table', code: 'nope' })).toMatchObject({ ok: false, error: expect.stringMatching(/not a table code/) });
    expect(api.act({ type: 'join-table', code: 'ZZZZ-ZZZY' })).toMatchObject({ ok: true });
    await app.online.pending;
    expect(app.online.problem).toMatch(/There is no table ZZZZ-ZZZY/);
    expect(app.screen).toBe('title');
    expect(document.getElementById('bc-screen')?.textContent).toMatch(/There is no table ZZZZ-ZZZY/);

    expect(api.legalActions()).toContainEqual({ type: 'create-table', opponent: 'human' });
    booted.button(/^The other seat: a person/).click();
    booted.button(/^Create a table on the game server/).click();
    await app.online.pending;
    const waiting = app.online.waiting as RemoteSession;
    expect(waiting).not.toBeNull();
    expect(app.screen).toBe('title');
    const state = api.state() as { online: { code: string; waiting: boolean; link: string; viewer: string } };
    expect(state.online).toMatchObject({ code: waiting.code, waiting: true, viewer: 'iran' });
    expect(state.online.link).toMatch(new RegExp(`\\?mode=online&table=${waiting.code}$`));
    await until(() => document.querySelector<HTMLInputElement>('[data-key="table-link"]')?.value === state.online.link, 'the join link');
    booted.button(/^Copy link: the link that joins table/);

    // The guest opens the link in another browser (a second App on the same page's storage would share the token).
    const guest = await connectTable({ kind: 'join', code: waiting.code }, { ...CHOICE, side: 'us' }, { client, store: memoryStore() });
    try {
      expect(guest.side).toBe('us');
      await showing(booted, 'briefing');
      expect(app.session).toBe(waiting);
      expect(app.online.waiting).toBeNull();
    } finally {
      guest.leave();
    }
  });

  it("watches a table from the spectators' seat: ?watch=1, the public table only, live", async () => {
    const host = await connectTable(
      { kind: 'create', options: { scenarioId: 'muscat-2026', seed: 'online-watch', side: 'us', opponent: 'ai:tit-for-tat' } },
      CHOICE,
      { client, store: memoryStore() },
    );
    try {
      host.start();
      host.begin();
      // The host settles the agenda (the AI answers on the server) so that the talks are at the table.
      for (let i = 0; i < 10 && host.game.phase === 'agenda'; i++) {
        await until(() => host.isMyTurn || host.game.phase !== 'agenda', 'the US agenda move');
        if (host.game.phase !== 'agenda') break;
        const turns = host.update.turns;
        const legal = host.legalActions();
        const move = legal.find((a) => a.type === 'force-agenda') ?? legal.find((a) => a.type === 'accept-agenda') ?? legal[0];
        if (!move) throw new Error('no agenda move');
        expect(host.act(move)).toBeNull();
        await until(() => host.update.turns > turns, 'the agenda move to land');
      }
      expect(host.game.phase).toBe('rounds');

      booted = await bootGame(`?mode=online&table=${host.code.toLowerCase()}&watch=1`);
      const { app } = booted;
      const api = automationApi(app);
      await until(() => app.session !== null || app.online.problem !== null, 'the spectator to join');
      expect(app.online.problem).toBeNull();
      // No briefing: straight to the table.
      await showing(booted, 'rounds');
      dismissCards(booted);
      const watcher = app.session as RemoteSession;
      expect(watcher.spectator).toBe(true);
      expect(watcher.isMyTurn).toBe(false);
      expect(watcher.legalActions()).toEqual([]);
      expect(watcher.game.types.us).toBeNull();
      expect(watcher.game.types.iran).toBeNull();
      const state = api.state() as { side: unknown; draft: unknown; online: { viewer: string; code: string } };
      expect(state.online).toMatchObject({ viewer: 'spectator', code: host.code });
      expect(state.side).toBeNull();
      expect(state.draft).toBeNull();
      expect(api.legalActions()).toEqual([{ type: 'title' }]);
      // The DOM mirror: no move, concession or brief button; the option chips cannot be pressed.
      const names = booted.buttons().map((b) => b.getAttribute('aria-label') ?? '');
      const seatOnly = /^(Propose|Accept|Endorse|Make a|Ask |Walk out|Concede|Confirm|Your brief|Perception check|Let the AI)/;
      expect(names.filter((n) => seatOnly.test(n))).toEqual([]);
      expect(names.some((n) => /to you|your draft/.test(n))).toBe(false);
      expect(document.querySelector('[data-key="move-reason"]')).toBeNull();
      const screen = () => document.getElementById('bc-screen')?.textContent ?? '';
      await until(() => /You are watching: moves appear as the delegations make them\./.test(screen()), 'the watching note');
      expect(screen()).toMatch(new RegExp(`Watching table ${host.code}`));
      // A spectator's move is refused here, before the server.
      expect(api.act({ type: 'walkout' })).toMatchObject({ ok: false, error: expect.stringMatching(/watching/) });

      // The host moves: the spectator's view advances with it.
      await until(() => host.isMyTurn, 'the US move at the table');
      const before = host.update.turns;
      const propose = host.legalActions().find((a) => a.type === 'propose');
      if (!propose) throw new Error('no proposal');
      expect(host.act(propose)).toBeNull();
      await until(() => host.update.turns > before, 'the proposal to land');
      await until(() => watcher.update.turns === host.update.turns, 'the spectator to see it');
      expect(watcher.update.checksum).toBe(host.update.checksum);
      expect(watcher.game.offers.us).toEqual(host.game.offers.us);
      expect(watcher.game.types.us).toBeNull();
      expect(app.screen).toBe('rounds');
      dismissCards(booted);
      const after = booted.buttons().map((b) => b.getAttribute('aria-label') ?? '');
      expect(after.filter((n) => seatOnly.test(n))).toEqual([]);
      // The chips name the standing offers by delegation (never "your"), and say nothing of worth.
      expect(after.some((n) => new RegExp(`${host.scenario.parties.us!.short}'s standing offer`).test(n))).toBe(true);
      expect(after.some((n) => /to you|your draft|your standing offer/.test(n))).toBe(false);
    } finally {
      host.leave();
    }
  });

  it('seats two browsers at one table: Iran joins by code and sees only its own secrets', async () => {
    const hostStore = memoryStore();
    const guestStore = memoryStore();
    const host = await connectTable(
      { kind: 'create', options: { scenarioId: 'muscat-2026', seed: 'online-two', side: 'us', opponent: 'human', difficulty: 'normal' } },
      CHOICE,
      { client, store: hostStore },
    );
    expect(host.ready).toBe(false);
    expect(host.phase).toBe('setup');
    const guest = await connectTable(
      { kind: 'join', code: host.code.toLowerCase(), name: 'Team <b>Green</b>' },
      { ...CHOICE, side: 'us' },
      { client, store: guestStore },
    );
    try {
      expect(guest.side).toBe('iran');
      expect(guest.welcome.host).toBe(false);
      expect(guestStore.getItem(tokenKey(host.code))).toMatch(/^[0-9a-f]{32}$/);
      await until(() => host.ready, 'the host to see the guest');
      // The guest's name reaches the host as plain text.
      expect(host.seats.iran!.name).toBe('Team <b>Green</b>');
      expect(guest.game.types.us).toBeNull();
      expect(guest.game.types.iran).not.toBeNull();
      expect(host.game.types.iran).toBeNull();
      for (const s of [host, guest]) {
        s.start();
        s.begin();
      }
      const logged: number[] = [];
      guest.onLogged((entries) => logged.push(entries.length));
      // Play a few moves, each from whichever seat is to move, until Iran has moved at the table.
      let iranMoves = 0;
      for (let i = 0; i < 12 && iranMoves < 2; i++) {
        const mover = host.isMyTurn ? host : guest.isMyTurn ? guest : null;
        if (!mover) throw new Error('nobody to move');
        const turns = mover.update.turns;
        const legal = mover.legalActions();
        const action =
          legal.find((a) => a.type === 'force-agenda') ??
          legal.find((a) => a.type === 'accept-agenda') ??
          legal.find((a) => a.type === 'propose') ??
          legal[0];
        if (!action) throw new Error('no legal move');
        expect(mover.act(action)).toBeNull();
        await until(() => host.update.turns > turns && guest.update.turns > turns, 'the move to reach both seats');
        if (mover === guest) iranMoves++;
      }
      expect(iranMoves).toBe(2);
      expect(guest.update.turns).toBe(host.update.turns);
      expect(guest.update.checksum).toBe(host.update.checksum);
      expect(guest.game.types.us).toBeNull();
      expect(logged.length).toBeGreaterThan(0);

      // The guest's browser takes its seat back with its token (a reload).
      const again = await connectTable({ kind: 'join', code: host.code }, CHOICE, { client, store: guestStore });
      expect(again.side).toBe('iran');
      expect(again.phase).not.toBe('setup');
      again.leave();

      // The guest goes; the host may hand Iran's seat to the AI, which then plays it.
      guest.leave();
      await until(() => host.otherSeatLeft, 'the host to see that Iran has left');
      const iranMovesNow = () => host.game.log.filter((e) => e.side === 'iran' && ['move', 'agenda', 'mediator'].includes(e.kind)).length;
      const before = iranMovesNow();
      host.handOtherSeatToAi('tit-for-tat');
      await until(() => host.update.settings.iran === 'ai:tit-for-tat', 'the AI to take the seat');
      expect(host.otherSeatLeft).toBe(false);
      const errors: string[] = [];
      host.onChange((e) => {
        if (e.kind === 'refused') errors.push(e.error);
      });
      // The host plays on (a round may open with the host to move again) until the AI has answered.
      for (let i = 0; i < 4 && iranMovesNow() === before && host.game.phase !== 'ended'; i++) {
        const turns = host.update.turns;
        const move = host.legalActions().find((a) => a.type === 'propose' || a.type === 'accept-agenda' || a.type === 'force-agenda');
        if (host.isMyTurn && move) expect(host.act(move)).toBeNull();
        await until(() => host.update.turns > turns || errors.length > 0, 'the move to land');
      }
      expect(iranMovesNow() > before || host.game.phase === 'ended').toBe(true);
      expect(errors).toEqual([]);

      // A code with no table is said in words.
      await expect(connectTable({ kind: 'join', code: 'ZZZZ-ZZZZ' }, CHOICE, { client, store: memoryStore() })).rejects.toThrow(
        /ZZZZ-ZZZZ/,
      );
    } finally {
      host.leave();
      guest.leave();
    }
  });
});
