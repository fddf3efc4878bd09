// What the validator says about each schema problem, for an author fixing a file by hand: where it is
// (line and column when the text is known), the id of the nearest list item around it (`events[18]
// (id "tanker-seized")`), the actual length of a list or text that is too long or too short, and the
// closest allowed spelling of an unknown key or value.
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import type { Locate, Position } from './positions.ts';

export interface Problem {
  at: Position | null;
  text: string;
}

/** One problem per zod issue (one per key for unknown keys), in the order they appear in the file. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], value: unknown, schema: z.ZodType, locate?: Locate): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues.flatMap((i) => branchOf(i, value))) {
    const path = issue.path;
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys(schema, path);
      for (const key of issue.keys)
        problems.push({ at: locate?.(path, key) ?? null, text: `${pathText(path, value)}: ${unknownKey(key, allowed)}` });
      continue;
    }
    problems.push({ at: locate?.(path) ?? null, text: `${pathText(path, value)}: ${message(issue, valueAt(value, path))}` });
  }
  // Stable: problems at the same place (or with no place) keep zod's order.
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => compare(a.p.at, b.p.at) || a.i - b.i)
    .map(({ p }) => p);
}

/**
 * A union (a text: a string or a map of languages) that refused a value of a type one of its forms
 * takes is reported as that form's problems (`title.en: must be at most 120 characters long`), not
 * as "Invalid input".
 */
function branchOf(issue: z.core.$ZodIssue, value: unknown): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const taking = issue.errors.filter((branch) => branch.length > 0 && branch.every((inner) => inner.path.length > 0));
  if (taking.length !== 1 || valueAt(value, issue.path) === undefined) return [issue];
  return (taking[0] ?? []).flatMap((inner) => branchOf({ ...inner, path: [...issue.path, ...inner.path] }, value));
}

function compare(a: Position | null, b: Position | null): number {
  if (!a || !b) return a ? 1 : b ? -1 : 0;
  return a.line - b.line || a.col - b.col;
}

/** `events[18] (id "tanker-seized").conditions.minRung`: the path, with the id of the nearest list item on it that has one. */
export function pathText(path: readonly PropertyKey[], value: unknown): string {
  if (path.length === 0) return '(root)';
  let idAt = -1;
  let id = '';
  let node = value;
  path.forEach((key, i) => {
    node = isRecord(node) || Array.isArray(node) ? (node as Record<PropertyKey, unknown>)[key as string] : undefined;
    if (typeof key === 'number' && isRecord(node) && typeof node.id === 'string' && node.id !== '') {
      idAt = i;
      id = node.id;
    }
  });
  return path.reduce<string>((acc, key, i) => {
    const step = typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key);
    return i === idAt ? `${step} (id ${cut(id)})` : step;
  }, '');
}

function message(issue: z.core.$ZodIssue, actual: unknown): string {
  switch (issue.code) {
    case 'too_big':
    case 'too_small': {
      const length = typeof actual === 'string' || Array.isArray(actual) ? actual.length : null;
      if (length === null || (issue.origin !== 'string' && issue.origin !== 'array')) return issue.message;
      const big = issue.code === 'too_big';
      const bound = Number(big ? issue.maximum : issue.minimum);
      const limit = issue.inclusive === false ? (big ? bound - 1 : bound + 1) : bound;
      const most = issue.exact ? 'exactly' : big ? 'at most' : 'at least';
      if (issue.origin === 'array') return `must have ${most} ${count(limit, 'item')} (has ${length === 0 ? 'none' : thousands(length)})`;
      if (!big && limit === 1 && length === 0) return 'must not be empty';
      return `must be ${most} ${count(limit, 'character')} long (has ${count(length, 'character')})`;
    }
    case 'invalid_value': {
      const values = issue.values as readonly unknown[];
      const given = cutValue(actual);
      if (values.length === 1) return `must be ${JSON.stringify(values[0])}, not ${given}`;
      const names = values.filter((v): v is string => typeof v === 'string');
      const suggestion = typeof actual === 'string' ? nearest(actual, names) : null;
      if (suggestion) return `unknown value ${given}: did you mean "${suggestion}"?`;
      return `unknown value ${given}: use one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
    }
    case 'invalid_type':
      return actual === undefined ? `is missing (expected ${issue.expected})` : issue.message;
    case 'invalid_union': {
      // A text: a string is what is usually written, a map of languages the other form.
      const first = issue.errors[0]?.find((inner) => inner.code === 'invalid_type' && inner.path.length === 0);
      return actual === undefined && first?.code === 'invalid_type' ? `is missing (expected ${first.expected})` : issue.message;
    }
    case 'invalid_key':
      return `key ${cutValue(issue.path[issue.path.length - 1])} ${issue.issues[0]?.message ?? issue.message}`;
    default:
      return issue.message;
  }
}

function unknownKey(key: string, allowed: readonly string[]): string {
  const suggestion = nearest(key, allowed);
  if (suggestion) return `unknown key ${cut(key)}: did you mean "${suggestion}"?`;
  return allowed.length ? `unknown key ${cut(key)}: the keys here are ${allowed.join(', ')}` : `unknown key ${cut(key)}`;
}

/** The allowed spelling closest to `given`, when it is close enough to be a slip (any difference of case is). */
export function nearest(given: string, valid: readonly string[]): string | null {
  if (valid.length === 0) return null;
  const sameLetters = valid.find((v) => v.toLowerCase() === given.toLowerCase());
  if (sameLetters) return sameLetters;
  const best = closest(given, valid as string[]);
  return distance(given, best) <= Math.max(2, Math.floor(best.length / 3)) ? best : null;
}

/** The keys the schema allows in the object at `path` (none when the path leads elsewhere). */
function allowedKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: unknown = schema;
  const def = (n: unknown) => (n as { _zod?: { def?: Record<string, unknown> & { type?: string } } })?._zod?.def;
  const unwrap = (n: unknown): unknown => {
    for (let d = def(n); d && ['optional', 'nullable', 'default', 'readonly', 'nonoptional', 'catch'].includes(d.type ?? ''); d = def(n))
      n = d.innerType;
    const d = def(n);
    return d?.type === 'pipe' ? unwrap(d.in) : n;
  };
  for (const key of path) {
    const d = def(unwrap(node));
    if (!d) return [];
    if (d.type === 'object') node = (d.shape as Record<string, unknown>)[String(key)];
    else if (d.type === 'array') node = d.element;
    else if (d.type === 'tuple') node = (d.items as unknown[])[Number(key)];
    else if (d.type === 'record') node = d.valueType;
    else return [];
  }
  const d = def(unwrap(node));
  return d?.type === 'object' ? Object.keys(d.shape as Record<string, unknown>) : [];
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let node = value;
  for (const key of path) node = isRecord(node) || Array.isArray(node) ? (node as Record<PropertyKey, unknown>)[key as string] : undefined;
  return node;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** 4213 → "4,213". */
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const count = (n: number, noun: string) => `${thousands(n)} ${noun}${n === 1 ? '' : 's'}`;

/** A string as typed, in quotes, cut to a length that fits on a line; a direction override shows as its code. */
const cut = (text: string) =>
  JSON.stringify(text.length > 40 ? `${text.slice(0, 39)}…` : text).replace(
    /[\u202A-\u202E\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );

function cutValue(value: unknown): string {
  if (typeof value === 'string') return cut(value);
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 40 ? `${json.slice(0, 39)}…` : json;
}
