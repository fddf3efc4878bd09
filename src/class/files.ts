// The file debrief (class.html without a mode): loads the tables' replay files from the file picker
// or a drop, verifies each against the bundled scenario, and renders the comparison, its print view
// and the gradebook CSV.
import { checkScenarioFile, looksLikeReplay } from '../app/scenarioFiles';
import { formatOf } from '../core/scenario/files';
import { acceptDroppedFiles } from '../dom/dropZone';
import { bundledScenarios, digestOf, downloadClassCsv, problemsMarkup } from './debrief';
import type { ClassDigest } from './digest';
import { addTable, type ClassSet, emptyClass, type KnownScenario, MAX_FILE_BYTES, MAX_TABLES } from './load';
import { printPages } from './print';
import { report } from './report';
import { plural } from './words';

export function startFileDebrief(): void {
  /** The bundled scenarios, and scenario files loaded on this page (a file replaces a bundled scenario with its id). */
  const known: KnownScenario[] = bundledScenarios();
  /** Scenario files loaded on this page: the line `validate` prints for each. */
  let scenarioLines: string[] = [];

  /** Checks a teacher's scenario file with the game's loader; its errors are listed like a replay's. */
  async function loadScenario(file: File): Promise<void> {
    const result = await checkScenarioFile(file);
    if (!result.ok) {
      const prefix = `${file.name}: `;
      const lines = result.lines.map((line) => ({ name: file.name, reason: line.startsWith(prefix) ? line.slice(prefix.length) : line }));
      set = { ...set, problems: [...set.problems, ...lines] };
      return;
    }
    const { scenario, hash } = result;
    const at = known.findIndex((k) => k.id === scenario.id);
    if (at >= 0) known.splice(at, 1);
    known.push({ id: scenario.id, scenario, hash });
    scenarioLines = [...scenarioLines.filter((l) => !l.startsWith(`ok: ${scenario.id} `)), ...result.lines];
  }

  const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const input = byId<HTMLInputElement>('cd-files');
  const csvButton = byId<HTMLButtonElement>('cd-csv');
  const printButton = byId<HTMLButtonElement>('cd-print');
  const clearButton = byId<HTMLButtonElement>('cd-clear');
  const status = byId<HTMLParagraphElement>('cd-status');
  const problems = byId<HTMLDivElement>('cd-problems');
  const reportView = byId<HTMLDivElement>('cd-report');
  const printView = byId<HTMLDivElement>('cd-print-pages');

  let set: ClassSet = emptyClass();
  let digest: ClassDigest | null = null;
  /** Loads run one after another, so a drop during a pick adds to it instead of racing it. */
  let queue: Promise<void> = Promise.resolve();

  const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

  async function loadFiles(picked: readonly File[]): Promise<void> {
    // Scenario files first, so that the replays of a teacher's own scenario can come in the same drop.
    const scenarioFiles: File[] = [];
    const files: File[] = [];
    for (const file of picked) (formatOf(file.name) === null || (await looksLikeReplay(file)) ? files : scenarioFiles).push(file);
    for (const file of scenarioFiles) {
      status.textContent = `Checking the scenario file ${file.name}…`;
      await nextFrame();
      await loadScenario(file);
    }
    for (const [i, file] of files.entries()) {
      status.textContent = `Checking ${i + 1} of ${files.length}: ${file.name}…`;
      await nextFrame();
      if (set.tables.length >= MAX_TABLES) {
        set = { ...set, skipped: [...set.skipped, file.name] };
        continue;
      }
      if (file.size > MAX_FILE_BYTES) {
        const reason = `too large to be a replay (${(file.size / 1e6).toFixed(1)} MB)`;
        set = { ...set, problems: [...set.problems, { name: file.name, reason }] };
        continue;
      }
      let text: string;
      try {
        text = await file.text();
      } catch {
        set = { ...set, problems: [...set.problems, { name: file.name, reason: 'the file could not be read' }] };
        continue;
      }
      set = addTable(set, { name: file.name, text }, known);
    }
    show();
  }

  function show(): void {
    digest = digestOf(set, known);
    problems.innerHTML = problemsMarkup(set, scenarioLines).text;
    reportView.innerHTML = digest ? report(digest).text : '';
    printView.innerHTML = digest ? printPages(digest).text : '';
    const loaded = set.tables.length;
    for (const b of [csvButton, printButton]) b.disabled = loaded === 0;
    clearButton.disabled = loaded + set.problems.length + set.skipped.length === 0;
    status.textContent = [
      loaded ? `${plural(loaded, 'table')} loaded.` : 'No tables loaded yet.',
      set.problems.length ? `${plural(set.problems.length, 'file')} could not be loaded.` : '',
      set.skipped.length ? `${set.skipped.length} left out (more than ${MAX_TABLES}).` : '',
    ]
      .filter(Boolean)
      .join(' ');
  }

  function enqueue(files: readonly File[]): void {
    if (files.length) queue = queue.then(() => loadFiles(files));
  }

  input.addEventListener('change', () => {
    enqueue([...(input.files ?? [])]);
    // Cleared so that choosing the same files again still fires a change (and reports them as loaded).
    input.value = '';
  });
  csvButton.addEventListener('click', () => {
    if (digest) downloadClassCsv(digest);
  });
  printButton.addEventListener('click', () => window.print());
  clearButton.addEventListener('click', () => {
    queue = queue.then(() => {
      set = emptyClass();
      show();
      input.focus();
    });
  });

  // Files dropped anywhere on the page join the tables (and scenarios), all of them.
  acceptDroppedFiles(
    document,
    () => true,
    (...files) => enqueue(files),
    { className: 'cd-dragging' },
  );
}
