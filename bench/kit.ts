// What the online benches share (bench/server.ts, bench/class.ts): percentiles, a bounded pool for
// set-up, the server's token bucket mirrored on the client side, the simple player, and writing and
// printing the results.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { agendaMask, idealPackage, packageToTerms, spaceOf } from '../src/core/negotiation/space';
import { concedableIssues } from '../src/core/rules';
import type { Scenario } from '../src/core/scenario/schema';
import type { Action, GameState, Side } from '../src/core/types';
import { MESSAGES_PER_SECOND, type TableUpdate } from '../src/server/protocol';

const ROOT = join(import.meta.dirname, '..');

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
export const round1 = (x: number) => Math.round(x * 10) / 10;
export const round2 = (x: number) => Math.round(x * 100) / 100;
export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] as number;
}

export function latencySummary(samples: readonly number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => {
    const v = quantile(s, q);
    return v === null ? null : round2(v);
  };
  return { samples: s.length, p50: at(0.5), p99: at(0.99), max: at(1), min: at(0) };
}

/** Runs `fn(0..n-1)`, `concurrency` at a time, until `deadline`; failures are collected, not thrown. */
export async function pool(n: number, concurrency: number, deadline: number, fn: (i: number) => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      if (performance.now() > deadline) {
        errors.push('set-up time ran out');
        continue;
      }
      try {
        await fn(i);
      } catch (e) {
        errors.push(errorText(e));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
  return errors;
}

/** The server's token bucket, mirrored: a seat waits rather than send a message the server would refuse. */
export interface Bucket {
  tokens: number;
  refilled: number;
  timer: ReturnType<typeof setTimeout> | null;
}
export const newBucket = (): Bucket => ({ tokens: MESSAGES_PER_SECOND * 2, refilled: Date.now(), timer: null });
/** 0 when a message may go now (and takes its token), otherwise the milliseconds to wait. */
export function takeToken(b: Bucket): number {
  const now = Date.now();
  b.tokens = Math.min(MESSAGES_PER_SECOND * 2, b.tokens + ((now - b.refilled) / 1000) * MESSAGES_PER_SECOND);
  b.refilled = now;
  // A small margin: the server refills on receipt, a little later than the send.
  if (b.tokens >= 1.05) {
    b.tokens -= 1;
    return 0;
  }
  return Math.ceil(((1.05 - b.tokens) / MESSAGES_PER_SECOND) * 1000) + 1;
}

/** The simple player: settle the agenda, then accept near the deadline, concede, or propose one's ideal. */
export function chooseMove(scenario: Scenario, update: TableUpdate, attempt: number): Action {
  const v = update.view;
  const legal = new Set(update.legal);
  const side = v.viewer as Side;
  const options: Action[] = [];
  if (v.phase === 'agenda') {
    if (legal.has('accept-agenda')) options.push({ type: 'accept-agenda' });
    options.push({ type: 'propose-agenda', issues: [...scenario.agenda.contested] });
    if (legal.has('force-agenda')) options.push({ type: 'force-agenda' });
  } else {
    const space = spaceOf(scenario);
    const mask = agendaMask(space, v.agenda.on);
    if (legal.has('accept') && v.round >= v.deadline - 1) options.push({ type: 'accept' });
    const concedable = legal.has('concede') ? concedableIssues(scenario, v as unknown as GameState, side) : [];
    if (concedable[0]) options.push({ type: 'concede', issue: concedable[0] });
    options.push({ type: 'propose', terms: packageToTerms(space, idealPackage(space, side, mask), mask) });
    if (legal.has('accept')) options.push({ type: 'accept' });
  }
  options.push({ type: 'walkout' });
  return options[Math.min(attempt, options.length - 1)] as Action;
}

/** Writes a result under bench/results/ (`<name>-<date>.json`) and returns the path. */
export function saveResult(name: string, result: object): string {
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/** Rows as aligned columns, the first row a heading underlined with dashes. */
export function textTable(rows: readonly (readonly string[])[]): string[] {
  const head = rows[0] ?? [];
  const widths = head.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const lines = rows.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return lines;
}
