// The CLI contract (DESIGN.md §5): exact commands, JSON fields, exit codes, one line per problem.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/scenarios';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'backchannel.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'backchannel-cli-'));

describe('npx backchannel', () => {
  it('validate: the shipped scenarios are ok', () => {
    const r = cli('validate', 'scenarios/muscat-2026.yaml', 'scenarios/tutorial.yaml');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ok: muscat-2026 .*\nok: tutorial /);
  });

  it('play --json: the same command twice prints identical JSON; another seed another game', () => {
    const args = ['play', '--scenario', 'muscat-2026', '--seed', 'cli-1', '--us', 'ai:tit-for-tat', '--iran', 'ai:boulware', '--json'];
    const a = cli(...args);
    const b = cli(...args);
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    const game = JSON.parse(a.out);
    for (const key of ['outcome', 'rounds', 'escalation', 'utilities', 'deal', 'checksum']) expect(game).toHaveProperty(key);
    expect(Object.keys(game.utilities).sort()).toEqual(['iran', 'us']);
    const other = JSON.parse(cli(...args.map((x) => (x === 'cli-1' ? 'cli-2' : x))).out);
    expect(other.checksum).not.toBe(game.checksum);
  });

  it('batch --json reports rates, means and speed', () => {
    const r = cli('batch', '--scenario', 'tutorial', '--games', '50', '--seed', 'b', '--us', 'random', '--iran', 'ai:linear', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    for (const key of ['games', 'agreementRate', 'conflictRate', 'walkoutRate', 'meanRounds', 'meanUtility', 'gamesPerSecond'])
      expect(out).toHaveProperty(key);
    expect(out.games).toBe(50);
  });

  it('replay: play --replay-out, verify ok, an edited action or number names the turn, show prints a transcript', () => {
    const file = join(tmp, 'r.json');
    expect(cli('play', '--seed', 'rp', '--replay-out', file, '--json').code).toBe(0);
    const ok = cli('replay', 'verify', file);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^ok: \d+ turns, checksum [0-9a-f]{16}\n$/);

    const replay = JSON.parse(readFileSync(file, 'utf8'));
    const i = replay.log.findIndex((e: { action: { type: string } }) => e.action.type === 'propose');
    replay.log[i].action = { type: 'statement', tone: 'threat' };
    writeFileSync(join(tmp, 'edited.json'), JSON.stringify(replay));
    const edited = cli('replay', 'verify', join(tmp, 'edited.json'));
    expect(edited.code).toBe(1);
    expect(edited.err).toMatch(new RegExp(`turn ${i + 1}`));

    const numbers = JSON.parse(readFileSync(file, 'utf8'));
    numbers.checksums[2] = 'ffffffffffffffff';
    writeFileSync(join(tmp, 'number.json'), JSON.stringify(numbers));
    expect(cli('replay', 'verify', join(tmp, 'number.json')).err).toBe(`error: ${join(tmp, 'number.json')}: desync at turn 3\n`);

    const show = cli('replay', 'show', file);
    expect(show.code).toBe(0);
    expect(show.out).toMatch(/Round 1 of \d+ opens/);
    expect(show.out).toMatch(/Outcome: /);
  });

  it('bad input: one clear line per problem and exit 1, never a stack trace', () => {
    writeFileSync(join(tmp, 'broken.json'), '{\n  "id": "x",\n}');
    writeFileSync(join(tmp, 'broken.yaml'), 'id: x\n  title: y\n');
    const scenario = JSON.parse(JSON.stringify(readFileSync(join(ROOT, 'scenarios', 'tutorial.yaml'), 'utf8')));
    writeFileSync(join(tmp, 'schema.yaml'), scenario.replace(/q0: [0-9.]+/, 'q0: 7'));
    const cases: [string[], RegExp][] = [
      [['validate', 'nope.json'], /^error: nope\.json: file not found\n$/],
      [
        ['validate', join(tmp, 'broken.json')],
        /^error: .*broken\.json: invalid JSON at line 3, column 1: expected a key in double quotes, found "}"\n$/,
      ],
      [['validate', join(tmp, 'broken.yaml')], /^error: .*broken\.yaml: invalid YAML at line 1, column 5: .+\n/],
      [['validate', join(tmp, 'schema.yaml')], /^error: .*schema\.yaml: ladder\.q0: Too big: expected number to be <1\n$/],
      [['play', '--seed', 'x', '--us', 'ai:dove'], /^error: unknown policy "ai:dove": personalities are ai:hardliner/],
      [['play', '--seed', '', '--json'], /^error: seed is empty\n$/],
      [['play', '--seed', '   '], /^error: seed is empty\n$/],
      [['play', '--scenario', 'atlantis', '--seed', 'x'], /^error: unknown scenario "atlantis"/],
      [['batch', '--games', 'many', '--seed', 'x'], /^error: --games must be a whole number/],
      [['replay', 'verify', 'missing.json'], /^error: missing\.json: file not found\n$/],
      [['frobnicate'], /^error: unknown command "frobnicate"/],
    ];
    for (const [args, pattern] of cases) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err, args.join(' ')).toMatch(pattern);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
});
