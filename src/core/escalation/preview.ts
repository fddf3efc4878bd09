// What each move a side may make now would do to the hazard of the coming end-of-round roll.
// Read-only: every move is played by the rules' own applyAction on a copy of the state, and the copy
// is thrown away. Only the side's own move is played, never the other side's reply (unknown to a
// player), and a move that closes the round is read at its draw: the hazard that draw used.
import { agendaMask, idealPackage, packageToTerms, spaceOf } from '../negotiation/space';
import { applyAction, concedableIssues, legalActionTypes } from '../rules';
import type { Scenario, Side } from '../scenario/schema';
import { type Action, type GameState, TONES } from '../types';

export interface MovePreview {
  /** The move's key as the table names it: `statement-threat`, `recess`, `concede`, `propose`… */
  key: string;
  /** A short name for the move: `threat`, `recess`, `concede`… */
  name: string;
  /** The chance that the coming roll climbs a rung after this move, before the other side's reply. */
  hazard: number;
  /** The move closes the round: `hazard` is the one its draw used. */
  closesRound: boolean;
  /** The move ends the talks (a deal cannot climb: its hazard is 0). */
  endsTalks: boolean;
}

export interface HazardPreview {
  /** The hazard of the coming roll as things stand now. */
  now: number;
  /** One entry per move the side may make now, in the table's order. */
  moves: MovePreview[];
}

/** Moves with the same effect on the hazard, for a short line: `[['conciliatory', 'concede'], 0.11]`. */
export interface HazardGroup {
  names: string[];
  hazard: number;
}

const SAME = 1e-9;

/**
 * For each move `side` may make now (statements of each tone, recess, propose, concede, accept,
 * endorse the bridge, ask for a bridge, walk out): the hazard of the coming roll after it.
 * `terms` is the package a proposal would table (default: the side's ideal on the agenda).
 * Empty when it is not `side`'s move at the table.
 */
export function hazardPreview(scenario: Scenario, state: GameState, side: Side, terms?: Record<string, string>): HazardPreview {
  const now = state.hazard;
  if (state.phase !== 'rounds' || state.toMove !== side) return { now, moves: [] };
  // applyAction forks the state it is given (forkState) and plays the move on the fork: the
  // caller's state is never touched, so no copy of it is made here (a deep copy of the whole state,
  // logs and all, was most of the cost of a preview: the game server makes one a move).
  const copy = state;
  const space = spaceOf(scenario);
  const mask = agendaMask(space, copy.agenda.on);
  const candidates: { key: string; name: string; action: Action }[] = [];
  for (const type of legalActionTypes(scenario, copy, side)) {
    if (type === 'statement') for (const tone of TONES) candidates.push({ key: `statement-${tone}`, name: tone, action: { type, tone } });
    else if (type === 'propose')
      candidates.push({
        key: type,
        name: 'propose',
        action: { type, terms: terms ?? packageToTerms(space, idealPackage(space, side, mask), mask) },
      });
    else if (type === 'concede') {
      const issue = concedableIssues(scenario, copy, side)[0];
      if (issue) candidates.push({ key: type, name: 'concede', action: { type, issue } });
    } else if (type === 'accept') candidates.push({ key: type, name: 'accept', action: { type } });
    else if (type === 'accept-bridge') candidates.push({ key: type, name: 'endorse bridge', action: { type } });
    else if (type === 'bridge') candidates.push({ key: type, name: 'bridge', action: { type } });
    else if (type === 'recess') candidates.push({ key: type, name: 'recess', action: { type } });
    else if (type === 'walkout') candidates.push({ key: type, name: 'walk out', action: { type } });
  }
  const moves: MovePreview[] = [];
  for (const c of candidates) {
    const result = applyAction(scenario, copy, side, c.action);
    if (!result.ok) continue;
    const after = result.state;
    const draw = after.risk.slice(copy.risk.length).find((r) => r.cause === 'draw' && r.round === copy.round);
    const endsTalks = after.phase === 'ended';
    // A deal's closing draw cannot climb (§2.7).
    const kind = after.outcome?.kind;
    const noClimb = kind === 'comprehensive-deal' || kind === 'interim-deal';
    moves.push({
      key: c.key,
      name: c.name,
      hazard: noClimb ? 0 : draw ? draw.hazardBefore : after.hazard,
      closesRound: draw !== undefined,
      endsTalks,
    });
  }
  return { now, moves };
}

/** The moves grouped by equal hazard, highest first (ties keep the table's order). */
export function groupByHazard(moves: readonly MovePreview[]): HazardGroup[] {
  const groups: HazardGroup[] = [];
  for (const m of moves) {
    const same = groups.find((g) => Math.abs(g.hazard - m.hazard) < SAME);
    if (same) same.names.push(m.name);
    else groups.push({ names: [m.name], hazard: m.hazard });
  }
  return groups.sort((a, b) => b.hazard - a.hazard);
}
