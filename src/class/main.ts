// The class page (class.html, no Phaser), in three modes by its URL:
// - no mode: the file debrief (files.ts): replay files picked or dropped, compared side by side;
// - `?new`: "Run a class" (setup.ts): the form that creates a live class, and this device's classes;
// - `?console=CODE`: the teacher console of a live class (console.ts, consoleView.ts).
// `window.backchannel` drives the live classroom from scripts and tests in every mode (the reference
// is docs/automation-api.md). colyseus.js is loaded only when a class is created or opened.
// The page speaks the link's language (`?lang=fa`), else the one saved in the game's settings, else the
// browser's; the switch in the header redraws the mode shown in place (the console keeps its state).
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/latin-700.css';
import './class.css';
import { applyLanguage, chooseLanguage } from '../app/language';
import { preferences } from '../app/preferences';
import type { KeyValueStore } from '../core/save';
import { quote } from '../core/words';
import { isLang, LANGS, type Lang, language as languageShown, m } from '../i18n';
import type { ClassOptions } from '../server/classProtocol';
import { ClassApi, normaliseClassCode, readTeacherToken } from './api';
import { browserClassClient, type ClassAction, ClassConsole, type ConsoleDeps, type ConsoleSnapshot, type Targets } from './console';
import { ConsoleView, type DebriefResult } from './consoleView';
import { bundledScenarios } from './debrief';
import { type FileDebrief, startFileDebrief } from './files';
import { MAX_TABLES } from './load';
import { html, raw } from './markup';
import { mountSetup } from './setup';

export const CLASS_API_VERSION = 2;

/** What class.html exposes as `window.backchannel`. */
export interface ClassPageApi {
  version: number;
  createClass(options: ClassOptions): Promise<{ code: string }>;
  openConsole(code: string): Promise<{ code: string }>;
  console(): ConsoleSnapshot | null;
  facilitate(tables: Targets, action: ClassAction): Promise<{ ok: boolean; text: string }>;
  broadcast(tables: Targets, text: string, countdown?: number): Promise<{ ok: boolean; text: string }>;
  detail(table: string): Promise<unknown>;
  seatAi(team: string, personality?: string): Promise<{ ok: boolean; text: string }>;
  /** Two waiting teams at a new table, by the seat each takes: `{<party id>: <team id>}` for both of the scenario's parties. */
  seatTogether(seats: Record<string, string>): Promise<{ ok: boolean; text: string }>;
  endClass(): Promise<{ ok: boolean; text: string }>;
  debrief(): Promise<DebriefResult>;
}

/** localStorage, or a memory store when the browser refuses storage (the console still works). */
function deviceStore(): KeyValueStore {
  try {
    const probe = 'backchannel.teacher.probe';
    localStorage.setItem(probe, '1');
    localStorage.removeItem(probe);
    return localStorage;
  } catch {
    const memory = new Map<string, string>();
    return {
      getItem: (k) => memory.get(k) ?? null,
      setItem: (k, v) => void memory.set(k, v),
      removeItem: (k) => void memory.delete(k),
    } as KeyValueStore;
  }
}

// --- language ---------------------------------------------------------------------------------------

/** Loads what `lang` needs and shows it, as the game does (app/language.ts), with the digits of the game's settings. */
const speak = (lang: Lang): Promise<void> => applyLanguage(lang, preferences.get().digits);

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const known = bundledScenarios();
const store = deviceStore();
const api = new ClassApi();
const deps: ConsoleDeps = { client: browserClassClient, store, api };
const origin = location.origin;
const MODES = ['cd-main', 'cc-setup', 'cc-pairing', 'cc-console'] as const;

let current: { console: ClassConsole; view: ConsoleView } | null = null;
let files: FileDebrief | null = null;
/** Draws the mode shown again in the language shown (set by each mode as it is shown). */
let redraw: () => void = () => {};

function showMode(id: (typeof MODES)[number], heading: string, lede: string, title: string): void {
  for (const mode of MODES) byId(mode).hidden = mode !== id;
  byId('cd-heading').textContent = heading;
  byId('cd-lede').innerHTML = lede;
  document.title = m.cls.pageTitle(title);
  pageError('');
}

/** The header's brand and language switch, and the file debrief's own controls (class.html's texts). */
function drawChrome(): void {
  const t = m.cls;
  const brand = document.querySelector('.cd-brand a');
  if (brand) brand.textContent = t.brand;
  const label = document.getElementById('cd-lang-label');
  if (label) label.textContent = m.common.language;
  const select = document.getElementById('cd-lang') as HTMLSelectElement | null;
  if (select) {
    select.innerHTML = LANGS.map(
      (l) =>
        html`<option value="${l}" lang="${l}"${l === languageShown() ? raw(' selected') : ''}>${m.common.languageName[l] ?? l}</option>`
          .text,
    ).join('');
  }
  const set = (id: string, text: string) => {
    const el = document.getElementById(id);
    if (el) el.textContent = text;
  };
  set('cd-load-h', t.replayFiles);
  set('cd-files-label', t.chooseFiles);
  set('cd-files-hint', t.chooseFilesHint(MAX_TABLES));
  set('cd-drop-hint', t.dropHint);
  set('cd-csv', t.downloadCsv);
  set('cd-print', t.printDebrief);
  set('cd-clear', t.clearTables);
}

/** Draws `draw` again, keeping what was typed and chosen in `root`'s fields (by id; radios by name and value). */
function keepFields(root: HTMLElement, draw: () => void): void {
  const fields = () => [...root.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea')];
  const values = new Map<string, string>();
  const groups = new Map<string, string[]>();
  for (const el of fields()) {
    if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) {
      const on = groups.get(el.name) ?? [];
      if (el.checked) on.push(el.value);
      groups.set(el.name, on);
    } else if (el.id && !(el instanceof HTMLInputElement && el.type === 'file')) values.set(el.id, el.value);
  }
  const focused = document.activeElement && root.contains(document.activeElement) ? document.activeElement.id : '';
  draw();
  const restore = () => {
    for (const el of fields()) {
      if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) {
        const on = groups.get(el.name);
        if (on) el.checked = on.includes(el.value);
      } else {
        const v = el.id ? values.get(el.id) : undefined;
        if (v !== undefined) el.value = v;
      }
    }
  };
  restore();
  // A field that redraws others (the scenario of the set-up form) first, then the rest again.
  const scenario = root.querySelector<HTMLSelectElement>('#cc-scenario');
  if (scenario) {
    scenario.dispatchEvent(new Event('change', { bubbles: true }));
    restore();
    // The form's own listener shows the fields that go with the choices restored.
    scenario.form?.dispatchEvent(new Event('change'));
  }
  if (focused) document.getElementById(focused)?.focus();
}

function pageError(text: string): void {
  const el = byId('cc-page-error');
  el.textContent = text;
  el.hidden = text === '';
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function consoleHeader(code: string): void {
  const t = m.cls;
  showMode(
    'cc-console',
    t.consoleHeading,
    t.consoleLede(
      html`${code}`.text,
      html`<a href="?new">${t.runAnother}</a>`.text,
      html`<a href="./class.html">${t.compareFiles}</a>`.text,
    ),
    t.titleClass(code),
  );
}

function showConsole(c: ClassConsole): void {
  current?.view.destroy();
  if (current && current.console !== c) current.console.leave();
  consoleHeader(c.code);
  const view = new ConsoleView(byId('cc-console'), c, { known, api, origin, confirm: (q) => window.confirm(q) });
  current = { console: c, view };
  redraw = () => {
    consoleHeader(c.code);
    view.redraw();
  };
  if (location.search !== `?console=${encodeURIComponent(c.code)}`)
    history.replaceState(null, '', `?console=${encodeURIComponent(c.code)}`);
}

async function createClass(options: ClassOptions): Promise<{ code: string }> {
  const c = await ClassConsole.create(options, deps);
  showConsole(c);
  return { code: c.code };
}

async function openConsole(input: string): Promise<{ code: string }> {
  const code = normaliseClassCode(input);
  if (!code) throw new Error(m.cls.notClassCode(quote(input)));
  if (current?.console.code === code && !current.console.problem) return { code };
  const c = await ClassConsole.open(code, deps);
  showConsole(c);
  return { code };
}

function showSetup(): void {
  const t = m.cls;
  showMode('cc-setup', t.runAClass, t.setupLede(html`<a href="./class.html">${t.compareInstead}</a>`.text), t.titleRun);
  redraw = () => {
    const error = byId('cc-page-error').textContent ?? '';
    keepFields(byId('cc-setup'), showSetup);
    pageError(error);
  };
  mountSetup(byId('cc-setup'), {
    scenarios: known.map((k) => k.scenario),
    store,
    api,
    create: async (options) => {
      await createClass(options);
    },
    confirm: (q) => window.confirm(q),
  });
}

/** A device without the class's teacher key: the 6-digit code from the console's "Add a device". */
function showPairing(code: string): void {
  const t = m.cls;
  showMode(
    'cc-pairing',
    t.consoleHeading,
    t.pairingLede(html`${code}`.text, html`<a href="?new">${t.yourClasses}</a>`.text),
    t.titleClass(code),
  );
  redraw = () => keepFields(byId('cc-pairing'), () => showPairing(code));
  const root = byId('cc-pairing');
  root.innerHTML = html`<section class="cd-panel" aria-labelledby="cc-pairing-h"><h2 id="cc-pairing-h">${t.addDeviceHeading(code)}</h2>
<p>${t.pairingText(code)[0]} <strong>${t.addDevice}</strong> ${t.pairingText(code)[1]}</p>
<form id="cc-pair-form" class="cc-form" novalidate><label for="cc-pair-digits">${t.sixDigitCode}</label>
<input id="cc-pair-digits" name="digits" inputmode="numeric" autocomplete="one-time-code" maxlength="7" pattern="[0-9 ]*" required />
<p id="cc-pair-error" class="cc-error" role="alert"></p>
<div class="cc-row"><button type="submit" class="cc-primary">${t.addThisDevice}</button></div></form></section>`.text;
  const form = byId<HTMLFormElement>('cc-pair-form');
  const error = byId('cc-pair-error');
  const digits = byId<HTMLInputElement>('cc-pair-digits');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const button = form.querySelector('button') as HTMLButtonElement;
    if (!/^[0-9]{6}$/.test(digits.value.replace(/\s+/g, ''))) {
      error.textContent = m.cls.sixDigits;
      digits.focus();
      return;
    }
    button.disabled = true;
    error.textContent = m.cls.addingDevice;
    ClassConsole.pairDevice(code, digits.value, deps).then(showConsole, (err: unknown) => {
      button.disabled = false;
      error.textContent = message(err);
      digits.focus();
    });
  });
  digits.focus();
}

function filesHeader(): void {
  const t = m.cls;
  const [before, after] = t.filesLede(MAX_TABLES);
  showMode('cd-main', t.filesHeading, html`${before} <a href="?new">${t.runLiveClass}</a> ${after}`.text, t.titleFiles);
}

function showFiles(): void {
  if (files) return;
  filesHeader();
  files = startFileDebrief();
  // class.html's own texts are English: the file list's status in another language.
  if (languageShown() !== 'en') files.redraw();
  redraw = () => {
    filesHeader();
    files?.redraw();
  };
}

function route(): void {
  const params = new URLSearchParams(location.search);
  if (params.has('console')) {
    const code = normaliseClassCode(params.get('console'));
    if (!code) {
      showSetup();
      const bad = quote(params.get('console') ?? '');
      pageError(m.cls.badClassCode(bad));
      redraw = () => {
        keepFields(byId('cc-setup'), showSetup);
        pageError(m.cls.badClassCode(bad));
      };
      return;
    }
    if (!readTeacherToken(store, code)) {
      showPairing(code);
      return;
    }
    const connecting = () => {
      showMode('cc-console', m.cls.consoleHeading, html`${m.cls.openingClass(code)}`.text, m.cls.titleClass(code));
      byId('cc-console').innerHTML = html`<p class="cd-status" role="status">${m.cls.connectingClass(code)}</p>`.text;
    };
    connecting();
    redraw = connecting;
    openConsole(code).catch((e: unknown) => {
      const failed = () => {
        showMode('cc-console', m.cls.consoleHeading, html`${m.cls.openingClass(code)}`.text, m.cls.titleClass(code));
        byId('cc-console').innerHTML = html`<section class="cd-panel"><p class="cc-error" role="alert">${message(e)}</p>
<div class="cc-row"><button type="button" id="cc-retry">${m.cls.tryAgain}</button><a class="cc-button" href="?new">${m.cls.yourClasses}</a></div></section>`.text;
        byId('cc-retry').addEventListener('click', route);
      };
      failed();
      redraw = failed;
    });
    return;
  }
  if (params.has('new')) {
    showSetup();
    return;
  }
  showFiles();
}

const need = (): ClassConsole => {
  if (!current) throw new Error('No class console is open: call openConsole(code) or createClass(options) first.');
  return current.console;
};

const pageApi: ClassPageApi = {
  version: CLASS_API_VERSION,
  createClass,
  openConsole,
  console: () => current?.console.snapshot() ?? null,
  facilitate: async (tables, action) => need().facilitate(tables, action),
  broadcast: async (tables, text, countdown) => need().broadcast(tables, text, countdown),
  detail: async (table) => need().detail(table),
  seatAi: async (team, personality) => need().seatAi(team, personality),
  seatTogether: async (seats) => need().seatTogether(seats),
  endClass: async () => need().end(),
  debrief: async () => {
    need();
    return (current as { view: ConsoleView }).view.debrief();
  },
};
(window as unknown as { backchannel: ClassPageApi }).backchannel = pageApi;

let switching: Promise<void> = Promise.resolve();

/** Switches the page to `lang` and redraws what it shows, in place (switches one after the other, as asked). */
function switchLanguage(lang: Lang): Promise<void> {
  switching = switching
    .then(async () => {
      await speak(lang);
      drawChrome();
      redraw();
    })
    .catch(() => {
      // The language could not load: the page stays in the one it speaks.
    });
  return switching;
}

await speak(chooseLanguage(new URLSearchParams(location.search).get('lang'), preferences.get().language, navigator.languages ?? []).lang);
drawChrome();
document.getElementById('cd-lang')?.addEventListener('change', (e) => {
  const lang = (e.target as HTMLSelectElement).value;
  if (!isLang(lang)) return;
  // The game's settings: the game opens in the language chosen here too.
  preferences.set({ language: lang });
  void switchLanguage(lang);
});
route();
