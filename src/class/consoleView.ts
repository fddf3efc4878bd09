// The teacher console on screen (class.html?console=CODE): the class's code, link and QR code, the
// teams waiting, the grid of tables (sortable, selectable), the facilitator's actions, one table in
// full, and the Debrief tab (the class comparison from the server's replays). Everything is drawn
// with `html` (markup.ts), which escapes every name and line the students wrote.

import { SEVERITIES, type Severity, type Side } from '../core/scenario/constants';
import type { Scenario } from '../core/scenario/schema';
import { sidesOf } from '../core/sides';
import { saveBlob } from '../dom/download';
import { qrSvg } from '../dom/qr';
import type { ClassApi } from './api';
import {
  type ClassAction,
  type ClassConsole,
  type ConsoleEvent,
  idleText,
  MAX_COUNTDOWN,
  MAX_NOTICE,
  partiesOf,
  RECONNECT_TRIES,
  type SortKey,
  type TableDetail,
  type TableSummary,
  type TeamInfo,
} from './console';
import { classCsv, digestOf, downloadClassCsv, problemsMarkup, serverTablesToSet } from './debrief';
import type { ClassDigest } from './digest';
import type { KnownScenario } from './load';
import { html, type Markup, raw } from './markup';
import { printPages } from './print';
import { memoList, report } from './report';
import { num, outcomeName, plural } from './words';

export const SEVERITY_WORD: Record<Severity, string> = {
  deescalation: 'De-escalation',
  'status-quo': 'Status quo',
  posturing: 'Posturing',
  nonviolent: 'Non-violent escalation',
  violent: 'Violent escalation',
};

/** The link students open to join the class. */
/** A round's timer on the grid: "4:05 left", or "over by 0:40". */
export function roundTimerText(endsAt: number, serverNow: number): string {
  const s = Math.round(Math.abs(endsAt - serverNow) / 1000);
  const mmss = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  return endsAt >= serverNow ? `${mmss} left` : `over by ${mmss}`;
}

export const studentLink = (origin: string, code: string): string => `${origin}/?class=${encodeURIComponent(code)}`;

const COLUMNS: { key: SortKey; label: string; num?: boolean }[] = [
  { key: 'code', label: 'Table' },
  { key: 'seatA', label: 'First seat' },
  { key: 'seatB', label: 'Second seat' },
  { key: 'round', label: 'Round', num: true },
  { key: 'toMove', label: 'To move' },
  { key: 'rung', label: 'Rung' },
  { key: 'hazard', label: 'Hazard', num: true },
  { key: 'supportA', label: 'Support (first)', num: true },
  { key: 'supportB', label: 'Support (second)', num: true },
  { key: 'lastMove', label: 'Last move' },
  { key: 'idle', label: 'Idle', num: true },
  { key: 'outcome', label: 'Status' },
];

/** Column labels with the scenario's short party names. */
function columnLabel(c: (typeof COLUMNS)[number], s: Scenario | null): string {
  if (!s) return c.label;
  const [a, b] = sidesOf(s).map((side) => sideShort(s, side));
  switch (c.key) {
    case 'seatA':
      return `${a} seat`;
    case 'seatB':
      return `${b} seat`;
    case 'supportA':
      return `Support ${a}`;
    case 'supportB':
      return `Support ${b}`;
    default:
      return c.label;
  }
}

const safeId = (code: string) => code.replace(/[^A-Za-z0-9_-]/g, '_');
/** A party's short name (its id when this page does not have the scenario). */
const sideShort = (s: Scenario | null, side: Side) => s?.parties[side]?.short ?? side;
/** The parties in order: the scenario's, or else the table's own seats'. */
const partiesFor = (s: Scenario | null, t: TableSummary): readonly [Side, Side] => (s ? sidesOf(s) : partiesOf(t));

function seatCell(t: TableSummary, side: Side): Markup {
  const seat = t.seats[side];
  if (!seat) return html`<span class="cd-muted">—</span>`;
  if (seat.ai) return html`<span class="cc-ai">AI ${seat.name ?? ''}</span>`;
  if (!seat.name) return html`<span class="cd-muted">empty</span>`;
  return html`<span class="cd-name">${seat.name}</span> <span class="${seat.connected ? 'cc-on' : 'cc-off'}">${seat.connected ? '● connected' : '○ not connected'}</span>`;
}

function statusCell(t: TableSummary): Markup {
  if (t.phase === 'ended') return html`<strong>${t.outcome ?? 'Ended'}</strong>`;
  const phase = t.phase === 'setup' ? 'Waiting to start' : t.phase === 'agenda' ? 'Agenda' : 'Talks';
  return t.paused ? html`<strong class="cc-paused">Paused</strong> <span class="cd-muted">${phase}</span>` : html`${phase}`;
}

export function gridMarkup(c: ClassConsole, s: Scenario | null): Markup {
  const head = COLUMNS.map((col) => {
    const sorted = c.sort.key === col.key;
    const label = columnLabel(col, s);
    return html`<th scope="col" aria-sort="${sorted ? c.sort.dir : 'none'}"${col.num ? raw(' class="cd-num"') : ''}><button type="button" class="cc-sort" data-sort="${col.key}">${label}<span aria-hidden="true">${sorted ? (c.sort.dir === 'ascending' ? ' ▲' : ' ▼') : ''}</span></button></th>`;
  });
  const rows = c.sorted().map((t) => {
    const id = safeId(t.code);
    const idle = c.idle(t);
    const ended = t.phase === 'ended';
    const [a, b] = partiesFor(s, t);
    return html`<tr data-code="${t.code}"${c.selected.has(t.code) ? raw(' class="cc-selected"') : ''}>
<td><input type="checkbox" id="cc-sel-${id}" data-select="${t.code}" aria-label="Select table ${t.code}"${c.selected.has(t.code) ? raw(' checked') : ''} /></td>
<th scope="row"><button type="button" class="cc-open" id="cc-open-${id}" data-detail="${t.code}" aria-label="Table ${t.code}: show in full">${t.code}</button></th>
<td>${seatCell(t, a)}</td><td>${seatCell(t, b)}</td>
<td class="cd-num">${t.phase === 'setup' ? '—' : html`${t.round} / ${t.deadline}`}${t.roundEndsAt !== null && !ended ? html`<br /><span class="cc-timer" data-timer="${t.code}">${roundTimerText(t.roundEndsAt, c.serverNow())}</span>` : ''}</td>
<td>${ended ? '—' : sideShort(s, t.toMove)}</td>
<td class="cd-rung">${t.rung} ${t.rungName}</td>
<td class="cd-num">${Math.round(t.hazard * 1000) / 10}%</td>
<td class="cd-num">${Math.round(t.support[a] ?? 0)}</td><td class="cd-num">${Math.round(t.support[b] ?? 0)}</td>
<td class="cc-last">${t.lastMove ?? html`<span class="cd-muted">no move yet</span>`}</td>
<td class="cd-num${idle !== null && idle >= 180 && !ended && !t.paused ? ' cc-stale' : ''}" data-idle="${t.code}">${ended ? '—' : idleText(idle)}</td>
<td>${statusCell(t)}</td></tr>`;
  });
  const caption = c.tables.length
    ? `${plural(c.tables.length, 'table')}${c.selected.size ? `, ${c.selected.size} selected` : ''}. Sort by a column's heading; select tables for the actions; a table's code shows it in full.`
    : 'No table yet: tables appear as teams join.';
  return html`<div class="cd-scroll"><table class="cc-grid"><caption>${caption}</caption>
<thead><tr><th scope="col"><input type="checkbox" id="cc-sel-all" data-select-all="1" aria-label="Select every table"${c.tables.length > 0 && c.selected.size === c.tables.length ? raw(' checked') : ''} /></th>${head}</tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

export function waitingMarkup(c: ClassConsole, s: Scenario | null): Markup {
  const waiting = c.waiting;
  const seated = c.teams.length - waiting.length;
  const summary = html`<p class="cd-muted">${plural(c.teams.length, 'team')} joined, ${seated} seated at a table.</p>`;
  if (!waiting.length) return html`${summary}<p>No team is waiting.</p>`;
  const names = s?.personalities ?? [];
  const byName = c.info?.personality ?? null;
  const preset = names.find((p) => p.name === byName)?.id ?? s?.defaults.personality;
  const joined = (t: TeamInfo) => {
    const at = Date.parse(t.joinedAt);
    return Number.isNaN(at) ? '' : `waiting ${idleText(Math.max(0, Math.floor((c.serverNow() - at) / 1000)))}`;
  };
  // Two teams a table: drag a waiting team onto another (it plays the first party), or choose its opponent.
  const pairing = c.info?.formation === 'teams' && waiting.length > 1;
  const first = s ? sideShort(s, sidesOf(s)[0]) : 'the first party';
  const hint = pairing
    ? html`<p class="cd-muted">Drag a team onto another to seat them together (the one you drag plays ${first}), or choose its opponent.</p>`
    : '';
  return html`${summary}${hint}<ul class="cc-waiting">${waiting.map((t) => {
    const id = safeId(t.id);
    const others = waiting.filter((o) => o.id !== t.id);
    const pair = pairing
      ? html`<span class="cc-row"><label for="cc-vs-${id}" class="cc-inline">against</label> <select id="cc-vs-${id}" data-opponent-for="${t.id}">${others.map((o) => html`<option value="${o.id}">${o.name}</option>`)}</select>
<button type="button" data-seat-with="${t.id}" aria-label="Seat ${t.name} (${first}) against the team chosen">Seat together</button></span>`
      : '';
    return html`<li${pairing ? raw(' draggable="true"') : ''} data-team="${t.id}"><strong class="cd-name">${t.name}</strong> <span class="cd-muted">${joined(t)}</span>${pair}
<label for="cc-ai-${id}" class="cc-inline">AI plays as</label> <select id="cc-ai-${id}" data-personality-for="${t.id}">${names.map((p) => html`<option value="${p.id}"${p.id === preset ? raw(' selected') : ''}>${p.name}</option>`)}</select>
<button type="button" data-seat-ai="${t.id}" aria-label="${t.name}: play the AI">Play the AI</button></li>`;
  })}</ul>`;
}

/** One side's private brief as the teacher sees it: priorities, walk-away, reasons. */
function briefMarkup(s: Scenario, d: TableDetail, side: Side): Markup {
  const party = s.parties[side] ?? { name: side, short: side };
  const type = d.view.types?.[side] ?? null;
  const weights = type
    ? html`<table class="cc-weights"><caption>Priorities (weights, of 100)</caption><tbody>${[
        ...s.issues.map((issue, i) => ({ issue, w: type.weights[i] ?? 0 })),
      ]
        .sort((a, b) => b.w - a.w)
        .map(
          ({ issue, w }) => html`<tr><th scope="row">${issue.name}</th><td class="cd-num">${Math.round(w * 100)}</td></tr>`,
        )}</tbody></table>
<p>Walk-away value: <strong>${Math.round(type.reservation * 100)}</strong> points of 100.</p>`
    : html`<p class="cd-muted">The server did not send this brief.</p>`;
  const journal = (d.view.journal ?? []).filter((j) => j.side === side);
  return html`<section class="cc-brief" aria-label="${party.name}: private brief"><h4>${party.name} <span class="cd-muted">(${party.short})</span></h4>${weights}<h5>Position memo</h5>${memoList(journal)}</section>`;
}

export function detailMarkup(s: Scenario | null, d: TableDetail, t?: TableSummary): Markup {
  const v = d.view;
  const who = (side: Side | null, kind: string) =>
    side ? sideShort(s, side) : kind === 'mediator' ? (s?.mediator.short ?? 'Mediator') : kind;
  const [a, b] = s ? sidesOf(s) : t ? partiesOf(t) : (Object.keys(v.support) as [Side, Side]);
  const wire = v.log.length
    ? html`<ol class="cc-wire">${v.log.map((e) => html`<li><span class="cd-muted">Round ${e.round} · ${who(e.side, e.kind)}:</span> ${e.text}</li>`)}</ol>`
    : html`<p class="cd-muted">Nothing on the wire yet.</p>`;
  const seats = t ? html`<p>${sideShort(s, a)}: ${seatCell(t, a)} · ${sideShort(s, b)}: ${seatCell(t, b)}</p>` : '';
  const briefs = s
    ? html`<div class="cd-two">${briefMarkup(s, d, a)}${briefMarkup(s, d, b)}</div>`
    : html`<p class="cd-warning">This page does not have the class's scenario: the briefs cannot be shown.</p>`;
  return html`<h3 id="cc-detail-h" tabindex="-1">Table ${d.code}</h3>${seats}
<p class="cd-muted">Round ${v.round} of ${v.deadline} · ${v.phase === 'ended' ? outcomeName(v.outcome?.kind ?? 'unfinished') : v.paused ? 'paused' : `${sideShort(s, v.toMove)} to move`} · ${d.turns} turns · support ${sideShort(s, a)} ${num(v.support[a] ?? 0, 0)}, ${sideShort(s, b)} ${num(v.support[b] ?? 0, 0)}</p>
<h4 class="cc-sub">Private briefs <span class="cd-muted">(teacher only)</span></h4>${briefs}
<h4 class="cc-sub">The wire <span class="cd-muted">(${plural(v.log.length, 'entry', 'entries')})</span></h4>${wire}`;
}

export function headerMarkup(c: ClassConsole, origin: string, known: readonly KnownScenario[]): Markup {
  const info = c.info;
  const link = studentLink(origin, c.code);
  const scenario = known.find((k) => k.id === info?.scenarioId)?.scenario;
  const formation = info?.formation === 'ai' ? `each team against the AI (${info.personality ?? 'AI'})` : 'two teams per table';
  const seeds = info?.seedPolicy === 'each' ? 'a seed per table' : `one seed for every table${info?.seed ? ` (${info.seed})` : ''}`;
  return html`<div class="cc-head-text"><h2 id="cc-title">${info?.title || 'Untitled class'}</h2>
<p class="cd-muted">${scenario?.title ?? info?.scenarioId ?? ''} · ${formation} · ${seeds}${info?.endedAt ? ' · ended' : ''}</p>
<p class="cc-code-line">Class code <strong class="cc-code" id="cc-code">${c.code}</strong></p>
<p>Students open <a id="cc-link" href="${link}">${link}</a> (or type the code on the game page).</p>
<div class="cc-row"><button type="button" id="cc-show-code" aria-haspopup="dialog">Show the code</button><button type="button" id="cc-pair">Add a device</button><button type="button" id="cc-end" class="cc-danger"${info?.endedAt ? raw(' disabled') : ''}>End the class</button></div>
<p id="cc-pair-info" class="cc-pair" aria-live="polite"></p></div>
<div class="cc-qr">${raw(qrSvg(link, `QR code of the class link ${link}`))}</div>`;
}

export function actionsMarkup(c: ClassConsole, s: Scenario | null): Markup {
  const events = s ? [...s.events].sort((a, b) => a.title.localeCompare(b.title)) : [];
  const n = c.selected.size;
  return html`<fieldset class="cc-scope"><legend>Apply to</legend>
<label><input type="radio" name="cc-scope" value="all" ${n === 0 ? 'checked' : ''} /> Every table</label>
<label><input type="radio" name="cc-scope" value="selected" ${n > 0 ? 'checked' : 'disabled'} /> The selected tables (<span id="cc-selected-count">${n}</span>)</label>
</fieldset>
<div class="cc-row"><button type="button" data-act="pause">Pause</button><button type="button" data-act="resume">Resume</button><button type="button" data-act="hide-hazard">Hide the hazard</button><button type="button" data-act="show-hazard">Show the hazard</button><button type="button" data-act="deadline-plus">Extend the deadline by 1 round</button><button type="button" data-act="deadline-minus">Shorten it by 1 round</button></div>
<details class="cc-more"><summary>Inject an event</summary>
<div class="cc-row"><label for="cc-event">Event from the deck</label><select id="cc-event">${events.map((e) => html`<option value="${e.id}">${e.title}</option>`)}</select><button type="button" data-act="inject"${events.length ? '' : raw(' disabled')}>Inject the event</button></div>
<fieldset><legend>Or a custom event</legend>
<label for="cc-custom-title">Title</label><input id="cc-custom-title" maxlength="80" autocomplete="off" />
<label for="cc-custom-text">Text</label><textarea id="cc-custom-text" maxlength="600" rows="2"></textarea>
<div class="cc-row"><label for="cc-custom-severity">Severity</label><select id="cc-custom-severity">${SEVERITIES.map((v) => html`<option value="${v}"${v === 'nonviolent' ? raw(' selected') : ''}>${SEVERITY_WORD[v]}</option>`)}</select>
<label for="cc-custom-tension">Extra tension</label><input id="cc-custom-tension" type="number" min="-100" max="100" step="1" value="10" />
<button type="button" data-act="custom">Inject the custom event</button></div></fieldset></details>
<details class="cc-more"><summary>Broadcast a message</summary>
<label for="cc-notice">Message to the students <span class="cd-muted">(at most ${MAX_NOTICE} characters)</span></label><textarea id="cc-notice" maxlength="${MAX_NOTICE}" rows="2"></textarea>
<div class="cc-row"><label for="cc-countdown">Countdown in minutes <span class="cd-muted">(optional)</span></label><input id="cc-countdown" type="number" min="0" max="${MAX_COUNTDOWN / 60}" step="0.5" />
<button type="button" data-act="broadcast">Send the message</button></div>
<p id="cc-notice-echo" class="cd-muted"></p></details>`;
}

export type DebriefResult = { tables: number; csv: string; problems: string[] };

export interface ConsoleViewDeps {
  known: readonly KnownScenario[];
  api: ClassApi;
  origin: string;
  confirm: (question: string) => boolean;
}

/** Reads a custom event from its fields, or a sentence naming what is missing. */
export function customEvent(title: string, text: string, severity: string, tension: string): ClassAction | string {
  const t = title.trim();
  const x = text.trim();
  if (!t) return 'A custom event needs a title.';
  if (!x) return 'A custom event needs a text.';
  if (!(SEVERITIES as readonly string[]).includes(severity)) return 'Choose a severity.';
  const extra = tension.trim() === '' ? 0 : Number(tension);
  if (!Number.isFinite(extra) || extra < -100 || extra > 100) return 'The extra tension is a number from −100 to 100.';
  return {
    type: 'inject-custom',
    title: t.slice(0, 80),
    text: x.slice(0, 600),
    severity: severity as Severity,
    effects: { tension: extra },
  };
}

/** A countdown typed in minutes, as whole seconds; null when empty, a sentence when wrong. */
export function countdownSeconds(minutes: string): number | null | string {
  if (minutes.trim() === '') return null;
  const m = Number(minutes);
  if (!Number.isFinite(m) || m < 0 || m * 60 > MAX_COUNTDOWN) return `The countdown is from 0 to ${MAX_COUNTDOWN / 60} minutes.`;
  return Math.round(m * 60);
}

export class ConsoleView {
  private readonly scenario: Scenario | null;
  private digest: ClassDigest | null = null;
  private detailCode: string | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly off: () => void;
  private debriefRun: Promise<DebriefResult> | null = null;

  constructor(
    private readonly root: HTMLElement,
    readonly console: ClassConsole,
    private readonly deps: ConsoleViewDeps,
  ) {
    this.scenario = deps.known.find((k) => k.id === console.info?.scenarioId)?.scenario ?? null;
    root.innerHTML = html`<p id="cc-conn" class="cc-conn" role="alert" hidden></p>
<section class="cd-panel cc-head" aria-labelledby="cc-title" id="cc-head"></section>
<p id="cc-live" class="cc-live" role="status" aria-live="polite"></p>
<div class="cc-tabs" role="tablist" aria-label="Console">
<button type="button" role="tab" id="cc-tab-tables" aria-controls="cc-panel-tables" aria-selected="true">Tables</button>
<button type="button" role="tab" id="cc-tab-debrief" aria-controls="cc-panel-debrief" aria-selected="false" tabindex="-1">Debrief</button>
</div>
<div role="tabpanel" id="cc-panel-tables" aria-labelledby="cc-tab-tables">
${this.scenario ? '' : html`<p class="cd-warning" role="alert">This page does not have the class's scenario “${console.info?.scenarioId ?? ''}”: events and briefs cannot be shown (reload the page, or update the game).</p>`}
<div class="cc-two">
<section class="cd-panel" aria-labelledby="cc-waiting-h"><h3 id="cc-waiting-h">Teams</h3><div id="cc-waiting"></div></section>
<section class="cd-panel" aria-labelledby="cc-actions-h"><h3 id="cc-actions-h">Actions</h3><div id="cc-actions">${actionsMarkup(console, this.scenario)}</div></section>
</div>
<section class="cd-panel" aria-labelledby="cc-grid-h"><h3 id="cc-grid-h">Tables</h3><div id="cc-grid"></div></section>
<section class="cd-panel" id="cc-detail" aria-labelledby="cc-detail-h" hidden></section>
</div>
<div role="tabpanel" id="cc-panel-debrief" aria-labelledby="cc-tab-debrief" hidden>
<section class="cd-panel"><h3>Debrief</h3><p class="cd-muted">The comparison of every table's replay so far, from the server (tables still playing show where they are).</p>
<div class="cc-row"><button type="button" id="cc-refresh">Refresh</button><button type="button" id="cc-csv" disabled>Download CSV</button><button type="button" id="cc-print" disabled>Print debrief</button><button type="button" id="cc-zip">Download all replays (.zip)</button></div>
<p id="cc-debrief-status" class="cd-status" role="status" aria-live="polite">Not loaded yet.</p><div id="cc-debrief-problems"></div></section>
<div id="cc-report"></div>
</div>
<dialog id="cc-big" class="cc-big" aria-labelledby="cc-big-h"><h2 id="cc-big-h">Join the class</h2><div id="cc-big-body"></div><button type="button" id="cc-big-close">Close</button></dialog>`.text;
    this.renderHead();
    this.renderTeams();
    this.renderGrid();
    this.renderConnection();
    this.wire();
    this.off = console.onChange((e) => this.onEvent(e));
    this.timer = setInterval(() => this.tick(), 1000);
  }

  private $<T extends HTMLElement>(selector: string): T {
    return this.root.querySelector(selector) as T;
  }

  destroy(): void {
    this.off();
    if (this.timer) clearInterval(this.timer);
  }

  /** Says what an action did (or why not) in the live region. */
  say(text: string): void {
    this.$('#cc-live').textContent = text;
  }

  private onEvent(e: ConsoleEvent): void {
    switch (e.kind) {
      case 'state':
        this.renderHead();
        this.renderTeams();
        this.renderGrid();
        break;
      case 'row':
        this.renderGrid();
        break;
      case 'teams':
        this.renderTeams();
        break;
      case 'done':
        this.say(e.text);
        break;
      case 'refused':
        this.say(`Not done: ${e.error}`);
        break;
      case 'notice':
        this.tick();
        break;
      case 'pair-code': {
        const until = new Date(e.expiresAt - this.console.offset).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
        const link = `${this.deps.origin}/class.html?console=${encodeURIComponent(this.console.code)}`;
        this.$('#cc-pair-info').innerHTML =
          html`To add a device: open <a href="${link}">${link}</a> on it and type <strong class="cc-code">${e.code}</strong> (valid until ${until}, once).`.text;
        break;
      }
      case 'connection':
        this.renderConnection();
        break;
      case 'detail':
        break;
    }
  }

  private renderConnection(): void {
    const c = this.console;
    const el = this.$('#cc-conn');
    const text = c.problem
      ? c.problem
      : !c.connected
        ? `The connection to the class was lost: reconnecting${c.reconnecting ? ` (try ${c.reconnecting} of ${RECONNECT_TRIES})` : ''}… The tables go on playing meanwhile.`
        : '';
    el.textContent = text;
    el.hidden = text === '';
    for (const b of this.root.querySelectorAll<HTMLButtonElement>('#cc-actions button, #cc-waiting button, #cc-pair, #cc-end'))
      b.toggleAttribute('data-offline', !c.connected);
  }

  private renderHead(): void {
    this.$('#cc-head').innerHTML = headerMarkup(this.console, this.deps.origin, this.deps.known).text;
  }

  private renderTeams(): void {
    this.keepFocus(this.$('#cc-waiting'), () => waitingMarkup(this.console, this.scenario).text);
  }

  private renderGrid(): void {
    this.keepFocus(this.$('#cc-grid'), () => gridMarkup(this.console, this.scenario).text);
    const n = this.console.selected.size;
    const count = this.root.querySelector('#cc-selected-count');
    if (count) count.textContent = String(n);
    const selected = this.root.querySelector<HTMLInputElement>('input[name="cc-scope"][value="selected"]');
    const all = this.root.querySelector<HTMLInputElement>('input[name="cc-scope"][value="all"]');
    if (selected && all) {
      selected.disabled = n === 0;
      if (n === 0) all.checked = true;
    }
  }

  /** Redraws a part and gives focus back to the control (by id) that had it. */
  private keepFocus(el: HTMLElement, markup: () => string): void {
    const active = document.activeElement;
    const id = active && el.contains(active) ? active.id : '';
    el.innerHTML = markup();
    if (id) (el.querySelector(`#${CSS.escape(id)}`) as HTMLElement | null)?.focus();
  }

  private tick(): void {
    for (const cell of this.root.querySelectorAll<HTMLElement>('[data-timer]')) {
      const t = this.console.table(cell.dataset.timer ?? '');
      if (!t || t.roundEndsAt === null) continue;
      cell.textContent = roundTimerText(t.roundEndsAt, this.console.serverNow());
      cell.classList.toggle('cc-stale', t.roundEndsAt < this.console.serverNow());
    }
    for (const cell of this.root.querySelectorAll<HTMLElement>('[data-idle]')) {
      const t = this.console.table(cell.dataset.idle ?? '');
      if (!t || t.phase === 'ended') continue;
      const idle = this.console.idle(t);
      cell.textContent = idleText(idle);
      cell.classList.toggle('cc-stale', idle !== null && idle >= 180 && !t.paused);
    }
    const n = this.console.notice;
    const echo = this.root.querySelector('#cc-notice-echo');
    if (echo && n) {
      const left = n.until === null ? null : Math.max(0, Math.ceil((n.until - this.console.serverNow()) / 1000));
      echo.textContent = `Last message: “${n.text}”${left === null ? '' : left > 0 ? ` · countdown ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}` : ' · countdown over'}`;
    }
  }

  private targets() {
    const scope = this.root.querySelector<HTMLInputElement>('input[name="cc-scope"]:checked')?.value;
    return scope === 'selected' ? this.console.targets() : 'all';
  }

  private async act(run: () => Promise<{ ok: boolean; text: string }>): Promise<void> {
    const answer = await run();
    this.say(answer.ok ? answer.text : `Not done: ${answer.text}`);
  }

  /** What an action button asks for: a facilitator action, a message (broadcast), or a sentence saying what is missing. */
  private request(act: string): ClassAction | { text: string; countdown?: number } | string | null {
    const value = (sel: string) => this.$<HTMLInputElement>(sel).value;
    switch (act) {
      case 'pause':
      case 'resume':
        return { type: 'pause', paused: act === 'pause' };
      case 'hide-hazard':
      case 'show-hazard':
        return { type: 'show-hazard', visible: act === 'show-hazard' };
      case 'deadline-plus':
      case 'deadline-minus':
        return { type: 'deadline', delta: act === 'deadline-plus' ? 1 : -1 };
      case 'inject': {
        const event = value('#cc-event');
        return event ? { type: 'inject', event } : 'Choose an event to inject.';
      }
      case 'custom':
        return customEvent(value('#cc-custom-title'), value('#cc-custom-text'), value('#cc-custom-severity'), value('#cc-custom-tension'));
      case 'broadcast': {
        const text = value('#cc-notice').trim();
        if (!text) return 'Type the message to send.';
        if ([...text].length > MAX_NOTICE) return `A message is at most ${MAX_NOTICE} characters.`;
        const countdown = countdownSeconds(value('#cc-countdown'));
        if (typeof countdown === 'string') return countdown;
        return countdown === null ? { text } : { text, countdown };
      }
      default:
        return null;
    }
  }

  private perform(act: string): void {
    const asked = this.request(act);
    if (asked === null) return;
    if (typeof asked === 'string') {
      this.say(asked);
      return;
    }
    const tables = this.targets();
    const c = this.console;
    if ('type' in asked) void this.act(() => c.facilitate(tables, asked));
    else void this.act(() => c.broadcast(tables, asked.text, asked.countdown));
  }

  /** Shows one table in full (both briefs and the wire), asked from the server. */
  async showDetail(code: string): Promise<TableDetail | null> {
    const panel = this.$('#cc-detail');
    this.detailCode = code;
    panel.hidden = false;
    panel.innerHTML = html`<h3 id="cc-detail-h" tabindex="-1">Table ${code}</h3><p role="status">Asking the server…</p>`.text;
    try {
      const d = await this.console.detail(code);
      if (this.detailCode !== code) return d;
      panel.innerHTML =
        html`${detailMarkup(this.scenario, d, this.console.table(code))}<div class="cc-row"><button type="button" id="cc-detail-refresh">Refresh</button><button type="button" id="cc-detail-close">Close</button></div>`.text;
      this.$<HTMLElement>('#cc-detail-h').focus();
      return d;
    } catch (e) {
      panel.innerHTML =
        html`<h3 id="cc-detail-h" tabindex="-1">Table ${code}</h3><p class="cc-error">${e instanceof Error ? e.message : String(e)}</p><button type="button" id="cc-detail-close">Close</button>`.text;
      return null;
    }
  }

  private selectTab(which: 'tables' | 'debrief'): void {
    for (const name of ['tables', 'debrief'] as const) {
      const tab = this.$<HTMLButtonElement>(`#cc-tab-${name}`);
      tab.setAttribute('aria-selected', String(name === which));
      tab.tabIndex = name === which ? 0 : -1;
      this.$(`#cc-panel-${name}`).hidden = name !== which;
    }
    if (which === 'debrief' && !this.digest && !this.debriefRun) void this.debrief().catch(() => {});
  }

  /** Fetches every table's replay, verifies them as files are, and draws the comparison. */
  debrief(): Promise<DebriefResult> {
    if (this.debriefRun) return this.debriefRun;
    this.debriefRun = this.loadDebrief().finally(() => {
      this.debriefRun = null;
    });
    return this.debriefRun;
  }

  private async loadDebrief(): Promise<DebriefResult> {
    const status = this.$('#cc-debrief-status');
    const token = this.console.teacherToken;
    if (!token) {
      status.textContent = 'This device has no teacher key for this class: the replays cannot be fetched.';
      throw new Error(status.textContent);
    }
    status.textContent = 'Fetching the replays…';
    let set: ReturnType<typeof serverTablesToSet>;
    try {
      const { tables } = await this.deps.api.replays(this.console.code, token);
      status.textContent = `Checking ${plural(tables.length, 'table')}…`;
      await new Promise((r) => setTimeout(r, 0));
      set = serverTablesToSet(tables, this.deps.known);
    } catch (e) {
      status.textContent = e instanceof Error ? e.message : String(e);
      throw e;
    }
    this.digest = digestOf(set, this.deps.known);
    this.$('#cc-debrief-problems').innerHTML = problemsMarkup(set, [], 'Tables').text;
    this.$('#cc-report').innerHTML = this.digest ? report(this.digest).text : '';
    const print = document.getElementById('cd-print-pages');
    if (print) print.innerHTML = this.digest ? printPages(this.digest).text : '';
    for (const id of ['#cc-csv', '#cc-print']) this.$<HTMLButtonElement>(id).disabled = !this.digest;
    const loaded = set.tables.length;
    status.textContent = [
      loaded ? `${plural(loaded, 'table')} compared.` : 'No table to compare yet.',
      set.problems.length ? `${plural(set.problems.length, 'table')} could not be checked.` : '',
      `Updated ${new Date().toLocaleTimeString()}.`,
    ]
      .filter(Boolean)
      .join(' ');
    return {
      tables: loaded,
      csv: this.digest ? classCsv(this.digest) : '',
      problems: set.problems.map((p) => `${p.name}${p.at ? `:${p.at}` : ''}: ${p.reason}`),
    };
  }

  private async zip(): Promise<void> {
    const status = this.$('#cc-debrief-status');
    const token = this.console.teacherToken;
    if (!token) {
      status.textContent = 'This device has no teacher key for this class: the replays cannot be fetched.';
      return;
    }
    status.textContent = 'Fetching the zip of every replay…';
    try {
      const blob = await this.deps.api.zip(this.console.code, token);
      saveBlob({ parts: ['backchannel-class', this.console.code, 'replays'], extension: 'zip' }, blob);
      status.textContent = 'The zip of every replay is downloading.';
    } catch (e) {
      status.textContent = e instanceof Error ? e.message : String(e);
    }
  }

  /** Seats two waiting teams together: `first` plays the scenario's first party, `second` the other. */
  private seatTogether(first: string, second: string): void {
    const s = this.scenario;
    if (!s) {
      this.say('Not done: this page does not have the class’s scenario, so it cannot tell the seats apart.');
      return;
    }
    const [a, b] = sidesOf(s);
    void this.act(() => this.console.seatTogether({ [a]: first, [b]: second }));
  }

  private showBig(): void {
    const link = studentLink(this.deps.origin, this.console.code);
    this.$('#cc-big-body').innerHTML =
      html`<p class="cc-big-code">${this.console.code}</p><p class="cc-big-link">${link}</p><div class="cc-big-qr">${raw(qrSvg(link, `QR code of the class link ${link}`))}</div>`.text;
    const d = this.$<HTMLDialogElement>('#cc-big');
    if (typeof d.showModal === 'function') d.showModal();
    else d.setAttribute('open', '');
    this.$<HTMLButtonElement>('#cc-big-close').focus();
  }

  private wire(): void {
    const root = this.root;
    // The teacher's seating: a waiting team dragged onto another sits against it (the dragged one as the first party).
    const teamOf = (ev: Event) => (ev.target as HTMLElement | null)?.closest<HTMLElement>('li[data-team]')?.dataset.team ?? null;
    root.addEventListener('dragstart', (ev) => {
      const team = teamOf(ev);
      if (team && ev.dataTransfer) {
        ev.dataTransfer.setData('text/plain', team);
        ev.dataTransfer.effectAllowed = 'move';
      }
    });
    root.addEventListener('dragover', (ev) => {
      if (teamOf(ev)) ev.preventDefault();
    });
    root.addEventListener('drop', (ev) => {
      const second = teamOf(ev);
      const first = ev.dataTransfer?.getData('text/plain');
      if (!second || !first || first === second) return;
      ev.preventDefault();
      this.seatTogether(first, second);
    });
    root.addEventListener('click', (ev) => {
      const target = ev.target as HTMLElement;
      const el = target.closest<HTMLElement>('button, input, a, [data-code]');
      if (!el) return;
      const d = el.dataset;
      if (el.id === 'cc-show-code') {
        this.showBig();
        return;
      }
      if (el.id === 'cc-big-close') {
        const dialog = this.$<HTMLDialogElement>('#cc-big');
        if (typeof dialog.close === 'function') dialog.close();
        else dialog.removeAttribute('open');
        return;
      }
      if (el.id === 'cc-pair') {
        this.console.pair();
        this.$('#cc-pair-info').textContent = this.console.connected
          ? 'Asking the server for a code…'
          : 'Not connected: try again once the console is back.';
        return;
      }
      if (el.id === 'cc-end') {
        if (this.deps.confirm('End the class? Every table still playing is paused, and no team can join any more.'))
          void this.act(() => this.console.end());
        return;
      }
      if (el.id === 'cc-refresh') {
        void this.debrief().catch(() => {});
        return;
      }
      if (el.id === 'cc-csv') {
        if (this.digest) downloadClassCsv(this.digest);
        return;
      }
      if (el.id === 'cc-print') {
        window.print();
        return;
      }
      if (el.id === 'cc-zip') {
        void this.zip();
        return;
      }
      if (el.id === 'cc-tab-tables') {
        this.selectTab('tables');
        return;
      }
      if (el.id === 'cc-tab-debrief') {
        this.selectTab('debrief');
        return;
      }
      if (el.id === 'cc-detail-close') {
        const shown = this.detailCode ?? '';
        this.detailCode = null;
        this.$('#cc-detail').hidden = true;
        (root.querySelector(`#cc-open-${CSS.escape(safeId(shown))}`) as HTMLElement | null)?.focus();
        return;
      }
      if (el.id === 'cc-detail-refresh' && this.detailCode) {
        void this.showDetail(this.detailCode);
        return;
      }
      if (d.sort) {
        this.console.sortBy(d.sort as SortKey);
        (root.querySelector(`[data-sort="${d.sort}"]`) as HTMLElement | null)?.focus();
        return;
      }
      if (d.detail) {
        void this.showDetail(d.detail);
        return;
      }
      if (d.seatWith) {
        const first = d.seatWith;
        const second = root.querySelector<HTMLSelectElement>(`select[data-opponent-for="${CSS.escape(first)}"]`)?.value;
        if (second) this.seatTogether(first, second);
        return;
      }
      if (d.seatAi) {
        const personality = root.querySelector<HTMLSelectElement>(`select[data-personality-for="${CSS.escape(d.seatAi)}"]`)?.value;
        const team = d.seatAi;
        void this.act(() => this.console.seatAi(team, personality || undefined));
        return;
      }
      if (d.act) {
        this.perform(d.act);
        return;
      }
      // A click on a row (not on a control) shows the table in full.
      if (el.tagName === 'TR' && d.code) {
        void this.showDetail(d.code);
        return;
      }
    });
    root.addEventListener('change', (ev) => {
      const el = ev.target as HTMLInputElement;
      if (el.dataset.select) {
        this.console.select(el.dataset.select, el.checked);
        if (el.checked) {
          const selected = root.querySelector<HTMLInputElement>('input[name="cc-scope"][value="selected"]');
          if (selected) selected.checked = true;
        }
        this.renderGrid();
      } else if (el.dataset.selectAll) {
        for (const t of this.console.tables) this.console.select(t.code, el.checked);
        this.renderGrid();
        const selected = root.querySelector<HTMLInputElement>('input[name="cc-scope"][value="selected"]');
        if (selected && el.checked) selected.checked = true;
      }
    });
    const tabs = this.$('.cc-tabs');
    tabs.addEventListener('keydown', (ev) => {
      if (ev.key !== 'ArrowLeft' && ev.key !== 'ArrowRight' && ev.key !== 'Home' && ev.key !== 'End') return;
      ev.preventDefault();
      const onTables = this.$('#cc-tab-tables').getAttribute('aria-selected') === 'true';
      const next = ev.key === 'Home' ? 'tables' : ev.key === 'End' ? 'debrief' : onTables ? 'debrief' : 'tables';
      this.selectTab(next);
      this.$<HTMLElement>(`#cc-tab-${next}`).focus();
    });
  }
}
