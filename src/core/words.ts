// Small English helpers for the texts the rules write into the log (and the class page shares).
import type { OutcomeKind } from './types';

/** An outcome in a few words: the outcome screen's headline, the teacher console's last column. */
export const OUTCOME_HEADLINE: Record<OutcomeKind, string> = {
  'comprehensive-deal': 'A comprehensive deal',
  'interim-deal': 'An interim deal',
  'no-deal': 'No deal by the deadline',
  walkout: 'The talks ended in a walkout',
  recall: 'A delegation was recalled',
  conflict: 'The crisis became a war',
};

/** "1 issue", "3 issues". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The longest piece of a value quoted back in a message (the rest is summarised by its length). */
export const QUOTE_MAX = 40;

/**
 * Any value quoted back in a message, safely: text as it is, anything else as its JSON (or its
 * kind, when it has none); invisible and direction-changing characters (U+202E and the like, which
 * would reverse the rest of the message) written as U+XXXX; and a long value cut at `max`
 * characters (never inside a surrogate pair) with its length, so that a 1 MB value can neither
 * flood nor freeze the page that shows the message. Never throws. `“france”`, `“xxx…” (10,240 characters)`;
 * `marks` '""' for the messages that quote ids in straight quotes.
 */
export function quote(value: unknown, max = QUOTE_MAX, marks: '“”' | '""' = '“”'): string {
  const [open, close] = [marks[0], marks[1]];
  const shown = typeof value === 'string' ? value : jsonOf(value);
  // Only the start is looked at: a 1 MB string is not split into a million characters.
  const head = [...shown.slice(0, max * 2 + 2)];
  const cut = head.length > max;
  const printable = head
    .slice(0, max)
    .map((c) => (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(c) ? `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}` : c))
    .join('');
  if (!cut) return `${open}${printable}${close}`;
  return `${open}${printable}…${close} (${codePoints(shown).toLocaleString('en')} characters)`;
}

/** A value's JSON for a message, or its kind when it has none (a cycle, a BigInt, a function, a throwing getter). */
function jsonOf(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'bigint' || typeof value === 'symbol') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Array.isArray(value) ? 'a list' : 'an object';
  }
}

function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) n++;
  }
  return n;
}

/** The longest word `shortText` keeps whole. */
export const WORD_MAX = 60;

/**
 * A message for the player (from anywhere: the rules, a file reader, the browser) cut to a sane
 * size before it is shown: every run of characters without a space longer than `maxWord` is cut
 * with "…", and the whole to `max` characters. A long unbroken word is what freezes text layout
 * (the wrap breaks it a character at a time); a long message is what floods the screen.
 */
export function shortText(text: string, max = 400, maxWord = WORD_MAX): string {
  // A bound on the work first: at most a few times `max` characters are looked at.
  let s = text.length > max * 4 ? text.slice(0, max * 4) : text;
  s = s.replace(new RegExp(`[^\\s]{${maxWord + 1},}`, 'gu'), (word) => `${[...word].slice(0, maxWord).join('')}…`);
  if (s.length <= max && s === text) return text;
  const chars = [...s];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : s;
}
