// What the class debrief shows, computed once from the verified tables: the per-table comparison
// (core), each distinct Pareto frontier with its Nash point, every deal against it, class averages and
// the concessions summed per side and issue.
import { analyseGame, distanceToFrontier, type Point } from '../core/analysis';
import { compareTables, type TableSummary } from '../core/classroom';
import type { Scenario, Side } from '../core/scenario/schema';
import { bySide, sidesOf } from '../core/sides';
import type { GameState, Outcome } from '../core/types';
import type { LoadedTable } from './load';

/** Utilities on the Pareto chart's axes: `a` for the first party (x), `b` for the second (y), as in core/analysis. */
export interface UtilityPoint {
  a: number;
  b: number;
}

/** A frontier shared by every table with the same private types and agenda (same seed, same agenda). */
export interface SharedFrontier {
  points: Point[];
  nash: UtilityPoint | null;
  reservation: UtilityPoint;
  tables: number[];
}

export interface TableView {
  /** 1-based table number, the label on the charts. */
  n: number;
  summary: TableSummary;
  frontier: number;
  deal: (UtilityPoint & { toFrontier: number; toNash: number | null }) | null;
  /** How the talks ended, as the rules said it (its reason in English and in no language), or null. */
  ending: Pick<Outcome, 'reason' | 'msg'> | null;
}

export interface ClassAverages {
  tables: number;
  agreements: number;
  agreementRate: number;
  utilities: Record<Side, number>;
  scores: Record<Side, number>;
  dealUtilities: Record<Side, number> | null;
  rounds: number;
  outcomes: { kind: string; count: number }[];
}

export interface IssueConcessions {
  issue: string;
  name: string;
  totals: Record<Side, number>;
  tables: Record<Side, number>;
}

export interface ClassDigest {
  scenario: Scenario;
  tables: TableView[];
  frontiers: SharedFrontier[];
  averages: ClassAverages;
  concessions: IssueConcessions[];
  seeds: string[];
}

export const AGREEMENTS: readonly string[] = ['comprehensive-deal', 'interim-deal'];

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const frontierKey = (state: GameState) => JSON.stringify([state.types, [...state.agenda.on].sort()]);

export function digestClass(scenario: Scenario, loaded: readonly LoadedTable[]): ClassDigest {
  const summaries = compareTables(scenario, loaded);
  const [first, second] = sidesOf(scenario);
  const frontiers: SharedFrontier[] = [];
  const frontierOf = new Map<string, number>();
  const tables = loaded.map((table, i): TableView => {
    const key = frontierKey(table.state);
    let f = frontierOf.get(key);
    if (f === undefined) {
      // The frontier depends only on the private types and the agenda: analyse once per distinct pair.
      const a = analyseGame(scenario, table.state);
      f = frontiers.push({
        points: a.frontier,
        nash: a.nash ? { a: a.nash.a, b: a.nash.b } : null,
        reservation: a.reservation,
        tables: [],
      });
      f -= 1;
      frontierOf.set(key, f);
    }
    const shared = frontiers[f] as SharedFrontier;
    shared.tables.push(i + 1);
    const outcome = table.state.outcome;
    // A deal's utilities are the outcome's (both computed from the true types).
    const point = outcome?.deal ? { a: outcome.utilities[first] ?? 0, b: outcome.utilities[second] ?? 0 } : null;
    const deal = point
      ? {
          ...point,
          toFrontier: distanceToFrontier(shared.points, point),
          toNash: shared.nash ? Math.hypot(shared.nash.a - point.a, shared.nash.b - point.b) : null,
        }
      : null;
    const ending = outcome ? { reason: outcome.reason, msg: outcome.msg } : null;
    return { n: i + 1, summary: summaries[i] as TableSummary, frontier: f, deal, ending };
  });
  return {
    scenario,
    tables,
    frontiers,
    averages: averagesOf(scenario, summaries),
    concessions: concessionTotals(scenario, summaries),
    seeds: [...new Set(summaries.map((s) => s.seed))],
  };
}

export function averagesOf(scenario: Scenario, summaries: readonly TableSummary[]): ClassAverages {
  const deals = summaries.filter((s) => AGREEMENTS.includes(s.outcome));
  const perSide = (rows: readonly TableSummary[], pick: (s: TableSummary) => Record<Side, number>) =>
    bySide(scenario, (side) => mean(rows.map((s) => pick(s)[side] ?? 0)));
  const counts = new Map<string, number>();
  for (const s of summaries) counts.set(s.outcome, (counts.get(s.outcome) ?? 0) + 1);
  return {
    tables: summaries.length,
    agreements: deals.length,
    agreementRate: summaries.length ? deals.length / summaries.length : 0,
    utilities: perSide(summaries, (s) => s.utilities),
    scores: perSide(summaries, (s) => s.scores),
    dealUtilities: deals.length ? perSide(deals, (s) => s.utilities) : null,
    rounds: mean(summaries.map((s) => s.rounds)),
    outcomes: [...counts].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
  };
}

/** Concessions summed over all tables, per issue (scenario order), with how many tables gave ground. */
export function concessionTotals(scenario: Scenario, summaries: readonly TableSummary[]): IssueConcessions[] {
  return scenario.issues.map((issue) => {
    const totals = bySide(scenario, () => 0);
    const tables = bySide(scenario, () => 0);
    for (const s of summaries)
      for (const side of sidesOf(scenario)) {
        const given = s.concessions[side]?.[issue.id] ?? 0;
        totals[side] = (totals[side] ?? 0) + given;
        if (given > 0) tables[side] = (tables[side] ?? 0) + 1;
      }
    return { issue: issue.id, name: issue.name, totals, tables };
  });
}
