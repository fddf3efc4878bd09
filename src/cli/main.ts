// `npx backchannel validate|play|batch|replay verify|replay show` (DESIGN.md §5).
// Every problem is one line on stderr and exit code 1; never a stack trace.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseGame } from '../core/analysis';
import { dealTerms, spaceOf } from '../core/negotiation/space';
import { controllerError, playGame } from '../core/play';
import { makeReplay, readReplay, replayToText, verifyReplay } from '../core/replay';
import { normaliseSeed } from '../core/rng';
import { loadScenarioText, scenarioOkLine, scenarioSizeProblem, scenarioTypeProblem } from '../core/scenario/loader';
import type { Scenario } from '../core/scenario/schema';
import type { Controller, GameState, Settings } from '../core/types';
import { transcript } from './transcript';

const ROOT = process.env.BACKCHANNEL_ROOT ?? resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCENARIO_DIR = join(ROOT, 'scenarios');

class CliError extends Error {
  constructor(public readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

const fail = (...lines: string[]): never => {
  throw new CliError(lines);
};

const USAGE = `usage: backchannel <command>
  validate <file>…                         check scenario files (JSON or YAML)
  play --scenario <file|id> --seed <s> --us <policy> --iran <policy> [--difficulty <id>] [--json] [--replay-out <file>]
  batch --scenario <file|id> --games <n> --seed <prefix> --us <policy> --iran <policy> [--json]
  replay verify <file> [--scenario <file|id>]  re-play a replay and check its checksums
  replay show <file> [--scenario <file|id>]    print a readable transcript
  (a replay names its scenario by id, found in scenarios/; --scenario gives a scenario file instead)
policies: ai:<personality> (hardliner, boulware, linear, conceder, tit-for-tat) or random`;

type Flags = Record<string, string | true>;

function parseFlags(args: string[]): { flags: Flags; rest: string[] } {
  const flags: Flags = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a.startsWith('--')) {
      const [key, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (inline !== undefined) flags[key] = inline;
      else if (args[i + 1] !== undefined && !(args[i + 1] as string).startsWith('--')) flags[key] = args[++i] as string;
      else flags[key] = true;
    } else rest.push(a);
  }
  return { flags, rest };
}

function readText(file: string): string {
  if (!existsSync(file)) fail(`${file}: file not found`);
  const stat = statSync(file);
  if (!stat.isFile()) fail(`${file}: not a file`);
  const tooLarge = scenarioSizeProblem(file, stat.size);
  if (tooLarge) fail(tooLarge);
  return readFileSync(file, 'utf8');
}

interface Loaded {
  scenario: Scenario;
  sha256: string;
}

function loadScenarioFile(file: string): Loaded {
  const result = loadScenarioText(readText(file), file);
  if (!result.ok) fail(...result.errors);
  return result as Loaded;
}

/** A scenario given as a path, or as an id found in scenarios/. */
function resolveScenario(ref: string | true | undefined): Loaded {
  const name = typeof ref === 'string' ? ref : 'muscat-2026';
  if (existsSync(name)) return loadScenarioFile(name);
  if (/^[a-z0-9_-]{1,64}$/.test(name))
    for (const ext of ['yaml', 'yml', 'json']) {
      const file = join(SCENARIO_DIR, `${name}.${ext}`);
      if (existsSync(file)) return loadScenarioFile(file);
    }
  return fail(`unknown scenario "${name}": not a file, and no scenarios/${name}.yaml or .json`);
}

function settingsFrom(scenario: Scenario, flags: Flags): Settings {
  const us = typeof flags.us === 'string' ? flags.us : `ai:${scenario.defaults.personality}`;
  const iran = typeof flags.iran === 'string' ? flags.iran : `ai:${scenario.defaults.personality}`;
  const errors = [us, iran]
    .map((p) => (p === 'human' ? `policy "human" cannot play headless` : controllerError(scenario, p)))
    .filter((e): e is string => e !== null);
  const difficulty = typeof flags.difficulty === 'string' ? flags.difficulty : scenario.defaults.difficulty;
  if (!scenario.difficulties.some((d) => d.id === difficulty))
    errors.push(`unknown difficulty "${difficulty}": choose ${scenario.difficulties.map((d) => d.id).join(', ')}`);
  if (errors.length) fail(...errors);
  return { us: us as Controller, iran: iran as Controller, difficulty };
}

function seedFrom(flags: Flags, fallback?: string): string {
  const raw = flags.seed ?? fallback;
  if (raw === undefined) return fail('--seed is required');
  if (raw === true) return fail('seed is empty');
  const seed = normaliseSeed(raw);
  if (!seed.ok) return fail(seed.error);
  return seed.seed;
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

function summary(scenario: Scenario, state: GameState, checksum: string) {
  const outcome = state.outcome;
  return {
    scenario: scenario.id,
    seed: state.seed,
    settings: state.settings,
    outcome: outcome?.kind ?? 'unfinished',
    reason: outcome?.reason ?? '',
    rounds: state.round,
    turns: state.turn,
    escalation: { rung: state.rung, name: scenario.ladder.rungs[state.rung]?.name ?? '', tension: round4(state.tension) },
    utilities: { us: round4(outcome?.utilities.us ?? 0), iran: round4(outcome?.utilities.iran ?? 0) },
    scores: { us: round4(outcome?.scores.us ?? 0), iran: round4(outcome?.scores.iran ?? 0) },
    support: { us: round4(state.support.us), iran: round4(state.support.iran) },
    agenda: state.agenda.on,
    deal: outcome?.deal ? dealTerms(spaceOf(scenario), outcome.deal) : null,
    checksum,
  };
}

function cmdValidate(files: string[]): void {
  if (files.length === 0) fail('validate needs at least one file');
  const errors: string[] = [];
  for (const file of files) {
    try {
      const wrongType = scenarioTypeProblem(file);
      if (wrongType) throw new CliError([wrongType]);
      const { scenario } = loadScenarioFile(file);
      console.log(scenarioOkLine(scenario, file));
    } catch (err) {
      if (err instanceof CliError) errors.push(...err.lines);
      else throw err;
    }
  }
  if (errors.length) fail(...errors);
}

function cmdPlay(flags: Flags): void {
  const { scenario, sha256 } = resolveScenario(flags.scenario);
  const settings = settingsFrom(scenario, flags);
  const seed = seedFrom(flags);
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
  if (typeof flags['replay-out'] === 'string') writeFileSync(flags['replay-out'], replayToText(replay));
  else if (flags['replay-out'] === true) fail('--replay-out needs a file name');
  const out = summary(scenario, played.state, replay.final);
  if (flags.json) {
    console.log(JSON.stringify(out));
    return;
  }
  const a = analyseGame(scenario, played.state);
  console.log(`${scenario.title} — seed "${seed}", US ${settings.us} vs Iran ${settings.iran}`);
  console.log(`outcome: ${out.outcome} after ${out.rounds} round(s): ${out.reason}`);
  console.log(`escalation: rung ${out.escalation.rung} (${out.escalation.name}), tension ${out.escalation.tension}`);
  console.log(`utilities: US ${out.utilities.us}, Iran ${out.utilities.iran}; scores: US ${out.scores.us}, Iran ${out.scores.iran}`);
  if (out.deal)
    console.log(
      `deal: ${Object.entries(out.deal)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}`,
    );
  if (a.deal)
    console.log(
      `deal is ${a.deal.toFrontier.toFixed(3)} from the Pareto frontier and ${a.deal.toNash?.toFixed(3) ?? 'n/a'} from the Nash point`,
    );
  console.log(`checksum: ${out.checksum}`);
}

function cmdBatch(flags: Flags): void {
  const { scenario } = resolveScenario(flags.scenario);
  const settings = settingsFrom(scenario, flags);
  const prefix = seedFrom(flags, 'batch');
  const gamesRaw = flags.games === undefined ? '1000' : flags.games;
  const games = typeof gamesRaw === 'string' && /^\d+$/.test(gamesRaw) ? Number(gamesRaw) : NaN;
  if (!Number.isInteger(games) || games < 1 || games > 10_000_000)
    fail(`--games must be a whole number from 1 to 10000000, got "${String(gamesRaw)}"`);
  const counts: Record<string, number> = {};
  let rounds = 0;
  const utilitySum = { us: 0, iran: 0 };
  const scoreSum = { us: 0, iran: 0 };
  const start = performance.now();
  for (let i = 0; i < games; i++) {
    const { state } = playGame(scenario, `${prefix}-${i}`, settings);
    const kind = state.outcome?.kind ?? 'unfinished';
    counts[kind] = (counts[kind] ?? 0) + 1;
    rounds += state.round;
    utilitySum.us += state.outcome?.utilities.us ?? 0;
    utilitySum.iran += state.outcome?.utilities.iran ?? 0;
    scoreSum.us += state.outcome?.scores.us ?? 0;
    scoreSum.iran += state.outcome?.scores.iran ?? 0;
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
    meanUtility: { us: round4(utilitySum.us / games), iran: round4(utilitySum.iran / games) },
    meanScore: { us: round4(scoreSum.us / games), iran: round4(scoreSum.iran / games) },
    seconds: round4(seconds),
    gamesPerSecond: Math.round(games / seconds),
  };
  if (flags.json) console.log(JSON.stringify(out));
  else {
    console.log(`${games} games of ${scenario.id}, US ${settings.us} vs Iran ${settings.iran}`);
    console.log(
      `agreement ${(out.agreementRate * 100).toFixed(1)}% · conflict ${(out.conflictRate * 100).toFixed(1)}% · walkout ${(out.walkoutRate * 100).toFixed(1)}% · no deal ${(out.noDealRate * 100).toFixed(1)}% · recall ${(out.recallRate * 100).toFixed(1)}%`,
    );
    console.log(`mean rounds ${out.meanRounds}; mean utility US ${out.meanUtility.us}, Iran ${out.meanUtility.iran}`);
    console.log(`${out.gamesPerSecond} games/s`);
  }
}

function loadReplayFile(file: string, scenarioRef: string | true | undefined) {
  const text = readText(file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return fail(`${file}: invalid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const read = readReplay(value);
  if (!read.ok) return fail(`${file}: ${read.error}`);
  if (scenarioRef === true) fail('--scenario needs a file name or a scenario id');
  const { scenario, sha256 } = resolveScenario(scenarioRef ?? read.replay.scenario.id);
  return { replay: read.replay, scenario, sha256 };
}

function cmdReplay(sub: string | undefined, args: string[], flags: Flags): void {
  const file = args[0];
  if (!file || (sub !== 'verify' && sub !== 'show')) fail('usage: backchannel replay verify|show <file>');
  const { replay, scenario, sha256 } = loadReplayFile(file as string, flags.scenario);
  const result = verifyReplay(scenario, sha256, replay);
  if (sub === 'verify') {
    if (!result.ok) fail(`${file}: ${result.error}`);
    if (result.ok) console.log(`ok: ${result.turns} turns, checksum ${result.checksum}`);
    return;
  }
  console.log(transcript(scenario, replay, result.ok ? result.state : null));
  if (!result.ok) fail(`${file}: ${result.error}`);
}

export function main(argv: string[]): number {
  const [command, ...args] = argv;
  try {
    const { flags, rest } = parseFlags(args);
    switch (command) {
      case 'validate':
        cmdValidate(rest);
        break;
      case 'play':
        cmdPlay(flags);
        break;
      case 'batch':
        cmdBatch(flags);
        break;
      case 'replay':
        cmdReplay(rest[0], rest.slice(1), flags);
        break;
      case undefined:
      case 'help':
      case '--help':
        console.log(USAGE);
        return command === undefined ? 1 : 0;
      default:
        fail(`unknown command "${command}"`, USAGE);
    }
    return 0;
  } catch (err) {
    if (err instanceof CliError) {
      for (const line of err.lines) console.error(line.startsWith('error') || line.startsWith('usage') ? line : `error: ${line}`);
      return 1;
    }
    console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
