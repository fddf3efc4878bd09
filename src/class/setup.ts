// "Run a class" (class.html?new): the form that creates a live class, and this device's classes
// (Open, Delete). The AI's personalities and the difficulties are offered by the scenario's names for
// them; their ids only travel as the options' values.
import type { KeyValueStore } from '../core/save';
import type { Scenario } from '../core/scenario/schema';
import { isSide, sidesOf } from '../core/sides';
import { f, m, shown } from '../i18n';
import type { ClassOptions } from '../server/classProtocol';
import { type ClassApi, type ClassEntry, forgetClass, readClasses, readTeacherToken } from './api';
import { html, type Markup } from './markup';

export interface SetupDeps {
  scenarios: readonly Scenario[];
  store: KeyValueStore;
  api: ClassApi;
  /** Creates the class and goes to its console; rejects with a sentence. */
  create: (options: ClassOptions) => Promise<void>;
  /** Asks before deleting (window.confirm on the page). */
  confirm: (question: string) => boolean;
}

/** The fields that depend on the scenario: the AI's personality, the students' side, the difficulty, the deadline. */
export function scenarioFields(raw: Scenario): Markup {
  const s = shown(raw);
  const t = m.cls;
  const personalities = s.personalities.map(
    (p) => html`<option value="${p.id}"${p.id === s.defaults.personality ? ' selected' : ''}>${p.name}</option>`,
  );
  const difficulties = s.difficulties.map(
    (d) => html`<option value="${d.id}"${d.id === s.defaults.difficulty ? ' selected' : ''}>${d.name}</option>`,
  );
  return html`<div class="cc-ai-only">
<label for="cc-personality">${t.aiPlaysAs}</label>
<select id="cc-personality" name="personality">${personalities}</select>
<p class="cd-muted cc-hint" id="cc-personality-hint">${s.personalities.find((p) => p.id === s.defaults.personality)?.description ?? ''}</p>
<fieldset class="cc-choices"><legend>${t.studentsPlay}</legend>
${sidesOf(s).map((side, i) => html`<label><input type="radio" name="studentSide" value="${side}"${i === 0 ? ' checked' : ''} /> ${s.parties[side]?.name ?? side}</label>`)}
<label><input type="radio" name="studentSide" value="both" /> ${t.bothAlternately}</label>
</fieldset>
</div>
<label for="cc-difficulty">${t.difficulty}</label>
<select id="cc-difficulty" name="difficulty">${difficulties}</select>
<label for="cc-deadline">${t.roundsBeforeDeadline} <span class="cd-muted">${t.roundsHint(s.rounds)}</span></label>
<input id="cc-deadline" name="deadline" type="number" min="1" max="40" step="1" inputmode="numeric" placeholder="${f.num(s.rounds)}" />
<label for="cc-round-minutes">${t.minutesPerRound} <span class="cd-muted">${t.minutesHint}</span></label>
<input id="cc-round-minutes" name="roundMinutes" type="number" min="1" max="30" step="1" inputmode="numeric" placeholder="${t.none}" />`;
}

export function setupFormMarkup(scenarios: readonly Scenario[]): Markup {
  const first = scenarios[0];
  const t = m.cls;
  if (!first) return html`<p class="cd-warning" role="alert">${t.noScenarioToRun}</p>`;
  return html`<form id="cc-setup-form" class="cc-form" novalidate>
<label for="cc-scenario">${t.scenario}</label>
<select id="cc-scenario" name="scenarioId">${scenarios.map((s) => html`<option value="${s.id}">${shown(s).title}</option>`)}</select>
<label for="cc-title">${t.classTitle} <span class="cd-muted">${t.classTitleHint}</span></label>
<input id="cc-title" name="title" type="text" maxlength="60" autocomplete="off" />
<fieldset class="cc-choices"><legend>${t.formationLegend}</legend>
<label><input type="radio" name="formation" value="teams" checked /> ${t.formationTeams}</label>
<label><input type="radio" name="formation" value="teams-teacher" /> ${t.formationTeacher}</label>
<label><input type="radio" name="formation" value="ai" /> ${t.formationAi}</label>
</fieldset>
<div id="cc-scenario-fields" class="cc-form-part">${scenarioFields(first)}</div>
<fieldset class="cc-choices"><legend>${t.seeds}</legend>
<label><input type="radio" name="seedPolicy" value="same" checked /> ${t.seedSame}</label>
<label><input type="radio" name="seedPolicy" value="each" /> ${t.seedEach}</label>
</fieldset>
<div class="cc-seed-only">
<label for="cc-seed">${t.seed} <span class="cd-muted">${t.seedHint}</span></label>
<input id="cc-seed" name="seed" type="text" maxlength="256" autocomplete="off" spellcheck="false" />
</div>
<p id="cc-setup-error" class="cc-error" role="alert"></p>
<div class="cc-row"><button type="submit" class="cc-primary">${t.createClass}</button></div>
</form>`;
}

export type SetupResult = { ok: true; options: ClassOptions } | { ok: false; error: string; field: string };

/** The class options from the form, or a sentence naming what to fix. */
export function optionsFromForm(form: HTMLFormElement, scenarios: readonly Scenario[]): SetupResult {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? '').trim();
  const scenario = scenarios.find((s) => s.id === value('scenarioId'));
  if (!scenario) return { ok: false, error: m.cls.chooseScenario, field: 'scenarioId' };
  const title = value('title');
  if ([...title].length > 60) return { ok: false, error: m.cls.titleTooLong(60), field: 'title' };
  const formation = value('formation') === 'ai' ? 'ai' : 'teams';
  const options: ClassOptions = { scenarioId: scenario.id, formation, seedPolicy: value('seedPolicy') === 'each' ? 'each' : 'same' };
  if (value('formation') === 'teams-teacher') options.seating = 'teacher';
  if (title) options.title = title;
  if (formation === 'ai') {
    const personality = value('personality');
    if (!scenario.personalities.some((p) => p.id === personality)) return { ok: false, error: m.cls.chooseAi, field: 'personality' };
    options.personality = personality;
    const side = value('studentSide');
    options.studentSide = side === 'both' || isSide(scenario, side) ? side : sidesOf(scenario)[0];
  }
  const difficulty = value('difficulty');
  if (difficulty && scenario.difficulties.some((d) => d.id === difficulty)) options.difficulty = difficulty;
  if (options.seedPolicy === 'same') {
    const seed = value('seed');
    if (seed.length > 256) return { ok: false, error: m.cls.seedTooLong(256), field: 'seed' };
    if (seed) options.seed = seed;
  }
  const deadline = value('deadline');
  if (deadline) {
    const n = Number(deadline);
    if (!Number.isInteger(n) || n < 1 || n > 40) return { ok: false, error: m.cls.deadlineRange(1, 40), field: 'deadline' };
    options.deadline = n;
  }
  const minutes = value('roundMinutes');
  if (minutes) {
    const n = Number(minutes);
    if (!Number.isInteger(n) || n < 1 || n > 30) return { ok: false, error: m.cls.minutesRange(1, 30), field: 'roundMinutes' };
    options.roundMinutes = n;
  }
  return { ok: true, options };
}

/** A scenario's title in the language shown, or its id when this page does not have it. */
function scenarioTitle(scenarios: readonly Scenario[], id: string): string {
  const s = scenarios.find((x) => x.id === id);
  return s ? shown(s).title : id;
}

export function classListMarkup(entries: readonly ClassEntry[], scenarios: readonly Scenario[]): Markup {
  const t = m.cls;
  if (!entries.length) return html`<p class="cd-muted">${t.noClassYet}</p>`;
  const when = (iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : t.dateTime(d);
  };
  return html`<ul class="cc-classes">${entries.map(
    (e) =>
      html`<li><span><strong class="cd-name">${e.title || t.untitledClass}</strong> <span class="cc-code">${e.code}</span> <span class="cd-muted">${scenarioTitle(scenarios, e.scenarioId)} · ${when(e.createdAt)}</span></span>
<span class="cc-row"><a class="cc-button" href="?console=${encodeURIComponent(e.code)}" aria-label="${t.openClassLabel(e.title || e.code, e.code)}">${t.open}</a><button type="button" data-delete="${e.code}" aria-label="${t.deleteClassLabel(e.title || e.code, e.code)}">${t.delete}</button></span></li>`,
  )}</ul>`;
}

/** Draws the form and the device's classes into `root` and wires them. */
export function mountSetup(root: HTMLElement, deps: SetupDeps): void {
  const t = m.cls;
  root.innerHTML = html`<section class="cd-panel" aria-labelledby="cc-setup-h"><h2 id="cc-setup-h">${t.runAClass}</h2>
<p class="cd-muted">${t.runLede}</p>
${setupFormMarkup(deps.scenarios)}</section>
<section class="cd-panel" aria-labelledby="cc-classes-h"><h2 id="cc-classes-h">${t.yourClasses}</h2>
<p id="cc-classes-status" class="cd-status" role="status" aria-live="polite"></p>
<div id="cc-classes"></div></section>`.text;
  const form = root.querySelector<HTMLFormElement>('#cc-setup-form');
  const list = root.querySelector<HTMLElement>('#cc-classes') as HTMLElement;
  const listStatus = root.querySelector<HTMLElement>('#cc-classes-status') as HTMLElement;
  const showList = () => {
    list.innerHTML = classListMarkup(readClasses(deps.store), deps.scenarios).text;
  };
  showList();
  list.addEventListener('click', (e) => {
    const code = (e.target as HTMLElement).closest<HTMLElement>('[data-delete]')?.dataset.delete;
    if (code) void remove(code);
  });
  async function remove(code: string): Promise<void> {
    const entry = readClasses(deps.store).find((e) => e.code === code);
    const name = entry?.title ? m.cls.quotedClass(entry.title, code) : code;
    if (!deps.confirm(m.cls.confirmDelete(name))) return;
    const token = readTeacherToken(deps.store, code);
    listStatus.textContent = m.cls.deleting(code);
    try {
      if (token) await deps.api.remove(code, token);
      forgetClass(deps.store, code);
      listStatus.textContent = m.cls.deleted(code);
    } catch (e) {
      const status = (e as { status?: number }).status;
      if (status === 404) {
        forgetClass(deps.store, code);
        listStatus.textContent = m.cls.goneFromServer(code);
      } else listStatus.textContent = m.cls.notDeleted(code, e instanceof Error ? e.message : String(e));
    }
    showList();
  }
  if (!form) return;
  const error = form.querySelector<HTMLElement>('#cc-setup-error') as HTMLElement;
  const scenarioSelect = form.elements.namedItem('scenarioId') as HTMLSelectElement;
  const fields = form.querySelector<HTMLElement>('#cc-scenario-fields') as HTMLElement;
  const sync = () => {
    const data = new FormData(form);
    form.classList.toggle('cc-formation-ai', data.get('formation') === 'ai');
    form.classList.toggle('cc-seed-each', data.get('seedPolicy') === 'each');
    const s = deps.scenarios.find((x) => x.id === scenarioSelect.value);
    const hint = form.querySelector<HTMLElement>('#cc-personality-hint');
    if (s && hint) hint.textContent = shown(s).personalities.find((p) => p.id === data.get('personality'))?.description ?? '';
  };
  scenarioSelect.addEventListener('change', () => {
    const s = deps.scenarios.find((x) => x.id === scenarioSelect.value);
    if (s) fields.innerHTML = scenarioFields(s).text;
    sync();
  });
  form.addEventListener('change', sync);
  sync();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const result = optionsFromForm(form, deps.scenarios);
    if (!result.ok) {
      error.textContent = result.error;
      (form.elements.namedItem(result.field) as HTMLElement | null)?.focus?.();
      return;
    }
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]') as HTMLButtonElement;
    button.disabled = true;
    error.textContent = '';
    const status = form.querySelector<HTMLElement>('#cc-setup-error') as HTMLElement;
    status.textContent = m.cls.creating;
    deps.create(result.options).then(
      () => {
        status.textContent = '';
      },
      (e: unknown) => {
        button.disabled = false;
        status.textContent = e instanceof Error ? e.message : String(e);
      },
    );
  });
}
