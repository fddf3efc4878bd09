// Reading scenario text (JSON or YAML) into a validated Scenario. Pure: text in, result out.
// Every problem comes back as one line naming where it is (line/column or schema path) and the rule.
// The validated file is the scenario's source (its text may be in several languages, localise.ts);
// its hash is the scenario's identity, and `scenario` is the source in its first language.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { canonicalJson, sha256 } from '../hash.ts';
import { SCENARIO_FORMAT_VERSION } from './constants.ts';
import { type Format, formatOf, MAX_SCENARIO_BYTES } from './files.ts';
import { findJsonError } from './json-position.ts';
import { canonicalScenario, languageName, scenarioLanguages, textCoverage } from './localise.ts';
import { describeIssues, pathText } from './messages.ts';
import { migrateScenario } from './migrate.ts';
import { type Locate, yamlLocator } from './positions.ts';
import { type Scenario, type ScenarioSource, scenarioSchema } from './schema.ts';

export { type Format, formatOf, MAX_SCENARIO_BYTES, scenarioOkLine, scenarioSizeProblem, scenarioTypeProblem } from './files.ts';
export const MAX_DEPTH = 64;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type LoadResult =
  | {
      ok: true;
      /** The scenario in its first language: what the rules play, whatever language is shown. */
      scenario: Scenario;
      /** The validated file, each text a string or a map of languages (localiseScenario reads it). */
      source: ScenarioSource;
      /** The scenario's languages, its own first (`[en]` when the file lists none). */
      languages: readonly string[];
      /** The identity of the source: the same whichever language is shown. */
      sha256: string;
      /** What `validate` warns of, one line each naming the file: texts lacking a language, and their count. */
      warnings: string[];
      /** Read from an older format: what a migration could not supply. */
      migrated?: { from: number; notes: string[] };
    }
  | { ok: false; errors: string[] };

/** Parses and validates scenario text. `name` is used in messages (a file name or "pasted text"). */
export function loadScenarioText(text: string, name: string, format: Format | null = formatOf(name)): LoadResult {
  const fail = (...errors: string[]): LoadResult => ({ ok: false, errors: errors.map((e) => `${name}: ${e}`) });
  if (format === null) return fail('unknown file type (use .json, .yaml or .yml)');
  if (text.length > MAX_SCENARIO_BYTES) return fail(`file is larger than the ${MAX_SCENARIO_BYTES / 1_000_000} MB limit`);
  const parsed = format === 'json' ? parseJson(text) : parseYaml(text);
  if (!parsed.ok) return fail(...parsed.errors);
  return validateScenario(parsed.value, name, parsed.locate);
}

/** Validates a parsed scenario; `locate` (from the text it was parsed from) adds line:column to each problem. */
export function validateScenario(value: unknown, name: string, locate?: Locate): LoadResult {
  const fail = (...errors: string[]): LoadResult => ({ ok: false, errors: errors.map((e) => `${name}: ${e}`) });
  const structural = checkStructure(value);
  if (structural) return fail(structural);
  const migration = migrateScenario(value);
  if (typeof migration.from === 'number' && migration.from > SCENARIO_FORMAT_VERSION)
    return fail(
      `scenario format version ${migration.from} is newer than this build reads (${SCENARIO_FORMAT_VERSION}); update Backchannel`,
    );
  const result = scenarioSchema.safeParse(migration.value);
  if (!result.success) {
    const problems = describeIssues(result.error.issues, migration.value, scenarioSchema, locate);
    return { ok: false, errors: problems.map(({ at, text }) => (at ? `${name}:${at.line}:${at.col}: ${text}` : `${name}: ${text}`)) };
  }
  const source = result.data;
  const loaded = {
    ok: true as const,
    scenario: canonicalScenario(source),
    source,
    languages: scenarioLanguages(source),
    sha256: scenarioHash(source),
    warnings: translationWarnings(source, migration.value, name, locate),
  };
  return migration.from !== null && migration.from < SCENARIO_FORMAT_VERSION
    ? { ...loaded, migrated: { from: migration.from, notes: migration.notes } }
    : loaded;
}

/** A scenario's identity: the hash of its validated source (never of one language's localisation). */
export function scenarioHash(source: ScenarioSource): string {
  return sha256(canonicalJson(source));
}

/**
 * For a scenario in several languages, a line per text given as a map that lacks one of them
 * (`x.yaml:412:7: events[18] (id "tanker-seized").title has no "fa" text (English is shown)`), in
 * the file's order, then a count. A plain string is the same text in every language: counted, never
 * named.
 */
function translationWarnings(source: ScenarioSource, value: unknown, name: string, locate?: Locate): string[] {
  const coverage = textCoverage(source);
  if (coverage.missing.length === 0) return [];
  const first = scenarioLanguages(source)[0] ?? 'en';
  const shown = languageName(first);
  const lines = coverage.missing
    .map(({ path, language }) => ({ at: locate?.(path) ?? null, language, path }))
    .sort((a, b) => (a.at && b.at ? a.at.line - b.at.line || a.at.col - b.at.col : a.at ? -1 : b.at ? 1 : 0))
    .map(
      ({ at, language, path }) =>
        `${name}${at ? `:${at.line}:${at.col}` : ''}: ${pathText(path, value)} has no "${language}" text (${shown} is shown)`,
    );
  const byLanguage = new Map<string, number>();
  for (const { language } of coverage.missing) byLanguage.set(language, (byLanguage.get(language) ?? 0) + 1);
  const fields = (n: number) => `${n} text field${n === 1 ? '' : 's'}`;
  const lacking = [...byLanguage].map(([language, n]) => `${n} without "${language}"`).join(', ');
  lines.push(
    `${name}: ${fields(coverage.partial)} ${coverage.partial === 1 ? 'lacks' : 'lack'} a translation (${lacking}); ${coverage.complete} ${coverage.complete === 1 ? 'has' : 'have'} every language, and ${coverage.plain} ${coverage.plain === 1 ? 'is a plain string' : 'are plain strings'}, shown as written in every language`,
  );
  return lines;
}

export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

type Parsed = { ok: true; value: unknown; locate?: Locate } | { ok: false; errors: string[] };

function lineColumn(text: string, offset: number): string {
  let line = 1;
  let col = 1;
  for (let i = 0; i < Math.min(offset, text.length); i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      col = 1;
    } else col++;
  }
  return `line ${line}, column ${col}`;
}

function parseJson(text: string): Parsed {
  const depth = bracketDepth(text);
  if (depth > MAX_DEPTH) return { ok: false, errors: [`nesting is ${depth} levels deep; the limit is ${MAX_DEPTH}`] };
  const syntax = findJsonError(text);
  if (syntax) return { ok: false, errors: [`invalid JSON at ${lineColumn(text, syntax.offset)}: ${syntax.message}`] };
  // Re-read through the YAML parser (a JSON superset) for duplicate keys with their positions.
  return parseYaml(text);
}

/** Max nesting of [ and { outside strings: refuses pathological input before a recursive parser sees it. */
function bracketDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === inString) inString = null;
      continue;
    }
    if (c === '"') inString = c;
    else if (c === '[' || c === '{') max = Math.max(max, ++depth);
    else if (c === ']' || c === '}') depth--;
  }
  return max;
}

function parseYaml(text: string): Parsed {
  const flowDepth = bracketDepth(text);
  if (flowDepth > MAX_DEPTH) return { ok: false, errors: [`nesting is ${flowDepth} levels deep; the limit is ${MAX_DEPTH}`] };
  const lineCounter = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  } catch (err) {
    return { ok: false, errors: [`could not be parsed: ${err instanceof Error ? err.message : String(err)}`] };
  }
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.slice(0, 20).map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        const first = e.message.split('\n')[0] ?? e.message;
        return `invalid ${text.trimStart().startsWith('{') ? 'JSON' : 'YAML'} at line ${pos.line}, column ${pos.col}: ${first.replace(/ at line \d+, column \d+.*$/, '')}`;
      }),
    };
  }
  const keyError = forbiddenKey(doc.contents as YamlNode | null, lineCounter, 0);
  if (keyError) return { ok: false, errors: [keyError] };
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 50 }), locate: yamlLocator(doc, lineCounter) };
  } catch (err) {
    return { ok: false, errors: [`could not be read: ${err instanceof Error ? err.message : String(err)}`] };
  }
}

function forbiddenKey(node: YamlNode | null, lc: LineCounter, depth: number): string | null {
  if (!node) return null;
  if (depth > MAX_DEPTH) return `nesting is deeper than ${MAX_DEPTH} levels`;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : null;
      if (key !== null && FORBIDDEN_KEYS.has(key)) {
        const range = isScalar(pair.key) ? pair.key.range : undefined;
        const pos = range ? lc.linePos(range[0]) : null;
        return `forbidden key "${key}"${pos ? ` at line ${pos.line}, column ${pos.col}` : ''}`;
      }
      const inner = forbiddenKey(pair.value as YamlNode | null, lc, depth + 1);
      if (inner) return inner;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const inner = forbiddenKey(item as YamlNode | null, lc, depth + 1);
      if (inner) return inner;
    }
  }
  return null;
}

/** Structural limits before schema validation: depth and forbidden keys in already-parsed values. */
function checkStructure(value: unknown, depth = 0): string | null {
  if (depth > MAX_DEPTH) return `nesting is deeper than ${MAX_DEPTH} levels`;
  if (Array.isArray(value)) {
    for (const item of value) {
      const e = checkStructure(item, depth + 1);
      if (e) return e;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return `forbidden key "${key}"`;
      const e = checkStructure((value as Record<string, unknown>)[key], depth + 1);
      if (e) return e;
    }
  }
  return null;
}
