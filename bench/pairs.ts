// Outcome rates for every pairing of personalities: `npx tsx bench/pairs.ts [games] [scenario]`.
// Rows are "<first party's personality> vs <second party's>", headed by the scenario's short names.
import { readFileSync } from 'node:fs';
import { playGame } from '../src/core/play';
import { loadScenarioText } from '../src/core/scenario/loader';
import { bySide, sidesOf } from '../src/core/sides';

const games = Number(process.argv[2] ?? 2000);
const file = process.argv[3] ?? 'scenarios/muscat-2026.yaml';
const loaded = loadScenarioText(readFileSync(file, 'utf8'), file);
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const { scenario } = loaded;
const [first, second] = sidesOf(scenario);
const short = (side: string) => scenario.parties[side]?.short ?? side;
const ids = scenario.personalities.map((p) => p.id);
const rows: string[] = [
  `| ${short(first)} \\ ${short(second)} | agreement | walkout | conflict | no deal | recall | mean rounds |`,
  '|---|---|---|---|---|---|---|',
];
for (const a of ids)
  for (const b of ids) {
    const counts: Record<string, number> = {};
    let rounds = 0;
    for (let i = 0; i < games; i++) {
      const { state } = playGame(scenario, `pairs-${i}`, {
        ...bySide(scenario, (side) => `ai:${side === first ? a : b}`),
        difficulty: scenario.defaults.difficulty,
      });
      const k = state.outcome?.kind ?? '?';
      counts[k] = (counts[k] ?? 0) + 1;
      rounds += state.round;
    }
    const pct = (n: number) => `${((100 * n) / games).toFixed(1)}%`;
    const agree = (counts['comprehensive-deal'] ?? 0) + (counts['interim-deal'] ?? 0);
    rows.push(
      `| ${a} vs ${b} | ${pct(agree)} | ${pct(counts.walkout ?? 0)} | ${pct(counts.conflict ?? 0)} | ${pct(counts['no-deal'] ?? 0)} | ${pct(counts.recall ?? 0)} | ${(rounds / games).toFixed(1)} |`,
    );
  }
console.log(rows.join('\n'));
