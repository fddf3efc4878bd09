// The agenda dispute: the first negotiation, over what is negotiated. Forcing an issue on costs
// tension; yielding costs domestic support; the mediator imposes its compromise when the turns run out.
import { addRisk } from './escalation/escalation';
import { changeSupport, checkRecall, say, walkout } from './outcome';
import type { Scenario, Side } from './scenario/schema';
import { startRound } from './table';
import { type Action, type GameState, otherSide } from './types';
import { plural } from './words';

export function agendaStep(scenario: Scenario, state: GameState, side: Side, action: Action): void {
  const other = otherSide(scenario, side);
  const name = scenario.parties[side]!.short;
  switch (action.type) {
    case 'propose-agenda': {
      const issues = orderContested(scenario, action.issues);
      state.agenda.proposals[side]! = issues;
      say(state, side, 'agenda', 'propose-agenda', `${name} proposes an agenda with ${describeContested(scenario, issues)}.`, {
        id: 'proposeAgenda',
        args: { party: side, issues: issueIndices(scenario, issues) },
      });
      break;
    }
    case 'accept-agenda': {
      const issues = state.agenda.proposals[other]! ?? [];
      say(state, side, 'agenda', 'accept-agenda', `${name} accepts the agenda proposed by ${scenario.parties[other]!.short}.`, {
        id: 'acceptAgenda',
        args: { party: side, other },
      });
      settleAgenda(scenario, state, issues, { yielder: [side, other] });
      return;
    }
    case 'force-agenda': {
      const wanted = orderContested(scenario, scenario.agenda.wants[side]!);
      const theirs = new Set(scenario.agenda.wants[other]!);
      const forced = scenario.agenda.contested.filter((id) => wanted.includes(id) !== theirs.has(id));
      say(state, side, 'agenda', 'force-agenda', `${name} forces its agenda: ${describeContested(scenario, wanted)}.`, {
        id: 'forceAgenda',
        args: { party: side, issues: issueIndices(scenario, wanted) },
      });
      addRisk(scenario.ladder, state, {
        cause: 'agenda',
        side,
        ref: 'force-agenda',
        text: `${name} forced ${plural(forced.length, 'contested issue')} against ${scenario.parties[other]!.short}'s wishes`,
        msg: { id: 'forcedAgenda', args: { party: side, other, count: forced.length } },
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
      'mediator',
      'mediator-agenda',
      `${scenario.mediator.short} ends the scope dispute with its compromise: ${describeContested(scenario, scenario.agenda.mediatorCompromise)}.`,
      { id: 'mediatorAgenda', args: { issues: issueIndices(scenario, scenario.agenda.mediatorCompromise) } },
    );
    settleAgenda(scenario, state, scenario.agenda.mediatorCompromise, { yielder: [] });
    return;
  }
  state.toMove = other;
}

export function orderContested(scenario: Scenario, ids: readonly string[]): string[] {
  return scenario.agenda.contested.filter((id) => ids.includes(id));
}

/** Issue ids as their indices in the scenario's issues (a log message's args), in the order given. */
export function issueIndices(scenario: Scenario, ids: readonly string[]): number[] {
  return ids.map((id) => scenario.issues.findIndex((i) => i.id === id));
}

export function describeContested(scenario: Scenario, ids: readonly string[]): string {
  if (ids.length === 0) return 'no contested issues';
  return ids.map((id) => scenario.issues.find((i) => i.id === id)?.name ?? id).join(', ');
}

export function settleAgenda(scenario: Scenario, state: GameState, contested: readonly string[], opts: { yielder: Side[] }): void {
  const chosen = orderContested(scenario, contested);
  state.agenda.on = scenario.issues.map((i) => i.id).filter((id) => scenario.agenda.core.includes(id) || chosen.includes(id));
  state.agenda.settled = true;
  for (const side of opts.yielder) {
    const wants = scenario.agenda.wants[side]!;
    const yielded = scenario.agenda.contested.filter((id) => wants.includes(id) !== chosen.includes(id)).length;
    changeSupport(scenario, state, side, -scenario.agenda.yieldSupport * yielded, `yielded ${plural(yielded, 'contested agenda issue')}`, {
      why: 'yielded',
      count: yielded,
    });
  }
  say(
    state,
    null,
    'agenda',
    'agenda-settled',
    `The agenda is settled: ${state.agenda.on.map((id) => scenario.issues.find((i) => i.id === id)?.name ?? id).join(', ')}.`,
    { id: 'agendaSettled', args: { issues: issueIndices(scenario, state.agenda.on) } },
  );
  state.phase = 'rounds';
  if (checkRecall(scenario, state)) return;
  startRound(scenario, state);
}
