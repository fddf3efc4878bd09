// The glue between the screens and the game: which screen is showing, the title-screen choices,
// and the session once a game starts. Scenes and the DOM mirror subscribe here and re-draw.
import type { GamePhase } from '../core/machine';
import type { Action, LogEntry } from '../core/types';
import { BUNDLED, type LoadedScenario, loadBundled } from './scenarios';
import { type GameChoice, Session } from './session';
import { freshSeed, type UrlChoice } from './url';

export type Screen = 'title' | Exclude<GamePhase, 'setup'>;
export type Change = { kind: 'screen' } | { kind: 'state'; entries: LogEntry[] } | { kind: 'view' };
type Listener = (change: Change) => void;

export class App {
  screen: Screen = 'title';
  session: Session | null = null;
  choice: GameChoice;
  /** Problems with the URL, shown on the title screen. */
  problems: string[];
  /** Which renderer Phaser chose: the e2e test checks it is WebGL. */
  renderer: 'webgl' | 'canvas' | 'headless' | null = null;
  /** The last move the rules refused, shown until the next move. */
  lastError: string | null = null;
  private listeners = new Set<Listener>();

  constructor(url: UrlChoice) {
    this.problems = [...url.problems];
    this.choice = {
      scenarioId: url.scenario,
      seed: url.seed ?? freshSeed(),
      side: url.side,
      personality: '',
      difficulty: '',
      mode: url.mode,
    };
    this.applyScenarioDefaults();
  }

  get scenarios() {
    return BUNDLED.map((s) => ({ id: s.id, loaded: loadBundled(s.id) }));
  }

  get loaded(): LoadedScenario {
    return loadBundled(this.choice.scenarioId);
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  notify(change: Change): void {
    for (const l of [...this.listeners]) l(change);
  }

  /** Changes a title-screen choice; a new scenario brings its own default counterpart. */
  choose(patch: Partial<GameChoice>): void {
    const scenarioChanged = patch.scenarioId !== undefined && patch.scenarioId !== this.choice.scenarioId;
    this.choice = { ...this.choice, ...patch };
    if (scenarioChanged) this.applyScenarioDefaults();
    this.notify({ kind: 'view' });
  }

  private applyScenarioDefaults(): void {
    const loaded = this.loaded;
    if (!loaded.ok) return;
    const { defaults, personalities, difficulties } = loaded.scenario;
    if (!personalities.some((p) => p.id === this.choice.personality)) this.choice.personality = defaults.personality;
    if (!difficulties.some((d) => d.id === this.choice.difficulty)) this.choice.difficulty = defaults.difficulty;
  }

  /** Why the game cannot start with the current choices, or null. */
  startProblem(): string | null {
    const loaded = this.loaded;
    if (!loaded.ok) return `The scenario “${this.choice.scenarioId}” has errors and cannot be played.`;
    if (this.choice.mode !== 'solo')
      return `${this.choice.mode === 'hotseat' ? 'Hot-seat' : 'Replay'} mode is coming soon. Choose Solo to play now.`;
    if (this.choice.seed.trim() === '') return 'Enter a seed (any word or number).';
    return null;
  }

  /** Resumes a game from a persisted snapshot (a save, or a test fixture) on the screen its phase shows. */
  resume(snapshot: ReturnType<Session['persisted']>): string | null {
    const loaded = this.loaded;
    if (!loaded.ok) return 'scenario failed to load';
    this.attach(new Session(loaded.scenario, loaded.hash, { ...this.choice }, snapshot));
    this.lastError = null;
    this.followPhase();
    return null;
  }

  startGame(): string | null {
    const problem = this.startProblem();
    const loaded = this.loaded;
    if (problem || !loaded.ok) return problem ?? 'scenario failed to load';
    const session = new Session(loaded.scenario, loaded.hash, { ...this.choice, seed: this.choice.seed.trim() });
    this.attach(session);
    session.start();
    this.lastError = null;
    this.show('briefing');
    return null;
  }

  toAgenda(): void {
    if (!this.session || this.screen !== 'briefing') return;
    this.session.begin();
    this.followPhase();
    this.flush();
  }

  toDebrief(): void {
    if (!this.session || this.screen !== 'outcome') return;
    this.session.debrief();
    this.followPhase();
  }

  toTitle(): void {
    this.session = null;
    this.lastError = null;
    this.choice = { ...this.choice, seed: freshSeed() };
    this.show('title');
  }

  /** How long the last move took: the rules with the AI's reply, then the redraw. */
  timing = { rulesMs: 0, drawMs: 0 };
  /** Log entries of the step in progress, announced once the step is done. */
  private pending: LogEntry[] = [];

  act(action: Action): string | null {
    if (!this.session) return 'no game in progress';
    const t0 = performance.now();
    const error = this.session.act(action);
    const t1 = performance.now();
    this.lastError = error;
    if (error) this.notify({ kind: 'view' });
    this.flush();
    this.followPhase();
    this.timing = { rulesMs: t1 - t0, drawMs: performance.now() - t1 };
    return error;
  }

  private flush(): void {
    const entries = this.pending.splice(0);
    if (entries.length > 0) this.notify({ kind: 'state', entries });
  }

  private attach(session: Session): void {
    this.session = session;
    this.pending = [];
    session.onLogged((entries) => this.pending.push(...entries));
  }

  private followPhase(): void {
    const phase = this.session?.phase;
    if (phase && phase !== 'setup' && phase !== this.screen) this.show(phase);
  }

  private show(screen: Screen): void {
    this.screen = screen;
    this.notify({ kind: 'screen' });
  }
}
