// The class comparison shared by the file debrief (replay files picked or dropped) and the teacher
// console's Debrief tab (replays fetched from the game server): the bundled scenarios, the server's
// tables through the same verification as files, the digest, the problems list and the CSV.
import bundled, { defaultScenario } from 'virtual:backchannel-scenarios';
import { tablesToCsv } from '../core/classroom';
import type { Scenario } from '../core/scenario/schema';
import { downloadFile } from '../dom/download';
import { m } from '../i18n';
import type { ServerTable } from './api';
import { type ClassDigest, digestClass } from './digest';
import { addReplay, type ClassSet, emptyClass, type KnownScenario, MAX_TABLES } from './load';
import { html, type Markup } from './markup';
import { listOf } from './words';

type Bundled = { id: string; result: { ok: true; scenario: Scenario; hash: string } | { ok: false; errors: string[] } };

/**
 * The scenarios bundled with the page (those that passed the loader at build time): the build's
 * default first (the one the class set-up form offers first), then the rest by id, as on the game page.
 */
export function bundledScenarios(): KnownScenario[] {
  return (bundled as Bundled[])
    .flatMap((e) => (e.result.ok ? [{ id: e.result.scenario.id, scenario: e.result.scenario, hash: e.result.hash }] : []))
    .sort((a, b) => (a.id === defaultScenario ? -1 : b.id === defaultScenario ? 1 : a.id.localeCompare(b.id)));
}

/**
 * A server table's name in the comparison: its code and the teams at its seats ("ABCD-EFGH (Hawks v Doves)").
 * Data like a file's name (it is the table's name in the CSV too), so the same in every language.
 */
export function serverTableName(t: ServerTable): string {
  const teams = Object.values(t.teams ?? {}).filter((n): n is string => typeof n === 'string' && n !== '');
  return teams.length ? `${t.code} (${teams.join(' v ')})` : String(t.code);
}

/** The class's tables from the server, each verified as a replay file would be. */
export function serverTablesToSet(tables: readonly ServerTable[], known: readonly KnownScenario[]): ClassSet {
  let set = emptyClass();
  for (const t of tables) set = addReplay(set, serverTableName(t), t.replay, known);
  return set;
}

/** The comparison of the loaded tables, or null when none is loaded. */
export function digestOf(set: ClassSet, known: readonly KnownScenario[]): ClassDigest | null {
  const scenario = known.find((k) => k.id === set.tables[0]?.scenarioId)?.scenario;
  return scenario ? digestClass(scenario, set.tables) : null;
}

/** What could not be compared: tables left out beyond MAX_TABLES and files (or tables) that failed. */
export function problemsMarkup(set: ClassSet, scenarioLines: readonly string[] = [], what: 'files' | 'tables' = 'files'): Markup {
  const t = m.cls;
  const skipped = set.skipped.length
    ? html`<p class="cd-warning" role="alert">${t.onlyCompared(MAX_TABLES, set.skipped.length, listOf(set.skipped))}</p>`
    : '';
  const failed = set.problems.length
    ? html`<h3>${what === 'tables' ? t.tablesNotLoaded : t.filesNotLoadedHeading}</h3><ul class="cd-problem-list">${set.problems.map((p) => html`<li><strong class="cd-name">${p.name}</strong>${p.at ? `:${p.at}` : ''}: ${p.reason}</li>`)}</ul>`
    : '';
  const scenarios = scenarioLines.length
    ? html`<h3>${t.scenarioFiles}</h3><ul class="cd-problem-list">${scenarioLines.map((line) => html`<li>${line}</li>`)}</ul>`
    : '';
  return html`${scenarios}${skipped}${failed}`;
}

/** The gradebook CSV, exactly as core's tablesToCsv writes it. */
export const classCsv = (digest: ClassDigest): string => tablesToCsv(digest.tables.map((t) => t.summary));

export function downloadClassCsv(digest: ClassDigest): void {
  const seed = digest.seeds.length === 1 ? (digest.seeds[0] ?? '') : 'mixed-seeds';
  // The byte-order mark makes spreadsheet programs read the memos' UTF-8 correctly.
  downloadFile(
    { parts: ['backchannel-class', digest.scenario.id, seed], extension: 'csv' },
    `\uFEFF${classCsv(digest)}`,
    'text/csv;charset=utf-8',
  );
}
