// The CLI contract (docs/design.md §5): exact commands, JSON fields, exit codes, one line per problem.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/scenarios';
import { tempDir } from '../support/tempDir';

function cli(...args: string[]) {
  return cliWith({}, ...args);
}

function cliWith(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'backchannel.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = tempDir('cli');

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
      [['validate', join(tmp, 'schema.yaml')], /^error: .*schema\.yaml:\d+:3: ladder\.q0: Too big: expected number to be <1\n$/],
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

  it('runs from the esbuild bundle, which plain Node can load; a bundle that fails says so on stderr and the sources run', () => {
    const r = cliWith({ BACKCHANNEL_DEBUG: '1' }, 'play', '--seed', 'x', '--json');
    expect(r.code).toBe(0);
    expect(r.err).toBe('backchannel: running the bundle node_modules/.cache/backchannel/cli.mjs\n');
    const bundle = join(ROOT, 'node_modules/.cache/backchannel/cli.mjs');
    const loaded = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `const m = await import(${JSON.stringify(bundle)}); console.log(typeof m.main)`],
      {
        encoding: 'utf8',
      },
    );
    expect(loaded.stderr).toBe('');
    expect(loaded.stdout).toBe('function\n');

    // A bundle newer than every source, that cannot load: named on stderr, and the game still plays.
    const cache = join(tmp, 'cache');
    mkdirSync(cache, { recursive: true });
    writeFileSync(join(cache, 'cli.mjs'), "import 'no-such-package-anywhere';\n");
    const future = new Date(Date.now() + 3_600_000);
    utimesSync(join(cache, 'cli.mjs'), future, future);
    const fallback = cliWith({ BACKCHANNEL_CACHE_DIR: cache, BACKCHANNEL_DEBUG: '1' }, 'play', '--seed', 'x', '--json');
    expect(fallback.code).toBe(0);
    expect(fallback.err).toMatch(
      /^backchannel: the CLI bundle failed \(Cannot find package 'no-such-package-anywhere'.*\); running the TypeScript sources with tsx instead/,
    );
    expect(fallback.err).toMatch(/running the sources with tsx\n$/);
    expect(fallback.out).toBe(r.out);
  });

  it('parses options strictly: = inside a value is kept, and every refused argument is named with the closest valid one', () => {
    const equals = cli('play', '--seed=a=b', '--json');
    expect(equals.code).toBe(0);
    expect(JSON.parse(equals.out).seed).toBe('a=b');
    expect(JSON.parse(cli('play', '--seed', 'a=b', '--json').out).checksum).toBe(JSON.parse(equals.out).checksum);

    const cases: [string[], string][] = [
      [
        ['play', '--dificulty', 'hard', '--seed', 'x'],
        'error: unknown option "--dificulty" for play; did you mean --difficulty?\nsee: backchannel play --help\n',
      ],
      [
        ['play', '--games', '3', '--seed', 'x'],
        'error: unknown option "--games" for play (it belongs to batch)\nsee: backchannel play --help\n',
      ],
      [['batch', '--sed', 'x'], 'error: unknown option "--sed" for batch; did you mean --seed?\nsee: backchannel batch --help\n'],
      [
        ['play', '--seed'],
        'error: --seed needs a value (s); a value that starts with "-" is given as --seed=<value>\nsee: backchannel play --help\n',
      ],
      [
        ['play', '--seed', '--json'],
        'error: --seed needs a value (s); a value that starts with "-" is given as --seed=<value>\nsee: backchannel play --help\n',
      ],
      [['play', '--json=yes', '--seed', 'x'], 'error: --json takes no value\nsee: backchannel play --help\n'],
      [['play', '--seed', 'a', '--seed', 'b'], 'error: --seed is given more than once (play)\n'],
      [['play', 'extra', '--seed', 'x'], 'error: play takes no arguments: "extra" is one too many\nsee: backchannel play --help\n'],
      [
        ['plya'],
        'error: unknown command "plya"; did you mean "play"?\ncommands: validate, play, batch, replay, scenario, schema (see: backchannel --help)\n',
      ],
      [['--json'], 'error: "--json" goes after a command: backchannel <command> --json\nsee: backchannel --help\n'],
      [['replay', 'verfy', 'x.json'], 'error: unknown replay command "verfy"; did you mean "verify"?\nsee: backchannel replay --help\n'],
      [['replay', 'verify'], 'error: replay verify needs a file\nsee: backchannel replay --help\n'],
      [
        ['replay', 'show', 'a.json', 'b.json'],
        'error: replay show takes one file: "b.json" is one too many\nsee: backchannel replay --help\n',
      ],
      [['validate'], 'error: validate needs at least one file\nsee: backchannel validate --help\n'],
      [
        ['schema', '--out', join(tmp, 'no', 'such', 'folder', 's.json')],
        `error: ${join(tmp, 'no', 'such', 'folder', 's.json')}: cannot write the file: no such folder\n`,
      ],
    ];
    for (const [args, message] of cases) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err, args.join(' ')).toBe(message);
      expect(r.out, args.join(' ')).toBe('');
    }
  });

  it('--version, -V, --help, -h and per-command help', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    for (const flag of ['--version', '-V']) {
      const r = cli(flag);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(
        new RegExp(`^backchannel ${pkg.version.replace(/\./g, '\\.')} \\(rules version \\d+, replay format \\d+\\)\n$`),
      );
    }
    const help = cli('--help');
    expect(help.code).toBe(0);
    expect(cli('-h').out).toBe(help.out);
    expect(cli('help').out).toBe(help.out);
    for (const command of ['validate', 'play', 'batch', 'replay', 'scenario', 'schema'])
      expect(help.out).toMatch(new RegExp(`\n  ${command} +\\S`));
    const none = cli();
    expect(none.code).toBe(1);
    expect(none.err).toBe(help.out);

    const play = cli('play', '--help');
    expect(play.code).toBe(0);
    expect(play.out).toMatch(/^usage: backchannel play \[--seed <s>\] \[options\]\n/);
    for (const option of [
      '--scenario <file|id>',
      '--seed <s>',
      '--side <party>=<policy>',
      '--<party> <policy>',
      '--difficulty <id>',
      '--json',
      '--replay-out <file>',
      '-h, --help',
    ])
      expect(play.out).toContain(option);
    expect(cli('help', 'play').out).toBe(play.out);
    expect(cli('play', '-h', '--seed', 'x').out).toBe(play.out);
    expect(cli('batch', '--help').out).toContain('--games <n>');
    expect(cli('replay', '--help').out).toMatch(/^usage: backchannel replay verify\|show <file>/);
  });

  it('schema prints the JSON Schema that scenarios/schema.json holds', () => {
    const r = cli('schema');
    expect(r.code).toBe(0);
    expect(r.out).toBe(readFileSync(join(ROOT, 'scenarios', 'schema.json'), 'utf8'));
  });

  it('validate warns when a copy of a scenario names a schema that is not next to it, and says how to write one', () => {
    const dir = join(tmp, 'copy');
    mkdirSync(dir, { recursive: true });
    const copy = join(dir, 'mine.yaml');
    writeFileSync(copy, readFileSync(join(ROOT, 'scenarios', 'tutorial.yaml'), 'utf8'));
    const first = cli('validate', copy);
    expect(first.code).toBe(0);
    expect(first.err).toBe(
      `warning: ${copy}: the schema "./schema.json" it names is not there, so editors cannot check it; write one with: npx backchannel schema --out ${join(dir, 'schema.json')}\n`,
    );
    expect(cli('schema', '--out', join(dir, 'schema.json')).code).toBe(0);
    expect(cli('validate', copy).err).toBe('');
    expect(cli('validate', 'scenarios/tutorial.yaml').err).toBe('');
  });
});
