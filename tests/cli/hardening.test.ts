// Issue 18 (Hardening II), the command line: ids are ids and paths are paths, a replay's scenario id
// never opens a file, a BOM replay verifies, versions are whole numbers from 1, `replay show` checks
// before it prints, and a hostile replay gives one line naming the file and the cause.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/scenarios';
import { tempDir } from '../support/tempDir';

const tmp = tempDir('hardening');

/** The CLI run from `cwd` (a folder of the test's own, not the project). */
function cliIn(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'backchannel.mjs'), ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A folder with a good replay in it; with `traps`, then also a `muscat-2026` folder, a `tutorial.yaml` folder and a `secret.json`. */
function workspace(name: string, traps = false): { dir: string; replay: string; value: Record<string, unknown> } {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  const replay = join(dir, 'game.replay.json');
  const played = cliIn(dir, 'play', '--seed', `hard-${name}`, '--replay-out', replay, '--json');
  expect(played.code).toBe(0);
  if (traps) {
    mkdirSync(join(dir, 'muscat-2026'));
    mkdirSync(join(dir, 'tutorial.yaml'));
    writeFileSync(join(dir, 'secret.json'), '{"token": "hunter2"}\n');
  }
  return { dir, replay, value: JSON.parse(readFileSync(replay, 'utf8')) };
}

/** One line on stderr, starting `error: <file>:`, no stack trace, exit code 1. */
function expectOneLine(r: { code: number | null; out: string; err: string }, file: string, cause: RegExp) {
  expect(r.code).toBe(1);
  expect(r.out).toBe('');
  expect(r.err).not.toMatch(/ {4}at /);
  const lines = r.err.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]?.startsWith(`error: ${file}: `)).toBe(true);
  expect(lines[0]).toMatch(cause);
  expect(lines[0]?.length).toBeLessThan(300);
}

describe('backchannel: ids and paths (issue 18, point 5)', () => {
  it('an id is looked up in scenarios/ even when the current folder has a folder of that name', () => {
    const { dir, replay } = workspace('ids', true);
    const played = cliIn(dir, 'play', '--scenario', 'muscat-2026', '--seed', 'x', '--json');
    expect(played.err).toBe('');
    expect(JSON.parse(played.out).scenario).toBe('muscat-2026');
    expect(cliIn(dir, 'replay', 'verify', replay).out).toMatch(/^ok: \d+ turns/);
    expect(cliIn(dir, 'replay', 'verify', replay, '--scenario', 'muscat-2026').out).toMatch(/^ok: \d+ turns/);
    // a path is a path: it has a slash or a scenario extension
    expect(cliIn(dir, 'replay', 'verify', replay, '--scenario', join(ROOT, 'scenarios', 'muscat-2026.yaml')).out).toMatch(/^ok: /);
    expect(cliIn(dir, 'play', '--scenario', 'tutorial.yaml', '--seed', 'x').err).toBe('error: tutorial.yaml: not a file\n');
    expect(cliIn(dir, 'play', '--scenario', 'atlantis', '--seed', 'x').err).toMatch(
      /^error: unknown scenario "atlantis": there is no scenarios\/atlantis\.yaml, \.yml or \.json/,
    );
  });

  it("a replay's scenario id never opens a local file", () => {
    const { dir, value } = workspace('paths', true);
    for (const id of ['secret.json', './secret.json', join(dir, 'secret.json')]) {
      const file = join(dir, 'evil.replay.json');
      writeFileSync(file, JSON.stringify({ ...value, scenario: { ...(value.scenario as object), id } }));
      const r = cliIn(dir, 'replay', 'verify', file);
      expectOneLine(r, file, /scenario\.id must be a scenario id/);
      expect(r.err).not.toMatch(/secret\.json:|\(root\)|token/);
    }
  });
});

describe('backchannel replay: files (issue 18, points 2, 3 and 9)', () => {
  it('a replay saved with a UTF-8 byte order mark verifies and shows', () => {
    const { dir, replay } = workspace('bom');
    const file = join(dir, 'bom.replay.json');
    writeFileSync(file, `\uFEFF${readFileSync(replay, 'utf8')}`);
    const plain = cliIn(dir, 'replay', 'verify', replay);
    const bom = cliIn(dir, 'replay', 'verify', file);
    expect(bom.err).toBe('');
    expect(bom.out).toBe(plain.out);
    expect(cliIn(dir, 'replay', 'show', file).out).toBe(cliIn(dir, 'replay', 'show', replay).out);
  });

  it('formatVersion "1" is not a whole number; 0 and -7 are refused', () => {
    const { dir, value } = workspace('versions');
    const file = join(dir, 'v.replay.json');
    writeFileSync(file, JSON.stringify({ ...value, formatVersion: '1' }));
    expect(cliIn(dir, 'replay', 'verify', file).err).toBe(`error: ${file}: formatVersion must be a whole number, not "1"\n`);
    for (const v of [0, -7]) {
      writeFileSync(file, JSON.stringify({ ...value, formatVersion: v }));
      expectOneLine(cliIn(dir, 'replay', 'verify', file), file, new RegExp(`replay format version ${v} is not supported`));
    }
  });

  it('replay show checks the whole replay before it prints anything', () => {
    const { dir, value } = workspace('show');
    const file = join(dir, 'tampered.replay.json');
    const checksums = [...(value.checksums as string[])];
    checksums[checksums.length - 2] = '0123456789abcdef';
    writeFileSync(file, JSON.stringify({ ...value, checksums }));
    expectOneLine(cliIn(dir, 'replay', 'show', file), file, new RegExp(`desync at turn ${checksums.length - 1}$`));
  });

  it('a key nested 20,000 deep, a 3,000-character turn, a 5,000-character forkTurn: one line naming the file and the cause', () => {
    const { dir, replay, value } = workspace('hostile');
    const text = readFileSync(replay, 'utf8');
    const deep = join(dir, 'deep.replay.json');
    writeFileSync(deep, text.replace('"action": {', `"action": {"x": ${'{"k":'.repeat(20_000)}1${'}'.repeat(20_000)},`));
    for (const sub of ['verify', 'show'])
      expectOneLine(cliIn(dir, 'replay', sub, deep), deep, /nesting is 20,00\d levels deep; the limit is 64$/);

    const turn = join(dir, 'turn.replay.json');
    const log = structuredClone(value.log) as { turn: unknown }[];
    (log[1] as { turn: unknown }).turn = '2'.repeat(3000);
    writeFileSync(turn, JSON.stringify({ ...value, log }));
    expectOneLine(cliIn(dir, 'replay', 'verify', turn), turn, /log\[1\]: turn is "2+…" \(3,000 characters\), expected 2$/);

    const fork = join(dir, 'fork.replay.json');
    writeFileSync(fork, JSON.stringify({ ...value, parent: { final: value.final, forkTurn: '5'.repeat(5000) } }));
    expectOneLine(
      cliIn(dir, 'replay', 'show', fork),
      fork,
      /parent\.forkTurn must be a turn between 0 and \d+, not "5+…" \(5,000 characters\)$/,
    );
  });
});
