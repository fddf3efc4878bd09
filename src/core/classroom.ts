// What a teacher's debrief is made of: each team's position memo, how well each team read the other
// (perception checks against the truth), risk the students caused versus risk the facilitator
// added, who conceded what, and the comparison of many tables that played the same scenario.
import { spaceOf } from './negotiation/space';
import type { LoggedAction } from './play';
import { normaliseSeatAction } from './rules';
import type { Scenario, Side } from './scenario/schema';
import { bySide, otherSide, sidesOf } from './sides';
import type { GameState, JournalEntry, RiskCause } from './types';

/** The other side's true top priority (largest weight) and red line (the concession its hardliners punish most). */
export function perceptionTruth(scenario: Scenario, state: GameState, about: Side): { priority: string; redLine: string } {
  const weights = state.types[about]!.weights;
  let top = 0;
  let line = 0;
  scenario.issues.forEach((issue, i) => {
    if ((weights[i] as number) > (weights[top] as number)) top = i;
    const cost = issue.domesticCost[about]! * (weights[i] as number);
    const best = (scenario.issues[line]?.domesticCost[about] ?? 0) * (weights[line] as number);
    if (cost > best) line = i;
  });
  return { priority: scenario.issues[top]?.id ?? '', redLine: scenario.issues[line]?.id ?? '' };
}

export interface PerceptionScore {
  side: Side;
  truth: { priority: string; redLine: string };
  guesses: { round: number; priority: string; redLine: string; priorityRight: boolean; redLineRight: boolean }[];
  accuracy: number | null;
}

export function scorePerception(scenario: Scenario, state: GameState): Record<Side, PerceptionScore> {
  const score = (side: Side): PerceptionScore => {
    const truth = perceptionTruth(scenario, state, otherSide(scenario, side));
    const guesses = state.guesses
      .filter((g) => g.side === side)
      .map((g) => ({
        round: g.round,
        priority: g.priority,
        redLine: g.redLine,
        priorityRight: g.priority === truth.priority,
        redLineRight: g.redLine === truth.redLine,
      }));
    const hits = guesses.reduce((n, g) => n + Number(g.priorityRight) + Number(g.redLineRight), 0);
    return { side, truth, guesses, accuracy: guesses.length ? hits / (2 * guesses.length) : null };
  };
  return bySide(scenario, score);
}

export function positionMemo(state: GameState, side: Side): JournalEntry[] {
  return state.journal.filter((j) => j.side === side);
}

/** Tension added per cause: what the students did, what the world did, and what the facilitator added. */
export function riskByCause(state: GameState): Record<RiskCause, number> {
  const totals: Record<RiskCause, number> = { move: 0, event: 0, domestic: 0, agenda: 0, decay: 0, draw: 0, facilitator: 0 };
  for (const r of state.risk) totals[r.cause] += r.tension;
  return totals;
}

/** Steps each side gave up on each issue, measured in its own evaluation, over its successive offers. */
export function concessionsBySide(scenario: Scenario, state: GameState): Record<Side, Record<string, number>> {
  const space = spaceOf(scenario);
  const out = bySide(scenario, () => ({}) as Record<string, number>);
  for (const side of sidesOf(scenario)) {
    const offers = state.offerHistory.filter((o) => o.side === side);
    const ev = space.evals[side]!;
    for (let k = 1; k < offers.length; k++) {
      const before = offers[k - 1]?.pkg ?? [];
      const after = offers[k]?.pkg ?? [];
      space.ids.forEach((id, i) => {
        const drop = ((ev[i] as number[])[before[i] as number] ?? 0) - ((ev[i] as number[])[after[i] as number] ?? 0);
        if (drop > 1e-9) out[side]![id] = (out[side]![id] ?? 0) + drop;
      });
    }
  }
  return out;
}

export interface TableInput {
  name: string;
  state: GameState;
  log: LoggedAction[];
}

export interface TableSummary {
  name: string;
  seed: string;
  /** The two parties' ids, in the scenario's order (the CSV's columns follow them). */
  sides: readonly [Side, Side];
  settings: GameState['settings'];
  outcome: string;
  reason: string;
  rounds: number;
  finalRung: number;
  rungByRound: number[];
  utilities: Record<Side, number>;
  scores: Record<Side, number>;
  firstDivergentRound: number | null;
  facilitatorTension: number;
  concessions: Record<Side, Record<string, number>>;
  memos: Record<Side, JournalEntry[]>;
}

/** A move as compared across tables: its canonical copy, so key order, stray keys and blank reasons do not count. */
const actionKey = (a: LoggedAction | undefined) => (a ? JSON.stringify([a.side, normaliseSeatAction(a.side, a.action)]) : '');

/**
 * Compares tables: for each, the round of its first move that differs from what most tables did
 * at that turn (null if it never left the common path), plus outcome, escalation and concessions.
 */
export function compareTables(scenario: Scenario, tables: readonly TableInput[]): TableSummary[] {
  const longest = Math.max(0, ...tables.map((t) => t.log.length));
  const plurality: string[] = [];
  for (let turn = 0; turn < longest; turn++) {
    const counts = new Map<string, number>();
    for (const t of tables) {
      const key = actionKey(t.log[turn]);
      if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    let best = '';
    let n = 0;
    for (const [key, c] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1)))
      if (c > n) {
        best = key;
        n = c;
      }
    plurality.push(best);
  }
  return tables.map((t) => {
    const { state } = t;
    const divergentTurn = t.log.findIndex((a, i) => actionKey(a) !== plurality[i]);
    const roundOfTurn = (turn: number) => state.log.find((e) => e.turn === turn)?.round ?? 0;
    const draws = state.risk.filter((r) => r.cause === 'draw');
    return {
      name: t.name,
      seed: state.seed,
      sides: sidesOf(scenario),
      settings: state.settings,
      outcome: state.outcome?.kind ?? 'unfinished',
      reason: state.outcome?.reason ?? '',
      rounds: state.round,
      finalRung: state.rung,
      rungByRound: [scenario.ladder.start, ...draws.map((d) => d.rung)],
      utilities: state.outcome?.utilities ?? bySide(scenario, () => 0),
      scores: state.outcome?.scores ?? bySide(scenario, () => 0),
      firstDivergentRound: divergentTurn < 0 ? null : roundOfTurn(divergentTurn + 1),
      facilitatorTension: riskByCause(state).facilitator,
      concessions: concessionsBySide(scenario, state),
      memos: bySide(scenario, (side) => positionMemo(state, side)),
    };
  });
}

/**
 * One CSV cell, always quoted. Free text that a spreadsheet would read as a formula starts with a
 * quote mark: OWASP's CSV-injection list, `= + - @`, a tab and a carriage return, and a line feed
 * (which some guides list too). Numbers stay numbers: a negative one is not free text.
 */
export const csvCell = (v: string | number | null) => {
  const text = v === null ? '' : typeof v === 'number' ? String(Math.round(v * 1e4) / 1e4) : v;
  const safe = typeof v === 'string' && /^[=+\-@\t\r\n]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
};

/**
 * One row per table, for a gradebook. Columns named after the scenario's parties (`us`, `utility_us`,
 * …); a class plays one scenario, so the first table's parties name them.
 */
export function tablesToCsv(summaries: readonly TableSummary[]): string {
  const [a, b] = summaries[0]?.sides ?? ['party_a', 'party_b'];
  const perSide = (field: string) => [`${field}${a}`, `${field}${b}`];
  const header = [
    'table',
    'seed',
    ...perSide(''),
    'outcome',
    'rounds',
    'final_rung',
    'first_divergent_round',
    ...perSide('utility_'),
    ...perSide('score_'),
    'facilitator_tension',
    ...perSide('memo_'),
  ];
  const memo = (entries: readonly JournalEntry[] | undefined) =>
    (entries ?? []).map((m) => `R${m.round} ${m.move}: ${m.reason}`).join(' | ');
  const rows = summaries.map((s) => {
    const [x, y] = s.sides;
    return [
      s.name,
      s.seed,
      s.settings[x] ?? null,
      s.settings[y] ?? null,
      s.outcome,
      s.rounds,
      s.finalRung,
      s.firstDivergentRound,
      s.utilities[x] ?? null,
      s.utilities[y] ?? null,
      s.scores[x] ?? null,
      s.scores[y] ?? null,
      s.facilitatorTension,
      memo(s.memos[x]),
      memo(s.memos[y]),
    ]
      .map(csvCell)
      .join(',');
  });
  return `${[header.map((h) => csvCell(h)).join(','), ...rows].join('\r\n')}\r\n`;
}
