// Plain constants of the scenario format, free of zod, so the browser bundle can use them without
// the schema validator (scenarios reach the browser already validated at build time).
export const ID_PATTERN = /^[a-z0-9_-]{1,64}$/;
/** A party's id: a key in the state and the replay, so it starts with a letter and avoids reserved words. */
export const PARTY_ID_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/;
/** Words a party may not be called: they name other seats, or other keys beside the parties' in the settings. */
export const RESERVED_PARTY_IDS: readonly string[] = [
  'difficulty',
  'facilitator',
  'teacher',
  'spectator',
  'mediator',
  'world',
  'round',
  'both',
];
export const MAX_TEXT = 4000;
/** A language a scenario's text is written in: a BCP 47 tag, in practice `en`, `fa`, `pt-BR`. */
export const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
/** The languages of a scenario that lists none: its text is English. */
export const DEFAULT_LANGUAGES: readonly string[] = ['en'];
/** At most this many languages in one scenario. */
export const MAX_LANGUAGES = 12;
/** The scenario format this build writes; older files are migrated when read (see migrate.ts). */
export const SCENARIO_FORMAT_VERSION = 2;
/** A party's id, as its scenario names it (`Object.keys(scenario.parties)`, two of them, in order). */
export type Side = string;
export const SEVERITIES = ['deescalation', 'status-quo', 'posturing', 'nonviolent', 'violent'] as const;
export type Severity = (typeof SEVERITIES)[number];
