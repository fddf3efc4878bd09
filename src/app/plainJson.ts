// Values from outside the page (an automation script's action, a replay file, a save) copied to
// plain JSON data before anything reads them, within limits: no value nested deeper than the
// limit (a key nested 20,000 deep overflows every recursive reader), no object that refers to
// itself, no getter (which could change its answer between the check and the use, or throw), no
// Proxy trap that throws, no list so long that copying it stops the page. Whatever is refused
// comes back as one plain sentence, never an exception.
import { shortText } from '../core/words';

export interface PlainLimits {
  /** How deep values may nest (a replay nests about 6 levels; an action 3). */
  depth: number;
  /** How many values in all (objects, lists, texts, numbers…). */
  values: number;
  /** How many characters of text in all. */
  chars: number;
}

/** Enough for any replay file this game writes (5 MB at most) and for any action. */
export const PLAIN_LIMITS: PlainLimits = { depth: 64, values: 1_000_000, chars: 10_000_000 };

export type PlainResult = { ok: true; value: unknown } | { ok: false; error: string };

class Refused extends Error {}

/**
 * A plain JSON copy of `value` (objects, lists, text, finite numbers, true/false/null), or why it
 * cannot be one; `what` names the value in the sentence ("the action", "the replay"). Never throws.
 */
export function plainCopy(value: unknown, what: string, limits: PlainLimits = PLAIN_LIMITS): PlainResult {
  let values = 0;
  let chars = 0;
  const ancestors = new Set<object>();
  const at = (path: string) => (path ? ` (at ${shortText(path, 80, 24)})` : '');
  const copy = (v: unknown, path: string, depth: number): unknown => {
    if (++values > limits.values) throw new Refused(`${what} has more than ${limits.values.toLocaleString('en')} values`);
    if (v === null || typeof v === 'boolean') return v;
    if (typeof v === 'string') {
      chars += v.length;
      if (chars > limits.chars) throw new Refused(`${what} has more than ${limits.chars.toLocaleString('en')} characters of text`);
      return v;
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Refused(`${what} has a number that is not finite${at(path)}`);
      return v;
    }
    if (typeof v !== 'object') throw new Refused(`${what} has a ${typeof v}, which is not JSON data${at(path)}`);
    if (depth >= limits.depth) throw new Refused(`${what} nests values more than ${limits.depth} levels deep${at(path)}`);
    if (ancestors.has(v)) throw new Refused(`${what} refers to itself${at(path)}`);
    ancestors.add(v);
    try {
      if (Array.isArray(v)) {
        const length = v.length;
        if (length > limits.values - values)
          throw new Refused(`${what} has a list of ${length.toLocaleString('en')} items${at(path)}, more than it can hold`);
        const out: unknown[] = [];
        for (let i = 0; i < length; i++) {
          const item = own(v, String(i), `${path}[${i}]`);
          // As JSON does: a hole, undefined or a function in a list is null.
          out.push(item === undefined || typeof item === 'function' ? null : copy(item, `${path}[${i}]`, depth + 1));
        }
        return out;
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) throw new Refused(`${what} has a value that is not plain data${at(path)}`);
      const out: Record<string, unknown> = {};
      const keys = Object.keys(v);
      if (keys.length > limits.values - values)
        throw new Refused(`${what} has an object of ${keys.length.toLocaleString('en')} keys${at(path)}, more than it can hold`);
      for (const key of keys) {
        const sub = path ? `${path}.${key}` : key;
        const item = own(v, key, sub);
        // As JSON does: a key whose value is undefined (or a function) is left out.
        if (item === undefined || typeof item === 'function') continue;
        chars += key.length;
        Object.defineProperty(out, key, { value: copy(item, sub, depth + 1), enumerable: true, writable: true, configurable: true });
      }
      return out;
    } finally {
      ancestors.delete(v);
    }
  };
  /** A property's value, read without calling a getter. */
  const own = (o: object, key: string, path: string): unknown => {
    const d = Object.getOwnPropertyDescriptor(o, key);
    if (!d) return undefined;
    if (d.get || d.set) throw new Refused(`${what} has a getter${at(path)}: only plain data is accepted`);
    return d.value;
  };
  try {
    return { ok: true, value: copy(value, '', 0) };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, error: e.message };
    // A Proxy whose trap throws, or anything else that cannot be read.
    return { ok: false, error: `${what} could not be read (${shortText(e instanceof Error ? e.message : String(e), 120)})` };
  }
}
