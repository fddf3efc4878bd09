// The event deck: at the start of each round up to `eventsPerRound.max` cards may be drawn from
// the `events` stream among those whose conditions hold; their effects are applied and explained.
import { addRisk, severityScore, topRung } from '../escalation/escalation';
import { eventRef } from '../logMessage';
import { draw, weightedPick } from '../rng';
import type { Scenario, ScenarioEvent, Side } from '../scenario/schema';
import { otherSide, sidesOf } from '../sides';
import type { GameState } from '../types';

export function eventEligible(scenario: Scenario, state: GameState, event: ScenarioEvent): boolean {
  const c = event.conditions;
  if (!c) return !state.eventsSeen.includes(event.id);
  if ((c.once ?? true) && state.eventsSeen.includes(event.id)) return false;
  if (state.roundEvents.includes(event.id)) return false;
  if (c.minRound !== undefined && state.round < c.minRound) return false;
  if (c.maxRound !== undefined && state.round > c.maxRound) return false;
  if (c.minRung !== undefined && state.rung < c.minRung) return false;
  if (c.maxRung !== undefined && state.rung > c.maxRung) return false;
  if (c.minTension !== undefined && state.tension < c.minTension) return false;
  if (c.maxTension !== undefined && state.tension > c.maxTension) return false;
  if (c.onAgenda !== undefined && !state.agenda.on.includes(c.onAgenda)) return false;
  if (c.offAgenda !== undefined && state.agenda.on.includes(c.offAgenda)) return false;
  if (c.after !== undefined && !state.eventsSeen.includes(c.after)) return false;
  void scenario;
  return true;
}

const decks = new WeakMap<Scenario, ScenarioEvent[]>();

/** The deck sorted by id, so a pick never depends on the order of the scenario file. */
function sortedDeck(scenario: Scenario): ScenarioEvent[] {
  let deck = decks.get(scenario);
  if (!deck) {
    deck = [...scenario.events].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    decks.set(scenario, deck);
  }
  return deck;
}

/** Draws this round's events; returns the ids drawn (already applied to the state). */
export function drawRoundEvents(scenario: Scenario, state: GameState): string[] {
  const drawn: string[] = [];
  const sorted = sortedDeck(scenario);
  for (let k = 0; k < scenario.eventsPerRound.max; k++) {
    if (draw(state.rng.events) >= scenario.eventsPerRound.chance) continue;
    const eligible = sorted.filter((e) => eventEligible(scenario, state, e));
    const event = weightedPick(state.rng.events, eligible, (e) => e.weight);
    if (!event) break;
    applyEvent(scenario, state, event, 'event');
    drawn.push(event.id);
    if (state.phase === 'ended') break;
  }
  return drawn;
}

/** Applies an event's effects, logging each change of risk with the event as its cause. */
export function applyEvent(scenario: Scenario, state: GameState, event: ScenarioEvent, cause: 'event' | 'facilitator'): void {
  const ladder = scenario.ladder;
  const fx = event.effects;
  // A facilitator's custom event is not in the scenario: its messages carry its words as typed.
  const custom = !scenario.events.some((e) => e === event || (e.id === event.id && e.title === event.title && e.text === event.text));
  const ref = eventRef(event, custom);
  state.eventsSeen.push(event.id);
  state.roundEvents.push(event.id);
  state.log.push({
    turn: state.turn,
    round: state.round,
    kind: 'event',
    side: null,
    ref: event.id,
    text: `${event.title}: ${event.text}`,
    msg: { id: 'event', args: custom ? { ...ref, text: event.text } : ref },
  });
  addRisk(ladder, state, {
    cause,
    side: null,
    ref: event.id,
    text: `${event.title} (${event.severity})`,
    msg: { id: 'eventRisk', args: { ...ref, severity: event.severity } },
    score: severityScore(ladder, event.severity) + (fx.tension ?? 0),
    shock: fx.shock ?? 0,
  });
  for (const side of sidesOf(state)) {
    const delta = fx.support?.[side];
    if (!delta) continue;
    const before = state.support[side]!;
    state.support[side] = Math.max(0, Math.min(100, before + delta));
    const moved = state.support[side]! - before;
    if (moved !== 0)
      state.log.push({
        turn: state.turn,
        round: state.round,
        kind: 'domestic',
        side,
        ref: event.id,
        text: `${scenario.parties[side]!.short} support ${moved > 0 ? 'rose' : 'fell'} ${Math.abs(moved).toFixed(1)} to ${state.support[side]!.toFixed(1)}: ${event.title}.`,
        msg: { id: 'support', args: { party: side, moved, to: state.support[side]!, why: 'event', ...ref } },
      });
  }
  if (fx.rung) {
    const before = state.rung;
    state.rung = Math.max(0, Math.min(topRung(ladder), state.rung + fx.rung));
    if (state.rung !== before)
      state.risk.push({
        at: state.log.length,
        round: state.round,
        turn: state.turn,
        cause,
        side: null,
        ref: event.id,
        text: `${event.title} moved the crisis directly to "${ladder.rungs[state.rung]?.name ?? ''}".`,
        msg: { id: 'eventRung', args: { ...ref, rung: state.rung } },
        tension: 0,
        hazardBefore: state.hazard,
        hazardAfter: state.hazard,
        rung: state.rung,
      });
  }
  if (fx.intel) revealIntel(state, fx.intel);
  if (fx.deadline) {
    const before = state.deadline;
    state.deadline = Math.max(state.round + 1, state.deadline + fx.deadline);
    // Said on the wire: the round counter's "of N" changing by itself read as a glitch.
    if (state.deadline !== before)
      state.log.push({
        turn: state.turn,
        round: state.round,
        kind: 'event',
        side: null,
        ref: DEADLINE_MOVED,
        text: `${event.title}: the deadline ${state.deadline > before ? 'moves back' : 'comes forward'} to round ${state.deadline} (it was round ${before}).`,
        msg: { id: 'deadlineMoved', args: { ...ref, to: state.deadline, from: before } },
      });
  }
}

/** The log reference of the line that says an event moved the deadline. */
export const DEADLINE_MOVED = 'deadline-moved';

/** Intelligence narrows what `side` believes about one of the other side's weights, around the truth. */
function revealIntel(state: GameState, side: Side): void {
  const other = otherSide(state, side);
  const truth = state.types[other]!.weights;
  const beliefs = state.beliefs[side]!;
  // Pick the widest belief: intelligence goes where uncertainty is greatest, ties by issue order.
  let widest = 0;
  beliefs.forEach(([lo, hi], i) => {
    const [wlo, whi] = beliefs[widest] as [number, number];
    if (hi - lo > whi - wlo) widest = i;
  });
  const [lo, hi] = beliefs[widest] as [number, number];
  const t = truth[widest] as number;
  const half = (hi - lo) / 4;
  const jitter = (draw(state.rng.intel) - 0.5) * half;
  const centre = Math.min(hi, Math.max(lo, t + jitter));
  beliefs[widest] = [Math.max(0, Math.min(t, centre - half)), Math.min(1, Math.max(t, centre + half))];
}
