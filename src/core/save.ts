// Saves (docs/design.md §4): the replay envelope is the truth; the view's phase is a cache. Written
// safely to any key-value store (localStorage in the browser, injected here so the core stays pure):
// write a temp key, read it back, keep the previous save, then swap. A corrupt save is set aside,
// never deleted, and the previous good save is offered instead.
import { canonicalJson } from './hash';
import { cutMessage, parseJsonText, quoteValue, type Replay, readReplay, versionProblem } from './replay';

export const SAVE_FORMAT = 'backchannel-save';
export const SAVE_FORMAT_VERSION = 1;

export interface SaveEnvelope {
  format: typeof SAVE_FORMAT;
  formatVersion: number;
  /** Where the view was (setup, briefing, agenda, rounds, outcome, debrief): a cache of the phase. */
  view: string;
  mode: string;
  side: string;
  replay: Replay;
}

/** The subset of the Web Storage API a save needs. Any method may throw (quota, privacy mode). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const SAVE_KEYS = {
  current: 'backchannel:save',
  previous: 'backchannel:save:previous',
  temp: 'backchannel:save:tmp',
  corrupt: 'backchannel:save:corrupt',
} as const;

export type SaveReadResult = { ok: true; save: SaveEnvelope } | { ok: false; error: string };

/** The longest view, mode or side name a save may carry. */
const MAX_SAVE_NAME = 40;

/** Reads a save's text: a byte order mark is dropped, every value is checked before use. Never throws. */
export function parseSave(text: string): SaveReadResult {
  try {
    return parseSaveUnchecked(text);
  } catch (err) {
    return { ok: false, error: `the save could not be read: ${cutMessage(err instanceof Error ? err.message : String(err))}` };
  }
}

function parseSaveUnchecked(text: string): SaveReadResult {
  const parsed = parseJsonText(text);
  if (!parsed.ok)
    return {
      ok: false,
      error: parsed.error.startsWith('invalid JSON')
        ? 'the save is not valid JSON (it may have been cut off)'
        : `the save: ${parsed.error}`,
    };
  const value = parsed.value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, error: 'the save is not an object' };
  const v = value as Record<string, unknown>;
  if (v.format !== SAVE_FORMAT) return { ok: false, error: `not a Backchannel save (format ${quoteValue(v.format)})` };
  const version = versionProblem(v.formatVersion, 'formatVersion', 'save format', SAVE_FORMAT_VERSION);
  if (version) return { ok: false, error: version };
  if (typeof v.view !== 'string' || typeof v.mode !== 'string' || typeof v.side !== 'string')
    return { ok: false, error: 'the save is missing its view, mode or side' };
  for (const key of ['view', 'mode', 'side'] as const)
    if ((v[key] as string).length > MAX_SAVE_NAME)
      return { ok: false, error: `the save's ${key} must be a name of at most ${MAX_SAVE_NAME} characters, not ${quoteValue(v[key])}` };
  const replay = readReplay(v.replay);
  if (!replay.ok) return { ok: false, error: `the save's replay: ${replay.error}` };
  return {
    ok: true,
    // Keys this build does not know are kept as they were (a newer field a writer added), never used here.
    save: {
      ...(v as object),
      format: SAVE_FORMAT,
      formatVersion: v.formatVersion as number,
      view: v.view,
      mode: v.mode,
      side: v.side,
      replay: replay.replay,
    },
  };
}

export function serialiseSave(save: SaveEnvelope): string {
  return canonicalJson(save);
}

export type WriteResult = { ok: true } | { ok: false; error: string };

/**
 * Writes a save so that a failure at any step leaves the last good save readable. `writer` names
 * who writes (a browser tab): each writer has its own temp key, so two tabs saving at once never
 * read back each other's text; the last complete save wins and the one before it is kept.
 */
export function writeSave(store: KeyValueStore, save: SaveEnvelope, writer?: string): WriteResult {
  const text = serialiseSave(save);
  const temp = writer ? `${SAVE_KEYS.temp}:${writer}` : SAVE_KEYS.temp;
  try {
    store.setItem(temp, text);
    if (store.getItem(temp) !== text) return { ok: false, error: 'the save did not read back intact' };
    const current = store.getItem(SAVE_KEYS.current);
    if (current !== null && current !== text && parseSave(current).ok) store.setItem(SAVE_KEYS.previous, current);
    store.setItem(SAVE_KEYS.current, text);
    store.removeItem(temp);
    return { ok: true };
  } catch (err) {
    try {
      store.removeItem(temp);
    } catch {
      // The store is unusable; the previous save, if any, is untouched.
    }
    return { ok: false, error: `could not save: ${err instanceof Error ? err.message : String(err)}` };
  }
}

export interface LoadedSave {
  save: SaveEnvelope | null;
  /** Set when the current save was unreadable: what was wrong, and that it was kept aside. */
  problem: string | null;
  fromPrevious: boolean;
}

/** Reads the current save; a corrupt one is moved aside (never deleted) and the previous one offered. */
export function loadSave(store: KeyValueStore): LoadedSave {
  let current: string | null;
  try {
    current = store.getItem(SAVE_KEYS.current);
  } catch (err) {
    return { save: null, problem: `saved games are unavailable: ${err instanceof Error ? err.message : String(err)}`, fromPrevious: false };
  }
  if (current === null) return { save: null, problem: null, fromPrevious: false };
  const parsed = parseSave(current);
  if (parsed.ok) return { save: parsed.save, problem: null, fromPrevious: false };
  let keptAside = true;
  try {
    store.setItem(SAVE_KEYS.corrupt, current);
  } catch {
    keptAside = false;
  }
  const aside = keptAside ? `it was kept aside as "${SAVE_KEYS.corrupt}"` : 'it could not be copied aside and was left in place';
  let previous: string | null = null;
  try {
    previous = store.getItem(SAVE_KEYS.previous);
  } catch {
    previous = null;
  }
  const fallback = previous === null ? null : parseSave(previous);
  if (fallback?.ok) {
    if (keptAside)
      try {
        store.setItem(SAVE_KEYS.current, previous as string);
      } catch {
        // Reading still works from the previous key next time.
      }
    return {
      save: fallback.save,
      problem: `The last save was damaged (${parsed.error}); ${aside}. The previous save was restored.`,
      fromPrevious: true,
    };
  }
  return { save: null, problem: `The last save was damaged (${parsed.error}); ${aside}. No earlier save exists.`, fromPrevious: false };
}
