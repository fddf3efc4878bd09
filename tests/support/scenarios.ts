// Test helpers: the shipped scenarios, loaded the way the CLI loads them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioText } from '../../src/core/scenario/loader';
import type { Scenario } from '../../src/core/scenario/schema';

export const ROOT = join(import.meta.dirname, '..', '..');

export function loadShipped(id: string): { scenario: Scenario; sha256: string } {
  const file = join(ROOT, 'scenarios', `${id}.yaml`);
  const result = loadScenarioText(readFileSync(file, 'utf8'), file);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result;
}

export function rawShipped(id: string): string {
  return readFileSync(join(ROOT, 'scenarios', `${id}.yaml`), 'utf8');
}
