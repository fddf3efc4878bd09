// Creating a game from a scenario and seed (the setup draws), and copying state for a pure step.

import { newOpponentModel, observeOffer } from './negotiation/bidding';
import { spaceOf } from './negotiation/space';
import { draw, STREAMS, type StreamName, seedStream } from './rng';
import type { Side } from './scenario/constants';
import type { Scenario } from './scenario/schema';
import { bySide, otherSide, sidesOf } from './sides';
import { type Controller, controllerOf, type GameState, RULES_VERSION, type Settings } from './types';

export const isAiController = (c: Controller): boolean => c !== 'human';

export function personalityOf(controller: Controller): string | null {
  return controller.startsWith('ai:') ? controller.slice(3) : null;
}

export function createGame(scenario: Scenario, seed: string, settings: Settings): GameState {
  const space = spaceOf(scenario);
  const rng = Object.fromEntries(STREAMS.map((name) => [name, seedStream(seed, name)])) as GameState['rng'];

  // Private types: each side's true weights and reservation value, drawn inside the scenario's ranges.
  const types = {} as GameState['types'];
  for (const side of sidesOf(scenario)) {
    const raw = scenario.issues.map((issue) => {
      const [lo, hi] = issue.weights[side]!;
      return lo + (hi - lo) * draw(rng.setup);
    });
    const total = raw.reduce((a, b) => a + b, 0);
    const [rlo, rhi] = scenario.parties[side]!.reservation;
    types[side] = { weights: raw.map((w) => w / total), reservation: rlo + (rhi - rlo) * draw(rng.setup) };
  }

  // What each side believes of the other: the other's weights as its own brief describes them.
  const beliefs = bySide(scenario, (side) => scenario.issues.map((i) => [...i.believed[otherSide(scenario, side)]!] as [number, number]));
  const ai: GameState['ai'] = {};
  for (const side of sidesOf(scenario))
    if (isAiController(controllerOf(settings, side))) ai[side] = { model: newOpponentModel(space, beliefs[side]!), lastBidUtility: null };

  return {
    rulesVersion: RULES_VERSION,
    scenarioId: scenario.id,
    seed,
    settings: { ...settings },
    phase: 'agenda',
    round: 0,
    turn: 0,
    deadline: scenario.rounds,
    toMove: scenario.firstMover,
    movesThisRound: 0,
    agenda: { on: [...scenario.agenda.core], proposals: bySide(scenario, () => null), turnsLeft: scenario.agenda.turns, settled: false },
    types,
    beliefs,
    offers: bySide(scenario, () => null),
    bridge: null,
    offerHistory: [],
    support: bySide(scenario, (side) => scenario.parties[side]!.support.start),
    tension: scenario.ladder.initialTension,
    roundScore: 0,
    shock: 0,
    rung: scenario.ladder.start,
    hazard: 0,
    rng,
    eventsSeen: [],
    roundEvents: [],
    ai,
    risk: [],
    log: [],
    utilityByRound: [],
    outcome: null,
    journal: [],
    guesses: [],
    paused: false,
    hazardVisible: true,
  };
}

/**
 * A working copy for one step: everything the step may change is copied, append-only logs are
 * sliced (their entries are never mutated), so the input state is never touched.
 */
export function forkState(s: GameState): GameState {
  const copyRng = (name: StreamName) => ({ ...s.rng[name] });
  const ai: GameState['ai'] = {};
  for (const side of sidesOf(s)) {
    const m = s.ai[side];
    if (m) ai[side] = { model: { ...m.model }, lastBidUtility: m.lastBidUtility };
  }
  return {
    ...s,
    settings: { ...s.settings },
    // agenda.on is replaced, never mutated, when the agenda settles: it can be shared.
    agenda: { ...s.agenda, proposals: { ...s.agenda.proposals } },
    beliefs: bySide(s, (side) => s.beliefs[side]!.map((r) => [...r] as [number, number])),
    offers: { ...s.offers },
    bridge: s.bridge ? { pkg: s.bridge.pkg, endorsed: { ...s.bridge.endorsed } } : null,
    offerHistory: s.offerHistory.slice(),
    support: { ...s.support },
    rng: { setup: copyRng('setup'), events: copyRng('events'), ai: copyRng('ai'), intel: copyRng('intel') },
    eventsSeen: s.eventsSeen.slice(),
    roundEvents: s.roundEvents.slice(),
    ai,
    risk: s.risk.slice(),
    log: s.log.slice(),
    utilityByRound: s.utilityByRound.slice(),
    journal: s.journal.slice(),
    guesses: s.guesses.slice(),
  };
}

/**
 * Hands one or both seats to new controllers mid-game (a fork, or a teacher taking over a side).
 * A side that becomes AI-controlled gets an opponent model that has already watched the other's offers.
 */
export function changeControllers(scenario: Scenario, state: GameState, settings: Settings): GameState {
  const space = spaceOf(scenario);
  const next: GameState = { ...state, settings: { ...settings }, ai: { ...state.ai } };
  for (const side of sidesOf(scenario)) {
    if (!isAiController(controllerOf(settings, side)) || next.ai[side]) continue;
    let model = newOpponentModel(space, state.beliefs[side]!);
    const mask = state.agenda.on.length ? space.ids.map((id) => state.agenda.on.includes(id)) : space.ids.map(() => true);
    const learning = scenario.difficulties.find((d) => d.id === settings.difficulty)?.learning ?? 1;
    for (const offer of state.offerHistory) if (offer.side !== side) model = observeOffer(model, offer.pkg, learning, mask);
    next.ai[side] = { model, lastBidUtility: null };
  }
  return next;
}

/** Whose turn it is, or null when the talks are over. */
export function sideToMove(state: GameState): Side | null {
  return state.phase === 'ended' ? null : state.toMove;
}

export { otherSide };
