// The class page (class.html, no Phaser), in three modes by its URL:
// - no mode: the file debrief (files.ts): replay files picked or dropped, compared side by side;
// - `?new`: "Run a class" (setup.ts): the form that creates a live class, and this device's classes;
// - `?console=CODE`: the teacher console of a live class (console.ts, consoleView.ts).
// `window.backchannel` drives the live classroom from scripts and tests in every mode (the reference
// is docs/automation-api.md). colyseus.js is loaded only when a class is created or opened.
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/latin-700.css';
import './class.css';
import type { KeyValueStore } from '../core/save';
import { quote } from '../core/words';
import type { ClassOptions } from '../server/classProtocol';
import { ClassApi, normaliseClassCode, readTeacherToken } from './api';
import { browserClassClient, type ClassAction, ClassConsole, type ConsoleDeps, type ConsoleSnapshot, type Targets } from './console';
import { ConsoleView, type DebriefResult } from './consoleView';
import { bundledScenarios } from './debrief';
import { startFileDebrief } from './files';
import { html } from './markup';
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

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const known = bundledScenarios();
const store = deviceStore();
const api = new ClassApi();
const deps: ConsoleDeps = { client: browserClassClient, store, api };
const origin = location.origin;
const MODES = ['cd-main', 'cc-setup', 'cc-pairing', 'cc-console'] as const;

let current: { console: ClassConsole; view: ConsoleView } | null = null;
let filesStarted = false;

function showMode(id: (typeof MODES)[number], heading: string, lede: string, title: string): void {
  for (const m of MODES) byId(m).hidden = m !== id;
  byId('cd-heading').textContent = heading;
  byId('cd-lede').innerHTML = lede;
  document.title = `Backchannel — ${title}`;
  pageError('');
}

function pageError(text: string): void {
  const el = byId('cc-page-error');
  el.textContent = text;
  el.hidden = text === '';
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function showConsole(c: ClassConsole): void {
  current?.view.destroy();
  if (current && current.console !== c) current.console.leave();
  showMode(
    'cc-console',
    'Class console',
    html`Class ${c.code}: every table live. <a href="?new">Run another class</a> · <a href="./class.html">Compare replay files</a>`.text,
    `class ${c.code}`,
  );
  const view = new ConsoleView(byId('cc-console'), c, { known, api, origin, confirm: (q) => window.confirm(q) });
  current = { console: c, view };
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
  if (!code) throw new Error(`${quote(input)} is not a class code.`);
  if (current?.console.code === code && !current.console.problem) return { code };
  const c = await ClassConsole.open(code, deps);
  showConsole(c);
  return { code };
}

function showSetup(): void {
  showMode(
    'cc-setup',
    'Run a class',
    html`Create a live class: students join with its code, and the console shows every table as it plays. <a href="./class.html">Compare replay files instead</a>`
      .text,
    'run a class',
  );
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
  showMode('cc-pairing', 'Class console', html`Class ${code}. <a href="?new">Your classes on this device</a>`.text, `class ${code}`);
  const root = byId('cc-pairing');
  root.innerHTML = html`<section class="cd-panel" aria-labelledby="cc-pairing-h"><h2 id="cc-pairing-h">Add this device to class ${code}</h2>
<p>This device does not run class ${code} yet. On the device that does, press <strong>Add a device</strong> in the console and type the 6-digit code it shows.</p>
<form id="cc-pair-form" class="cc-form" novalidate><label for="cc-pair-digits">6-digit code</label>
<input id="cc-pair-digits" name="digits" inputmode="numeric" autocomplete="one-time-code" maxlength="7" pattern="[0-9 ]*" required />
<p id="cc-pair-error" class="cc-error" role="alert"></p>
<div class="cc-row"><button type="submit" class="cc-primary">Add this device</button></div></form></section>`.text;
  const form = byId<HTMLFormElement>('cc-pair-form');
  const error = byId('cc-pair-error');
  const digits = byId<HTMLInputElement>('cc-pair-digits');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const button = form.querySelector('button') as HTMLButtonElement;
    if (!/^[0-9]{6}$/.test(digits.value.replace(/\s+/g, ''))) {
      error.textContent = 'The code from the other device has 6 digits.';
      digits.focus();
      return;
    }
    button.disabled = true;
    error.textContent = 'Adding this device…';
    ClassConsole.pairDevice(code, digits.value, deps).then(showConsole, (err: unknown) => {
      button.disabled = false;
      error.textContent = message(err);
      digits.focus();
    });
  });
  digits.focus();
}

function showFiles(): void {
  if (filesStarted) return;
  filesStarted = true;
  startFileDebrief();
}

function route(): void {
  const params = new URLSearchParams(location.search);
  if (params.has('console')) {
    const code = normaliseClassCode(params.get('console'));
    if (!code) {
      showSetup();
      pageError(`${quote(params.get('console') ?? '')} is not a class code. Open one of your classes below, or create one.`);
      return;
    }
    if (!readTeacherToken(store, code)) {
      showPairing(code);
      return;
    }
    showMode('cc-console', 'Class console', html`Opening class ${code}…`.text, `class ${code}`);
    byId('cc-console').innerHTML = html`<p class="cd-status" role="status">Connecting to class ${code}…</p>`.text;
    openConsole(code).catch((e: unknown) => {
      byId('cc-console').innerHTML = html`<section class="cd-panel"><p class="cc-error" role="alert">${message(e)}</p>
<div class="cc-row"><button type="button" id="cc-retry">Try again</button><a class="cc-button" href="?new">Your classes on this device</a></div></section>`.text;
      byId('cc-retry').addEventListener('click', route);
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

route();
