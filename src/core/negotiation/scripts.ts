// Scripted policies for measuring the game's balance (`script:<name>` in the CLI and the strategies
// bench): fixed scripts a player might try, and a reference negotiator. Each decides only from what a
// human at that seat sees: its own type, its beliefs about the other side, the offers on the table,
// the public crisis (tension, rung, the hazard when shown) and whether the mediator can bridge. None
// reads the other side's type or the random streams.
import { concedableIssues, legalActionTypes } from '../rules';
import type { Scenario, Side } from '../scenario/schema';
import type { Action, GameState, Package } from '../types';
import { otherSide } from '../types';
import { estimatedOptionValues, newOpponentModel, observeOffer, timeTarget } from './bidding';
import { bridgeIsOpen } from './bridge';
import { concessionStep } from './concession';
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
  return { type: 'propose-agenda', issues: [...scenario.agenda.wants[side]!] };
}

/** Yields the contested issues that matter least to it, more of them as agenda turns run out. */
function referenceAgenda(scenario: Scenario, state: GameState, side: Side): Action {
  const { contested, turns } = scenario.agenda;
  const wants = scenario.agenda.wants[side]!;
  const weightOf = (id: string) => state.types[side]!.weights[scenario.issues.findIndex((i) => i.id === id)] ?? 0;
  const progress = (turns - state.agenda.turnsLeft + 1) / turns;
  const willingToYield = Math.floor(0.5 * contested.length * progress);
  const theirs = state.agenda.proposals[otherSide(scenario, side)];
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
  utility(spaceOf(scenario), side, state.types[side]!.weights, pkg);

/** Whether the offer on the table is worth at least the walk-away value. */
function theirsIsAcceptable(scenario: Scenario, state: GameState, side: Side): boolean {
  const theirs = state.offers[otherSide(scenario, side)];
  return !!theirs && ownUtility(scenario, state, side, theirs) >= state.types[side]!.reservation;
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
    if (!state.offers[side]! || !can(scenario, state, side, 'concede')) return propose(scenario, state, ownIdeal(scenario, state, side));
    const space = spaceOf(scenario);
    const own = state.offers[side]! as Package;
    const theirs = state.offers[otherSide(scenario, side)] as Package;
    const weights = state.types[side]!.weights;
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
 * down to its walk-away value), one "concede a step" at a time where a step will do (a concession
 * that also eases the crisis) and otherwise by adding concessions to its standing offer, each where
 * it gives most to the other side (by its brief and their offers so far) for what it costs at home;
 * never takes a concession back. It accepts an offer worth its next bid (or, in the last round,
 * anything above its walk-away), takes a bridge worth its target, calls on the mediator when a
 * bridge is open, and cools a hot crisis instead of threatening.
 */
function referenceMove(scenario: Scenario, state: GameState, side: Side): Action {
  const space = spaceOf(scenario);
  const mask = agendaMask(space, state.agenda.on);
  const weights = state.types[side]!.weights;
  const reservation = state.types[side]!.reservation;
  const u = (pkg: Package) => utility(space, side, weights, pkg);
  const bounds = utilityBounds(space, side, weights, mask);
  const pMin = Math.max(reservation + 0.02, bounds.min);
  const pMax = Math.max(bounds.max, pMin);
  const t = state.round / (state.deadline + 1);
  const lastRound = state.round >= state.deadline;
  const target = Math.max(pMin, Math.min(pMax, timeTarget({ t, e: 0.45, k: 0, pMin, pMax })));
  const model = modelFromOffers(scenario, state, side);
  const bid = concessionsTowards(scenario, state, side, target, model);
  const step = concessionStepTowards(scenario, state, side, target, model);
  const theirs = state.offers[otherSide(scenario, side)];
  if (theirs) {
    const theirsU = u(theirs);
    if (
      theirsU >= reservation &&
      (theirsU >= u(bid) - 0.01 || (lastRound && state.movesThisRound === 1) || state.rung >= lastRungs(scenario))
    )
      return { type: 'accept' };
  }
  if (state.bridge && !state.bridge.endorsed[side]! && u(state.bridge.pkg) >= Math.max(reservation, target - 0.05))
    return { type: 'accept-bridge' };
  const hot = (state.hazardVisible && state.hazard > 0.18) || state.rung >= lastRungs(scenario);
  const recessedLately = state.log.some((e) => e.ref === 'recess' && e.round >= state.round - 1);
  if (hot && !recessedLately && can(scenario, state, side, 'recess')) return { type: 'recess' };
  if (hot && can(scenario, state, side, 'statement')) return { type: 'statement', tone: 'conciliatory' };
  const bridgedThisRound = state.log.some((e) => e.round === state.round && e.ref.startsWith('bridge'));
  if (!state.bridge && !bridgedThisRound && bridgeIsOpen(scenario, state) && can(scenario, state, side, 'bridge'))
    return { type: 'bridge' };
  // A concession made as "concede a step" eases the crisis as well; a bigger move is a new package.
  if (step) return { type: 'concede', issue: step };
  return propose(scenario, state, bid);
}

/**
 * The issue to concede a step on now, if the target asks for a concession and one step (as the
 * rules make it) gives most for its cost while the offer stays worth about the target.
 */
function concessionStepTowards(
  scenario: Scenario,
  state: GameState,
  side: Side,
  target: number,
  model: ReturnType<typeof newOpponentModel>,
): string | null {
  const space = spaceOf(scenario);
  const own = state.offers[side]!;
  const theirs = state.offers[otherSide(scenario, side)];
  if (!own || !theirs || !can(scenario, state, side, 'concede')) return null;
  const weights = state.types[side]!.weights;
  const u = utility(space, side, weights, own);
  if (u <= target + 1e-9) return null;
  const ev = space.evals[side]!;
  const opp = estimatedOptionValues(model, ev);
  const supportWeight = scenario.scoring.supportWeight / 100;
  let best: { issue: string; ratio: number } | null = null;
  for (const issue of concedableIssues(scenario, state, side)) {
    const i = space.ids.indexOf(issue);
    const from = own[i] as number;
    const to = concessionStep(scenario, side, own, theirs, i);
    const evalDrop = ((ev[i] as number[])[from] as number) - ((ev[i] as number[])[to] as number);
    const drop = evalDrop * (weights[i] as number);
    if (drop <= 0 || u - drop < target - 0.02) continue;
    const gain = (((opp[i] as number[])[to] as number) - ((opp[i] as number[])[from] as number)) * (model.weights[i] as number);
    const cost = drop + evalDrop * (scenario.issues[i]?.domesticCost[side] ?? 0) * supportWeight;
    const ratio = gain / Math.max(1e-9, cost);
    if (!best || ratio > best.ratio) best = { issue, ratio };
  }
  return best?.issue ?? null;
}

/**
 * What the other side wants, as a player would read it: the brief's believed ranges, sharpened by
 * every offer the other side has put on the table (public, in the offer history).
 */
function modelFromOffers(scenario: Scenario, state: GameState, side: Side): ReturnType<typeof newOpponentModel> {
  const space = spaceOf(scenario);
  const mask = agendaMask(space, state.agenda.on);
  let model = newOpponentModel(space, state.beliefs[side]!);
  for (const offer of state.offerHistory) if (offer.side !== side) model = observeOffer(model, offer.pkg, 1, mask);
  return model;
}

/**
 * The next offer: the standing one (or the ideal package) with concessions added one step at a time,
 * each the step that gives the other side most (by the model) for what it costs here (utility, and
 * the support a step away from one's own offer costs at home), while the package stays worth
 * `target`. Never takes a concession back: a step back up earns no support, and the next step down
 * would cost it again (a bid re-optimised from scratch each round paid for the same issue twice).
 */
function concessionsTowards(
  scenario: Scenario,
  state: GameState,
  side: Side,
  target: number,
  model: ReturnType<typeof newOpponentModel>,
): Package {
  const space = spaceOf(scenario);
  const mask = agendaMask(space, state.agenda.on);
  const weights = state.types[side]!.weights;
  const ev = space.evals[side]!;
  const opp = estimatedOptionValues(model, ev).map((row, i) => row.map((v) => v * (model.weights[i] as number)));
  const pkg = (state.offers[side]! ?? idealPackage(space, side, mask)).slice();
  let u = utility(space, side, weights, pkg);
  const supportWeight = scenario.scoring.supportWeight / 100;
  for (let guard = 0; guard < 64; guard++) {
    let best: { i: number; j: number; drop: number; ratio: number } | null = null;
    for (let i = 0; i < pkg.length; i++) {
      if (!mask[i]) continue;
      const row = ev[i] as number[];
      const now = pkg[i] as number;
      for (let j = 0; j < row.length; j++) {
        const evalDrop = (row[now] as number) - (row[j] as number);
        const gain = ((opp[i] as number[])[j] as number) - ((opp[i] as number[])[now] as number);
        if (evalDrop <= 0 || gain <= 0) continue;
        const drop = evalDrop * (weights[i] as number);
        if (u - drop < target - 1e-9) continue;
        const cost = drop + evalDrop * (scenario.issues[i]?.domesticCost[side] ?? 0) * supportWeight;
        const ratio = gain / Math.max(1e-9, cost);
        if (!best || ratio > best.ratio) best = { i, j, drop, ratio };
      }
    }
    if (!best) break;
    pkg[best.i] = best.j;
    u -= best.drop;
  }
  return pkg;
}

/** The rung from which the crisis is two steps from the top: time to settle. */
const lastRungs = (scenario: Scenario) => Math.max(1, scenario.ladder.rungs.length - 3);
