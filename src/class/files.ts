// The file debrief (class.html without a mode): loads the tables' replay files from the file picker
// or a drop, verifies each against the bundled scenario, and renders the comparison, its print view
// and the gradebook CSV.
import { checkScenarioFile, looksLikeReplay } from '../app/scenarioFiles';
import { formatOf } from '../core/scenario/files';
import { shortText } from '../core/words';
import { acceptDroppedFiles } from '../dom/dropZone';
import { m } from '../i18n';
import { bundledScenarios, digestOf, downloadClassCsv, problemsMarkup } from './debrief';
import type { ClassDigest } from './digest';
import { addTable, type ClassSet, emptyClass, type KnownScenario, MAX_FILE_BYTES, MAX_TABLES } from './load';
import { printPages } from './print';
import { report } from './report';

/** The file debrief once started: `redraw` shows it again in the language shown (after the loads under way). */
export interface FileDebrief {
  redraw(): void;
}

export function startFileDebrief(): FileDebrief {
  /** The bundled scenarios, and scenario files loaded on this page (a file replaces a bundled scenario with its id). */
  const known: KnownScenario[] = bundledScenarios();
  /** Scenario files loaded on this page: the line `validate` prints for each. */
  let scenarioLines: string[] = [];

  /** Checks a teacher's scenario file with the game's loader; its errors are listed like a replay's. */
  async function loadScenario(file: File): Promise<void> {
    const result = await checkScenarioFile(file);
    if (!result.ok) {
      // validate's lines, "<file>:<line>:<column>: <problem>" or "<file>: <problem>", listed against the file's name.
      const lines = result.lines.map((line) => {
        const m = line.startsWith(`${file.name}:`) ? /^:(\d+:\d+)?:? ?(.*)$/s.exec(line.slice(file.name.length)) : null;
        return m ? { name: file.name, ...(m[1] ? { at: m[1] } : {}), reason: m[2] ?? '' } : { name: file.name, reason: line };
      });
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
      status.textContent = m.cls.checkingScenario(file.name);
      await nextFrame();
      await loadScenario(file);
    }
    for (const [i, file] of files.entries()) {
      status.textContent = m.cls.checkingFile(i + 1, files.length, file.name);
      await nextFrame();
      try {
        await loadReplayFile(file);
      } catch (e) {
        // Nothing in one file stops the others: its cause, in words, next to its name (issue 18).
        const reason = m.cls.couldNotCheck(shortText(e instanceof Error ? e.message : String(e), 200));
        set = { ...set, problems: [...set.problems, { name: file.name, reason }] };
      }
    }
    show();
  }

  async function loadReplayFile(file: File): Promise<void> {
    if (set.tables.length >= MAX_TABLES) {
      set = { ...set, skipped: [...set.skipped, file.name] };
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      const reason = m.cls.tooLarge(file.size / 1e6);
      set = { ...set, problems: [...set.problems, { name: file.name, reason }] };
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      set = { ...set, problems: [...set.problems, { name: file.name, reason: m.cls.couldNotRead }] };
      return;
    }
    set = addTable(set, { name: file.name, text }, known);
  }

  function show(): void {
    try {
      digest = digestOf(set, known);
      reportView.innerHTML = digest ? report(digest).text : '';
      printView.innerHTML = digest ? printPages(digest).text : '';
    } catch (e) {
      // The comparison could not be drawn: the list of files and problems still is, and Clear works.
      digest = null;
      reportView.textContent = m.cls.comparisonFailed(shortText(e instanceof Error ? e.message : String(e), 200));
      printView.innerHTML = '';
    }
    problems.innerHTML = problemsMarkup(set, scenarioLines).text;
    const loaded = set.tables.length;
    for (const b of [csvButton, printButton]) b.disabled = loaded === 0;
    clearButton.disabled = loaded + set.problems.length + set.skipped.length === 0;
    status.textContent = [
      loaded ? m.cls.tablesLoaded(loaded) : m.cls.noTablesYet,
      set.problems.length ? m.cls.filesNotLoaded(set.problems.length) : '',
      set.skipped.length ? m.cls.leftOut(set.skipped.length, MAX_TABLES) : '',
    ]
      .filter(Boolean)
      .join(' ');
  }

  /** Runs after the loads before it, whatever happened to them: a load that failed never blocks the next, nor Clear. */
  function later(step: () => void | Promise<void>): void {
    queue = queue.then(step).catch((e: unknown) => {
      status.textContent = m.cls.loadingStopped(shortText(e instanceof Error ? e.message : String(e), 200));
    });
  }

  function enqueue(files: readonly File[]): void {
    if (files.length) later(() => loadFiles(files));
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
    later(() => {
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

  return { redraw: () => later(show) };
}
