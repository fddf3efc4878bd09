// The command line and the scenario's own parties (issue 19): seats are named by party id with
// `--side <party>=<policy>` (or `--<party> <policy>` when the scenario has that party), text output
// names parties as the scenario does, JSON by id; `scenario migrate` brings a format-1 file up to date.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadShipped, ROOT, renameParties } from '../support/scenarios';
import { tempDir } from '../support/tempDir';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'backchannel.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = tempDir('parties');
const FORMAT1 = join(ROOT, 'tests', 'fixtures', 'format1', 'muscat-2026.yaml');

/** The tutorial with its parties called `north` and `south` ("North", "South"): a scenario without the shipped ids. */
function renamedScenario(): string {
  const { scenario } = loadShipped('tutorial');
  const renamed = renameParties(scenario, { us: 'north', iran: 'south' });
  renamed.id = 'renamed';
  delete renamed.$schema;
  Object.assign(renamed.parties.north!, { name: 'Northland', short: 'North' });
  Object.assign(renamed.parties.south!, { name: 'Southland', short: 'South' });
  const file = join(tmp, 'renamed.json');
  writeFileSync(file, JSON.stringify(renamed, null, 2));
  return file;
}

describe('seats by party id', () => {
  it('--side <party>=<policy> plays the game the --<party> shorthand plays; JSON names parties by id, text by short name', () => {
    const base = ['play', '--scenario', 'muscat-2026', '--seed', 'sides-1'];
    const bySide = cli(...base, '--side', 'us=ai:boulware', '--side', 'iran=ai:linear', '--json');
    expect(bySide.err).toBe('');
    expect(bySide.code).toBe(0);
    expect(cli(...base, '--us', 'ai:boulware', '--iran', 'ai:linear', '--json').out).toBe(bySide.out);
    expect(cli(...base, '--side=iran=ai:linear', '--us=ai:boulware', '--json').out).toBe(bySide.out);
    const game = JSON.parse(bySide.out);
    expect(game.settings).toEqual({ us: 'ai:boulware', iran: 'ai:linear', difficulty: 'normal' });
    for (const key of ['utilities', 'scores', 'support']) expect(Object.keys(game[key])).toEqual(['us', 'iran']);

    const text = cli(...base, '--side', 'us=ai:boulware', '--side', 'iran=ai:linear');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^Backchannel: .* — seed "sides-1", US ai:boulware vs Iran ai:linear\n/);
    expect(text.out).toMatch(/\nutilities: US [0-9.-]+, Iran [0-9.-]+; scores: US [0-9.-]+, Iran [0-9.-]+\n/);

    // A seat not given plays the scenario's default personality.
    const one = JSON.parse(cli(...base, '--side', 'iran=random', '--json').out);
    expect(one.settings).toEqual({ us: 'ai:tit-for-tat', iran: 'random', difficulty: 'normal' });
  });

  it('refuses an unknown party, a --side without =, a seat given twice, naming the valid ids', () => {
    const cases: [string[], string][] = [
      [
        ['--side', 'russia=ai:linear'],
        'error: --side "russia=ai:linear": unknown party "russia": the parties of "muscat-2026" are us (US) and iran (Iran)\n',
      ],
      [['--side', 'us'], 'error: --side "us": give a seat as --side <party>=<policy>; the parties are us (US) and iran (Iran)\n'],
      [['--side', 'us=random', '--us', 'ai:linear'], 'error: the us seat is given more than once (--us)\n'],
      [['--side', 'iran=random', '--side', 'iran=random'], 'error: the iran seat is given more than once (--side iran=…)\n'],
      [
        ['--russia', 'ai:linear'],
        'error: unknown option "--russia" for play: scenario "muscat-2026" has no party "russia" (its parties are us (US) and iran (Iran)); name a seat with --side <party>=<policy>\nsee: backchannel play --help\n',
      ],
    ];
    for (const [args, message] of cases) {
      const r = cli('play', '--seed', 'x', ...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err, args.join(' ')).toBe(message);
      expect(r.out).toBe('');
    }
  });

  it('a scenario with other party ids: --side names them, the --us shorthand is refused with its parties, text uses its names', () => {
    const file = renamedScenario();
    expect(cli('validate', file)).toMatchObject({ code: 0, err: '' });

    const alias = cli('play', '--scenario', file, '--seed', 'x', '--us', 'ai:linear');
    expect(alias.code).toBe(1);
    expect(alias.err).toBe(
      'error: unknown option "--us" for play: scenario "renamed" has no party "us" (its parties are north (North) and south (South)); name a seat with --side <party>=<policy>\nsee: backchannel play --help\n',
    );
    expect(cli('batch', '--scenario', file, '--games', '2', '--iran', 'random').err).toMatch(
      /^error: unknown option "--iran" for batch: scenario "renamed" has no party "iran" \(its parties are north \(North\) and south \(South\)\)/,
    );
    expect(cli('play', '--scenario', file, '--seed', 'x', '--side', 'us=random').err).toBe(
      'error: --side "us=random": unknown party "us": the parties of "renamed" are north (North) and south (South)\n',
    );

    const replay = join(tmp, 'renamed.replay.json');
    const played = cli(
      'play',
      '--scenario',
      file,
      '--seed',
      'x',
      '--side',
      'north=ai:linear',
      '--south',
      'random',
      '--replay-out',
      replay,
      '--json',
    );
    expect(played.err).toBe('');
    const game = JSON.parse(played.out);
    expect(game.settings).toEqual({ north: 'ai:linear', south: 'random', difficulty: 'normal' });
    expect(Object.keys(game.utilities)).toEqual(['north', 'south']);

    const text = cli('play', '--scenario', file, '--seed', 'x', '--side', 'north=ai:linear', '--side', 'south=random');
    expect(text.out).toContain('North ai:linear vs South random');
    expect(text.out).toMatch(/\nutilities: North [0-9.-]+, South [0-9.-]+; scores: North /);

    const batch = cli('batch', '--scenario', file, '--games', '5', '--side', 'north=ai:linear', '--side', 'south=random');
    expect(batch.code).toBe(0);
    expect(batch.out).toMatch(/^5 games of renamed, North ai:linear vs South random\n/);
    expect(batch.out).toMatch(/mean utility North [0-9.-]+, South [0-9.-]+; mean score North [0-9.-]+, South [0-9.-]+\n/);
    const batchJson = JSON.parse(cli('batch', '--scenario', file, '--games', '5', '--json').out);
    expect(Object.keys(batchJson.meanUtility)).toEqual(['north', 'south']);

    const show = cli('replay', 'show', replay, '--scenario', file);
    expect(show.code).toBe(0);
    expect(show.out).toMatch(/\nNorth: ai:linear · South: random · difficulty normal\n/);
    expect(show.out).toMatch(/\nUtilities: North [0-9.]+, South [0-9.]+; scores: North /);
  });

  it('play without --seed draws a fresh seed and prints it, so the game can be played again', () => {
    const args = ['play', '--scenario', 'black-sea-grain-2022', '--side', 'russia=ai:boulware', '--side', 'ukraine=ai:linear', '--json'];
    const first = cli(...args);
    expect(first.code).toBe(0);
    const game = JSON.parse(first.out) as { seed: string; checksum: string; settings: Record<string, string> };
    expect(game.seed).toMatch(/^cli-[0-9a-f]{8}$/);
    expect(Object.keys(game.settings).sort()).toEqual(['difficulty', 'russia', 'ukraine']);
    const again = JSON.parse(cli(...args, '--seed', game.seed).out) as { checksum: string };
    expect(again.checksum).toBe(game.checksum);
  });

  it('--help names the --side option and the shorthand', () => {
    const help = cli('play', '--help').out;
    expect(help).toContain('--side <party>=<policy>');
    expect(help).toContain('--<party> <policy>');
    expect(cli('batch', '--help').out).toContain('--side <party>=<policy>');
  });
});

describe('scenario migrate', () => {
  it('validate reads a format-1 file and warns that it is old, with the command that writes the new form', () => {
    const r = cli('validate', FORMAT1);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ok: muscat-2026 /);
    expect(r.err).toContain(
      `warning: ${FORMAT1}: written in scenario format 1 (this build writes 2) and read by migrating it; write the new form with: npx backchannel scenario migrate ${FORMAT1} --out ${FORMAT1}\n`,
    );
    expect(r.err).toMatch(/warning: .*: no venue: /);
  });

  it('writes a format-1 file in the current format (YAML or JSON), its notes on stderr; the result validates and plays the same game', () => {
    const yaml = join(tmp, 'muscat-migrated.yaml');
    const r = cli('scenario', 'migrate', FORMAT1, '--out', yaml);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toMatch(
      new RegExp(
        `^${FORMAT1.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: migrated from scenario format 1 to 2, written to .*muscat-migrated\\.yaml\n`,
      ),
    );
    expect(r.err).toMatch(/\nnote: places .* were given their ids as names/);
    expect(r.err).toMatch(/\nnote: no venue: /);
    const text = readFileSync(yaml, 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=\.\/schema\.json\n/);
    expect(text).toMatch(/\nformatVersion: 2\n/);
    expect(text).toMatch(/\nmediator:\n/);
    expect(text).toMatch(/\n {2}mediatorCompromise:/);
    expect(text).not.toMatch(/omanCompromise/);

    writeFileSync(join(tmp, 'schema.json'), readFileSync(join(ROOT, 'scenarios', 'schema.json')));
    const valid = cli('validate', yaml);
    expect(valid).toMatchObject({ code: 0, err: '' });
    expect(valid.out).toMatch(/^ok: muscat-2026 /);

    // The same scenario: the same game as the old file read through the loader's migration.
    const play = (scenario: string) => JSON.parse(cli('play', '--scenario', scenario, '--seed', 'migrated', '--json').out).checksum;
    expect(play(yaml)).toBe(play(FORMAT1));

    // JSON by the output's name; to stdout in the input's format.
    const json = join(tmp, 'muscat-migrated.json');
    expect(cli('scenario', 'migrate', FORMAT1, '--out', json).code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({ formatVersion: 2, id: 'muscat-2026' });
    expect(cli('validate', json)).toMatchObject({ code: 0, err: '' });
    const stdout = cli('scenario', 'migrate', FORMAT1);
    expect(stdout.code).toBe(0);
    expect(stdout.out).toBe(text);
  });

  it('a current file has nothing to migrate; bad arguments are named', () => {
    const current = cli('scenario', 'migrate', 'scenarios/tutorial.yaml');
    expect(current.code).toBe(0);
    expect(current.err).toBe('note: scenarios/tutorial.yaml is already in scenario format 2: nothing to migrate\n');
    expect(current.out).toMatch(/\nformatVersion: 2\n/);

    const cases: [string[], string][] = [
      [['scenario'], 'error: scenario needs a command: migrate\nsee: backchannel scenario --help\n'],
      [
        ['scenario', 'migrat', 'x.yaml'],
        'error: unknown scenario command "migrat"; did you mean "migrate"?\nsee: backchannel scenario --help\n',
      ],
      [['scenario', 'migrate'], 'error: scenario migrate needs a file\nsee: backchannel scenario --help\n'],
      [
        ['scenario', 'migrate', FORMAT1, '--out', join(tmp, 'out.txt')],
        `error: ${join(tmp, 'out.txt')}: unknown file type for the migrated scenario (use .json, .yaml or .yml)\n`,
      ],
      [['scenario', 'migrate', 'missing.yaml'], 'error: missing.yaml: file not found\n'],
    ];
    for (const [args, message] of cases) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err, args.join(' ')).toBe(message);
    }
    expect(cli('scenario', '--help').out).toMatch(/^usage: backchannel scenario migrate <file> \[--out <file>\]\n/);
  });
});
