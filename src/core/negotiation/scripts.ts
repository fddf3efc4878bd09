// Scripted policies for measuring the game's balance (`script:<name>` in the CLI and the strategies
// bench): fixed scripts a player might try, and a reference negotiator. Each decides only from what a
// human at that seat sees: its own type, its beliefs about the other side, the offers on the table,
// the public crisis (tension, rung, the hazard when shown) and whether the mediator can bridge. None
// reads the other side's type or the random streams.
import { legalActionTypes } from '../rules';
import type { Scenario, Side } from '../scenario/schema';
import type { Action, GameState, Package } from '../types';
import { otherSide } from '../types';
import { bestBidAbove, newOpponentModel, timeTarget } from './bidding';
import { bridgeIsOpen } from './bridge';
import { agendaMask, idealPackage, packageToTerms, spaceOf, utility, utilityBounds } from './space';

type Decide = (scenario: Scenario, state: GameState, side: Side) => Action;

export const SCRIPT_NAMES = ['always-threat', 'always-conciliatory', 'concede-every-round', 'hold-then-accept', 'reference'] as const;
export type ScriptName = (typeof SCRIPT_NAMES)[number];

export const isScriptName = (name: string): name is ScriptName => (SCRIPT_NAMES as readonly string[]).includes(name);

/** The script's move now. */
export function decideScript(scenario: Scenario, state: GameState, side: Side, name: ScriptName): Action {
  if (state.phase === 'agenda') return name === 'reference' ? referenceAgenda(scenario, state, side) : takeAnyAgenda(scenario, state, side);
  return SCRIPTS[name](scenario, state, side);
}

const can = (scenario: Scenario, state: GameState, side: Side, type: Action['type']) =>
  legalActionTypes(scenario, state, side).includes(type);

/** Fixed scripts settle the agenda at once: accept what is proposed, or propose what they want. */
function takeAnyAgenda(scenario: Scenario, state: GameState, side: Side): Action {
  if (can(scenario, state, side, 'accept-agenda')) return { type: 'accept-agenda' };
  return { type: 'propose-agenda', issues: [...scenario.agenda.wants[side]] };
}

/** Yields the contested issues that matter least to it, more of them as agenda turns run out. */
function referenceAgenda(scenario: Scenario, state: GameState, side: Side): Action {
  const { contested, turns } = scenario.agenda;
  const wants = scenario.agenda.wants[side];
  const weightOf = (id: string) => state.types[side].weights[scenario.issues.findIndex((i) => i.id === id)] ?? 0;
  const progress = (turns - state.agenda.turnsLeft + 1) / turns;
  const willingToYield = Math.floor(0.5 * contested.length * progress);
  const theirs = state.agenda.proposals[otherSide(side)];
  if (theirs) {
    // What the other agenda costs: the weight of the contested issues it decides against us.
    const cost = contested.filter((id) => wants.includes(id) !== theirs.includes(id)).reduce((a, id) => a + weightOf(id), 0);
    if (cost <= 0.12 + 0.1 * progress) return { type: 'accept-agenda' };
  }
  const byWeight = [...contested].sort((a, b) => weightOf(a) - weightOf(b) || (a < b ? -1 : 1));
  const yielded = new Set(byWeight.slice(0, willingToYield));
  return { type: 'propose-agenda', issues: contested.filter((id) => wants.includes(id) !== yielded.has(id)) };
}

function ownIdeal(scenario: Scenario, state: GameState, side: Side): Package {
  const space = spaceOf(scenario);
  return idealPackage(space, side, agendaMask(space, state.agenda.on));
}

function propose(scenario: Scenario, state: GameState, pkg: Package): Action {
  const space = spaceOf(scenario);
  return { type: 'propose', terms: packageToTerms(space, pkg, agendaMask(space, state.agenda.on)) };
}

const ownUtility = (scenario: Scenario, state: GameState, side: Side, pkg: Package) =>
  utility(spaceOf(scenario), side, state.types[side].weights, pkg);

/** Whether the offer on the table is worth at least the walk-away value. */
function theirsIsAcceptable(scenario: Scenario, state: GameState, side: Side): boolean {
  const theirs = state.offers[otherSide(side)];
  return !!theirs && ownUtility(scenario, state, side, theirs) >= state.types[side].reservation;
}

/** The first statement of the tone, or the package it wants when statements are not open. */
const statementOr =
  (tone: 'threat' | 'conciliatory'): Decide =>
  (scenario, state, side) =>
    can(scenario, state, side, 'statement') ? { type: 'statement', tone } : propose(scenario, state, ownIdeal(scenario, state, side));

const SCRIPTS: Record<ScriptName, Decide> = {
  /** Threatens at every turn, whatever is on the table. */
  'always-threat': statementOr('threat'),
  /** Speaks softly at every turn, whatever is on the table. */
  'always-conciliatory': statementOr('conciliatory'),
  /** Opens with its ideal, then concedes a step on its least important issue each turn; accepts above its walk-away. */
  'concede-every-round': (scenario, state, side) => {
    if (theirsIsAcceptable(scenario, state, side)) return { type: 'accept' };
    if (!state.offers[side] || !can(scenario, state, side, 'concede')) return propose(scenario, state, ownIdeal(scenario, state, side));
    const space = spaceOf(scenario);
    const own = state.offers[side] as Package;
    const theirs = state.offers[otherSide(side)] as Package;
    const weights = state.types[side].weights;
    const cheapest = space.ids
      .map((id, i) => ({ id, i }))
      .filter(({ id, i }) => state.agenda.on.includes(id) && own[i] !== theirs[i])
      .sort((a, b) => (weights[a.i] as number) - (weights[b.i] as number) || (a.id < b.id ? -1 : 1))[0];
    return cheapest ? { type: 'concede', issue: cheapest.id } : propose(scenario, state, ownIdeal(scenario, state, side));
  },
  /** Repeats its ideal package until the last round, then accepts whatever stands. */
  'hold-then-accept': (scenario, state, side) => {
    if (state.round >= state.deadline && can(scenario, state, side, 'accept')) return { type: 'accept' };
    return propose(scenario, state, ownIdeal(scenario, state, side));
  },
  reference: referenceMove,
};

/**
 * The reference negotiator: concedes slowly in its own utility (a Boulware target from its ideal
 * down to its walk-away value), offers the package its beliefs say the other side likes best above
 * that target, accepts an offer worth its next bid (or, in the last round, anything above its
 * walk-away), takes a bridge worth its target, calls on the mediator when a bridge is open, and cools
 * a hot crisis instead of threatening.
 */
function referenceMove(scenario: Scenario, state: GameState, side: Side): Action {
  const space = spaceOf(scenario);
  const mask = agendaMask(space, state.agenda.on);
  const weights = state.types[side].weights;
  const reservation = state.types[side].reservation;
  const u = (pkg: Package) => utility(space, side, weights, pkg);
  const bounds = utilityBounds(space, side, weights, mask);
  const pMin = Math.max(reservation + 0.02, bounds.min);
  const pMax = Math.max(bounds.max, pMin);
  const t = state.round / (state.deadline + 1);
  const lastRound = state.round >= state.deadline;
  const target = Math.max(pMin, Math.min(pMax, timeTarget({ t, e: 0.35, k: 0, pMin, pMax })));
  const model = state.ai[side]?.model ?? newOpponentModel(space, state.beliefs[side]);
  const bid = bestBidAbove({ space, side, weights, mask, target, model });
  const theirs = state.offers[otherSide(side)];
  if (theirs) {
    const theirsU = u(theirs);
    if (
      theirsU >= reservation &&
      (theirsU >= u(bid) - 0.01 || (lastRound && state.movesThisRound === 1) || state.rung >= lastRungs(scenario))
    )
      return { type: 'accept' };
  }
  if (state.bridge && !state.bridge.endorsed[side] && u(state.bridge.pkg) >= Math.max(reservation, target - 0.05))
    return { type: 'accept-bridge' };
  const hot = (state.hazardVisible && state.hazard > 0.18) || state.rung >= lastRungs(scenario);
  const recessedLately = state.log.some((e) => e.ref === 'recess' && e.round >= state.round - 1);
  if (hot && !recessedLately && can(scenario, state, side, 'recess')) return { type: 'recess' };
  if (hot && can(scenario, state, side, 'statement')) return { type: 'statement', tone: 'conciliatory' };
  const bridgedThisRound = state.log.some((e) => e.round === state.round && e.ref.startsWith('bridge'));
  if (!state.bridge && !bridgedThisRound && bridgeIsOpen(scenario, state) && can(scenario, state, side, 'bridge'))
    return { type: 'bridge' };
  return propose(scenario, state, bid);
}

/** The rung from which the crisis is two steps from the top: time to settle. */
const lastRungs = (scenario: Scenario) => Math.max(1, scenario.ladder.rungs.length - 3);
