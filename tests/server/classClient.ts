// Test clients for classes: a teacher's console and student teams (colyseus.js in Node), each
// collecting what the class room sends; bounded waits only.
import { Client, type Room } from 'colyseus.js';
import { doneText, noticeText } from '../../src/i18n/serverWords';
import type {
  ClassJoin,
  ClassOptions,
  ClassWelcome,
  ConsoleRow,
  ConsoleState,
  Done,
  Notice,
  Seated,
  TableDetail,
  TableSummary,
  TeamInfo,
} from '../../src/server/classProtocol';
import { loadShipped } from '../support/scenarios';
import { wsUrl } from './client';

/**
 * Every answer and notice these clients received whose message, said in English by the pages'
 * words (i18n/serverWords.ts), is not the server's own English text: a test's afterAll expects none.
 */
export const wordsDiffer: string[] = [];
function checkWords(what: { text: string; msg?: unknown }, said: string): void {
  if (what.msg && said !== what.text) wordsDiffer.push(`${JSON.stringify(what.msg)}: "${said}" ≠ "${what.text}"`);
}
const muscat = loadShipped('muscat-2026').scenario;

export async function waitFor<T>(get: () => T | undefined | null | false, what: string, ms = 15_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = get();
    if (value !== undefined && value !== null && value !== false) return value as T;
    if (Date.now() - start > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export interface Teacher {
  room: Room;
  welcome: ClassWelcome & { role: 'teacher' };
  code: string;
  /** The grid as the console has it: the last whole state with every row since applied. */
  tables: Map<string, TableSummary>;
  teams: TeamInfo[];
  states: ConsoleState[];
  rows: ConsoleRow[];
  done: string[];
  refusals: string[];
  notices: Notice[];
  details: TableDetail[];
  pairCodes: string[];
  untilDone(pattern: RegExp, ms?: number): Promise<string>;
  untilRefused(pattern: RegExp, ms?: number): Promise<string>;
  untilRow(check: (t: TableSummary) => boolean, what: string, ms?: number): Promise<TableSummary>;
}

function wrapTeacher(room: Room): Promise<Teacher> {
  let welcome: ClassWelcome | undefined;
  const t: Teacher = {
    room,
    get welcome() {
      return welcome as ClassWelcome & { role: 'teacher' };
    },
    get code() {
      return (welcome as ClassWelcome).code;
    },
    tables: new Map(),
    teams: [],
    states: [],
    rows: [],
    done: [],
    refusals: [],
    notices: [],
    details: [],
    pairCodes: [],
    untilDone: (pattern, ms) => waitFor(() => t.done.find((d) => pattern.test(d)), `a result matching ${pattern}`, ms),
    untilRefused: (pattern, ms) => waitFor(() => t.refusals.find((d) => pattern.test(d)), `a refusal matching ${pattern}`, ms),
    untilRow: (check, what, ms) => waitFor(() => [...t.tables.values()].find(check), what, ms),
  };
  room.onMessage('welcome', (w: ClassWelcome) => {
    welcome = w;
  });
  room.onMessage('console', (s: ConsoleState) => {
    t.states.push(s);
    t.teams = s.teams;
    t.tables = new Map(s.tables.map((row) => [row.code, row]));
  });
  room.onMessage('row', (r: ConsoleRow) => {
    t.rows.push(r);
    t.tables.set(r.table.code, r.table);
  });
  room.onMessage('teams', (teams: TeamInfo[]) => {
    t.teams = teams;
  });
  room.onMessage('done', (d: Done) => {
    checkWords(d, doneText(d, muscat));
    t.done.push(d.text);
  });
  room.onMessage('refused', (r: { error: string }) => t.refusals.push(r.error));
  room.onMessage('notice', (n: Notice) => {
    checkWords(n, noticeText(n));
    t.notices.push(n);
  });
  room.onMessage('detail', (d: TableDetail) => t.details.push(d));
  room.onMessage('pair-code', (p: { code: string }) => t.pairCodes.push(p.code));
  return waitFor(() => (welcome && t.states.length > 0 ? t : undefined), 'the teacher’s welcome and console');
}

export async function createClass(url: string, options: ClassOptions): Promise<Teacher> {
  return wrapTeacher(await new Client(wsUrl(url)).create('class', options));
}

export async function openConsole(url: string, code: string, join: ClassJoin): Promise<Teacher> {
  return wrapTeacher(await new Client(wsUrl(url)).joinById(code, join));
}

export interface Student {
  room: Room;
  welcome: ClassWelcome & { role: 'student' };
  seated: Seated | null;
  notices: Notice[];
  refusals: string[];
  untilSeated(ms?: number): Promise<Seated>;
}

export async function joinClass(url: string, code: string, join: ClassJoin): Promise<Student> {
  const room = await new Client(wsUrl(url)).joinById(code, join);
  let welcome: ClassWelcome | undefined;
  const s: Student = {
    room,
    get welcome() {
      return welcome as ClassWelcome & { role: 'student' };
    },
    seated: null,
    notices: [],
    refusals: [],
    untilSeated: (ms) => waitFor(() => s.seated, 'a seat', ms),
  };
  room.onMessage('welcome', (w: ClassWelcome) => {
    welcome = w;
  });
  room.onMessage('seated', (m: Seated) => {
    s.seated = m;
  });
  room.onMessage('notice', (n: Notice) => {
    checkWords(n, noticeText(n));
    s.notices.push(n);
  });
  room.onMessage('refused', (r: { error: string }) => s.refusals.push(r.error));
  return waitFor(() => (welcome ? s : undefined), 'the student’s welcome');
}
