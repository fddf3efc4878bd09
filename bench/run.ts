// `npm run bench`: prints one JSON object of speed figures, each the median of several runs.
// Engine: `backchannel batch` on the default scenario, pinned to one core when taskset exists.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { aiReplyTimes, aiScaling, loadMuscat, replayVerifyTimes } from './engine';

const ROOT = join(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

function batchOnOneCore(args: string[]): Record<string, unknown> {
  const cli = [join(ROOT, 'bin', 'backchannel.mjs'), 'batch', ...args, '--json'];
  const pinned = existsSync('/usr/bin/taskset');
  const r = pinned
    ? spawnSync('/usr/bin/taskset', ['-c', '0', process.execPath, ...cli], { encoding: 'utf8' })
    : spawnSync(process.execPath, cli, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`batch failed: ${r.stderr}`);
  return { ...JSON.parse(r.stdout), pinned };
}

const engineRuns = Array.from({ length: RUNS }, () =>
  batchOnOneCore(['--scenario', 'muscat-2026', '--games', '2000', '--seed', 'bench', '--us', 'ai:tit-for-tat', '--iran', 'ai:tit-for-tat']),
);
const rates = engineRuns.map((r) => r.gamesPerSecond as number);
const { scenario, sha256 } = loadMuscat();
const reply = aiReplyTimes(scenario, 300);
const verify = replayVerifyTimes(scenario, sha256, 1000);
const scaling = aiScaling(scenario);

console.log(
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version },
      engine: {
        scenario: 'muscat-2026',
        pairing: 'ai:tit-for-tat vs ai:tit-for-tat',
        gamesPerRun: 2000,
        runs: RUNS,
        pinnedToOneCore: engineRuns[0]?.pinned ?? false,
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
      aiScaling: scaling,
    },
    null,
    2,
  ),
);
