// `npx backchannel validate|play|batch|replay verify|replay show|scenario migrate|schema` (docs/design.md §5).
// Every problem is one line on stderr and exit code 1; never a stack trace. The grammar and the
// help texts are in args.ts.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument, stringify as stringifyYaml } from 'yaml';
import { analyseGame } from '../core/analysis';
import { dealTerms, spaceOf } from '../core/negotiation/space';
import { controllerError, playGame } from '../core/play';
import { cutMessage, makeReplay, parseJsonText, REPLAY_FORMAT_VERSION, readReplay, replayToText, verifyReplay } from '../core/replay';
import { normaliseSeed } from '../core/rng';
import { SCENARIO_FORMAT_VERSION } from '../core/scenario/constants';
import { scenarioJsonSchema } from '../core/scenario/json-schema';
import { formatOf, loadScenarioText, scenarioOkLine, scenarioSizeProblem, scenarioTypeProblem } from '../core/scenario/loader';
import { localiseScenario } from '../core/scenario/localise';
import { migrateScenario } from '../core/scenario/migrate';
import type { Scenario, ScenarioSource } from '../core/scenario/schema';
import { bySide, sidesOf } from '../core/sides';
import { controllerOf, type GameState, RULES_VERSION, type Settings, type Side } from '../core/types';
import { addScenarioTexts, isLang, LANGS, type Lang, useLanguage } from '../i18n';
import { fa } from '../i18n/fa';
import {
  CliError,
  COMMANDS,
  type CommandSpec,
  commandHelp,
  defaultScenarioId,
  didYouMean,
  fail,
  globalHelp,
  type PartyAlias,
  parseCommand,
  quote,
  unknownOption,
  type Values,
} from './args';
import { transcript } from './transcript';

const ROOT = process.env.BACKCHANNEL_ROOT ?? resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCENARIO_DIR = join(ROOT, 'scenarios');

type Flags = Values;

/** A replay of a whole game is tens of kilobytes (3,000 turns: under 300 KB); the class page's limit too. */
const MAX_REPLAY_BYTES = 5_000_000;

function readText(file: string, kind: 'scenario' | 'replay' = 'scenario'): string {
  if (!existsSync(file)) fail(`${file}: file not found`);
  const stat = statSync(file);
  if (!stat.isFile()) fail(`${file}: not a file`);
  const tooLarge =
    kind === 'scenario'
      ? scenarioSizeProblem(file, stat.size)
      : stat.size > MAX_REPLAY_BYTES
        ? `${file}: file is ${(stat.size / 1e6).toFixed(1)} MB, larger than the ${MAX_REPLAY_BYTES / 1e6} MB limit for a replay`
        : null;
  if (tooLarge) fail(tooLarge);
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    return fail(`${file}: cannot read the file: ${(err as NodeJS.ErrnoException).code ?? cutMessage(String(err))}`);
  }
}

interface Loaded {
  scenario: Scenario;
  /** The validated file, its texts in each of its languages (localiseScenario reads it). */
  source: ScenarioSource;
  sha256: string;
  /** Texts lacking one of the scenario's languages, and their count (validate prints them). */
  warnings: string[];
  /** Read from an older scenario format (the loader migrated it): from which, and what it could not supply. */
  migrated?: { from: number; notes: string[] };
}

function loadScenarioFile(file: string): Loaded {
  const result = loadScenarioText(readText(file), file);
  if (!result.ok) fail(...result.errors);
  return result as Loaded;
}

/** What the loader says of a file it read from an older format (LoadResult's `migrated`), or undefined. */
const migratedOf = (result: object): Loaded['migrated'] => (result as Pick<Loaded, 'migrated'>).migrated;

const SCENARIO_ID = /^[a-z0-9_-]{1,64}$/;

/** A path names a file: it has a folder separator or a scenario file's extension. Anything else is an id. */
export function isScenarioPath(ref: string): boolean {
  return /[\\/]/.test(ref) || formatOf(ref) !== null;
}

/**
 * A scenario given on the command line: a path (`./mine.yaml`, `scenarios/x.json`) is read as a file;
 * anything else is an id, looked up in the shipped scenarios/ only, whatever the current folder holds.
 */
function resolveScenario(ref: Values[string]): Loaded {
  const name = typeof ref === 'string' ? ref : defaultScenarioId();
  if (name === undefined) return fail('--scenario is required (no default scenario is set)');
  return isScenarioPath(name) ? loadScenarioFile(name) : scenarioById(name);
}

/** A shipped scenario by its id (a replay's scenario.id is always one, never a path). */
function scenarioById(id: string): Loaded {
  const ids = () => shippedScenarioIds();
  if (!SCENARIO_ID.test(id)) {
    const suggestion = didYouMean(id, ids());
    return fail(
      `unknown scenario ${quote(id)}: an id is 1 to 64 of a-z, 0-9, _ and -; a scenario file is given by its path (ending .yaml, .yml or .json)${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
    );
  }
  for (const ext of ['yaml', 'yml', 'json']) {
    const file = join(SCENARIO_DIR, `${id}.${ext}`);
    if (existsSync(file) && statSync(file).isFile()) return loadScenarioFile(file);
  }
  // A slip of the keyboard, or the start of an id (the one shipped id it begins).
  const starting = ids().filter((known) => known.startsWith(id));
  const suggestion = didYouMean(id, ids()) ?? (starting.length === 1 ? starting[0] : null);
  return fail(
    `unknown scenario "${id}": there is no scenarios/${id}.yaml, .yml or .json${suggestion ? `; did you mean "${suggestion}"?` : '.'} The ids there are ${ids().join(', ') || 'none'} (to use a file, pass its path: --scenario path/to/${id}.yaml)`,
  );
}

/** The ids `--scenario` finds: the scenario files in scenarios/ (not the editors' schema.json). */
function shippedScenarioIds(): string[] {
  let names: string[];
  try {
    names = readdirSync(SCENARIO_DIR);
  } catch {
    return [];
  }
  const ids = names
    .filter((name) => name !== 'schema.json' && formatOf(name) !== null)
    .map((name) => name.replace(/\.(ya?ml|json)$/i, ''))
    .filter((stem) => SCENARIO_ID.test(stem));
  return [...new Set(ids)].sort();
}

/** A party by its scenario's short name ("the text output names parties as the scenario does"). */
const partyName = (scenario: Scenario, side: Side): string => scenario.parties[side]?.short ?? side;

/** The scenario's parties for a message: `a (A) and b (B)`. */
const partyList = (scenario: Scenario): string =>
  sidesOf(scenario)
    .map((side) => `${side} (${partyName(scenario, side)})`)
    .join(' and ');

/**
 * Who plays each seat: `--side <party>=<policy>` (once per seat), or the shorthand `--<party> <policy>`
 * for a party id the scenario has; a seat not given plays the scenario's default personality.
 */
function settingsFrom(scenario: Scenario, flags: Flags, aliases: readonly PartyAlias[], spec: CommandSpec): Settings {
  const sides = sidesOf(scenario);
  const see = `see: backchannel ${spec.name} --help`;
  // An option that is neither the command's nor a party's: refused as any unknown option is.
  for (const alias of aliases) {
    if (sides.includes(alias.name)) continue;
    const lines = unknownOption(spec, alias.name, alias.rawName);
    if (/(did you mean|it belongs to)/.test(lines[0] ?? '')) fail(...lines);
    fail(
      `unknown option ${quote(alias.rawName)} for ${spec.name}: scenario "${scenario.id}" has no party "${alias.name}" (its parties are ${partyList(scenario)}); name a seat with --side <party>=<policy>`,
      see,
    );
  }
  const chosen = new Map<Side, string>();
  const errors: string[] = [];
  const give = (side: Side, policy: string, how: string) => {
    if (chosen.has(side)) errors.push(`the ${side} seat is given more than once (${how})`);
    else chosen.set(side, policy);
  };
  const given = flags.side === undefined ? [] : Array.isArray(flags.side) ? flags.side : [String(flags.side)];
  for (const raw of given) {
    const eq = raw.indexOf('=');
    const id = eq < 0 ? raw : raw.slice(0, eq);
    if (eq < 0) errors.push(`--side ${quote(raw)}: give a seat as --side <party>=<policy>; the parties are ${partyList(scenario)}`);
    else if (!sides.includes(id))
      errors.push(`--side ${quote(raw)}: unknown party ${quote(id)}: the parties of "${scenario.id}" are ${partyList(scenario)}`);
    else give(id, raw.slice(eq + 1), `--side ${id}=…`);
  }
  for (const alias of aliases) give(alias.name, alias.value, alias.rawName);
  const policies = bySide(scenario, (side) => chosen.get(side) ?? `ai:${scenario.defaults.personality}`);
  for (const side of sides) {
    const p = policies[side]!;
    const problem = p === 'human' ? `policy "human" cannot play headless` : controllerError(scenario, p);
    if (problem && !errors.includes(problem)) errors.push(problem);
  }
  const difficulty = typeof flags.difficulty === 'string' ? flags.difficulty : scenario.defaults.difficulty;
  if (!scenario.difficulties.some((d) => d.id === difficulty))
    errors.push(`unknown difficulty "${difficulty}": choose ${scenario.difficulties.map((d) => d.id).join(', ')}`);
  if (errors.length) fail(...errors);
  return { ...policies, difficulty };
}

function seedFrom(flags: Flags, fallback?: string): string {
  const raw = flags.seed ?? fallback;
  if (raw === undefined) return fail('--seed is required');
  if (typeof raw !== 'string') return fail('seed is empty');
  const seed = normaliseSeed(raw);
  if (!seed.ok) return fail(seed.error);
  return seed.seed;
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** The JSON summary of a game; per-party values are keyed by the scenario's party ids. */
function summary(scenario: Scenario, state: GameState, checksum: string) {
  const outcome = state.outcome;
  const perParty = (value: (side: Side) => number | undefined) => bySide(scenario, (side) => round4(value(side) ?? 0));
  return {
    scenario: scenario.id,
    seed: state.seed,
    settings: state.settings,
    outcome: outcome?.kind ?? 'unfinished',
    reason: outcome?.reason ?? '',
    rounds: state.round,
    turns: state.turn,
    escalation: { rung: state.rung, name: scenario.ladder.rungs[state.rung]?.name ?? '', tension: round4(state.tension) },
    utilities: perParty((side) => outcome?.utilities[side]),
    scores: perParty((side) => outcome?.scores[side]),
    support: perParty((side) => state.support[side]),
    agenda: state.agenda.on,
    deal: outcome?.deal ? dealTerms(spaceOf(scenario), outcome.deal) : null,
    checksum,
  };
}

/**
 * Editors find a scenario's JSON Schema through the `# yaml-language-server: $schema=…` comment or the
 * `$schema` key, relative to the file. A copy made outside scenarios/ keeps a reference that no longer
 * resolves: say so, and how to write a schema next to it. A URL is left alone.
 */
function schemaReferenceWarnings(file: string, text: string, scenario: Scenario): string[] {
  const modeline = /^#\s*yaml-language-server:\s*\$schema=(\S+)/m.exec(text)?.[1];
  const references = [modeline, scenario.$schema].filter((r): r is string => typeof r === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(r));
  return [...new Set(references)]
    .filter((ref) => !existsSync(resolve(dirname(file), ref)))
    .map(
      (ref) =>
        `${file}: the schema "${ref}" it names is not there, so editors cannot check it; write one with: npx backchannel schema --out ${join(dirname(file), ref)}`,
    );
}

function cmdValidate(files: string[]): void {
  if (files.length === 0) fail('validate needs at least one file');
  const errors: string[] = [];
  for (const file of files) {
    try {
      const wrongType = scenarioTypeProblem(file);
      if (wrongType) throw new CliError([wrongType]);
      const text = readText(file);
      const { scenario, migrated, warnings } = loadScenarioFile(file);
      console.log(scenarioOkLine(scenario, file));
      for (const warning of schemaReferenceWarnings(file, text, scenario)) console.error(`warning: ${warning}`);
      for (const warning of migrationWarnings(file, migrated)) console.error(`warning: ${warning}`);
      for (const warning of warnings) console.error(`warning: ${warning}`);
    } catch (err) {
      if (err instanceof CliError) errors.push(...err.lines);
      else throw err;
    }
  }
  if (errors.length) fail(...errors);
}

/** An old-format file is read through a migration: say so, how to write the new form, and what it could not supply. */
function migrationWarnings(file: string, migrated: Loaded['migrated']): string[] {
  if (!migrated) return [];
  return [
    `${file}: written in scenario format ${migrated.from} (this build writes ${SCENARIO_FORMAT_VERSION}) and read by migrating it; write the new form with: npx backchannel scenario migrate ${file} --out ${file}`,
    ...migrated.notes.map((note) => `${file}: ${note}`),
  ];
}

function cmdPlay(flags: Flags, aliases: readonly PartyAlias[], spec: CommandSpec): void {
  const { scenario, sha256 } = resolveScenario(flags.scenario);
  const settings = settingsFrom(scenario, flags, aliases, spec);
  // Without --seed a fresh one is drawn; it is printed with the result, so the game can be played again.
  const seed = seedFrom(flags, `cli-${randomBytes(4).toString('hex')}`);
  const played = playGame(scenario, seed, settings, { checksums: true });
  const replay = makeReplay({
    scenario,
    scenarioHash: sha256,
    seed,
    settings,
    log: played.log,
    checksums: played.checksums,
    finalState: played.state,
  });
  const out = flags['replay-out'];
  if (typeof out === 'string') writeOut(out, replayToText(replay));
  const game = summary(scenario, played.state, replay.final);
  if (flags.json) {
    console.log(JSON.stringify(game));
    return;
  }
  const a = analyseGame(scenario, played.state);
  const each = (values: Record<Side, number>) =>
    sidesOf(scenario)
      .map((side) => `${partyName(scenario, side)} ${values[side]}`)
      .join(', ');
  console.log(`${scenario.title} — seed "${seed}", ${players(scenario, settings)}`);
  console.log(`outcome: ${game.outcome} after ${game.rounds} round(s): ${game.reason}`);
  console.log(`escalation: rung ${game.escalation.rung} (${game.escalation.name}), tension ${game.escalation.tension}`);
  console.log(`utilities: ${each(game.utilities)}; scores: ${each(game.scores)}`);
  if (game.deal)
    console.log(
      `deal: ${Object.entries(game.deal)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}`,
    );
  if (a.deal)
    console.log(
      `deal is ${a.deal.toFrontier.toFixed(3)} from the Pareto frontier and ${a.deal.toNash?.toFixed(3) ?? 'n/a'} from the Nash point`,
    );
  console.log(`checksum: ${game.checksum}`);
}

/** Who played: `A ai:linear vs B random`, by the scenario's short names. */
function players(scenario: Scenario, settings: Settings): string {
  return sidesOf(scenario)
    .map((side) => `${partyName(scenario, side)} ${controllerOf(settings, side)}`)
    .join(' vs ');
}

function cmdBatch(flags: Flags, aliases: readonly PartyAlias[], spec: CommandSpec): void {
  const { scenario } = resolveScenario(flags.scenario);
  const settings = settingsFrom(scenario, flags, aliases, spec);
  const prefix = seedFrom(flags, 'batch');
  const gamesRaw = flags.games === undefined ? '1000' : flags.games;
  const games = typeof gamesRaw === 'string' && /^\d+$/.test(gamesRaw) ? Number(gamesRaw) : NaN;
  if (!Number.isInteger(games) || games < 1 || games > 10_000_000)
    fail(`--games must be a whole number from 1 to 10000000, got "${String(gamesRaw)}"`);
  const counts: Record<string, number> = {};
  let rounds = 0;
  const sides = sidesOf(scenario);
  const utilitySum = bySide(scenario, () => 0);
  const scoreSum = bySide(scenario, () => 0);
  const start = performance.now();
  for (let i = 0; i < games; i++) {
    const { state } = playGame(scenario, `${prefix}-${i}`, settings);
    const kind = state.outcome?.kind ?? 'unfinished';
    counts[kind] = (counts[kind] ?? 0) + 1;
    rounds += state.round;
    for (const side of sides) {
      utilitySum[side]! += state.outcome?.utilities[side] ?? 0;
      scoreSum[side]! += state.outcome?.scores[side] ?? 0;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const rate = (k: string) => round4((counts[k] ?? 0) / games);
  const out = {
    scenario: scenario.id,
    settings,
    seed: prefix,
    games,
    agreementRate: round4(((counts['comprehensive-deal'] ?? 0) + (counts['interim-deal'] ?? 0)) / games),
    conflictRate: rate('conflict'),
    walkoutRate: rate('walkout'),
    noDealRate: rate('no-deal'),
    recallRate: rate('recall'),
    outcomes: counts,
    meanRounds: round4(rounds / games),
    meanUtility: bySide(scenario, (side) => round4(utilitySum[side]! / games)),
    meanScore: bySide(scenario, (side) => round4(scoreSum[side]! / games)),
    seconds: round4(seconds),
    gamesPerSecond: Math.round(games / seconds),
  };
  if (flags.json) console.log(JSON.stringify(out));
  else {
    const each = (values: Record<Side, number>) => sides.map((side) => `${partyName(scenario, side)} ${values[side]}`).join(', ');
    console.log(`${games} games of ${scenario.id}, ${players(scenario, settings)}`);
    console.log(
      `agreement ${(out.agreementRate * 100).toFixed(1)}% · conflict ${(out.conflictRate * 100).toFixed(1)}% · walkout ${(out.walkoutRate * 100).toFixed(1)}% · no deal ${(out.noDealRate * 100).toFixed(1)}% · recall ${(out.recallRate * 100).toFixed(1)}%`,
    );
    console.log(`mean rounds ${out.meanRounds}; mean utility ${each(out.meanUtility)}; mean score ${each(out.meanScore)}`);
    console.log(`${out.gamesPerSecond} games/s`);
  }
}

/**
 * Reads and checks a replay file: a byte order mark is dropped, nesting and every value are checked
 * (core/replay.ts) before anything walks it. The scenario is `--scenario` (a path or an id), else the
 * id the replay names, in scenarios/.
 */
export function loadReplayFile(file: string, scenarioRef: Values[string]) {
  const parsed = parseJsonText(readText(file, 'replay'));
  if (!parsed.ok) return fail(`${file}: ${parsed.error}`);
  const read = readReplay(parsed.value);
  if (!read.ok) return fail(`${file}: ${read.error}`);
  const loaded = scenarioRef === undefined ? scenarioById(read.replay.scenario.id) : resolveScenario(scenarioRef);
  return { replay: read.replay, scenario: loaded.scenario, sha256: loaded.sha256, source: loaded.source };
}

/** `--lang`: the language of the transcript; English when not given. */
function languageFrom(flags: Flags): Lang {
  const lang = flags.lang;
  if (lang === undefined) return 'en';
  if (isLang(lang)) return lang;
  return fail(`unknown language ${quote(String(lang))}: choose ${LANGS.join(' or ')}`, 'see: backchannel replay --help');
}

/**
 * Shows `lang` from now on: its catalogue, and the scenario's texts in it (a text the scenario lacks in
 * that language stays in the scenario's first). The rules keep playing the scenario as it is.
 */
function showIn(lang: Lang, scenario: Scenario, source: ScenarioSource): void {
  if (lang === 'en') return;
  addScenarioTexts(scenario.id, lang, localiseScenario(source, lang) as Scenario);
  useLanguage(lang, fa);
}

/** verify, or show: both check the whole replay first; show prints its transcript only when it verifies. */
function cmdReplay(sub: string, file: string, flags: Flags): void {
  const lang = languageFrom(flags);
  if (lang !== 'en' && sub !== 'show') fail(`--lang is for replay show: verify prints no transcript`, 'see: backchannel replay --help');
  try {
    const { replay, scenario, sha256, source } = loadReplayFile(file, flags.scenario);
    const result = verifyReplay(scenario, sha256, replay);
    if (!result.ok) fail(`${file}: ${result.error}`);
    if (!result.ok) return;
    if (sub === 'show') showIn(lang, scenario, source);
    const out = sub === 'verify' ? `ok: ${result.turns} turns, checksum ${result.checksum}` : transcript(scenario, replay, result.state);
    console.log(out);
  } catch (err) {
    if (err instanceof CliError) throw err;
    fail(`${file}: could not be checked: ${cutMessage(err instanceof Error ? err.message : String(err))}`);
  }
}

/** Writes a file the user asked for, or says in one line why it cannot. */
function writeOut(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such folder'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'is a folder'
            : (code ?? 'cannot write');
    fail(`${file}: cannot write the file: ${why}`);
  }
}

/**
 * `scenario migrate <file> [--out <file>]`: the file, read in any older format, written in the current
 * one (YAML or JSON by the output's name; comments are not kept, the editor's schema line is), after
 * checking that the result loads as it is, with no migration. What the migration could not supply
 * goes to stderr, for the author to add.
 */
function cmdScenarioMigrate(file: string, flags: Flags): void {
  const wrongType = scenarioTypeProblem(file);
  if (wrongType) fail(wrongType);
  const text = readText(file).replace(/^\uFEFF/, '');
  const loaded = loadScenarioText(text, file);
  if (!loaded.ok) throw new CliError(loaded.errors);
  const out = typeof flags.out === 'string' ? flags.out : null;
  const format = out === null ? formatOf(file) : formatOf(out);
  if (format === null) throw new CliError([`${out}: unknown file type for the migrated scenario (use .json, .yaml or .yml)`]);
  // Read as the loader reads it (it has just done so, and refused anything it would not).
  const raw: unknown = formatOf(file) === 'json' ? JSON.parse(text) : parseDocument(text, { uniqueKeys: true }).toJS({ maxAliasCount: 50 });
  const migration = migrateScenario(raw);
  const modeline = /^#\s*yaml-language-server:\s*\$schema=\S+/m.exec(text)?.[0];
  const written =
    format === 'json'
      ? `${JSON.stringify(migration.value, null, 2)}\n`
      : `${modeline ? `${modeline}\n` : ''}${stringifyYaml(migration.value, { lineWidth: 100 })}`;
  const name = out ?? `${file} (migrated)`;
  const check = loadScenarioText(written, name, format);
  if (!check.ok) throw new CliError([`${file}: the migrated scenario does not load:`, ...check.errors]);
  if (migratedOf(check) || check.sha256 !== loaded.sha256)
    fail(`${file}: the migrated scenario does not read back as the original did (a bug in the migration: please report it)`);
  if (out === null) process.stdout.write(written);
  else writeOut(out, written);
  const migrated = migratedOf(loaded);
  if (!migrated) console.error(`note: ${file} is already in scenario format ${SCENARIO_FORMAT_VERSION}: nothing to migrate`);
  else {
    console.error(
      `${file}: migrated from scenario format ${migrated.from} to ${SCENARIO_FORMAT_VERSION}${out ? `, written to ${out}` : ''}`,
    );
    for (const note of migrated.notes) console.error(`note: ${note}`);
  }
}

function cmdSchema(flags: Flags): void {
  const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
  if (typeof flags.out === 'string') {
    writeOut(flags.out, text);
    console.log(`wrote ${flags.out}`);
  } else process.stdout.write(text);
}

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

const versionLine = () => `backchannel ${version()} (rules version ${RULES_VERSION}, replay format ${REPLAY_FORMAT_VERSION})`;

function run(spec: CommandSpec, args: string[]): void {
  const { values, positionals, aliases } = parseCommand(spec, args);
  if (values.help) {
    console.log(commandHelp(spec));
    return;
  }
  const [fewest, most] = spec.positionals;
  const see = `see: backchannel ${spec.name} --help`;
  const subs = spec.subcommands;
  if (subs) {
    const sub = positionals[0];
    const choices = subs.length === 1 ? `${subs[0]}` : `${subs.slice(0, -1).join(', ')} or ${subs.at(-1)}`;
    if (sub === undefined) fail(`${spec.name} needs a command: ${choices}`, see);
    if (!subs.includes(sub as string)) {
      const suggestion = didYouMean(sub as string, subs);
      fail(
        `unknown ${spec.name} command ${quote(sub as string)}${suggestion ? `; did you mean "${suggestion}"?` : `: use ${choices}`}`,
        see,
      );
    }
  }
  const what = subs ? `${spec.name} ${positionals[0]}` : spec.name;
  if (positionals.length < fewest) fail(`${what} needs ${most === Number.POSITIVE_INFINITY ? 'at least one file' : 'a file'}`, see);
  if (positionals.length > most)
    fail(`${what} takes ${most === 0 ? 'no arguments' : 'one file'}: ${quote(positionals[most] ?? '')} is one too many`, see);
  const commands: Record<string, () => void> = {
    validate: () => cmdValidate(positionals),
    play: () => cmdPlay(values, aliases, spec),
    batch: () => cmdBatch(values, aliases, spec),
    replay: () => cmdReplay(positionals[0] as string, positionals[1] as string, values),
    scenario: () => cmdScenarioMigrate(positionals[1] as string, values),
    schema: () => cmdSchema(values),
  };
  commands[spec.name]?.();
}

export function main(argv: string[]): number {
  const [command, ...args] = argv;
  try {
    if (command === '--version' || command === '-V') {
      console.log(versionLine());
      return 0;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      const about = args[0] === undefined ? undefined : COMMANDS.find((c) => c.name === args[0]);
      if (args[0] !== undefined && !about) return main([args[0], '--help']);
      console.log(about ? commandHelp(about) : globalHelp(version()));
      return 0;
    }
    if (command === undefined) {
      console.error(globalHelp(version()));
      return 1;
    }
    const spec = COMMANDS.find((c) => c.name === command);
    if (!spec) {
      const names = COMMANDS.map((c) => c.name);
      if (command.startsWith('-'))
        fail(`${quote(command)} goes after a command: backchannel <command> ${command}`, 'see: backchannel --help');
      const suggestion = didYouMean(command, names);
      fail(
        `unknown command ${quote(command)}${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
        `commands: ${names.join(', ')} (see: backchannel --help)`,
      );
    }
    run(spec as CommandSpec, args);
    return 0;
  } catch (err) {
    if (err instanceof CliError) {
      for (const line of err.lines) console.error(line.startsWith('see:') || line.startsWith('commands:') ? line : `error: ${line}`);
      return 1;
    }
    console.error(`error: ${cutMessage(err instanceof Error ? err.message : String(err))}`);
    return 1;
  }
}
