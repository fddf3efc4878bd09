// The game's log in the language shown. The rules write each log line, risk entry and outcome with
// a message in no language (src/core/logMessage.ts: ids and numbers); these say it with the
// catalogue's `m.log` and the scenario's names from `shown(scenario)`. In English the words are the
// rules' own `text`, character for character (tests/core/logWords.test.ts). An entry without a
// message (a line a screen made itself, or one from an older build) is shown as its `text`.
//
//   import { logText, riskText } from '../../i18n/logWords';
//   for (const entry of state.log) line(logText(entry, scenario));
import type { LogMessage, OutcomeMessage, RiskMessage, TermsArg } from '../core/logMessage';
import type { Scenario } from '../core/scenario/schema';
import { f, m, shown } from './index';

/** A scenario's name inside a line: isolated when it reads the other way from the language shown. */
function word(s: string): string {
  return /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.test(s) ? s : f.iso(s);
}

/** Thrown when a message names something the scenario does not have: the entry's text is shown instead. */
class Unknown extends Error {}

function known<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Unknown();
  return value;
}

class Names {
  readonly s: Scenario;
  constructor(scenario: Scenario) {
    this.s = shown(scenario);
  }
  party(id: string): string {
    return word(known(this.s.parties[id]?.short));
  }
  mediator(): string {
    return word(known(this.s.mediator?.short));
  }
  issue(i: number): string {
    return word(known(this.s.issues[i]?.name));
  }
  issues(list: readonly number[]): string[] {
    return list.map((i) => this.issue(i));
  }
  terms(terms: TermsArg): string {
    return m.log.terms(terms.map(([i, o]) => [this.issue(i), word(known(this.s.issues[i]?.options[o]?.label))] as const));
  }
  rung(r: number): string {
    return word(known(this.s.ladder.rungs[r]?.name));
  }
  /** An event's title: the scenario's, or the facilitator's as typed (a custom event). */
  title(args: { event: string; title?: string }): string {
    return word(args.title ?? known(this.s.events.find((e) => e.id === args.event)?.title));
  }
  eventText(args: { event: string; text?: string }): string {
    return word(args.text ?? known(this.s.events.find((e) => e.id === args.event)?.text));
  }
  tone(tone: string): string {
    return known((m.log.tone as Record<string, string>)[tone]);
  }
  statement(tone: string, side: string): string {
    return word(known((this.s.statements as Record<string, { text: Record<string, string> } | undefined>)[tone]?.text[side]));
  }
}

function outcomeWords(n: Names, msg: OutcomeMessage): string {
  switch (msg.id) {
    case 'dealSigned':
      return m.log.dealSigned(msg.args.deal === 'comprehensive-deal', msg.args.round, msg.args.settled, msg.args.issues);
    case 'noDeal':
      return m.log.noDeal(msg.args.round);
    case 'conflictRound':
      return m.log.conflictRound(n.rung(msg.args.rung), msg.args.round);
    case 'conflictEvents':
      return m.log.conflictEvents(n.rung(msg.args.rung));
    case 'conflictInject':
      return m.log.conflictInject(n.title(msg.args), n.rung(msg.args.rung));
    case 'recalled':
      return m.log.recalled(n.party(msg.args.party), msg.args.support, msg.args.below);
    case 'walkedOutOfTalks':
      return m.log.walkedOutOfTalks(n.party(msg.args.party), msg.args.round);
    default:
      throw new Unknown();
  }
}

function logWords(n: Names, msg: LogMessage): string {
  switch (msg.id) {
    case 'roundOpens':
      return m.log.roundOpens(msg.args.round, msg.args.of);
    case 'proposes':
      return m.log.proposes(n.party(msg.args.party), n.terms(msg.args.terms));
    case 'concedes':
      return m.log.concedes(n.party(msg.args.party), n.issue(msg.args.issue), n.terms(msg.args.terms));
    case 'accepts':
      return m.log.accepts(n.party(msg.args.party), n.party(msg.args.other));
    case 'endorsesBridge':
      return m.log.endorsesBridge(n.party(msg.args.party), n.mediator());
    case 'statement':
      return m.log.statement(n.party(msg.args.party), n.tone(msg.args.tone), n.statement(msg.args.tone, msg.args.party));
    case 'recess':
      return m.log.recess(n.party(msg.args.party), n.mediator());
    case 'bridge':
      return m.log.bridge(n.mediator(), n.terms(msg.args.terms));
    case 'bridgeRefused':
      return m.log.bridgeRefused(n.mediator(), msg.args.gap, msg.args.at);
    case 'walksOut':
      return m.log.walksOut(n.party(msg.args.party));
    case 'guess':
      return m.log.guess(n.party(msg.args.party));
    case 'support': {
      const a = msg.args;
      const why =
        a.why === 'yielded'
          ? m.log.whyYielded(a.count)
          : a.why === 'statement'
            ? m.log.whyStatement(n.tone(a.tone))
            : a.why === 'concessions'
              ? m.log.whyConcessions
              : a.why === 'backdown'
                ? m.log.whyBackdown
                : n.title(a);
      return m.log.support(n.party(a.party), a.moved, a.to, why);
    }
    case 'proposeAgenda':
      return m.log.proposeAgenda(n.party(msg.args.party), n.issues(msg.args.issues));
    case 'acceptAgenda':
      return m.log.acceptAgenda(n.party(msg.args.party), n.party(msg.args.other));
    case 'forceAgenda':
      return m.log.forceAgenda(n.party(msg.args.party), n.issues(msg.args.issues));
    case 'mediatorAgenda':
      return m.log.mediatorAgenda(n.mediator(), n.issues(msg.args.issues));
    case 'agendaSettled':
      return m.log.agendaSettled(n.issues(msg.args.issues));
    case 'event':
      return m.log.event(n.title(msg.args), n.eventText(msg.args));
    case 'deadlineMoved':
      return m.log.deadlineMoved(n.title(msg.args), msg.args.to, msg.args.from);
    case 'paused':
      return m.log.paused;
    case 'resumed':
      return m.log.resumed;
    case 'hazardShown':
      return m.log.hazardShown;
    case 'hazardHidden':
      return m.log.hazardHidden;
    case 'facilitatorDeadline':
      return m.log.facilitatorDeadline(msg.args.delta, msg.args.to);
    case 'inject':
      return m.log.inject(n.title(msg.args));
    case 'mediatorBridge':
      return m.log.mediatorBridge(n.mediator(), n.terms(msg.args.terms));
    default:
      return outcomeWords(n, msg);
  }
}

function riskWords(n: Names, msg: RiskMessage): string {
  switch (msg.id) {
    case 'pressure':
      return m.log.pressure(n.party(msg.args.party), msg.args.support, msg.args.below);
    case 'conceded':
      return m.log.conceded(n.party(msg.args.party), n.issue(msg.args.issue));
    case 'statementRisk':
      return m.log.statementRisk(n.party(msg.args.party), n.tone(msg.args.tone));
    case 'recessRisk':
      return m.log.recessRisk(n.party(msg.args.party), n.mediator());
    case 'bridgeRisk':
      return m.log.bridgeRisk(n.mediator(), n.party(msg.args.party));
    case 'walkedOut':
      return m.log.walkedOut(n.party(msg.args.party));
    case 'dealRisk':
      return m.log.dealRisk;
    case 'forcedAgenda':
      return m.log.forcedAgenda(n.party(msg.args.party), msg.args.count, n.party(msg.args.other));
    case 'eventRisk':
      return m.log.eventRisk(n.title(msg.args), known((m.log.severity as Record<string, string>)[msg.args.severity]));
    case 'eventRung':
      return m.log.eventRung(n.title(msg.args), n.rung(msg.args.rung));
    case 'drawClimbed':
      return m.log.drawClimbed(msg.args.tension, msg.args.hazard ?? null, n.rung(msg.args.rung));
    case 'drawDown':
      return m.log.drawDown(msg.args.tension, n.rung(msg.args.rung));
    case 'drawHeld':
      return m.log.drawHeld(msg.args.tension, msg.args.hazard ?? null);
    default:
      throw new Unknown();
  }
}

/** Says a message with `words`, or returns `fallback` when it cannot (no message, or a name the scenario lacks). */
function say<M>(msg: M | undefined, fallback: string, scenario: Scenario, words: (n: Names, msg: M) => string): string {
  if (!msg) return fallback;
  try {
    return words(new Names(scenario), msg);
  } catch (err) {
    if (err instanceof Unknown) return fallback;
    throw err;
  }
}

/** A line of the narrative log (the wire) in the language shown. */
export function logText(entry: { text: string; msg?: LogMessage | undefined }, scenario: Scenario): string {
  return say(entry.msg, entry.text, scenario, logWords);
}

/** A risk entry's cause (or a round roll's cause) in the language shown. */
export function riskText(entry: { text: string; msg?: RiskMessage | undefined }, scenario: Scenario): string {
  return say(entry.msg, entry.text, scenario, riskWords);
}

/** Why the talks ended (the outcome's reason) in the language shown. */
export function outcomeText(outcome: { reason: string; msg?: OutcomeMessage | undefined }, scenario: Scenario): string {
  return say(outcome.msg, outcome.reason, scenario, outcomeWords);
}
