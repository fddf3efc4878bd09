// A readable transcript of a replay: every turn's moves, events, the mediator's interventions and
// the escalation draws with their causes, then the outcome. Parties go by the scenario's short names.
// It is said in the language shown (src/i18n: English unless `replay show --lang fa` chose Persian),
// the lines through the log's messages (src/i18n/logWords.ts), the scenario's words through shown().
import type { Replay } from '../core/replay';
import { applySeatActionInPlace } from '../core/rules';
import type { Scenario } from '../core/scenario/schema';
import { sidesOf } from '../core/sides';
import { createGame } from '../core/state';
import { controllerOf, type GameState, type LogEntry, type RiskEntry, type Side } from '../core/types';
import { m, shown } from '../i18n';
import { logText, outcomeText, riskText } from '../i18n/logWords';

export function transcript(scenario: Scenario, replay: Replay, _final: GameState | null): string {
  const lines: string[] = [];
  const words = shown(scenario);
  lines.push(m.log.transcriptTitle(words.title, scenario.id, replay.seed));
  const sides = sidesOf(scenario);
  const name = (side: Side) => words.parties[side]?.short ?? side;
  const each = (values: Record<Side, number>) => sides.map((side) => m.log.transcriptValue(name(side), values[side] ?? 0));
  lines.push(
    m.log.transcriptSeats(
      sides.map((side) => m.log.transcriptSeat(name(side), controllerOf(replay.settings, side))),
      replay.settings.difficulty,
      words.difficulties.find((d) => d.id === replay.settings.difficulty)?.name ?? replay.settings.difficulty,
    ),
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
      while (r < risks.length && (risks[r]?.at ?? 0) <= i) lines.push(formatRisk(scenario, risks[r++] as RiskEntry));
      const entry = state.log[i];
      if (entry) lines.push(formatEntry(scenario, entry));
    }
    logSeen = state.log.length;
    riskSeen = state.risk.length;
  };
  for (const entry of replay.log) {
    const error = applySeatActionInPlace(scenario, state, entry.side, entry.action);
    if (error) {
      lines.push(m.log.transcriptIllegal(entry.turn, error));
      break;
    }
    flush();
  }
  if (state.outcome) {
    lines.push('');
    lines.push(m.log.transcriptOutcome(m.log.outcomeKind[state.outcome.kind] ?? state.outcome.kind, outcomeText(state.outcome, scenario)));
    lines.push(m.log.transcriptScores(each(state.outcome.utilities), each(state.outcome.scores)));
  }
  return lines.join('\n');
}

/** The margin before a risk line: under the "round 12 t 34 •" of the log lines. */
const RISK_MARGIN = ' '.repeat(11);

function formatRisk(scenario: Scenario, r: RiskEntry): string {
  const text = riskText(r, scenario);
  if (r.cause === 'draw') return `${RISK_MARGIN}⚖ ${text}`;
  return `${RISK_MARGIN}${m.log.transcriptRisk(r.hazardBefore, r.hazardAfter, m.log.cause[r.cause] ?? r.cause, r.tension, text)}`;
}

function formatEntry(scenario: Scenario, e: LogEntry): string {
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
  return `${m.log.transcriptWhen(e.round, e.turn)} ${marker} ${logText(e, scenario)}`;
}
