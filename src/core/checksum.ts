// Checksums. The final one hashes the whole canonical state. The per-turn ones are chained: each
// hashes the previous checksum, the state without its append-only logs, and what this turn appended
// to those logs, so verifying a turn costs what the turn changed, not the size of the whole game.
import { canonicalJson, fnv64 } from './hash';
import type { GameState } from './types';

const APPEND_ONLY = ['log', 'risk', 'offerHistory', 'utilityByRound', 'journal', 'guesses', 'eventsSeen'] as const;
type AppendOnly = (typeof APPEND_ONLY)[number];

/** How long each append-only log was: taken before a turn, to know what the turn appended. */
export type LogLengths = Record<AppendOnly, number>;

export function lengthsOf(state: GameState): LogLengths {
  const lengths = {} as LogLengths;
  for (const key of APPEND_ONLY) lengths[key] = state[key].length;
  return lengths;
}

/** FNV-1a 64 of the whole canonical state: the final checksum of a replay. */
export function stateChecksum(state: GameState): string {
  return fnv64(canonicalJson(state));
}

/** The checksum of one turn: chained on the previous one, over the head of the state and this turn's appends. */
export function turnChecksum(previous: string, before: LogLengths, state: GameState): string {
  const head: Record<string, unknown> = { ...state };
  const appended: Record<string, unknown[]> = {};
  for (const key of APPEND_ONLY) {
    delete head[key];
    appended[key] = state[key].slice(before[key]);
  }
  return fnv64(`${previous}|${canonicalJson(head)}|${canonicalJson(appended)}`);
}
