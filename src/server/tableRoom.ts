// One online table: a Colyseus room holding the core's game context. The server is the authority:
// clients send moves for their own seat, the room checks their shape (zod) and then the rules
// (`advance` runs the same core as the browser and the CLI, AI replies included), stores every new
// turn with its checksum in the database before anyone hears of it, and sends each client only its
// seat's view (`viewFor`).
import { createHash, randomBytes } from 'node:crypto';
import { type Client, ErrorCode, matchMaker, Room, ServerError } from '@colyseus/core';
import { stateChecksum } from '../core/checksum';
import { advance, type GameContext, runAi } from '../core/machine';
import { controllerError } from '../core/play';
import { makeReplay, type Replay, verifyReplay } from '../core/replay';
import { legalActionTypes } from '../core/rules';
import type { Scenario } from '../core/scenario/schema';
import { bySide, isSide, otherSide, sidesOf } from '../core/sides';
import { changeControllers, createGame } from '../core/state';
import { type Action, controllerOf, type FacilitatorAction, type Settings, type Side } from '../core/types';
import { type GameView, type Viewer, viewFor } from '../core/view';
import { cutView } from '../core/viewDelta';
import type { Notice } from './classProtocol';
import { classChannel, type ToClass, type ToTable, tableChannel, tableSummary } from './classSummary';
import { admit, type Bucket, newBucket } from './limits';
import {
  ActionSchema,
  ClientMessages,
  CODE_ALPHABET,
  CreateOptionsSchema,
  describeZodError,
  JoinOptionsSchema,
  type Refusal,
  type SeatInfo,
  type TableUpdate,
  type Welcome,
} from './protocol';
import type { NewTable, Store, TableRecord, Takeover } from './store';
import type { TurnWriter } from './writer';

/** What the server process gives every room: the database and the scenarios it can play. */
export interface TableServices {
  store: Store;
  /** Turns go to the store through it: a group commit across rooms. */
  writer: TurnWriter;
  scenario(id: string): { scenario: Scenario; sha256: string } | null;
  /** A per-process secret: only the server itself may ask a room to restore a table. */
  restoreKey: string;
  /** Called when a table is created or ends (for logs). */
  log?: (line: string) => void;
}

interface ClientData {
  viewer: Viewer;
  /** Sent cut views (core/viewDelta.ts), and the view this client was last sent; null: send it whole next. */
  deltas: boolean;
  last: GameView | null;
  /** The rate limit's token bucket. */
  bucket: Bucket;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A new table code: 8 characters of CODE_ALPHABET from a CSPRNG, XXXX-XXXX. */
export function newTableCode(): string {
  const bytes = randomBytes(16);
  let out = '';
  // Rejection sampling keeps every character equally likely (248 = 8 × 31).
  for (let i = 0; out.length < 8; i++) {
    const b = i < bytes.length ? (bytes[i] as number) : (randomBytes(1)[0] as number);
    if (b < 248) out += CODE_ALPHABET[b % 31];
  }
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

export const newToken = (): string => randomBytes(16).toString('hex');

/**
 * A join or create the server refuses for a reason the person can act on (a taken seat, a wrong
 * token, bad options): the client gets the sentence; the server's log is not filled with stack traces
 * (Colyseus prints every other error a room throws).
 */
export const refusal = (message: string): ServerError => new ServerError(ErrorCode.APPLICATION_ERROR, message);

/** A class's table, as its class room asks for it (with the server's restore key). */
export interface ClassTable {
  classCode: string;
  scenarioId: string;
  seed: string;
  settings: Settings;
  /** sha256 of each seat's token (a team's token is its seat token); null for the AI's seat. */
  seatTokens: Record<Side, string | null>;
  names: Record<Side, string | null>;
  /** Rounds before the deadline (default: the scenario's). */
  deadline?: number;
  /** A timer per round, in minutes (0 or absent: none). */
  roundMinutes?: number;
}

export class TableRoom extends Room {
  static services: TableServices;

  private ctx!: GameContext;
  private record!: TableRecord;
  private scenario!: Scenario;
  /** Who plays each side now (changes when the host hands a seat to the AI). */
  private settings!: Settings;
  /** The host's first join after creating the table takes the host's seat. */
  private creatorSeat: Side | null = null;
  private connected = new Map<Side, number>();
  /** Moves are handled one at a time: each waits for the previous one's write. */
  private queue: Promise<void> = Promise.resolve();
  /** A class's table: when the last turn landed (for the teacher's idle time), and the teacher's last notice. */
  private lastMoveAt: number | null = null;
  private notice: Notice | null = null;
  private listening: ((m: ToTable) => void) | null = null;
  private deleted = false;
  /** A class's timer per round: its length, the round it is running for and when that round's time is up. */
  private roundMinutes = 0;
  private timedRound = 0;
  private roundEndsAt: number | null = null;

  override async onCreate(options: unknown): Promise<void> {
    const services = TableRoom.services;
    this.autoDispose = false;
    // No Colyseus state here (every update is a message): no patch timer, 20 calls a second a room for nothing.
    this.setPatchRate(null);
    const restore = options as { restore?: string; key?: string };
    if (restore?.key !== undefined) {
      if (restore.key !== services.restoreKey) throw refusal('not allowed');
      const inClass = (options as { classTable?: ClassTable }).classTable;
      if (inClass) await this.createForClass(inClass);
      else if (typeof restore.restore === 'string') await this.restore(restore.restore);
      else throw refusal('not allowed');
    } else await this.create(options);
    this.onMessage('*', (client, type, message) => this.receive(client, String(type), message));
    if (this.record.classCode) {
      if (!(options as { classTable?: ClassTable }).classTable) {
        const kept = await services.store.getClass(this.record.classCode);
        this.roundMinutes = Number((kept?.options as { roundMinutes?: number } | undefined)?.roundMinutes ?? 0);
      }
      this.startRoundTimer();
      this.listening = (m: ToTable) => this.fromClass(m);
      await this.presence.subscribe(tableChannel(this.record.code), this.listening);
      this.publishRow();
    }
  }

  override async onDispose(): Promise<void> {
    if (this.listening) await this.presence.unsubscribe(tableChannel(this.record.code), this.listening);
  }

  /** A class's table, made by its class room (classRoom.ts): both seats' tokens given, the teams' names known. */
  private async createForClass(t: ClassTable): Promise<void> {
    const services = TableRoom.services;
    const found = services.scenario(t.scenarioId);
    if (!found) throw refusal(`unknown scenario "${t.scenarioId}"`);
    const code = newTableCode();
    this.roomId = code;
    this.scenario = found.scenario;
    this.settings = t.settings;
    // The host seat (whose holder may hand a seat to the AI): the first party played by a person.
    const [first, second] = sidesOf(found.scenario);
    const hostSide: Side = controllerOf(t.settings, first) === 'human' ? first : second;
    const table: NewTable = {
      code,
      scenarioId: t.scenarioId,
      scenarioSha: found.sha256,
      seed: t.seed,
      settings: t.settings,
      hostSide,
      seatTokens: t.seatTokens,
      names: t.names,
      classCode: t.classCode,
    };
    this.record = { ...table, classCode: t.classCode, takeovers: [], createdAt: new Date().toISOString(), endedAt: null, final: null };
    let ctx: GameContext = {
      scenario: found.scenario,
      scenarioHash: found.sha256,
      game: createGame(found.scenario, t.seed, t.settings),
      actions: [],
      checksums: [],
      error: null,
    };
    // The class's deadline, as facilitator turns (each moves it by at most 6 rounds), before anyone moves.
    let delta = (t.deadline ?? ctx.game.deadline) - ctx.game.deadline;
    while (delta !== 0) {
      const step = Math.max(-6, Math.min(6, delta));
      const next = advance(ctx, 'facilitator', { type: 'deadline', delta: step });
      if (!next.ok) throw new Error(`the class's deadline cannot be set: ${next.error}`);
      ctx = next.context;
      delta -= step;
    }
    this.ctx = runAi(ctx);
    this.roundMinutes = t.roundMinutes ?? 0;
    await services.store.createTable(table);
    await this.persistTurns(0);
    services.log?.(`table ${code} created for class ${t.classCode}`);
  }

  private async create(options: unknown): Promise<void> {
    const services = TableRoom.services;
    const parsed = CreateOptionsSchema.safeParse(options);
    if (!parsed.success) throw refusal(describeZodError('table options', parsed.error));
    const o = parsed.data;
    const found = services.scenario(o.scenarioId);
    if (!found) throw refusal(`unknown scenario "${o.scenarioId}"`);
    const { scenario, sha256: scenarioSha } = found;
    if (!isSide(scenario, o.side))
      throw refusal(`table options.side: "${o.side}" is not a party of ${scenario.title}: the parties are ${partyList(scenario)}`);
    const other = otherSide(scenario, o.side);
    if (o.opponent !== 'human') {
      const problem = controllerError(scenario, o.opponent);
      if (problem || !o.opponent.startsWith('ai:'))
        throw refusal(problem ?? `the other seat must be "human" or ai:<personality>, not "${o.opponent}"`);
    }
    const difficulty = o.difficulty ?? scenario.defaults.difficulty;
    if (!scenario.difficulties.some((d) => d.id === difficulty)) throw refusal(`unknown difficulty "${difficulty}"`);
    const seed = (o.seed ?? '').normalize('NFC').trim() || randomBytes(6).toString('hex');
    const settings: Settings = { ...bySide(scenario, (side) => (side === other ? o.opponent : 'human')), difficulty };
    const code = newTableCode();
    this.roomId = code;
    this.scenario = scenario;
    this.settings = settings;
    const table: NewTable = {
      code,
      scenarioId: scenario.id,
      scenarioSha,
      seed,
      settings,
      hostSide: o.side,
      seatTokens: bySide(scenario, () => null),
      names: bySide(scenario, () => null),
    };
    this.record = { ...table, classCode: null, takeovers: [], createdAt: new Date().toISOString(), endedAt: null, final: null };
    const first: GameContext = {
      scenario,
      scenarioHash: scenarioSha,
      game: createGame(scenario, seed, settings),
      actions: [],
      checksums: [],
      error: null,
    };
    this.ctx = runAi(first);
    await services.store.createTable(table);
    await this.persistTurns(0);
    this.creatorSeat = o.side;
    services.log?.(`table ${code} created (${scenario.id}, host plays ${o.side}, other seat ${o.opponent})`);
  }

  /** Rebuilds an open table from the database after a restart: every stored turn re-played and checked. */
  private async restore(code: string): Promise<void> {
    const services = TableRoom.services;
    const record = await services.store.getTable(code);
    if (!record) throw new Error(`no table ${code}`);
    const found = services.scenario(record.scenarioId);
    if (!found) throw new Error(`table ${code}: unknown scenario "${record.scenarioId}"`);
    if (found.sha256 !== record.scenarioSha)
      throw new Error(`table ${code}: scenario "${record.scenarioId}" has changed since the table began`);
    const turns = await services.store.turns(code);
    const replay = tableReplay(record, found.scenario, turns, null);
    const checked = verifyReplay(found.scenario, found.sha256, replay, { skipFinal: true });
    if (!checked.ok) throw new Error(`table ${code} cannot be restored: ${checked.error}`);
    this.roomId = code;
    this.record = record;
    this.scenario = found.scenario;
    this.settings = lastSettings(record);
    this.ctx = {
      scenario: found.scenario,
      scenarioHash: found.sha256,
      game: checked.state,
      actions: turns.map((t) => ({ turn: t.turn, side: t.side, action: t.action as Action })),
      checksums: turns.map((t) => t.checksum),
      error: null,
    };
  }

  override async onJoin(client: Client, options: unknown): Promise<void> {
    const parsed = JoinOptionsSchema.safeParse(stripCreateOptions(options));
    if (!parsed.success) throw refusal(describeZodError('join options', parsed.error));
    const o = parsed.data;
    let viewer: Viewer | null = null;
    let token: string | null = null;
    if (this.creatorSeat) {
      viewer = this.creatorSeat;
      this.creatorSeat = null;
    } else if (o.token) {
      const hash = sha256(o.token);
      viewer = sidesOf(this.scenario).find((s) => this.record.seatTokens[s] === hash) ?? null;
      if (!viewer) throw refusal('this seat token does not belong to this table');
      token = o.token;
    } else if (o.spectate) viewer = 'spectator';
    else if (this.record.classCode) throw refusal('this table belongs to a class: join it through the class link');
    else {
      const free = sidesOf(this.scenario).filter((s) => !this.record.seatTokens[s] && controllerOf(this.settings, s) === 'human');
      if (o.side !== undefined && !isSide(this.scenario, o.side))
        throw refusal(`join options.side: "${o.side}" is not a party at this table: the parties are ${partyList(this.scenario)}`);
      const wanted = o.side ?? free[0];
      if (!wanted || !free.includes(wanted))
        throw refusal(o.side ? `the ${this.partyName(o.side)} seat is taken` : 'both seats are taken: join as a spectator');
      viewer = wanted;
    }
    if (viewer !== 'spectator' && !token) {
      token = newToken();
      this.record.seatTokens[viewer] = sha256(token);
      if (o.name) this.record.names[viewer] = o.name;
      // Stored before the seat is given: a restart must not lose who sits where.
      await TableRoom.services.store.updateTable(this.record.code, { seatTokens: this.record.seatTokens, names: this.record.names });
    }
    client.userData = {
      viewer,
      deltas: o.deltas === true,
      last: null,
      bucket: newBucket(),
    } satisfies ClientData;
    if (viewer !== 'spectator') this.connected.set(viewer, (this.connected.get(viewer) ?? 0) + 1);
    const welcome: Welcome = { code: this.record.code, viewer, token, host: viewer === this.record.hostSide };
    client.send('welcome', welcome);
    // A teacher's message still on (its countdown not yet over, or sent in the last ten minutes).
    const n = this.notice;
    if (n && Math.max(n.until ?? 0, n.now + 600_000) > Date.now()) client.send('notice', { ...n, now: Date.now() } satisfies Notice);
    this.broadcastUpdate();
  }

  override onLeave(client: Client): void {
    const data = client.userData as ClientData | undefined;
    if (data && data.viewer !== 'spectator') this.connected.set(data.viewer, Math.max(0, (this.connected.get(data.viewer) ?? 1) - 1));
    this.broadcastUpdate();
  }

  /** Every message: size and rate first, then its shape, then (for a move) the rules. */
  private receive(client: Client, type: string, message: unknown): void {
    const data = client.userData as ClientData | undefined;
    if (!data) return;
    const refuse = (error: string) => client.send('refused', { error } satisfies Refusal);
    if (!admit(client, data.bucket, type, message)) return;
    if (!(type in ClientMessages)) {
      refuse(`unknown message type "${type.slice(0, 40)}"`);
      return;
    }
    const schema = ClientMessages[type as keyof typeof ClientMessages];
    const shape = schema.safeParse(message);
    if (!shape.success) {
      refuse(describeZodError(type, shape.error));
      return;
    }
    if (type === 'act') this.enqueue(() => this.act(client, data.viewer, (shape.data as { action: unknown }).action));
    else if (type === 'seat') {
      const m = shape.data as { side: Side; controller: string };
      this.enqueue(() => this.reseat(client, data.viewer, m.side, m.controller));
    } else if (type === 'resync') {
      data.last = null;
      this.sendUpdate(client, data, this.updateFor(data.viewer));
    } else if (type === 'replay') {
      if (this.ctx.game.phase !== 'ended') {
        refuse('replay: the replay holds the seed, so it is given once the talks have ended');
        return;
      }
      client.send('replay', this.replay());
    }
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((e: unknown) => {
      TableRoom.services.log?.(`table ${this.record.code}: ${e instanceof Error ? e.message : String(e)}`);
    });
  }

  private async act(client: Client, viewer: Viewer, raw: unknown): Promise<void> {
    const refuse = (error: string) => client.send('refused', { error } satisfies Refusal);
    if (viewer === 'spectator') return refuse('a spectator cannot make moves');
    const parsed = ActionSchema.safeParse(raw);
    if (!parsed.success) return refuse(describeZodError('action', parsed.error));
    const action = parsed.data as Action;
    if (controllerOf(this.settings, viewer) !== 'human') return refuse(`the ${this.partyName(viewer)} seat is played by the AI now`);
    const error = await this.play(viewer, action);
    if (error) refuse(error);
  }

  /**
   * Plays a turn (a seat's move, with the AI's replies, or a facilitator's action) and stores it
   * before anyone hears of it; undone if it cannot be stored. The reason it was refused, or null.
   */
  private async play(seat: Side | 'facilitator', action: Action | FacilitatorAction): Promise<string | null> {
    const before = this.ctx.actions.length;
    const next = advance(this.ctx, seat, action);
    if (!next.ok) return next.error;
    const previous = this.ctx;
    this.ctx = next.context;
    try {
      await this.persistTurns(before);
    } catch (e) {
      this.ctx = previous;
      return `the ${seat === 'facilitator' ? 'action' : 'move'} could not be saved, so it was not played: ${e instanceof Error ? e.message : String(e)}`;
    }
    await this.afterChange();
    return null;
  }

  /** The host hands a seat to the AI (`ai:<personality>`) or back to a person (`human`). */
  private async reseat(client: Client, viewer: Viewer, side: Side, controller: string): Promise<void> {
    const refuse = (error: string) => client.send('refused', { error } satisfies Refusal);
    if (this.record.classCode) return refuse('at a class’s table, the seats are the class’s: ask your teacher');
    if (viewer !== this.record.hostSide) return refuse('only the host decides who plays a seat');
    if (!isSide(this.scenario, side))
      return refuse(`seat.side: "${side}" is not a party at this table: the parties are ${partyList(this.scenario)}`);
    if (this.ctx.game.phase === 'ended') return refuse('the talks are over');
    if (controller !== 'human') {
      const problem = controllerError(this.scenario, controller);
      if (problem || !controller.startsWith('ai:'))
        return refuse(problem ?? `a seat is played by "human" or ai:<personality>, not "${controller}"`);
    }
    if (controllerOf(this.settings, side) === controller) return refuse(`${this.partyName(side)} is already played by ${controller}`);
    const settings = { ...this.settings, [side]: controller } as Settings;
    const takeover: Takeover = { afterTurn: this.ctx.actions.length, settings };
    const before = this.ctx.actions.length;
    const previous = { ctx: this.ctx, settings: this.settings, takeovers: this.record.takeovers };
    this.settings = settings;
    this.record.takeovers = [...this.record.takeovers.filter((t) => t.afterTurn !== takeover.afterTurn), takeover];
    if (controller === 'human') this.record.seatTokens[side] = null;
    this.ctx = runAi({ ...this.ctx, game: changeControllers(this.scenario, this.ctx.game, settings) });
    try {
      await TableRoom.services.store.updateTable(this.record.code, {
        takeovers: this.record.takeovers,
        seatTokens: this.record.seatTokens,
      });
      await this.persistTurns(before);
    } catch (e) {
      Object.assign(this, { ctx: previous.ctx, settings: previous.settings });
      this.record.takeovers = previous.takeovers;
      return refuse(`the change could not be saved: ${e instanceof Error ? e.message : String(e)}`);
    }
    await this.afterChange();
  }

  /** Stores the turns from `from` on, with their checksums: before anyone is told of them. */
  private async persistTurns(from: number): Promise<void> {
    const turns = this.ctx.actions.slice(from).map((a, i) => ({
      turn: a.turn,
      side: a.side,
      action: a.action,
      checksum: this.ctx.checksums[from + i] as string,
    }));
    if (turns.length > 0) await TableRoom.services.writer.write(this.record.code, turns);
  }

  private async afterChange(): Promise<void> {
    this.lastMoveAt = Date.now();
    this.startRoundTimer();
    if (this.ctx.game.phase === 'ended' && !this.record.endedAt) {
      this.record.endedAt = new Date().toISOString();
      this.record.final = stateChecksum(this.ctx.game);
      // The last turn is stored already: everyone hears of the end at once, and the table's record follows.
      this.broadcastUpdate();
      await TableRoom.services.store.updateTable(this.record.code, { endedAt: this.record.endedAt, final: this.record.final });
      TableRoom.services.log?.(`table ${this.record.code} ended: ${this.ctx.game.outcome?.kind} (final ${this.record.final})`);
      // Once everyone has gone, the room goes; the table stays in the database.
      this.autoDispose = true;
      return;
    }
    this.broadcastUpdate();
  }

  /** A party by its scenario's short name (for messages a person reads). */
  private partyName(side: Side): string {
    return this.scenario.parties[side]?.short ?? side;
  }

  private seats(): Record<Side, SeatInfo> {
    const info = (side: Side): SeatInfo => ({
      controller: controllerOf(this.settings, side),
      name: this.record.names[side] ?? null,
      taken: Boolean(this.record.seatTokens[side]),
      connected: (this.connected.get(side) ?? 0) > 0,
    });
    return bySide(this.scenario, info);
  }

  /** Each client gets its own seat's view; the three possible views are built once each, then cut per client. */
  private broadcastUpdate(): void {
    this.publishRow();
    const built = new Map<Viewer, TableUpdate>();
    for (const client of this.clients) {
      const data = client.userData as ClientData | undefined;
      if (!data) continue;
      let update = built.get(data.viewer);
      if (!update) {
        update = this.updateFor(data.viewer);
        built.set(data.viewer, update);
      }
      this.sendUpdate(client, data, update);
    }
  }

  private sendUpdate(client: Client, data: ClientData, update: TableUpdate): void {
    if (!data.deltas) {
      client.send('update', update);
      return;
    }
    const cut = cutView(update.view, data.last);
    data.last = update.view;
    client.send('update', { ...update, view: cut.view, from: cut.from });
  }

  updateFor(viewer: Viewer): TableUpdate {
    const { game } = this.ctx;
    return {
      code: this.record.code,
      scenarioId: this.record.scenarioId,
      scenarioSha: this.record.scenarioSha,
      viewer,
      hostSide: this.record.hostSide,
      turns: this.ctx.actions.length,
      checksum: this.ctx.checksums[this.ctx.checksums.length - 1] ?? null,
      final: this.record.final,
      settings: this.settings,
      seats: this.seats(),
      legal: viewer !== 'spectator' && game.phase !== 'ended' ? legalActionTypes(this.scenario, game, viewer) : [],
      view: viewFor(this.scenario, game, viewer),
    };
  }

  /** A class's table: its row on the teacher's grid, to the class room (in whichever process it is). */
  private publishRow(): void {
    const classCode = this.record?.classCode;
    if (!classCode || !this.ctx || this.deleted) return;
    const row = tableSummary(
      this.scenario,
      this.record.code,
      this.ctx.game,
      this.settings,
      this.record.names,
      bySide(this.scenario, (side) => (this.connected.get(side) ?? 0) > 0),
      this.ctx.actions.length,
      this.lastMoveAt,
      this.roundEndsAt,
    );
    this.toClass({ type: 'row', table: row });
  }

  /**
   * A class's timer per round: when a new round begins at the table, its teams get the teacher's
   * countdown (a notice, as a broadcast is). Advisory: the rules do not end a round by the clock.
   */
  private startRoundTimer(): void {
    const game = this.ctx?.game;
    if (!this.roundMinutes || !game || game.phase !== 'rounds' || game.round === this.timedRound) return;
    const now = Date.now();
    this.timedRound = game.round;
    this.roundEndsAt = now + this.roundMinutes * 60_000;
    this.notice = {
      text: `Round ${game.round} of ${game.deadline}: ${this.roundMinutes} minute${this.roundMinutes === 1 ? '' : 's'} for this round.`,
      until: this.roundEndsAt,
      now,
      msg: { id: 'round-timer', round: game.round, of: game.deadline, minutes: this.roundMinutes },
    };
    this.broadcast('notice', this.notice);
  }

  private toClass(m: ToClass): void {
    const classCode = this.record.classCode;
    if (!classCode) return;
    // The class room in this process hears it at once; one in another process, through the pub/sub.
    const local = matchMaker.getLocalRoomById(classCode) as unknown as { fromTable?: (m: ToClass) => void } | undefined;
    if (local?.fromTable) local.fromTable(m);
    else void this.presence.publish(classChannel(classCode), m);
  }

  /** What the class room asks of this table (the teacher's console, maybe in another process). */
  private fromClass(m: ToTable): void {
    if (this.deleted) return;
    if (m.type === 'facilitate') this.enqueue(() => this.facilitate(m.id, m.action));
    else if (m.type === 'notice') {
      this.notice = m.notice;
      this.broadcast('notice', { ...m.notice, now: Date.now() } satisfies Notice);
    } else if (m.type === 'detail') {
      const game = this.ctx.game;
      this.toClass({
        type: 'detail',
        id: m.id,
        detail: {
          code: this.record.code,
          view: viewFor(this.scenario, game, 'teacher'),
          turns: this.ctx.actions.length,
          checksum: this.ctx.checksums.at(-1) ?? null,
        },
      });
    } else if (m.type === 'hello') this.publishRow();
    else if (m.type === 'deleted') {
      this.deleted = true;
      this.autoDispose = true;
      for (const client of this.clients) client.leave(4000, 'the class was deleted');
      void this.disconnect().catch(() => undefined);
    }
  }

  /** A teacher's action: a facilitator turn, stored like any other before anyone hears of it. */
  private async facilitate(id: string, action: FacilitatorAction): Promise<void> {
    this.toClass({ type: 'result', id, table: this.record.code, error: await this.play('facilitator', action) });
  }

  replay(): Replay {
    return tableReplay(
      this.record,
      this.scenario,
      this.ctx.actions.map((a, i) => ({ ...a, checksum: this.ctx.checksums[i] as string })),
      this.ctx.game,
    );
  }
}

/** The scenario's two party ids, quoted, for a message refusing another id. */
function partyList(scenario: Scenario): string {
  return sidesOf(scenario)
    .map((s) => `"${s}"`)
    .join(' and ');
}

/** The settings in force after the last takeover. */
function lastSettings(record: TableRecord): Settings {
  return [...record.takeovers].sort((a, b) => a.afterTurn - b.afterTurn).at(-1)?.settings ?? record.settings;
}

/** The table's replay file (what `replay verify` checks); `final` from the given end state, or empty. */
export function tableReplay(
  record: TableRecord,
  scenario: Scenario,
  turns: readonly { turn: number; side: Viewer | 'facilitator'; action: unknown; checksum: string }[],
  finalState: GameContext['game'] | null,
): Replay {
  const base = makeReplay({
    scenario,
    scenarioHash: record.scenarioSha,
    seed: record.seed,
    settings: record.settings,
    log: turns.map((t) => ({ turn: t.turn, side: t.side as Side, action: t.action as Action })),
    checksums: turns.map((t) => t.checksum),
    finalState: finalState ?? createGame(scenario, record.seed, record.settings),
    takeovers: record.takeovers,
  });
  return finalState ? base : { ...base, final: '' };
}

/** A join made by `create` carries the table options too: only the join options are checked on joining. */
function stripCreateOptions(options: unknown): unknown {
  if (!options || typeof options !== 'object') return {};
  const { scenarioId: _s, seed: _seed, side, opponent, difficulty: _d, ...rest } = options as Record<string, unknown>;
  // (`name` and `deltas` are join options too, and stay.)
  return opponent !== undefined ? { ...rest } : { ...rest, ...(side !== undefined ? { side } : {}) };
}
