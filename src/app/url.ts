// URL parameters (docs/design.md §5): ?scenario=<id>&seed=<seed>&side=<party id>&mode=solo|hotseat|replay|online
// (`side` names one of the chosen scenario's two parties by its id: its first party by default)
// (and, online, `table=<code>`: the link that joins a table on the game server; with `watch=1`, the
// link that watches it from the spectators' seat: public information only); `class=<code>`: the link
// a teacher gives a class, which opens the title screen at the class's panel (a team's name, then join).
// (`mode=class`, from old links to the class debrief, never reaches this code: an inline script at the
// top of index.html sends it on to class.html before the game is loaded.)
// Bad values never break the page: each becomes a plain-language problem shown on the title screen.
// A shared link adds `personality` and `difficulty` only when they differ from the scenario's
// defaults, so that the link really gives the same game.
import { normaliseSeed } from '../core/rng';
import { PARTY_ID_PATTERN } from '../core/scenario/constants';
import type { Side } from '../core/scenario/schema';
import { sidesOf } from '../core/sides';
import { normaliseTableCode } from '../core/tableCode';
import { quote } from '../core/words';
import { m } from '../i18n';
import { BUNDLED, DEFAULT_SCENARIO } from './scenarios';

export type Mode = 'solo' | 'hotseat' | 'replay' | 'online';
export const MODES: readonly Mode[] = ['solo', 'hotseat', 'replay', 'online'];

export interface UrlChoice {
  scenario: string;
  seed: string | null;
  side: Side;
  mode: Mode;
  /** The counterpart's personality and the difficulty, when a shared link names them (checked by the app). */
  personality: string | null;
  difficulty: string | null;
  /** An online table to join (`table=`, normalised to XXXX-XXXX), with `mode=online`. */
  table: string | null;
  /** `watch=1` with `table=`: join the table as a spectator (no seat; the public view only). */
  watch: boolean;
  /** A live class to join as a team (`class=`, normalised to XXXX-XXXX); online mode. */
  class: string | null;
  problems: string[];
  /** Whether the URL named anything at all (a link straight into a game). */
  given: boolean;
}

/** Counterpart and difficulty ids have the scenario id shape (docs/design.md §4: ids are ^[a-z0-9_-]{1,64}$). */
const ID = /^[a-z0-9_-]{1,64}$/;

/**
 * A value from the link, quoted back safely in a message: invisible and direction-changing
 * characters (U+202E and the like, which would reverse the rest of the message) are written as
 * U+XXXX, and a long value is cut, so that a 10 KB parameter cannot flood or freeze the title screen.
 * The result is only ever shown as text.
 */
export function quoteValue(value: string): string {
  return quote(value);
}

export function parseUrl(search: string): UrlChoice {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  const choice: UrlChoice = {
    scenario: DEFAULT_SCENARIO,
    seed: null,
    side: '',
    mode: 'solo',
    personality: null,
    difficulty: null,
    table: null,
    watch: false,
    class: null,
    problems,
    given: false,
  };
  const scenario = params.get('scenario');
  if (scenario !== null) {
    choice.given = true;
    if (BUNDLED.some((s) => s.id === scenario)) choice.scenario = scenario;
    else
      problems.push(
        m.app.notAScenario(
          quoteValue(scenario),
          BUNDLED.map((s) => s.id),
        ),
      );
  }
  const seed = params.get('seed');
  if (seed !== null) {
    choice.given = true;
    const result = normaliseSeed(seed);
    if (result.ok) choice.seed = result.seed;
    else if (seed.trim() === '') problems.push(m.app.emptySeed);
    else {
      const length = seed.normalize('NFC').trim().length;
      problems.push(m.app.badLinkSeed(result.error, /longer than/.test(result.error) ? length : null));
    }
  }
  // The side is one of the chosen scenario's parties, named by its id (a scenario that does not load
  // has no parties to check against: an id-shaped value is kept, and the game refuses to start anyway).
  const chosen = BUNDLED.find((s) => s.id === choice.scenario)?.result;
  const parties = chosen?.ok ? sidesOf(chosen.scenario) : null;
  choice.side = parties?.[0] ?? '';
  const side = params.get('side');
  if (side !== null) {
    choice.given = true;
    if (parties ? parties.includes(side) : PARTY_ID_PATTERN.test(side)) choice.side = side;
    else if (parties) problems.push(m.app.notASideOf(quoteValue(side), parties));
    else problems.push(m.app.notASide(quoteValue(side)));
  }
  const mode = params.get('mode');
  if (mode !== null) {
    choice.given = true;
    if ((MODES as readonly string[]).includes(mode)) choice.mode = mode as Mode;
    // (mode=online is not named here yet: tests/game/url.test.ts pins this sentence.)
    else problems.push(m.app.notAMode(quoteValue(mode)));
  }
  const table = params.get('table');
  if (table !== null) {
    choice.given = true;
    const code = normaliseTableCode(table);
    if (!code) problems.push(m.app.notATableCodeLink(quoteValue(table)));
    else {
      choice.table = code;
      choice.mode = 'online';
    }
  }
  const klass = params.get('class');
  if (klass !== null) {
    choice.given = true;
    const code = normaliseTableCode(klass);
    if (!code) problems.push(m.app.notAClassCodeLink(quoteValue(klass)));
    else if (choice.table) problems.push(m.app.tableAndClass);
    else {
      choice.class = code;
      choice.mode = 'online';
    }
  }
  const watch = params.get('watch');
  if (watch !== null) {
    if (watch === '1' || watch === 'true' || watch === '') choice.watch = true;
    else if (watch !== '0' && watch !== 'false') problems.push(m.app.notAWatchSetting(quoteValue(watch)));
  }
  // The counterpart and difficulty belong to the scenario: checked against its lists when it loads,
  // and refused here already when they could not be an id at all (markup, a 10 KB value).
  const known = chosen?.ok ? chosen.scenario : null;
  const personality = params.get('personality');
  if (personality !== null) {
    const ids = known?.personalities.map((p) => p.id);
    if (ID.test(personality) && (!ids || ids.includes(personality))) choice.personality = personality;
    else problems.push(m.app.notACounterpartLink(quoteValue(personality), ids ?? null));
  }
  const difficulty = params.get('difficulty');
  if (difficulty !== null) {
    const ids = known?.difficulties.map((d) => d.id);
    if (ID.test(difficulty) && (!ids || ids.includes(difficulty))) choice.difficulty = difficulty;
    else problems.push(m.app.notADifficultyLink(quoteValue(difficulty), ids ?? null));
  }
  return choice;
}

/** A fresh, readable seed for a new game (the view may use a clock here: the seed is then fixed data). */
export function freshSeed(): string {
  const words = ['beacon', 'cedar', 'compass', 'falcon', 'harbour', 'lantern', 'meadow', 'pearl', 'river', 'tide'];
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

/** The link a teacher gives a class: `<origin>/?class=CODE` (the class's panel on the title screen). */
export function classUrl(code: string, base: string = `${location.origin}${location.pathname}`): string {
  return `${base}?${new URLSearchParams({ class: code }).toString()}`;
}

/** The link that joins an online table: `<origin>/?mode=online&table=CODE`. */
export function tableUrl(code: string, base: string = `${location.origin}${location.pathname}`): string {
  return `${base}?${new URLSearchParams({ mode: 'online', table: code }).toString()}`;
}
