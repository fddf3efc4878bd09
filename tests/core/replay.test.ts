import { describe, expect, it } from 'vitest';
import { playGame } from '../../src/core/play';
import { makeReplay, type Replay, readReplay, verifyReplay } from '../../src/core/replay';
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
    expect(readReplay({ ...r, rulesVersion: 0 })).toEqual({
      ok: false,
      error: 'replay rules version 0 is deprecated; this build plays rules version 1',
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
