// The game server's own sentences in the language shown. The server sends a class's notices (the
// class has ended, a round's timer) and its answers to the teacher ("Paused: 3 tables") with a message
// in no language beside the English `text` (src/server/classProtocol.ts NoticeMsg, DoneMsg); these
// say them with the catalogue and the scenario's names from `shown(scenario)`. A notice or answer
// without a message (the teacher's own words, or an older server's) is shown as its `text`. A table's
// refusal inside an answer stays as the rules wrote it.
import type { Scenario } from '../core/scenario/schema';
import type { FacilitatorAction } from '../core/types';
import type { DoneMsg, DoneWhat, Notice } from '../server/classProtocol';
import { m, shown } from './index';

/** A notice's words: the server's own in the language shown, the teacher's as written. */
export function noticeText(notice: Pick<Notice, 'text' | 'msg'>): string {
  const msg = notice.msg;
  if (msg?.id === 'class-ended') return m.table.noticeClassEnded;
  if (msg?.id === 'round-timer') return m.table.noticeRoundTimer(msg.round, msg.of, msg.minutes);
  return notice.text;
}

/** A teacher action's answer in the language shown (its English `text` when it has no message). */
export function doneText(done: { text: string; msg?: DoneMsg }, scenario: Scenario | null): string {
  const msg = done.msg;
  if (!msg) return done.text;
  const t = m.cls;
  switch (msg.id) {
    case 'ai-seated': {
      const ai = scenario ? shown(scenario).personalities.find((p) => p.id === msg.personality)?.name : undefined;
      // Without the scenario here, the server's own words (they name the personality as the scenario does).
      return ai ? t.doneAiSeated(msg.team, ai) : done.text;
    }
    case 'seated-together':
      return t.doneSeatedTogether(msg.first, msg.second);
    case 'nothing-playing':
      return t.doneNothingPlaying;
    case 'facilitated': {
      const what = describe(msg.what, scenario);
      return what === null ? done.text : t.doneAtTables(what, msg.done, msg.refused, msg.silent);
    }
    case 'message-sent':
      return t.doneMessageSent(msg.tables);
    case 'already-ended':
      return t.doneAlreadyEnded;
    case 'class-ended':
      return t.doneClassEnded;
    default:
      return done.text;
  }
}

/** What a teacher did, in a few words; null when this page cannot name it (an event it does not know). */
function describe(what: DoneWhat, scenario: Scenario | null): string | null {
  const t = m.cls;
  if ('classEnded' in what) return t.doneClassEndedPaused;
  const action: FacilitatorAction = what.action;
  switch (action.type) {
    case 'pause':
      return action.paused ? t.donePaused : t.doneResumed;
    case 'inject': {
      const title = scenario ? shown(scenario).events.find((e) => e.id === action.event)?.title : undefined;
      return title === undefined ? null : t.doneInjected(title);
    }
    case 'inject-custom':
      return t.doneInjected(action.title);
    case 'show-hazard':
      return action.visible ? t.doneHazardShown : t.doneHazardHidden;
    case 'deadline':
      return t.doneDeadlineMoved(action.delta);
    case 'mediator-bridge':
      return t.doneBridgeTabled;
    default:
      return null;
  }
}
