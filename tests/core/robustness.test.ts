// Hostile and broken input to the core and the CLI: every case gets a clear message naming the
// problem, nothing throws, nothing is executed, nothing is polluted. Listed in docs/robustness.md.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { playGame } from '../../src/core/play';
import { makeReplay, readReplay, verifyReplay } from '../../src/core/replay';
import { normaliseSeed } from '../../src/core/rng';
import { loadScenarioText, validateScenario } from '../../src/core/scenario/loader';
import { loadShipped, ROOT, rawShipped } from '../support/scenarios';
import { tempDir } from '../support/tempDir';

const tmp = tempDir('robust');
const muscat = () => parse(rawShipped('muscat-2026'));
const errors = (value: unknown) => {
  const r = validateScenario(value, 'x.yaml');
  return r.ok ? [] : r.errors;
};

describe('hostile scenario text', () => {
  it('keeps markup as literal text: <script> and <img onerror> load as plain strings', () => {
    const s = muscat();
    s.parties.us!.publicBrief = '<script>alert(1)</script>';
    s.events[0].title = '<img src=x onerror=alert(1)>';
    const r = validateScenario(s, 'x.yaml');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.scenario.parties.us!.publicBrief).toBe('<script>alert(1)</script>');
  });

  it('refuses 100,000-character text, naming the field and the limit', () => {
    const s = muscat();
    s.setting = 'x'.repeat(100_000);
    expect(errors(s)).toEqual(['x.yaml: setting: must be at most 16,000 characters long (has 100,000 characters)']);
  });

  it('refuses bidirectional overrides and control characters, naming where they are', () => {
    const s = muscat();
    s.events[2].text = 'Harmless \u202Etxet nedih';
    s.parties.iran!.name = 'Iran\u0007';
    expect(errors(s)).toEqual(
      expect.arrayContaining([
        `x.yaml: events[2] (id "${s.events[2].id}").text: contains the hidden control character U+202E at position 10`,
        'x.yaml: parties.iran.name: contains the hidden control character U+0007 at position 5',
      ]),
    );
  });

  it('accepts emoji with joiners and other scripts as ordinary text', () => {
    const s = muscat();
    s.events[0].text = 'Families hold photos 👨‍👩‍👧 in Tehran — خانواده‌ها';
    expect(validateScenario(s, 'x.yaml').ok).toBe(true);
  });

  it('refuses NaN, Infinity and probabilities above 1', () => {
    const yaml = rawShipped('muscat-2026')
      .replace(/q0: [0-9.]+/, 'q0: .nan')
      .replace(/rho: [0-9.]+/, 'rho: .inf')
      .replace(/descendChance: [0-9.]+/, 'descendChance: 1.5');
    const r = loadScenarioText(yaml, 'odd.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      // Each names its line and column in the file (`odd.yaml:412:3: ladder.q0: …`).
      const at = (key: string) => `odd.yaml:${yaml.split('\n').findIndex((l) => l.startsWith(`  ${key}:`)) + 1}:3: ladder.${key}:`;
      expect(r.errors.some((e) => e.startsWith(at('q0')))).toBe(true);
      expect(r.errors.some((e) => e.startsWith(at('rho')))).toBe(true);
      expect(r.errors).toContain(`${at('descendChance')} Too big: expected number to be <=1`);
    }
  });

  it('refuses ids outside ^[a-z0-9_-]{1,64}$, a ladder with no room for a top rung, and an event condition on an unknown issue', () => {
    const s = muscat();
    s.id = 'Muscat 2026!';
    s.ladder.rungs = s.ladder.rungs.slice(0, 2);
    s.events[1].conditions = { onAgenda: 'space-programme' };
    const e = errors(s);
    expect(e).toContain('x.yaml: id: must match ^[a-z0-9_-]{1,64}$');
    expect(e).toContain('x.yaml: ladder.rungs: must have at least 3 items (has 2)');
    expect(e).toContain(`x.yaml: events[1] (id "${s.events[1].id}").conditions.onAgenda: unknown issue "space-programme"`);
  });

  it('refuses __proto__ at any depth in YAML and JSON, and pollutes nothing', () => {
    const s = muscat();
    const yaml = stringify(s).replace('  - id: drone-downed', '  - __proto__: { polluted: yes }\n    id: drone-downed');
    expect(loadScenarioText(yaml, 'p.yaml')).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/forbidden key "__proto__" at line \d+/)],
    });
    const json = JSON.stringify(s).replace('"rounds":12', '"rounds":12,"constructor":{"prototype":{"polluted":true}}');
    expect(loadScenarioText(json, 'p.json')).toMatchObject({ ok: false, errors: [expect.stringMatching(/forbidden key "constructor"/)] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('the CLI with files it must refuse', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'bin', 'backchannel.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });

  it('refuses a 10 MB file before reading it, stating the limit', () => {
    const big = join(tmp, 'big.json');
    writeFileSync(big, Buffer.alloc(10 * 1024 * 1024, 0x20));
    const r = cli('validate', big);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`error: ${big}: file is 10.5 MB, larger than the 1 MB limit\n`);
  });

  it('refuses a truncated scenario with its line and column', () => {
    const file = join(tmp, 'cut.json');
    writeFileSync(file, JSON.stringify(muscat(), null, 1).slice(0, 5000));
    const r = cli('validate', file);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: .*cut\.json: invalid JSON at line \d+, column \d+: /);
  });
});

describe('seeds', () => {
  it('refuses an empty seed, a blank one, and a 10 KB one', () => {
    expect(normaliseSeed('')).toEqual({ ok: false, error: 'seed is empty' });
    expect(normaliseSeed('   ')).toEqual({ ok: false, error: 'seed is empty' });
    expect(normaliseSeed('x'.repeat(10_240))).toEqual({ ok: false, error: 'seed is longer than 256 characters' });
  });

  it('refuses control characters and direction overrides in a seed, naming them, but keeps emoji joiners', () => {
    expect(normaliseSeed('ab\u202Ecd')).toEqual({ ok: false, error: 'seed contains the hidden control character U+202E at position 3' });
    expect(normaliseSeed('line\nbreak')).toEqual({ ok: false, error: 'seed contains the hidden control character U+000A at position 5' });
    expect(normaliseSeed('bell\u0007')).toMatchObject({ ok: false });
    expect(normaliseSeed('👨‍👩‍👧 ❤️')).toEqual({ ok: true, seed: '👨‍👩‍👧 ❤️' });
  });

  it.each(['10%', 'a+b', '🇮🇷', '<script>', 'café'])('keeps %j exactly as typed', (raw) => {
    expect(normaliseSeed(raw)).toEqual({ ok: true, seed: raw.normalize('NFC') });
  });

  it('plays the same game from NFC and NFD spellings of a seed', () => {
    const { scenario } = loadShipped('tutorial');
    const settings = { us: 'ai:linear', iran: 'ai:linear', difficulty: 'normal' } as const;
    const nfc = normaliseSeed('café');
    const nfd = normaliseSeed('cafe\u0301');
    if (!nfc.ok || !nfd.ok) throw new Error('seed refused');
    expect(JSON.stringify(playGame(scenario, nfd.seed, settings).state)).toBe(JSON.stringify(playGame(scenario, nfc.seed, settings).state));
  });
});

describe('replays', () => {
  const { scenario, sha256 } = loadShipped('muscat-2026');
  const settings = { us: 'ai:tit-for-tat', iran: 'ai:boulware', difficulty: 'normal' } as const;
  const g = playGame(scenario, 'robust', settings, { checksums: true });
  const good = JSON.parse(
    JSON.stringify(
      makeReplay({ scenario, scenarioHash: sha256, seed: 'robust', settings, log: g.log, checksums: g.checksums, finalState: g.state }),
    ),
  );

  it('names an illegal move at turn 7', () => {
    expect(good.log.length).toBeGreaterThan(8);
    const bad = structuredClone(good);
    bad.log[6].action = { type: 'accept-bridge' };
    const r = verifyReplay(scenario, sha256, bad);
    expect(r).toMatchObject({ ok: false, turn: 7 });
    if (!r.ok) expect(r.error).toMatch(/^illegal action at turn 7: /);
  });

  it('refuses a move by the wrong side, naming the turn', () => {
    const bad = structuredClone(good);
    bad.log[4].side = bad.log[4].side === 'us' ? 'iran' : 'us';
    expect(verifyReplay(scenario, sha256, bad)).toMatchObject({ ok: false, turn: 5 });
  });

  it('returns an error for arbitrary JSON and for mangled replays, never throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(readReplay(value).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.nat(good.log.length - 1), fc.jsonValue(), (turn, junk) => {
        const bad = structuredClone(good);
        bad.log[turn].action = junk;
        const read = readReplay(bad);
        if (read.ok)
          expect(verifyReplay(scenario, sha256, read.replay).ok).toBe(
            typeof junk === 'object' && junk !== null && JSON.stringify(junk) === JSON.stringify(good.log[turn].action),
          );
      }),
      { numRuns: 200 },
    );
  });
});
