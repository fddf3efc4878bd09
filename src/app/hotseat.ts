// The classroom around one screen: which team sits at the table in hot-seat play (null while the
// handoff screen hides everything private), each team's unsent one-line reason, and the facilitator's
// PIN — kept only as a salted hash in memory, never in the replay, the save or the URL.
import { sha256 } from '../core/hash';
import { type KeyValueStore, parseSave, SAVE_KEYS } from '../core/save';
import type { Side } from '../core/types';
import { m } from '../i18n';

/**
 * Why the replay, the seed and the link that carries it are out of reach on a team's screen in hot
 * seat before the talks end (either side's secrets can be read from them; docs/teaching.md).
 */
export function secretsLockedReason(): string {
  return m.app.secretsLocked;
}
/** The same in English, for scripts (the automation API). */
export const SECRETS_LOCKED_REASON = 'available at the debrief, or with the facilitator’s PIN';

/** Where the called team goes after the handoff. */
export type SeatScreen = 'briefing' | 'agenda' | 'rounds';

export class Classroom {
  /** Hot seat: the team at the table, or null while the handoff screen shows. */
  atTable: Side | null = null;
  /** The team the handoff screen calls to the table (a party id; '' before the first call), and the screen it goes to. */
  calling: Side = '';
  after: SeatScreen = 'briefing';
  /** Teams that have read their private brief (hot seat: one after the other). */
  briefed: Side[] = [];
  /** The one-line reason typed for the next move, per team (by party id; absent: nothing typed). */
  reasons: Record<Side, string> = {};
  /** Whether the facilitator panel is unlocked (until it is closed). */
  facilitatorOpen = false;
  private pinHash: string | null = null;
  private readonly salt = `bc-pin-${Math.floor(performance.now() * 1000) % 1_000_003}`;

  /** A new game: nobody at the table yet, nothing typed. The PIN stays for the whole class. */
  reset(): void {
    this.atTable = null;
    this.calling = '';
    this.after = 'briefing';
    this.briefed = [];
    this.reasons = {};
    this.facilitatorOpen = false;
  }

  call(side: Side, after: SeatScreen): void {
    this.atTable = null;
    this.calling = side;
    this.after = after;
  }

  get pinSet(): boolean {
    return this.pinHash !== null;
  }

  /** Sets the facilitator PIN (an empty PIN removes it). */
  setPin(pin: string): void {
    const p = pin.trim();
    this.pinHash = p ? sha256(`${this.salt}:${p}`) : null;
    this.facilitatorOpen = false;
  }

  checkPin(pin: string): boolean {
    return this.pinHash !== null && sha256(`${this.salt}:${pin.trim()}`) === this.pinHash;
  }

  /** The reason to attach to a move (trimmed, at most 200 characters), or null. */
  reasonFor(side: Side): string | null {
    const r = (this.reasons[side] ?? '').trim().slice(0, 200);
    return r === '' ? null : r;
  }
}

/**
 * Whether the device's save is a hot-seat game still in progress (not yet at its outcome). A fork
 * made in any tab never overwrites it: the teams' table keeps its save (docs/design.md §4.3).
 */
export function hotseatSaveInProgress(store: KeyValueStore): boolean {
  let text: string | null;
  try {
    text = store.getItem(SAVE_KEYS.current);
  } catch {
    return false;
  }
  if (text === null) return false;
  const read = parseSave(text);
  return read.ok && read.save.mode === 'hotseat' && read.save.view !== 'outcome' && read.save.view !== 'debrief';
}
