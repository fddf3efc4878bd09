// What a class's table rooms and its class room say to each other, through the presence's pub/sub
// (Colyseus's LocalPresence in one process, RedisPresence across several): a table may live in any
// process, and the teacher's console sees it all the same. Channels:
// - `bc:class:<CLASS>`: tables → class room (a row of the grid, a detail, an action's result);
// - `bc:table:<TABLE>`: class room → one table (a facilitator turn, a notice, "say where you are").
import type { Scenario } from '../core/scenario/schema';
import { bySide } from '../core/sides';
import { controllerOf, type FacilitatorAction, type GameState, type Settings, type Side } from '../core/types';
import { OUTCOME_HEADLINE } from '../core/words';
import type { Notice, TableDetail, TableSummary } from './classProtocol';

export const classChannel = (code: string): string => `bc:class:${code}`;
export const tableChannel = (code: string): string => `bc:table:${code}`;

/** Class room → table. `id` names the request whose answer comes back on the class channel. */
export type ToTable =
  | { type: 'facilitate'; id: string; action: FacilitatorAction }
  | { type: 'notice'; notice: Notice }
  | { type: 'detail'; id: string }
  /** Publish your row (the class room has just started or been restored). */
  | { type: 'hello' }
  /** The class was deleted: everyone leaves, the room goes. */
  | { type: 'deleted' };

/** Table → class room. */
export type ToClass =
  | { type: 'row'; table: TableSummary }
  | { type: 'result'; id: string; table: string; error: string | null }
  | { type: 'detail'; id: string; detail: TableDetail }
  | { type: 'deleted' };

/** The scenario's name for an AI controller (`ai:tit-for-tat` → "Tit for tat"), never the id. */
export function controllerName(scenario: Scenario, controller: string): string | null {
  if (!controller.startsWith('ai:')) return null;
  const id = controller.slice(3);
  return scenario.personalities.find((p) => p.id === id)?.name ?? 'the AI';
}

/** One table's row on the teacher's grid: public information only (what a spectator may see). */
export function tableSummary(
  scenario: Scenario,
  code: string,
  state: GameState,
  settings: Settings,
  names: Record<Side, string | null>,
  connected: Record<Side, boolean>,
  turns: number,
  lastMoveAt: number | null,
  roundEndsAt: number | null = null,
): TableSummary {
  const seat = (side: Side) => {
    const ai = controllerName(scenario, controllerOf(settings, side));
    return { name: ai ?? names[side] ?? null, ai: ai !== null, connected: ai !== null || connected[side] === true };
  };
  // The last line of the wire the teams read (facilitator lines included: the teacher made them).
  const last = state.log.at(-1);
  return {
    code,
    seats: bySide(scenario, seat),
    phase: state.phase,
    round: state.round,
    deadline: state.deadline,
    toMove: state.toMove,
    paused: state.paused,
    rung: state.rung,
    rungName: scenario.ladder.rungs[state.rung]?.name ?? String(state.rung),
    hazard: state.hazard,
    support: { ...state.support },
    lastMove: last ? last.text.slice(0, 240) : null,
    lastMoveMsg: last?.msg ?? null,
    lastMoveAt,
    roundEndsAt: state.phase === 'rounds' ? roundEndsAt : null,
    turns,
    outcome: state.outcome ? OUTCOME_HEADLINE[state.outcome.kind] : null,
    outcomeKind: state.outcome?.kind ?? null,
  };
}
