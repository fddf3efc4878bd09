// Rounds at the table: events open a round, each side makes one move (propose, accept, concede,
// speak, call on the mediator, walk out), and the round closes with its single escalation draw.
import { addRisk, closeRound, hazardOf, projectedTension, severityScore } from './escalation/escalation';
import { drawRoundEvents } from './events/deck';
import type { TermsArg } from './logMessage';
import { observeOffer } from './negotiation/bidding';
import { bridgeIsOpen, bridgingPackage, offerGap } from './negotiation/bridge';
import { concessionStep } from './negotiation/concession';
import {
  agendaMask,
  idealPackage,
  packageToTerms,
  recordedUtility,
  type Space,
  spaceOf,
  termsToPackage,
  utility,
} from './negotiation/space';
import { changeSupport, checkRecall, concludeDeal, endTalks, say, settleAfterEvents, walkout } from './outcome';
import type { Scenario, Side } from './scenario/schema';
import { bySide, otherSide, sidesOf } from './sides';
import type { Action, GameState, Package } from './types';

export function startRound(scenario: Scenario, state: GameState): void {
  state.round += 1;
  state.movesThisRound = 0;
  state.roundEvents = [];
  state.toMove = state.round % 2 === 1 ? scenario.firstMover : otherSide(scenario, scenario.firstMover);
  state.hazard = hazardOf(scenario.ladder, projectedTension(scenario.ladder, state), state.shock);
  say(state, null, 'round', `round-${state.round}`, `Round ${state.round} of ${state.deadline} opens.`, {
    id: 'roundOpens',
    args: { round: state.round, of: state.deadline },
  });
  for (const side of sidesOf(scenario)) {
    const party = scenario.parties[side]!;
    if (state.support[side]! < party.support.pressureBelow)
      addRisk(scenario.ladder, state, {
        cause: 'domestic',
        side,
        ref: 'pressure',
        text: `Hardliners in ${party.short} push for a tougher line (support ${state.support[side]!.toFixed(1)} < ${party.support.pressureBelow})`,
        msg: { id: 'pressure', args: { party: side, support: state.support[side]!, below: party.support.pressureBelow } },
        score: severityScore(scenario.ladder, 'posturing'),
      });
  }
  drawRoundEvents(scenario, state);
  if (state.phase === 'ended') return;
  settleAfterEvents(scenario, state, null);
}

export function roundStep(scenario: Scenario, state: GameState, side: Side, action: Action): void {
  const other = otherSide(scenario, side);
  const party = scenario.parties[side]!;
  const space = spaceOf(scenario);
  const mask = agendaMask(space, state.agenda.on);
  const ladder = scenario.ladder;
  switch (action.type) {
    case 'propose': {
      const result = termsToPackage(space, action.terms, mask);
      if (!result.ok) return;
      makeOffer(scenario, state, side, result.pkg, 'proposes', null);
      break;
    }
    case 'concede': {
      const i = space.ids.indexOf(action.issue);
      const own = (state.offers[side]! as Package).slice();
      own[i] = concessionStep(scenario, side, own, state.offers[other]! as Package, i);
      addRisk(ladder, state, {
        cause: 'move',
        side,
        ref: 'concede',
        text: `${party.short} conceded on ${space.issues[i]?.name}`,
        msg: { id: 'conceded', args: { party: side, issue: i } },
        score: severityScore(ladder, 'deescalation'),
      });
      makeOffer(scenario, state, side, own, `concedes on ${space.issues[i]?.name ?? action.issue} and now offers`, i);
      break;
    }
    case 'accept': {
      const pkg = state.offers[other]! as Package;
      say(state, side, 'move', 'accept', `${party.short} accepts ${scenario.parties[other]!.short}'s offer.`, {
        id: 'accepts',
        args: { party: side, other },
      });
      payAudienceCost(scenario, state, side, pkg);
      concludeDeal(scenario, state, pkg, side);
      break;
    }
    case 'accept-bridge': {
      const bridge = state.bridge as NonNullable<GameState['bridge']>;
      bridge.endorsed = { ...bridge.endorsed, [side]: true };
      say(state, side, 'move', 'accept-bridge', `${party.short} endorses ${scenario.mediator.short}'s bridging proposal.`, {
        id: 'endorsesBridge',
        args: { party: side },
      });
      payAudienceCost(scenario, state, side, bridge.pkg);
      if (sidesOf(scenario).every((s) => bridge.endorsed[s])) concludeDeal(scenario, state, bridge.pkg, side);
      break;
    }
    case 'statement': {
      const st = scenario.statements[action.tone];
      say(state, side, 'move', `statement-${action.tone}`, `${party.short} (${action.tone}): “${st.text[side]!}”`, {
        id: 'statement',
        args: { party: side, tone: action.tone },
      });
      addRisk(ladder, state, {
        cause: 'move',
        side,
        ref: `statement-${action.tone}`,
        text: `${party.short}'s ${action.tone} statement`,
        msg: { id: 'statementRisk', args: { party: side, tone: action.tone } },
        score: severityScore(ladder, st.severity),
      });
      changeSupport(scenario, state, side, st.support, `a ${action.tone} public statement`, { why: 'statement', tone: action.tone });
      checkRecall(scenario, state);
      break;
    }
    case 'recess': {
      say(
        state,
        side,
        'mediator',
        'recess',
        `${party.short} asks ${scenario.mediator.short} for a recess; the round ends early to let tempers cool.`,
        { id: 'recess', args: { party: side } },
      );
      addRisk(ladder, state, {
        cause: 'move',
        side,
        ref: 'recess',
        text: `Recess called by ${party.short} through ${scenario.mediator.short}`,
        msg: { id: 'recessRisk', args: { party: side } },
        score: scenario.mediator.recessTension,
      });
      endRound(scenario, state);
      return;
    }
    case 'bridge': {
      const gap = offerGap(scenario, state) ?? 1;
      if (bridgeIsOpen(scenario, state)) {
        const [a, b] = sidesOf(scenario);
        const pkg = bridgingPackage(scenario, state.offers[a] as Package, state.offers[b] as Package);
        state.bridge = { pkg, endorsed: bySide(scenario, () => false) };
        const terms = packageToTerms(space, pkg, mask);
        say(
          state,
          side,
          'mediator',
          'bridge',
          `${scenario.mediator.short} tables a bridging proposal: ${describeTerms(scenario, terms)}.`,
          {
            id: 'bridge',
            args: { terms: termsArg(pkg, mask) },
          },
        );
        addRisk(ladder, state, {
          cause: 'move',
          side,
          ref: 'bridge',
          text: `${scenario.mediator.short} tabled a bridging proposal at ${party.short}'s request`,
          msg: { id: 'bridgeRisk', args: { party: side } },
          score: severityScore(ladder, 'deescalation'),
        });
      } else {
        say(
          state,
          side,
          'mediator',
          'bridge-refused',
          `${scenario.mediator.short} judges the gap too wide to bridge (${(gap * 100).toFixed(0)} points apart; it bridges at ${(scenario.mediator.bridgeGap * 100).toFixed(0)}).`,
          { id: 'bridgeRefused', args: { gap, at: scenario.mediator.bridgeGap } },
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

/** A package's agenda issues as a log message's terms: [issue index, option index] pairs, in issue order. */
export function termsArg(pkg: Package, mask: readonly boolean[]): TermsArg {
  const out: TermsArg = [];
  for (let i = 0; i < pkg.length; i++) if (mask[i]) out.push([i, pkg[i] as number]);
  return out;
}

export function describeTerms(scenario: Scenario, terms: Record<string, string>): string {
  return Object.entries(terms)
    .map(([issueId, optionId]) => {
      const issue = scenario.issues.find((i) => i.id === issueId);
      return `${issue?.name ?? issueId}: ${issue?.options.find((o) => o.id === optionId)?.label ?? optionId}`;
    })
    .join('; ');
}

/** `verb` completes "<party> <verb>: <terms>."; `conceded` is the issue index of a concession (null: a proposal). */
export function makeOffer(scenario: Scenario, state: GameState, side: Side, pkg: Package, verb: string, conceded: number | null): void {
  const space = spaceOf(scenario);
  const mask = agendaMask(space, state.agenda.on);
  const previous = state.offers[side]! ?? idealPackage(space, side, mask);
  // Domestic cost: every step away from what this side last offered costs support, by issue.
  let cost = 0;
  const ev = space.evals[side]!;
  pkg.forEach((o, i) => {
    const drop = ((ev[i] as number[])[previous[i] as number] as number) - ((ev[i] as number[])[o] as number);
    if (drop > 0) cost += drop * (scenario.issues[i]?.domesticCost[side] ?? 0);
  });
  payAudienceCost(scenario, state, side, pkg);
  state.offers[side]! = pkg;
  state.offerHistory.push({ round: state.round, turn: state.turn, side, pkg });
  const terms = termsArg(pkg, mask);
  say(
    state,
    side,
    'move',
    'propose',
    `${scenario.parties[side]!.short} ${verb}: ${describePackage(space, pkg, mask)}.`,
    conceded === null
      ? { id: 'proposes', args: { party: side, terms } }
      : { id: 'concedes', args: { party: side, issue: conceded, terms } },
  );
  if (cost > 0) changeSupport(scenario, state, side, -cost, 'concessions at the table', { why: 'concessions' });
  const other = otherSide(scenario, side);
  const memory = state.ai[other];
  if (memory) {
    const learning = scenario.difficulties.find((d) => d.id === state.settings.difficulty)?.learning ?? 1;
    state.ai[other] = { ...memory, model: observeOffer(memory.model, pkg, learning, mask) };
  }
  const own = state.ai[side];
  if (own) state.ai[side] = { ...own, lastBidUtility: utility(space, side, state.types[side]!.weights, pkg) };
  checkRecall(scenario, state);
}

export function endRound(scenario: Scenario, state: GameState): void {
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
      { id: 'conflictRound', args: { rung: top, round: state.round } },
    );
    return;
  }
  if (state.round >= state.deadline) {
    endTalks(scenario, state, 'no-deal', null, null, `The deadline passed after round ${state.round} without a deal.`, {
      id: 'noDeal',
      args: { round: state.round },
    });
    return;
  }
  startRound(scenario, state);
}

export function recordUtilities(scenario: Scenario, state: GameState): void {
  const space = spaceOf(scenario);
  // Each side's utility of the best standing offer available to it this round (its reservation if none).
  const value = (side: Side) => {
    const theirs = state.offers[otherSide(scenario, side)];
    return theirs ? recordedUtility(space, side, state.types[side]!.weights, theirs) : state.types[side]!.reservation;
  };
  state.utilityByRound.push({ round: state.round, ...bySide(scenario, value) });
}

/** What a side has staked in public: the audience cost of each statement it has made so far. */
export function audienceStake(scenario: Scenario, state: GameState, side: Side): number {
  let stake = 0;
  for (const e of state.log)
    if (e.kind === 'move' && e.side === side && e.ref.startsWith('statement-')) {
      const tone = e.ref.slice('statement-'.length) as keyof Scenario['statements'];
      stake += scenario.statements[tone]?.audienceCost ?? 0;
    }
  return stake;
}

/**
 * Audience costs (Fearon 1994): public statements win support now, but a side that then settles for
 * less than it publicly demanded (its standing offer, or its ideal before it has one) pays for the
 * climb-down at home, in proportion to what it staked in public.
 */
function payAudienceCost(scenario: Scenario, state: GameState, side: Side, pkg: Package): void {
  const stake = audienceStake(scenario, state, side);
  if (stake <= 0) return;
  const space = spaceOf(scenario);
  const weights = state.types[side]!.weights;
  const demanded = state.offers[side]! ?? idealPackage(space, side, agendaMask(space, state.agenda.on));
  const givenUp = utility(space, side, weights, demanded) - utility(space, side, weights, pkg);
  if (givenUp <= 0) return;
  changeSupport(scenario, state, side, -stake * givenUp * 10, 'backing down from its public statements', { why: 'backdown' });
}
