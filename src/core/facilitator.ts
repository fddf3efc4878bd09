// The facilitator's hand: pause, inject an event from the deck or a custom one, move the deadline,
// show or hide the hazard, table the mediator's bridging proposal. Every action is a logged turn, and every
// change of risk it makes is marked 'facilitator', so the debrief can separate risk the students
// caused from risk the facilitator added.
import { applyEvent } from './events/deck';
import { agendaMask, packageToTerms, spaceOf, termsToPackage } from './negotiation/space';
import { say, settleAfterEvents } from './outcome';
import { SEVERITIES } from './scenario/constants';
import type { Scenario, ScenarioEvent } from './scenario/schema';
import { bySide, isSide, sidesOf } from './sides';
import { describeTerms, termsArg } from './table';
import type { CustomEffects, FacilitatorAction, GameState } from './types';

const MAX_TITLE = 80;
const MAX_TEXT = 600;

function validEffects(scenario: Scenario, fx: unknown): string | null {
  if (fx === null || typeof fx !== 'object' || Array.isArray(fx)) return 'effects must be an object';
  const e = fx as Record<string, unknown>;
  const allowed = new Set(['tension', 'shock', 'rung', 'support']);
  for (const key of Object.keys(e)) if (!allowed.has(key)) return `effects: unknown effect "${key}"`;
  const num = (key: string, lo: number, hi: number, whole = false) => {
    const v = e[key];
    if (v === undefined) return null;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi || (whole && !Number.isInteger(v)))
      return `effects.${key} must be a ${whole ? 'whole ' : ''}number from ${lo} to ${hi}`;
    return null;
  };
  const support = e.support as Record<string, unknown> | undefined;
  if (support !== undefined) {
    const sides = sidesOf(scenario);
    if (support === null || typeof support !== 'object' || Array.isArray(support))
      return `effects.support must be an object keyed by party (${sides.join(', ')})`;
    for (const [k, v] of Object.entries(support))
      if (!isSide(scenario, k) || typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > 50)
        return `effects.support.${k} must be a number from -50 to 50 for ${sides.join(' or ')}`;
  }
  return num('tension', -100, 100) ?? num('shock', 0, 5) ?? num('rung', -2, 2, true);
}

export function validateFacilitatorAction(scenario: Scenario, state: GameState, action: FacilitatorAction): string | null {
  if (action === null || typeof action !== 'object') return 'a facilitator action must be an object with a type';
  if (state.phase === 'ended') return 'the talks are over';
  switch (action.type) {
    case 'pause':
      return typeof action.paused === 'boolean' ? null : 'pause: paused must be true or false';
    case 'show-hazard':
      return typeof action.visible === 'boolean' ? null : 'show-hazard: visible must be true or false';
    case 'deadline': {
      if (!Number.isInteger(action.delta) || Math.abs(action.delta) > 6) return 'deadline: delta must be a whole number from -6 to 6';
      const next = state.deadline + action.delta;
      if (next < Math.max(1, state.round)) return `deadline: cannot end the talks before the current round (${state.round})`;
      return next > 40 ? 'deadline: at most 40 rounds' : null;
    }
    case 'inject': {
      if (state.phase !== 'rounds') return 'inject: events arrive only once the talks reach the table';
      return scenario.events.some((e) => e.id === action.event) ? null : `inject: unknown event "${String(action.event)}"`;
    }
    case 'inject-custom': {
      if (state.phase !== 'rounds') return 'inject-custom: events arrive only once the talks reach the table';
      if (typeof action.title !== 'string' || !action.title.trim() || action.title.length > MAX_TITLE)
        return `inject-custom: title must be 1–${MAX_TITLE} characters`;
      if (typeof action.text !== 'string' || !action.text.trim() || action.text.length > MAX_TEXT)
        return `inject-custom: text must be 1–${MAX_TEXT} characters`;
      if (!SEVERITIES.includes(action.severity)) return `inject-custom: severity must be one of ${SEVERITIES.join(', ')}`;
      const fx = validEffects(scenario, action.effects);
      return fx ? `inject-custom: ${fx}` : null;
    }
    case 'mediator-bridge': {
      if (state.phase !== 'rounds') return 'mediator-bridge: the talks have not reached the table';
      const space = spaceOf(scenario);
      const result = termsToPackage(space, action.terms, agendaMask(space, state.agenda.on));
      return result.ok ? null : `mediator-bridge: ${result.error}`;
    }
    default:
      return `unknown facilitator action "${String((action as { type?: unknown }).type)}"`;
  }
}

export function facilitatorStep(scenario: Scenario, state: GameState, action: FacilitatorAction): void {
  switch (action.type) {
    case 'pause':
      state.paused = action.paused;
      say(
        state,
        null,
        'facilitator',
        'pause',
        action.paused ? 'The facilitator pauses the talks.' : 'The facilitator resumes the talks.',
        action.paused ? { id: 'paused', args: {} } : { id: 'resumed', args: {} },
      );
      return;
    case 'show-hazard':
      state.hazardVisible = action.visible;
      say(
        state,
        null,
        'facilitator',
        'show-hazard',
        action.visible ? 'The facilitator reveals the escalation hazard.' : 'The facilitator hides the escalation hazard.',
        action.visible ? { id: 'hazardShown', args: {} } : { id: 'hazardHidden', args: {} },
      );
      return;
    case 'deadline':
      state.deadline += action.delta;
      say(
        state,
        null,
        'facilitator',
        'deadline',
        `The facilitator ${action.delta >= 0 ? 'extends' : 'shortens'} the talks: the deadline is now round ${state.deadline}.`,
        { id: 'facilitatorDeadline', args: { delta: action.delta, to: state.deadline } },
      );
      return;
    case 'inject': {
      const event = scenario.events.find((e) => e.id === action.event) as ScenarioEvent;
      say(state, null, 'facilitator', 'inject', `The facilitator injects an event: ${event.title}.`, {
        id: 'inject',
        args: { event: event.id },
      });
      applyEvent(scenario, state, event, 'facilitator');
      settleAfterEvents(scenario, state, { event, custom: false });
      return;
    }
    case 'inject-custom': {
      const event = customEvent(action, state.turn);
      say(state, null, 'facilitator', 'inject-custom', `The facilitator injects an event: ${event.title}.`, {
        id: 'inject',
        args: { event: event.id, title: event.title },
      });
      applyEvent(scenario, state, event, 'facilitator');
      settleAfterEvents(scenario, state, { event, custom: true });
      return;
    }
    case 'mediator-bridge': {
      const space = spaceOf(scenario);
      const mask = agendaMask(space, state.agenda.on);
      const result = termsToPackage(space, action.terms, mask);
      if (!result.ok) return;
      state.bridge = { pkg: result.pkg, endorsed: bySide(scenario, () => false) };
      say(
        state,
        null,
        'facilitator',
        'mediator-bridge',
        `Speaking for ${scenario.mediator.short}, the facilitator tables a bridging proposal: ${describeTerms(scenario, packageToTerms(space, result.pkg, mask))}.`,
        { id: 'mediatorBridge', args: { terms: termsArg(result.pkg, mask) } },
      );
      return;
    }
  }
}

/**
 * The event a facilitator's custom inject becomes, made at `turn`: its log line carries its id, so a
 * screen that has the action can show the same card the deck's events get.
 */
export function customEvent(action: Extract<FacilitatorAction, { type: 'inject-custom' }>, turn: number): ScenarioEvent {
  return {
    id: `custom-${turn}`,
    title: action.title.trim(),
    text: action.text.trim(),
    weight: 1,
    severity: action.severity,
    effects: customEffects(action.effects),
  };
}

function customEffects(fx: CustomEffects): ScenarioEvent['effects'] {
  const out: ScenarioEvent['effects'] = {};
  if (fx.tension !== undefined) out.tension = fx.tension;
  if (fx.shock !== undefined) out.shock = fx.shock;
  if (fx.rung !== undefined) out.rung = fx.rung;
  if (fx.support) {
    // A fresh copy (validEffects refused any key that is not a party).
    const support: Record<string, number> = {};
    for (const [side, v] of Object.entries(fx.support)) if (v !== undefined) support[side] = v;
    out.support = support;
  }
  return out;
}
