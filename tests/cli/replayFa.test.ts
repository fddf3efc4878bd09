// `replay show --lang fa`: the transcript in Persian, its headings from the catalogue and its lines
// from the log's messages, with the scenario's Persian names; English stays the default, unchanged.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadShipped, ROOT } from '../support/scenarios';
import { tempDir } from '../support/tempDir';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'backchannel.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = tempDir('replay-fa');

describe('replay show --lang fa', () => {
  const file = join(tmp, 'game.json');
  beforeAll(() => {
    const played = cli(
      'play',
      '--scenario',
      'muscat-2026',
      '--seed',
      'fa-1',
      '--side',
      'us=ai:linear',
      '--side',
      'iran=ai:boulware',
      '--replay-out',
      file,
    );
    expect(played.code).toBe(0);
  });

  it('prints the transcript in Persian: headings, every line, the outcome', () => {
    const english = cli('replay', 'show', file);
    const persian = cli('replay', 'show', file, '--lang', 'fa');
    expect(persian.code).toBe(0);
    expect(persian.err).toBe('');
    const lines = persian.out.trimEnd().split('\n');
    // Line for line the same transcript as the English one, said in Persian.
    expect(lines.length).toBe(english.out.trimEnd().split('\n').length);
    expect(lines[1]).toMatch(/^آمریکا: .* · ایران: .* · سطح دشواری: /);
    expect(persian.out).toMatch(/^دور ۱، نوبت [۰-۹]+ ─ دور ۱ از [۰-۹]+ آغاز می‌شود\.$/m);
    expect(persian.out).toMatch(/^ {11}⚖ دور با تنش .* بسته شد؛ /m);
    expect(persian.out).toMatch(/^ {11}↲ خطر [۰-۹٫]+٪ ← [۰-۹٫]+٪ \(/m);
    expect(persian.out).toMatch(/^نتیجه: .+ — .+$/m);
    expect(persian.out).toMatch(/^مطلوبیت‌ها: آمریکا .*؛ امتیازها: /m);
    // The game's own words are Persian: no Latin letters outside the ids and the seed (isolated).
    const { scenario } = loadShipped('muscat-2026');
    for (const line of lines.slice(2)) {
      const outsideIds = line.replace(/\u2068[^\u2069]*\u2069/g, '');
      expect(outsideIds, line).not.toMatch(/[A-Za-z]/);
    }
    for (const party of Object.values(scenario.parties)) expect(persian.out).not.toContain(` ${party.short} `);
  });

  it('English stays the default, and --lang en is the same', () => {
    const english = cli('replay', 'show', file);
    expect(english.code).toBe(0);
    expect(english.out).toMatch(/^round {2}1 t +\d+ ─ Round 1 of \d+ opens\.$/m);
    expect(english.out).toMatch(/^Outcome: /m);
    expect(cli('replay', 'show', file, '--lang', 'en').out).toBe(english.out);
  });

  it('an unknown language is refused with the choices; --lang is for show only', () => {
    const bad = cli('replay', 'show', file, '--lang', 'fr');
    expect(bad.code).toBe(1);
    expect(bad.err).toBe('error: unknown language "fr": choose en or fa\nsee: backchannel replay --help\n');
    const verify = cli('replay', 'verify', file, '--lang', 'fa');
    expect(verify.code).toBe(1);
    expect(verify.err).toMatch(/^error: --lang is for replay show/);
  });

  it('the help names --lang', () => {
    expect(cli('replay', '--help').out).toMatch(/--lang <en\|fa>\s+show's language/);
  });

  it('a replay file is the same in either language: the transcript is made from it, never stored in it', () => {
    const before = readFileSync(file, 'utf8');
    cli('replay', 'show', file, '--lang', 'fa');
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(cli('replay', 'verify', file).code).toBe(0);
  });
});
