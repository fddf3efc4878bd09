// A seeded fuzz of the file readers (issue 18, acceptance 2): `npx tsx bench/fuzz.ts [N] [seed]`.
// Real games made with the core (playGame, makeReplay, forkReplay, the save writer) are mutated N
// times each as replays and as saves: keys deleted, types changed, huge strings, deep nesting, a BOM,
// truncation, values swapped, big numbers, NaN-ish strings, entries duplicated, duplicate keys. Every
// file goes through the command line's own `replay verify` (in process; a sample as a child process,
// with a time budget) and through the browser's loaders (the class page's loadTable; the game page's
// openReplay and loadSave). It counts what was refused cleanly, what was accepted (and verifies), any
// stack trace (an exception out of a reader, or output with "    at ") and any hang (over the budget).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type KnownScenario, loadTable } from '../src/class/load';
import { main } from '../src/cli/main';
import { playGame } from '../src/core/play';
import { forkReplay, makeReplay, type Replay, replayToText } from '../src/core/replay';
import { type AleaState, draw, seedStream } from '../src/core/rng';
import { loadSave, SAVE_KEYS, type SaveEnvelope, serialiseSave } from '../src/core/save';
import { loadScenarioText } from '../src/core/scenario/loader';
import { bySide, sidesOf } from '../src/core/sides';
import type { Settings } from '../src/core/types';
import { memoryStore } from '../tests/support/memoryStore';

const ROOT = join(import.meta.dirname, '..');
const N = Number(process.argv[2] ?? 1000);
const SEED = process.argv[3] ?? 'fuzz';
/** A case taking longer than this is counted as a hang. */
const BUDGET_MS = 5000;
/** One case in this many also runs the real CLI as a child process (killed after BUDGET_MS). */
const CHILD_EVERY = 40;

// ---- the scenarios, and the game page's loader with its build-time module stood in for ----------
const shipped = ['muscat-2026', 'tutorial'].map((id) => {
  const result = loadScenarioText(readFileSync(join(ROOT, 'scenarios', `${id}.yaml`), 'utf8'), `${id}.yaml`);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return { id, scenario: result.scenario, hash: result.sha256 };
});
const known: KnownScenario[] = shipped;

const work = join(tmpdir(), `backchannel-fuzz-${process.pid}`);
mkdirSync(work, { recursive: true });
const virtualModule = join(work, 'scenarios.mjs');
writeFileSync(
  virtualModule,
  `export default ${JSON.stringify(shipped.map((s) => ({ id: s.id, file: `${s.id}.yaml`, result: { ok: true, scenario: s.scenario, hash: s.hash } })))};`,
);
const hook = join(work, 'hook.mjs');
writeFileSync(
  hook,
  `export async function resolve(specifier, context, next) {
  if (specifier === 'virtual:backchannel-scenarios') return { url: ${JSON.stringify(pathToFileURL(virtualModule).href)}, shortCircuit: true };
  return next(specifier, context);
}`,
);
register(pathToFileURL(hook).href);
const { openReplay } = (await import('../src/app/replays')) as typeof import('../src/app/replays');

// ---- seeded randomness (the core's own generator, never Math.random) ----------------------------
const rng: AleaState = seedStream(SEED, 'fuzz');
const rand = () => draw(rng);
const int = (n: number) => Math.floor(rand() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;

// ---- real games ---------------------------------------------------------------------------------
const POLICIES = ['ai:tit-for-tat', 'ai:boulware', 'ai:hardliner', 'ai:conceder', 'ai:linear', 'random'] as const;
function baseReplays(): Replay[] {
  const out: Replay[] = [];
  for (let i = 0; i < 12; i++) {
    const { scenario, hash } = shipped[i % 2 === 0 ? 0 : 1] as (typeof shipped)[number];
    const settings: Settings = { ...bySide(scenario, () => pick(POLICIES)), difficulty: pick(['easy', 'normal', 'hard']) };
    const seed = `${SEED}-${i}`;
    const g = playGame(scenario, seed, settings, { checksums: true });
    const replay = makeReplay({ scenario, scenarioHash: hash, seed, settings, log: g.log, checksums: g.checksums, finalState: g.state });
    out.push(JSON.parse(replayToText(replay)));
    if (i % 3 === 0) {
      const fork = forkReplay(scenario, hash, replay, Math.floor(replay.log.length / 2), { ...settings, [sidesOf(scenario)[0]]: 'human' });
      if (fork.ok) out.push(JSON.parse(replayToText(fork.replay)));
    }
  }
  return out;
}

/** A save as the game page writes it (the core's serialiser: canonical JSON). */
function saveText(replay: Replay): string {
  const save: SaveEnvelope = {
    format: 'backchannel-save',
    formatVersion: 1,
    view: 'rounds',
    mode: pick(['solo', 'hotseat']),
    // The seat of the save: the first party of the replay's scenario.
    side: sidesOf((shipped.find((s) => s.id === replay.scenario.id) ?? (shipped[0] as (typeof shipped)[number])).scenario)[0],
    replay,
  };
  return serialiseSave(save);
}

// ---- mutations ------------------------------------------------------------------------------------
type Json = unknown;
type Path = (string | number)[];

function paths(value: Json, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) for (const [i, v] of value.entries()) paths(v, [...path, i], out);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...path, k], out);
  return out;
}
function getAt(value: Json, path: Path): Json {
  let v = value as Record<string | number, Json>;
  for (const k of path) v = v?.[k] as Record<string | number, Json>;
  return v;
}
function setAt(value: Json, path: Path, next: Json): Json {
  if (path.length === 0) return next;
  const parent = getAt(value, path.slice(0, -1)) as Record<string | number, Json>;
  parent[path[path.length - 1] as string | number] = next;
  return value;
}
function deleteAt(value: Json, path: Path): Json {
  if (path.length === 0) return undefined;
  const parent = getAt(value, path.slice(0, -1));
  const key = path[path.length - 1] as string | number;
  if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete (parent as Record<string, Json>)[key as string];
  return value;
}
/** Paths weighted toward the envelope's fields (most of a replay is its log's actions). */
function somePath(value: Json): Path {
  const all = paths(value).filter((p) => p.length > 0);
  if (rand() < 0.5) {
    const shallow = all.filter((p) => p.length <= 3 || p[0] !== 'log' || p.length <= 3);
    return pick(shallow.length ? shallow : all);
  }
  return pick(all);
}

const hugeString = () => pick(['x', '9', '\u202E', '🇮🇷', '<script>', ' ']).repeat(pick([5_000, 100_000, 1_000_000]));
const nanish = () => pick(['NaN', 'Infinity', '-Infinity', '-0', '1e999', '0x10', '', ' ', 'null', 'undefined', '1', '[]']);
const bigNumber = () => pick([1e308, -1e308, 2 ** 53 + 1, -(2 ** 53) - 1, 1e21, -1, 0, 0.5, -7, 4294967297, Number.MAX_SAFE_INTEGER]);
const otherType = (): Json =>
  pick<() => Json>([
    () => null,
    () => true,
    () => 0,
    () => nanish(),
    () => [],
    () => ({}),
    () => [1, 'a', null],
    () => ({ type: 'x' }),
    bigNumber,
  ])();

/** Deep nesting inserted into the text (a value too deep for a recursive JSON.stringify). */
function deepText(text: string): string {
  const depth = pick([65, 1000, 20_000, 100_000]);
  const open = pick(['[', '{"k":']);
  const close = open === '[' ? ']' : '}';
  const nested = `${open.repeat(depth)}1${close.repeat(depth)}`;
  const at = pick(['"action": {', '"settings": {', '"scenario": {', '"parent": {', '"replay": {']);
  const i = text.indexOf(at);
  if (i < 0) return `{"format": ${nested}}`;
  return `${text.slice(0, i + at.length)}"deep": ${nested},${text.slice(i + at.length)}`;
}

const MUTATIONS: Record<string, (value: Json, text: string) => string> = {
  'delete a key': (v) => JSON.stringify(deleteAt(v, somePath(v))),
  'change a type': (v) => JSON.stringify(setAt(v, somePath(v), otherType())),
  'huge string': (v) => JSON.stringify(setAt(v, somePath(v), hugeString())),
  'deep nesting': (_v, t) => deepText(t),
  BOM: (_v, t) => `\uFEFF${t}`,
  'BOM and a change': (v) => `\uFEFF${JSON.stringify(setAt(v, somePath(v), otherType()))}`,
  truncation: (_v, t) => t.slice(0, int(t.length)),
  'swap two values': (v) => {
    const a = somePath(v);
    const b = somePath(v);
    const va = structuredClone(getAt(v, a));
    const vb = structuredClone(getAt(v, b));
    if (a.join('.').startsWith(b.join('.')) || b.join('.').startsWith(a.join('.'))) return JSON.stringify(setAt(v, a, vb));
    setAt(v, a, vb);
    return JSON.stringify(setAt(v, b, va));
  },
  'big number': (v) => JSON.stringify(setAt(v, somePath(v), bigNumber())),
  'NaN-ish string': (v) => JSON.stringify(setAt(v, somePath(v), nanish())),
  'duplicate an entry': (v) => {
    const lists = paths(v).filter((p) => Array.isArray(getAt(v, p)) && (getAt(v, p) as Json[]).length > 0);
    if (lists.length === 0) return JSON.stringify(v);
    const list = getAt(v, pick(lists)) as Json[];
    const i = int(list.length);
    list.splice(i, 0, structuredClone(list[i]));
    return JSON.stringify(v);
  },
  'duplicate a key (text)': (_v, t) =>
    t.replace(/"(formatVersion|seed|final|turn)": ([^,\n]+),/, (_m, k, val) => `"${k}": ${val}, "${k}": ${JSON.stringify(otherType())},`),
  'a big number in the text': (_v, t) =>
    t.replace(
      /("(?:turn|formatVersion|afterTurn|forkTurn|rulesVersion)": )\d+/,
      `$1${pick(['1e999', '-1e999', '123456789012345678901234567890', '1.0000000000000002', '-0'])}`,
    ),
  'special keys': (v) =>
    JSON.stringify(setAt(v, [...somePath(v).slice(0, -1), pick(['__proto__', 'constructor', 'prototype', 'toString'])], otherType())),
  'unchanged (control)': (_v, t) => t,
};

// ---- running one file ----------------------------------------------------------------------------
type Outcome = 'refused' | 'accepted' | 'stack' | 'hang' | 'long';
/** A message longer than this quotes too much of the input (values are cut to 80 characters). */
const LONGEST_MESSAGE = 600;
const STACK = / {4}at /;

/** The CLI's own `replay verify`, in process: its output lines and exit code, or the exception that escaped. */
function cliVerify(file: string): { code: number; out: string } {
  const lines: string[] = [];
  const log = console.log;
  const error = console.error;
  console.log = (...a: unknown[]) => lines.push(a.join(' '));
  console.error = (...a: unknown[]) => lines.push(a.join(' '));
  try {
    return { code: main(['replay', 'verify', file]), out: lines.join('\n') };
  } finally {
    console.log = log;
    console.error = error;
  }
}

function childVerify(file: string): { code: number | null; out: string; timedOut: boolean } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'backchannel.mjs'), 'replay', 'verify', file], {
    encoding: 'utf8',
    timeout: BUDGET_MS,
  });
  return {
    code: r.status,
    out: `${r.stdout}${r.stderr}`,
    timedOut: r.error !== undefined && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT',
  };
}

interface CaseResult {
  outcome: Outcome;
  detail: string;
}

function runCase(kind: 'replay' | 'save', text: string, index: number): CaseResult {
  const file = join(work, `case-${index}.${kind}.json`);
  writeFileSync(file, text);
  const start = performance.now();
  const verdicts: boolean[] = [];
  try {
    // the command line
    const cli = cliVerify(file);
    if (STACK.test(cli.out)) return { outcome: 'stack', detail: `cli: ${cli.out.slice(0, 300)}` };
    if (cli.out.split('\n').length !== 1) return { outcome: 'stack', detail: `cli printed ${cli.out.split('\n').length} lines` };
    if (cli.out.length > LONGEST_MESSAGE + file.length) return { outcome: 'long', detail: `cli: ${cli.out.slice(0, 200)}` };
    if (kind === 'replay') verdicts.push(cli.code === 0);
    if (index % CHILD_EVERY === 0) {
      const child = childVerify(file);
      if (child.timedOut) return { outcome: 'hang', detail: 'the CLI process ran over the budget' };
      if (STACK.test(child.out)) return { outcome: 'stack', detail: `child: ${child.out.slice(0, 300)}` };
      if (child.code !== cli.code) return { outcome: 'stack', detail: `child exit ${child.code}, in process ${cli.code}` };
    }
    if (kind === 'replay') {
      // the class page (the browser reads the file's text with File.text(), which drops a BOM)
      const table = loadTable({ name: `case-${index}.json`, text: text.replace(/^\uFEFF/, '') }, known);
      verdicts.push(table.ok);
      if (!table.ok && table.problem.reason.length > LONGEST_MESSAGE)
        return { outcome: 'long', detail: `class: ${table.problem.reason.slice(0, 200)}` };
      // the game page's "open replay" (automation `open-replay` hands it the text)
      const opened = openReplay(text.replace(/^\uFEFF/, ''), { keepStates: true });
      verdicts.push(opened.ok);
      if (!opened.ok && opened.error.length > LONGEST_MESSAGE) return { outcome: 'long', detail: `game: ${opened.error.slice(0, 200)}` };
    } else {
      // the game page's save: loadSave from the store, then Continue re-plays its replay
      const store = memoryStore();
      store.setItem(SAVE_KEYS.current, text);
      const loaded = loadSave(store);
      if (loaded.problem && STACK.test(loaded.problem)) return { outcome: 'stack', detail: loaded.problem.slice(0, 300) };
      if (loaded.problem !== null && loaded.problem.length > LONGEST_MESSAGE)
        return { outcome: 'long', detail: `a ${loaded.problem.length}-character message: ${loaded.problem.slice(0, 200)}` };
      if (loaded.save) {
        const opened = openReplay(loaded.save.replay, { keepStates: true });
        verdicts.push(opened.ok);
        if (!opened.ok && opened.error.length > LONGEST_MESSAGE)
          return { outcome: 'long', detail: `a ${opened.error.length}-character message: ${opened.error.slice(0, 200)}` };
      } else verdicts.push(false);
    }
  } catch (err) {
    return { outcome: 'stack', detail: `threw: ${err instanceof Error ? (err.stack ?? err.message).slice(0, 400) : String(err)}` };
  } finally {
    rmSync(file, { force: true });
  }
  const ms = performance.now() - start;
  if (ms > BUDGET_MS) return { outcome: 'hang', detail: `${Math.round(ms)} ms` };
  if (kind === 'replay' && new Set(verdicts).size > 1)
    return { outcome: 'stack', detail: `the readers disagree: cli, class, game = ${verdicts.join(', ')}` };
  return { outcome: verdicts.every(Boolean) ? 'accepted' : 'refused', detail: '' };
}

// ---- the run ------------------------------------------------------------------------------------
const bases = baseReplays();
const counts = {
  replay: { refused: 0, accepted: 0, stack: 0, hang: 0, long: 0 },
  save: { refused: 0, accepted: 0, stack: 0, hang: 0, long: 0 },
};
const byMutation: Record<string, number> = {};
const findings: string[] = [];
const names = Object.keys(MUTATIONS);
const started = performance.now();
let index = 0;
for (const kind of ['replay', 'save'] as const) {
  for (let i = 0; i < N; i++) {
    const base = pick(bases);
    const text = kind === 'replay' ? replayToText(base) : saveText(base);
    const name = names[i % names.length] as string;
    const mutate = MUTATIONS[name] as (v: Json, t: string) => string;
    let mutated: string;
    try {
      mutated = mutate(JSON.parse(text), text);
    } catch {
      mutated = text.slice(0, int(text.length));
    }
    byMutation[name] = (byMutation[name] ?? 0) + 1;
    const result = runCase(kind, mutated, index++);
    counts[kind][result.outcome]++;
    if (result.outcome === 'stack' || result.outcome === 'hang' || result.outcome === 'long')
      findings.push(`${kind} #${i} (${name}): ${result.outcome}: ${result.detail}`);
  }
}
for (const f of readdirSync(work)) if (f.startsWith('case-')) rmSync(join(work, f), { force: true });
rmSync(work, { recursive: true, force: true });

const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`fuzz: seed "${SEED}", ${N} mutated replays and ${N} mutated saves from ${bases.length} real games, ${seconds} s`);
for (const kind of ['replay', 'save'] as const) {
  const c = counts[kind];
  console.log(
    `${kind}s: refused cleanly ${c.refused}, accepted unchanged (verifies) ${c.accepted}, stack traces ${c.stack}, hangs ${c.hang}; messages over ${LONGEST_MESSAGE} characters ${c.long}`,
  );
}
console.log(
  `mutations: ${Object.entries(byMutation)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`,
);
for (const f of findings.slice(0, 20)) console.log(`  ${f}`);
const bad = (c: (typeof counts)['replay']) => c.stack + c.hang + c.long;
process.exitCode = bad(counts.replay) + bad(counts.save) === 0 ? 0 : 1;
