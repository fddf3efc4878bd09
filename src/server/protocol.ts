// The online table's messages, shared by the game server and the browser. Everything a client sends
// is checked here for shape (zod) before the rules check it for legality; everything the server
// sends is built from `viewFor`, so a client never receives another seat's secrets.
import { z } from 'zod';
import type { ActionType, Settings, Side } from '../core/types';

export { CODE_ALPHABET, CODE_PATTERN, normaliseTableCode, TABLE_ROOM } from '../core/tableCode';

import { PARTY_ID_PATTERN } from '../core/scenario/constants';
import { MAX_REASON, TONES } from '../core/types';
import type { GameView, Viewer } from '../core/view';
import type { Delta } from '../core/viewDelta';

/** The largest message a client may send (its JSON); larger ones are refused with a reason. */
export const MAX_MESSAGE_BYTES = 16 * 1024;
/** Messages a client may send per second (a burst of twice this is allowed) before being refused. */
export const MESSAGES_PER_SECOND = 10;

const id = z.string().min(1).max(64);
/** Plain text typed by a person (a name, a message): control characters and lone surrogates removed, trimmed. */
export const plainText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) =>
      [...s]
        .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && !/[\p{Cs}\p{Cc}]/u.test(c))
        .join('')
        .trim(),
    );
const name = plainText(40);
/** A seat: any party id by its shape here; the table then checks it is one of its scenario's two parties. */
export const partyIdSchema = z.string().regex(PARTY_ID_PATTERN, 'must be a party id of the table’s scenario');
const reason = z.string().max(MAX_REASON).optional();

/** A game action's shape (the rules then decide whether it is legal now). */
export const ActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('propose-agenda'), issues: z.array(id).max(32), reason }).strict(),
  z.object({ type: z.literal('accept-agenda'), reason }).strict(),
  z.object({ type: z.literal('force-agenda'), reason }).strict(),
  z.object({ type: z.literal('propose'), terms: z.record(id, id), reason }).strict(),
  z.object({ type: z.literal('accept'), reason }).strict(),
  z.object({ type: z.literal('accept-bridge'), reason }).strict(),
  z.object({ type: z.literal('concede'), issue: id, reason }).strict(),
  z.object({ type: z.literal('statement'), tone: z.enum(TONES as [string, ...string[]]), reason }).strict(),
  z.object({ type: z.literal('recess'), reason }).strict(),
  z.object({ type: z.literal('bridge'), reason }).strict(),
  z.object({ type: z.literal('walkout'), reason }).strict(),
  z.object({ type: z.literal('guess'), priority: id, redLine: id, reason }).strict(),
]);

/** Options to create a table (the host's choices). */
export const CreateOptionsSchema = z
  .object({
    scenarioId: id,
    seed: z.string().max(256).optional(),
    /** The host's seat: one of the scenario's party ids. */
    side: partyIdSchema,
    /** The other seat: a person (`human`) or the scenario's AI (`ai:<personality>`). */
    opponent: z.string().max(64),
    difficulty: id.optional(),
    name: name.optional(),
    /** The client joins cut views (core/viewDelta.ts): only the new entries of the growing lists. */
    deltas: z.boolean().optional(),
  })
  .strict();
export type CreateOptions = z.input<typeof CreateOptionsSchema>;

/** Options to join a table: a seat token to take one's seat back, or a free seat, or to watch. */
export const JoinOptionsSchema = z
  .object({
    token: z
      .string()
      .regex(/^[0-9a-f]{32}$/)
      .optional(),
    side: partyIdSchema.optional(),
    spectate: z.boolean().optional(),
    name: name.optional(),
    deltas: z.boolean().optional(),
  })
  .strict();
export type JoinOptions = z.input<typeof JoinOptionsSchema>;

/** Client → server messages. */
export const ClientMessages = {
  /** A move for the client's own seat. */
  act: z.object({ action: z.unknown() }).strict(),
  /** The host hands a seat (whose player left) to the AI, or back to a person. */
  seat: z.object({ side: partyIdSchema, controller: z.string().max(64) }).strict(),
  /** The replay file, once the talks have ended (it holds the seed). */
  replay: z.object({}).strict(),
  /** The whole view again (a client whose cut views no longer fit). */
  resync: z.object({}).strict(),
} as const;
export type ClientMessageType = keyof typeof ClientMessages;

export interface SeatInfo {
  /** `human` or `ai:<personality>`: who plays the seat now. */
  controller: string;
  name: string | null;
  /** A person holds the seat's token (the seat is taken). */
  taken: boolean;
  /** That person's client is connected now. */
  connected: boolean;
}

/** Server → client: the table as this client may see it, after every change. */
export interface TableUpdate {
  code: string;
  scenarioId: string;
  scenarioSha: string;
  viewer: Viewer;
  hostSide: Side;
  /** The turns played so far and the checksum after the last one (equal to the offline engine's). */
  turns: number;
  checksum: string | null;
  /** The final state's checksum once the talks have ended (as `replay verify` prints it). */
  final: string | null;
  settings: Settings;
  seats: Record<Side, SeatInfo>;
  /** The move types the viewer's seat may make now (empty when it is not its move). */
  legal: ActionType[];
  /** The view; for a client that asked for deltas, only what changed since the last one (join with core/viewDelta.ts). */
  view: GameView;
  from?: Delta | null;
}

/** Server → client, once on joining: the seat and the token to take it back later (null for a spectator). */
export interface Welcome {
  code: string;
  viewer: Viewer;
  token: string | null;
  host: boolean;
}

/** Server → client: a message the server refused, with the reason. */
export interface Refusal {
  error: string;
}

/** Shape errors as one sentence naming the path: `action.terms.sanctions: expected string`. */
export function describeZodError(where: string, error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return `${where}: invalid`;
  const path = [where, ...first.path.map(String)].join('.');
  return `${path}: ${first.message}`;
}
