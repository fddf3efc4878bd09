import { describe, expect, it } from 'vitest';
import { lengthsOf } from '../../src/core/checksum';
import { chooseAction, playGame, stateChecksum, turnChecksum } from '../../src/core/play';
import { forkReplay, makeReplay, type Replay, readReplay, verifyReplay } from '../../src/core/replay';
import { applyActionInPlace } from '../../src/core/rules';
import type { Settings } from '../../src/core/types';
import { loadShipped } from '../support/scenarios';

const { scenario, sha256 } = loadShipped('muscat-2026');
const settings: Settings = { us: 'ai:tit-for-tat', iran: 'ai:boulware', difficulty: 'normal' };

function recorded(seed = 'replay'): Replay {
  const g = playGame(scenario, seed, settings, { checksums: true });
  return JSON.parse(
    JSON.stringify(makeReplay({ scenario, scenarioHash: sha256, seed, settings, log: g.log, checksums: g.checksums, finalState: g.state })),
  );
}

describe('replays', () => {
  it('verify: a recorded game re-plays to the same checksums', () => {
    const r = recorded();
    const result = verifyReplay(scenario, sha256, r);
    expect(result).toMatchObject({ ok: true, turns: r.log.length, checksum: r.final });
  });

  it('names the turn of an edited action', () => {
    const r = recorded();
    const i = r.log.findIndex((e) => e.action.type === 'propose');
    r.log[i] = { ...r.log[i]!, action: { type: 'statement', tone: 'threat' } };
    const result = verifyReplay(scenario, sha256, r);
    expect(result).toMatchObject({ ok: false, turn: i + 1 });
  });

  it('names the turn of an edited checksum', () => {
    const r = recorded();
    r.checksums[3] = '0000000000000000';
    expect(verifyReplay(scenario, sha256, r)).toEqual({ ok: false, error: 'desync at turn 4', turn: 4 });
  });

  it('refuses a newer format and a deprecated rules version, naming both versions', () => {
    const r = recorded();
    expect(readReplay({ ...r, formatVersion: 99 })).toEqual({
      ok: false,
      error: 'replay format version 99 is newer than this build reads (1); update Backchannel',
    });
    for (const old of [1, 2, 3, 5])
      expect(readReplay({ ...r, rulesVersion: old })).toEqual({
        ok: false,
        error: `replay rules version ${old} is deprecated; this build plays rules version 6`,
      });
    // Rules 4 is the last before scenarios named their own parties: its refusal says so.
    expect(readReplay({ ...r, rulesVersion: 4 })).toEqual({
      ok: false,
      error:
        'replay rules version 4 is deprecated; this build plays rules version 6 (recorded before scenarios named their own parties and mediator: replay it in the build it was made with)',
    });
  });

  it('refuses files of the wrong shape with a reason, never throwing', () => {
    for (const bad of [
      null,
      42,
      'x',
      [],
      {},
      { format: 'backchannel-replay' },
      { ...recorded(), log: 'nope' },
      { ...recorded(), seed: '' },
    ])
      expect(readReplay(bad)).toMatchObject({ ok: false, error: expect.any(String) });
  });

  it('refuses a replay of a changed scenario', () => {
    expect(verifyReplay(scenario, 'f'.repeat(64), recorded())).toMatchObject({ ok: false, turn: null });
  });
});

describe('rewind and fork', () => {
  it('takes over a seat at any turn, plays on, and the fork verifies with its parent recorded', () => {
    const parent = recorded('fork-parent');
    const forkTurn = 6;
    const forked = forkReplay(scenario, sha256, parent, forkTurn, { us: 'ai:conceder', iran: 'ai:boulware', difficulty: 'hard' });
    if (!forked.ok) throw new Error(forked.error);
    expect(forked.replay.parent).toEqual({ final: parent.final, forkTurn });
    expect(forked.replay.log).toEqual(parent.log.slice(0, forkTurn));

    const state = structuredClone(forked.state);
    const log = [...forked.replay.log];
    const checksums = [...forked.replay.checksums];
    while (state.phase !== 'ended') {
      const side = state.toMove;
      const action = chooseAction(scenario, state, side);
      const before = lengthsOf(state);
      expect(applyActionInPlace(scenario, state, side, action)).toBeNull();
      log.push({ turn: state.turn, side, action });
      checksums.push(turnChecksum(checksums[checksums.length - 1] ?? '', before, state));
    }
    const fork = { ...forked.replay, log, checksums, final: stateChecksum(state) };
    const result = verifyReplay(scenario, sha256, JSON.parse(JSON.stringify(fork)));
    expect(result).toMatchObject({ ok: true, checksum: fork.final });
    expect(fork.final).not.toBe(parent.final);
  });

  it('refuses a fork turn outside the game', () => {
    const parent = recorded();
    expect(forkReplay(scenario, sha256, parent, parent.log.length + 5, settings)).toMatchObject({ ok: false });
  });
});
