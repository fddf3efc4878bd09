// One class: a Colyseus room (CLASS_ROOM) whose id is the class code. It seats the student teams at
// tables (table rooms it creates, in its own process while that has room: placement.ts), keeps the
// teacher's console live from what the tables publish on the presence's pub/sub (classSummary.ts),
// and carries the teacher's actions to the tables, where each becomes a logged facilitator turn.
// Students only join, get their seat, and leave for their table; every other message is the
// teacher's, and refused to anyone else.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { type Client, matchMaker, Room } from '@colyseus/core';
import { controllerError } from '../core/play';
import type { Scenario } from '../core/scenario/schema';
import { bySide, isSide, sidesOf } from '../core/sides';
import type { FacilitatorAction, Settings, Side } from '../core/types';
import {
  type ClassInfo,
  ClassJoinSchema,
  ClassOptionsSchema,
  type ClassWelcome,
  type ConsoleRow,
  type ConsoleState,
  type Done,
  type DoneWhat,
  MAX_CLASS_TABLES,
  type Notice,
  PAIR_CODE_SECONDS,
  type Seated,
  type TableSummary,
  TeacherMessages,
  type TeacherMessageType,
  type TeamInfo,
} from './classProtocol';
import { tableRowFromStore } from './classReplays';
import { classChannel, controllerName, type ToClass, type ToTable, tableChannel } from './classSummary';
import { admit, type Bucket, newBucket } from './limits';
import { describeZodError, type Refusal, TABLE_ROOM } from './protocol';
import type { ClassRecord, ClassTeam } from './store';
import { type ClassTable, newTableCode, newToken, refusal, TableRoom } from './tableRoom';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** Compares two sha256 hex digests in constant time. */
const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
/** How long a teacher's action waits for every table's answer before saying what it has. */
const RESULT_WAIT_MS = 3000;

interface ClassClient {
  role: 'teacher' | 'student';
  /** The token this client joined with: a teacher's (for pairing a second device) or a team's. */
  token: string;
  team: string | null;
  bucket: Bucket;
}

/** A teacher's action sent to several tables: the answers gathered until all are in, or time is up. */
interface Pending {
  client: Client;
  what: string;
  /** The same, for the answer's message (none for a detail view). */
  did?: DoneWhat;
  waiting: Set<string>;
  refused: { table: string; error: string }[];
  done: number;
  timer: ReturnType<typeof setTimeout>;
}

export class ClassRoom extends Room {
  private record!: ClassRecord;
  private scenario!: Scenario;
  private rows = new Map<string, TableSummary>();
  /** The device that created the class joins first and is its teacher. */
  private creatorToken: string | null = null;
  private pairing: { hash: string; expiresAt: number; token: string } | null = null;
  private pending = new Map<string, Pending>();
  private listening: ((m: ToClass) => void) | null = null;
  /** Seating changes one at a time (two teams arriving together must not both take the same waiting team). */
  private queue: Promise<void> = Promise.resolve();

  override async onCreate(options: unknown): Promise<void> {
    const services = TableRoom.services;
    this.autoDispose = false;
    // No Colyseus state here (every update is a message): no patch timer, 20 calls a second a room for nothing.
    this.setPatchRate(null);
    const o = options as { restore?: unknown; key?: unknown };
    if (o?.key !== undefined) {
      if (o.key !== services.restoreKey || typeof o.restore !== 'string') throw refusal('not allowed');
      const record = await services.store.getClass(o.restore);
      if (!record) throw new Error(`no class ${o.restore}`);
      const found = services.scenario(record.scenarioId);
      if (!found) throw new Error(`class ${record.code}: unknown scenario "${record.scenarioId}"`);
      this.record = record;
      this.scenario = found.scenario;
    } else await this.create(options);
    this.roomId = this.record.code;
    this.listening = (m: ToClass) => this.fromTable(m);
    await this.presence.subscribe(classChannel(this.record.code), this.listening);
    // The tables already playing (in any process) say where they are.
    for (const t of await services.store.classTables(this.record.code)) {
      if (!t.endedAt) void this.presence.publish(tableChannel(t.code), { type: 'hello' } satisfies ToTable);
      else this.rows.set(t.code, await this.endedRow(t.code));
    }
    this.onMessage('*', (client, type, message) => this.receive(client, String(type), message));
  }

  override async onDispose(): Promise<void> {
    if (this.listening) await this.presence.unsubscribe(classChannel(this.record.code), this.listening);
    for (const p of this.pending.values()) clearTimeout(p.timer);
  }

  private async create(options: unknown): Promise<void> {
    const services = TableRoom.services;
    const parsed = ClassOptionsSchema.safeParse(options ?? {});
    if (!parsed.success) throw refusal(describeZodError('class options', parsed.error));
    const o = parsed.data;
    const found = services.scenario(o.scenarioId);
    if (!found) throw refusal(`unknown scenario "${o.scenarioId}"`);
    const scenario = found.scenario;
    const personality = o.personality ?? scenario.defaults.personality;
    if (o.formation === 'ai') {
      const problem = controllerError(scenario, `ai:${personality}`);
      if (problem) throw refusal(problem);
    }
    const difficulty = o.difficulty ?? scenario.defaults.difficulty;
    if (!scenario.difficulties.some((d) => d.id === difficulty)) throw refusal(`unknown difficulty "${difficulty}"`);
    if (o.studentSide !== undefined && o.studentSide !== 'both' && !isSide(scenario, o.studentSide))
      throw refusal(
        `class options.studentSide: "${o.studentSide}" is not a party of ${scenario.title}: use ${partyChoices(scenario)} or "both"`,
      );
    const token = newToken();
    const code = newTableCode();
    const seed = (o.seed ?? '').normalize('NFC').trim() || randomBytes(6).toString('hex');
    this.scenario = scenario;
    this.record = {
      code,
      title: o.title || `${scenario.title} class`,
      scenarioId: scenario.id,
      scenarioSha: found.sha256,
      options: { ...o, personality, difficulty, seed, studentSide: o.studentSide ?? 'both' },
      teacherHash: sha256(token),
      teams: [],
      createdAt: new Date().toISOString(),
      endedAt: null,
    };
    await services.store.createClass(this.record);
    this.creatorToken = token;
    services.log?.(
      `class ${code} created (${scenario.id}, ${o.formation === 'ai' ? `each team against ${personality}` : 'two teams a table'})`,
    );
  }

  override async onJoin(client: Client, options: unknown): Promise<void> {
    const userData = (role: ClassClient['role'], token: string, team: string | null): ClassClient => ({
      role,
      token,
      team,
      bucket: newBucket(),
    });
    if (this.creatorToken) {
      const token = this.creatorToken;
      this.creatorToken = null;
      client.userData = userData('teacher', token, null);
      client.send('welcome', { role: 'teacher', code: this.record.code, token } satisfies ClassWelcome);
      client.send('console', this.consoleState());
      return;
    }
    const parsed = ClassJoinSchema.safeParse(options);
    if (!parsed.success) {
      // Someone typed the class's code where a table's goes.
      const o = options && typeof options === 'object' ? (options as Record<string, unknown>) : {};
      if ('deltas' in o || 'spectate' in o || 'side' in o)
        throw refusal(`${this.record.code} is a class, not a table: choose “Join a class” (or open the class link) to join it`);
      throw refusal(describeZodError('class join', parsed.error));
    }
    const o = parsed.data;
    if ('teacher' in o) {
      if (!sameHash(sha256(o.teacher), this.record.teacherHash)) throw refusal('this teacher token does not belong to this class');
      client.userData = userData('teacher', o.teacher, null);
      client.send('welcome', { role: 'teacher', code: this.record.code, token: null } satisfies ClassWelcome);
      client.send('console', this.consoleState());
      return;
    }
    if ('pair' in o) {
      const p = this.pairing;
      if (!p || p.expiresAt < Date.now() || !sameHash(sha256(`${this.record.code}:${o.pair}`), p.hash))
        throw refusal('that code is not (or no longer) valid: ask for a new one on the console');
      this.pairing = null; // one time only
      client.userData = userData('teacher', p.token, null);
      client.send('welcome', { role: 'teacher', code: this.record.code, token: p.token } satisfies ClassWelcome);
      client.send('console', this.consoleState());
      return;
    }
    if ('token' in o) {
      const hash = sha256(o.token);
      const team = this.record.teams.find((t) => sameHash(t.tokenHash, hash));
      if (!team) throw refusal('this team token does not belong to this class');
      client.userData = userData('student', o.token, team.id);
      client.send('welcome', {
        role: 'student',
        code: this.record.code,
        team: team.id,
        name: team.name,
        token: o.token,
      } satisfies ClassWelcome);
      if (team.table && team.side) client.send('seated', { table: team.table, side: team.side } satisfies Seated);
      return;
    }
    // A new team.
    if (this.record.endedAt) throw refusal('this class has ended: no team can join it any more');
    if (this.record.teams.length >= 2 * MAX_CLASS_TABLES) throw refusal(`this class is full: at most ${2 * MAX_CLASS_TABLES} teams`);
    if (this.record.teams.some((t) => t.name.toLowerCase() === o.name.toLowerCase()))
      throw refusal(`a team called “${o.name}” has already joined this class: choose another name`);
    const token = newToken();
    const team: ClassTeam = {
      id: `t${this.record.teams.length + 1}`,
      name: o.name,
      tokenHash: sha256(token),
      table: null,
      side: null,
      joinedAt: new Date().toISOString(),
    };
    this.record.teams.push(team);
    // Known as this team (and welcomed) before the write: a team arriving meanwhile may pair with it,
    // and its seat must reach it. The join fails, and the team goes, if the write does.
    client.userData = userData('student', token, team.id);
    client.send('welcome', { role: 'student', code: this.record.code, team: team.id, name: team.name, token } satisfies ClassWelcome);
    try {
      await TableRoom.services.store.updateClass(this.record.code, { teams: this.record.teams });
    } catch (e) {
      this.record.teams = this.record.teams.filter((t) => t !== team);
      throw e;
    }
    this.sendTeachers('teams', this.teamInfo());
    await this.serial(() => this.seatWaiting());
  }

  private serial(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch((e: unknown) => {
      TableRoom.services.log?.(`class ${this.record.code}: ${e instanceof Error ? e.message : String(e)}`);
    });
    return run;
  }

  /** Seats every team that can be seated now: alone against the AI, or two waiting teams together. */
  private async seatWaiting(): Promise<void> {
    const o = this.record.options as { formation: 'teams' | 'ai'; personality: string; seating?: 'auto' | 'teacher' };
    // The teacher seats the teams.
    if (o.formation === 'teams' && o.seating === 'teacher') return;
    for (;;) {
      const waiting = this.record.teams.filter((t) => t.table === null);
      if (this.tableCount() >= MAX_CLASS_TABLES || waiting.length === 0) return;
      if (o.formation === 'ai') await this.seatAgainstAi(waiting[0] as ClassTeam, o.personality);
      else if (waiting.length >= 2) await this.seatTogether(waiting[0] as ClassTeam, waiting[1] as ClassTeam);
      else return;
    }
  }

  private tableCount(): number {
    return new Set(this.record.teams.flatMap((t) => (t.table ? [t.table] : []))).size;
  }

  /** A table's settings: each seat's controller, and the class's difficulty. */
  private settingsFor(controller: (side: Side) => string): Settings {
    return { ...bySide(this.scenario, controller), difficulty: (this.record.options as { difficulty: string }).difficulty };
  }

  private seedFor(tableNumber: number): string {
    const o = this.record.options as { seedPolicy: 'same' | 'each'; seed: string };
    return o.seedPolicy === 'same' ? o.seed : `${o.seed}-${tableNumber}`;
  }

  private async seatAgainstAi(team: ClassTeam, personality: string): Promise<void> {
    const o = this.record.options as { studentSide: Side | 'both' };
    const n = this.tableCount() + 1;
    const [first, second] = sidesOf(this.scenario);
    // `both`: the first party at odd tables, the second at even ones.
    const side: Side = o.studentSide === 'both' ? (n % 2 === 1 ? first : second) : o.studentSide;
    const settings = this.settingsFor((s) => (s === side ? 'human' : `ai:${personality}`));
    await this.openTable(n, settings, { [side]: team });
  }

  private async seatTogether(first: ClassTeam, second: ClassTeam): Promise<void> {
    const [a, b] = sidesOf(this.scenario);
    await this.openTable(
      this.tableCount() + 1,
      this.settingsFor(() => 'human'),
      { [a]: first, [b]: second },
    );
  }

  /**
   * Creates a table room for these teams and tells them. The table is asked for near this process, so
   * its rows reach the console here without crossing Redis; with several processes it goes to another
   * only when this one is full (placement.ts).
   */
  private async openTable(n: number, settings: Settings, teams: Partial<Record<Side, ClassTeam>>): Promise<void> {
    const services = TableRoom.services;
    const classTable: ClassTable = {
      classCode: this.record.code,
      scenarioId: this.record.scenarioId,
      seed: this.seedFor(n),
      settings,
      seatTokens: bySide(this.scenario, (side) => teams[side]?.tokenHash ?? null),
      names: bySide(this.scenario, (side) => teams[side]?.name ?? null),
      ...((this.record.options as { deadline?: number }).deadline !== undefined
        ? { deadline: (this.record.options as { deadline: number }).deadline }
        : {}),
      roundMinutes: (this.record.options as { roundMinutes?: number }).roundMinutes ?? 0,
    };
    const room = await matchMaker.createRoom(TABLE_ROOM, { key: services.restoreKey, classTable, near: matchMaker.processId });
    for (const side of sidesOf(this.scenario)) {
      const team = teams[side];
      if (!team) continue;
      team.table = room.roomId;
      team.side = side;
    }
    await services.store.updateClass(this.record.code, { teams: this.record.teams });
    for (const client of this.clients) {
      const data = client.userData as ClassClient | undefined;
      const team = data?.team ? this.record.teams.find((t) => t.id === data.team) : undefined;
      if (team?.table === room.roomId && team.side) client.send('seated', { table: team.table, side: team.side } satisfies Seated);
    }
    this.sendTeachers('teams', this.teamInfo());
  }

  /** Every message: a teacher's only; size, rate and shape first. */
  private receive(client: Client, type: string, message: unknown): void {
    const data = client.userData as ClassClient | undefined;
    if (!data) return;
    const refuse = (error: string) => client.send('refused', { error } satisfies Refusal);
    if (!admit(client, data.bucket, type, message)) return;
    if (data.role !== 'teacher') {
      refuse(`${type.slice(0, 40)}: only the class's teacher can do that`);
      return;
    }
    if (!(type in TeacherMessages)) {
      refuse(`unknown message type "${type.slice(0, 40)}"`);
      return;
    }
    const shape = TeacherMessages[type as TeacherMessageType].safeParse(message);
    if (!shape.success) {
      refuse(describeZodError(type, shape.error));
      return;
    }
    const m = shape.data as Record<string, unknown>;
    switch (type as TeacherMessageType) {
      case 'facilitate':
        this.facilitate(client, m.tables as 'all' | string[], m.action as never);
        return;
      case 'broadcast':
        this.broadcastNotice(client, m.tables as 'all' | string[], m.text as string, m.countdown as number | undefined);
        return;
      case 'detail': {
        const table = m.table as string;
        if (!this.tableCodes().includes(table)) {
          refuse(`detail: ${table.slice(0, 16)} is not a table of this class`);
          return;
        }
        const id = randomBytes(6).toString('hex');
        this.pending.set(id, {
          client,
          what: 'detail',
          waiting: new Set([table]),
          refused: [],
          done: 0,
          timer: setTimeout(() => {
            if (this.pending.delete(id)) refuse(`detail: table ${table} did not answer (is its server running?)`);
          }, RESULT_WAIT_MS),
        });
        void this.presence.publish(tableChannel(table), { type: 'detail', id } satisfies ToTable);
        return;
      }
      case 'seat-ai': {
        const team = this.record.teams.find((t) => t.id === m.team);
        if (!team) {
          refuse(`seat-ai: no team ${String(m.team).slice(0, 16)} in this class`);
          return;
        }
        if (team.table) {
          refuse(`seat-ai: ${team.name} already has a seat`);
          return;
        }
        const personality = (m.personality as string | undefined) ?? (this.record.options as { personality: string }).personality;
        const problem = controllerError(this.scenario, `ai:${personality}`);
        if (problem) {
          refuse(`seat-ai: ${problem}`);
          return;
        }
        if (this.tableCount() >= MAX_CLASS_TABLES) {
          refuse(`seat-ai: the class already has ${MAX_CLASS_TABLES} tables`);
          return;
        }
        void this.serial(async () => {
          if (team.table) return;
          await this.seatAgainstAi(team, personality);
          client.send('done', {
            text: `${team.name} plays ${controllerName(this.scenario, `ai:${personality}`)}`,
            msg: { id: 'ai-seated', team: team.name, personality },
          } satisfies Done);
        }).catch((e: unknown) => refuse(`seat-ai: ${e instanceof Error ? e.message : String(e)}`));
        return;
      }
      case 'seat': {
        // A team for each of the scenario's two parties, by party id.
        const sides = sidesOf(this.scenario);
        const stray = Object.keys(m).find((k) => !sides.includes(k));
        if (stray !== undefined || sides.some((side) => m[side] === undefined))
          return void client.send('refused', {
            error: `seat: name a team for each party, ${partyChoices(this.scenario)}${stray !== undefined ? ` ("${stray.slice(0, 32)}" is not one)` : ''}`,
          } satisfies Refusal);
        const [first, second] = sides.map((side) => this.record.teams.find((t) => t.id === m[side]));
        if (!first || !second) return void client.send('refused', { error: 'seat: no such team in this class' } satisfies Refusal);
        if (first === second) return void client.send('refused', { error: 'seat: a team cannot sit against itself' } satisfies Refusal);
        const taken = [first, second].find((t) => t.table);
        if (taken) return void client.send('refused', { error: `seat: ${taken.name} already has a seat` } satisfies Refusal);
        if (this.tableCount() >= MAX_CLASS_TABLES)
          return void client.send('refused', { error: `seat: the class already has ${MAX_CLASS_TABLES} tables` } satisfies Refusal);
        void this.serial(async () => {
          if (first.table || second.table)
            return void client.send('refused', { error: 'seat: one of the teams was seated meanwhile' } satisfies Refusal);
          await this.seatTogether(first, second);
          client.send('done', {
            text: `${first.name} and ${second.name} are seated together`,
            msg: { id: 'seated-together', first: first.name, second: second.name },
          } satisfies Done);
        }).catch((e: unknown) =>
          client.send('refused', { error: `seat: ${e instanceof Error ? e.message : String(e)}` } satisfies Refusal),
        );
        return;
      }
      case 'pair': {
        const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
        const expiresAt = Date.now() + PAIR_CODE_SECONDS * 1000;
        this.pairing = { hash: sha256(`${this.record.code}:${code}`), expiresAt, token: data.token };
        client.send('pair-code', { code, expiresAt });
        return;
      }
      case 'end':
        void this.endClass(client);
        return;
    }
  }

  private tableCodes(): string[] {
    return [...new Set([...this.rows.keys(), ...this.record.teams.flatMap((t) => (t.table ? [t.table] : []))])];
  }

  private targets(tables: 'all' | string[]): { codes: string[]; unknown: string[] } {
    const mine = this.tableCodes();
    if (tables === 'all') return { codes: mine.filter((c) => this.rows.get(c)?.phase !== 'ended'), unknown: [] };
    return { codes: tables.filter((c) => mine.includes(c)), unknown: tables.filter((c) => !mine.includes(c)) };
  }

  private facilitate(client: Client, tables: 'all' | string[], action: FacilitatorAction, classEnded = false): void {
    const { codes, unknown } = this.targets(tables);
    if (unknown.length) {
      client.send('refused', { error: `facilitate: not tables of this class: ${unknown.join(', ').slice(0, 120)}` } satisfies Refusal);
      return;
    }
    if (codes.length === 0) {
      client.send('done', { text: 'No table is playing: nothing was sent', msg: { id: 'nothing-playing' } } satisfies Done);
      return;
    }
    const id = randomBytes(6).toString('hex');
    const pending: Pending = {
      client,
      what: classEnded ? 'The class has ended. Paused' : describeAction(this.scenario, action),
      did: classEnded ? { classEnded: true } : { action },
      waiting: new Set(codes),
      refused: [],
      done: 0,
      timer: setTimeout(() => this.finish(id), RESULT_WAIT_MS),
    };
    this.pending.set(id, pending);
    for (const code of codes) void this.presence.publish(tableChannel(code), { type: 'facilitate', id, action } satisfies ToTable);
  }

  /** Says what a teacher's action did once every table has answered (or time is up). */
  private finish(id: string): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    const parts = [`${p.what}: ${p.done} table${p.done === 1 ? '' : 's'}`];
    if (p.refused.length) parts.push(`refused at ${p.refused.map((r) => `${r.table} (${r.error})`).join('; ')}`);
    if (p.waiting.size) parts.push(`no answer from ${[...p.waiting].join(', ')}`);
    p.client.send('done', {
      text: parts.join('; '),
      ...(p.did ? { msg: { id: 'facilitated', what: p.did, done: p.done, refused: p.refused, silent: [...p.waiting] } } : {}),
    } satisfies Done);
  }

  private broadcastNotice(client: Client, tables: 'all' | string[], text: string, countdown: number | undefined): void {
    if (!text && !countdown) {
      client.send('refused', { error: 'broadcast: write a message or set a countdown' } satisfies Refusal);
      return;
    }
    const { codes, unknown } = this.targets(tables);
    if (unknown.length) {
      client.send('refused', { error: `broadcast: not tables of this class: ${unknown.join(', ').slice(0, 120)}` } satisfies Refusal);
      return;
    }
    const now = Date.now();
    const notice: Notice = { text, until: countdown ? now + countdown * 1000 : null, now };
    for (const code of codes) void this.presence.publish(tableChannel(code), { type: 'notice', notice } satisfies ToTable);
    // Teams still waiting for a table read it here; every teacher's console shows what was sent.
    if (tables === 'all')
      for (const c of this.clients) if ((c.userData as ClassClient | undefined)?.role === 'student') c.send('notice', notice);
    this.sendTeachers('notice', notice);
    client.send('done', {
      text: `Message sent to ${codes.length} table${codes.length === 1 ? '' : 's'}`,
      msg: { id: 'message-sent', tables: codes.length },
    } satisfies Done);
  }

  private async endClass(client: Client): Promise<void> {
    if (this.record.endedAt) {
      client.send('done', { text: 'The class had already ended', msg: { id: 'already-ended' } } satisfies Done);
      return;
    }
    this.record.endedAt = new Date().toISOString();
    await TableRoom.services.store.updateClass(this.record.code, { endedAt: this.record.endedAt });
    // Every table still playing stops where it is; the teams are told. One answer to the teacher, as for every action.
    const playing = this.tableCodes().filter((c) => this.rows.get(c)?.phase !== 'ended' && !this.rows.get(c)?.paused);
    if (playing.length) this.facilitate(client, playing, { type: 'pause', paused: true }, true);
    else client.send('done', { text: 'The class has ended', msg: { id: 'class-ended' } } satisfies Done);
    const now = Date.now();
    const notice: Notice = {
      text: 'The class has ended: thank you. Your teacher will lead the debrief.',
      until: null,
      now,
      msg: { id: 'class-ended' },
    };
    for (const code of this.tableCodes()) void this.presence.publish(tableChannel(code), { type: 'notice', notice } satisfies ToTable);
    for (const c of this.clients) if ((c.userData as ClassClient | undefined)?.role === 'student') c.send('notice', notice);
    this.sendTeachers('console', this.consoleState());
    TableRoom.services.log?.(`class ${this.record.code} ended`);
  }

  /** What the class's tables publish. */
  /** From a table in this process (called directly) or in another (through the presence's pub/sub). */
  fromTable(m: ToClass): void {
    if (m.type === 'row') {
      this.rows.set(m.table.code, m.table);
      this.sendTeachers('row', { now: Date.now(), table: m.table } satisfies ConsoleRow);
    } else if (m.type === 'result') {
      const p = this.pending.get(m.id);
      if (!p?.waiting.delete(m.table)) return;
      if (m.error) p.refused.push({ table: m.table, error: m.error });
      else p.done++;
      if (p.waiting.size === 0) this.finish(m.id);
    } else if (m.type === 'deleted') {
      this.autoDispose = true;
      for (const client of this.clients) client.leave(4000, 'the class was deleted');
      void this.disconnect().catch(() => undefined);
    } else if (m.type === 'detail') {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      p.client.send('detail', m.detail);
    }
  }

  private sendTeachers(type: string, message: unknown): void {
    for (const c of this.clients) if ((c.userData as ClassClient | undefined)?.role === 'teacher') c.send(type, message);
  }

  private teamInfo(): TeamInfo[] {
    return this.record.teams.map((t) => ({ id: t.id, name: t.name, table: t.table, side: t.side, joinedAt: t.joinedAt }));
  }

  private info(): ClassInfo {
    const o = this.record.options as {
      formation: 'teams' | 'ai';
      seating?: 'auto' | 'teacher';
      personality: string;
      seedPolicy: 'same' | 'each';
      seed: string;
    };
    return {
      code: this.record.code,
      title: this.record.title,
      scenarioId: this.record.scenarioId,
      formation: o.formation,
      seating: o.seating ?? 'auto',
      personality: o.formation === 'ai' ? controllerName(this.scenario, `ai:${o.personality}`) : null,
      seedPolicy: o.seedPolicy,
      seed: o.seedPolicy === 'same' ? o.seed : null,
      createdAt: this.record.createdAt,
      endedAt: this.record.endedAt,
    };
  }

  consoleState(): ConsoleState {
    const order = this.tableCodes();
    return {
      now: Date.now(),
      info: this.info(),
      teams: this.teamInfo(),
      tables: order.flatMap((c) => {
        const row = this.rows.get(c);
        return row ? [row] : [];
      }),
    };
  }

  /** An ended table's row, from the database (its room has gone). */
  private endedRow(code: string): Promise<TableSummary> {
    return tableRowFromStore(code, this.scenario);
  }
}

/** The scenario's party ids, quoted, for a message refusing another id. */
function partyChoices(scenario: Scenario): string {
  return sidesOf(scenario)
    .map((s) => `"${s}"`)
    .join(' or ');
}

/** A teacher's action in a few words, for the console ("Paused: 3 tables"). */
function describeAction(scenario: Scenario, action: FacilitatorAction): string {
  switch (action.type) {
    case 'pause':
      return action.paused ? 'Paused' : 'Resumed';
    case 'inject':
      return `Event “${scenario.events.find((e) => e.id === action.event)?.title ?? action.event}” injected`;
    case 'inject-custom':
      return `Event “${action.title}” injected`;
    case 'show-hazard':
      return action.visible ? 'Hazard shown' : 'Hazard hidden';
    case 'deadline':
      return `Deadline moved by ${action.delta} round${Math.abs(action.delta) === 1 ? '' : 's'}`;
    default:
      return 'Bridge tabled';
  }
}
