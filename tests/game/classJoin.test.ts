// A student team joins the teacher's live class on the game page (issue 17), headless: the game
// booted with the harness, and a fake game server (the client factory) standing in for the class
// room and the table room, so each of the class's messages arrives exactly when the test sends it.
import Phaser from 'phaser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app/app';
import { automationApi } from '../../src/app/automation';
import { classTokenKey, countdownText, noticeRemaining } from '../../src/app/classJoin';
import { type OnlineClient, RemoteSession, type RoomLike, tokenKey } from '../../src/app/online';
import { loadScenario } from '../../src/app/scenarios';
import { parseUrl } from '../../src/app/url';
import { legalActionTypes } from '../../src/core/rules';
import { createGame } from '../../src/core/state';
import { viewFor } from '../../src/core/view';
import type { Notice } from '../../src/server/classProtocol';
import type { TableUpdate } from '../../src/server/protocol';
import { memoryStore } from '../support/memoryStore';
import { type Booted, bootGame, boxProblems, controlBoxes, measureTextLikeABrowser, showing, until } from './harness';

measureTextLikeABrowser({ ascent: 0.9, descent: 0.3 });

const CLASS = 'K7QW-M3ZP';
const TABLE = 'TABL-E234';
const TEAM_TOKEN = 'c'.repeat(32);

/** A room whose messages the test sends (`emit`) and whose sends and leaving it records. */
interface FakeRoom extends RoomLike {
  emit(type: string, message: unknown): void;
  close(code: number): void;
  left: boolean;
  sent: string[];
}

function fakeRoom(roomId: string): FakeRoom {
  const handlers = new Map<string, ((m: unknown) => void)[]>();
  const leaves: ((code: number) => void)[] = [];
  const room: FakeRoom = {
    roomId,
    left: false,
    sent: [],
    onMessage: (type, cb) => handlers.set(type, [...(handlers.get(type) ?? []), cb]),
    onLeave: (cb) => leaves.push(cb),
    send: (type) => room.sent.push(type),
    leave: () => {
      room.left = true;
    },
    emit: (type, message) => {
      for (const cb of handlers.get(type) ?? []) cb(message);
    },
    close: (code) => {
      for (const cb of leaves) cb(code);
    },
  };
  return room;
}

/** The first update of a fresh class table, as the server sends it to the Iran seat. */
function tableUpdate(): TableUpdate {
  const loaded = loadScenario('muscat-2026');
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const settings = { us: 'human' as const, iran: 'human' as const, difficulty: 'normal' };
  const game = createGame(loaded.scenario, 'class-seed', settings);
  return {
    code: TABLE,
    scenarioId: 'muscat-2026',
    scenarioSha: loaded.hash,
    viewer: 'iran',
    hostSide: 'us',
    turns: 0,
    checksum: null,
    final: null,
    settings,
    seats: {
      us: { controller: 'human', name: 'Reds', taken: true, connected: true },
      iran: { controller: 'human', name: 'Blues', taken: true, connected: true },
    },
    legal: legalActionTypes(loaded.scenario, game, 'iran'),
    view: viewFor(loaded.scenario, game, 'iran'),
  };
}

/**
 * The fake server: joining the class answers with `classAnswer` (a room, or an error thrown as the
 * server refuses), joining the table sends its welcome and first update. Every join is recorded.
 */
function fakeServer() {
  const joins: { code: string; options: Record<string, unknown> }[] = [];
  const server = {
    joins,
    classRooms: [] as FakeRoom[],
    tableRooms: [] as FakeRoom[],
    refuse: null as ((options: Record<string, unknown>) => string | null) | null,
    client: (): OnlineClient => ({
      create: async () => {
        throw new Error('no tables are created in class');
      },
      joinById: async (code, options) => {
        joins.push({ code, options: options as Record<string, unknown> });
        const refusal = server.refuse?.(options as Record<string, unknown>);
        if (refusal) throw new Error(refusal);
        if (code === CLASS) {
          const room = fakeRoom(code);
          server.classRooms.push(room);
          return room;
        }
        if (code === TABLE) {
          const room = fakeRoom(code);
          server.tableRooms.push(room);
          setTimeout(() => {
            room.emit('welcome', { code: TABLE, viewer: 'iran', token: null, host: false });
            room.emit('update', tableUpdate());
          }, 0);
          return room;
        }
        throw new Error('no rooms found with provided criteria');
      },
    }),
  };
  return server;
}

const screenText = () => document.getElementById('bc-screen')?.textContent ?? '';
const texts = (scene: Phaser.Scene) =>
  scene.children.list.filter((c): c is Phaser.GameObjects.Text => c instanceof Phaser.GameObjects.Text && c.visible).map((t) => t.text);
const lastClassRoom = (server: ReturnType<typeof fakeServer>) => server.classRooms.at(-1) as FakeRoom;

let server: ReturnType<typeof fakeServer>;
let booted: Booted | null = null;
const original = { client: App.onlineClient, navigate: App.navigate };

beforeEach(() => {
  server = fakeServer();
  App.onlineClient = server.client;
});

afterEach(async () => {
  booted?.app.toTitle();
  await booted?.destroy();
  booted = null;
  App.onlineClient = original.client;
  App.navigate = original.navigate;
});

describe('the class link', () => {
  it('reads ?class=CODE as a person types it, and says so when it is not a code', () => {
    expect(parseUrl('?class=k7qw m3zp')).toMatchObject({ mode: 'online', class: CLASS, table: null, problems: [] });
    expect(parseUrl('?class=nope')).toMatchObject({ class: null, mode: 'solo' });
    expect(parseUrl('?class=nope').problems).toEqual(['“nope” is not a class code (class=): a code looks like K7QW-M3ZP.']);
  });

  it('opens the title screen at the class’s panel: the team’s name and “Join the class”, nothing overlapping', async () => {
    booted = await bootGame('?class=k7qwm3zp', memoryStore());
    const { app } = booted;
    expect(app.choice.mode).toBe('online');
    expect(app.classJoin?.code).toBe(CLASS);
    expect(app.classJoin?.status).toBe('idle');
    // Nothing is sent before the team has a name.
    expect(server.joins).toEqual([]);
    await until(
      () => booted?.buttons().some((b) => /^Join the class K7QW-M3ZP/.test(b.getAttribute('aria-label') ?? '')) ?? false,
      'the panel',
    );
    expect(document.querySelector('input[data-key="online-name"]')?.getAttribute('maxlength')).toBe('40');
    // The class chose the game: no table is created here.
    expect(booted.buttons().some((b) => /^Create a table/.test(b.getAttribute('aria-label') ?? ''))).toBe(false);
    expect(screenText()).toMatch(/Join the class K7QW-M3ZP/);
    expect(boxProblems(controlBoxes())).toEqual([]);
    // Joining without a name is refused in words, before the server.
    booted.button(/^Join the class K7QW-M3ZP/).click();
    expect(app.classJoin?.problem).toBe('Enter your team’s name to join the class.');
    expect(server.joins).toEqual([]);
    // "Not in a class?" goes back to the ordinary online panel.
    booted.button(/^Not in a class/).click();
    expect(app.classJoin).toBeNull();
    await until(() => booted?.buttons().some((b) => /^Create a table/.test(b.getAttribute('aria-label') ?? '')) ?? false, 'online play');
  });

  it('offers “Join a class” and “Run a class…” on the online title screen', async () => {
    booted = await bootGame('?mode=online', memoryStore());
    const { app } = booted;
    const opened: string[] = [];
    App.navigate = (url) => opened.push(url);
    expect(boxProblems(controlBoxes())).toEqual([]);
    booted.button(/^Run a class: open the teacher’s console/).click();
    expect(opened).toEqual(['class.html?new']);
    // A class code typed where a table's goes: the class's panel.
    const field = document.querySelector('input[data-key="table-code"]') as HTMLInputElement;
    field.value = 'k7qw-m3zp';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    booted.button(/^Join the class with this code/).click();
    expect(app.classJoin?.code).toBe(CLASS);
    await until(
      () => booted?.buttons().some((b) => /^Join the class K7QW-M3ZP/.test(b.getAttribute('aria-label') ?? '')) ?? false,
      'the panel',
    );
    expect(boxProblems(controlBoxes())).toEqual([]);
  });
});

describe('joining a class', () => {
  it('joins with the team’s name, keeps the token, waits, and sits down at its table when seated', async () => {
    const store = memoryStore();
    booted = await bootGame(`?class=${CLASS}`, store);
    const { app } = booted;
    const name = document.querySelector('input[data-key="online-name"]') as HTMLInputElement;
    name.value = 'Blues';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    booted.button(/^Join the class K7QW-M3ZP/).click();
    expect(app.classJoin?.status).toBe('joining');
    await until(() => server.classRooms.length === 1, 'the class join');
    expect(server.joins).toEqual([{ code: CLASS, options: { name: 'Blues' } }]);
    const room = lastClassRoom(server);
    room.emit('welcome', { role: 'student', code: CLASS, team: 't1', name: 'Blues', token: TEAM_TOKEN });
    expect(store.map.get(classTokenKey(CLASS))).toBe(TEAM_TOKEN);
    expect(app.classJoin?.status).toBe('waiting');
    await until(() => /Seated soon: waiting for another team to join the class…/.test(screenText()), 'the waiting line');
    // The team's internal id (t1) is never shown.
    expect(screenText()).not.toMatch(/\bt1\b/);
    // The teacher's message while the team waits: on the class's panel.
    room.emit('notice', { text: 'Tables open in a minute.', until: null, now: Date.now() });
    await until(() => /From your teacher/.test(screenText()) && /Tables open in a minute\./.test(screenText()), 'the notice');

    room.emit('seated', { table: TABLE, side: 'iran' });
    // The class room is left; the team token is the table's seat token, and the table is joined with it.
    expect(room.left).toBe(true);
    expect(store.map.get(tokenKey(TABLE))).toBe(TEAM_TOKEN);
    await showing(booted, 'briefing');
    expect(server.joins.at(-1)).toEqual({ code: TABLE, options: { token: TEAM_TOKEN, deltas: true } });
    const session = app.session as RemoteSession;
    expect(session).toBeInstanceOf(RemoteSession);
    expect(session.code).toBe(TABLE);
    expect(session.side).toBe('iran');
    expect(app.classJoin?.status).toBe('seated');
    // The message the class sent goes on showing at the table, until dismissed.
    expect(session.notice?.text).toBe('Tables open in a minute.');
  });

  it('takes the team’s place back with the kept token on a later visit (no name needed)', async () => {
    const store = memoryStore({ [classTokenKey(CLASS)]: TEAM_TOKEN });
    booted = await bootGame(`?class=${CLASS}`, store);
    await until(() => server.classRooms.length === 1, 'the class join');
    expect(server.joins).toEqual([{ code: CLASS, options: { token: TEAM_TOKEN } }]);
    lastClassRoom(server).emit('welcome', { role: 'student', code: CLASS, team: 't1', name: 'Blues', token: TEAM_TOKEN });
    lastClassRoom(server).emit('seated', { table: TABLE, side: 'iran' });
    await until(() => booted?.app.session !== null, 'the table');
    expect(server.joins.at(-1)).toEqual({ code: TABLE, options: { token: TEAM_TOKEN, deltas: true } });
  });

  it('forgets a token the class refuses and joins with the team’s name', async () => {
    const store = memoryStore({ [classTokenKey(CLASS)]: 'd'.repeat(32) });
    server.refuse = (options) => (options.token ? 'this class does not know that team token' : null);
    booted = await bootGame('?mode=online', store);
    const { app } = booted;
    const api = automationApi(app);
    expect(api.act({ type: 'join-class', code: 'k7qw m3zp', name: 'Greens' })).toMatchObject({ ok: true });
    await until(() => server.classRooms.length === 1, 'the join by name');
    expect(server.joins).toEqual([
      { code: CLASS, options: { token: 'd'.repeat(32) } },
      { code: CLASS, options: { name: 'Greens' } },
    ]);
    expect(store.map.has(classTokenKey(CLASS))).toBe(false);
    lastClassRoom(server).emit('welcome', { role: 'student', code: CLASS, team: 't2', name: 'Greens', token: TEAM_TOKEN });
    expect(store.map.get(classTokenKey(CLASS))).toBe(TEAM_TOKEN);
  });

  it('shows the server’s sentence when the class refuses, and says when there is no such class', async () => {
    server.refuse = () => 'This class has ended.';
    booted = await bootGame(`?class=${CLASS}`, memoryStore());
    const { app } = booted;
    const api = automationApi(app);
    expect(api.act({ type: 'join-class', code: CLASS, name: 'Blues' })).toMatchObject({ ok: true });
    await app.classJoin?.pending;
    expect(app.classJoin?.status).toBe('refused');
    expect(app.classJoin?.problem).toBe('Joining class K7QW-M3ZP failed: This class has ended.');
    await until(() => /Could not join the class: Joining class K7QW-M3ZP failed: This class has ended\./.test(screenText()), 'the refusal');
    expect(app.screen).toBe('title');

    server.refuse = null;
    expect(api.act({ type: 'join-class', code: 'ZZZZ-ZZZZ', name: 'Blues' })).toMatchObject({ ok: true });
    await app.classJoin?.pending;
    expect((api.state() as { class: { problem: string } }).class.problem).toBe('There is no class ZZZZ-ZZZZ (check the code).');
  });

  it('plays join-class through the automation API', async () => {
    booted = await bootGame('?mode=online', memoryStore());
    const { app } = booted;
    const api = automationApi(app);
    expect(api.legalActions()).toContainEqual({ type: 'join-class', code: '…', name: '…' });
    expect(api.act({ type: 'join-class', code: 'nope', name: 'Blues' })).toMatchObject({
      ok: false,
      error: '“nope” is not a class code: a code has 8 letters and digits, like K7QW-M3ZP.',
    });
    expect(api.act({ type: 'join-class', code: CLASS, name: 'x'.repeat(41) })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/at most 40/),
    });
    const joined = api.act({ type: 'join-class', code: CLASS, name: 'Blues' }) as { ok: boolean; state: { class: unknown } };
    expect(joined.ok).toBe(true);
    expect(joined.state.class).toMatchObject({ code: CLASS, team: 'Blues', status: 'joining', problem: null });
    await until(() => server.classRooms.length === 1, 'the class join');
    lastClassRoom(server).emit('welcome', { role: 'student', code: CLASS, team: 't1', name: 'Blues', token: TEAM_TOKEN });
    expect((api.state() as { class: unknown }).class).toMatchObject({ status: 'waiting', team: 'Blues', table: null });
    // While the team waits in the class, no other table or class is offered.
    expect(api.legalActions().some((a) => /-(table|class)$/.test((a as { type: string }).type))).toBe(false);
    expect(api.act({ type: 'join-class', code: CLASS, name: 'Blues' })).toMatchObject({
      ok: false,
      error: 'Already joining class K7QW-M3ZP.',
    });
    lastClassRoom(server).emit('seated', { table: TABLE, side: 'iran' });
    await showing(booted, 'briefing');
    expect((api.state() as { class: unknown }).class).toMatchObject({ status: 'seated', table: TABLE, side: 'iran' });
    expect((api.state() as { online: { code: string } }).online.code).toBe(TABLE);
  });
});

describe('the teacher’s messages at the table', () => {
  async function seated(): Promise<{ table: Phaser.Scene; room: FakeRoom; session: RemoteSession }> {
    booted = await bootGame(`?class=${CLASS}`, memoryStore({ [classTokenKey(CLASS)]: TEAM_TOKEN }));
    await until(() => server.classRooms.length === 1, 'the class join');
    lastClassRoom(server).emit('welcome', { role: 'student', code: CLASS, team: 't1', name: 'Blues', token: TEAM_TOKEN });
    lastClassRoom(server).emit('seated', { table: TABLE, side: 'iran' });
    const table = await showing(booted, 'briefing');
    return { table, room: server.tableRooms.at(-1) as FakeRoom, session: booted.app.session as RemoteSession };
  }

  it('counts down in the server’s time, whatever the device’s clock says', () => {
    // The server's clock is at 1 000 000 when the notice arrives; the device's at 5 000 000.
    const notice: Notice = { text: 'Five minutes left', until: 1_000_000 + 300_000, now: 1_000_000 };
    const offset = notice.now - 5_000_000;
    expect(noticeRemaining(notice, offset, 5_000_000)).toBe(300_000);
    expect(noticeRemaining(notice, offset, 5_000_000 + 61_500)).toBe(238_500);
    expect(countdownText(238_500)).toBe('03:59');
    expect(noticeRemaining(notice, offset, 5_000_000 + 400_000)).toBe(0);
    expect(noticeRemaining({ ...notice, until: null }, offset)).toBeNull();
  });

  it('shows a notice as a banner with a live countdown, reads it aloud once, and dismisses it', async () => {
    const { table, room, session } = await seated();
    // The server's clock is far from the device's: the countdown still starts at five minutes.
    room.emit('notice', { text: 'Five minutes to a deal.', until: 1_000 + 300_000, now: 1_000 });
    expect(session.notice?.text).toBe('Five minutes to a deal.');
    await until(() => texts(table).includes('FROM YOUR TEACHER'), 'the banner');
    expect(texts(table)).toContain('Five minutes to a deal.');
    expect(texts(table).some((t) => /^⏱ 0[45]:\d\d$/.test(t))).toBe(true);
    expect(screenText()).toMatch(/From your teacher.*Five minutes to a deal\..*Time left: 0[45]:\d\d\./);
    expect(document.getElementById('bc-live')?.textContent).toMatch(/From your teacher: Five minutes to a deal\. Time left: 0[45]:\d\d\./);
    // Read aloud once, however often the screen redraws.
    booted?.app.notify({ kind: 'view' });
    booted?.app.notify({ kind: 'view' });
    const spoken = [...document.querySelectorAll('#bc-log li')].filter((li) => /Five minutes to a deal/.test(li.textContent ?? ''));
    expect(spoken).toHaveLength(1);
    const api = automationApi(booted?.app as App);
    expect((api.state() as { notice: { text: string; secondsLeft: number } }).notice).toMatchObject({ text: 'Five minutes to a deal.' });
    expect((api.state() as { notice: { secondsLeft: number } }).notice.secondsLeft).toBeGreaterThan(290);
    expect(api.legalActions()).toContainEqual({ type: 'dismiss-notice' });

    // A short countdown ticks down to its end by itself, with no redraw of the screen.
    room.emit('notice', { text: 'Vote now.', until: 1_000 + 1_500, now: 1_000 });
    await until(() => texts(table).some((t) => /^⏱ 00:0[12]$/.test(t)), 'the short countdown');
    await until(() => texts(table).includes('⏱ Time is up'), 'the countdown to end', 5_000);
    expect(document.getElementById('bc-log')?.textContent).toMatch(/From your teacher: time is up\./);

    (booted as Booted).button(/^Dismiss the message from your teacher: Vote now\./).click();
    expect(session.notice).toBeNull();
    await until(() => !texts(table).includes('FROM YOUR TEACHER'), 'the banner to go');
    expect(screenText()).not.toMatch(/From your teacher/);
    expect(api.act({ type: 'dismiss-notice' })).toMatchObject({ ok: false });
  });

  it('cuts a long notice to two lines at a word, with an ellipsis', async () => {
    const { table, room } = await seated();
    const long =
      `${'Remember that every concession you make now will be read at home as weakness, '.repeat(3)}so choose them with care.`.slice(
        0,
        280,
      );
    room.emit('notice', { text: long, until: null, now: Date.now() });
    await until(() => texts(table).includes('FROM YOUR TEACHER'), 'the banner');
    const shown = texts(table).find((t) => t.startsWith('Remember that every concession'));
    expect(shown).toBeDefined();
    expect(shown?.split('\n').length).toBeLessThanOrEqual(2);
    expect(shown?.endsWith('…')).toBe(true);
    // The whole message is in the screen's text version and the announcement.
    expect(screenText()).toContain(long);
    // No countdown without `until`.
    expect(texts(table).some((t) => t.startsWith('⏱'))).toBe(false);
    // It stays over the next screen too (the agenda dispute), until dismissed.
    (booted as Booted).button(/^Go to the agenda dispute/).click();
    const agenda = await showing(booted as Booted, 'agenda');
    await until(() => texts(agenda).includes('FROM YOUR TEACHER'), 'the banner on the agenda');
    (booted as Booted).button(/^Dismiss the message from your teacher/).click();
    await until(() => !texts(agenda).includes('FROM YOUR TEACHER'), 'the banner to go');
  });
});
