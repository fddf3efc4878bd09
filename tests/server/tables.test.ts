import { describe, expect, it } from 'vitest';
import { verifyReplay } from '../../src/core/replay';
import type { GameState, Side } from '../../src/core/types';
import { startServer } from '../../src/server/server';
import { TableRoom } from '../../src/server/tableRoom';
import { loadShipped } from '../support/scenarios';
import { serverBackends, useServer } from './backends';
import { createTable, joinTable, playToEnd, replayOf, type Seat, simpleMove } from './client';

const { scenario, sha256 } = loadShipped('muscat-2026');
const backends = serverBackends();

/** Float64 big-endian bytes (how msgpack writes a non-integer number). */
const float64 = (x: number) => {
  const b = Buffer.alloc(8);
  b.writeDoubleBE(x);
  return b;
};

describe.each(backends)('online tables on $name', ({ opts }) => {
  const server = useServer(opts);

  it('plays a table against the AI to the end: every turn stored before it is told, checksums as offline, the replay verifies', async () => {
    const us = await createTable(server.url, {
      scenarioId: 'muscat-2026',
      seed: 'online-ai-1',
      side: 'us',
      opponent: 'ai:tit-for-tat',
      name: 'Team <b>Blue</b>',
    });
    expect(us.welcome.viewer).toBe('us');
    expect(us.welcome.token).toMatch(/^[0-9a-f]{32}$/);
    expect(us.welcome.code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    // A name is kept as plain text.
    expect(us.last().seats.us!.name).toBe('Team <b>Blue</b>');
    let checked = 0;
    us.room.onMessage('update', (u: { turns: number }) => {
      void server.store.turns(us.welcome.code).then((stored) => {
        expect(stored.length).toBeGreaterThanOrEqual(u.turns);
        checked++;
      });
    });
    const end = await playToEnd(scenario, { us });
    expect(end.view.phase).toBe('ended');
    expect(end.final).toMatch(/^[0-9a-f]{16}$/);
    const stored = await server.store.turns(us.welcome.code);
    expect(stored.length).toBe(end.turns);
    expect(stored.map((t) => t.checksum)).toEqual((await replayOf(us)).checksums);
    const replay = await replayOf(us);
    const verified = verifyReplay(scenario, sha256, replay);
    expect(verified).toMatchObject({ ok: true, checksum: end.final });
    expect(checked).toBeGreaterThan(0);
    await us.room.leave();
  });

  it('two people at one table: each seat sees only its own secrets in every frame until the talks end', async () => {
    // The US client asks for deltas, as the browser does; Iran's is sent whole views: both paths checked.
    const us = await createTable(server.url, {
      scenarioId: 'muscat-2026',
      seed: 'online-secrets-7',
      side: 'us',
      opponent: 'human',
      deltas: true,
    });
    const iran = await joinTable(server.url, us.welcome.code, { name: 'Team Green' });
    expect(iran.welcome.viewer).toBe('iran');
    await us.until((u) => u.seats.iran!.taken && u.seats.iran!.connected, 'Iran to be seated');
    expect((iran.last().view as unknown as GameState).types.us).toBeNull();
    // Each team gives reasons for its moves (its private memo) and makes a perception check.
    iran.act({ type: 'guess', priority: 'sanctions', redLine: 'enrichment', reason: 'IRAN-GUESS-NOTE' });
    us.act({ type: 'guess', priority: 'enrichment', redLine: 'sanctions' });
    await iran.until((u) => u.view.guesses.length === 1, 'the guess to land');
    const end = await playToEnd(scenario, { us, iran }, { reason: (side) => `${side.toUpperCase()}-SECRET-MEMO-31` });
    expect(end.view.phase).toBe('ended');
    const final = end.view as unknown as GameState;
    const secretsOf = (side: Side): { what: string; bytes: Buffer[] }[] => {
      const t = final.types[side]!;
      return [
        ...t.weights.map((w, i) => ({ what: `${side} weight ${i}`, bytes: [float64(w), Buffer.from(String(w))] })),
        { what: `${side} reservation`, bytes: [float64(t.reservation), Buffer.from(String(t.reservation))] },
        { what: `${side} memo`, bytes: [Buffer.from(`${side.toUpperCase()}-SECRET-MEMO-31`)] },
        ...(side === 'iran' ? [{ what: "iran's perception-check note", bytes: [Buffer.from('IRAN-GUESS-NOTE')] }] : []),
        ...final.utilityByRound
          .map((u) => u[side] as number)
          .filter((x) => !Number.isInteger(x))
          .map((x, i) => ({ what: `${side} utility by round ${i}`, bytes: [float64(x)] })),
      ];
    };
    const shared = [
      { what: 'the seed', bytes: [Buffer.from('online-secrets-7')] },
      ...Object.entries(final.rng).flatMap(([name, st]) =>
        Object.values(st as unknown as Record<string, number>)
          .filter((x) => !Number.isInteger(x))
          .map((x) => ({ what: `rng ${name}`, bytes: [float64(x)] })),
      ),
    ];
    for (const [seat, other] of [
      [us, 'iran'],
      [iran, 'us'],
    ] as const) {
      // Every frame up to (not including) the update that ended the talks: the debrief then shows both briefs by design.
      const endIndex = seat.updates.findIndex((u) => u.view.complete);
      const frames = Buffer.concat(
        seat.frames.slice(0, seat.framesAt[endIndex] !== undefined ? seat.framesAt[endIndex] - 1 : seat.frames.length),
      );
      expect(frames.length).toBeGreaterThan(10_000);
      for (const secret of [...secretsOf(other), ...shared])
        for (const bytes of secret.bytes) expect(frames.includes(bytes), `${seat.welcome.viewer} received ${secret.what}`).toBe(false);
      // Its own secrets did reach it (the check can see them when they are there).
      const own = secretsOf(seat.welcome.viewer as Side);
      expect(own.some((s) => s.bytes.some((b) => frames.includes(b)))).toBe(true);
    }
    // After the end the view is complete: the debrief's both briefs.
    expect(final.types.iran!.weights.length).toBeGreaterThan(0);
    expect(verifyReplay(scenario, sha256, await replayOf(iran))).toMatchObject({ ok: true, checksum: end.final });
    await us.room.leave();
    await iran.room.leave();
  });

  it('refuses moves out of turn, from a spectator, malformed, oversized and flooding, with reasons, and plays on', async () => {
    const us = await createTable(server.url, { scenarioId: 'muscat-2026', seed: 'online-bad-3', side: 'us', opponent: 'human' });
    const iran = await joinTable(server.url, us.welcome.code);
    const watcher = await joinTable(server.url, us.welcome.code, { spectate: true });
    expect(watcher.welcome.viewer).toBe('spectator');
    expect(watcher.welcome.token).toBeNull();
    const spectatorView = watcher.last().view as unknown as GameState;
    expect(spectatorView.types).toEqual({ us: null, iran: null });
    // Both seats are taken now.
    await expect(joinTable(server.url, us.welcome.code)).rejects.toThrow(/both seats are taken/);
    await expect(joinTable(server.url, us.welcome.code, { token: 'f'.repeat(32) })).rejects.toThrow(/seat token does not belong/);
    await expect(joinTable(server.url, us.welcome.code, { token: 'nope' } as never)).rejects.toThrow(/join options\.token/);
    const first = us.last();
    const mover = first.view.toMove === 'us' ? us : iran;
    const waiting = mover === us ? iran : us;
    const move = simpleMove(scenario, mover.last(), mover.welcome.viewer as Side);
    // The other seat cannot move for the one whose turn it is.
    waiting.act(move);
    await waiting.untilRefused(/turn|not .*move/i);
    watcher.act(move);
    await watcher.untilRefused(/spectator cannot make moves/);
    mover.act({ type: 'propose', terms: 'all of them' });
    await mover.untilRefused(/^action\.terms: /);
    mover.act({ type: 'launch-missiles' });
    await mover.untilRefused(/^action\.type: /);
    mover.act({ type: 'accept', extra: 1 });
    await mover.untilRefused(/^action: /);
    mover.room.send('act', { action: { type: 'propose', terms: {}, reason: 'x'.repeat(20_000) } });
    await mover.untilRefused(/is \d+ bytes; the limit is 16384/);
    mover.room.send('teleport', {});
    await mover.untilRefused(/unknown message type "teleport"/);
    expect(mover.last().turns).toBe(first.turns);
    // A flood: the burst is refused, the client is told once, and nothing was played.
    for (let i = 0; i < 60; i++) mover.room.send('act', { action: { type: 'walkout-not' } });
    await mover.untilRefused(/too many messages/);
    await new Promise((r) => setTimeout(r, 2500));
    expect(mover.last().turns).toBe(first.turns);
    // The room goes on: the right move from the right seat lands.
    mover.act(move);
    await mover.until((u) => u.turns > first.turns, 'the legal move to land');
    await waiting.until((u) => u.turns > first.turns, 'the other seat to see it');
    for (const s of [us, iran, watcher]) await s.room.leave();
  });

  it('undoes and refuses a move the database could not store', async () => {
    const us = await createTable(server.url, { scenarioId: 'muscat-2026', seed: 'online-db-fail', side: 'us', opponent: 'ai:linear' });
    const before = us.last();
    const services = TableRoom.services;
    const append = services.store.appendBatches.bind(services.store);
    services.store.appendBatches = async () => {
      throw new Error('disk full');
    };
    try {
      us.act(simpleMove(scenario, before, 'us'));
      await us.untilRefused(/the move could not be saved, so it was not played: disk full/);
    } finally {
      services.store.appendBatches = append;
    }
    expect(us.last().turns).toBe(before.turns);
    expect((await server.store.turns(us.welcome.code)).length).toBe(before.turns);
    us.act(simpleMove(scenario, before, 'us'));
    await us.until((u) => u.turns > before.turns, 'the move to land once the database works');
    await us.room.leave();
  });

  it('sends a client that asks for deltas only the new entries, which it joins into the same view', async () => {
    const us = await createTable(server.url, {
      scenarioId: 'muscat-2026',
      seed: 'online-delta',
      side: 'us',
      opponent: 'ai:boulware',
      deltas: true,
    });
    // The same seat on a second device, sent whole views.
    const whole = await joinTable(server.url, us.welcome.code, { token: us.welcome.token as string });
    const end = await playToEnd(scenario, { us });
    expect(end.view.phase).toBe('ended');
    await whole.until((u) => u.view.phase === 'ended', 'the second device to see the end');
    for (const u of us.updates.slice(-5)) {
      const same = whole.updates.find((w) => w.turns === u.turns && w.view.log.length === u.view.log.length);
      if (same) expect(u.view).toEqual(same.view);
    }
    expect(us.last().view).toEqual(whole.last().view);
    const bytes = (s: Seat) => s.frames.reduce((n, f) => n + f.length, 0);
    expect(bytes(us)).toBeLessThan(bytes(whole) / 2);
    await us.room.leave();
    await whole.room.leave();
  });

  it("gives a seat back to its token after a disconnect, and lets the host hand a gone player's seat to the AI", async () => {
    const us = await createTable(server.url, { scenarioId: 'muscat-2026', seed: 'online-rejoin-5', side: 'us', opponent: 'human' });
    const iran = await joinTable(server.url, us.welcome.code);
    const token = iran.welcome.token as string;
    await playToEnd(scenario, { us, iran }, { stopAt: (u) => u.turns >= 6 });
    await iran.room.leave(true);
    await us.until((u) => !u.seats.iran!.connected, 'Iran to show as gone');
    const back = await joinTable(server.url, us.welcome.code, { token });
    expect(back.welcome.viewer).toBe('iran');
    expect(back.last().turns).toBe(us.last().turns);
    expect((back.last().view as unknown as GameState).types.iran).not.toBeNull();
    await us.until((u) => u.seats.iran!.connected, 'Iran to show as back');
    await back.room.leave(true);
    // Only the host decides; then the AI plays Iran to the end.
    back.room.send('seat', { side: 'iran', controller: 'ai:tit-for-tat' });
    us.room.send('seat', { side: 'iran', controller: 'ai:nobody' });
    await us.untilRefused(/unknown policy "ai:nobody"/);
    us.room.send('seat', { side: 'iran', controller: 'ai:tit-for-tat' });
    await us.until((u) => u.settings.iran === 'ai:tit-for-tat', 'the AI to take the seat');
    const end = await playToEnd(scenario, { us });
    expect(end.view.phase).toBe('ended');
    const replay = await replayOf(us);
    expect(replay.takeovers?.length).toBe(1);
    expect(verifyReplay(scenario, sha256, replay)).toMatchObject({ ok: true, checksum: end.final });
    await us.room.leave();
  });
});

describe('join attempts', () => {
  it('are rate-limited per address, with a sentence, and the server goes on', async () => {
    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      staticDir: null,
      log: () => undefined,
      dataDir: 'memory://',
      joinLimit: { burst: 5, perSecond: 0.5 },
    });
    try {
      const errors: string[] = [];
      for (let i = 0; i < 8; i++) await joinTable(server.url, `ZZZZ-ZZZ${'ABCDEFGH'[i]}`).catch((e: Error) => errors.push(e.message));
      expect(errors).toHaveLength(8);
      expect(errors.slice(0, 5).every((e) => /not found|ZZZZ/i.test(e))).toBe(true);
      expect(errors.slice(5).every((e) => /too many attempts to create or join tables from this address/.test(e))).toBe(true);
      await new Promise((r) => setTimeout(r, 2200));
      const us = await createTable(server.url, { scenarioId: 'muscat-2026', seed: 'limited', side: 'us', opponent: 'ai:linear' });
      expect(us.welcome.viewer).toBe('us');
      await us.room.leave();
    } finally {
      await server.close();
    }
  });
});
