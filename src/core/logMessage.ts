// The game's log in no language: each log line, risk entry and outcome carries, beside its English
// `text`, a message `{id, args}` whose args are ids and numbers only (a party id, an issue's index, an
// event id, a rung's index, a number), never a scenario's words, so a screen can say it in any
// language (src/i18n/logWords.ts). Free text a facilitator typed (a custom event's title and text)
// is an arg kept as typed.
import type { Severity, Side } from './scenario/constants';
import type { Tone } from './types';

/** Agreed or offered terms: [issue index, option index] for each issue on the agenda, in issue order. */
export type TermsArg = [issue: number, option: number][];

/** A scenario event by its id; a facilitator's custom event (not in the scenario) also carries its words. */
type EventRef = { event: string; title?: string };

/** Why a side's domestic support moved. */
export type SupportWhy =
  | { why: 'yielded'; count: number }
  | { why: 'statement'; tone: Tone }
  | { why: 'concessions' }
  | { why: 'backdown' }
  | ({ why: 'event' } & EventRef);

type Msg<I extends string, A extends object = Record<string, never>> = { id: I; args: A };

/** How the talks ended: the outcome's reason, and the log's last line. */
export type OutcomeMessage =
  | Msg<'dealSigned', { deal: 'comprehensive-deal' | 'interim-deal'; round: number; settled: number; issues: number }>
  | Msg<'noDeal', { round: number }>
  | Msg<'conflictRound', { rung: number; round: number }>
  | Msg<'conflictEvents', { rung: number }>
  | Msg<'conflictInject', { rung: number } & EventRef>
  | Msg<'recalled', { party: Side; support: number; below: number }>
  | Msg<'walkedOutOfTalks', { party: Side; round: number }>;

/** A line of the narrative log (the wire). */
export type LogMessage =
  | OutcomeMessage
  | Msg<'roundOpens', { round: number; of: number }>
  | Msg<'proposes', { party: Side; terms: TermsArg }>
  | Msg<'concedes', { party: Side; issue: number; terms: TermsArg }>
  | Msg<'accepts', { party: Side; other: Side }>
  | Msg<'endorsesBridge', { party: Side }>
  | Msg<'statement', { party: Side; tone: Tone }>
  | Msg<'recess', { party: Side }>
  | Msg<'bridge', { terms: TermsArg }>
  | Msg<'bridgeRefused', { gap: number; at: number }>
  | Msg<'walksOut', { party: Side }>
  | Msg<'guess', { party: Side }>
  | Msg<'support', { party: Side; moved: number; to: number } & SupportWhy>
  | Msg<'proposeAgenda', { party: Side; issues: number[] }>
  | Msg<'acceptAgenda', { party: Side; other: Side }>
  | Msg<'forceAgenda', { party: Side; issues: number[] }>
  | Msg<'mediatorAgenda', { issues: number[] }>
  | Msg<'agendaSettled', { issues: number[] }>
  | Msg<'event', EventRef & { text?: string }>
  | Msg<'deadlineMoved', EventRef & { to: number; from: number }>
  | Msg<'paused'>
  | Msg<'resumed'>
  | Msg<'hazardShown'>
  | Msg<'hazardHidden'>
  | Msg<'facilitatorDeadline', { delta: number; to: number }>
  | Msg<'inject', EventRef>
  | Msg<'mediatorBridge', { terms: TermsArg }>;

/** A change of escalation risk, with its cause (the debrief explains the risk with these). */
export type RiskMessage =
  | Msg<'pressure', { party: Side; support: number; below: number }>
  | Msg<'conceded', { party: Side; issue: number }>
  | Msg<'statementRisk', { party: Side; tone: Tone }>
  | Msg<'recessRisk', { party: Side }>
  | Msg<'bridgeRisk', { party: Side }>
  | Msg<'walkedOut', { party: Side }>
  | Msg<'dealRisk'>
  | Msg<'forcedAgenda', { party: Side; other: Side; count: number }>
  | Msg<'eventRisk', EventRef & { severity: Severity }>
  | Msg<'eventRung', EventRef & { rung: number }>
  /** The round's draw; `hazard` is left out of a seat's view when the facilitator hides the hazard. */
  | Msg<'drawClimbed', { tension: number; hazard?: number; rung: number }>
  | Msg<'drawDown', { tension: number; rung: number }>
  | Msg<'drawHeld', { tension: number; hazard?: number }>;

export type LogMessageId = LogMessage['id'];
export type RiskMessageId = RiskMessage['id'];

/** A risk message without the hazard's percentage (a seat's view with the hazard hidden). */
export function withoutHazardMessage(msg: RiskMessage): RiskMessage {
  if ((msg.id === 'drawClimbed' || msg.id === 'drawHeld') && msg.args.hazard !== undefined) {
    const { hazard: _hazard, ...args } = msg.args;
    return { ...msg, args } as RiskMessage;
  }
  return msg;
}

/** An event's reference for a message: its id, and its title when the scenario does not have it (a custom event). */
export function eventRef(event: { id: string; title: string }, custom: boolean): EventRef {
  return custom ? { event: event.id, title: event.title } : { event: event.id };
}
