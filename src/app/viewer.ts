// The replay viewer: a verified replay held as the state after every turn, a cursor over them, and
// the way out of it: take over a seat at any step and play on live ("what if…?").
import { runAi } from '../core/machine';
import { forkReplay } from '../core/replay';
import { SIDES, type Side } from '../core/scenario/constants';
import { changeControllers, createGame, isAiController, personalityOf } from '../core/state';
import type { Controller, GameState, LogEntry, RiskEntry, Settings } from '../core/types';
import { type OpenedReplay, phaseFor } from './replays';
import type { GameChoice, SessionStart } from './session';

export interface RoundMark {
  round: number;
  /** The first step whose state is in this round. */
  step: number;
}

export class ReplayViewer {
  /** states[i] is the game after i turns; states[0] is the game before the first move. */
  readonly states: GameState[];
  step = 0;
  /** Whether the view is stepping by itself (the timer lives in the scene, never in the rules). */
  playing = false;

  constructor(readonly opened: OpenedReplay) {
    const { scenario, replay } = opened;
    let first = createGame(scenario, replay.seed, replay.settings);
    const atStart = replay.takeovers?.find((t) => t.afterTurn === 0);
    if (atStart) first = changeControllers(scenario, first, atStart.settings);
    this.states = [first, ...opened.states];
  }

  get scenario() {
    return this.opened.scenario;
  }

  get replay() {
    return this.opened.replay;
  }

  get steps(): number {
    return this.states.length - 1;
  }

  get state(): GameState {
    return this.states[this.step] as GameState;
  }

  get atEnd(): boolean {
    return this.step === this.steps;
  }

  stepTo(step: number): void {
    this.step = Math.max(0, Math.min(this.steps, Math.round(step)));
    if (this.atEnd) this.playing = false;
  }

  /** Who made the move of the current step, and what it was (null at step 0). */
  get move() {
    return this.step === 0 ? null : (this.replay.log[this.step - 1] ?? null);
  }

  /** What the narrative log gained with this step: the move, the events it triggered, the round's end. */
  entries(step = this.step): LogEntry[] {
    if (step === 0) return [];
    const before = this.states[step - 1] as GameState;
    return (this.states[step] as GameState).log.slice(before.log.length);
  }

  /** The changes in escalation risk this step caused, each with its cause. */
  risk(step = this.step): RiskEntry[] {
    if (step === 0) return [];
    const before = this.states[step - 1] as GameState;
    return (this.states[step] as GameState).risk.slice(before.risk.length);
  }

  /** Where each round begins (round 0 is the agenda dispute). */
  rounds(): RoundMark[] {
    const marks: RoundMark[] = [];
    this.states.forEach((s, step) => {
      if (!marks.some((m) => m.round === s.round)) marks.push({ round: s.round, step });
    });
    return marks;
  }

  /** Whether a seat can be taken over at the current step (not once the talks are over). */
  get canTakeOver(): boolean {
    return this.state.phase !== 'ended';
  }

  /**
   * Branches the game at the current step with `side` played by a person. The other seat keeps its
   * recorded controller if that was an AI, or becomes the scenario's default AI.
   */
  takeOver(side: Side): { ok: true; start: SessionStart; choice: GameChoice } | { ok: false; error: string } {
    const { scenario, scenarioHash, replay } = this.opened;
    const current = this.state.settings;
    const other = SIDES.find((s) => s !== side) as Side;
    const otherController: Controller = isAiController(current[other]) ? current[other] : `ai:${scenario.defaults.personality}`;
    const settings = { [side]: 'human', [other]: otherController, difficulty: current.difficulty } as unknown as Settings;
    const fork = forkReplay(scenario, scenarioHash, replay, this.step, settings);
    if (!fork.ok) return fork;
    // The AI may be to move at the fork: it moves now, as the machine does after every human move.
    const context = runAi({
      scenario,
      scenarioHash,
      game: fork.state,
      actions: fork.replay.log,
      checksums: fork.replay.checksums,
      error: null,
    });
    const start: SessionStart = {
      phase: phaseFor(context.game, context.actions.length, null),
      game: context.game,
      actions: context.actions,
      checksums: context.checksums,
      record: { settings: fork.replay.settings, takeovers: fork.replay.takeovers ?? [], parent: fork.replay.parent ?? null },
    };
    const choice: GameChoice = {
      scenarioId: scenario.id,
      seed: replay.seed,
      side,
      personality: personalityOf(otherController) ?? scenario.defaults.personality,
      difficulty: current.difficulty,
      mode: 'solo',
    };
    return { ok: true, start, choice };
  }
}
