// The scenarios bundled with the game: every scenarios/*.yaml file, imported as text and validated
// by the core loader on first use (so a broken file shows its errors instead of a blank screen).
import { loadScenarioText } from '../core/scenario/loader';
import type { Scenario } from '../core/scenario/schema';

export interface BundledScenario {
  id: string;
  file: string;
  text: string;
}

export type LoadedScenario = { ok: true; scenario: Scenario; hash: string } | { ok: false; errors: string[] };

export const DEFAULT_SCENARIO = 'muscat-2026';

const files = import.meta.glob('../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** Bundled scenarios, the default (muscat-2026) first, then the rest by file name. */
export const BUNDLED: BundledScenario[] = Object.entries(files)
  .map(([path, text]) => {
    const file = path.split('/').pop() ?? path;
    return { id: file.replace(/\.ya?ml$/, ''), file, text };
  })
  .sort((a, b) => (a.id === DEFAULT_SCENARIO ? -1 : b.id === DEFAULT_SCENARIO ? 1 : a.id.localeCompare(b.id)));


const cache = new Map<string, LoadedScenario>();

export function loadBundled(id: string): LoadedScenario {
  const hit = cache.get(id);
  if (hit) return hit;
  const entry = BUNDLED.find((s) => s.id === id);
  let result: LoadedScenario;
  if (!entry) result = { ok: false, errors: [`unknown scenario "${id}" (bundled: ${BUNDLED.map((s) => s.id).join(', ')})`] };
  else {
    const loaded = loadScenarioText(entry.text, entry.file);
    result = loaded.ok ? { ok: true, scenario: loaded.scenario, hash: loaded.sha256 } : { ok: false, errors: loaded.errors };
  }
  cache.set(id, result);
  return result;
}
