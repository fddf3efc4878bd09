// `npm run bench`: prints one JSON object. Every figure is a median of several runs and, where the
// issue asks for it, a ratio against a floor or baseline measured side by side in the same run.
//   engine:  `backchannel batch` games per second (pinned to one core when taskset exists), AI reply
//            time per move, `replay verify` time per game, AI time per move as the outcome space grows
//   browser: load to first interactive frame, bundle gzip, table-screen frame times, heap over 20 games,
//            each against a bare Phaser 4 page (bench/baseline) built and served the same way
// `npm run bench -- --engine` or `-- --browser` runs one half. BENCH_RUNS sets the repetitions (default 5).
// `npm run bench -- --strategies` instead plays the balance table (bench/strategies.ts; STRATEGY_GAMES
// games a cell, default 2,000) and prints its JSON, then the table.
// `npm run bench -- --server` instead loads the online tables (bench/server.ts; SERVER_TABLES=10,100
// sets the table counts, default 10,100,500) against a bare Colyseus echo room, prints its JSON, then
// the table, and writes the JSON to bench/results/server-<date>.json.
// `npm run bench -- --class` instead runs live classes (bench/class.ts: one class of 40 tables, then 10
// at once, on one server process and on two sharing Redis; CLASS_COUNTS, CLASS_SETUPS, CLASS_SECONDS,
// CLASS_BURST_SECONDS override), prints its JSON, then the table, and writes bench/results/class-<date>.json.
// `npm run bench -- --bundle` instead builds the game and the two Phaser baselines and prints only the
// bundle sizes (with what choosing Persian adds).
// `npm run bench -- --viewer` instead opens replays of 1,500, 3,000 and 6,000 facilitator toggles in the replay
// viewer (bench/viewer.ts) and prints the medians.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { browserBench, bundleBench } from './browser';
import { classBench, classBenchConfig, classBenchTable, saveClassBench } from './class';
import { aiReplyTimes, aiScaling, loadMuscat, median, replayVerifyTimes } from './engine';
import { saveServerBench, serverBench, serverBenchTable, serverTableCounts } from './server';
import { strategiesBench, strategiesTable } from './strategies';
import { viewerBench } from './viewer';

const ROOT = join(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// Long enough that the JIT's warm-up (about the first thousand games) does not dominate the rate.
const GAMES = 20_000;
const only = process.argv.includes('--engine') ? 'engine' : process.argv.includes('--browser') ? 'browser' : 'all';

function batchOnOneCore(args: string[]): Record<string, unknown> {
  const cli = [join(ROOT, 'bin', 'backchannel.mjs'), 'batch', ...args, '--json'];
  const pinned = existsSync('/usr/bin/taskset');
  // BACKCHANNEL_DEBUG makes the launcher say whether the bundle or the tsx fallback ran.
  const options = { encoding: 'utf8', env: { ...process.env, BACKCHANNEL_DEBUG: '1' } } as const;
  const r = pinned
    ? spawnSync('/usr/bin/taskset', ['-c', String(cpus().length - 1), process.execPath, ...cli], options)
    : spawnSync(process.execPath, cli, options);
  if (r.status !== 0) throw new Error(`batch failed: ${r.stderr}`);
  const ranFrom = r.stderr.includes('running the bundle') ? 'bundle' : 'tsx';
  if (ranFrom !== 'bundle')
    throw new Error(`the CLI did not run from its bundle, so the batch would not measure the real path:\n${r.stderr}`);
  return { ...JSON.parse(r.stdout), pinned, ranFrom };
}

function engine() {
  const runs = Array.from({ length: RUNS }, () =>
    batchOnOneCore([
      '--scenario',
      'muscat-2026',
      '--games',
      String(GAMES),
      '--seed',
      'bench',
      // Both of the scenario's parties (its ids) play tit-for-tat.
      '--side',
      'us=ai:tit-for-tat',
      '--side',
      'iran=ai:tit-for-tat',
    ]),
  );
  const rates = runs.map((r) => r.gamesPerSecond as number);
  const { scenario, sha256 } = loadMuscat();
  const reply = aiReplyTimes(scenario, 300);
  const verify = replayVerifyTimes(scenario, sha256, 1000);
  const scaling = aiScaling(scenario);
  const first = scaling[0];
  const last = scaling[scaling.length - 1];
  return {
    batch: {
      scenario: 'muscat-2026',
      pairing: 'ai:tit-for-tat vs ai:tit-for-tat',
      gamesPerRun: GAMES,
      runs: RUNS,
      pinnedToOneCore: runs[0]?.pinned ?? false,
      ranFrom: runs[0]?.ranFrom,
      gamesPerSecond: { median: median(rates), runs: rates },
      target: 2000,
      meetsTarget: median(rates) >= 2000,
    },
    aiReply: {
      ...reply,
      unit: 'µs per move',
      ratioToFloor: Math.round((reply.p50 / reply.floorPerMove) * 10) / 10,
      targetP99: 5000,
      meetsTarget: reply.p99 < 5000,
    },
    replayVerify: { ...verify, targetPerGameMs: 5, targetTotalSeconds: 5, meetsTarget: verify.perGameMs < 5 && verify.totalSeconds < 5 },
    aiScaling: {
      points: scaling,
      // Growth from the smallest to the largest space, against growth in issues (10/3) and outcomes.
      timeGrowth: first && last ? Math.round((last.medianMicros / first.medianMicros) * 100) / 100 : null,
      issueGrowth: first && last ? Math.round((last.issues / first.issues) * 100) / 100 : null,
      outcomeGrowth: first && last ? last.outcomes / first.outcomes : null,
    },
  };
}

if (process.argv.includes('--strategies')) {
  const balance = strategiesBench(loadMuscat().scenario, Number(process.env.STRATEGY_GAMES ?? 2000));
  console.log(JSON.stringify({ date: new Date().toISOString(), strategies: balance }, null, 2));
  console.log(strategiesTable(balance));
  process.exit(0);
}

if (process.argv.includes('--server')) {
  const server = await serverBench(serverTableCounts());
  const out = { date: new Date().toISOString(), server };
  const file = saveServerBench(out);
  console.log(JSON.stringify(out, null, 2));
  console.log(serverBenchTable(server));
  console.log(`written to ${file}`);
  process.exit(0);
}

if (process.argv.includes('--bundle')) {
  console.log(JSON.stringify({ date: new Date().toISOString(), bundle: bundleBench() }, null, 2));
  process.exit(0);
}

if (process.argv.includes('--viewer')) {
  console.log(JSON.stringify({ date: new Date().toISOString(), viewer: await viewerBench() }, null, 2));
  process.exit(0);
}

if (process.argv.includes('--class')) {
  const classes = await classBench(classBenchConfig());
  const out = { date: new Date().toISOString(), class: classes };
  const file = saveClassBench(out);
  console.log(JSON.stringify(out, null, 2));
  console.log(classBenchTable(classes));
  console.log(`written to ${file}`);
  process.exit(0);
}

const result: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version },
  runs: RUNS,
};
if (only !== 'browser') result.engine = engine();
if (only !== 'engine') result.browser = await browserBench(RUNS);
console.log(JSON.stringify(result, null, 2));
