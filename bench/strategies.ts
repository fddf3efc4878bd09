// Does negotiating pay better than a trick? `npm run bench -- --strategies` plays GAMES seeded games of
// every strategy (the scripts, the reference negotiator and `random`) as each of the two parties against
// every AI personality, and checks the balance targets: no fixed script is best against any
// personality, the reference beats every script by more than twice the standard error, it reaches
// deals with the Hardliner, and skill outweighs the luck of the seed.
import { playGame } from '../src/core/play';
import type { Scenario, Side } from '../src/core/scenario/schema';
import { bySide, otherSide, sidesOf } from '../src/core/sides';
import type { Controller, Settings } from '../src/core/types';

export const STRATEGIES = [
  'script:reference',
  'script:always-threat',
  'script:always-conciliatory',
  'script:concede-every-round',
  'script:hold-then-accept',
  'random',
] as const satisfies readonly Controller[];

interface Cell {
  strategy: string;
  side: Side;
  personality: string;
  games: number;
  meanScore: number;
  standardError: number;
  agreement: number;
  conflict: number;
  /** Mean score over consecutive blocks of BLOCK seeds (the luck of the seed). */
  blockMeans: number[];
}

const BLOCKS = 10;
const round = (x: number, places = 4) => Math.round(x * 10 ** places) / 10 ** places;

function playCell(scenario: Scenario, strategy: Controller, side: Side, personality: string, games: number): Cell {
  const other: Side = otherSide(scenario, side);
  const scores: number[] = [];
  let deals = 0;
  let conflicts = 0;
  for (let i = 0; i < games; i++) {
    const settings: Settings = {
      ...bySide(scenario, (s) => (s === other ? `ai:${personality}` : strategy)),
      difficulty: scenario.defaults.difficulty,
    };
    const { state } = playGame(scenario, `strategies-${i}`, settings);
    const outcome = state.outcome;
    scores.push(outcome?.scores[side] ?? 0);
    if (outcome?.kind === 'comprehensive-deal' || outcome?.kind === 'interim-deal') deals++;
    if (outcome?.kind === 'conflict') conflicts++;
  }
  const mean = scores.reduce((a, b) => a + b, 0) / games;
  const variance = scores.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, games - 1);
  const block = Math.floor(games / BLOCKS);
  const blockMeans = Array.from({ length: BLOCKS }, (_, b) => scores.slice(b * block, (b + 1) * block).reduce((a, x) => a + x, 0) / block);
  return {
    strategy,
    side,
    personality,
    games,
    meanScore: round(mean),
    standardError: round(Math.sqrt(variance / games)),
    agreement: round(deals / games),
    conflict: round(conflicts / games),
    blockMeans: blockMeans.map((m) => round(m)),
  };
}

const sd = (xs: readonly number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / Math.max(1, xs.length - 1));
};

export function strategiesBench(scenario: Scenario, games: number) {
  const personalities = scenario.personalities.map((p) => p.id);
  const cells: Cell[] = [];
  for (const personality of personalities)
    for (const side of sidesOf(scenario))
      for (const strategy of STRATEGIES) cells.push(playCell(scenario, strategy, side, personality, games));
  const at = (strategy: string, side: Side, personality: string) =>
    cells.find((c) => c.strategy === strategy && c.side === side && c.personality === personality) as Cell;

  const checks: { target: string; met: boolean; detail: string }[] = [];
  for (const personality of personalities)
    for (const side of sidesOf(scenario)) {
      const ref = at('script:reference', side, personality);
      const scripts = STRATEGIES.filter((s) => s.startsWith('script:') && s !== 'script:reference').map((s) => at(s, side, personality));
      const best = [...scripts, ref].sort((a, b) => b.meanScore - a.meanScore)[0] as Cell;
      checks.push({
        target: `no fixed script is the best strategy (${side} vs ${personality})`,
        met: best.strategy === 'script:reference',
        detail: `best: ${best.strategy} ${best.meanScore}`,
      });
      for (const s of scripts) {
        const margin = ref.meanScore - s.meanScore;
        const twoSe = 2 * Math.sqrt(ref.standardError ** 2 + s.standardError ** 2);
        checks.push({
          target: `reference beats ${s.strategy} by more than 2 SE (${side} vs ${personality})`,
          met: margin > twoSe,
          detail: `margin ${round(margin)}, 2 SE ${round(twoSe)}`,
        });
      }
      const random = at('random', side, personality);
      const luck = sd(ref.blockMeans);
      checks.push({
        target: `skill over luck: reference − random ≥ 3 × SD of the reference's block means (${side} vs ${personality})`,
        met: ref.meanScore - random.meanScore >= 3 * luck,
        detail: `difference ${round(ref.meanScore - random.meanScore)}, 3 SD ${round(3 * luck)}`,
      });
    }
  const hardliner = personalities.find((p) => p === 'hardliner');
  if (hardliner) {
    for (const side of sidesOf(scenario)) {
      const ref = at('script:reference', side, hardliner);
      checks.push({
        target: `reference reaches a deal with the Hardliner in ≥ 25% of games (${side})`,
        met: ref.agreement >= 0.25,
        detail: `agreement ${ref.agreement}`,
      });
    }
    let deals = 0;
    for (let i = 0; i < games; i++) {
      const { state } = playGame(scenario, `strategies-${i}`, {
        ...bySide(scenario, () => 'ai:hardliner'),
        difficulty: scenario.defaults.difficulty,
      });
      if (state.outcome?.kind === 'comprehensive-deal' || state.outcome?.kind === 'interim-deal') deals++;
    }
    checks.push({
      target: 'two hardliners agree in < 20% of games',
      met: deals / games < 0.2,
      detail: `agreement ${round(deals / games)}`,
    });
  }
  // The parties in order, by the scenario's short names (for the table).
  const parties = sidesOf(scenario).map((id) => ({ id, short: scenario.parties[id]?.short ?? id }));
  return { games, parties, cells, checks, met: checks.filter((c) => c.met).length, of: checks.length };
}

/** The table the bench prints after its JSON: mean score ± SE, agreement and conflict per strategy. */
export function strategiesTable(result: ReturnType<typeof strategiesBench>): string {
  const personalities = [...new Set(result.cells.map((c) => c.personality))];
  const lines: string[] = [];
  for (const { id: side, short } of result.parties) {
    lines.push('', `As ${short}: mean score ± SE · agreement · conflict (${result.games} games a cell)`, '');
    lines.push(`| strategy | ${personalities.join(' | ')} |`, `|---|${personalities.map(() => '---').join('|')}|`);
    for (const strategy of STRATEGIES) {
      const row = personalities.map((p) => {
        const c = result.cells.find((x) => x.strategy === strategy && x.side === side && x.personality === p) as Cell;
        return `${c.meanScore.toFixed(3)} ± ${c.standardError.toFixed(3)} · ${Math.round(c.agreement * 100)}% · ${Math.round(c.conflict * 100)}%`;
      });
      lines.push(`| ${strategy} | ${row.join(' | ')} |`);
    }
  }
  lines.push('', `Targets met: ${result.met} of ${result.of}`);
  for (const c of result.checks.filter((x) => !x.met)) lines.push(`- not met: ${c.target}: ${c.detail}`);
  return lines.join('\n');
}
