// The pseudo-locale: the English catalogue with every text wrapped in ⟦ ⟧. A screen drawn in it shows
// any text that did not come through the catalogue (or the scenario, or a formatted number) as bare
// letters or digits outside the markers: the tests' way to find hard-coded text.
import { PSEUDO_CLOSE, PSEUDO_OPEN } from './format';

const wrap = (s: string): string => `${PSEUDO_OPEN}${s}${PSEUDO_CLOSE}`;

function pseudo(value: unknown): unknown {
  if (typeof value === 'string') return wrap(value);
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    return (...args: unknown[]) => pseudo(fn(...args));
  }
  if (Array.isArray(value)) return value.map(pseudo);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pseudo(v)]));
  return value;
}

export function pseudoCatalogue<C>(catalogue: C): C {
  return pseudo(catalogue) as C;
}

/**
 * What is left of `text` outside the markers that a reader would see as words or numbers: empty when
 * every letter and digit of it came through the catalogue. Markers may nest.
 */
export function outsideMarkers(text: string): string {
  let depth = 0;
  let out = '';
  for (const ch of text) {
    if (ch === PSEUDO_OPEN) depth++;
    else if (ch === PSEUDO_CLOSE) depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return /[\p{L}\p{N}]/u.test(out) ? out.trim() : '';
}
