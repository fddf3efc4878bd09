// The teacher console's HTTP calls to the game server (reopen a class, its replays for the debrief,
// the zip of every replay, deleting a class) and what this device keeps: the teacher token of each
// class (only here, never in a link) and the list of this device's classes.
import type { KeyValueStore } from '../core/save';
import { m } from '../i18n';

/** Where this device keeps its teacher token for a class. */
export const teacherTokenKey = (code: string): string => `backchannel.teacher.${code}`;
/** This device's classes (JSON array of ClassEntry). */
export const CLASSES_KEY = 'backchannel.teacher.classes';

export interface ClassEntry {
  code: string;
  title: string;
  scenarioId: string;
  createdAt: string;
}

const TOKEN = /^[0-9a-f]{32}$/;

/** What a person types or a link holds for a class code: trimmed, upper case, spaces removed; null when it cannot be one. */
export function normaliseClassCode(input: string | null | undefined): string | null {
  const code = (input ?? '').trim().toUpperCase().replace(/\s+/g, '');
  return /^[A-Z0-9][A-Z0-9_-]{2,15}$/.test(code) ? code : null;
}

export function readTeacherToken(store: KeyValueStore, code: string): string | null {
  try {
    const value = store.getItem(teacherTokenKey(code));
    return value && TOKEN.test(value) ? value : null;
  } catch {
    return null;
  }
}

export function readClasses(store: KeyValueStore): ClassEntry[] {
  try {
    const value: unknown = JSON.parse(store.getItem(CLASSES_KEY) ?? '[]');
    if (!Array.isArray(value)) return [];
    return value.filter(
      (e): e is ClassEntry =>
        !!e &&
        typeof e === 'object' &&
        typeof e.code === 'string' &&
        typeof e.title === 'string' &&
        typeof e.scenarioId === 'string' &&
        typeof e.createdAt === 'string',
    );
  } catch {
    return [];
  }
}

/** Keeps the token and the class in this device's list (a class already listed is updated in place). */
export function rememberClass(store: KeyValueStore, entry: ClassEntry, token: string | null): void {
  try {
    if (token) store.setItem(teacherTokenKey(entry.code), token);
    const list = readClasses(store);
    const at = list.findIndex((e) => e.code === entry.code);
    if (at >= 0) list[at] = entry;
    else list.unshift(entry);
    store.setItem(CLASSES_KEY, JSON.stringify(list));
  } catch {
    // No storage: the console works now, but this device cannot reopen the class after a reload.
  }
}

export function forgetClass(store: KeyValueStore, code: string): void {
  try {
    store.removeItem(teacherTokenKey(code));
    store.setItem(CLASSES_KEY, JSON.stringify(readClasses(store).filter((e) => e.code !== code)));
  } catch {
    // Nothing to forget.
  }
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** A failed request, with the server's sentence (or ours) and the HTTP status (0: no answer). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** The sentence for a server that does not answer, in the language shown. */
export const unreachable = (): string => m.cls.unreachable;

/** The server's plain-text sentence for an error status, cut short and without markup. */
async function reason(response: Response): Promise<string> {
  let text = '';
  try {
    text = (await response.text()).trim();
  } catch {
    // No body.
  }
  if (!text || text.startsWith('<') || text.length > 300) {
    if (response.status === 401 || response.status === 403) return m.cls.keyRefused;
    if (response.status === 404) return m.cls.noSuchClass;
    return m.cls.serverAnswered(response.status);
  }
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

export class ClassApi {
  constructor(
    private readonly fetcher: Fetch = (input, init) => fetch(input, init),
    private readonly base = '',
  ) {}

  private async call(code: string, suffix: string, token: string, init: RequestInit = {}): Promise<Response> {
    let response: Response;
    try {
      response = await this.fetcher(`${this.base}/api/classes/${encodeURIComponent(code)}${suffix}`, {
        ...init,
        headers: { ...(init.headers as Record<string, string> | undefined), Authorization: `Bearer ${token}` },
      });
    } catch {
      throw new ApiError(unreachable(), 0);
    }
    if (!response.ok) throw new ApiError(await reason(response), response.status);
    return response;
  }

  /** Makes the class room live again (a class from last week, or after a reload). */
  async open(code: string, token: string): Promise<void> {
    await this.call(code, '/open', token, { method: 'POST' });
  }

  /** Every table's replay so far, with the teams' names at each seat. */
  async replays(code: string, token: string): Promise<ServerTables> {
    const response = await this.call(code, '/replays', token);
    let value: unknown;
    try {
      value = await response.json();
    } catch {
      throw new ApiError(m.cls.unreadableReplays, response.status);
    }
    const tables = (value as { tables?: unknown } | null)?.tables;
    if (!Array.isArray(tables)) throw new ApiError(m.cls.unreadableReplays, response.status);
    return { tables: tables as ServerTable[] };
  }

  /** A zip of every replay file. */
  async zip(code: string, token: string): Promise<Blob> {
    return (await this.call(code, '/replays.zip', token)).blob();
  }

  /** Deletes the class and its tables on the server. */
  async remove(code: string, token: string): Promise<void> {
    await this.call(code, '', token, { method: 'DELETE' });
  }
}

/** One table of a class as GET /api/classes/CODE/replays gives it. */
export interface ServerTable {
  code: string;
  /** The team at each seat, by party id (in the scenario's party order). */
  teams: Record<string, string | null>;
  replay: unknown;
}

export interface ServerTables {
  tables: ServerTable[];
}
