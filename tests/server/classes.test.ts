import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { readReplay, verifyReplay } from '../../src/core/replay';
import { noticeText } from '../../src/i18n/serverWords';
import type { Notice } from '../../src/server/classProtocol';
import { startServer } from '../../src/server/server';
import { loadShipped } from '../support/scenarios';
import { serverBackends, useServer } from './backends';
import { createClass, joinClass, openConsole, type Student, waitFor, wordsDiffer } from './classClient';

// Every answer and notice the server sent with a message: the pages' English words for it are the server's own.
afterAll(() => expect(wordsDiffer).toEqual([]));

import { joinTable, playToEnd, type Seat } from './client';

const { scenario, sha256 } = loadShipped('muscat-2026');
const backends = serverBackends();

/** A table seat that also keeps the teacher's notices it receives. */
async function sit(url: string, table: string, token: string): Promise<Seat & { notices: Notice[] }> {
  const seat = await joinTable(url, table, { token, deltas: true });
  const notices: Notice[] = [];
  seat.room.onMessage('notice', (n: Notice) => notices.push(n));
  return Object.assign(seat, { notices });
}

describe.each(backends)('classes on $name', ({ opts }) => {
  const server = useServer(opts);

  it('seats two teams a table, follows the tables live, and the teacher’s actions reach only the tables named', async () => {
    const teacher = await createClass(server.url, {
      scenarioId: 'muscat-2026',
      title: 'Period 3',
      formation: 'teams',
      seedPolicy: 'same',
      seed: 'class-1',
    });
    expect(teacher.welcome.token).toMatch(/^[0-9a-f]{32}$/);
    expect(teacher.code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect(teacher.states[0]?.info).toMatchObject({ title: 'Period 3', formation: 'teams', seedPolicy: 'same', seed: 'class-1' });

    // The class's code typed where a table's goes: a sentence, not a shape error.
    await expect(joinTable(server.url, teacher.code, { deltas: true })).rejects.toThrow(/is a class, not a table/);

    // Four teams: the first two share a table, the next two the second.
    const names = ['Falcons', 'Owls', 'Herons', 'Kites'];
    const students: Student[] = [];
    for (const name of names) students.push(await joinClass(server.url, teacher.code, { name }));
    const seats = await Promise.all(students.map((s) => s.untilSeated()));
    expect(seats.map((s) => s.side)).toEqual(['us', 'iran', 'us', 'iran']);
    expect(seats[0]?.table).toBe(seats[1]?.table);
    expect(seats[2]?.table).toBe(seats[3]?.table);
    expect(seats[0]?.table).not.toBe(seats[2]?.table);
    const [a, b] = [seats[0]?.table as string, seats[2]?.table as string];
    await waitFor(() => teacher.teams.filter((t) => t.table).length === 4, 'the console to list four seated teams');
    const rowA = await teacher.untilRow((t) => t.code === a, 'table A on the grid');
    expect(rowA.seats.us!.name).toBe('Falcons');
    expect(rowA.seats.iran!.name).toBe('Owls');

    // Each team takes its seat with its own token (the team token is the seat token).
    const tokens = students.map((s) => s.welcome.token);
    const [aUs, aIran, bUs, bIran] = await Promise.all(seats.map((s, i) => sit(server.url, s.table, tokens[i] as string)));
    expect(aUs?.welcome.viewer).toBe('us');
    expect(bIran?.welcome.viewer).toBe('iran');
    await teacher.untilRow((t) => t.code === a && t.seats.us!.connected && t.seats.iran!.connected, 'both seats at A connected');

    // A stranger cannot take a seat at a class table by its code.
    await expect(joinTable(server.url, a, {})).rejects.toThrow(/belongs to a class/);

    // Moves land: the console's row follows.
    await playToEnd(scenario, { us: aUs as Seat, iran: aIran as Seat }, { stopAt: (u) => u.view.phase === 'rounds' });
    await playToEnd(scenario, { us: bUs as Seat, iran: bIran as Seat }, { stopAt: (u) => u.view.phase === 'rounds' });
    const turnsA = (aUs as Seat).last().turns;
    const moved = await teacher.untilRow((t) => t.code === a && t.turns === turnsA, 'the console to show A’s last turn');
    expect(moved.phase).toBe('rounds');
    expect(moved.lastMove).toBeTruthy();
    expect(moved.lastMoveAt).toBeGreaterThan(Date.now() - 60_000);

    // Pause table A only: A is paused (a facilitator turn), B plays on.
    teacher.room.send('facilitate', { tables: [a], action: { type: 'pause', paused: true } });
    expect(await teacher.untilDone(/^Paused: 1 table$/)).toBeTruthy();
    await (aUs as Seat).until((u) => u.view.paused === true, 'A paused');
    await teacher.untilRow((t) => t.code === a && t.paused, 'the console to show A paused');
    expect((bUs as Seat).last().view.paused).toBe(false);
    expect(teacher.tables.get(b)?.paused).toBe(false);
    const stillB = (bUs as Seat).last();
    expect(stillB.view.toMove).toBeDefined();

    // Inject an event into B only.
    const event = scenario.events.find((e) => !(bUs as Seat).last().view.eventsSeen.includes(e.id)) as (typeof scenario.events)[number];
    const logA = (aUs as Seat).last().view.log.length;
    teacher.room.send('facilitate', { tables: [b], action: { type: 'inject', event: event.id } });
    await teacher.untilDone(/injected: 1 table/);
    await (bIran as Seat).until((u) => u.view.eventsSeen.includes(event.id), 'the event at B');
    expect((aUs as Seat).last().view.eventsSeen.includes(event.id) && (aUs as Seat).last().view.log.length > logA).toBe(false);

    // A broadcast to A only: A's teams see it with its countdown; B's do not.
    teacher.room.send('broadcast', { tables: [a], text: 'Five minutes left <b>now</b>', countdown: 300 });
    await teacher.untilDone(/Message sent to 1 table/);
    const heard = await waitFor(() => (aIran as { notices: Notice[] }).notices[0], 'the notice at A');
    expect(heard.text).toBe('Five minutes left <b>now</b>');
    expect((heard.until as number) - heard.now).toBeGreaterThan(295_000);
    await new Promise((r) => setTimeout(r, 200));
    expect((bUs as { notices: Notice[] }).notices).toHaveLength(0);

    // Resume A; A's and B's stored turns (facilitator turns included) verify as replays.
    teacher.room.send('facilitate', { tables: 'all', action: { type: 'pause', paused: false } });
    await teacher.untilDone(/^Resumed: 2 tables$/);
    await (aUs as Seat).until((u) => u.view.paused === false, 'A resumed');
    const stored = await server.store.turns(a);
    expect(stored.filter((t) => t.side === 'facilitator').map((t) => (t.action as { type: string }).type)).toEqual(['pause', 'pause']);

    // The teacher's detail of one table: both briefs; the students' views never had the other's.
    teacher.room.send('detail', { table: a });
    const detail = await waitFor(() => teacher.details.find((d) => d.code === a), 'the detail of A');
    expect(detail.view.types.us?.weights).toBeTruthy();
    expect(detail.view.types.iran?.weights).toBeTruthy();
    expect((aUs as Seat).last().view.types.iran).toBeNull();

    // Students may not do the teacher's part.
    students[0]?.room.send('facilitate', { tables: 'all', action: { type: 'pause', paused: true } });
    students[0]?.room.send('end', {});
    await waitFor(() => students[0]?.refusals.length === 2, 'two refusals');
    expect(students[0]?.refusals[0]).toMatch(/only the class's teacher can do that/);
    // A teacher's bad message is refused with its path.
    teacher.room.send('facilitate', { tables: [a], action: { type: 'inject', event: 'no-such-event' } });
    await teacher.untilDone(/refused at .*unknown event/);
    teacher.room.send('facilitate', { tables: ['ZZZZ-ZZZZ'], action: { type: 'pause', paused: true } });
    await teacher.untilRefused(/not tables of this class: ZZZZ-ZZZZ/);

    // The debrief over HTTP: the teacher's token only.
    const noAuth = await fetch(`${server.url}/api/classes/${teacher.code}/replays`);
    expect(noAuth.status).toBe(401);
    const wrong = await fetch(`${server.url}/api/classes/${teacher.code}/replays`, {
      headers: { authorization: `Bearer ${tokens[0]}` },
    });
    expect(wrong.status).toBe(403);
    const auth = { authorization: `Bearer ${teacher.welcome.token}` };
    const body = (await (await fetch(`${server.url}/api/classes/${teacher.code}/replays`, { headers: auth })).json()) as {
      tables: { code: string; teams: { us: string; iran: string }; replay: unknown }[];
    };
    expect(body.tables.map((t) => t.code)).toEqual([a, b]);
    expect(body.tables[0]?.teams).toEqual({ us: 'Falcons', iran: 'Owls' });
    for (const t of body.tables) {
      const read = readReplay(t.replay);
      expect(read.ok).toBe(true);
      if (read.ok) expect(verifyReplay(scenario, sha256, read.replay).ok).toBe(true);
    }
    const zip = await fetch(`${server.url}/api/classes/${teacher.code}/replays.zip`, { headers: auth });
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual([
      `backchannel-${teacher.code}-01-${a}.replay.json`,
      `backchannel-${teacher.code}-02-${b}.replay.json`,
    ]);
    // A class table's replay is not public by its table code.
    expect((await fetch(`${server.url}/api/tables/${a}/replay`)).status).toBe(403);

    for (const s of [aUs, aIran, bUs, bIran]) await s?.room.leave();
    for (const s of students) await s.room.leave();
    await teacher.room.leave();
  });

  it('takes a dropped team back to its seat, gives a lone team the AI, pairs a second teacher device, and refuses another class’s tokens', async () => {
    const teacher = await createClass(server.url, { scenarioId: 'muscat-2026', formation: 'teams', seedPolicy: 'each' });
    const other = await createClass(server.url, {
      scenarioId: 'muscat-2026',
      formation: 'ai',
      personality: 'hardliner',
      seedPolicy: 'same',
    });
    expect(other.states[0]?.info.personality).toBe('Hardliner');

    const lone = await joinClass(server.url, teacher.code, { name: 'Team Lone' });
    await waitFor(() => teacher.teams.length === 1, 'the console to list the team');
    expect(lone.seated).toBeNull();
    // A second team of the same name is refused.
    await expect(joinClass(server.url, teacher.code, { name: 'team lone' })).rejects.toThrow(/already joined/);
    // The teacher gives the lone team the AI.
    teacher.room.send('seat-ai', { team: lone.welcome.team });
    const seat = await lone.untilSeated();
    await teacher.untilDone(/Team Lone plays/);
    // The device drops and comes back with its token: the same seat.
    const token = lone.welcome.token;
    await lone.room.leave();
    const back = await joinClass(server.url, teacher.code, { token });
    expect(back.welcome.name).toBe('Team Lone');
    expect(await back.untilSeated()).toEqual(seat);
    // A token of one class means nothing in another, for the class and for its tables.
    await expect(joinClass(server.url, other.code, { token })).rejects.toThrow(/does not belong to this class/);
    await expect(openConsole(server.url, other.code, { teacher: teacher.welcome.token as string })).rejects.toThrow(
      /teacher token does not belong/,
    );

    // In an AI class every team plays alone.
    const solo = await joinClass(server.url, other.code, { name: 'Solo' });
    const soloSeat = await solo.untilSeated();
    const table = await sit(server.url, soloSeat.table, solo.welcome.token);
    expect(table.last().settings[soloSeat.side === 'us' ? 'iran' : 'us']).toBe('ai:hardliner');
    await expect(joinTable(server.url, soloSeat.table, { token })).rejects.toThrow(/token does not belong/);
    // A team cannot hand the AI's seat (or its own) to anyone: the seats are the class's.
    table.room.send('seat', { side: soloSeat.side === 'us' ? 'iran' : 'us', controller: 'human' });
    await table.untilRefused(/the seats are the class’s/);

    // A second device for the teacher: a one-time code.
    teacher.room.send('pair', {});
    const code = await waitFor(() => teacher.pairCodes[0], 'a pairing code');
    const second = await openConsole(server.url, teacher.code, { pair: code });
    expect(second.welcome.token).toBe(teacher.welcome.token);
    await expect(openConsole(server.url, teacher.code, { pair: code })).rejects.toThrow(/not \(or no longer\) valid/);

    // Ending the class: no new team; the tables playing are paused.
    other.room.send('end', {});
    await other.untilDone(/^The class has ended. Paused: 1 table$/);
    await table.until((u) => u.view.paused === true, 'the AI table paused');
    await expect(joinClass(server.url, other.code, { name: 'Late' })).rejects.toThrow(/has ended/);

    // Deleting: the class and its tables go, and whoever was in them is let go.
    const del = await fetch(`${server.url}/api/classes/${other.code}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${other.welcome.token}` },
    });
    expect(del.status).toBe(200);
    expect(await server.store.getClass(other.code)).toBeNull();
    expect(await server.store.getTable(soloSeat.table)).toBeNull();
    expect(await server.store.turns(soloSeat.table)).toEqual([]);
    for (const r of [back.room, second.room, teacher.room]) await r.leave();
  });
});

describe('the teacher seats the teams', () => {
  it('leaves teams waiting until the teacher pairs two of them, the first as the US', async () => {
    const server = await startServer({ port: 0, host: '127.0.0.1', staticDir: null, log: () => undefined, dataDir: 'memory://' });
    const teacher = await createClass(server.url, {
      scenarioId: 'muscat-2026',
      formation: 'teams',
      seating: 'teacher',
      seedPolicy: 'same',
    });
    expect(teacher.states[0]?.info.seating).toBe('teacher');
    const teams: Student[] = [];
    for (const name of ['Ash', 'Birch', 'Cedar']) teams.push(await joinClass(server.url, teacher.code, { name }));
    await waitFor(() => teacher.teams.length === 3, 'three teams on the console');
    await new Promise((r) => setTimeout(r, 200));
    expect(teams.map((t) => t.seated)).toEqual([null, null, null]);
    const [ash, birch, cedar] = teams.map((t) => t.welcome.team);
    teacher.room.send('seat', { us: cedar, iran: ash });
    await teacher.untilDone(/^Cedar and Ash are seated together$/);
    const [a, c] = await Promise.all([teams[0]?.untilSeated(), teams[2]?.untilSeated()]);
    expect([c?.side, a?.side]).toEqual(['us', 'iran']);
    expect(c?.table).toBe(a?.table);
    expect(teams[1]?.seated).toBeNull();
    teacher.room.send('seat', { us: birch, iran: ash });
    await teacher.untilRefused(/^seat: Ash already has a seat$/);
    teacher.room.send('seat', { us: birch, iran: birch });
    await teacher.untilRefused(/^seat: a team cannot sit against itself$/);
    teams[1]?.room.send('seat', { us: birch, iran: birch });
    await waitFor(() => teams[1]?.refusals[0], 'a refusal to the student');
    expect(teams[1]?.refusals[0]).toMatch(/only the class's teacher/);
    for (const r of [...teams.map((t) => t.room), teacher.room]) await r.leave();
    await server.close();
  }, 60_000);
});

describe('a timer per round', () => {
  it('counts each round down on the teams’ screens and on the console', async () => {
    const server = await startServer({ port: 0, host: '127.0.0.1', staticDir: null, log: () => undefined, dataDir: 'memory://' });
    const teacher = await createClass(server.url, {
      scenarioId: 'muscat-2026',
      formation: 'ai',
      personality: 'tit-for-tat',
      studentSide: 'us',
      seedPolicy: 'same',
      roundMinutes: 2,
    });
    const team = await joinClass(server.url, teacher.code, { name: 'Timed' });
    const seat = await team.untilSeated();
    const us = await sit(server.url, seat.table, team.welcome.token);
    await playToEnd(scenario, { us: us as Seat }, { stopAt: (u) => u.view.phase === 'rounds' });
    const notice = await waitFor(
      () => us.notices.find((n) => /^Round 1 of \d+: 2 minutes for this round\.$/.test(n.text)),
      'round 1’s timer',
    );
    expect((notice.until as number) - notice.now).toBeGreaterThan(115_000);
    // The page says it from its message: the same words in English, its own in Persian.
    expect(noticeText(notice)).toBe(notice.text);
    expect(notice.msg).toEqual({ id: 'round-timer', round: 1, of: expect.any(Number), minutes: 2 });
    const row = await teacher.untilRow((t) => t.code === seat.table && t.roundEndsAt !== null, 'the round’s timer on the console');
    expect(row.roundEndsAt).toBe(notice.until);
    // The next round starts a new countdown.
    await playToEnd(scenario, { us: us as Seat }, { stopAt: (u) => u.view.round >= 2 || u.view.phase === 'ended' });
    if (us.last().view.phase !== 'ended') await waitFor(() => us.notices.find((n) => n.text.startsWith('Round 2 of')), 'round 2’s timer');
    for (const r of [us.room, team.room, teacher.room]) await r.leave();
    await server.close();
  }, 60_000);
});

describe('a class kept in the database', () => {
  it('comes back after a restart with its tables, and an ended class reopens from the console a week later', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'backchannel-class-')), 'data');
    const start = () => startServer({ port: 0, host: '127.0.0.1', staticDir: null, log: () => undefined, dataDir });
    let server = await start();
    const teacher = await createClass(server.url, { scenarioId: 'muscat-2026', formation: 'teams', seedPolicy: 'same', seed: 'kept' });
    const teams = [await joinClass(server.url, teacher.code, { name: 'Red' }), await joinClass(server.url, teacher.code, { name: 'Blue' })];
    const [us, iran] = await Promise.all(teams.map(async (t) => sit(server.url, (await t.untilSeated()).table, t.welcome.token)));
    await playToEnd(scenario, { us: us as Seat, iran: iran as Seat }, { stopAt: (u) => u.view.phase === 'rounds' });
    const turns = (us as Seat).last().turns;
    const table = (us as Seat).welcome.code;
    for (const r of [us?.room, iran?.room, ...teams.map((t) => t.room), teacher.room]) await r?.leave();
    await server.close();

    // Restarted: the class and its table are back, and the console shows the table where it was.
    server = await start();
    expect(server.restored.ok).toEqual(expect.arrayContaining([table, teacher.code]));
    const token = teacher.welcome.token as string;
    const again = await openConsole(server.url, teacher.code, { teacher: token });
    const row = await again.untilRow((t) => t.code === table, 'the table on the console after the restart');
    expect(row.turns).toBe(turns);
    expect(row.seats.us!.name).toBe('Red');
    // The team takes its seat back after the restart, with its token.
    const back = await joinClass(server.url, teacher.code, { token: teams[0]?.welcome.token as string });
    expect((await back.untilSeated()).table).toBe(table);
    again.room.send('end', {});
    await again.untilDone(/^The class has ended. Paused: 1 table$/);
    for (const r of [back.room, again.room]) await r.leave();
    await server.close();

    // A week later: an ended class is not brought back at start, but its teacher reopens it.
    server = await start();
    expect(server.restored.ok).not.toContain(teacher.code);
    const closed = await fetch(`${server.url}/api/classes/${teacher.code}/open`, { method: 'POST' });
    expect(closed.status).toBe(401);
    const open = await fetch(`${server.url}/api/classes/${teacher.code}/open`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(open.status).toBe(200);
    const week = await openConsole(server.url, teacher.code, { teacher: token });
    expect(week.states[0]?.info.endedAt).not.toBeNull();
    const paused = await week.untilRow((t) => t.code === table, 'the table on the reopened console');
    expect(paused).toMatchObject({ paused: true, turns: turns + 1 });
    await week.room.leave();
    await server.close();
  }, 120_000);
});
