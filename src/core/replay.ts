// Replay files (docs/design.md §4): scenario identity, seed, settings, the action log, a checksum per
// turn and a final one. Verification re-plays the log from the seed and names the first turn that differs.

import { lengthsOf, stateChecksum, turnChecksum } from './checksum';
import { canonicalJson } from './hash';
import type { LoggedAction } from './play';
import { normaliseSeed } from './rng';
import { applySeatActionInPlace } from './rules';
import { SIDES } from './scenario/constants';
import type { Scenario } from './scenario/schema';
import { changeControllers, createGame } from './state';
import { type GameState, RULES_VERSION, type Settings } from './types';

export const REPLAY_FORMAT = 'backchannel-replay';
export const REPLAY_FORMAT_VERSION = 1;
/** Rules versions whose replays this build still plays exactly. */
export const SUPPORTED_RULES_VERSIONS: readonly number[] = [RULES_VERSION];

export interface Replay {
  format: typeof REPLAY_FORMAT;
  formatVersion: number;
  rulesVersion: number;
  scenario: { id: string; sha256: string };
  seed: string;
  settings: Settings;
  log: LoggedAction[];
  checksums: string[];
  final: string;
  /** Seats that changed hands: after `afterTurn` turns, `settings` apply (forks, take-overs). */
  takeovers?: { afterTurn: number; settings: Settings }[];
  /** A fork records the game it branched from and the turn it branched at. */
  parent?: { final: string; forkTurn: number };
}

export function makeReplay(opts: {
  scenario: Scenario;
  scenarioHash: string;
  seed: string;
  settings: Settings;
  log: LoggedAction[];
  checksums: string[];
  finalState: GameState;
  takeovers?: Replay['takeovers'];
  parent?: Replay['parent'];
}): Replay {
  return {
    ...(opts.takeovers?.length ? { takeovers: opts.takeovers } : {}),
    ...(opts.parent ? { parent: opts.parent } : {}),
    format: REPLAY_FORMAT,
    formatVersion: REPLAY_FORMAT_VERSION,
    rulesVersion: RULES_VERSION,
    scenario: { id: opts.scenario.id, sha256: opts.scenarioHash },
    seed: opts.seed,
    settings: opts.settings,
    log: opts.log,
    checksums: opts.checksums,
    final: stateChecksum(opts.finalState),
  };
}

/** The replay cut at `turn` turns (0 = before the first move): the common past of a fork. */
export function truncateReplay(replay: Replay, turn: number): Replay {
  const cut = Math.max(0, Math.min(turn, replay.log.length));
  return {
    ...replay,
    log: replay.log.slice(0, cut),
    checksums: replay.checksums.slice(0, cut),
    takeovers: (replay.takeovers ?? []).filter((t) => t.afterTurn <= cut),
  };
}

/**
 * Branches a replay at `turn` with new seats ("what if we had conceded on sanctions in round 2?"):
 * returns the state to play on from, and the start of the fork's own replay (parent + fork turn).
 */
export function forkReplay(
  scenario: Scenario,
  scenarioHash: string,
  replay: Replay,
  turn: number,
  settings: Settings,
): { ok: true; state: GameState; replay: Replay } | { ok: false; error: string } {
  if (!Number.isInteger(turn) || turn < 0 || turn > replay.log.length)
    return { ok: false, error: `fork turn must be between 0 and ${replay.log.length}` };
  const past = truncateReplay(replay, turn);
  const verified = verifyReplay(scenario, scenarioHash, { ...past, final: 'unchecked' }, { skipFinal: true });
  if (!verified.ok) return verified;
  if (verified.state.phase === 'ended') return { ok: false, error: `the talks were already over at turn ${turn}` };
  const state = changeControllers(scenario, verified.state, settings);
  const takeovers = [...(past.takeovers ?? []).filter((t) => t.afterTurn < turn), { afterTurn: turn, settings }];
  return { ok: true, state, replay: { ...past, takeovers, parent: { final: replay.final, forkTurn: turn }, final: stateChecksum(state) } };
}

export function replayToText(replay: Replay): string {
  return `${JSON.stringify(JSON.parse(canonicalJson(replay)), null, 1)}\n`;
}

export type ReadResult = { ok: true; replay: Replay } | { ok: false; error: string };

/** Checks the envelope: format, versions and shape. Never throws. */
export function readReplay(value: unknown): ReadResult {
  const fail = (error: string): ReadResult => ({ ok: false, error });
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail('not a replay: expected a JSON object');
  const r = value as Record<string, unknown>;
  if (r.format !== REPLAY_FORMAT) return fail(`not a replay: format is ${JSON.stringify(r.format)}, expected "${REPLAY_FORMAT}"`);
  if (typeof r.formatVersion !== 'number') return fail('formatVersion is missing');
  if (r.formatVersion > REPLAY_FORMAT_VERSION)
    return fail(`replay format version ${r.formatVersion} is newer than this build reads (${REPLAY_FORMAT_VERSION}); update Backchannel`);
  if (r.formatVersion < 1) return fail(`replay format version ${r.formatVersion} is not supported`);
  if (typeof r.rulesVersion !== 'number') return fail('rulesVersion is missing');
  if (!SUPPORTED_RULES_VERSIONS.includes(r.rulesVersion))
    return fail(
      r.rulesVersion > RULES_VERSION
        ? `replay rules version ${r.rulesVersion} is newer than this build's rules version ${RULES_VERSION}`
        : `replay rules version ${r.rulesVersion} is deprecated; this build plays rules version ${RULES_VERSION}`,
    );
  const sc = r.scenario as Record<string, unknown> | undefined;
  if (!sc || typeof sc.id !== 'string' || typeof sc.sha256 !== 'string') return fail('scenario {id, sha256} is missing');
  const seed = normaliseSeed(r.seed);
  if (!seed.ok) return fail(`seed: ${seed.error}`);
  const st = r.settings as Record<string, unknown> | undefined;
  if (!st || typeof st.difficulty !== 'string' || !SIDES.every((s) => typeof st[s] === 'string'))
    return fail('settings {us, iran, difficulty} are missing');
  if (!Array.isArray(r.log)) return fail('log must be a list of {turn, side, action}');
  for (const [i, entry] of r.log.entries()) {
    const e = entry as Record<string, unknown> | null;
    if (!e || typeof e !== 'object') return fail(`log[${i}] is not an object`);
    if (e.turn !== i + 1) return fail(`log[${i}]: turn is ${JSON.stringify(e.turn)}, expected ${i + 1}`);
    if (e.side !== 'us' && e.side !== 'iran' && e.side !== 'facilitator')
      return fail(`turn ${i + 1}: side must be "us", "iran" or "facilitator"`);
    if (!e.action || typeof e.action !== 'object' || typeof (e.action as { type?: unknown }).type !== 'string')
      return fail(`turn ${i + 1}: action must be an object with a type`);
  }
  if (!Array.isArray(r.checksums) || !r.checksums.every((c) => typeof c === 'string')) return fail('checksums must be a list of strings');
  if (r.checksums.length !== r.log.length) return fail(`there are ${r.checksums.length} checksums for ${r.log.length} turns`);
  if (typeof r.final !== 'string') return fail('final checksum is missing');
  if (r.takeovers !== undefined) {
    if (!Array.isArray(r.takeovers)) return fail('takeovers must be a list of {afterTurn, settings}');
    for (const [i, t] of r.takeovers.entries()) {
      const o = t as Record<string, unknown> | null;
      const s = o?.settings as Record<string, unknown> | undefined;
      if (!o || typeof o.afterTurn !== 'number' || !Number.isInteger(o.afterTurn) || o.afterTurn < 0 || o.afterTurn > r.log.length)
        return fail(`takeovers[${i}].afterTurn must be a turn between 0 and ${r.log.length}`);
      if (!s || typeof s.difficulty !== 'string' || !SIDES.every((side) => typeof s[side] === 'string'))
        return fail(`takeovers[${i}].settings {us, iran, difficulty} are missing`);
    }
  }
  return { ok: true, replay: { ...(value as Replay), seed: seed.seed } };
}

export type VerifyResult =
  | { ok: true; turns: number; checksum: string; state: GameState; states?: GameState[] }
  | { ok: false; error: string; turn: number | null };

/**
 * Re-plays a replay from its seed and checks every turn's checksum and the final one.
 * `keepStates` returns the state after every turn (for the viewer's step back and forth).
 */
export function verifyReplay(
  scenario: Scenario,
  scenarioHash: string,
  replay: Replay,
  opts: { keepStates?: boolean; skipFinal?: boolean } = {},
): VerifyResult {
  if (replay.scenario.id !== scenario.id)
    return { ok: false, error: `replay is for scenario "${replay.scenario.id}", not "${scenario.id}"`, turn: null };
  if (replay.scenario.sha256 !== scenarioHash)
    return { ok: false, error: `scenario "${scenario.id}" has changed since the replay was recorded (sha256 differs)`, turn: null };
  let state = createGame(scenario, replay.seed, replay.settings);
  const states: GameState[] = [];
  const takeovers = replay.takeovers ?? [];
  for (const [i, entry] of replay.log.entries()) {
    const turn = i + 1;
    for (const t of takeovers) if (t.afterTurn === i) state = changeControllers(scenario, state, t.settings);
    if (state.phase === 'ended') return { ok: false, error: `turn ${turn}: the talks were already over`, turn };
    const before = lengthsOf(state);
    const error = applySeatActionInPlace(scenario, state, entry.side, entry.action);
    if (error) return { ok: false, error: `illegal action at turn ${turn}: ${error}`, turn };
    const sum = turnChecksum(i === 0 ? '' : (replay.checksums[i - 1] as string), before, state);
    if (sum !== replay.checksums[i]) return { ok: false, error: `desync at turn ${turn}`, turn };
    if (opts.keepStates) states.push(structuredClone(state));
  }
  for (const t of takeovers) if (t.afterTurn === replay.log.length) state = changeControllers(scenario, state, t.settings);
  const final = stateChecksum(state);
  if (!opts.skipFinal && final !== replay.final)
    return { ok: false, error: `desync at the final checksum (turn ${replay.log.length})`, turn: replay.log.length };
  return { ok: true, turns: replay.log.length, checksum: final, state, ...(opts.keepStates ? { states } : {}) };
}
