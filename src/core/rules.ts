// The rules: which actions are legal, and what each does. applyAction is pure (it works on a fork);
// applyActionInPlace is the same step on a state the caller owns, for fast headless batches.
import { agendaStep } from './agenda';
import { facilitatorStep, validateFacilitatorAction } from './facilitator';
import { agendaMask, spaceOf, termsToPackage } from './negotiation/space';
import { say } from './outcome';
import { draw } from './rng';
import type { Scenario, Side } from './scenario/schema';
import { isSide, sidesOf } from './sides';
import { forkState, isAiController } from './state';
import { roundStep } from './table';
import {
  type Action,
  type ActionType,
  controllerOf,
  type FacilitatorAction,
  type GameState,
  MAX_REASON,
  otherSide,
  type Seat,
  TONES,
} from './types';

export { endTalks } from './outcome';
export { describePackage, describeTerms } from './table';

/** Draws an AI or random controller may use per turn; the `ai` stream advances exactly this much. */
export const AI_DRAWS_PER_TURN = 16;

export type StepResult = { ok: true; state: GameState } | { ok: false; error: string };

export function applyAction(scenario: Scenario, state: GameState, side: Side, action: Action): StepResult {
  const error = validateAction(scenario, state, side, action);
  if (error) return { ok: false, error };
  const next = forkState(state);
  step(scenario, next, side, action);
  return { ok: true, state: next };
}

/** The same step, mutating `state`. The caller must own it (no one else may hold a reference). */
export function applyActionInPlace(scenario: Scenario, state: GameState, side: Side, action: Action): string | null {
  const error = validateAction(scenario, state, side, action);
  if (error) return error;
  step(scenario, state, side, action);
  return null;
}

/** One logged turn from any seat: a side's move or a facilitator's action (replays hold both). */
export function applySeatActionInPlace(
  scenario: Scenario,
  state: GameState,
  seat: Seat,
  action: Action | FacilitatorAction,
): string | null {
  if (seat !== 'facilitator') return applyActionInPlace(scenario, state, seat, action as Action);
  const error = validateSeatAction(scenario, state, seat, action);
  if (error) return error;
  state.turn += 1;
  facilitatorStep(scenario, state, action as FacilitatorAction);
  return null;
}

export function applySeatAction(scenario: Scenario, state: GameState, seat: Seat, action: Action | FacilitatorAction): StepResult {
  if (seat !== 'facilitator') return applyAction(scenario, state, seat, action as Action);
  const error = validateSeatAction(scenario, state, seat, action);
  if (error) return { ok: false, error };
  const next = forkState(state);
  next.turn += 1;
  facilitatorStep(scenario, next, action as FacilitatorAction);
  return { ok: true, state: next };
}

const AGENDA_ACTIONS: readonly ActionType[] = ['propose-agenda', 'accept-agenda', 'force-agenda', 'walkout'];
const ROUND_ACTIONS: readonly ActionType[] = ['propose', 'accept', 'accept-bridge', 'concede', 'statement', 'recess', 'bridge', 'walkout'];

/** The kinds of action `side` may take now (a propose still needs terms, a concede an issue). */
export function legalActionTypes(scenario: Scenario, state: GameState, side: Side): ActionType[] {
  if (state.phase === 'ended' || state.paused) return [];
  const guess: ActionType[] = hasGuessed(state, side) ? [] : ['guess'];
  if (state.toMove !== side) return guess;
  const kinds = state.phase === 'agenda' ? AGENDA_ACTIONS : ROUND_ACTIONS;
  return [...kinds.filter((type) => typeAllowed(scenario, state, side, type) === null), ...guess];
}

function hasGuessed(state: GameState, side: Side): boolean {
  return state.guesses.some((g) => g.side === side && g.round === state.round);
}

/** Issues on which `side` can concede one step towards the other side's standing offer. */
export function concedableIssues(scenario: Scenario, state: GameState, side: Side): string[] {
  const own = state.offers[side]!;
  const theirs = state.offers[otherSide(scenario, side)];
  if (!own || !theirs) return [];
  const space = spaceOf(scenario);
  return space.ids.filter((id, i) => state.agenda.on.includes(id) && own[i] !== theirs[i]);
}

function validateGuess(scenario: Scenario, state: GameState, side: Side, action: { priority: unknown; redLine: unknown }): string | null {
  if (hasGuessed(state, side)) return `guess: ${scenario.parties[side]!.short} has already guessed this round`;
  const ids = scenario.issues.map((i) => i.id);
  if (typeof action.priority !== 'string' || !ids.includes(action.priority)) return `guess: unknown issue "${String(action.priority)}"`;
  if (typeof action.redLine !== 'string' || !ids.includes(action.redLine)) return `guess: unknown issue "${String(action.redLine)}"`;
  return null;
}

function typeAllowed(scenario: Scenario, state: GameState, side: Side, type: ActionType): string | null {
  const other = otherSide(scenario, side);
  switch (type) {
    case 'guess':
      return hasGuessed(state, side) ? 'already guessed this round' : null;
    case 'propose-agenda':
    case 'force-agenda':
      return state.phase === 'agenda' ? null : 'the agenda is already settled';
    case 'accept-agenda':
      if (state.phase !== 'agenda') return 'the agenda is already settled';
      return state.agenda.proposals[other]! ? null : `${scenario.parties[other]!.short} has not proposed an agenda`;
    case 'walkout':
      return null;
    case 'propose':
    case 'statement':
    case 'recess':
      return state.phase === 'rounds' ? null : 'the talks have not reached the table';
    case 'accept':
      if (state.phase !== 'rounds') return 'the talks have not reached the table';
      return state.offers[other]! ? null : `${scenario.parties[other]!.short} has no offer on the table`;
    case 'accept-bridge':
      if (state.phase !== 'rounds') return 'the talks have not reached the table';
      if (!state.bridge) return `${scenario.mediator.short} has not tabled a bridging proposal`;
      return state.bridge.endorsed[side]! ? 'already endorsed the bridging proposal' : null;
    case 'concede':
      if (state.phase !== 'rounds') return 'the talks have not reached the table';
      return concedableIssues(scenario, state, side).length > 0 ? null : 'no issue where the offers differ';
    case 'bridge':
      if (state.phase !== 'rounds') return 'the talks have not reached the table';
      return sidesOf(scenario).every((s) => state.offers[s]) ? null : 'both sides need an offer on the table first';
  }
}

// ---------------------------------------------------------------------------------------------
// Normal form. An action is checksummed, compared and stored as its canonical copy: the keys its
// type has, in a fixed order, a reason trimmed (a blank one is no reason), terms by issue id. A key
// its type does not have is refused, so two actions that play the same are written the same.

/** The keys each kind of move has, in their canonical order. */
const ACTION_KEYS: Record<ActionType, readonly string[]> = {
  'propose-agenda': ['type', 'issues', 'reason'],
  'accept-agenda': ['type', 'reason'],
  'force-agenda': ['type', 'reason'],
  propose: ['type', 'terms', 'reason'],
  accept: ['type', 'reason'],
  'accept-bridge': ['type', 'reason'],
  concede: ['type', 'issue', 'reason'],
  statement: ['type', 'tone', 'reason'],
  recess: ['type', 'reason'],
  bridge: ['type', 'reason'],
  walkout: ['type', 'reason'],
  guess: ['type', 'priority', 'redLine', 'reason'],
};

/** The keys each facilitator action has, in their canonical order. */
const FACILITATOR_KEYS: Record<FacilitatorAction['type'], readonly string[]> = {
  pause: ['type', 'paused'],
  inject: ['type', 'event'],
  'inject-custom': ['type', 'title', 'text', 'severity', 'effects'],
  deadline: ['type', 'delta'],
  'show-hazard': ['type', 'visible'],
  'mediator-bridge': ['type', 'terms'],
};
const EFFECT_KEYS = ['tension', 'shock', 'rung', 'support'] as const;

const has = <T extends object>(table: T, key: unknown): key is keyof T => typeof key === 'string' && Object.hasOwn(table, key);
const quoteKey = (key: string) => JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);

/** The keys `seat`'s action of this type may have (null for a type it does not know). */
function keysOf(seat: Seat, type: unknown): readonly string[] | null {
  if (seat === 'facilitator') return has(FACILITATOR_KEYS, type) ? FACILITATOR_KEYS[type] : null;
  return has(ACTION_KEYS, type) ? ACTION_KEYS[type] : null;
}

/** The refusal for a key the action's type does not have (null if every key is known, or the type is not). */
export function unknownKeyError(seat: Seat, action: object): string | null {
  const type = (action as { type?: unknown }).type;
  const keys = keysOf(seat, type);
  if (!keys) return null;
  for (const key of Object.keys(action))
    if (!keys.includes(key)) return `${String(type)}: unknown key ${quoteKey(key)} (a ${String(type)} action has ${keys.join(', ')})`;
  return null;
}

const sortedObject = (value: unknown): unknown => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = (value as Record<string, unknown>)[key];
  return out;
};

/**
 * The canonical copy of a logged action: only the keys its type has, in a fixed order; a reason
 * trimmed and dropped when blank; terms by issue id. Playing it gives the same state as playing the
 * original, so checksums are unchanged; comparing or storing it no longer depends on key order,
 * stray keys or blank reasons. An action of an unknown type is copied as it is (validation refuses it).
 */
export function normaliseSeatAction<A extends Action | FacilitatorAction>(seat: Seat, action: A): A {
  if (action === null || typeof action !== 'object') return action;
  const source = action as Record<string, unknown>;
  const keys = keysOf(seat, source.type);
  if (!keys) return { ...source } as A;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    let value = source[key];
    if (value === undefined) continue;
    if (key === 'reason' && typeof value === 'string') {
      value = value.trim();
      if (!value) continue;
    } else if (key === 'terms') value = sortedObject(value);
    else if (key === 'issues' && Array.isArray(value)) value = [...value];
    else if (key === 'effects' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const fx = value as Record<string, unknown>;
      const copy: Record<string, unknown> = {};
      for (const k of EFFECT_KEYS) if (fx[k] !== undefined) copy[k] = k === 'support' ? sortedObject(fx[k]) : fx[k];
      for (const k of Object.keys(fx).sort()) if (!(k in copy) && fx[k] !== undefined) copy[k] = fx[k];
      value = copy;
    }
    out[key] = value;
  }
  return out as A;
}

/** The canonical copy of a team's action (any party's: the keys of a move do not depend on who makes it). */
export const normaliseAction = (action: Action): Action => normaliseSeatAction('a team' satisfies Seat, action);

/** validateAction or validateFacilitatorAction, by seat: the one check every logged turn passes. */
export function validateSeatAction(scenario: Scenario, state: GameState, seat: Seat, action: Action | FacilitatorAction): string | null {
  if (seat !== 'facilitator') return validateAction(scenario, state, seat, action as Action);
  const error = validateFacilitatorAction(scenario, state, action as FacilitatorAction);
  return error ?? unknownKeyError(seat, action);
}

export function validateAction(scenario: Scenario, state: GameState, side: Side, action: Action): string | null {
  if (state.phase === 'ended') return 'the talks are over';
  if (!isSide(scenario, side)) return `unknown side "${String(side)}"`;
  if (state.paused) return 'the facilitator has paused the talks';
  if (action === null || typeof action !== 'object' || typeof (action as { type?: unknown }).type !== 'string')
    return 'an action must be an object with a type';
  if (action.reason !== undefined && (typeof action.reason !== 'string' || action.reason.length > MAX_REASON))
    return `reason must be text of at most ${MAX_REASON} characters`;
  const unknownKey = unknownKeyError(side, action);
  if (unknownKey) return unknownKey;
  if (action.type === 'guess') return validateGuess(scenario, state, side, action);
  if (state.toMove !== side) return `it is ${scenario.parties[state.toMove]!.short}'s turn, not ${scenario.parties[side]!.short}'s`;
  const type = action.type;
  if (![...AGENDA_ACTIONS, ...ROUND_ACTIONS].includes(type)) return `unknown action type "${String(type)}"`;
  const notAllowed = typeAllowed(scenario, state, side, type);
  if (notAllowed) return `${type}: ${notAllowed}`;
  const space = spaceOf(scenario);
  switch (action.type) {
    case 'propose-agenda': {
      if (!Array.isArray(action.issues)) return 'propose-agenda: issues must be a list of contested issue ids';
      for (const id of action.issues)
        if (!scenario.agenda.contested.includes(id)) return `propose-agenda: "${String(id)}" is not a contested issue`;
      if (new Set(action.issues).size !== action.issues.length) return 'propose-agenda: an issue is listed twice';
      return null;
    }
    case 'propose': {
      const result = termsToPackage(space, action.terms, agendaMask(space, state.agenda.on));
      return result.ok ? null : `propose: ${result.error}`;
    }
    case 'concede':
      return concedableIssues(scenario, state, side).includes(action.issue) ? null : `concede: cannot concede on "${String(action.issue)}"`;
    case 'statement':
      return TONES.includes(action.tone) ? null : `statement: unknown tone "${String(action.tone)}"`;
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// The step

function step(scenario: Scenario, state: GameState, side: Side, action: Action): void {
  state.turn += 1;
  if (isAiController(controllerOf(state.settings, side))) for (let i = 0; i < AI_DRAWS_PER_TURN; i++) draw(state.rng.ai);
  const reason = action.reason?.trim();
  if (reason) state.journal.push({ turn: state.turn, round: state.round, side, move: action.type, reason });
  if (action.type === 'guess') {
    state.guesses.push({ round: state.round, side, priority: action.priority, redLine: action.redLine });
    say(state, side, 'move', 'guess', `${scenario.parties[side]!.short} records a private perception check.`, {
      id: 'guess',
      args: { party: side },
    });
    return;
  }
  if (state.phase === 'agenda') agendaStep(scenario, state, side, action);
  else roundStep(scenario, state, side, action);
}
