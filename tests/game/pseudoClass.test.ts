// The class page in the pseudo-locale: "Run a class", the teacher console (two tables, the teams
// waiting, one table in full) and the class debrief (on screen and printed) show no text that did not
// come through the catalogue, the scenario's texts or a formatted number. What the class typed or
// drew (the class code and title, table codes, team names, seeds, file names) is data, shown as is.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/app/scenarios';
import { CLASSES_KEY, ClassApi, teacherTokenKey } from '../../src/class/api';
import { type ClassClient, ClassConsole, type ConsoleDeps } from '../../src/class/console';
import { detailMarkup } from '../../src/class/consoleView';
import { bundledScenarios, problemsMarkup } from '../../src/class/debrief';
import { digestClass } from '../../src/class/digest';
import { emptyClass } from '../../src/class/load';
import { printPages } from '../../src/class/print';
import { report } from '../../src/class/report';
import { mountSetup } from '../../src/class/setup';
import { playGame } from '../../src/core/play';
import { createGame } from '../../src/core/state';
import type { Settings } from '../../src/core/types';
import type { GameView } from '../../src/core/view';
import { resetLanguage } from '../../src/i18n';
import type { ConsoleState, TableDetail, TableSummary } from '../../src/server/classProtocol';
import { classInfo, consoleViewOf, FakeRoom, replayTable, tableSummary } from '../support/classFixtures';
import { memoryStore } from '../support/memoryStore';
import { domTexts, unmarked, usePseudoLocale } from '../support/pseudo';

const TOKEN = 'b'.repeat(32);
const known = bundledScenarios();
const loaded = loadScenario('muscat-2026');
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const { scenario, hash } = loaded;

const now = 1_700_000_000_000;

/** A row of the console: a team against the AI, its round timer running, no move yet in its wire. */
function table(code: string, over: Partial<TableSummary> = {}): TableSummary {
  return tableSummary(code, {
    seats: { us: { name: `Falcons ${code}`, ai: false, connected: true }, iran: { name: 'Steady', ai: true, connected: true } },
    roundEndsAt: now + 245_000,
    rungName: scenario.ladder.rungs[2]?.name ?? '',
    hazard: 0.057,
    // The last move is the rules' own line (core's log text, as the server sends it): none here.
    lastMove: null,
    lastMoveAt: now - 200_000,
    ...over,
  });
}

const state: ConsoleState = {
  now,
  info: classInfo('CLASS7'),
  teams: [
    { id: 't1', name: 'Falcons', table: 'AAAA-BBBB', side: 'us', joinedAt: '2026-02-01T09:01:00.000Z' },
    { id: 't2', name: 'Owls', table: null, side: null, joinedAt: new Date(now - 95_000).toISOString() },
    { id: 't3', name: 'Herons', table: null, side: null, joinedAt: new Date(now - 30_000).toISOString() },
  ],
  tables: [
    table('AAAA-BBBB'),
    table('CCCC-DDDD', {
      phase: 'ended',
      outcome: 'An interim deal',
      outcomeKind: 'interim-deal',
      paused: true,
      roundEndsAt: null,
      lastMoveAt: null,
    }),
  ],
};

async function openConsole() {
  const room = new FakeRoom('CLASS7');
  const client: ClassClient = { create: async () => room, joinById: async () => room };
  const deps: ConsoleDeps = {
    client: () => client,
    store: memoryStore(),
    api: new ClassApi(async () => new Response('')),
    now: () => now,
    wait: async () => {},
  };
  const pending = ClassConsole.create({ scenarioId: 'muscat-2026', formation: 'teams', seedPolicy: 'same' }, deps);
  await Promise.resolve();
  await Promise.resolve();
  room.emit('welcome', { role: 'teacher', code: 'CLASS7', token: TOKEN });
  room.emit('console', state);
  return { c: await pending, room };
}

const playedTable = (name: string, settings: Settings) => replayTable(scenario, hash, name, `pseudo-${name}`, settings);

// Longest first: each is taken out of the texts in turn.
const DATA = [
  'https://school.example/class.html?console=CLASS7',
  'https://school.example/?class=CLASS7',
  'CLASS7',
  'Period 3',
  'class-seed',
  'AAAA-BBBB',
  'CCCC-DDDD',
  'Falcons',
  'Owls',
  'Herons',
];

beforeEach(() => {
  document.body.innerHTML = '<div id="root"></div><div id="cd-print-pages"></div>';
  usePseudoLocale();
});
afterEach(() => {
  document.body.innerHTML = '';
  resetLanguage();
});

describe('the class page in the pseudo-locale', () => {
  it('"Run a class": the form and this device\'s classes', () => {
    const store = memoryStore({
      [CLASSES_KEY]: JSON.stringify([
        { code: 'CLASS7', title: 'Period 3', scenarioId: 'muscat-2026', createdAt: '2026-02-01T09:00:00.000Z' },
      ]),
      [teacherTokenKey('CLASS7')]: TOKEN,
    });
    const root = document.getElementById('root') as HTMLElement;
    mountSetup(root, {
      scenarios: known.map((k) => k.scenario),
      store,
      api: new ClassApi(async () => new Response('')),
      create: async () => {},
      confirm: () => true,
    });
    const form = root.querySelector('#cc-setup-form') as HTMLFormElement;
    const ai = form.querySelector<HTMLInputElement>('input[name="formation"][value="ai"]') as HTMLInputElement;
    ai.checked = true;
    form.dispatchEvent(new Event('change', { bubbles: true }));
    (form.elements.namedItem('deadline') as HTMLInputElement).value = '99';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(root.querySelector('#cc-setup-error')?.textContent).not.toBe('');
    expect(unmarked(domTexts(document), DATA)).toEqual([]);
  });

  it('the console with two tables, the teams waiting and one table in full', async () => {
    const { c, room } = await openConsole();
    const { root, view } = consoleViewOf(c);
    try {
      c.select('AAAA-BBBB', true);
      c.sortBy('hazard');
      room.emit('pair-code', { code: '123456', expiresAt: now + 600_000 });
      room.emit('notice', { text: 'Owls: five minutes', until: now + 300_000, now });
      root.querySelector<HTMLButtonElement>('[data-act="custom"]')?.click();
      const game = createGame(scenario, 'pseudo-detail', { us: 'human', iran: 'human', difficulty: 'normal' });
      const played = playGame(scenario, 'pseudo-detail', { us: 'ai:linear', iran: 'ai:boulware', difficulty: 'normal' });
      const detail: TableDetail = {
        code: 'AAAA-BBBB',
        view: {
          ...game,
          viewer: 'spectator',
          complete: false,
          journal: [{ turn: 1, round: 1, side: 'us', move: 'propose', reason: 'Falcons open high' }],
          // The wire: the rules' lines, said in the language shown.
          log: played.state.log.slice(0, 12),
        } as unknown as GameView,
        turns: 1,
        checksum: null,
      };
      const panel = root.querySelector('#cc-detail') as HTMLElement;
      panel.hidden = false;
      panel.innerHTML = detailMarkup(scenario, detail, c.table('AAAA-BBBB')).text;
      expect(root.querySelectorAll('.cc-grid tbody tr')).toHaveLength(2);
      expect(root.querySelectorAll('.cc-wire li').length).toBeGreaterThan(0);
      const found = unmarked(domTexts(document), ['Owls: five minutes', 'Falcons open high', '123456', ...DATA]);
      expect(found).toEqual([]);
    } finally {
      view.destroy();
      c.leave();
    }
  });

  it('the class debrief, on screen and printed', () => {
    const tables = [
      playedTable('one', { us: 'ai:linear', iran: 'ai:tit-for-tat', difficulty: 'normal' }),
      playedTable('two', { us: 'ai:hardliner', iran: 'ai:boulware', difficulty: 'normal' }),
    ];
    const d = digestClass(scenario, tables);
    const problems = { ...emptyClass(), problems: [{ name: 'three.json', reason: 'x' }], skipped: ['four.json'] };
    document.body.innerHTML = `<main>${problemsMarkup(problems).text}${report(d).text}</main><div>${printPages(d).text}</div>`;
    // The AI's one-line reasons in the memos: data of the replay, like the reasons a team types.
    const written = tables.flatMap((t) => t.state.journal.map((j) => j.reason)).filter(Boolean);
    const found = unmarked(domTexts(document), [
      ...written,
      'one.json',
      'two.json',
      'three.json',
      'four.json',
      'pseudo-one',
      'pseudo-two',
      ': x',
    ]);
    expect(found).toEqual([]);
  });
});
