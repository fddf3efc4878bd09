// The server's own sentences to a class (its notices and its answers to the teacher) in the language
// shown (src/i18n/serverWords.ts). English against the server's own text is held by
// tests/server/classes.test.ts (every answer and notice the class tests receive); here, Persian: each
// message said without an English word, names and table codes kept as sent, and a notice the page
// cannot read shown as its text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readNotice } from '../../src/app/online';
import { loadScenarioText } from '../../src/core/scenario/loader';
import { localiseScenario } from '../../src/core/scenario/localise';
import type { Scenario } from '../../src/core/scenario/schema';
import { addScenarioTexts, resetLanguage, setLanguage } from '../../src/i18n';
import { doneText, noticeText } from '../../src/i18n/serverWords';
import type { DoneMsg, NoticeMsg } from '../../src/server/classProtocol';
import { loadShipped, rawShipped } from '../support/scenarios';

const scenario = loadShipped('muscat-2026').scenario;
const event = scenario.events[0] as Scenario['events'][number];
const personality = scenario.personalities[0] as Scenario['personalities'][number];

const answers: DoneMsg[] = [
  { id: 'ai-seated', team: 'Lions', personality: personality.id },
  { id: 'seated-together', first: 'Lions', second: 'Owls' },
  { id: 'nothing-playing' },
  { id: 'facilitated', what: { action: { type: 'pause', paused: true } }, done: 3, refused: [], silent: [] },
  { id: 'facilitated', what: { action: { type: 'pause', paused: false } }, done: 1, refused: [], silent: [] },
  { id: 'facilitated', what: { action: { type: 'inject', event: event.id } }, done: 2, refused: [], silent: ['K7Q2-9XMA'] },
  {
    id: 'facilitated',
    what: { action: { type: 'inject-custom', title: 'Storm', text: 'A storm', severity: 'nonviolent', effects: {} } },
    done: 2,
    refused: [],
    silent: [],
  },
  { id: 'facilitated', what: { action: { type: 'show-hazard', visible: true } }, done: 2, refused: [], silent: [] },
  { id: 'facilitated', what: { action: { type: 'show-hazard', visible: false } }, done: 2, refused: [], silent: [] },
  { id: 'facilitated', what: { action: { type: 'deadline', delta: 1 } }, done: 2, refused: [], silent: [] },
  { id: 'facilitated', what: { action: { type: 'deadline', delta: -2 } }, done: 2, refused: [], silent: [] },
  { id: 'facilitated', what: { classEnded: true }, done: 4, refused: [], silent: [] },
  { id: 'message-sent', tables: 5 },
  { id: 'already-ended' },
  { id: 'class-ended' },
];
const notices: NoticeMsg[] = [{ id: 'class-ended' }, { id: 'round-timer', round: 3, of: 12, minutes: 5 }];

/** The words the catalogue wrote: the names and codes the message carried taken out. */
const ownWords = (s: string) => s.replace(/Lions|Owls|Storm|K7Q2-9XMA|S2K4-PQ7M|[\u2066-\u2069]/g, '');

describe('the server’s sentences in Persian', () => {
  beforeAll(async () => {
    const loaded = loadScenarioText(rawShipped(scenario.id), `${scenario.id}.yaml`);
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    addScenarioTexts(scenario.id, 'fa', localiseScenario(loaded.source, 'fa') as Scenario);
    await setLanguage('fa');
  });
  afterAll(() => resetLanguage());

  it('says every answer to the teacher without an English word, keeping names and codes', () => {
    for (const msg of answers) {
      const said = doneText({ text: 'ENGLISH', msg }, scenario);
      expect(said, JSON.stringify(msg)).not.toBe('ENGLISH');
      expect(ownWords(said), said).not.toMatch(/[A-Za-z0-9]/);
      expect(said, said).toMatch(/[\u0600-\u06FF]/);
    }
    expect(doneText({ text: '', msg: answers[0] as DoneMsg }, scenario)).toContain('Lions');
    expect(doneText({ text: '', msg: answers[5] as DoneMsg }, scenario)).toContain('K7Q2-9XMA');
  });

  it('says the server’s notices in Persian and shows a teacher’s own as written', () => {
    for (const msg of notices) {
      const said = noticeText({ text: 'ENGLISH', msg });
      expect(said).not.toMatch(/[A-Za-z0-9]/);
      expect(said).toMatch(/[\u0600-\u06FF]/);
    }
    expect(noticeText({ text: 'Ten minutes left, then the debrief.' })).toBe('Ten minutes left, then the debrief.');
  });

  it('falls back to the English text where the page cannot name what the teacher did', () => {
    // An event this page's scenario does not have, or no scenario at all.
    const unknown: DoneMsg = {
      id: 'facilitated',
      what: { action: { type: 'inject', event: 'no-such-event' } },
      done: 1,
      refused: [],
      silent: [],
    };
    expect(doneText({ text: 'Event injected: 1 table', msg: unknown }, scenario)).toBe('Event injected: 1 table');
    expect(doneText({ text: 'Lions plays the Hardliner', msg: answers[0] as DoneMsg }, null)).toBe('Lions plays the Hardliner');
  });
});

describe('a notice as the page reads it', () => {
  it('keeps a message it knows and drops anything else, keeping the text', () => {
    const base = { text: 'Round 3 of 12: 5 minutes for this round.', until: 1, now: 0 };
    expect(readNotice({ ...base, msg: { id: 'round-timer', round: 3, of: 12, minutes: 5 } })?.msg).toEqual({
      id: 'round-timer',
      round: 3,
      of: 12,
      minutes: 5,
    });
    expect(readNotice({ ...base, msg: { id: 'class-ended', extra: '<b>' } })?.msg).toEqual({ id: 'class-ended' });
    for (const bad of [
      { id: 'round-timer', round: -1, of: 12, minutes: 5 },
      { id: 'round-timer', round: '3' },
      { id: 'nonsense' },
      'class-ended',
    ])
      expect(readNotice({ ...base, msg: bad })).toEqual(base);
  });
});
