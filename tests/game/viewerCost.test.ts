// Issue 18, point 8: opening a replay in the viewer costs what the replay's length costs, not its
// square. Measured without a clock: the work of every structured copy made while opening (values
// visited) and the turns re-played, for N and 2N facilitator toggles. And the states the viewer
// rebuilds are the states verification passes through, take-overs included.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openReplay } from '../../src/app/replays';
import { loadScenario } from '../../src/app/scenarios';
import { ReplayViewer } from '../../src/app/viewer';
import { lengthsOf, turnChecksum } from '../../src/core/checksum';
import { chooseAction } from '../../src/core/play';
import { makeReplay, replayToText, verifyReplay } from '../../src/core/replay';
import { applySeatActionInPlace } from '../../src/core/rules';
import { changeControllers, createGame } from '../../src/core/state';
import type { Action, FacilitatorAction, GameState, Seat, Settings } from '../../src/core/types';

const loaded = loadScenario('muscat-2026');
if (!loaded.ok) throw new Error('muscat-2026 does not load');
const { scenario, hash } = loaded;
const humans: Settings = { us: 'human', iran: 'human', difficulty: 'normal' };

/** A valid replay of `n` facilitator toggles (pause true / false alternating). */
function toggles(n: number): string {
  const state = createGame(scenario, 'toggles', humans);
  const log = [];
  const checksums: string[] = [];
  for (let i = 0; i < n; i++) {
    const action: FacilitatorAction = { type: 'pause', paused: i % 2 === 0 };
    const before = lengthsOf(state);
    const error = applySeatActionInPlace(scenario, state, 'facilitator', action);
    if (error) throw new Error(error);
    log.push({ turn: i + 1, side: 'facilitator' as const, action });
    checksums.push(turnChecksum(checksums[i - 1] ?? '', before, state));
  }
  return replayToText(makeReplay({ scenario, scenarioHash: hash, seed: 'toggles', settings: humans, log, checksums, finalState: state }));
}

/** Values visited by a structured copy: what copying costs. */
function size(value: unknown): number {
  let n = 0;
  const stack = [value];
  while (stack.length) {
    const v = stack.pop();
    n += 1;
    if (v !== null && typeof v === 'object') for (const x of Object.values(v)) stack.push(x);
  }
  return n;
}

/** Opens a replay as the app does, then looks at its first, middle and last steps. */
function openCost(text: string) {
  let copied = 0;
  const real = globalThis.structuredClone;
  vi.spyOn(globalThis, 'structuredClone').mockImplementation(((value: unknown, options?: StructuredSerializeOptions) => {
    copied += size(value);
    return real(value, options);
  }) as typeof structuredClone);
  const result = openReplay(text, { keepStates: true });
  if (!result.ok) throw new Error(result.error);
  const viewer = new ReplayViewer(result.opened);
  for (const step of [0, Math.floor(viewer.steps / 2), viewer.steps]) {
    viewer.stepTo(step);
    void viewer.state;
    viewer.entries();
  }
  vi.restoreAllMocks();
  return { copied, replayed: viewer.replayedTurns, steps: viewer.steps };
}

afterEach(() => vi.restoreAllMocks());

describe('the replay viewer opens in linear time', () => {
  it('N and 2N toggles: copies and re-played turns grow linearly', () => {
    const n = openCost(toggles(400));
    const twice = openCost(toggles(800));
    expect(n.steps).toBe(400);
    expect(twice.steps).toBe(800);
    // Linear: doubling the length at most doubles the work (with a margin for the fixed part).
    // Quadratic (a whole state copied per turn) is about 3.5 times here.
    expect(twice.copied / n.copied).toBeLessThan(2.4);
    expect(twice.replayed / n.replayed).toBeLessThan(2.4);
    expect(n.replayed).toBeGreaterThanOrEqual(400);
  });

  it('rebuilds every state that verification passes through, take-overs included', () => {
    const first: Settings = { us: 'ai:hardliner', iran: 'ai:hardliner', difficulty: 'normal' };
    const later: Settings = { us: 'ai:conceder', iran: 'ai:hardliner', difficulty: 'normal' };
    const AT = 12;
    /** A whole game with a take-over after AT turns, long enough to span two snapshots. */
    const played = (seed: string) => {
      let state: GameState = createGame(scenario, seed, first);
      const log: { turn: number; side: Seat; action: Action | FacilitatorAction }[] = [];
      const checksums: string[] = [];
      const play = (side: Seat, action: Action | FacilitatorAction) => {
        if (log.length === AT) state = changeControllers(scenario, state, later);
        const before = lengthsOf(state);
        const error = applySeatActionInPlace(scenario, state, side, action);
        if (error) throw new Error(error);
        log.push({ turn: log.length + 1, side, action });
        checksums.push(turnChecksum(checksums[checksums.length - 1] ?? '', before, state));
      };
      // The facilitator pauses and resumes between moves: a longer game, with turns of every seat.
      while (state.phase !== 'ended') {
        if (log.length % 5 === 0) {
          play('facilitator', { type: 'pause', paused: true });
          play('facilitator', { type: 'pause', paused: false });
        }
        play(state.toMove, chooseAction(scenario, state, state.toMove));
      }
      return { seed, state, log, checksums };
    };
    const game = Array.from({ length: 30 }, (_, i) => played(`viewer-fork-${i}`)).find((g) => g.log.length > 33);
    if (!game) throw new Error('no game longer than 33 turns');
    const { seed, state, log, checksums } = game;
    const replay = makeReplay({
      scenario,
      scenarioHash: hash,
      seed,
      settings: first,
      log,
      checksums,
      finalState: state,
      takeovers: [{ afterTurn: AT, settings: later }],
    });
    const verified = verifyReplay(scenario, hash, replay, { keepStates: true });
    if (!verified.ok) throw new Error(verified.error);
    const opened = openReplay(replayToText(replay));
    if (!opened.ok) throw new Error(opened.error);
    const viewer = new ReplayViewer(opened.opened);
    expect(viewer.steps).toBe(log.length);
    expect(viewer.steps).toBeGreaterThan(33);
    // Out of order, as a scrubbing hand would.
    for (const step of [log.length, 1, AT + 1, AT, 0, 33, 31, 32, log.length - 1]) {
      const expected = step === 0 ? createGame(scenario, seed, first) : verified.states?.[step - 1];
      expect(JSON.parse(JSON.stringify(viewer.stateAt(step)))).toEqual(JSON.parse(JSON.stringify(expected)));
    }
    for (let step = 1; step <= viewer.steps; step++) {
      const before = verified.states?.[step - 2]?.log.length ?? 0;
      expect(viewer.entries(step)).toEqual(verified.states?.[step - 1]?.log.slice(before));
    }
  });
});
