// Every scenario shipped in scenarios/ is a playable game: it validates, every pairing of its
// personalities plays to an end, and each game's replay verifies. A scenario added to the folder is
// checked here without a line of test code.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playGame } from '../../src/core/play';
import { makeReplay, readReplay, verifyReplay } from '../../src/core/replay';
import { loadScenarioText } from '../../src/core/scenario/loader';
import { sidesOf } from '../../src/core/sides';
import type { Controller, Settings } from '../../src/core/types';
import { ROOT } from '../support/scenarios';

const files = readdirSync(join(ROOT, 'scenarios')).filter((f) => /\.(ya?ml|json)$/.test(f) && f !== 'schema.json');

describe('the scenario library', () => {
  it('holds the tutorial, Muscat and at least two more', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  for (const file of files)
    it(`${file}: validates in today's format, and every pairing of its personalities plays and verifies`, () => {
      const loaded = loadScenarioText(readFileSync(join(ROOT, 'scenarios', file), 'utf8'), file);
      if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
      expect(loaded.migrated).toBeUndefined();
      const { scenario, sha256 } = loaded;
      const [a, b] = sidesOf(scenario);
      const ids = scenario.personalities.map((p) => p.id);
      const endings = new Set<string>();
      for (const first of ids)
        for (const second of ids) {
          const seed = `library-${first}-${second}`;
          const settings: Settings = {
            [a]: `ai:${first}` as Controller,
            [b]: `ai:${second}` as Controller,
            difficulty: scenario.defaults.difficulty,
          };
          const game = playGame(scenario, seed, settings, { checksums: true });
          expect(game.state.phase).toBe('ended');
          endings.add(game.state.outcome?.kind ?? '?');
          const replay = makeReplay({
            scenario,
            scenarioHash: sha256,
            seed,
            settings,
            log: game.log,
            checksums: game.checksums,
            finalState: game.state,
          });
          const read = readReplay(JSON.parse(JSON.stringify(replay)));
          if (!read.ok) throw new Error(read.error);
          expect(verifyReplay(scenario, sha256, read.replay)).toMatchObject({ ok: true });
        }
      // Not one ending for every pairing: the personalities make a difference in this scenario.
      expect(endings.size).toBeGreaterThan(1);
    });
});
