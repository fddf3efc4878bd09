// What is said about a scenario file, in the same words by `npx backchannel validate` and by the
// browser's "Load a scenario file": the size limit (checked before the file is read: the CLI from its
// size on disk, the browser from the picked or dropped File), the file type, and the "ok" line.
import type { Scenario } from './schema.ts';

export const MAX_SCENARIO_BYTES = 1_000_000;

/** The error line for a file too large to read, or null when its size is acceptable. */
export function scenarioSizeProblem(name: string, bytes: number): string | null {
  if (bytes <= MAX_SCENARIO_BYTES) return null;
  return `${name}: file is ${(bytes / 1e6).toFixed(1)} MB, larger than the ${MAX_SCENARIO_BYTES / 1e6} MB limit`;
}

export type Format = 'json' | 'yaml';

/** A scenario file's format, from its name. */
export function formatOf(name: string): Format | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  return null;
}

/** The error line for a file whose name says neither JSON nor YAML, or null. */
export function scenarioTypeProblem(name: string): string | null {
  return formatOf(name) ? null : `${name}: unknown file type (use .json, .yaml or .yml)`;
}

/** The line `validate` prints for a good file: `ok: <id> (<file>: N issues, M rungs, K events)`. */
export function scenarioOkLine(scenario: Scenario, fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return `ok: ${scenario.id} (${base}: ${scenario.issues.length} issues, ${scenario.ladder.rungs.length} rungs, ${scenario.events.length} events)`;
}
