// The command line's grammar: each command's options, parsed with node:util's parseArgs in strict
// mode, and the help texts written from the same table. A refused argument is named with the closest
// valid spelling, so `--dificulty` is an error that says "did you mean --difficulty?".
import { parseArgs } from 'node:util';
import { closest, distance } from 'fastest-levenshtein';
import { PARTY_ID_PATTERN } from '../core/scenario/constants';

export class CliError extends Error {
  constructor(public readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

export const fail = (...lines: string[]): never => {
  throw new CliError(lines);
};

interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's name in the help text (string options). */
  value?: string;
  /** May be given more than once (its value is then the list of them). */
  multiple?: boolean;
  help: string;
}

export interface CommandSpec {
  name: string;
  /** What follows the command name in its usage line. */
  usage: string;
  summary: string;
  /** Positional arguments: [fewest, most]. */
  positionals: [number, number];
  options: Record<string, OptionSpec>;
  /** Extra lines at the end of the command's help. */
  notes?: string[];
  /**
   * `--<party> <policy>` is accepted as `--side <party>=<policy>`: any option that is not the
   * command's own, named like a party id, is kept aside (Parsed.aliases) until the scenario says
   * whether it has such a party.
   */
  partyAliases?: boolean;
  /** Subcommands (the first positional): replay's verify and show, scenario's migrate. */
  subcommands?: readonly string[];
}

/** The scenario used when a command is given none: bin/backchannel.mjs names it (the code names no scenario). */
export const defaultScenarioId = (): string | undefined => process.env.BACKCHANNEL_DEFAULT_SCENARIO || undefined;

const HELP: OptionSpec = { type: 'boolean', short: 'h', help: 'show this help' };
const SCENARIO: OptionSpec = {
  type: 'string',
  value: 'file|id',
  help: `a scenario file (a path: with a / or ending .yaml, .yml or .json), or the id of one in scenarios/ (default ${defaultScenarioId() ?? 'none: give one'})`,
};
const JSON_OUT: OptionSpec = { type: 'boolean', help: 'print one JSON object instead of text' };
const SIDE: OptionSpec = {
  type: 'string',
  value: 'party>=<policy',
  multiple: true,
  help: "who plays a seat, named by the scenario's party id: ai:<personality>, script:<name> or random; once per seat (default: the scenario's default personality)",
};
const DIFFICULTY: OptionSpec = { type: 'string', value: 'id', help: "the scenario's difficulty (easy, normal, hard)" };
/** Who plays, at what difficulty, and how to print it: play and batch share these. */
const PLAYERS = { side: SIDE, difficulty: DIFFICULTY, json: JSON_OUT };
/** The help's row for the `--<party> <policy>` shorthand (CommandSpec.partyAliases). */
export const PARTY_ALIAS_ROW = [
  '    --<party> <policy>',
  'the same as --side <party>=<policy>, for a party id that is not an option of its own',
] as const;
const PARTIES_NOTE =
  "seats: each is named by its party's id in the scenario (a wrong id is refused with the list of them), e.g. --side <id>=ai:linear";
const POLICIES =
  'policies: ai:<personality> (hardliner, boulware, linear, conceder, tit-for-tat), random, or script:<name> (always-threat, always-conciliatory, concede-every-round, hold-then-accept, reference)';

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'validate',
    usage: '<file>…',
    summary: 'check scenario files (JSON or YAML)',
    positionals: [1, Number.POSITIVE_INFINITY],
    options: { help: HELP },
    notes: ['Prints "ok: <id> …" per good file; one line per problem (with line and column, or the schema path) and exit 1 otherwise.'],
  },
  {
    name: 'play',
    usage: '[--seed <s>] [options]',
    summary: 'play one game headless',
    positionals: [0, 0],
    options: {
      scenario: SCENARIO,
      seed: {
        type: 'string',
        value: 's',
        help: 'the seed: the same seed and policies give the same game (default: a fresh one, printed with the result)',
      },
      ...PLAYERS,
      'replay-out': { type: 'string', value: 'file', help: 'write the replay file there' },
      help: HELP,
    },
    notes: [POLICIES, PARTIES_NOTE],
    partyAliases: true,
  },
  {
    name: 'batch',
    usage: '[options]',
    summary: 'play many games and print outcome rates and means',
    positionals: [0, 0],
    options: {
      scenario: SCENARIO,
      games: { type: 'string', value: 'n', help: 'how many games (default 1000)' },
      seed: { type: 'string', value: 'prefix', help: 'game i plays the seed <prefix>-i (default "batch")' },
      ...PLAYERS,
      help: HELP,
    },
    notes: [POLICIES, PARTIES_NOTE],
    partyAliases: true,
  },
  {
    name: 'replay',
    usage: 'verify|show <file> [--scenario <file|id>] [--lang en|fa]',
    summary: 're-play a replay file: verify its checksums, or show a readable transcript',
    positionals: [2, 2],
    options: {
      scenario: { ...SCENARIO, help: 'the scenario to check against (default: the id the replay names, in scenarios/)' },
      lang: {
        type: 'string',
        value: 'en|fa',
        help: "show's language: en (English, the default) or fa (Persian: the scenario's Persian texts where it has them)",
      },
      help: HELP,
    },
    notes: [
      'verify prints "ok: <turns> turns, checksum <hex>", or names the first turn that differs and exits 1.',
      'show prints the transcript: every move, event and escalation draw with its cause, then the outcome.',
    ],
    subcommands: ['verify', 'show'],
  },
  {
    name: 'scenario',
    usage: 'migrate <file> [--out <file>]',
    summary: 'bring a scenario file written in an older format to the current one',
    positionals: [2, 2],
    options: {
      out: {
        type: 'string',
        value: 'file',
        help: 'write the migrated scenario there (YAML for .yaml or .yml, JSON for .json) instead of printing it',
      },
      help: HELP,
    },
    notes: [
      'migrate reads the file in any older format, checks the result against the current one, writes it (comments are not kept)',
      'and prints on stderr what the migration could not supply (e.g. map coordinates), for you to add by hand.',
    ],
    subcommands: ['migrate'],
  },
  {
    name: 'schema',
    usage: '[--out <file>]',
    summary: "print the scenario format's JSON Schema (for editors)",
    positionals: [0, 0],
    options: { out: { type: 'string', value: 'file', help: 'write it to a file instead of printing it' }, help: HELP },
    notes: ['Put "# yaml-language-server: $schema=<path to the schema>" at the top of a scenario file for completion in editors.'],
  },
];

/** A suggestion when a name is close enough to a valid one to be a slip of the keyboard. */
export function didYouMean(given: string, valid: readonly string[]): string | null {
  if (valid.length === 0) return null;
  const best = closest(given, valid as string[]);
  return distance(given, best) <= Math.max(2, Math.floor(best.length / 3)) ? best : null;
}

const flag = (name: string) => (name.length === 1 ? `-${name}` : `--${name}`);

/** Cuts what a user typed to a length that fits on a line. */
export const quote = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}…` : text);

export function globalHelp(version: string): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `backchannel ${version}: play, batch and check Backchannel games headless`,
    '',
    'usage: backchannel <command> [options]',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'options:',
    '  -h, --help     show help (also: backchannel <command> --help)',
    '  -V, --version  print the version',
  ].join('\n');
}

export function commandHelp(spec: CommandSpec): string {
  const rows: (readonly [string, string])[] = Object.entries(spec.options).map(([name, o]) => {
    const names = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` <${o.value ?? 'value'}>` : ''}`;
    return [names, o.help] as const;
  });
  if (spec.partyAliases) rows.splice(rows.findIndex(([n]) => n.includes('--side')) + 1, 0, PARTY_ALIAS_ROW);
  const width = Math.max(...rows.map(([n]) => n.length));
  return [
    `usage: backchannel ${spec.name} ${spec.usage}`,
    '',
    `${spec.summary[0]?.toUpperCase()}${spec.summary.slice(1)}.`,
    '',
    'options:',
    ...rows.map(([n, h]) => `  ${n.padEnd(width)}  ${h}`),
    ...(spec.notes ? ['', ...spec.notes] : []),
  ].join('\n');
}

export type Values = Record<string, string | boolean | string[] | undefined>;

/** A `--<party> <policy>` the command did not know, kept for the scenario to recognise (CommandSpec.partyAliases). */
export interface PartyAlias {
  /** The party id it names, and how it was typed (`--us`). */
  name: string;
  rawName: string;
  value: string;
}

export interface Parsed {
  values: Values;
  positionals: string[];
  aliases: PartyAlias[];
}

/**
 * Parses a command's arguments strictly. When parseArgs refuses them, a lenient second pass over
 * the same arguments finds the culprit, so the message can name it and suggest the closest option.
 */
export function parseCommand(spec: CommandSpec, given: string[]): Parsed {
  const options = optionsOf(spec);
  const { args, aliases } = spec.partyAliases ? takePartyAliases(spec, given) : { args: given, aliases: [] };
  let parsed: Parsed;
  try {
    const { values, positionals } = parseArgs({ args, options, strict: true, allowPositionals: spec.positionals[1] > 0 });
    parsed = { values: values as Values, positionals, aliases };
  } catch (err) {
    return fail(...explain(spec, args, err));
  }
  if (parsed.values.help) return parsed;
  const repeated = repeatedOption(spec, args);
  if (repeated) fail(`${flag(repeated)} is given more than once (${spec.name})`);
  return parsed;
}

/**
 * Takes out of the arguments each `--name <value>` or `--name=<value>` whose name is not one of the
 * command's options but could be a party id: the scenario, once read, decides (main.ts). Anything
 * else stays for parseArgs to parse or refuse.
 */
function takePartyAliases(spec: CommandSpec, args: string[]): { args: string[]; aliases: PartyAlias[] } {
  const rest: string[] = [];
  const aliases: PartyAlias[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    const m = /^--([^=]+)(=(.*))?$/s.exec(arg);
    const name = m?.[1];
    const known = name !== undefined ? spec.options[name] : undefined;
    if (m && name !== undefined && !known && PARTY_ID_PATTERN.test(name)) {
      const next = args[i + 1];
      if (m[2] !== undefined) {
        aliases.push({ name, rawName: `--${name}`, value: m[3] ?? '' });
        continue;
      }
      if (next !== undefined && !next.startsWith('-')) {
        aliases.push({ name, rawName: `--${name}`, value: next });
        i++;
        continue;
      }
    }
    rest.push(arg);
    // A string option's value is never taken for an option of its own.
    if (known?.type === 'string' && m?.[2] === undefined && i + 1 < args.length) rest.push(args[++i] as string);
  }
  return { args: rest, aliases };
}

/** The lines refusing an option the command does not have, with the closest one or the command it belongs to. */
export function unknownOption(spec: CommandSpec, name: string, rawName: string): string[] {
  const see = `see: backchannel ${spec.name} --help`;
  const suggestion = didYouMean(name, Object.keys(spec.options));
  const elsewhere = COMMANDS.filter((c) => c !== spec && c.options[name]).map((c) => c.name);
  const hint = suggestion ? `; did you mean --${suggestion}?` : elsewhere.length ? ` (it belongs to ${elsewhere.join(' and ')})` : '';
  return [`unknown option ${quote(rawName)} for ${spec.name}${hint}`, see];
}

function repeatedOption(spec: CommandSpec, args: string[]): string | null {
  const { tokens } = parseArgs({ args, options: optionsOf(spec), strict: false, allowPositionals: true, tokens: true });
  const seen = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== 'option' || spec.options[t.name]?.multiple) continue;
    if (seen.has(t.name)) return t.name;
    seen.add(t.name);
  }
  return null;
}

/** The options in parseArgs' own shape. */
function optionsOf(spec: CommandSpec) {
  return Object.fromEntries(
    Object.entries(spec.options).map(([name, o]) => [
      name,
      { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) },
    ]),
  );
}

function explain(spec: CommandSpec, args: string[], err: unknown): string[] {
  const see = `see: backchannel ${spec.name} --help`;
  const { tokens } = parseArgs({ args, options: optionsOf(spec), strict: false, allowPositionals: true, tokens: true });
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const o = spec.options[t.name];
    if (!o) return unknownOption(spec, t.name, t.rawName);
    if (o.type === 'string' && (t.value === undefined || (t.inlineValue === false && t.value.startsWith('-'))))
      return [`${t.rawName} needs a value (${o.value ?? 'value'}); a value that starts with "-" is given as ${t.rawName}=<value>`, see];
    if (o.type === 'boolean' && t.inlineValue) return [`${t.rawName} takes no value`, see];
  }
  const extra = tokens.find((t) => t.kind === 'positional');
  if (extra && extra.kind === 'positional') return [`${spec.name} takes no arguments: ${quote(extra.value)} is one too many`, see];
  const code = (err as { code?: string }).code ?? 'ERR';
  return [`${spec.name}: ${err instanceof Error ? err.message.split('\n')[0] : code}`, see];
}
