// Replay files (docs/design.md §4): scenario identity, seed, settings, the action log, a checksum per
// turn and a final one. Verification re-plays the log from the seed and names the first turn that differs.

import { lengthsOf, stateChecksum, turnChecksum } from './checksum';
import { canonicalJson } from './hash';
import { controllerError, type LoggedAction } from './play';
import { normaliseSeed } from './rng';
import { applySeatActionInPlace } from './rules';
import { PARTY_ID_PATTERN, RESERVED_PARTY_IDS } from './scenario/constants';
import type { Scenario } from './scenario/schema';
import { sidesOf } from './sides';
import { changeControllers, createGame } from './state';
import { type GameState, RULES_VERSION, type Settings } from './types';

export const REPLAY_FORMAT = 'backchannel-replay';
export const REPLAY_FORMAT_VERSION = 1;
/** Why a rules version was retired: said beside the version line when its replay is refused. */
const RETIRED_RULES: Record<number, string> = {
  4: 'recorded before scenarios named their own parties and mediator: replay it in the build it was made with',
};
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

/** How deep a replay's or save's JSON may nest: a real one is under 10 levels. */
export const MAX_JSON_DEPTH = 64;
/** How many values (objects, lists, strings, numbers) a replay may hold before reading stops. */
const MAX_JSON_NODES = 5_000_000;
/** The longest value quoted back in a message. */
export const MAX_QUOTED = 80;
const SCENARIO_ID = /^[a-z0-9_-]{1,64}$/;
/** Longest controller or difficulty name a replay may carry (`script:concede-every-round` is 26). */
const MAX_NAME = 100;

/** A value as it may be quoted in a message: strings cut to MAX_QUOTED characters, objects named, never thrown. */
export function quoteValue(value: unknown, max = MAX_QUOTED): string {
  if (typeof value === 'string') {
    const cut = value.length > max ? `${value.slice(0, max - 1)}…` : value;
    return JSON.stringify(cut) + (value.length > max ? ` (${value.length.toLocaleString('en-US')} characters)` : '');
  }
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') {
    const text = String(value);
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
  }
  if (typeof value === 'bigint') return 'a big integer';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A message cut to one line of sane length (a parser's or engine's words may quote the input). */
export function cutMessage(message: string, max = 200): string {
  const line = message.split('\n')[0] ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Text without the UTF-8 byte order mark some editors put at the start of a file. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Max nesting of [ and { outside strings, counted without recursion. */
export function textDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 91 || c === 123) max = Math.max(max, ++depth);
    else if (c === 93 || c === 125) depth--;
  }
  return max;
}

export type JsonTextResult = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * Parses a replay's or save's JSON text: a leading byte order mark is dropped, and nesting deeper
 * than MAX_JSON_DEPTH is refused before the parser (or anything recursive after it) sees it.
 */
export function parseJsonText(text: string): JsonTextResult {
  if (typeof text !== 'string') return { ok: false, error: 'not text' };
  const body = stripBom(text);
  if (body.trim() === '') return { ok: false, error: 'the file is empty' };
  const depth = textDepth(body);
  if (depth > MAX_JSON_DEPTH)
    return { ok: false, error: `nesting is ${depth.toLocaleString('en-US')} levels deep; the limit is ${MAX_JSON_DEPTH}` };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (err) {
    return { ok: false, error: `invalid JSON: ${cutMessage(err instanceof Error ? err.message : String(err))}` };
  }
}

/**
 * Why a parsed value cannot be walked safely (nested deeper than MAX_JSON_DEPTH, a circular
 * reference, too many values), or null. Iterative: it never overflows the stack itself.
 */
export function valueShapeProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): string | null {
  const stack: [unknown, number][] = [[value, 0]];
  let nodes = 0;
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (++nodes > MAX_JSON_NODES) return `it holds more than ${MAX_JSON_NODES.toLocaleString('en-US')} values`;
    if (v === null || typeof v !== 'object') {
      if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') return `it holds a ${typeof v}, which JSON cannot`;
      if (typeof v === 'number' && !Number.isFinite(v)) return 'it holds a number that is not finite';
      continue;
    }
    if (depth >= maxDepth) return `nesting is deeper than ${maxDepth} levels (or a value refers to itself)`;
    if (Array.isArray(v)) for (const item of v) stack.push([item, depth + 1]);
    else for (const key of Object.keys(v)) stack.push([(v as Record<string, unknown>)[key], depth + 1]);
  }
  return null;
}

const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

function settingsProblem(value: unknown, where: string): { ok: true; settings: Settings } | { ok: false; error: string } {
  const st = value as Record<string, unknown> | null | undefined;
  if (!st || typeof st !== 'object' || Array.isArray(st) || typeof st.difficulty !== 'string')
    return { ok: false, error: `${where} must name a controller for each party and the difficulty ({<party id>: …, difficulty})` };
  const sides = Object.keys(st).filter((k) => k !== 'difficulty');
  if (sides.length !== 2)
    return {
      ok: false,
      error: `${where} must name a controller for each of two parties, not ${sides.length}${sides.length ? ` (${sides.map(quoteValue).join(', ')})` : ''}`,
    };
  for (const side of sides)
    if (!PARTY_ID_PATTERN.test(side) || RESERVED_PARTY_IDS.includes(side))
      return { ok: false, error: `${where}: ${quoteValue(side)} is not a party id` };
  const settings: Settings = { difficulty: '' };
  for (const key of [...sides, 'difficulty']) {
    const v = st[key];
    if (typeof v !== 'string' || v.length === 0 || v.length > MAX_NAME)
      return { ok: false, error: `${where}.${key} must be a name of 1 to ${MAX_NAME} characters, not ${quoteValue(v)}` };
    settings[key] = v;
  }
  return { ok: true, settings };
}

/** A version field: a whole number from 1 up to `newest`. */
export function versionProblem(v: unknown, field: string, what: string, newest: number): string | null {
  if (v === undefined) return `${field} is missing`;
  if (!isWhole(v)) return `${field} must be a whole number, not ${quoteValue(v)}`;
  if (v > newest) return `${what} version ${v} is newer than this build reads (${newest}); update Backchannel`;
  if (v < 1) return `${what} version ${v} is not supported (versions start at 1)`;
  return null;
}

/**
 * Checks the envelope: format, versions and the shape and range of every value, and returns a copy
 * holding only what it checked. Never throws (a value that cannot be walked safely is refused first).
 */
export function readReplay(value: unknown): ReadResult {
  try {
    return readReplayUnchecked(value);
  } catch (err) {
    return { ok: false, error: `the replay could not be read: ${cutMessage(err instanceof Error ? err.message : String(err))}` };
  }
}

function readReplayUnchecked(value: unknown): ReadResult {
  const fail = (error: string): ReadResult => ({ ok: false, error });
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail('not a replay: expected a JSON object');
  const shape = valueShapeProblem(value);
  if (shape) return fail(`not a replay: ${shape}`);
  const r = value as Record<string, unknown>;
  if (r.format !== REPLAY_FORMAT) return fail(`not a replay: format is ${quoteValue(r.format)}, expected "${REPLAY_FORMAT}"`);
  const fv = versionProblem(r.formatVersion, 'formatVersion', 'replay format', REPLAY_FORMAT_VERSION);
  if (fv) return fail(fv);
  if (r.rulesVersion === undefined) return fail('rulesVersion is missing');
  if (!isWhole(r.rulesVersion)) return fail(`rulesVersion must be a whole number, not ${quoteValue(r.rulesVersion)}`);
  if (!SUPPORTED_RULES_VERSIONS.includes(r.rulesVersion))
    return fail(
      r.rulesVersion > RULES_VERSION
        ? `replay rules version ${r.rulesVersion} is newer than this build's rules version ${RULES_VERSION}`
        : `replay rules version ${r.rulesVersion} is deprecated; this build plays rules version ${RULES_VERSION}${RETIRED_RULES[r.rulesVersion] ? ` (${RETIRED_RULES[r.rulesVersion]})` : ''}`,
    );
  const sc = r.scenario as Record<string, unknown> | undefined;
  if (!sc || typeof sc !== 'object' || typeof sc.id !== 'string' || typeof sc.sha256 !== 'string')
    return fail('scenario {id, sha256} is missing');
  if (!SCENARIO_ID.test(sc.id)) return fail(`scenario.id must be a scenario id (a-z, 0-9, _ and -, at most 64), not ${quoteValue(sc.id)}`);
  const seed = normaliseSeed(r.seed);
  if (!seed.ok) return fail(`seed: ${seed.error}`);
  const settings = settingsProblem(r.settings, 'settings');
  if (!settings.ok) return fail(settings.error);
  if (!Array.isArray(r.log)) return fail('log must be a list of {turn, side, action}');
  const log: LoggedAction[] = [];
  for (const [i, entry] of r.log.entries()) {
    const e = entry as Record<string, unknown> | null;
    if (!e || typeof e !== 'object' || Array.isArray(e)) return fail(`log[${i}] is not an object`);
    if (e.turn !== i + 1) return fail(`log[${i}]: turn is ${quoteValue(e.turn)}, expected ${i + 1}`);
    const seats = Object.keys(settings.settings).filter((k) => k !== 'difficulty');
    if (typeof e.side !== 'string' || (!seats.includes(e.side) && e.side !== 'facilitator'))
      return fail(`turn ${i + 1}: side must be ${seats.map((x) => `"${x}"`).join(', ')} or "facilitator", not ${quoteValue(e.side)}`);
    const action = e.action as { type?: unknown } | null;
    if (!action || typeof action !== 'object' || Array.isArray(action) || typeof action.type !== 'string')
      return fail(`turn ${i + 1}: action must be an object with a type`);
    if (action.type.length === 0 || action.type.length > MAX_NAME)
      return fail(`turn ${i + 1}: action type must be a name of 1 to ${MAX_NAME} characters, not ${quoteValue(action.type)}`);
    log.push({ turn: i + 1, side: e.side, action: action as LoggedAction['action'] });
  }
  if (!Array.isArray(r.checksums)) return fail('checksums must be a list of strings');
  if (!r.checksums.every((c) => typeof c === 'string')) return fail('checksums must be a list of strings');
  if (r.checksums.length !== r.log.length) return fail(`there are ${r.checksums.length} checksums for ${r.log.length} turns`);
  if (typeof r.final !== 'string') return fail('final checksum is missing');
  let takeovers: Replay['takeovers'];
  if (r.takeovers !== undefined) {
    if (!Array.isArray(r.takeovers)) return fail('takeovers must be a list of {afterTurn, settings}');
    takeovers = [];
    for (const [i, t] of r.takeovers.entries()) {
      const o = t as Record<string, unknown> | null;
      if (!o || typeof o !== 'object' || !isWhole(o.afterTurn) || o.afterTurn < 0 || o.afterTurn > r.log.length)
        return fail(`takeovers[${i}].afterTurn must be a turn between 0 and ${r.log.length}, not ${quoteValue(o?.afterTurn)}`);
      const s = settingsProblem(o.settings, `takeovers[${i}].settings`);
      if (!s.ok) return fail(s.error);
      takeovers.push({ afterTurn: o.afterTurn, settings: s.settings });
    }
  }
  let parent: Replay['parent'];
  if (r.parent !== undefined) {
    const p = r.parent as Record<string, unknown> | null;
    if (!p || typeof p !== 'object' || Array.isArray(p)) return fail('parent must be {final, forkTurn}');
    if (typeof p.final !== 'string' || p.final.length > 64) return fail(`parent.final must be a checksum, not ${quoteValue(p.final)}`);
    if (!isWhole(p.forkTurn) || p.forkTurn < 0 || p.forkTurn > r.log.length)
      return fail(`parent.forkTurn must be a turn between 0 and ${r.log.length}, not ${quoteValue(p.forkTurn)}`);
    parent = { final: p.final, forkTurn: p.forkTurn };
  }
  return {
    ok: true,
    replay: {
      ...(takeovers ? { takeovers } : {}),
      ...(parent ? { parent } : {}),
      format: REPLAY_FORMAT,
      formatVersion: r.formatVersion as number,
      rulesVersion: r.rulesVersion,
      scenario: { id: sc.id, sha256: sc.sha256 },
      seed: seed.seed,
      settings: settings.settings,
      log,
      checksums: [...(r.checksums as string[])],
      final: r.final,
    },
  };
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
  // Every seat's controller must be one this scenario can play (an AI personality it does not have
  // would stop the game the first time that seat is to move).
  for (const settings of [replay.settings, ...(replay.takeovers ?? []).map((t) => t.settings)])
    for (const side of sidesOf(scenario)) {
      const controller = settings[side];
      if (controller === undefined)
        return {
          ok: false,
          error: `the replay's seats (${Object.keys(settings)
            .filter((k) => k !== 'difficulty')
            .join(', ')}) are not this scenario's parties (${sidesOf(scenario).join(', ')})`,
          turn: null,
        };
      const problem = controllerError(scenario, controller);
      if (problem) return { ok: false, error: `${side}: ${cutMessage(problem, 300)}`, turn: null };
    }
  let state = createGame(scenario, replay.seed, replay.settings);
  const states: GameState[] = [];
  const takeovers = replay.takeovers ?? [];
  for (const [i, entry] of replay.log.entries()) {
    const turn = i + 1;
    for (const t of takeovers) if (t.afterTurn === i) state = changeControllers(scenario, state, t.settings);
    if (state.phase === 'ended') return { ok: false, error: `turn ${turn}: the talks were already over`, turn };
    const before = lengthsOf(state);
    const error = applySeatActionInPlace(scenario, state, entry.side, entry.action);
    if (error) return { ok: false, error: `illegal action at turn ${turn}: ${cutMessage(error, 300)}`, turn };
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
