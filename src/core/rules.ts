// The rules: which actions are legal, and what each does. applyAction is pure (it works on a fork);
// applyActionInPlace is the same step on a state the caller owns, for fast headless batches.
import { addRisk, closeRound, hazardOf, projectedTension, severityScore } from './escalation/escalation';
import { drawRoundEvents } from './events/deck';
import { observeOffer } from './negotiation/bidding';
import { bridgeIsOpen, bridgingPackage, offerGap } from './negotiation/bridge';
import { agendaMask, idealPackage, packageToTerms, type Space, spaceOf, termsToPackage, utility } from './negotiation/space';
import { draw } from './rng';
import type { Scenario, Side } from './scenario/schema';
import { SIDES } from './scenario/schema';
import { forkState, isAiController } from './state';
import { type Action, type ActionType, type GameState, type OutcomeKind, otherSide, type Package, TONES } from './types';

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

const AGENDA_ACTIONS: readonly ActionType[] = ['propose-agenda', 'accept-agenda', 'force-agenda', 'walkout'];
const ROUND_ACTIONS: readonly ActionType[] = ['propose', 'accept', 'accept-bridge', 'concede', 'statement', 'recess', 'bridge', 'walkout'];

/** The kinds of action `side` may take now (a propose still needs terms, a concede an issue). */
export function legalActionTypes(scenario: Scenario, state: GameState, side: Side): ActionType[] {
  if (state.phase === 'ended' || state.toMove !== side) return [];
  const kinds = state.phase === 'agenda' ? AGENDA_ACTIONS : ROUND_ACTIONS;
  return kinds.filter((type) => typeAllowed(scenario, state, side, type) === null);
}

/** Issues on which `side` can concede one step towards the other side's standing offer. */
export function concedableIssues(scenario: Scenario, state: GameState, side: Side): string[] {
  const own = state.offers[side];
  const theirs = state.offers[otherSide(side)];
  if (!own || !theirs) return [];
  const space = spaceOf(scenario);
  return space.ids.filter((id, i) => state.agenda.on.includes(id) && own[i] !== theirs[i]);
}

function typeAllowed(scenario: Scenario, state: GameState, side: Side, type: ActionType): string | null {
  const other = otherSide(side);
  switch (type) {
    case 'propose-agenda':
    case 'force-agenda':
      return state.phase === 'agenda' ? null : 'the agenda is already settled';
    case 'accept-agenda':
      if (state.phase !== 'agenda') return 'the agenda is already settled';
      return state.agenda.proposals[other] ? null : `${scenario.parties[other].short} has not proposed an agenda`;
    case 'walkout':
      return null;
    case 'propose':
    case 'statement':
    case 'recess':
      return state.phase === 'rounds' ? null : 'the talks have not reached the table';
    case 'accept':
      if (state.phase !== 'rounds') return 'the talks have not reached the table';
      return state.offers[other] ? null : `${scenario.parties[other].short} has no offer on the table`;
    case 'accept-bridge':
      if (state.phase !== 'rounds') return 'the talks have not reached the table';
      if (!state.bridge) return 'Oman has not tabled a bridging proposal';
      return state.bridge.endorsed[side] ? 'already endorsed the bridging proposal' : null;
    case 'concede':
      if (state.phase !== 'rounds') return 'the talks have not reached the table';
      return concedableIssues(scenario, state, side).length > 0 ? null : 'no issue where the offers differ';
    case 'bridge':
      if (state.phase !== 'rounds') return 'the talks have not reached the table';
      return state.offers.us && state.offers.iran ? null : 'both sides need an offer on the table first';
  }
}

export function validateAction(scenario: Scenario, state: GameState, side: Side, action: Action): string | null {
  if (state.phase === 'ended') return 'the talks are over';
  if (side !== 'us' && side !== 'iran') return `unknown side "${String(side)}"`;
  if (state.toMove !== side) return `it is ${scenario.parties[state.toMove].short}'s turn, not ${scenario.parties[side].short}'s`;
  if (action === null || typeof action !== 'object' || typeof (action as { type?: unknown }).type !== 'string')
    return 'an action must be an object with a type';
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
  if (isAiController(state.settings[side])) for (let i = 0; i < AI_DRAWS_PER_TURN; i++) draw(state.rng.ai);
  if (state.phase === 'agenda') agendaStep(scenario, state, side, action);
  else roundStep(scenario, state, side, action);
}

function say(state: GameState, side: Side | null, kind: GameState['log'][number]['kind'], ref: string, text: string) {
  state.log.push({ turn: state.turn, round: state.round, kind, side, ref, text });
}

function changeSupport(scenario: Scenario, state: GameState, side: Side, delta: number, why: string): void {
  if (delta === 0) return;
  const before = state.support[side];
  state.support[side] = Math.max(0, Math.min(100, before + delta));
  const moved = state.support[side] - before;
  if (Math.abs(moved) >= 0.05)
    say(
      state,
      side,
      'domestic',
      'support',
      `${scenario.parties[side].short} support ${moved > 0 ? 'rose' : 'fell'} ${Math.abs(moved).toFixed(1)} to ${state.support[side].toFixed(1)}: ${why}.`,
    );
}

function checkRecall(scenario: Scenario, state: GameState): boolean {
  for (const side of SIDES) {
    if (state.support[side] < scenario.parties[side].support.recallBelow) {
      endTalks(
        scenario,
        state,
        'recall',
        side,
        null,
        `${scenario.parties[side].short}'s delegation was recalled: domestic support fell to ${state.support[side].toFixed(1)}, below ${scenario.parties[side].support.recallBelow}.`,
      );
      return true;
    }
  }
  return false;
}

// ----- the agenda dispute

function agendaStep(scenario: Scenario, state: GameState, side: Side, action: Action): void {
  const other = otherSide(side);
  const name = scenario.parties[side].short;
  switch (action.type) {
    case 'propose-agenda': {
      const issues = orderContested(scenario, action.issues);
      state.agenda.proposals[side] = issues;
      say(state, side, 'agenda', 'propose-agenda', `${name} proposes an agenda with ${describeContested(scenario, issues)}.`);
      break;
    }
    case 'accept-agenda': {
      const issues = state.agenda.proposals[other] ?? [];
      say(state, side, 'agenda', 'accept-agenda', `${name} accepts the agenda proposed by ${scenario.parties[other].short}.`);
      settleAgenda(scenario, state, issues, { yielder: [side, other] });
      return;
    }
    case 'force-agenda': {
      const wanted = orderContested(scenario, scenario.agenda.wants[side]);
      const theirs = new Set(scenario.agenda.wants[other]);
      const forced = scenario.agenda.contested.filter((id) => wanted.includes(id) !== theirs.has(id));
      say(state, side, 'agenda', 'force-agenda', `${name} forces its agenda: ${describeContested(scenario, wanted)}.`);
      addRisk(scenario.ladder, state, {
        cause: 'agenda',
        side,
        ref: 'force-agenda',
        text: `${name} forced ${forced.length} contested issue(s) against ${scenario.parties[other].short}'s wishes`,
        score: scenario.agenda.forceTension * Math.max(1, forced.length),
      });
      settleAgenda(scenario, state, wanted, { yielder: [other] });
      return;
    }
    case 'walkout':
      walkout(scenario, state, side);
      return;
    default:
      return;
  }
  state.agenda.turnsLeft -= 1;
  if (state.agenda.turnsLeft <= 0) {
    say(
      state,
      null,
      'oman',
      'oman-agenda',
      `${scenario.parties.mediator.short} ends the scope dispute with its compromise: ${describeContested(scenario, scenario.agenda.omanCompromise)}.`,
    );
    settleAgenda(scenario, state, scenario.agenda.omanCompromise, { yielder: [] });
    return;
  }
  state.toMove = other;
}

function orderContested(scenario: Scenario, ids: readonly string[]): string[] {
  return scenario.agenda.contested.filter((id) => ids.includes(id));
}

function describeContested(scenario: Scenario, ids: readonly string[]): string {
  if (ids.length === 0) return 'no contested issues';
  return ids.map((id) => scenario.issues.find((i) => i.id === id)?.name ?? id).join(', ');
}

function settleAgenda(scenario: Scenario, state: GameState, contested: readonly string[], opts: { yielder: Side[] }): void {
  const chosen = orderContested(scenario, contested);
  state.agenda.on = scenario.issues.map((i) => i.id).filter((id) => scenario.agenda.core.includes(id) || chosen.includes(id));
  state.agenda.settled = true;
  for (const side of opts.yielder) {
    const wants = scenario.agenda.wants[side];
    const yielded = scenario.agenda.contested.filter((id) => wants.includes(id) !== chosen.includes(id)).length;
    changeSupport(scenario, state, side, -scenario.agenda.yieldSupport * yielded, `yielded ${yielded} contested agenda issue(s)`);
  }
  say(
    state,
    null,
    'agenda',
    'agenda-settled',
    `The agenda is settled: ${state.agenda.on.map((id) => scenario.issues.find((i) => i.id === id)?.name ?? id).join(', ')}.`,
  );
  state.phase = 'rounds';
  if (checkRecall(scenario, state)) return;
  startRound(scenario, state);
}

// ----- rounds

function startRound(scenario: Scenario, state: GameState): void {
  state.round += 1;
  state.movesThisRound = 0;
  state.roundEvents = [];
  state.toMove = state.round % 2 === 1 ? scenario.firstMover : otherSide(scenario.firstMover);
  state.hazard = hazardOf(scenario.ladder, projectedTension(scenario.ladder, state), state.shock);
  say(state, null, 'round', `round-${state.round}`, `Round ${state.round} of ${state.deadline} opens.`);
  for (const side of SIDES) {
    const party = scenario.parties[side];
    if (state.support[side] < party.support.pressureBelow)
      addRisk(scenario.ladder, state, {
        cause: 'domestic',
        side,
        ref: 'pressure',
        text: `Hardliners in ${party.short} push for a tougher line (support ${state.support[side].toFixed(1)} < ${party.support.pressureBelow})`,
        score: severityScore(scenario.ladder, 'posturing'),
      });
  }
  drawRoundEvents(scenario, state);
  if (state.phase === 'ended') return;
  if (state.rung >= scenario.ladder.rungs.length - 1) {
    endTalks(
      scenario,
      state,
      'conflict',
      null,
      null,
      `Events pushed the crisis to "${scenario.ladder.rungs[state.rung]?.name}". The talks are over.`,
    );
    return;
  }
  checkRecall(scenario, state);
}

function roundStep(scenario: Scenario, state: GameState, side: Side, action: Action): void {
  const other = otherSide(side);
  const party = scenario.parties[side];
  const space = spaceOf(scenario);
  const mask = agendaMask(space, state.agenda.on);
  const ladder = scenario.ladder;
  switch (action.type) {
    case 'propose': {
      const result = termsToPackage(space, action.terms, mask);
      if (!result.ok) return;
      makeOffer(scenario, state, side, result.pkg, 'proposes');
      break;
    }
    case 'concede': {
      const i = space.ids.indexOf(action.issue);
      const own = (state.offers[side] as Package).slice();
      const target = (state.offers[other] as Package)[i] as number;
      own[i] = (own[i] as number) + Math.sign(target - (own[i] as number));
      addRisk(ladder, state, {
        cause: 'move',
        side,
        ref: 'concede',
        text: `${party.short} conceded on ${space.issues[i]?.name}`,
        score: severityScore(ladder, 'deescalation'),
      });
      makeOffer(scenario, state, side, own, `concedes on ${space.issues[i]?.name ?? action.issue} and now offers`);
      break;
    }
    case 'accept': {
      const pkg = state.offers[other] as Package;
      say(state, side, 'move', 'accept', `${party.short} accepts ${scenario.parties[other].short}'s offer.`);
      concludeDeal(scenario, state, pkg, side);
      break;
    }
    case 'accept-bridge': {
      const bridge = state.bridge as NonNullable<GameState['bridge']>;
      bridge.endorsed = { ...bridge.endorsed, [side]: true };
      say(state, side, 'move', 'accept-bridge', `${party.short} endorses ${scenario.parties.mediator.short}'s bridging proposal.`);
      if (bridge.endorsed.us && bridge.endorsed.iran) concludeDeal(scenario, state, bridge.pkg, side);
      break;
    }
    case 'statement': {
      const st = scenario.statements[action.tone];
      say(state, side, 'move', `statement-${action.tone}`, `${party.short} (${action.tone}): “${st.text[side]}”`);
      addRisk(ladder, state, {
        cause: 'move',
        side,
        ref: `statement-${action.tone}`,
        text: `${party.short}'s ${action.tone} statement`,
        score: severityScore(ladder, st.severity),
      });
      changeSupport(scenario, state, side, st.support, `a ${action.tone} public statement`);
      checkRecall(scenario, state);
      break;
    }
    case 'recess': {
      say(
        state,
        side,
        'oman',
        'recess',
        `${party.short} asks ${scenario.parties.mediator.short} for a recess; the round ends early to let tempers cool.`,
      );
      addRisk(ladder, state, {
        cause: 'move',
        side,
        ref: 'recess',
        text: `Recess called by ${party.short} through ${scenario.parties.mediator.short}`,
        score: scenario.parties.mediator.recessTension,
      });
      endRound(scenario, state);
      return;
    }
    case 'bridge': {
      const gap = offerGap(scenario, state) ?? 1;
      if (bridgeIsOpen(scenario, state)) {
        const pkg = bridgingPackage(scenario, state.offers.us as Package, state.offers.iran as Package);
        state.bridge = { pkg, endorsed: { us: false, iran: false } };
        const terms = packageToTerms(space, pkg, mask);
        say(
          state,
          side,
          'oman',
          'bridge',
          `${scenario.parties.mediator.short} tables a bridging proposal: ${describeTerms(scenario, terms)}.`,
        );
        addRisk(ladder, state, {
          cause: 'move',
          side,
          ref: 'bridge',
          text: `${scenario.parties.mediator.short} tabled a bridging proposal at ${party.short}'s request`,
          score: severityScore(ladder, 'deescalation'),
        });
      } else {
        say(
          state,
          side,
          'oman',
          'bridge-refused',
          `${scenario.parties.mediator.short} judges the gap too wide to bridge (${(gap * 100).toFixed(0)} points apart; it bridges at ${(scenario.parties.mediator.bridgeGap * 100).toFixed(0)}).`,
        );
      }
      break;
    }
    case 'walkout':
      walkout(scenario, state, side);
      return;
    default:
      return;
  }
  if (state.phase === 'ended') return;
  state.movesThisRound += 1;
  if (state.movesThisRound >= 2) endRound(scenario, state);
  else state.toMove = other;
}

/** "Issue: option; …" for the agenda issues of a package. */
export function describePackage(space: Space, pkg: Package, mask: readonly boolean[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pkg.length; i++) {
    if (!mask[i]) continue;
    const issue = space.issues[i];
    parts.push(`${issue?.name}: ${issue?.options[pkg[i] as number]?.label}`);
  }
  return parts.join('; ');
}

export function describeTerms(scenario: Scenario, terms: Record<string, string>): string {
  return Object.entries(terms)
    .map(([issueId, optionId]) => {
      const issue = scenario.issues.find((i) => i.id === issueId);
      return `${issue?.name ?? issueId}: ${issue?.options.find((o) => o.id === optionId)?.label ?? optionId}`;
    })
    .join('; ');
}

function makeOffer(scenario: Scenario, state: GameState, side: Side, pkg: Package, verb: string): void {
  const space = spaceOf(scenario);
  const mask = agendaMask(space, state.agenda.on);
  const previous = state.offers[side] ?? idealPackage(space, side, mask);
  // Domestic cost: every step away from what this side last offered costs support, by issue.
  let cost = 0;
  const ev = space.evals[side];
  pkg.forEach((o, i) => {
    const drop = ((ev[i] as number[])[previous[i] as number] as number) - ((ev[i] as number[])[o] as number);
    if (drop > 0) cost += drop * (scenario.issues[i]?.domesticCost[side] ?? 0);
  });
  state.offers[side] = pkg;
  state.offerHistory.push({ round: state.round, turn: state.turn, side, pkg });
  say(state, side, 'move', 'propose', `${scenario.parties[side].short} ${verb}: ${describePackage(space, pkg, mask)}.`);
  if (cost > 0) changeSupport(scenario, state, side, -cost, 'concessions at the table');
  const other = otherSide(side);
  const memory = state.ai[other];
  if (memory) {
    const learning = scenario.difficulties.find((d) => d.id === state.settings.difficulty)?.learning ?? 1;
    state.ai[other] = { ...memory, model: observeOffer(memory.model, pkg, learning, mask) };
  }
  const own = state.ai[side];
  if (own) state.ai[side] = { ...own, lastBidUtility: utility(space, side, state.types[side].weights, pkg) };
  checkRecall(scenario, state);
}

function walkout(scenario: Scenario, state: GameState, side: Side): void {
  const party = scenario.parties[side];
  say(state, side, 'move', 'walkout', `${party.short} walks out of the talks.`);
  addRisk(scenario.ladder, state, {
    cause: 'move',
    side,
    ref: 'walkout',
    text: `${party.short} walked out`,
    score: severityScore(scenario.ladder, 'nonviolent'),
  });
  endTalks(scenario, state, 'walkout', side, null, `${party.short} walked out of the talks in round ${state.round}.`);
}

function concludeDeal(scenario: Scenario, state: GameState, pkg: Package, by: Side): void {
  const space = spaceOf(scenario);
  const settled = pkg.filter((o, i) => state.agenda.on.includes(space.ids[i] as string) && o !== space.notCovered[i]).length;
  const kind: OutcomeKind = settled >= scenario.scoring.comprehensiveMin ? 'comprehensive-deal' : 'interim-deal';
  const label = kind === 'comprehensive-deal' ? 'a comprehensive deal' : 'an interim deal';
  addRisk(scenario.ladder, state, {
    cause: 'move',
    side: by,
    ref: 'deal',
    text: 'A deal was signed',
    score: 2 * severityScore(scenario.ladder, 'deescalation'),
  });
  endTalks(scenario, state, kind, by, pkg, `The delegations signed ${label} in round ${state.round}, settling ${settled} issue(s).`);
}

function endRound(scenario: Scenario, state: GameState): void {
  closeRound(scenario.ladder, state, { climb: true, descend: true });
  recordUtilities(scenario, state);
  const top = scenario.ladder.rungs.length - 1;
  if (state.rung >= top) {
    endTalks(
      scenario,
      state,
      'conflict',
      null,
      null,
      `The crisis reached "${scenario.ladder.rungs[top]?.name}" in round ${state.round}; the talks collapsed into conflict.`,
    );
    return;
  }
  if (state.round >= state.deadline) {
    endTalks(scenario, state, 'no-deal', null, null, `The deadline passed after round ${state.round} without a deal.`);
    return;
  }
  startRound(scenario, state);
}

function recordUtilities(scenario: Scenario, state: GameState): void {
  const space = spaceOf(scenario);
  // Each side's utility of the best standing offer available to it this round (its reservation if none).
  const value = (side: Side) => {
    const theirs = state.offers[otherSide(side)];
    return theirs ? utility(space, side, state.types[side].weights, theirs) : state.types[side].reservation;
  };
  state.utilityByRound.push({ round: state.round, us: value('us'), iran: value('iran') });
}

/** Ends the talks. A round cut short by the end still gets its single escalation draw. */
export function endTalks(
  scenario: Scenario,
  state: GameState,
  kind: OutcomeKind,
  by: Side | null,
  deal: Package | null,
  reason: string,
): void {
  if (state.phase === 'ended') return;
  const wasInRound = state.phase === 'rounds' && state.round > 0 && !state.risk.some((r) => r.cause === 'draw' && r.round === state.round);
  state.phase = 'ended';
  // A deal holds and a conflict has already peaked: their last draw is made but cannot climb.
  const peaceful = kind === 'comprehensive-deal' || kind === 'interim-deal';
  if (wasInRound) closeRound(scenario.ladder, state, { climb: !peaceful && kind !== 'conflict', descend: kind !== 'conflict' });
  const space = spaceOf(scenario);
  const utilities = {
    us: deal ? utility(space, 'us', state.types.us.weights, deal) : state.types.us.reservation,
    iran: deal ? utility(space, 'iran', state.types.iran.weights, deal) : state.types.iran.reservation,
  };
  const score = (side: Side) => {
    const r = state.types[side].reservation;
    const { scoring } = scenario;
    const dealTerm = deal ? (utilities[side] - r) / (1 - r) : 0;
    const rungTerm = -scoring.perRung * Math.max(0, state.rung - scenario.ladder.start);
    const conflictTerm = kind === 'conflict' || state.rung >= scenario.ladder.rungs.length - 1 ? -scoring.conflict : 0;
    const supportTerm = (scoring.supportWeight * (state.support[side] - scenario.parties[side].support.start)) / 100;
    return dealTerm + rungTerm + conflictTerm + supportTerm;
  };
  state.outcome = { kind, round: state.round, by, deal, utilities, scores: { us: score('us'), iran: score('iran') }, reason };
  say(state, by, 'outcome', kind, reason);
}
