// The live classroom's messages, shared by the game server and the browser (the teacher console on
// class.html, the students' join screen on the game page). A class is a Colyseus room (CLASS_ROOM)
// whose id is the class code; its tables are ordinary table rooms (protocol.ts) created by the class.
// Everything a client sends is checked here for shape (zod) before the server acts on it.
import { z } from 'zod';
import type { LogMessage } from '../core/logMessage';
import { SEVERITIES } from '../core/scenario/constants';
import type { FacilitatorAction, OutcomeKind, Side } from '../core/types';
import type { GameView } from '../core/view';
import { partyIdSchema, plainText } from './protocol';

export const CLASS_ROOM = 'class';

/** The longest message a teacher may broadcast to the class. */
export const MAX_NOTICE = 280;
/** The longest countdown a teacher may broadcast (seconds). */
export const MAX_COUNTDOWN = 3600;
/** How long a one-time code for adding a teacher's second device stays valid. */
export const PAIR_CODE_SECONDS = 600;
/** The most tables one class forms (a large class split into pairs of teams). */
export const MAX_CLASS_TABLES = 40;

const id = z.string().min(1).max(64);
const token = z.string().regex(/^[0-9a-f]{32}$/);
const plain = plainText;

/** The teacher's choices when creating a class. */
export const ClassOptionsSchema = z
  .object({
    scenarioId: id,
    /** A name for the class, shown on the console and the students' screens ("Period 3"). */
    title: plain(60).optional(),
    /**
     * How tables are formed: `teams` seats two student teams at each table (paired as they arrive);
     * `ai` seats each team alone against the scenario's AI with `personality`.
     */
    formation: z.enum(['teams', 'ai']),
    /** With `teams`: `auto` pairs teams as they arrive; `teacher` leaves them waiting until the teacher seats them (`seat`). */
    seating: z.enum(['auto', 'teacher']).optional(),
    personality: id.optional(),
    /**
     * With `ai`: the side the students play, a party id of the scenario (`both`: the first party and
     * the second alternately, table by table).
     */
    studentSide: z.union([z.literal('both'), partyIdSchema]).optional(),
    /** `same`: one seed for every table (so they can be compared); `each`: a seed per table. */
    seedPolicy: z.enum(['same', 'each']),
    /** With `same`: the seed (random when empty). */
    seed: z.string().max(256).optional(),
    difficulty: id.optional(),
    /** Rounds before the deadline at every table (default: the scenario's). */
    deadline: z.number().int().min(1).max(40).optional(),
    /** A timer per round (minutes): each table's teams see it count down from the round's start; 0 or absent: none. */
    roundMinutes: z.number().int().min(0).max(30).optional(),
  })
  .strict();
export type ClassOptions = z.input<typeof ClassOptionsSchema>;

/**
 * Joining a class room. The teacher: `teacher` (the token kept on the teacher's device) or `pair`
 * (a one-time code from the console, for a second device). A student team: `name` for a new team,
 * or `token` (the team's, kept on its device) to take its seat back.
 */
export const ClassJoinSchema = z.union([
  z.object({ teacher: token }).strict(),
  z.object({ pair: z.string().regex(/^[0-9]{6}$/) }).strict(),
  z.object({ name: plain(40).pipe(z.string().min(1, 'a team needs a name')) }).strict(),
  z.object({ token }).strict(),
]);
export type ClassJoin = z.input<typeof ClassJoinSchema>;

/** A facilitator's move on a table (checked again by the rules: core/facilitator.ts). */
export const FacilitatorActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pause'), paused: z.boolean() }).strict(),
  z.object({ type: z.literal('inject'), event: id }).strict(),
  z
    .object({
      type: z.literal('inject-custom'),
      title: z.string().min(1).max(80),
      text: z.string().min(1).max(600),
      severity: z.enum(SEVERITIES as unknown as [string, ...string[]]),
      effects: z
        .object({
          tension: z.number().optional(),
          shock: z.number().optional(),
          rung: z.number().optional(),
          /** Support won or lost, by party id (the class room checks the ids against its scenario). */
          support: z.record(partyIdSchema, z.number()).optional(),
        })
        .strict(),
    })
    .strict(),
  z.object({ type: z.literal('deadline'), delta: z.number().int() }).strict(),
  z.object({ type: z.literal('show-hazard'), visible: z.boolean() }).strict(),
]);

/** Which tables a teacher's action is for: some by code, or all of the class's. */
const targets = z.union([z.literal('all'), z.array(z.string().min(1).max(16)).min(1).max(MAX_CLASS_TABLES)]);

/** Teacher → class room. A student's messages are refused (students play at their tables). */
export const TeacherMessages = {
  /** A facilitator turn at each target table (pause, inject, deadline, hazard shown or hidden). */
  facilitate: z.object({ tables: targets, action: FacilitatorActionSchema }).strict(),
  /** A message (and optionally a countdown) on every student's screen, at the targets' tables. */
  broadcast: z
    .object({ tables: targets, text: plain(MAX_NOTICE), countdown: z.number().int().min(0).max(MAX_COUNTDOWN).optional() })
    .strict(),
  /** One table in full for the teacher: the public wire and both private briefs. */
  detail: z.object({ table: z.string().min(1).max(16) }).strict(),
  /**
   * Two waiting teams at a new table, by the seat each takes: `{<party id>: <team id>}` for each of the
   * scenario's two parties (the teacher's seating; the class room checks the ids against its scenario).
   */
  seat: z.record(partyIdSchema, z.string().min(1).max(16)),
  /** A waiting team (no other team yet) plays the AI instead. */
  'seat-ai': z.object({ team: z.string().min(1).max(16), personality: id.optional() }).strict(),
  /** A one-time code to add a second device to this class's console. */
  pair: z.object({}).strict(),
  /** Ends the class: every table still playing is paused, and no team can join any more. */
  end: z.object({}).strict(),
} as const;
export type TeacherMessageType = keyof typeof TeacherMessages;

// --- server → client -------------------------------------------------------------------------------

export interface ClassInfo {
  code: string;
  title: string;
  scenarioId: string;
  /** The scenario's own name for the players' choices (never internal ids). */
  formation: 'teams' | 'ai';
  /** With `teams`: paired as they arrive, or seated by the teacher. */
  seating: 'auto' | 'teacher';
  /** With `ai`: the AI's personality, by the scenario's name for it. */
  personality: string | null;
  seedPolicy: 'same' | 'each';
  /** With `same`: the class's seed (the teacher's to see; students never get it). */
  seed: string | null;
  createdAt: string;
  endedAt: string | null;
}

/** A team of students, as the teacher sees it. */
export interface TeamInfo {
  /** A short id within the class (t1, t2, …). */
  id: string;
  name: string;
  /** Where the team sits, or null while it waits for another team. */
  table: string | null;
  side: Side | null;
  joinedAt: string;
}

/** One table on the teacher's grid: public information only, updated as moves land. */
export interface TableSummary {
  code: string;
  /** The teams' names at each seat (the AI's seat: the personality's name). */
  seats: Record<Side, { name: string | null; ai: boolean; connected: boolean }>;
  phase: 'setup' | 'agenda' | 'rounds' | 'ended';
  round: number;
  deadline: number;
  toMove: Side;
  paused: boolean;
  rung: number;
  rungName: string;
  /** The chance that the coming roll climbs a rung (0–1). */
  hazard: number;
  support: Record<Side, number>;
  /** The last public line of the wire, and when it landed (server clock, ms since 1970). */
  lastMove: string | null;
  /** The same line as a language-neutral message (ids and numbers): the console writes it in its own language. */
  lastMoveMsg?: LogMessage | null;
  lastMoveAt: number | null;
  /** With a timer per round: when the current round's time is up (server clock, ms since 1970), else null. */
  roundEndsAt: number | null;
  turns: number;
  /** Once ended: the outcome in the scenario's words. */
  outcome: string | null;
  /** Once ended: the outcome's kind, which the console writes in its own language. */
  outcomeKind?: OutcomeKind | null;
}

/** Server → teacher: the whole console (on joining, and after big changes). `now` is the server's clock. */
export interface ConsoleState {
  now: number;
  info: ClassInfo;
  teams: TeamInfo[];
  tables: TableSummary[];
}

/** Server → teacher: one table changed. */
export interface ConsoleRow {
  now: number;
  table: TableSummary;
}

/** Server → teacher: one table in full (both briefs), on request. */
export interface TableDetail {
  code: string;
  view: GameView;
  turns: number;
  checksum: string | null;
}

/** Server → any class client, once on joining. */
export type ClassWelcome =
  | { role: 'teacher'; code: string /** The teacher token: given to the device that created the class or paired. */; token: string | null }
  | { role: 'student'; code: string; team: string; name: string /** The team's token, to take its seat back. */; token: string };

/** Server → a student team: its seat (join the table room with `{ token }`: the team token is the seat token). */
export interface Seated {
  table: string;
  side: Side;
}

/**
 * The server's own words in a notice, as an id and values, so that each page says them in its own
 * language (`text` keeps them in English, for a page or script that does not know the id).
 */
export type NoticeMsg = { id: 'class-ended' } | { id: 'round-timer'; round: number; of: number; minutes: number };

/** Server → students (through their table) and teachers: a message from the teacher (or the server's, with `msg`). */
export interface Notice {
  text: string;
  /** A countdown's end (server clock, ms since 1970), or null. */
  until: number | null;
  /** The server's clock when sent (to correct a device's own clock). */
  now: number;
  msg?: NoticeMsg;
}

/** What a teacher's action was, for the answer: the action, or the pause that ending the class makes. */
export type DoneWhat = { action: FacilitatorAction } | { classEnded: true };

/** A teacher action's answer as an id and values (as NoticeMsg): team names and table codes as they are. */
export type DoneMsg =
  | { id: 'ai-seated'; team: string; personality: string }
  | { id: 'seated-together'; first: string; second: string }
  | { id: 'nothing-playing' }
  | { id: 'facilitated'; what: DoneWhat; done: number; refused: { table: string; error: string }[]; silent: string[] }
  | { id: 'message-sent'; tables: number }
  | { id: 'already-ended' }
  | { id: 'class-ended' };

/** Server → teacher: what a teacher action did ("Paused 3 tables"), or a refused message. */
export interface Done {
  text: string;
  msg?: DoneMsg;
}
