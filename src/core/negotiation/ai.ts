// The AI counterpart (BOA: bidding, opponent model, acceptance) plus the table manners of a real
// delegation: it answers pressure according to its temper, calls on the mediator when the gap is small or
// the crisis is hot, and walks out only when offers stay hopeless. Personality and difficulty are data.

import { draw } from '../rng';
import { concedableIssues } from '../rules';
import type { Difficulty, Personality, Scenario, Side } from '../scenario/schema';
import { type Action, type GameState, otherSide, type Package } from '../types';
import { bestBidAbove, timeTarget } from './bidding';
import { bridgeIsOpen } from './bridge';
import { agendaMask, packageToTerms, spaceOf, utility, utilityBounds } from './space';

export interface AiProfile {
  personality: Personality;
  difficulty: Difficulty;
}

export function aiProfile(scenario: Scenario, personalityId: string, difficultyId: string): AiProfile | null {
  const personality = scenario.personalities.find((p) => p.id === personalityId);
  const difficulty = scenario.difficulties.find((d) => d.id === difficultyId) ?? scenario.difficulties[0];
  return personality && difficulty ? { personality, difficulty } : null;
}

/** Reads `count` draws from a copy of the `ai` stream (the rules advance the stream itself). */
function aiDraws(state: GameState, count: number): number[] {
  const copy = { ...state.rng.ai };
  return Array.from({ length: count }, () => draw(copy));
}

export function decideAi(scenario: Scenario, state: GameState, side: Side, profile: AiProfile): Action {
  return state.phase === 'agenda' ? agendaMove(scenario, state, side, profile) : tableMove(scenario, state, side, profile);
}

function agendaMove(scenario: Scenario, state: GameState, side: Side, { personality }: AiProfile): Action {
  const [u0 = 0] = aiDraws(state, 1);
  const { contested, wants, turns } = { ...scenario.agenda, wants: scenario.agenda.wants[side]! };
  const progress = (turns - state.agenda.turnsLeft) / turns;
  const willingToYield = Math.floor(personality.agendaFlex * contested.length * (0.5 + progress));
  const theirs = state.agenda.proposals[otherSide(scenario, side)];
  if (theirs) {
    const cost = contested.filter((id) => wants.includes(id) !== theirs.includes(id)).length;
    if (cost <= willingToYield) return { type: 'accept-agenda' };
  }
  if (personality.agendaFlex < 0.2 && state.agenda.turnsLeft <= 2 && u0 < (1 - personality.agendaFlex) * 0.6)
    return { type: 'force-agenda' };
  // Yield first the contested issues that matter least to us.
  const weights = state.types[side]!.weights;
  const byWeight = [...contested].sort((a, b) => {
    const wa = weights[scenario.issues.findIndex((i) => i.id === a)] ?? 0;
    const wb = weights[scenario.issues.findIndex((i) => i.id === b)] ?? 0;
    return wa - wb || (a < b ? -1 : 1);
  });
  const yielded = new Set(byWeight.slice(0, willingToYield));
  return { type: 'propose-agenda', issues: contested.filter((id) => wants.includes(id) !== yielded.has(id)) };
}

function tableMove(scenario: Scenario, state: GameState, side: Side, { personality, difficulty }: AiProfile): Action {
  const space = spaceOf(scenario);
  const mask = agendaMask(space, state.agenda.on);
  const other = otherSide(scenario, side);
  const weights = state.types[side]!.weights;
  const u = (pkg: Package) => utility(space, side, weights, pkg);
  const [dStatement = 0, dRecess = 0, dBridge = 0, dWalk = 0] = aiDraws(state, 4);
  const reservation = Math.min(0.95, Math.max(0, state.types[side]!.reservation + difficulty.reservationShift));
  const bounds = utilityBounds(space, side, weights, mask);
  const pMin = Math.max(reservation, bounds.min);
  const pMax = Math.max(bounds.max, pMin);
  const t = state.round / (state.deadline + 1);
  const memory = state.ai[side];
  const model = memory?.model;
  if (!model) return { type: 'walkout' };

  // Target: time-dependent tactic, blended with mirroring the opponent's last concession.
  let target = timeTarget({ t, e: personality.e, k: personality.k, pMin, pMax });
  // Our utility of each offer they have made, oldest first.
  const theirOffers: { round: number; u: number }[] = [];
  for (const o of state.offerHistory) if (o.side === other) theirOffers.push({ round: o.round, u: u(o.pkg) });
  const last = theirOffers[theirOffers.length - 1];
  const previous = theirOffers[theirOffers.length - 2];
  const myLast = memory.lastBidUtility ?? pMax;
  if (last && previous && personality.titForTat > 0) {
    const theirConcession = last.u - previous.u;
    const mirrored = Math.min(pMax, Math.max(pMin, myLast - theirConcession));
    target = (1 - personality.titForTat) * target + personality.titForTat * mirrored;
  }
  // Pressure: in the second half of the talks, and as the ladder climbs, even a hard bargainer
  // moves towards its walk-away value (a scenario's `pressure`, 0 by default).
  const pressure = personality.pressure ?? 0;
  if (pressure > 0) {
    const late = Math.max(0, (t - 0.5) / 0.5);
    const ladder = scenario.ladder;
    const climbed = Math.max(0, state.rung - ladder.start) / Math.max(1, ladder.rungs.length - 1 - ladder.start);
    target -= (target - pMin) * pressure * Math.min(1, Math.max(late * late, climbed));
  }
  // A delegation near recall cannot afford to give more ground.
  const party = scenario.parties[side]!;
  const nearRecall = state.support[side]! < party.support.recallBelow + 8;
  if (nearRecall) target = Math.max(target, Math.min(myLast, pMax));
  target = Math.max(pMin, Math.min(pMax, target));

  const bid = bestBidAbove({ space, side, weights, mask, target, model });
  const bidU = u(bid);
  const theirs = state.offers[other]!;
  const lastChance = state.round >= state.deadline && state.movesThisRound === 1;

  // Acceptance: AC_next with the difficulty's slack; at the last chance, the best seen recently.
  if (theirs) {
    const theirsU = u(theirs);
    let recentBest = theirsU;
    for (const o of theirOffers) if (o.round >= state.round - 3 && o.u > recentBest) recentBest = o.u;
    if (theirsU >= reservation && (theirsU >= bidU - difficulty.acceptanceSlack || (lastChance && theirsU >= recentBest - 1e-9)))
      return { type: 'accept' };
  }
  if (state.bridge && !state.bridge.endorsed[side]!) {
    const bridgeU = u(state.bridge.pkg);
    if (bridgeU >= reservation && bridgeU >= target - difficulty.acceptanceSlack - 0.04) return { type: 'accept-bridge' };
  }

  // Walk out when the other side's offers stay hopeless late in the talks.
  if (theirs && t > 0.45 && state.round >= 3) {
    let bestSeen = -Infinity;
    for (const o of theirOffers) if (o.u > bestSeen) bestSeen = o.u;
    const stalled = !last || !previous || last.u - previous.u < 0.01;
    if (stalled && bestSeen < reservation - 0.05 - 0.3 * personality.patience && dWalk < (1 - personality.patience) * 0.35)
      return { type: 'walkout' };
  }

  // Table manners: answer pressure, cool a hot crisis, call on the mediator when the gap is small.
  const lastMove = findLast(state.log, (e) => e.kind === 'move' && e.side === other);
  const pressed = lastMove?.ref === 'statement-threat' || lastMove?.ref === 'statement-firm';
  if (pressed && dStatement < personality.temper * 0.6)
    return { type: 'statement', tone: personality.temper > 0.75 && lastMove?.ref === 'statement-threat' ? 'threat' : 'firm' };
  if (nearRecall && dStatement < 0.5) return { type: 'statement', tone: 'firm' };
  const hot = state.hazard > 0.2 || state.rung >= Math.ceil(scenario.ladder.rungs.length / 2);
  const recessedRecently = findLast(state.log, (e) => e.ref === 'recess' && e.round >= state.round - 1) !== undefined;
  if (hot && !recessedRecently && dRecess < (1 - personality.temper) * 0.5) return { type: 'recess' };
  if (hot && dRecess > 1 - (1 - personality.temper) * 0.3) return { type: 'statement', tone: 'conciliatory' };
  if (
    !state.bridge &&
    bridgeIsOpen(scenario, state) &&
    dBridge < 0.4 &&
    findLast(state.log, (e) => e.round === state.round && e.ref.startsWith('bridge')) === undefined
  )
    return { type: 'bridge' };
  if (!theirs && dStatement > 1 - personality.temper * 0.15) return { type: 'statement', tone: 'firm' };

  return { type: 'propose', terms: packageToTerms(space, bid, mask) };
}

function findLast<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i] as T)) return items[i];
  return undefined;
}

/** A seeded random legal move (the `random` policy). */
export function decideRandom(scenario: Scenario, state: GameState, side: Side, legal: readonly Action['type'][]): Action {
  const draws = aiDraws(state, 16);
  let k = 0;
  const next = () => draws[k++ % draws.length] ?? 0;
  const weightOf = (type: Action['type']) => (type === 'walkout' ? 0.15 : type === 'force-agenda' ? 0.4 : 1);
  const total = legal.reduce((a, type) => a + weightOf(type), 0);
  let x = next() * total;
  let type = legal[legal.length - 1] ?? 'walkout';
  for (const candidate of legal) {
    x -= weightOf(candidate);
    if (x < 0) {
      type = candidate;
      break;
    }
  }
  const space = spaceOf(scenario);
  switch (type) {
    case 'propose-agenda':
      return { type, issues: scenario.agenda.contested.filter(() => next() < 0.5) };
    case 'propose': {
      const mask = agendaMask(space, state.agenda.on);
      const pkg = space.sizes.map((n, i) => (mask[i] ? Math.min(n - 1, Math.floor(next() * n)) : (space.notCovered[i] as number)));
      return { type, terms: packageToTerms(space, pkg, mask) };
    }
    case 'concede': {
      const issues = concedableIssues(scenario, state, side);
      return { type, issue: issues[Math.floor(next() * issues.length)] ?? issues[0] ?? '' };
    }
    case 'statement':
      return { type, tone: (['conciliatory', 'firm', 'threat'] as const)[Math.floor(next() * 3)] ?? 'firm' };
    default:
      return { type } as Action;
  }
}
