// Files written before scenarios named their own parties: a format-1 scenario is migrated when read
// and plays the same game as today's file; a replay or a save recorded by the build before (rules
// version 4) is refused with the version line, never misread.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { playGame } from '../../src/core/play';
import { readReplay } from '../../src/core/replay';
import { parseSave } from '../../src/core/save';
import { loadScenarioText } from '../../src/core/scenario/loader';
import { migrateScenario } from '../../src/core/scenario/migrate';
import { loadShipped, ROOT } from '../support/scenarios';

const fixture = (name: string) => readFileSync(join(ROOT, 'tests', 'fixtures', 'format1', name), 'utf8');

describe('scenario format 1', () => {
  for (const id of ['muscat-2026', 'tutorial']) {
    it(`${id}: the file from before loads through the migration and plays the same game as today's`, () => {
      const old = loadScenarioText(fixture(`${id}.yaml`), `${id}.yaml`);
      if (!old.ok) throw new Error(old.errors.join('\n'));
      expect(old.migrated?.from).toBe(1);
      expect(old.migrated?.notes.join('\n')).toMatch(/add lon and lat to each, and a region, to draw the map/);
      const now = loadShipped(id);
      // The same parties, mediator and rules: only what format 2 adds (places, map, sources) differs.
      expect(Object.keys(old.scenario.parties)).toEqual(Object.keys(now.scenario.parties));
      expect(old.scenario.mediator).toEqual(now.scenario.mediator);
      expect(old.scenario.issues).toEqual(now.scenario.issues);
      expect(old.scenario.agenda).toEqual(now.scenario.agenda);
      const settings = { us: 'ai:linear', iran: 'ai:boulware', difficulty: 'normal' };
      const a = playGame(old.scenario, 'formats', settings, { checksums: true });
      const b = playGame(now.scenario, 'formats', settings, { checksums: true });
      expect(a.checksums).toEqual(b.checksums);
    });
  }

  it('migration never changes its input, and leaves a today file alone', () => {
    const value = parse(fixture('tutorial.yaml'));
    const before = JSON.stringify(value);
    const { value: out, from } = migrateScenario(value);
    expect(from).toBe(1);
    expect(JSON.stringify(value)).toBe(before);
    expect(out).toMatchObject({ formatVersion: 2, mediator: { short: 'Oman', colour: '#f2c14e', symbol: '◆' } });
    expect((out as { agenda: object }).agenda).not.toHaveProperty('omanCompromise');
    const today = parse(readFileSync(join(ROOT, 'scenarios', 'tutorial.yaml'), 'utf8'));
    expect(migrateScenario(today)).toEqual({ value: today, from: 2, notes: [] });
  });

  it('a file from a newer format is refused with the version line', () => {
    const value = parse(readFileSync(join(ROOT, 'scenarios', 'tutorial.yaml'), 'utf8'));
    const text = JSON.stringify({ ...value, formatVersion: 3 });
    expect(loadScenarioText(text, 'next.json')).toEqual({
      ok: false,
      errors: ['next.json: scenario format version 3 is newer than this build reads (2); update Backchannel'],
    });
  });
});

describe('replays and saves recorded before (rules version 4)', () => {
  const line =
    'replay rules version 4 is deprecated; this build plays rules version 6 (recorded before scenarios named their own parties and mediator: replay it in the build it was made with)';
  it('a replay is refused with the version line', () => {
    expect(readReplay(JSON.parse(fixture('replay-rules4.json')))).toEqual({ ok: false, error: line });
  });
  it('a save is refused with the same line', () => {
    expect(parseSave(fixture('save-rules4.json'))).toEqual({ ok: false, error: `the save's replay: ${line}` });
  });
});

// Rules version 6: the log's lines carry their messages in no language (src/core/logMessage.ts), so
// a game's states, and its checksums, differ from those rules version 5 recorded.
describe('replays and saves recorded before the log spoke every language (rules version 5)', () => {
  const rules5 = (name: string) => readFileSync(join(ROOT, 'tests', 'fixtures', 'rules5', name), 'utf8');
  const line = 'replay rules version 5 is deprecated; this build plays rules version 6';
  it('a replay is refused with the version line', () => {
    expect(readReplay(JSON.parse(rules5('replay-rules5.json')))).toEqual({ ok: false, error: line });
  });
  it('a save is refused with the same line', () => {
    expect(parseSave(rules5('save-rules5.json'))).toEqual({ ok: false, error: `the save's replay: ${line}` });
  });
  it('the same game recorded now verifies, with other checksums', () => {
    const old = JSON.parse(rules5('replay-rules5.json'));
    const { scenario } = loadShipped('muscat-2026');
    const now = playGame(scenario, old.seed, old.settings, { checksums: true });
    expect(now.log.map((e) => e.action)).toEqual(old.log.map((e: { action: unknown }) => e.action));
    expect(now.checksums).not.toEqual(old.checksums);
  });
});
