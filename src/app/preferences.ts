// Player preferences (sound, reduced motion, text size, language and digits): view settings only,
// never game state.
import { type Digits, isLang, type Lang } from '../i18n';
export type TextSize = 'normal' | 'large' | 'larger';
export const TEXT_SIZES: Record<TextSize, number> = { normal: 1, large: 1.12, larger: 1.25 };

export interface Preferences {
  sound: boolean;
  reducedMotion: boolean;
  textSize: TextSize;
  /** The language chosen in Settings, or null to follow the link and the browser. */
  language: Lang | null;
  /** Persian or Latin digits when the game is in Persian. */
  digits: Digits;
}

const KEY = 'backchannel:preferences';
type Listener = (p: Preferences) => void;

function systemPrefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function read(): Preferences {
  const defaults: Preferences = {
    sound: true,
    reducedMotion: systemPrefersReducedMotion(),
    textSize: 'normal',
    language: null,
    digits: 'persian',
  };
  try {
    const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
    if (!raw) return defaults;
    const stored = JSON.parse(raw) as Partial<Preferences>;
    return {
      sound: typeof stored.sound === 'boolean' ? stored.sound : defaults.sound,
      reducedMotion: typeof stored.reducedMotion === 'boolean' ? stored.reducedMotion : defaults.reducedMotion,
      textSize: stored.textSize && stored.textSize in TEXT_SIZES ? stored.textSize : defaults.textSize,
      language: isLang(stored.language) ? stored.language : null,
      digits: stored.digits === 'latin' ? 'latin' : 'persian',
    };
  } catch {
    return defaults;
  }
}

let current = read();
const listeners = new Set<Listener>();

export const preferences = {
  get: (): Preferences => current,
  set(patch: Partial<Preferences>): void {
    current = { ...current, ...patch };
    try {
      localStorage.setItem(KEY, JSON.stringify(current));
    } catch {
      // Private mode or no storage: preferences simply last for this visit.
    }
    for (const l of listeners) l(current);
  },
  subscribe(l: Listener): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  textScale: (): number => TEXT_SIZES[current.textSize],
};
