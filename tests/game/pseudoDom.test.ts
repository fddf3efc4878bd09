// The pseudo-locale check of the DOM layer and the app's own messages: drawn in the pseudo-locale,
// every word the facilitator panel, the perception check, the share and scenario-file dialogs, the
// class set-up card, the hot-seat hand-off's announcements, the class join's messages, the link's
// problems and the page's own words show must sit inside the markers (nothing hard-coded). What a
// player typed or the game drew (a seed, a code, a file name, a link) is data, shown as it is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app/app';
import { announceChanges } from '../../src/app/feedback';
import type { OnlineClient } from '../../src/app/online';
import { BUNDLED, loadScenario } from '../../src/app/scenarios';
import { parseUrl } from '../../src/app/url';
import { Announcer } from '../../src/dom/announcer';
import { openClassCard } from '../../src/dom/classCard';
import { FacilitatorPanel } from '../../src/dom/facilitatorPanel';
import { applyPageWords } from '../../src/dom/pageWords';
import { PerceptionCheck } from '../../src/dom/perception';
import { ScenarioFileDialog } from '../../src/dom/scenarioFileDialog';
import { ShareDialog } from '../../src/dom/shareDialog';
import { PSEUDO_OPEN, resetLanguage } from '../../src/i18n';
import { memoryStore } from '../support/memoryStore';
import { domTexts, unmarked, usePseudoLocale } from '../support/pseudo';
import { ROOT } from '../support/scenarios';
import { playedSession } from './harness';

const onlineClient = App.onlineClient;
afterEach(() => {
  resetLanguage();
  App.onlineClient = onlineClient;
  document.body.innerHTML = '';
  document.title = '';
});

/** The game page's own markup (index.html's <main>), with its words in the language shown. */
function page(): void {
  const html = readFileSync(join(ROOT, 'index.html'), 'utf8');
  const main = /<main id="bc-app">[\s\S]*?<\/main>/.exec(html)?.[0];
  if (!main) throw new Error('index.html has no <main id="bc-app">');
  document.body.innerHTML = main;
  applyPageWords();
}

const el = (id: string) => document.getElementById(id) as HTMLElement;

/** An app in the pseudo-locale at the table of a solo game (the US seat), its log announced. */
function atTheTable(search = '?seed=pseudo-dom&side=us'): { app: App; announcer: Announcer } {
  usePseudoLocale();
  page();
  const app = new App(parseUrl(search), memoryStore());
  const announcer = new Announcer(el('bc-log'));
  announceChanges(app, announcer);
  const session = playedSession({
    seed: 'pseudo-dom',
    stop: (s) => s.phase === 'rounds' && s.isMyTurn,
    moves: () => ({ type: 'force-agenda' }),
  });
  app.resume(session.persisted());
  return { app, announcer };
}

describe('the DOM layer in the pseudo-locale', () => {
  it('sets the page’s own words from the catalogue', () => {
    usePseudoLocale();
    page();
    new Announcer(el('bc-log'));
    expect(document.title.startsWith(PSEUDO_OPEN)).toBe(true);
    expect(unmarked(domTexts(document))).toEqual([]);
    resetLanguage();
    applyPageWords();
    expect(document.title).toBe('Backchannel — a diplomatic negotiation game');
    expect(el('bc-settings-open').textContent).toBe('Settings');
    expect(el('bc-log').getAttribute('aria-label')).toBe('Log of moves and events');
    expect(el('bc-log').querySelector('h2')?.textContent).toBe('What happened');
  });

  it('the facilitator panel: its button, the PIN prompt and the panel', () => {
    const { app } = atTheTable();
    app.classroom.setPin('2468');
    const panel = new FacilitatorPanel(app, el('bc-stage'));
    expect(panel.openButton.hidden).toBe(false);
    panel.showPinPrompt();
    const form = () => panel.dialog.querySelector('form') as HTMLFormElement;
    (form().elements.namedItem('pin') as HTMLInputElement).value = '1111';
    form().requestSubmit();
    expect(panel.dialog.querySelector('[role="status"]')?.textContent).not.toBe('');
    expect(unmarked(domTexts(document.body))).toEqual([]);
    (form().elements.namedItem('pin') as HTMLInputElement).value = '2468';
    form().requestSubmit();
    expect(panel.dialog.querySelector('[data-form="panel"]')).not.toBeNull();
    // Both offers are not on the table yet: the mediator's midpoint is refused, in words.
    (panel.dialog.querySelector('[data-act="bridge-mid"]') as HTMLButtonElement).click();
    (panel.dialog.querySelector('[data-act="link"]') as HTMLButtonElement).click();
    expect(panel.dialog.querySelector('[data-result]')?.textContent).not.toBe('');
    expect(panel.dialog.querySelector('[data-status]')?.textContent).not.toBe('');
    expect(unmarked(domTexts(document.body))).toEqual([]);
  });

  it('the perception check: the solo button and its dialog', () => {
    const { app } = atTheTable();
    const check = new PerceptionCheck(app, document.body);
    expect(check.openButton.hidden).toBe(false);
    check.open();
    expect(check.isOpen).toBe(true);
    expect(unmarked(domTexts(document.body))).toEqual([]);
  });

  it('the share dialog', async () => {
    usePseudoLocale();
    page();
    const share = new ShareDialog(document.body);
    const link = 'http://localhost/?scenario=muscat-2026&seed=cedar-1234&side=us';
    share.open(link);
    await new Promise((r) => setTimeout(r, 0));
    expect(unmarked(domTexts(document.body))).toEqual([]);
  });

  it('the scenario-file dialog', async () => {
    usePseudoLocale();
    page();
    const app = new App(parseUrl(''), memoryStore());
    const dialog = new ScenarioFileDialog(app, document.body);
    await app.openScenarioFile({
      name: 'lesson.yaml',
      size: 120,
      text: () => Promise.reject(new Error('gone')),
    });
    expect(dialog.dialog.open).toBe(true);
    (dialog.dialog.querySelector('button[value="copy"]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
    expect(unmarked(domTexts(document.body), ['lesson.yaml'])).toEqual([]);
  });

  it('the class set-up card', () => {
    usePseudoLocale();
    page();
    const app = new App(parseUrl('?seed=cedar-1234'), memoryStore());
    openClassCard(app);
    const card = el('bc-classcard');
    const link = card.querySelector('[data-link]')?.textContent ?? '';
    expect(unmarked(domTexts(card), [link, 'cedar-1234', 'muscat-2026'])).toEqual([]);
    (card.querySelector('input[value="solo"]') as HTMLInputElement).click();
    card.querySelector('form')?.dispatchEvent(new Event('change', { bubbles: true }));
    (card.querySelector('[data-act="pin"]') as HTMLButtonElement).click();
    const soloLink = card.querySelector('[data-link]')?.textContent ?? '';
    expect(unmarked(domTexts(card), [soloLink, 'cedar-1234', 'muscat-2026'])).toEqual([]);
  });

  it('the hot-seat hand-off: the screens announced as the teams change seats', () => {
    usePseudoLocale();
    page();
    const app = new App(parseUrl('?seed=cedar-1234&mode=hotseat'), memoryStore());
    const announcer = new Announcer(el('bc-log'));
    announceChanges(app, announcer);
    expect(app.startGame()).toBeNull();
    expect(app.screen).toBe('handoff');
    expect(app.takeSeat(app.classroom.calling)).toBeNull();
    expect(app.screen).toBe('briefing');
    app.toAgenda();
    expect(app.screen).toBe('handoff');
    expect(el('bc-log').querySelectorAll('li').length).toBeGreaterThanOrEqual(3);
    expect(unmarked(domTexts(el('bc-log')))).toEqual([]);
  });

  it('the class join: the messages on the title screen', async () => {
    usePseudoLocale();
    page();
    App.onlineClient = () =>
      ({
        joinById: () => Promise.reject(new Error('room "K7QW-M3ZP" not found')),
      }) as unknown as OnlineClient;
    const app = new App(parseUrl('?class=k7qwm3zp'), memoryStore());
    const join = app.classJoin;
    expect(join).not.toBeNull();
    const messages: string[] = [];
    expect(app.joinClass('K7QW-M3ZP', '')).not.toBeNull();
    messages.push(join?.problem ?? '');
    app.joinClass('K7QW-M3ZP', 'Hawks');
    await join?.pending;
    messages.push(join?.problem ?? '');
    messages.push(app.openClass('nope') ?? '');
    messages.push(app.openClass('') ?? '');
    expect(messages.every((m) => m !== '')).toBe(true);
    expect(
      unmarked(
        messages.map((m) => ['class join', m] as [string, string]),
        ['K7QW-M3ZP', 'nope'],
      ),
    ).toEqual([]);
  });

  it('the link’s problems and the app’s messages', () => {
    usePseudoLocale();
    const url = parseUrl('?scenario=atlantis&seed=&side=martians&mode=chess&table=nope&class=nah&watch=maybe&personality=x!&difficulty=y!');
    const app = new App(parseUrl('?personality=nobody&difficulty=nothing'), memoryStore());
    app.choose({ seed: '' });
    const texts: [string, string][] = [...url.problems, ...app.problems, app.startProblem() ?? ''].map((t) => ['app', t]);
    expect(texts.length).toBeGreaterThan(8);
    // What the link said, and the ids it may use (scenario, side, counterpart and difficulty ids).
    const data = ['atlantis', 'martians', 'chess', 'nope', 'nah', 'maybe', 'x!', 'y!', 'nobody', 'nothing'];
    const muscat = loadScenario('muscat-2026');
    const ids = [
      ...BUNDLED.map((s) => s.id),
      ...(muscat.ok ? [...muscat.scenario.personalities, ...muscat.scenario.difficulties].map((x) => x.id) : []),
      'side=us',
      'side=iran',
    ].sort((a, b) => b.length - a.length);
    expect(unmarked(texts, [...data, ...ids])).toEqual([]);
  });
});
