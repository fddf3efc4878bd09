// The XState machine: the phases of a game around the pure rules. Context is plain JSON (scenario,
// game state with its RNG states, the action log). Views read snapshots, send events, and listen
// to emitted effects (`actor.on('logged', …)`) for sounds and animations.
import { enqueueActions, setup } from 'xstate';
import { lengthsOf, turnChecksum } from './checksum';
import { chooseAction, type LoggedAction } from './play';
import { applyAction, applySeatAction, normaliseSeatAction, validateSeatAction } from './rules';
import type { Scenario, Side } from './scenario/schema';
import { createGame, isAiController } from './state';
import { type Action, controllerOf, type FacilitatorAction, type GameState, type LogEntry, type Seat, type Settings } from './types';

export interface MachineInput {
  scenario: Scenario;
  scenarioHash: string;
  seed: string;
  settings: Settings;
}

export interface GameContext {
  scenario: Scenario;
  scenarioHash: string;
  game: GameState;
  actions: LoggedAction[];
  checksums: string[];
  error: string | null;
}

export type GameEvent =
  | { type: 'START' }
  | { type: 'BEGIN' }
  | { type: 'ACT'; side: Side; action: Action }
  | { type: 'FACILITATE'; action: FacilitatorAction }
  | { type: 'DEBRIEF' };

export type GameEmitted = { type: 'logged'; entries: LogEntry[] } | { type: 'rejected'; error: string };

/** Applies one action and then every AI move that follows, until a human is to move or the talks end. */
export function advance(
  ctx: GameContext,
  seat: Seat,
  action: Action | FacilitatorAction,
): { ok: true; context: GameContext } | { ok: false; error: string } {
  const first = applySeatAction(ctx.scenario, ctx.game, seat, action);
  if (!first.ok) return { ok: false, error: first.error };
  const game = first.state;
  // Stored as its canonical copy (known keys in a fixed order, no blank reason): it plays the same.
  const actions = [...ctx.actions, { turn: game.turn, side: seat, action: normaliseSeatAction(seat, action) }];
  const checksums = [...ctx.checksums, turnChecksum(ctx.checksums[ctx.checksums.length - 1] ?? '', lengthsOf(ctx.game), game)];
  return { ok: true, context: runAi({ ...ctx, game, actions, checksums, error: null }) };
}

/** Lets AI-controlled sides move until a human is to move or the talks end. */
export function runAi(ctx: GameContext): GameContext {
  let { game } = ctx;
  const actions = [...ctx.actions];
  const checksums = [...ctx.checksums];
  for (
    let guard = 0;
    game.phase !== 'ended' && !game.paused && isAiController(controllerOf(game.settings, game.toMove)) && guard < 200;
    guard++
  ) {
    const side = game.toMove;
    const action = chooseAction(ctx.scenario, game, side);
    const step = applyAction(ctx.scenario, game, side, action);
    if (!step.ok) throw new Error(`AI produced an illegal move: ${step.error}`);
    checksums.push(turnChecksum(checksums[checksums.length - 1] ?? '', lengthsOf(game), step.state));
    game = step.state;
    actions.push({ turn: game.turn, side, action: normaliseSeatAction(side, action) });
  }
  return { ...ctx, game, actions, checksums };
}

function moveError(context: GameContext, event: GameEvent): string | null {
  if (event.type === 'ACT') return validateSeatAction(context.scenario, context.game, event.side, event.action);
  if (event.type === 'FACILITATE') return validateSeatAction(context.scenario, context.game, 'facilitator', event.action);
  return 'not a move';
}

export const gameMachine = setup({
  types: {
    context: {} as GameContext,
    events: {} as GameEvent,
    input: {} as MachineInput,
    emitted: {} as GameEmitted,
  },
  guards: {
    talksHaveEnded: ({ context }) => context.game.phase === 'ended',
    agendaIsSettled: ({ context }) => context.game.phase === 'rounds',
    moveIsLegal: ({ context, event }) => moveError(context, event) === null,
  },
  actions: {
    letTheAiMove: enqueueActions(({ context, enqueue }) => {
      const before = context.game.log.length;
      const next = runAi(context);
      if (next.game === context.game) return;
      enqueue.assign(next);
      enqueue.emit({ type: 'logged', entries: next.game.log.slice(before) });
    }),
    playTheMove: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'ACT' && event.type !== 'FACILITATE') return;
      const before = context.game.log.length;
      const next = event.type === 'ACT' ? advance(context, event.side, event.action) : advance(context, 'facilitator', event.action);
      if (!next.ok) {
        enqueue.assign({ error: next.error });
        enqueue.emit({ type: 'rejected', error: next.error });
        return;
      }
      enqueue.assign(next.context);
      enqueue.emit({ type: 'logged', entries: next.context.game.log.slice(before) });
    }),
    rejectTheMove: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'ACT' && event.type !== 'FACILITATE') return;
      const error = moveError(context, event) ?? 'illegal move';
      enqueue.assign({ error });
      enqueue.emit({ type: 'rejected', error });
    }),
  },
}).createMachine({
  id: 'backchannel',
  initial: 'setup',
  context: ({ input }) => ({
    scenario: input.scenario,
    scenarioHash: input.scenarioHash,
    game: createGame(input.scenario, input.seed, input.settings),
    actions: [],
    checksums: [],
    error: null,
  }),
  states: {
    setup: { on: { START: 'briefing' } },
    briefing: { on: { BEGIN: 'agenda' } },
    agenda: {
      entry: 'letTheAiMove',
      always: [
        { guard: 'talksHaveEnded', target: 'outcome' },
        { guard: 'agendaIsSettled', target: 'rounds' },
      ],
      on: {
        ACT: [{ guard: 'moveIsLegal', actions: 'playTheMove' }, { actions: 'rejectTheMove' }],
        FACILITATE: [{ guard: 'moveIsLegal', actions: 'playTheMove' }, { actions: 'rejectTheMove' }],
      },
    },
    rounds: {
      always: { guard: 'talksHaveEnded', target: 'outcome' },
      on: {
        ACT: [{ guard: 'moveIsLegal', actions: 'playTheMove' }, { actions: 'rejectTheMove' }],
        FACILITATE: [{ guard: 'moveIsLegal', actions: 'playTheMove' }, { actions: 'rejectTheMove' }],
      },
    },
    outcome: { on: { DEBRIEF: 'debrief' } },
    debrief: { type: 'final' },
  },
});

export type GamePhase = 'setup' | 'briefing' | 'agenda' | 'rounds' | 'outcome' | 'debrief';
