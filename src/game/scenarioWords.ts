// Words the screens take from a scenario: where the talks are held, its name and the short blurb it
// is listed with, and the groups the title screen lists scenarios in (by the parties they seat).
// Every name on screen comes from the scenario; these read well without a venue. The words around
// them come from the catalogue (m.title), in the language shown; pass `shown(scenario)` for its names.
import type { LoadedScenario } from '../app/scenarios';
import type { Scenario } from '../core/scenario/schema';
import { sidesOf } from '../core/sides';
import { m, PSEUDO_CLOSE, PSEUDO_OPEN } from '../i18n';

/** The name of the place where the talks are held, or null when the scenario names none. */
export function venueName(scenario: Pick<Scenario, 'venue' | 'places'>): string | null {
  if (scenario.venue === undefined) return null;
  return scenario.places?.find((p) => p.id === scenario.venue)?.name ?? null;
}

/** " in <venue>" (or nothing without a venue): "At the table" + atVenue(scenario). */
export function atVenue(scenario: Pick<Scenario, 'venue' | 'places'>): string {
  const venue = venueName(scenario);
  return venue ? m.title.inVenue(venue) : '';
}

/** The first sentence of a text (the whole first paragraph when no sentence ends within `max` characters), at most `max` characters. */
export function firstSentence(text: string, max = 160): string {
  const para =
    text
      .trim()
      .split(/\n\s*\n/)[0]
      ?.replace(/\s+/g, ' ') ?? '';
  const end = para.search(/[.!?؟](\s|$)/);
  const sentence = end >= 0 ? para.slice(0, end + 1) : para;
  return sentence.length <= max ? sentence : `${sentence.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

/** A scenario as the title screen lists it. */
export type Listed = { id: string; loaded: LoadedScenario; fromFile: boolean; file: string };

/** A scenario's title without the game's name in front ("Backchannel: <city>, <month> <year>" → "<city>, <month> <year>"), in either language. */
export function scenarioName(scenario: Pick<Scenario, 'title'>): string {
  const title = scenario.title.trimStart();
  for (const game of ['Backchannel', m.title.gameName]) {
    if (title.slice(0, game.length).toLowerCase() !== game.toLowerCase()) continue;
    const rest = title.slice(game.length).trimStart();
    if (rest.startsWith(':')) return rest.slice(1).trimStart() || scenario.title;
  }
  return scenario.title;
}

/** "<first party> and <second party>", by their short names. */
export function partiesLine(scenario: Pick<Scenario, 'parties'>): string {
  return m.title.and(sidesOf(scenario).map((side) => scenario.parties[side]!.short));
}

/**
 * A scenario's blurb: the first sentence of its setting that says something (a setting opening on a
 * dateline, "City, Country.", goes on to its next sentence).
 */
export function blurb(scenario: Pick<Scenario, 'setting'>): string {
  // A setting wrapped whole in the pseudo-locale's markers (the tests' hunt for hard-coded text)
  // keeps them around its excerpt.
  const setting = scenario.setting.trim();
  if (setting.length > 1 && setting.startsWith(PSEUDO_OPEN) && setting.endsWith(PSEUDO_CLOSE))
    return `${PSEUDO_OPEN}${blurb({ setting: setting.slice(PSEUDO_OPEN.length, -PSEUDO_CLOSE.length) })}${PSEUDO_CLOSE}`;
  let rest = setting.split(/\n\s*\n/)[0]?.replace(/\s+/g, ' ') ?? '';
  for (let k = 0; k < 3; k++) {
    const sentence = firstSentence(rest, 400);
    if (sentence.length >= 40 || sentence.length >= rest.length) return firstSentence(rest, 200);
    rest = rest.slice(sentence.length).trim();
  }
  return firstSentence(rest, 200);
}

/**
 * The scenarios grouped by the parties they seat (the same two short names, in either order), groups
 * in the order their first scenario comes; the scenarios that cannot be played last, on their own.
 */
export function scenarioGroups<T extends Listed>(listed: readonly T[]): { scenario: Scenario | null; scenarios: T[] }[] {
  const groups = new Map<string, { scenario: Scenario | null; scenarios: T[] }>();
  const broken: T[] = [];
  for (const s of listed) {
    if (!s.loaded.ok) {
      broken.push(s);
      continue;
    }
    const scenario = s.loaded.scenario;
    const key = sidesOf(scenario)
      .map((side) => scenario.parties[side]!.short.toLowerCase())
      .sort()
      .join('\n');
    const group = groups.get(key) ?? { scenario, scenarios: [] };
    group.scenarios.push(s);
    groups.set(key, group);
  }
  const out = [...groups.values()];
  if (broken.length) out.push({ scenario: null, scenarios: broken });
  return out;
}
