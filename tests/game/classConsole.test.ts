// The teacher console of the live classroom (class.html?console=CODE and ?new), driven with a fake
// class room: the grid follows 'console' and 'row', sorts, ticks idle time on the server's clock,
// sends the teacher's actions for the selected tables, shows both briefs escaped, and the "Run a
// class" form builds options the server's schema accepts, naming the AI's personalities by name.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLASSES_KEY, ClassApi, readClasses, teacherTokenKey } from '../../src/class/api';
import {
  type ClassClient,
  ClassConsole,
  MAX_COUNTDOWN as CONSOLE_MAX_COUNTDOWN,
  MAX_NOTICE as CONSOLE_MAX_NOTICE,
  MAX_CLASS_TABLES as CONSOLE_MAX_TABLES,
  type ConsoleDeps,
  idleSeconds,
  sortTables,
} from '../../src/class/console';
import { countdownSeconds, customEvent, detailMarkup, gridMarkup } from '../../src/class/consoleView';
import { bundledScenarios, serverTablesToSet } from '../../src/class/debrief';
import { mountSetup, optionsFromForm } from '../../src/class/setup';
import { createGame } from '../../src/core/state';
import type { GameView } from '../../src/core/view';
import {
  ClassOptionsSchema,
  type ConsoleState,
  MAX_CLASS_TABLES,
  MAX_COUNTDOWN,
  MAX_NOTICE,
  type TableDetail,
  type TableSummary,
  TeacherMessages,
} from '../../src/server/classProtocol';
import { classInfo, consoleViewOf, FakeRoom, tableSummary } from '../support/classFixtures';
import { memoryStore } from '../support/memoryStore';

const TOKEN = 'a'.repeat(32);
const known = bundledScenarios();
const muscat = known.find((k) => k.id === 'muscat-2026')?.scenario;
if (!muscat) throw new Error('the bundled Muscat scenario is missing');

const table = tableSummary;

const SERVER_AHEAD = 90_000;
let localNow = 1_700_000_000_000;

function consoleState(tables: TableSummary[]): ConsoleState {
  return {
    now: localNow + SERVER_AHEAD,
    info: classInfo('CLASS1'),
    teams: [
      { id: 't1', name: 'Hawks', table: 'AAAA-BBBB', side: 'us', joinedAt: '2026-02-01T09:01:00.000Z' },
      { id: 't9', name: '<b>Late</b> team', table: null, side: null, joinedAt: '2026-02-01T09:02:00.000Z' },
    ],
    tables,
  };
}

async function connected(tables: TableSummary[] = [table('AAAA-BBBB'), table('CCCC-DDDD')]) {
  const room = new FakeRoom();
  const store = memoryStore();
  const created: unknown[] = [];
  const joined: [string, unknown][] = [];
  const client: ClassClient = {
    create: async (_name, options) => {
      created.push(options);
      return room;
    },
    joinById: async (id, options) => {
      joined.push([id, options]);
      return room;
    },
  };
  const api = new ClassApi(async () => new Response(JSON.stringify({ ok: true }), { status: 200 }));
  const deps: ConsoleDeps = { client: () => client, store, api, now: () => localNow, wait: async () => {} };
  const pending = ClassConsole.create({ scenarioId: 'muscat-2026', formation: 'teams', seedPolicy: 'same' }, deps);
  await Promise.resolve();
  await Promise.resolve();
  room.emit('welcome', { role: 'teacher', code: 'CLASS1', token: TOKEN });
  room.emit('console', consoleState(tables));
  const c = await pending;
  return { c, room, store, created, joined, deps };
}

beforeEach(() => {
  localNow = 1_700_000_000_000;
  document.body.innerHTML = '<div id="root"></div><div id="cd-print-pages"></div>';
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('the console state', () => {
  it('keeps the teacher token on this device only, and lists the class', async () => {
    const { c, store, created } = await connected();
    expect(created).toEqual([{ scenarioId: 'muscat-2026', formation: 'teams', seedPolicy: 'same' }]);
    expect(store.getItem(teacherTokenKey('CLASS1'))).toBe(TOKEN);
    expect(readClasses(store)).toEqual([
      { code: 'CLASS1', title: 'Period 3', scenarioId: 'muscat-2026', createdAt: '2026-02-01T09:00:00.000Z' },
    ]);
    expect(JSON.parse(store.getItem(CLASSES_KEY) ?? '')).toHaveLength(1);
    expect(c.teacherToken).toBe(TOKEN);
    expect(c.info?.title).toBe('Period 3');
  });

  it("applies 'console', then 'row' updates (a changed table in place, a new one appended), and 'teams'", async () => {
    const { c, room } = await connected();
    expect(c.tables.map((t) => t.code)).toEqual(['AAAA-BBBB', 'CCCC-DDDD']);
    room.emit('row', { now: localNow + SERVER_AHEAD, table: table('AAAA-BBBB', { round: 5, paused: true, lastMove: 'Iran walked out.' }) });
    expect(c.table('AAAA-BBBB')).toMatchObject({ round: 5, paused: true, lastMove: 'Iran walked out.' });
    room.emit('row', { now: localNow + SERVER_AHEAD, table: table('EEEE-FFFF') });
    expect(c.tables.map((t) => t.code)).toEqual(['AAAA-BBBB', 'CCCC-DDDD', 'EEEE-FFFF']);
    expect(c.waiting.map((t) => t.name)).toEqual(['<b>Late</b> team']);
    room.emit('teams', []);
    expect(c.teams).toEqual([]);
    // A new whole state replaces the grid and forgets selected tables that are gone.
    c.select('CCCC-DDDD', true);
    room.emit('console', consoleState([table('AAAA-BBBB')]));
    expect(c.tables.map((t) => t.code)).toEqual(['AAAA-BBBB']);
    expect([...c.selected]).toEqual([]);
    expect(c.snapshot()).toMatchObject({ connected: true, info: { code: 'CLASS1' }, tables: [{ code: 'AAAA-BBBB' }] });
  });

  it('sorts by a column, reversing on a second click, ties by table code', async () => {
    const { c } = await connected([
      table('CCCC-DDDD', { hazard: 0.2 }),
      table('AAAA-BBBB', { hazard: 0.05 }),
      table('EEEE-FFFF', { hazard: 0.2 }),
      table('GGGG-HHHH', { hazard: 0.01 }),
    ]);
    expect(c.sorted().map((t) => t.code)).toEqual(['AAAA-BBBB', 'CCCC-DDDD', 'EEEE-FFFF', 'GGGG-HHHH']);
    c.sortBy('hazard');
    expect(c.sorted().map((t) => t.code)).toEqual(['GGGG-HHHH', 'AAAA-BBBB', 'CCCC-DDDD', 'EEEE-FFFF']);
    c.sortBy('hazard');
    expect(c.sort).toEqual({ key: 'hazard', dir: 'descending' });
    expect(c.sorted().map((t) => t.code)).toEqual(['CCCC-DDDD', 'EEEE-FFFF', 'AAAA-BBBB', 'GGGG-HHHH']);
    const root = document.getElementById('root') as HTMLElement;
    root.innerHTML = gridMarkup(c, muscat).text;
    const sorted = [...root.querySelectorAll('th[aria-sort]')].filter((th) => th.getAttribute('aria-sort') !== 'none');
    expect(sorted).toHaveLength(1);
    expect(sorted[0]?.getAttribute('aria-sort')).toBe('descending');
    expect(sorted[0]?.querySelector('button')?.textContent).toMatch(/^Hazard/);
    expect([...root.querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-code'))).toEqual([
      'CCCC-DDDD',
      'EEEE-FFFF',
      'AAAA-BBBB',
      'GGGG-HHHH',
    ]);
  });

  it("measures idle time on the server's clock (the device's clock is 90 s behind)", async () => {
    const serverNow = localNow + SERVER_AHEAD;
    const { c, room } = await connected([
      table('AAAA-BBBB', { lastMoveAt: serverNow - 30_000 }),
      table('CCCC-DDDD', { lastMoveAt: serverNow - 200_000 }),
      table('EEEE-FFFF', { lastMoveAt: null }),
    ]);
    expect(c.offset).toBe(SERVER_AHEAD);
    expect(c.idle(c.table('AAAA-BBBB') as TableSummary)).toBe(30);
    localNow += 5_000;
    expect(c.idle(c.table('AAAA-BBBB') as TableSummary)).toBe(35);
    expect(c.idle(c.table('EEEE-FFFF') as TableSummary)).toBeNull();
    c.sortBy('idle');
    c.sortBy('idle');
    expect(c.sorted().map((t) => t.code)).toEqual(['CCCC-DDDD', 'AAAA-BBBB', 'EEEE-FFFF']);
    // A row carries the server's clock again: the offset follows it.
    room.emit('row', { now: localNow + 60_000, table: table('AAAA-BBBB', { lastMoveAt: localNow + 60_000 - 1_000 }) });
    expect(c.offset).toBe(60_000);
    expect(c.idle(c.table('AAAA-BBBB') as TableSummary)).toBe(1);
    expect(idleSeconds(table('X', { lastMoveAt: 10_000 }), 70_999)).toBe(60);
    expect(sortTables([table('B'), table('A')], { key: 'code', dir: 'descending' }, 0).map((t) => t.code)).toEqual(['B', 'A']);
  });
});

describe("the teacher's actions", () => {
  it('sends facilitate and broadcast for the selected tables (grid order), or all; answers come from done/refused', async () => {
    const { c, room } = await connected([table('CCCC-DDDD'), table('AAAA-BBBB'), table('EEEE-FFFF')]);
    expect(c.targets()).toBe('all');
    c.select('EEEE-FFFF', true);
    c.select('AAAA-BBBB', true);
    c.select('NOPE-NOPE', true);
    expect(c.targets()).toEqual(['AAAA-BBBB', 'EEEE-FFFF']);
    const paused = c.facilitate(c.targets(), { type: 'pause', paused: true });
    expect(room.last()).toEqual(['facilitate', { tables: ['AAAA-BBBB', 'EEEE-FFFF'], action: { type: 'pause', paused: true } }]);
    expect(TeacherMessages.facilitate.safeParse(room.last()?.[1]).success).toBe(true);
    room.emit('done', { text: 'Paused 2 tables' });
    await expect(paused).resolves.toEqual({ ok: true, text: 'Paused 2 tables' });

    const sent = c.broadcast('all', 'Five minutes left', 300);
    expect(room.last()).toEqual(['broadcast', { tables: 'all', text: 'Five minutes left', countdown: 300 }]);
    expect(TeacherMessages.broadcast.safeParse(room.last()?.[1]).success).toBe(true);
    // The echo shows on the console; the answer is the server's one 'done'.
    room.emit('notice', { text: 'Five minutes left', until: localNow + SERVER_AHEAD + 300_000, now: localNow + SERVER_AHEAD });
    room.emit('done', { text: 'Message sent to 3 tables' });
    await expect(sent).resolves.toEqual({ ok: true, text: 'Message sent to 3 tables' });
    expect(c.notice?.text).toBe('Five minutes left');

    const refused = c.facilitate(['AAAA-BBBB'], { type: 'inject', event: 'no-such-event' });
    room.emit('refused', { error: 'unknown event "no-such-event"' });
    await expect(refused).resolves.toEqual({ ok: false, text: 'unknown event "no-such-event"' });

    void c.seatAi('t9', 'linear');
    expect(room.last()).toEqual(['seat-ai', { team: 't9', personality: 'linear' }]);
    expect(TeacherMessages['seat-ai'].safeParse(room.last()?.[1]).success).toBe(true);
  });

  it('the console buttons act on the selected tables and announce the answer', async () => {
    const { c, room } = await connected([table('AAAA-BBBB'), table('CCCC-DDDD'), table('EEEE-FFFF')]);
    const { root, view } = consoleViewOf(c);
    try {
      expect(root.querySelector('#cc-link')?.textContent).toBe('https://school.example/?class=CLASS1');
      expect(root.querySelector('.cc-qr svg')).not.toBeNull();
      const box = root.querySelector<HTMLInputElement>('input[data-select="CCCC-DDDD"]') as HTMLInputElement;
      box.checked = true;
      box.dispatchEvent(new Event('change', { bubbles: true }));
      expect(root.querySelector<HTMLInputElement>('input[name="cc-scope"][value="selected"]')?.checked).toBe(true);
      root.querySelector<HTMLButtonElement>('[data-act="pause"]')?.click();
      expect(room.last()).toEqual(['facilitate', { tables: ['CCCC-DDDD'], action: { type: 'pause', paused: true } }]);
      room.emit('done', { text: 'Paused 1 table' });
      await new Promise((r) => setTimeout(r, 0));
      expect(root.querySelector('#cc-live')?.getAttribute('aria-live')).toBe('polite');
      expect(root.querySelector('#cc-live')?.textContent).toBe('Paused 1 table');

      // Every table, then a broadcast with a countdown typed in minutes.
      const all = root.querySelector<HTMLInputElement>('input[name="cc-scope"][value="all"]') as HTMLInputElement;
      all.checked = true;
      (root.querySelector('#cc-notice') as HTMLTextAreaElement).value = 'Wrap up now';
      (root.querySelector('#cc-countdown') as HTMLInputElement).value = '2.5';
      root.querySelector<HTMLButtonElement>('[data-act="broadcast"]')?.click();
      expect(room.last()).toEqual(['broadcast', { tables: 'all', text: 'Wrap up now', countdown: 150 }]);

      // A custom event without a title is not sent: a sentence says why.
      const before = room.sent.length;
      root.querySelector<HTMLButtonElement>('[data-act="custom"]')?.click();
      expect(room.sent.length).toBe(before);
      room.emit('refused', { error: 'late' });
      await new Promise((r) => setTimeout(r, 0));
      (root.querySelector('#cc-custom-title') as HTMLInputElement).value = 'Tanker seized';
      (root.querySelector('#cc-custom-text') as HTMLTextAreaElement).value = 'A tanker is seized near Hormuz.';
      root.querySelector<HTMLButtonElement>('[data-act="custom"]')?.click();
      const custom = room.last();
      expect(custom?.[0]).toBe('facilitate');
      expect(TeacherMessages.facilitate.safeParse(custom?.[1]).success).toBe(true);

      // The event select lists the deck by title; the injected value is an event id.
      const select = root.querySelector('#cc-event') as HTMLSelectElement;
      const first = muscat.events.find((e) => e.id === select.value);
      expect(select.selectedOptions[0]?.textContent).toBe(first?.title);

      // Sorting from the header, keyboard-reachable buttons with aria-sort on their th.
      root.querySelector<HTMLButtonElement>('button[data-sort="round"]')?.click();
      expect(root.querySelector('button[data-sort="round"]')?.closest('th')?.getAttribute('aria-sort')).toBe('ascending');

      // The waiting team's name is escaped; Play the AI sends seat-ai with the chosen personality.
      expect(root.querySelector('#cc-waiting')?.innerHTML).toContain('&lt;b&gt;Late&lt;/b&gt; team');
      expect(root.querySelector('#cc-waiting b')).toBeNull();
      root.querySelector<HTMLButtonElement>('[data-seat-ai="t9"]')?.click();
      expect(room.last()?.[0]).toBe('seat-ai');

      // Dropped connection: said on screen.
      room.drop();
      expect(root.querySelector('#cc-conn')?.hasAttribute('hidden')).toBe(false);
      expect(root.querySelector('#cc-conn')?.textContent).toMatch(/reconnecting/);
    } finally {
      view.destroy();
      c.leave();
    }
  });

  it('reconnects with the teacher token after a dropped connection (reopening the class first)', async () => {
    const { c, room, joined, store } = await connected();
    const calls: [string, RequestInit | undefined][] = [];
    const api = new ClassApi(async (url, init) => {
      calls.push([url, init]);
      return new Response(JSON.stringify({ ok: true }), { status: 200 });
    });
    (c as unknown as { api: ClassApi }).api = api;
    expect(store.getItem(teacherTokenKey('CLASS1'))).toBe(TOKEN);
    room.drop();
    expect(c.connected).toBe(false);
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    expect(calls[0]?.[0]).toBe('/api/classes/CLASS1/open');
    expect(calls[0]?.[1]?.method).toBe('POST');
    expect((calls[0]?.[1]?.headers as Record<string, string> | undefined)?.Authorization).toBe(`Bearer ${TOKEN}`);
    expect(joined).toEqual([['CLASS1', { teacher: TOKEN }]]);
    expect(c.connected).toBe(true);
  });

  it('reads custom events and countdowns into valid messages, or a sentence', () => {
    expect(customEvent('', 'x', 'violent', '5')).toBe('A custom event needs a title.');
    expect(customEvent('T', 'x', 'violent', '500')).toMatch(/from −100 to 100/);
    const ok = customEvent(' Drone ', ' Down. ', 'violent', '');
    expect(ok).toEqual({ type: 'inject-custom', title: 'Drone', text: 'Down.', severity: 'violent', effects: { tension: 0 } });
    expect(countdownSeconds('')).toBeNull();
    expect(countdownSeconds('1.5')).toBe(90);
    expect(countdownSeconds('61')).toMatch(/0 to 60 minutes/);
    expect(CONSOLE_MAX_NOTICE).toBe(MAX_NOTICE);
    expect(CONSOLE_MAX_COUNTDOWN).toBe(MAX_COUNTDOWN);
    expect(CONSOLE_MAX_TABLES).toBe(MAX_CLASS_TABLES);
  });
});

describe('one table in full', () => {
  it('renders both private briefs and the wire, escaping what the students wrote', async () => {
    const state = createGame(muscat, 'detail-seed', { us: 'human', iran: 'human', difficulty: 'normal' });
    const view = {
      ...state,
      viewer: 'spectator',
      complete: false,
      journal: [
        { turn: 1, round: 1, side: 'us', move: 'offer', reason: '<script>alert(1)</script> open high' },
        { turn: 2, round: 1, side: 'iran', move: 'counter', reason: 'Sanctions first & "always"' },
      ],
      log: [{ turn: 1, round: 1, kind: 'move', side: 'us', ref: 'offer', text: 'The US <img src=x onerror=alert(1)> offered.' }],
    } as unknown as GameView;
    const detail: TableDetail = { code: 'AAAA-BBBB', view, turns: 2, checksum: null };
    const root = document.getElementById('root') as HTMLElement;
    root.innerHTML = detailMarkup(
      muscat,
      detail,
      table('AAAA-BBBB', {
        seats: { us: { name: '<i>Hawks</i>', ai: false, connected: false }, iran: { name: 'Doves', ai: false, connected: true } },
      }),
    ).text;
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('i')).toBeNull();
    expect(root.innerHTML).toContain('&lt;script&gt;alert(1)&lt;/script&gt; open high');
    expect(root.textContent).toContain('Sanctions first & "always"');
    expect(root.textContent).toContain('<i>Hawks</i>');
    expect(root.textContent).toContain('not connected');
    const briefs = [...root.querySelectorAll('.cc-brief')];
    expect(briefs.map((b) => b.getAttribute('aria-label'))).toEqual([
      `${muscat.parties.us!.name}: private brief`,
      `${muscat.parties.iran!.name}: private brief`,
    ]);
    for (const [i, side] of (['us', 'iran'] as const).entries()) {
      const text = briefs[i]?.textContent ?? '';
      expect(text).toContain(`Walk-away value: ${Math.round(state.types[side]!.reservation * 100)} points of 100.`);
      const top = muscat.issues.map((issue, k) => ({ issue, w: state.types[side]!.weights[k] ?? 0 })).sort((a, b) => b.w - a.w)[0];
      expect(briefs[i]?.querySelector('.cc-weights tbody th')?.textContent).toBe(top?.issue.name);
    }
    expect(briefs[0]?.textContent).toContain('open high');
    expect(briefs[0]?.textContent).not.toContain('Sanctions first');
    expect(root.querySelectorAll('.cc-wire li')).toHaveLength(1);
  });

  it('asks the server for a table and resolves with its answer', async () => {
    const { c, room } = await connected();
    const asked = c.detail('AAAA-BBBB');
    expect(room.last()).toEqual(['detail', { table: 'AAAA-BBBB' }]);
    const detail = { code: 'AAAA-BBBB', view: {} as GameView, turns: 0, checksum: null };
    room.emit('detail', detail);
    await expect(asked).resolves.toBe(detail);
  });
});

describe('Run a class', () => {
  const scenarios = known.map((k) => k.scenario);
  const setup = () => {
    const root = document.getElementById('root') as HTMLElement;
    mountSetup(root, {
      scenarios,
      store: memoryStore(),
      api: new ClassApi(async () => new Response('')),
      create: async () => {},
      confirm: () => true,
    });
    return { root, form: root.querySelector('#cc-setup-form') as HTMLFormElement };
  };
  const choose = (form: HTMLFormElement, name: string, value: string) => {
    const input = form.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`) as HTMLInputElement;
    input.checked = true;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };

  it('builds options the server accepts: two teams per table, one seed', () => {
    const { form } = setup();
    (form.elements.namedItem('title') as HTMLInputElement).value = '  Period 3 ';
    (form.elements.namedItem('seed') as HTMLInputElement).value = 'class-demo';
    (form.elements.namedItem('deadline') as HTMLInputElement).value = '6';
    const result = optionsFromForm(form, scenarios);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.options).toEqual({
      scenarioId: scenarios[0]?.id,
      title: 'Period 3',
      formation: 'teams',
      seedPolicy: 'same',
      seed: 'class-demo',
      difficulty: scenarios[0]?.defaults.difficulty,
      deadline: 6,
    });
    expect(ClassOptionsSchema.parse(result.options)).toEqual(result.options);
  });

  it('builds options for teams against the AI, by personality name, a seed per table', () => {
    const { form } = setup();
    const scenarioSelect = form.elements.namedItem('scenarioId') as HTMLSelectElement;
    scenarioSelect.value = 'muscat-2026';
    scenarioSelect.dispatchEvent(new Event('change', { bubbles: true }));
    choose(form, 'formation', 'ai');
    expect(form.classList.contains('cc-formation-ai')).toBe(true);
    const personality = form.elements.namedItem('personality') as HTMLSelectElement;
    const labels = [...personality.options].map((o) => o.textContent);
    expect(labels).toEqual(muscat.personalities.map((p) => p.name));
    const steady = [...personality.options].find((o) => o.textContent === 'Steady') as HTMLOptionElement;
    personality.value = steady.value;
    choose(form, 'studentSide', 'both');
    choose(form, 'seedPolicy', 'each');
    (form.elements.namedItem('seed') as HTMLInputElement).value = 'ignored with a seed per table';
    const difficulty = form.elements.namedItem('difficulty') as HTMLSelectElement;
    difficulty.value = [...difficulty.options].find((o) => o.textContent === 'Hard')?.value ?? '';
    const result = optionsFromForm(form, scenarios);
    expect(result).toEqual({
      ok: true,
      options: {
        scenarioId: 'muscat-2026',
        formation: 'ai',
        personality: 'linear',
        studentSide: 'both',
        seedPolicy: 'each',
        difficulty: 'hard',
      },
    });
    if (result.ok) expect(ClassOptionsSchema.safeParse(result.options).success).toBe(true);
  });

  it('never shows the internal personality ids, and refuses a bad deadline with a sentence', () => {
    const { root, form } = setup();
    const scenarioSelect = form.elements.namedItem('scenarioId') as HTMLSelectElement;
    scenarioSelect.value = 'muscat-2026';
    scenarioSelect.dispatchEvent(new Event('change', { bubbles: true }));
    choose(form, 'formation', 'ai');
    const text = root.textContent ?? '';
    for (const p of muscat.personalities) if (p.id !== p.name) expect(text).not.toContain(p.id);
    expect(text).not.toContain('tit-for-tat');
    expect(text).toContain('Tit for tat');
    // Every control has a label.
    for (const control of form.querySelectorAll('input:not([type="radio"]), select, textarea'))
      expect(form.querySelector(`label[for="${control.id}"]`), control.id).not.toBeNull();
    (form.elements.namedItem('deadline') as HTMLInputElement).value = '99';
    expect(optionsFromForm(form, scenarios)).toMatchObject({ ok: false, field: 'deadline' });
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(root.querySelector('#cc-setup-error')?.textContent).toMatch(/whole number from 1 to 40/);
  });
});

describe('the debrief from the server', () => {
  it("sends the server's replays through the files' verification", () => {
    const set = serverTablesToSet(
      [
        { code: 'AAAA-BBBB', teams: { us: 'Hawks', iran: null }, replay: { format: 'nope' } },
        { code: 'CCCC-DDDD', teams: { us: null, iran: null }, replay: null },
      ],
      known,
    );
    expect(set.tables).toEqual([]);
    expect(set.problems.map((p) => p.name)).toEqual(['AAAA-BBBB (Hawks)', 'CCCC-DDDD']);
    expect(set.problems.every((p) => p.reason.length > 0)).toBe(true);
  });
});

describe('the round timer', () => {
  it('reads time left, then time over, on the server clock', async () => {
    const { roundTimerText } = await import('../../src/class/consoleView');
    expect(roundTimerText(1_000_000 + 245_000, 1_000_000)).toBe('4:05 left');
    expect(roundTimerText(1_000_000, 1_040_000)).toBe('over by 0:40');
  });
});

describe('the teacher seats waiting teams', () => {
  it('drags a team onto another, or chooses its opponent: both send one seat message', async () => {
    const { c, room } = await connected([]);
    const { root, view } = consoleViewOf(c);
    const teams = [
      { id: 't1', name: 'Ash', table: null, side: null, joinedAt: new Date(localNow).toISOString() },
      { id: 't2', name: 'Birch', table: null, side: null, joinedAt: new Date(localNow).toISOString() },
    ];
    room.emit('teams', teams);
    expect(root.querySelectorAll('li[data-team][draggable="true"]')).toHaveLength(2);
    // By keyboard and pointer alike: Ash against the team chosen (Birch).
    root.querySelector<HTMLButtonElement>('[data-seat-with="t1"]')?.click();
    expect(room.last()).toEqual(['seat', { us: 't1', iran: 't2' }]);
    expect(TeacherMessages.seat.safeParse(room.last()?.[1]).success).toBe(true);
    room.emit('done', { text: 'Ash and Birch are seated together' });
    // Dragging Birch onto Ash: Birch plays the US.
    const data = new Map<string, string>();
    const transfer = { setData: (k: string, v: string) => data.set(k, v), getData: (k: string) => data.get(k) ?? '', effectAllowed: '' };
    const fire = (type: string, team: string) => {
      const ev = new Event(type, { bubbles: true, cancelable: true }) as Event & { dataTransfer: typeof transfer };
      Object.defineProperty(ev, 'dataTransfer', { value: transfer });
      root.querySelector(`li[data-team="${team}"]`)?.dispatchEvent(ev);
    };
    fire('dragstart', 't2');
    fire('dragover', 't1');
    fire('drop', 't1');
    expect(room.last()).toEqual(['seat', { us: 't2', iran: 't1' }]);
    expect(c.teams).toHaveLength(2);
    view.destroy();
  });
});
