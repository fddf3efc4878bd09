// The validator and the scenario look-up on the command line, and output cut short by the reader:
// `validate` prints file:line:column with the item's id, the fix it suggests and the lengths it found;
// an unknown `--scenario` id lists the ids there are and how to pass a file; and `… | head -2` ends
// quietly (no EPIPE stack trace) for every command that prints at length.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ROOT, rawShipped } from '../support/scenarios';
import { tempDir } from '../support/tempDir';

const CLI = join(ROOT, 'bin', 'backchannel.mjs');
const tmp = tempDir('validator');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The 1-based number of the first line of `text` that `test` accepts after line `after`. */
const lineOf = (text: string, test: (line: string) => boolean, after = 0) =>
  text.split('\n').findIndex((l, n) => n >= after && test(l)) + 1;

describe('backchannel validate: messages an author can act on', () => {
  it('a broken file: one line per problem, file:line:column, the id of the item, the closest key and value, the actual length', () => {
    // biome-ignore lint/suspicious/noExplicitAny: a scenario edited by hand
    const s: any = parse(rawShipped('muscat-2026'));
    const i = s.events.findIndex((e: { id: string }) => e.id === 'oil-spike');
    s.events[i].conditions = { minround: 3 };
    s.events[i].severity = 'violant';
    s.events[i].text = 'x'.repeat(4213);
    const text = stringify(s);
    const file = join(tmp, 'broken.yaml');
    writeFileSync(file, text);
    const item = lineOf(text, (l) => l === '  - id: oil-spike');
    const r = cli('validate', file);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      [
        `error: ${file}:${lineOf(text, (l) => l.startsWith('    text: '), item)}:5: events[${i}] (id "oil-spike").text: must be at most 4,000 characters long (has 4,213 characters)`,
        `error: ${file}:${lineOf(text, (l) => l.startsWith('    severity: '), item)}:5: events[${i}] (id "oil-spike").severity: unknown value "violant": did you mean "violent"?`,
        `error: ${file}:${lineOf(text, (l) => l.startsWith('      minround: '), item)}:7: events[${i}] (id "oil-spike").conditions: unknown key "minround": did you mean "minRound"?`,
        '',
      ].join('\n'),
    );
  });

  it('an event that can never happen, in a JSON file', () => {
    // biome-ignore lint/suspicious/noExplicitAny: a scenario edited by hand
    const s: any = parse(rawShipped('muscat-2026'));
    const i = s.events.findIndex((e: { id: string }) => e.id === 'israel-strike');
    s.events[i].conditions.maxRung = 2;
    const text = JSON.stringify(s, null, 2);
    const file = join(tmp, 'never.json');
    writeFileSync(file, text);
    const line = lineOf(
      text,
      (l) => l.trim() === '"minRung": 4,',
      lineOf(text, (l) => l.includes('"id": "israel-strike"')),
    );
    expect(cli('validate', file).err).toBe(
      `error: ${file}:${line}:9: events[${i}] (id "israel-strike").conditions.minRung: minRung 4 is above maxRung 2: the event can never happen\n`,
    );
  });
});

describe('--scenario with an id that is not in scenarios/', () => {
  const ids = readdirSync(join(ROOT, 'scenarios'))
    .filter((name) => name !== 'schema.json' && /\.(ya?ml|json)$/.test(name))
    .map((name) => name.replace(/\.(ya?ml|json)$/, ''))
    .sort()
    .join(', ');

  it('says so, lists the ids there are, suggests the closest and how to pass a file', () => {
    expect(cli('play', '--scenario', 'tutorail', '--seed', 'x').err).toBe(
      `error: unknown scenario "tutorail": there is no scenarios/tutorail.yaml, .yml or .json; did you mean "tutorial"? The ids there are ${ids} (to use a file, pass its path: --scenario path/to/tutorail.yaml)\n`,
    );
    expect(cli('play', '--scenario', 'muscat', '--seed', 'x').err).toBe(
      `error: unknown scenario "muscat": there is no scenarios/muscat.yaml, .yml or .json; did you mean "muscat-2026"? The ids there are ${ids} (to use a file, pass its path: --scenario path/to/muscat.yaml)\n`,
    );
    const far = cli('batch', '--scenario', 'atlantis', '--games', '1');
    expect(far.code).toBe(1);
    expect(far.err).toBe(
      `error: unknown scenario "atlantis": there is no scenarios/atlantis.yaml, .yml or .json. The ids there are ${ids} (to use a file, pass its path: --scenario path/to/atlantis.yaml)\n`,
    );
    expect(cli('play', '--scenario', 'Muscat-2026', '--seed', 'x').err).toBe(
      'error: unknown scenario "Muscat-2026": an id is 1 to 64 of a-z, 0-9, _ and -; a scenario file is given by its path (ending .yaml, .yml or .json); did you mean "muscat-2026"?\n',
    );
  });
});

/**
 * Runs the CLI with its output piped into a reader that keeps `lines` lines and then closes the pipe
 * (`| head -2`); with `lines` 0 the pipe is closed before the CLI has written anything, so a write
 * into it certainly fails with EPIPE.
 */
function pipedInto(lines: number, args: string[]): Promise<{ code: number | null; kept: string[]; err: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      err += d;
    });
    if (lines === 0) child.stdout.destroy();
    else
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        if (out.split('\n').length > lines) child.stdout.destroy();
      });
    child.on('close', (code) => done({ code, kept: out.split('\n').slice(0, lines), err }));
  });
}

describe('output cut short by the reader (| head -2)', () => {
  const replay = join(tmp, 'game.replay.json');

  it('play, batch, replay show and schema end quietly with status 0', async () => {
    expect(cli('play', '--seed', 'epipe', '--replay-out', replay, '--json').code).toBe(0);
    const commands = [
      ['play', '--seed', 'x'],
      ['play', '--seed', 'x', '--json'],
      ['batch', '--games', '20', '--seed', 'x'],
      ['replay', 'show', replay],
      ['schema'],
    ];
    for (const args of commands)
      for (const lines of [2, 0]) {
        const r = await pipedInto(lines, args);
        expect({ args, lines, code: r.code, err: r.err }).toEqual({ args, lines, code: 0, err: '' });
        if (lines === 2) expect(r.kept.join('\n').length).toBeGreaterThan(0);
      }
  });
});
