// URL parameters (DESIGN.md §5): ?scenario=<id>&seed=<seed>&side=us|iran&mode=solo|hotseat|replay.
// Bad values never break the page: each becomes a plain-language problem shown on the title screen.
// A shared link adds `personality` and `difficulty` only when they differ from the scenario's
// defaults, so that the link really gives the same game.
import { normaliseSeed } from '../core/rng';
import type { Side } from '../core/scenario/schema';
import { BUNDLED, DEFAULT_SCENARIO } from './scenarios';

export type Mode = 'solo' | 'hotseat' | 'replay';
export const MODES: readonly Mode[] = ['solo', 'hotseat', 'replay'];

export interface UrlChoice {
  scenario: string;
  seed: string | null;
  side: Side;
  mode: Mode;
  /** The counterpart's personality and the difficulty, when a shared link names them (checked by the app). */
  personality: string | null;
  difficulty: string | null;
  problems: string[];
  /** Whether the URL named anything at all (a link straight into a game). */
  given: boolean;
}

export function parseUrl(search: string): UrlChoice {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  const choice: UrlChoice = {
    scenario: DEFAULT_SCENARIO,
    seed: null,
    side: 'us',
    mode: 'solo',
    personality: params.get('personality'),
    difficulty: params.get('difficulty'),
    problems,
    given: false,
  };
  const scenario = params.get('scenario');
  if (scenario !== null) {
    choice.given = true;
    if (BUNDLED.some((s) => s.id === scenario)) choice.scenario = scenario;
    else problems.push(`There is no scenario called “${scenario}”. Available: ${BUNDLED.map((s) => s.id).join(', ')}.`);
  }
  const seed = params.get('seed');
  if (seed !== null) {
    choice.given = true;
    const result = normaliseSeed(seed);
    if (result.ok) choice.seed = result.seed;
    else problems.push(`The seed in the link is not usable (${result.error}); a new one was chosen.`);
  }
  const side = params.get('side');
  if (side !== null) {
    choice.given = true;
    if (side === 'us' || side === 'iran') choice.side = side;
    else problems.push(`“${side}” is not a side: use side=us or side=iran.`);
  }
  const mode = params.get('mode');
  if (mode !== null) {
    choice.given = true;
    if ((MODES as readonly string[]).includes(mode)) choice.mode = mode as Mode;
    else problems.push(`“${mode}” is not a mode: use mode=solo, hotseat or replay.`);
  }
  return choice;
}

/** A fresh, readable seed for a new game (the view may use a clock here: the seed is then fixed data). */
export function freshSeed(): string {
  const words = ['cedar', 'dhow', 'falcon', 'frankincense', 'harbour', 'lantern', 'monsoon', 'pearl', 'saffron', 'tide'];
  const n = crypto.getRandomValues(new Uint32Array(2));
  return `${words[(n[0] ?? 0) % words.length]}-${((n[1] ?? 0) % 9000) + 1000}`;
}

/** The full link that starts the same game: scenario, normalised seed and side (plus a non-default counterpart). */
export function shareUrl(
  choice: { scenarioId: string; seed: string; side: Side; personality: string; difficulty: string },
  defaults: { personality: string; difficulty: string } | null,
  base: string = `${location.origin}${location.pathname}`,
): string {
  const seed = normaliseSeed(choice.seed);
  const params = new URLSearchParams({ scenario: choice.scenarioId, seed: seed.ok ? seed.seed : choice.seed, side: choice.side });
  if (defaults && choice.personality !== defaults.personality) params.set('personality', choice.personality);
  if (defaults && choice.difficulty !== defaults.difficulty) params.set('difficulty', choice.difficulty);
  return `${base}?${params.toString()}`;
}
