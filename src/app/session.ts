// One game in progress: the XState actor plus the view-only drafts (the package being built, the
// agenda being drafted). Views read `session.game` and call `act`; they never change state directly.
import { type Actor, createActor, type Snapshot } from 'xstate';
import { type GameEvent, type GamePhase, gameMachine, type MachineInput } from '../core/machine';
import { bridgeStatus } from '../core/negotiation/bridge';
import { agendaMask, idealPackage, packageToTerms, spaceOf, termsToPackage, utility } from '../core/negotiation/space';
import type { LoggedAction } from '../core/play';
import { makeReplay, type Replay } from '../core/replay';
import { concedableIssues, legalActionTypes } from '../core/rules';
import type { Scenario, Side } from '../core/scenario/schema';
import { bySide, otherSide } from '../core/sides';
import {
  type Action,
  type ActionType,
  type FacilitatorAction,
  type GameState,
  type LogEntry,
  type Package,
  type Settings,
  type Terms,
  TONES,
} from '../core/types';
import { shortText } from '../core/words';
import { m } from '../i18n';
import type { Mode } from './url';

export interface GameChoice {
  scenarioId: string;
  seed: string;
  side: Side;
  personality: string;
  difficulty: string;
  mode: Mode;
}

export type LoggedListener = (entries: LogEntry[]) => void;

/** What a replay file records besides the log: kept so the replay of a resumed or forked game still verifies. */
export interface ReplayRecord {
  settings: Settings;
  takeovers: NonNullable<Replay['takeovers']>;
  parent: Replay['parent'] | null;
}

/** A game rebuilt from a replay (a resumed save, a fork, the end of a watched replay), ready to go on. */
export interface SessionStart {
  phase: GamePhase;
  game: GameState;
  actions: LoggedAction[];
  checksums: string[];
  record: ReplayRecord;
}

/**
 * What every screen reads and calls, offline or online: the seat, the game as this seat sees it, its
 * legal moves with the drafts filled in, and the drafts themselves (the package being built, the
 * agenda being drafted). The draft logic lives here once; `Session` (the local actor) and
 * `RemoteSession` (src/app/online.ts, a seat at a table on the game server) supply the game.
 */
export abstract class GameSession {
  /** The seat at the table. In hot-seat play it changes at each handoff (see `Session.seat`). */
  side: Side;
  opponent: Side;
  protected readonly loggedListeners = new Set<LoggedListener>();
  /** The package the player is building, issue id → option id (agenda issues only). */
  draft: Terms = {};
  /**
   * Whether the player has changed the draft since it last matched their standing offer (or their
   * ideal package, before any offer). An untouched draft follows the standing offer; an edited one is
   * kept across every move until it is proposed (issue 15).
   */
  protected draftEdited = false;
  /** The contested issues the player would put on the agenda. */
  agendaDraft: string[];

  constructor(
    readonly scenario: Scenario,
    readonly scenarioHash: string,
    readonly choice: GameChoice,
  ) {
    this.side = choice.side;
    this.opponent = otherSide(scenario, choice.side);
    this.agendaDraft = [...(scenario.agenda.wants[this.side] ?? [])];
  }

  /** The screen the game is on (`setup` before the player has started). */
  abstract get phase(): GamePhase;
  /** The game as this seat may see it (a remote seat's copy holds only its own secrets). */
  abstract get game(): GameState;
  /** The settings, seat changes and parent this game's replay file records. */
  abstract get record(): ReplayRecord;
  abstract get history(): { actions: LoggedAction[]; checksums: string[] };
  abstract start(): void;
  abstract begin(): void;
  abstract debrief(): void;
  /** Plays the player's move. Returns an error or null (a remote seat: null once sent; a refusal comes later). */
  abstract act(action: Action): string | null;
  /** A facilitator's action. Returns an error or null. */
  abstract facilitate(action: FacilitatorAction): string | null;
  /** The game's replay file (a remote seat: the server's once the talks have ended; before, one without moves or seed). */
  abstract replay(): Replay;
  /** The move types this seat may make now, by the rules (before the drafts are filled in). */
  protected abstract legalTypes(): ActionType[];

  onLogged(l: LoggedListener): () => void {
    this.loggedListeners.add(l);
    return () => this.loggedListeners.delete(l);
  }

  protected emitLogged(entries: LogEntry[]): void {
    if (entries.length === 0) return;
    for (const l of this.loggedListeners) l(entries);
  }

  get isMyTurn(): boolean {
    return this.game.phase !== 'ended' && this.game.toMove === this.side;
  }

  /** Concrete actions the player may take now, with the current drafts filled in. */
  legalActions(): Action[] {
    if ((this.phase !== 'agenda' && this.phase !== 'rounds') || !this.isMyTurn) return [];
    const out: Action[] = [];
    for (const type of this.legalTypes()) {
      // Asking the mediator when it would refuse only spends the turn: not offered (the rules still take it).
      if (type === 'bridge' && !bridgeStatus(this.scenario, this.game).available) continue;
      if (type === 'propose-agenda') out.push({ type, issues: [...this.agendaDraft] });
      else if (type === 'propose') out.push({ type, terms: { ...this.draft } });
      else if (type === 'concede') for (const issue of concedableIssues(this.scenario, this.game, this.side)) out.push({ type, issue });
      else if (type === 'statement') for (const tone of TONES) out.push({ type, tone });
      else if (type === 'guess')
        // The perception check: every pair of (their top priority, their red line) the player could name.
        for (const priority of this.scenario.issues)
          for (const redLine of this.scenario.issues) out.push({ type, priority: priority.id, redLine: redLine.id });
      else out.push({ type } as Action);
    }
    return out;
  }

  can(type: Action['type']): boolean {
    if (type === 'bridge' && !bridgeStatus(this.scenario, this.game).available) return false;
    return this.isMyTurn && this.legalTypes().includes(type);
  }

  // ----- the package builder

  get mask(): boolean[] {
    return agendaMask(spaceOf(this.scenario), this.game.agenda.on);
  }

  draftPackage(): Package {
    const result = termsToPackage(spaceOf(this.scenario), this.draft, this.mask);
    return result.ok ? result.pkg : idealPackage(spaceOf(this.scenario), this.side, this.mask);
  }

  setDraftOption(issueId: string, optionId: string): void {
    if (this.draft[issueId] === undefined || this.draft[issueId] === optionId) return;
    this.draft = { ...this.draft, [issueId]: optionId };
    this.draftEdited = true;
  }

  /** The player's own utility of a package (their true weights: they know their own). */
  ownUtility(pkg: Package): number {
    return utility(spaceOf(this.scenario), this.side, this.game.types[this.side]!.weights, pkg);
  }

  /** What the brief suggests the package is worth to the other side: believed weight midpoints. */
  estimatedTheirUtility(pkg: Package): number {
    const beliefs = this.game.beliefs[this.side] ?? [];
    const mids = beliefs.map(([lo, hi]) => (lo + hi) / 2);
    const total = mids.reduce((a, b) => a + b, 0) || 1;
    return utility(
      spaceOf(this.scenario),
      this.opponent,
      mids.map((m) => m / total),
      pkg,
    );
  }

  /**
   * After every step: an untouched draft follows the player's standing offer (their ideal package
   * before they have one). An edited draft is kept, whatever was played, until it is the standing
   * offer (it was proposed); if the agenda changed under it, its choices on issues still on the
   * agenda are kept and the others come from the standing offer.
   */
  protected syncDraft(): void {
    const game = this.game;
    if (game.phase === 'agenda') return;
    const space = spaceOf(this.scenario);
    const mask = this.mask;
    const base = packageToTerms(space, game.offers[this.side] ?? idealPackage(space, this.side, mask), mask);
    if (!this.draftEdited) {
      if (!sameTerms(this.draft, base)) this.draft = base;
      return;
    }
    const kept: Terms = {};
    for (const [issueId, option] of Object.entries(base)) {
      const mine = this.draft[issueId];
      const stillValid = mine !== undefined && this.scenario.issues.find((i) => i.id === issueId)?.options.some((o) => o.id === mine);
      kept[issueId] = stillValid ? (mine as string) : option;
    }
    if (!sameTerms(this.draft, kept)) this.draft = kept;
    if (sameTerms(kept, base)) this.draftEdited = false;
  }

  toggleAgendaIssue(issueId: string): void {
    this.agendaDraft = this.agendaDraft.includes(issueId)
      ? this.agendaDraft.filter((id) => id !== issueId)
      : this.scenario.agenda.contested.filter((id) => id === issueId || this.agendaDraft.includes(id));
  }
}

/** One local game: the XState actor (solo against the AI, hot seat, a resumed save or a fork). */
export class Session extends GameSession {
  readonly settings: Settings;
  /** The settings, seat changes and parent this game's replay file records. */
  readonly record: ReplayRecord;
  private actor: Actor<typeof gameMachine>;
  private readonly input: MachineInput;
  /** What stopped the machine on the event being sent (an exception in the rules or the AI), or null. */
  private failure: unknown = null;
  /**
   * Why the last event could not be played (the machine failed on it and was put back where it
   * was before it), or null. The game goes on from that state; App shows this like a refused move.
   */
  problem: string | null = null;

  constructor(
    scenario: Scenario,
    scenarioHash: string,
    choice: GameChoice,
    /** Where to begin: a persisted XState snapshot (a test fixture), or a game rebuilt from a replay. */
    from?: Snapshot<unknown> | SessionStart,
  ) {
    super(scenario, scenarioHash, choice);
    const ai = `ai:${choice.personality}` as const;
    const start = from && 'record' in from ? from : null;
    this.settings = start
      ? { ...start.game.settings }
      : {
          ...bySide(scenario, (side) => (choice.mode === 'hotseat' || side === this.side ? 'human' : ai)),
          difficulty: choice.difficulty,
        };
    this.record = start?.record ?? { settings: this.settings, takeovers: [], parent: null };
    this.input = { scenario, scenarioHash, seed: choice.seed, settings: this.settings };
    const snapshot = start ? rebuiltSnapshot(scenario, scenarioHash, start) : (from as Snapshot<unknown> | undefined);
    this.actor = this.startActor(snapshot);
    this.syncDraft();
  }

  /** A running actor from `snapshot` (or a new game), whose failures are caught rather than left to stop it unseen. */
  private startActor(snapshot?: Snapshot<unknown>): Actor<typeof gameMachine> {
    const input = this.input;
    const actor = createActor(gameMachine, snapshot ? { input, snapshot } : { input });
    actor.on('logged', (e) => this.emitLogged(e.entries));
    // An actor whose action throws stops for good and ignores every later event; without an error
    // observer the error would also be thrown at the page. It is recorded here and `send` recovers.
    actor.subscribe({
      error: (err) => {
        this.failure = err ?? m.app.unknownError;
      },
    });
    actor.start();
    return actor;
  }

  /**
   * Sends an event to the machine. If the machine fails on it (an AI that cannot move, a rule that
   * throws), a new actor takes over from the last good state, before this event, and the failure is
   * returned (and kept in `problem`) in words: the game is never left stopped (issue 18).
   */
  private send(event: GameEvent): string | null {
    const before = this.actor.getPersistedSnapshot();
    this.failure = null;
    try {
      this.actor.send(event);
    } catch (err) {
      this.failure ??= err ?? m.app.unknownError;
    }
    const failed =
      this.failure ?? (this.actor.getSnapshot().status === 'error' ? (this.actor.getSnapshot().error ?? m.app.unknownError) : null);
    this.failure = null;
    if (failed === null) {
      this.problem = null;
      return null;
    }
    this.actor.stop();
    this.actor = this.startActor(before);
    const cause = shortText(failed instanceof Error ? failed.message : String(failed), 200);
    this.problem = m.app.gameCouldNotGoOn(cause);
    return this.problem;
  }

  get phase(): GamePhase {
    return this.actor.getSnapshot().value as GamePhase;
  }

  get game(): GameState {
    return this.actor.getSnapshot().context.game;
  }

  /** The machine's persisted snapshot: plain JSON, enough to resume this game exactly. */
  persisted(): Snapshot<unknown> {
    return this.actor.getPersistedSnapshot();
  }

  get history() {
    const { actions, checksums } = this.actor.getSnapshot().context;
    return { actions, checksums };
  }

  start(): void {
    this.send({ type: 'START' });
  }

  begin(): void {
    // If the AI opens the agenda dispute on entry, the machine emits 'logged' for its move.
    this.send({ type: 'BEGIN' });
    this.syncDraft();
  }

  debrief(): void {
    this.send({ type: 'DEBRIEF' });
  }

  /** Hot seat: hands the table to `side`. Each team keeps its own drafts; the other team's are put away. */
  seat(side: Side): void {
    if (side === this.side) return;
    this.parked[this.side] = { draft: this.draft, draftEdited: this.draftEdited, agendaDraft: this.agendaDraft };
    const back = this.parked[side];
    this.side = side;
    this.opponent = otherSide(this.scenario, side);
    this.draft = back?.draft ?? {};
    this.draftEdited = back?.draftEdited ?? false;
    this.agendaDraft = back?.agendaDraft ?? [...(this.scenario.agenda.wants[side] ?? [])];
    this.syncDraft();
  }

  private parked: Partial<Record<Side, { draft: Terms; draftEdited: boolean; agendaDraft: string[] }>> = {};

  /** A facilitator's action (pause, inject, deadline, hazard, the mediator's bridge). Returns an error or null. */
  facilitate(action: FacilitatorAction): string | null {
    let rejected: string | null = null;
    const sub = this.actor.on('rejected', (e) => {
      rejected = e.error;
    });
    const failed = this.send({ type: 'FACILITATE', action });
    sub.unsubscribe();
    this.syncDraft();
    return failed ?? rejected;
  }

  /** Plays the player's move (the AI answers inside the same step). Returns an error or null. */
  act(action: Action): string | null {
    let rejected: string | null = null;
    const sub = this.actor.on('rejected', (e) => {
      rejected = e.error;
    });
    const failed = this.send({ type: 'ACT', side: this.side, action });
    sub.unsubscribe();
    this.syncDraft();
    return failed ?? rejected;
  }

  protected legalTypes(): ActionType[] {
    return legalActionTypes(this.scenario, this.game, this.side);
  }

  replay(): Replay {
    const { actions, checksums } = this.history;
    return makeReplay({
      scenario: this.scenario,
      scenarioHash: this.scenarioHash,
      seed: this.choice.seed,
      settings: this.record.settings,
      log: actions,
      checksums,
      finalState: this.game,
      takeovers: this.record.takeovers,
      ...(this.record.parent ? { parent: this.record.parent } : {}),
    });
  }
}

/** Whether two drafts name the same issues with the same options. */
function sameTerms(a: Terms, b: Terms): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** The machine resting in `start.phase` with the rebuilt game: the phase is only a cache of where the view was. */
function rebuiltSnapshot(scenario: Scenario, scenarioHash: string, start: SessionStart): Snapshot<unknown> {
  const context = { scenario, scenarioHash, game: start.game, actions: start.actions, checksums: start.checksums, error: null };
  return gameMachine.getPersistedSnapshot(gameMachine.resolveState({ value: start.phase, context }));
}
