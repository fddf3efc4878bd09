// Headless play: who moves next, what a controller chooses, and whole games for the CLI and batches.

import { lengthsOf, turnChecksum } from './checksum';
import { aiProfile, decideAi, decideRandom } from './negotiation/ai';
import { decideScript, isScriptName, SCRIPT_NAMES } from './negotiation/scripts';
import { applyActionInPlace, legalActionTypes } from './rules';
import type { Scenario, Side } from './scenario/schema';
import { createGame, personalityOf } from './state';
import { type Action, type Controller, controllerOf, type FacilitatorAction, type GameState, type Seat, type Settings } from './types';

export { stateChecksum, turnChecksum } from './checksum';

export interface LoggedAction {
  turn: number;
  side: Seat;
  action: Action | FacilitatorAction;
}

/** Whether a controller names a known policy: `human`, `random`, `ai:<personality in the scenario>` or `script:<name>`. */
export function controllerError(scenario: Scenario, controller: string): string | null {
  if (controller === 'human' || controller === 'random') return null;
  if (controller.startsWith('script:'))
    return isScriptName(controller.slice(7))
      ? null
      : `unknown policy "${controller}": scripts are ${SCRIPT_NAMES.map((n) => `script:${n}`).join(', ')}`;
  const id = personalityOf(controller as Controller);
  if (id === null) return `unknown policy "${controller}" (use ai:<personality>, script:<name> or random)`;
  if (!scenario.personalities.some((p) => p.id === id))
    return `unknown policy "${controller}": personalities are ${scenario.personalities.map((p) => `ai:${p.id}`).join(', ')}`;
  return null;
}

/** The move a non-human controller makes now. */
export function chooseAction(scenario: Scenario, state: GameState, side: Side): Action {
  const controller = controllerOf(state.settings, side);
  if (controller === 'random')
    return decideRandom(
      scenario,
      state,
      side,
      legalActionTypes(scenario, state, side).filter((type) => type !== 'guess'),
    );
  if (controller.startsWith('script:')) {
    const name = controller.slice(7);
    if (!isScriptName(name)) throw new Error(`unknown script "${name}"`);
    return decideScript(scenario, state, side, name);
  }
  const id = personalityOf(controller) ?? scenario.defaults.personality;
  const profile = aiProfile(scenario, id, state.settings.difficulty);
  if (!profile) throw new Error(`unknown personality "${id}"`);
  return decideAi(scenario, state, side, profile);
}

export interface PlayedGame {
  state: GameState;
  log: LoggedAction[];
  checksums: string[];
}

/** Plays a whole game between two policies. `checksums` per turn only when asked (it costs a hash per turn). */
export function playGame(scenario: Scenario, seed: string, settings: Settings, opts: { checksums?: boolean } = {}): PlayedGame {
  const state = createGame(scenario, seed, settings);
  const log: LoggedAction[] = [];
  const checksums: string[] = [];
  const limit = 4 * (scenario.rounds + 8) + scenario.agenda.turns + 8;
  while (state.phase !== 'ended') {
    const side = state.toMove;
    if (settings[side] === 'human') throw new Error('playGame needs two policies, not a human');
    const action = chooseAction(scenario, state, side);
    const turn = state.turn + 1;
    const before = opts.checksums ? lengthsOf(state) : null;
    const error = applyActionInPlace(scenario, state, side, action);
    if (error) throw new Error(`policy ${settings[side]} chose an illegal move at turn ${turn}: ${error}`);
    log.push({ turn, side, action });
    if (before) checksums.push(turnChecksum(checksums[checksums.length - 1] ?? '', before, state));
    if (log.length > limit) throw new Error('game did not end');
  }
  return { state, log, checksums };
}
