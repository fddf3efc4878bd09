// A readable transcript of a replay: every turn's moves, events, the mediator's interventions and
// the escalation draws with their causes, then the outcome. Parties go by the scenario's short names.
import type { Replay } from '../core/replay';
import { applySeatActionInPlace } from '../core/rules';
import type { Scenario } from '../core/scenario/schema';
import { sidesOf } from '../core/sides';
import { createGame } from '../core/state';
import { controllerOf, type GameState, type LogEntry, type RiskEntry, type Side } from '../core/types';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function transcript(scenario: Scenario, replay: Replay, _final: GameState | null): string {
  const lines: string[] = [];
  lines.push(`${scenario.title} (${scenario.id}) — seed "${replay.seed}"`);
  const sides = sidesOf(scenario);
  const name = (side: Side) => scenario.parties[side]?.short ?? side;
  const each = (values: Record<Side, number>) => sides.map((side) => `${name(side)} ${(values[side] ?? 0).toFixed(3)}`).join(', ');
  lines.push(
    `${sides.map((side) => `${name(side)}: ${controllerOf(replay.settings, side)}`).join(' · ')} · difficulty ${replay.settings.difficulty}`,
  );
  lines.push('');
  const state = createGame(scenario, replay.seed, replay.settings);
  let logSeen = 0;
  let riskSeen = 0;
  const flush = () => {
    // Interleave the narrative and the explained risk in the order they happened.
    const risks = state.risk.slice(riskSeen);
    let r = 0;
    for (let i = logSeen; i <= state.log.length; i++) {
      while (r < risks.length && (risks[r]?.at ?? 0) <= i) lines.push(formatRisk(risks[r++] as RiskEntry));
      const entry = state.log[i];
      if (entry) lines.push(formatEntry(scenario, entry));
    }
    logSeen = state.log.length;
    riskSeen = state.risk.length;
  };
  for (const entry of replay.log) {
    const error = applySeatActionInPlace(scenario, state, entry.side, entry.action);
    if (error) {
      lines.push(`turn ${entry.turn}: ILLEGAL (${error})`);
      break;
    }
    flush();
  }
  if (state.outcome) {
    lines.push('');
    lines.push(`Outcome: ${state.outcome.kind} — ${state.outcome.reason}`);
    lines.push(`Utilities: ${each(state.outcome.utilities)}; scores: ${each(state.outcome.scores)}`);
  }
  return lines.join('\n');
}

function formatRisk(r: RiskEntry): string {
  if (r.cause === 'draw') return `           ⚖ ${r.text}`;
  const delta = r.tension ? `, ${r.tension > 0 ? '+' : ''}${r.tension} tension` : '';
  return `           ↳ risk ${pct(r.hazardBefore)} → ${pct(r.hazardAfter)} (${r.cause}${delta}): ${r.text}`;
}

function formatEntry(scenario: Scenario, e: LogEntry): string {
  const where = e.round === 0 ? 'agenda ' : `round ${String(e.round).padStart(2)}`;
  const marker = {
    move: (e.side !== null && scenario.parties[e.side]?.symbol) || '•',
    event: '!',
    mediator: scenario.mediator.symbol,
    round: '─',
    escalation: '⚖',
    domestic: '≈',
    outcome: '■',
    agenda: '•',
    facilitator: '✎',
  }[e.kind];
  return `${where} t${String(e.turn).padStart(3)} ${marker} ${e.text}`;
}
