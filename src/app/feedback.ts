// Announces every move and event in the aria-live log and plays its sound cue.
import { rollsSince } from '../core/escalation/roundRoll';
import type { LogEntry } from '../core/types';
import type { Announcer } from '../dom/announcer';
import { m } from '../i18n';
import { logText } from '../i18n/logWords';
import { rollSentence } from '../i18n/rollWords';
import type { App } from './app';
import { type Cue, play } from './sound';

export function announceChanges(app: App, announcer: Announcer): void {
  let errorShown: string | null = null;
  /** The game whose risk log was last read, and how far: each round-end draw is announced once. */
  let riskOf: object | null = null;
  let riskRead = 0;
  app.subscribe((change) => {
    if (change.kind === 'screen') {
      if (app.screen === 'title') announcer.clear();
      announcer.announce([`${m.app.screenName[app.screen] ?? app.screen}.`]);
      return;
    }
    if (change.kind === 'state') {
      errorShown = null;
      const s = app.session;
      let lines = s ? change.entries.map((e) => logText(e, s.scenario)) : change.entries.map((e) => e.text);
      let climbed = false;
      if (s) {
        // A new game (or a resumed one) starts with its earlier draws counted as announced.
        if (riskOf !== s || riskRead > s.game.risk.length) riskRead = riskBefore(change.entries, s.game.log.length, s.game.risk);
        riskOf = s;
        const rolls = rollsSince(s.scenario, s.game, riskRead).filter((r) => r.move !== 'stay');
        riskRead = s.game.risk.length;
        climbed = rolls.some((r) => r.move === 'up');
        lines = withRolls(
          lines,
          s.game.log.length,
          rolls.map((r) => ({ at: r.at, text: rollSentence(r, s.game.hazardVisible !== false, s.scenario) })),
        );
      }
      announcer.announce(lines);
      const cue = cueFor([...change.entries.map((e) => e.kind), ...(climbed ? ['escalation'] : [])]);
      if (cue) play(cue);
      return;
    }
    if (app.lastError && app.lastError !== errorShown) {
      errorShown = app.lastError;
      announcer.announce([m.app.notAllowed(app.lastError)]);
    }
  });
}

/** A game first seen at this step: its risk entries from before the step (logged before its first entry). */
function riskBefore(entries: readonly LogEntry[], logLength: number, risk: readonly { at: number }[]): number {
  const start = logLength - entries.length;
  return risk.filter((r) => r.at < start).length;
}

/** The step's lines with each round-end draw's sentence put where it happened in the log. */
function withRolls(lines: readonly string[], logLength: number, rolls: readonly { at: number; text: string }[]): string[] {
  const start = logLength - lines.length;
  const out: string[] = [];
  let next = 0;
  lines.forEach((line, i) => {
    while (next < rolls.length && (rolls[next]?.at ?? 0) <= start + i) out.push(rolls[next++]?.text ?? '');
    out.push(line);
  });
  while (next < rolls.length) out.push(rolls[next++]?.text ?? '');
  return out;
}

function cueFor(kinds: string[]): Cue | null {
  if (kinds.includes('outcome')) return 'deal';
  if (kinds.includes('escalation')) return 'alarm';
  if (kinds.includes('event')) return 'event';
  return kinds.length > 0 ? 'move' : null;
}
