// window.backchannel: the automation API (DESIGN.md §5). JSON in, JSON out. Game actions go
// through the same path as the buttons; the other side's private type stays hidden until the end.
import { SIDES } from '../core/scenario/constants';
import type { Action, GameState } from '../core/types';
import type { App } from './app';
import type { GameChoice } from './session';

export const API_VERSION = 1;

/** Moves between screens, in the same shape as game actions. */
export type NavigationAction =
  | { type: 'choose'; scenario?: string; seed?: string; side?: 'us' | 'iran'; personality?: string; difficulty?: string; mode?: string }
  | { type: 'start' }
  | { type: 'begin' }
  | { type: 'debrief' }
  | { type: 'title' };

export interface BackchannelApi {
  version: number;
  state(): unknown;
  legalActions(): unknown[];
  act(action: unknown): unknown;
  replay(): unknown;
}

const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The game as the player may see it: the counterpart's private type and AI memory are withheld until the talks end. */
export function playerView(game: GameState, side: 'us' | 'iran'): unknown {
  if (game.phase === 'ended') return game;
  const other = SIDES.find((s) => s !== side) ?? 'iran';
  return { ...game, types: { [side]: game.types[side], [other]: null }, ai: {}, rng: undefined };
}

export function automationApi(app: App): BackchannelApi {
  const navigation = (): NavigationAction[] => {
    switch (app.screen) {
      case 'title':
        return app.startProblem() ? [{ type: 'choose' }] : [{ type: 'choose' }, { type: 'start' }];
      case 'briefing':
        return [{ type: 'begin' }, { type: 'title' }];
      case 'outcome':
        return [{ type: 'debrief' }, { type: 'title' }];
      case 'debrief':
        return [{ type: 'title' }];
      default:
        return [{ type: 'title' }];
    }
  };
  const legalActions = (): unknown[] => json([...(app.session?.legalActions() ?? []), ...navigation()]);
  const state = () => {
    const s = app.session;
    return json({
      version: API_VERSION,
      screen: app.screen,
      renderer: app.renderer,
      timing: app.timing,
      choice: app.choice,
      problems: app.problems,
      error: app.lastError,
      side: s?.side ?? null,
      scenario: s ? { id: s.scenario.id, title: s.scenario.title, sha256: s.scenarioHash } : null,
      seed: s?.choice.seed ?? null,
      yourTurn: s?.isMyTurn ?? false,
      draft: s?.draft ?? null,
      game: s ? playerView(s.game, s.side) : null,
    });
  };
  const act = (raw: unknown): unknown => {
    let action = raw;
    if (typeof raw === 'string') {
      try {
        action = JSON.parse(raw);
      } catch {
        return { ok: false, error: 'act() takes an action object or its JSON text' };
      }
    }
    if (!action || typeof action !== 'object' || typeof (action as { type?: unknown }).type !== 'string')
      return { ok: false, error: 'an action must be an object with a type' };
    const error = perform(app, action as Action | NavigationAction);
    return error ? { ok: false, error } : { ok: true, state: state() };
  };
  const replay = () => (app.session ? json(app.session.replay()) : null);
  return { version: API_VERSION, state, legalActions, act, replay };
}

function perform(app: App, action: Action | NavigationAction): string | null {
  switch (action.type) {
    case 'choose': {
      if (app.screen !== 'title') return 'choose: only on the title screen';
      const patch: Partial<GameChoice> = {};
      if (action.scenario !== undefined) patch.scenarioId = action.scenario;
      if (action.seed !== undefined) patch.seed = String(action.seed);
      if (action.side !== undefined) {
        if (action.side !== 'us' && action.side !== 'iran') return 'choose: side must be "us" or "iran"';
        patch.side = action.side;
      }
      if (action.personality !== undefined) patch.personality = action.personality;
      if (action.difficulty !== undefined) patch.difficulty = action.difficulty;
      if (action.mode !== undefined) {
        if (!['solo', 'hotseat', 'replay'].includes(action.mode)) return 'choose: mode must be solo, hotseat or replay';
        patch.mode = action.mode as GameChoice['mode'];
      }
      app.choose(patch);
      return null;
    }
    case 'start':
      return app.screen === 'title' ? app.startGame() : 'start: only on the title screen';
    case 'begin':
      if (app.screen !== 'briefing') return 'begin: only on the briefing screen';
      app.toAgenda();
      return null;
    case 'debrief':
      if (app.screen !== 'outcome') return 'debrief: only once the talks are over';
      app.toDebrief();
      return null;
    case 'title':
      app.toTitle();
      return null;
    default:
      if (app.screen !== 'agenda' && app.screen !== 'rounds') return `${action.type}: not at the table (screen is ${app.screen})`;
      return app.act(action);
  }
}
