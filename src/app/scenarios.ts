// The scenarios bundled with the game: scenarios/*.yaml, validated by the core loader at build time
// (vite.config.ts) so the browser gets checked data, or the list of errors to show on the title screen.
import bundled from 'virtual:backchannel-scenarios';
import type { Scenario } from '../core/scenario/schema';

export type LoadedScenario = { ok: true; scenario: Scenario; hash: string } | { ok: false; errors: string[] };

export interface BundledScenario {
  id: string;
  file: string;
  result: LoadedScenario;
}

export const DEFAULT_SCENARIO = 'muscat-2026';

/** Bundled scenarios, the default (muscat-2026) first, then the rest by id. */
export const BUNDLED: BundledScenario[] = [...(bundled as BundledScenario[])].sort((a, b) =>
  a.id === DEFAULT_SCENARIO ? -1 : b.id === DEFAULT_SCENARIO ? 1 : a.id.localeCompare(b.id),
);

export function loadBundled(id: string): LoadedScenario {
  const entry = BUNDLED.find((s) => s.id === id);
  return entry ? entry.result : { ok: false, errors: [`unknown scenario "${id}" (bundled: ${BUNDLED.map((s) => s.id).join(', ')})`] };
}
