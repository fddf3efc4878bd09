// The teacher console on screen (class.html?console=CODE): the class's code, link and QR code, the
// teams waiting, the grid of tables (sortable, selectable), the facilitator's actions, one table in
// full, and the Debrief tab (the class comparison from the server's replays). Everything is drawn
// with `html` (markup.ts), which escapes every name and line the students wrote.

import { SEVERITIES, type Severity, type Side } from '../core/scenario/constants';
import type { Scenario } from '../core/scenario/schema';
import { sidesOf } from '../core/sides';
import { saveBlob } from '../dom/download';
import { qrSvg } from '../dom/qr';
import { f, languageTag, m, shown } from '../i18n';
import { logText } from '../i18n/logWords';
import { doneText } from '../i18n/serverWords';
import type { ClassApi } from './api';
import {
  type Answer,
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
import type { ClassSet, KnownScenario } from './load';
import { html, type Markup, raw } from './markup';
import { printPages } from './print';
import { memoList, report } from './report';
import { num, outcomeHeadline, outcomeName } from './words';

/** A severity in words, in the language shown. */
export const severityWord = (severity: Severity): string => m.common.severity[severity] ?? severity;

/** "4:05": minutes and seconds, in the language's digits. */
export const minutesSeconds = (seconds: number): string =>
  `${f.num(Math.floor(seconds / 60))}:${f.num(seconds % 60).padStart(2, f.num(0))}`;

/** A round's timer on the grid: "4:05 left", or "over by 0:40". */
export function roundTimerText(endsAt: number, serverNow: number): string {
  const s = Math.round(Math.abs(endsAt - serverNow) / 1000);
  const mmss = minutesSeconds(s);
  return endsAt >= serverNow ? m.cls.timeLeft(mmss) : m.cls.overBy(mmss);
}

/** The link students open to join the class. */
export const studentLink = (origin: string, code: string): string => `${origin}/?class=${encodeURIComponent(code)}`;

/** The grid's columns (their labels come from the catalogue: `m.cls.column`). */
const COLUMNS: { key: SortKey; num?: boolean }[] = [
  { key: 'code' },
  { key: 'seatA' },
  { key: 'seatB' },
  { key: 'round', num: true },
  { key: 'toMove' },
  { key: 'rung' },
  { key: 'hazard', num: true },
  { key: 'supportA', num: true },
  { key: 'supportB', num: true },
  { key: 'lastMove' },
  { key: 'idle', num: true },
  { key: 'outcome' },
];

/** Column labels with the scenario's short party names. */
function columnLabel(c: (typeof COLUMNS)[number], s: Scenario | null): string {
  const label = m.cls.column[c.key] ?? c.key;
  if (!s) return label;
  const [a = '', b = ''] = sidesOf(s).map((side) => sideShort(s, side));
  switch (c.key) {
    case 'seatA':
      return m.cls.seatOf(a);
    case 'seatB':
      return m.cls.seatOf(b);
    case 'supportA':
      return m.cls.supportOf(a);
    case 'supportB':
      return m.cls.supportOf(b);
    default:
      return label;
  }
}

const safeId = (code: string) => code.replace(/[^A-Za-z0-9_-]/g, '_');
/** A party's short name (its id when this page does not have the scenario). */
const sideShort = (s: Scenario | null, side: Side) => (s ? shown(s).parties[side]?.short : undefined) ?? side;
/** An AI seat's name: the server sends the personality's name in the scenario's first language. */
function aiName(s: Scenario | null, name: string | null | undefined): string {
  if (!name || !s) return name ?? '';
  const at = s.personalities.findIndex((p) => p.name === name || p.id === name);
  return at < 0 ? name : (shown(s).personalities[at]?.name ?? name);
}
/** The parties in order: the scenario's, or else the table's own seats'. */
const partiesFor = (s: Scenario | null, t: TableSummary): readonly [Side, Side] => (s ? sidesOf(s) : partiesOf(t));

function seatCell(t: TableSummary, side: Side, s: Scenario | null = null): Markup {
  const seat = t.seats[side];
  if (!seat) return html`<span class="cd-muted">—</span>`;
  if (seat.ai) return html`<span class="cc-ai">${m.cls.aiNamed(aiName(s, seat.name))}</span>`;
  if (!seat.name) return html`<span class="cd-muted">${m.cls.emptySeat}</span>`;
  return html`<span class="cd-name">${seat.name}</span> <span class="${seat.connected ? 'cc-on' : 'cc-off'}">${seat.connected ? `● ${m.cls.connected}` : `○ ${m.cls.notConnectedSeat}`}</span>`;
}

function statusCell(t: TableSummary): Markup {
  const c = m.cls;
  if (t.phase === 'ended') return html`<strong>${t.outcome === null || t.outcome === undefined ? c.ended : outcomeHeadline(t)}</strong>`;
  const phase = t.phase === 'setup' ? c.waitingToStart : t.phase === 'agenda' ? c.agenda : c.talks;
  return t.paused ? html`<strong class="cc-paused">${c.paused}</strong> <span class="cd-muted">${phase}</span>` : html`${phase}`;
}

/** The wire's last line in the language shown (as the server wrote it when this page lacks the scenario or the message). */
const lastMoveText = (t: TableSummary, s: Scenario | null): string =>
  s && t.lastMoveMsg ? logText({ text: t.lastMove ?? '', msg: t.lastMoveMsg }, s) : (t.lastMove ?? '');

/** The rung's name in the language shown (the server sends it in the scenario's first language). */
const rungOf = (s: Scenario | null, t: TableSummary): string => (s ? shown(s).ladder.rungs[t.rung]?.name : undefined) ?? t.rungName;

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
<td><input type="checkbox" id="cc-sel-${id}" data-select="${t.code}" aria-label="${m.cls.selectTable(t.code)}"${c.selected.has(t.code) ? raw(' checked') : ''} /></td>
<th scope="row"><button type="button" class="cc-open" id="cc-open-${id}" data-detail="${t.code}" aria-label="${m.cls.showTable(t.code)}">${t.code}</button></th>
<td>${seatCell(t, a, s)}</td><td>${seatCell(t, b, s)}</td>
<td class="cd-num">${t.phase === 'setup' ? '—' : html`${f.num(t.round)} / ${f.num(t.deadline)}`}${t.roundEndsAt !== null && !ended ? html`<br /><span class="cc-timer" data-timer="${t.code}">${roundTimerText(t.roundEndsAt, c.serverNow())}</span>` : ''}</td>
<td>${ended ? '—' : sideShort(s, t.toMove)}</td>
<td class="cd-rung">${m.cls.rungNamed(t.rung, rungOf(s, t))}</td>
<td class="cd-num">${f.pct(Math.round(t.hazard * 1000) / 1000, Math.round(t.hazard * 1000) % 10 === 0 ? 0 : 1)}</td>
<td class="cd-num">${f.num(Math.round(t.support[a] ?? 0))}</td><td class="cd-num">${f.num(Math.round(t.support[b] ?? 0))}</td>
<td class="cc-last">${t.lastMove === null ? html`<span class="cd-muted">${m.cls.noMoveYet}</span>` : lastMoveText(t, s)}</td>
<td class="cd-num${idle !== null && idle >= 180 && !ended && !t.paused ? ' cc-stale' : ''}" data-idle="${t.code}">${ended ? '—' : idleText(idle)}</td>
<td>${statusCell(t)}</td></tr>`;
  });
  const caption = c.tables.length ? m.cls.gridCaption(c.tables.length, c.selected.size) : m.cls.noTableYet;
  return html`<div class="cd-scroll"><table class="cc-grid"><caption>${caption}</caption>
<thead><tr><th scope="col"><input type="checkbox" id="cc-sel-all" data-select-all="1" aria-label="${m.cls.selectEvery}"${c.tables.length > 0 && c.selected.size === c.tables.length ? raw(' checked') : ''} /></th>${head}</tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

export function waitingMarkup(c: ClassConsole, s: Scenario | null): Markup {
  const waiting = c.waiting;
  const seated = c.teams.length - waiting.length;
  const t = m.cls;
  const summary = html`<p class="cd-muted">${t.teamsJoined(c.teams.length, seated)}</p>`;
  if (!waiting.length) return html`${summary}<p>${t.noTeamWaiting}</p>`;
  const names = s ? shown(s).personalities : [];
  const byName = c.info?.personality ?? null;
  const preset = (s?.personalities ?? []).find((p) => p.name === byName)?.id ?? s?.defaults.personality;
  const joined = (team: TeamInfo) => {
    const at = Date.parse(team.joinedAt);
    return Number.isNaN(at) ? '' : t.waitingFor(idleText(Math.max(0, Math.floor((c.serverNow() - at) / 1000))));
  };
  // Two teams a table: drag a waiting team onto another (it plays the first party), or choose its opponent.
  const pairing = c.info?.formation === 'teams' && waiting.length > 1;
  const first = s ? sideShort(s, sidesOf(s)[0]) : t.theFirstParty;
  const hint = pairing ? html`<p class="cd-muted">${t.dragHint(first)}</p>` : '';
  return html`${summary}${hint}<ul class="cc-waiting">${waiting.map((team) => {
    const id = safeId(team.id);
    const others = waiting.filter((o) => o.id !== team.id);
    const pair = pairing
      ? html`<span class="cc-row"><label for="cc-vs-${id}" class="cc-inline">${t.against}</label> <select id="cc-vs-${id}" data-opponent-for="${team.id}">${others.map((o) => html`<option value="${o.id}">${o.name}</option>`)}</select>
<button type="button" data-seat-with="${team.id}" aria-label="${t.seatAgainstLabel(team.name, first)}">${t.seatTogether}</button></span>`
      : '';
    return html`<li${pairing ? raw(' draggable="true"') : ''} data-team="${team.id}"><strong class="cd-name">${team.name}</strong> <span class="cd-muted">${joined(team)}</span>${pair}
<label for="cc-ai-${id}" class="cc-inline">${t.aiPlaysAsShort}</label> <select id="cc-ai-${id}" data-personality-for="${team.id}">${names.map((p) => html`<option value="${p.id}"${p.id === preset ? raw(' selected') : ''}>${p.name}</option>`)}</select>
<button type="button" data-seat-ai="${team.id}" aria-label="${t.playAiLabel(team.name)}">${t.playAi}</button></li>`;
  })}</ul>`;
}

/** One side's private brief as the teacher sees it: priorities, walk-away, reasons. */
function briefMarkup(raw: Scenario, d: TableDetail, side: Side): Markup {
  const s = shown(raw);
  const t = m.cls;
  const party = s.parties[side] ?? { name: side, short: side };
  const type = d.view.types?.[side] ?? null;
  const weights = type
    ? html`<table class="cc-weights"><caption>${t.prioritiesCaption}</caption><tbody>${[
        ...s.issues.map((issue, i) => ({ issue, w: type.weights[i] ?? 0 })),
      ]
        .sort((a, b) => b.w - a.w)
        .map(
          ({ issue, w }) => html`<tr><th scope="row">${issue.name}</th><td class="cd-num">${f.num(Math.round(w * 100))}</td></tr>`,
        )}</tbody></table>
<p>${t.walkAwayValue} <strong>${f.num(Math.round(type.reservation * 100))}</strong> ${t.pointsOf100}</p>`
    : html`<p class="cd-muted">${t.briefNotSent}</p>`;
  const journal = (d.view.journal ?? []).filter((j) => j.side === side);
  return html`<section class="cc-brief" aria-label="${t.privateBriefOf(party.name)}"><h4>${party.name} <span class="cd-muted">(${party.short})</span></h4>${weights}<h5>${t.positionMemo}</h5>${memoList(journal)}</section>`;
}

export function detailMarkup(s: Scenario | null, d: TableDetail, t?: TableSummary): Markup {
  const v = d.view;
  const c = m.cls;
  const who = (side: Side | null, kind: string) =>
    side
      ? sideShort(s, side)
      : kind === 'mediator'
        ? ((s ? shown(s).mediator.short : undefined) ?? c.mediator)
        : (c.entryKind[kind] ?? kind);
  const [a, b] = s ? sidesOf(s) : t ? partiesOf(t) : (Object.keys(v.support) as [Side, Side]);
  const wire = v.log.length
    ? html`<ol class="cc-wire">${v.log.map((e) => html`<li><span class="cd-muted">${c.roundWho(e.round, who(e.side, e.kind))}</span> ${s ? logText(e, s) : e.text}</li>`)}</ol>`
    : html`<p class="cd-muted">${c.nothingOnWire}</p>`;
  const seats = t ? html`<p>${sideShort(s, a)}: ${seatCell(t, a, s)} · ${sideShort(s, b)}: ${seatCell(t, b, s)}</p>` : '';
  const briefs = s
    ? html`<div class="cd-two">${briefMarkup(s, d, a)}${briefMarkup(s, d, b)}</div>`
    : html`<p class="cd-warning">${c.noScenarioBriefs}</p>`;
  const state =
    v.phase === 'ended' ? outcomeName(v.outcome?.kind ?? 'unfinished') : v.paused ? c.pausedLower : c.toMove(sideShort(s, v.toMove));
  return html`<h3 id="cc-detail-h" tabindex="-1">${c.tableCode(d.code)}</h3>${seats}
<p class="cd-muted">${c.roundOf(v.round, v.deadline)} · ${state} · ${c.turns(d.turns)} · ${c.supportLine(sideShort(s, a), num(v.support[a] ?? 0, 0), sideShort(s, b), num(v.support[b] ?? 0, 0))}</p>
<h4 class="cc-sub">${c.privateBriefs} <span class="cd-muted">${c.teacherOnly}</span></h4>${briefs}
<h4 class="cc-sub">${c.theWire} <span class="cd-muted">(${c.entries(v.log.length)})</span></h4>${wire}`;
}

export function headerMarkup(c: ClassConsole, origin: string, known: readonly KnownScenario[]): Markup {
  const info = c.info;
  const link = studentLink(origin, c.code);
  const scenario = known.find((k) => k.id === info?.scenarioId)?.scenario;
  const t = m.cls;
  const formation =
    info?.formation === 'ai'
      ? t.eachAgainstAi((info.personality ?? null) === null ? t.ai : aiName(scenario ?? null, info.personality))
      : t.twoTeams;
  const seeds = info?.seedPolicy === 'each' ? t.seedPerTable : t.oneSeed(info?.seed || null);
  return html`<div class="cc-head-text"><h2 id="cc-title">${info?.title || t.untitledClass}</h2>
<p class="cd-muted">${(scenario ? shown(scenario).title : undefined) ?? info?.scenarioId ?? ''} · ${formation} · ${seeds}${info?.endedAt ? ` · ${t.endedLower}` : ''}</p>
<p class="cc-code-line">${t.classCode} <strong class="cc-code" id="cc-code">${c.code}</strong></p>
<p>${t.studentsOpen[0]} <a id="cc-link" href="${link}">${link}</a> ${t.studentsOpen[1]}</p>
<div class="cc-row"><button type="button" id="cc-show-code" aria-haspopup="dialog">${t.showCode}</button><button type="button" id="cc-pair">${t.addDevice}</button><button type="button" id="cc-end" class="cc-danger"${info?.endedAt ? raw(' disabled') : ''}>${t.endClass}</button></div>
<p id="cc-pair-info" class="cc-pair" aria-live="polite"></p></div>
<div class="cc-qr">${raw(qrSvg(link, t.qrOf(link)))}</div>`;
}

export function actionsMarkup(c: ClassConsole, s: Scenario | null): Markup {
  // Sorted by the titles shown (in the language shown); the option values stay the events' ids.
  const events = s ? [...shown(s).events].sort((a, b) => a.title.localeCompare(b.title, languageTag())) : [];
  const n = c.selected.size;
  const t = m.cls;
  return html`<fieldset class="cc-scope"><legend>${t.applyTo}</legend>
<label><input type="radio" name="cc-scope" value="all" ${n === 0 ? 'checked' : ''} /> ${t.everyTable}</label>
<label><input type="radio" name="cc-scope" value="selected" ${n > 0 ? 'checked' : 'disabled'} /> ${t.selectedTables} (<span id="cc-selected-count">${f.num(n)}</span>)</label>
</fieldset>
<div class="cc-row"><button type="button" data-act="pause">${t.pause}</button><button type="button" data-act="resume">${t.resume}</button><button type="button" data-act="hide-hazard">${t.hideHazard}</button><button type="button" data-act="show-hazard">${t.showHazard}</button><button type="button" data-act="deadline-plus">${t.extendDeadline}</button><button type="button" data-act="deadline-minus">${t.shortenDeadline}</button></div>
<details class="cc-more"><summary>${t.injectEvent}</summary>
<div class="cc-row"><label for="cc-event">${t.eventFromDeck}</label><select id="cc-event">${events.map((e) => html`<option value="${e.id}">${e.title}</option>`)}</select><button type="button" data-act="inject"${events.length ? '' : raw(' disabled')}>${t.injectTheEvent}</button></div>
<fieldset><legend>${t.orCustomEvent}</legend>
<label for="cc-custom-title">${t.eventTitle}</label><input id="cc-custom-title" maxlength="80" autocomplete="off" />
<label for="cc-custom-text">${t.eventText}</label><textarea id="cc-custom-text" maxlength="600" rows="2"></textarea>
<div class="cc-row"><label for="cc-custom-severity">${t.severityLabel}</label><select id="cc-custom-severity">${SEVERITIES.map((v) => html`<option value="${v}"${v === 'nonviolent' ? raw(' selected') : ''}>${severityWord(v)}</option>`)}</select>
<label for="cc-custom-tension">${t.extraTension}</label><input id="cc-custom-tension" type="number" min="-100" max="100" step="1" value="10" />
<button type="button" data-act="custom">${t.injectCustom}</button></div></fieldset></details>
<details class="cc-more"><summary>${t.broadcast}</summary>
<label for="cc-notice">${t.messageToStudents} <span class="cd-muted">${t.atMostChars(MAX_NOTICE)}</span></label><textarea id="cc-notice" maxlength="${MAX_NOTICE}" rows="2"></textarea>
<div class="cc-row"><label for="cc-countdown">${t.countdownMinutes} <span class="cd-muted">${t.optional}</span></label><input id="cc-countdown" type="number" min="0" max="${MAX_COUNTDOWN / 60}" step="0.5" />
<button type="button" data-act="broadcast">${t.sendMessage}</button></div>
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
  if (!t) return m.cls.needTitle;
  if (!x) return m.cls.needText;
  if (!(SEVERITIES as readonly string[]).includes(severity)) return m.cls.chooseSeverity;
  const extra = tension.trim() === '' ? 0 : Number(tension);
  if (!Number.isFinite(extra) || extra < -100 || extra > 100) return m.cls.tensionRange(-100, 100);
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
  const n = Number(minutes);
  if (!Number.isFinite(n) || n < 0 || n * 60 > MAX_COUNTDOWN) return m.cls.countdownRange(0, MAX_COUNTDOWN / 60);
  return Math.round(n * 60);
}

export class ConsoleView {
  private readonly scenario: Scenario | null;
  private digest: ClassDigest | null = null;
  private detailCode: string | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly off: () => void;
  private debriefRun: Promise<DebriefResult> | null = null;
  /** The last table shown in full, kept to draw it again in another language. */
  private detailShown: TableDetail | null = null;
  /** The last debrief's problems and status (a function, to say it again in another language). */
  private debriefSet: ClassSet | null = null;
  private debriefStatus: (() => string) | null = null;
  /** The last device code the server sent, to say it again in another language. */
  private pairCode: { code: string; expiresAt: number } | null = null;

  constructor(
    private readonly root: HTMLElement,
    readonly console: ClassConsole,
    private readonly deps: ConsoleViewDeps,
  ) {
    this.scenario = deps.known.find((k) => k.id === console.info?.scenarioId)?.scenario ?? null;
    this.build();
    this.wire();
    this.off = console.onChange((e) => this.onEvent(e));
    this.timer = setInterval(() => this.tick(), 1000);
  }

  /** The console's parts, drawn in the language shown. */
  private build(): void {
    const t = m.cls;
    this.root.innerHTML = html`<p id="cc-conn" class="cc-conn" role="alert" hidden></p>
<section class="cd-panel cc-head" aria-labelledby="cc-title" id="cc-head"></section>
<p id="cc-live" class="cc-live" role="status" aria-live="polite"></p>
<div class="cc-tabs" role="tablist" aria-label="${t.consoleTabs}">
<button type="button" role="tab" id="cc-tab-tables" aria-controls="cc-panel-tables" aria-selected="true">${t.tables}</button>
<button type="button" role="tab" id="cc-tab-debrief" aria-controls="cc-panel-debrief" aria-selected="false" tabindex="-1">${t.debrief}</button>
</div>
<div role="tabpanel" id="cc-panel-tables" aria-labelledby="cc-tab-tables">
${this.scenario ? '' : html`<p class="cd-warning" role="alert">${t.noScenarioHere(this.console.info?.scenarioId ?? '')}</p>`}
<div class="cc-two">
<section class="cd-panel" aria-labelledby="cc-waiting-h"><h3 id="cc-waiting-h">${t.teams}</h3><div id="cc-waiting"></div></section>
<section class="cd-panel" aria-labelledby="cc-actions-h"><h3 id="cc-actions-h">${t.actions}</h3><div id="cc-actions">${actionsMarkup(this.console, this.scenario)}</div></section>
</div>
<section class="cd-panel" aria-labelledby="cc-grid-h"><h3 id="cc-grid-h">${t.tables}</h3><div id="cc-grid"></div></section>
<section class="cd-panel" id="cc-detail" aria-labelledby="cc-detail-h" hidden></section>
</div>
<div role="tabpanel" id="cc-panel-debrief" aria-labelledby="cc-tab-debrief" hidden>
<section class="cd-panel"><h3>${t.debrief}</h3><p class="cd-muted">${t.debriefLede}</p>
<div class="cc-row"><button type="button" id="cc-refresh">${t.refresh}</button><button type="button" id="cc-csv" disabled>${t.downloadCsv}</button><button type="button" id="cc-print" disabled>${t.printDebrief}</button><button type="button" id="cc-zip">${t.downloadZip}</button></div>
<p id="cc-debrief-status" class="cd-status" role="status" aria-live="polite">${t.notLoadedYet}</p><div id="cc-debrief-problems"></div></section>
<div id="cc-report"></div>
</div>
<dialog id="cc-big" class="cc-big" aria-labelledby="cc-big-h"><h2 id="cc-big-h">${t.joinTheClass}</h2><div id="cc-big-body"></div><button type="button" id="cc-big-close">${t.close}</button></dialog>`.text;
    this.renderHead();
    this.renderTeams();
    this.renderGrid();
    this.renderConnection();
  }

  /**
   * Draws the console again in the language shown, in place: the fields typed in, the scope, the
   * tab, the table shown in full and the debrief stay as they were (the class's state is the console's).
   */
  redraw(): void {
    const root = this.root;
    const fields = () => [
      ...root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
        '#cc-actions input:not([type="radio"]), #cc-actions textarea, #cc-actions select, #cc-waiting select',
      ),
    ];
    const values = new Map(fields().map((el) => [el.id, el.value] as const));
    const scope = root.querySelector<HTMLInputElement>('input[name="cc-scope"]:checked')?.value;
    const open = [...root.querySelectorAll<HTMLDetailsElement>('details.cc-more')].map((d) => d.open);
    const onDebrief = this.$('#cc-tab-debrief').getAttribute('aria-selected') === 'true';
    const focused = document.activeElement && root.contains(document.activeElement) ? document.activeElement.id : '';
    const dialogOpen = this.$<HTMLDialogElement>('#cc-big').open;
    this.build();
    for (const el of fields()) {
      const v = values.get(el.id);
      if (v !== undefined) el.value = v;
    }
    const scoped = scope ? root.querySelector<HTMLInputElement>(`input[name="cc-scope"][value="${scope}"]`) : null;
    if (scoped && !scoped.disabled) scoped.checked = true;
    root.querySelectorAll<HTMLDetailsElement>('details.cc-more').forEach((d, i) => {
      d.open = open[i] ?? false;
    });
    if (this.pairCode) this.showPairCode(this.pairCode);
    if (this.detailCode) {
      const panel = this.$('#cc-detail');
      panel.hidden = false;
      if (this.detailShown?.code === this.detailCode) this.drawDetail(this.detailShown);
      else void this.showDetail(this.detailCode);
    }
    if (this.debriefSet) this.drawDebrief(this.debriefSet);
    if (this.debriefStatus) this.$('#cc-debrief-status').textContent = this.debriefStatus();
    if (onDebrief) this.selectTab('debrief');
    this.tick();
    if (dialogOpen) this.showBig();
    else if (focused) (root.querySelector(`#${CSS.escape(focused)}`) as HTMLElement | null)?.focus();
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
        this.say(doneText(e, this.scenario));
        break;
      case 'refused':
        this.say(m.cls.notDone(e.error));
        break;
      case 'notice':
        this.tick();
        break;
      case 'pair-code':
        this.pairCode = { code: e.code, expiresAt: e.expiresAt };
        this.showPairCode(this.pairCode);
        break;
      case 'connection':
        this.renderConnection();
        break;
      case 'detail':
        break;
    }
  }

  /** How to add a device: the link and the 6-digit code the server sent. */
  private showPairCode(p: { code: string; expiresAt: number }): void {
    const until = m.cls.clockTime(new Date(p.expiresAt - this.console.offset));
    const link = `${this.deps.origin}/class.html?console=${encodeURIComponent(this.console.code)}`;
    const [open, type, valid] = m.cls.addDeviceHow(until);
    this.$('#cc-pair-info').innerHTML =
      html`${open} <a href="${link}">${link}</a> ${type} <strong class="cc-code">${p.code}</strong> ${valid}`.text;
  }

  private renderConnection(): void {
    const c = this.console;
    const el = this.$('#cc-conn');
    const text = c.problem ? c.problem : !c.connected ? m.cls.reconnecting(c.reconnecting, RECONNECT_TRIES) : '';
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
    if (count) count.textContent = f.num(n);
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
      echo.textContent = m.cls.lastMessage(n.text, left === null ? null : left > 0 ? minutesSeconds(left) : '');
    }
  }

  private targets() {
    const scope = this.root.querySelector<HTMLInputElement>('input[name="cc-scope"]:checked')?.value;
    return scope === 'selected' ? this.console.targets() : 'all';
  }

  private async act(run: () => Promise<Answer>): Promise<void> {
    const answer = await run();
    this.say(answer.ok ? doneText(answer, this.scenario) : m.cls.notDone(answer.text));
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
        return event ? { type: 'inject', event } : m.cls.chooseEvent;
      }
      case 'custom':
        return customEvent(value('#cc-custom-title'), value('#cc-custom-text'), value('#cc-custom-severity'), value('#cc-custom-tension'));
      case 'broadcast': {
        const text = value('#cc-notice').trim();
        if (!text) return m.cls.typeMessage;
        if ([...text].length > MAX_NOTICE) return m.cls.messageTooLong(MAX_NOTICE);
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
    panel.innerHTML = html`<h3 id="cc-detail-h" tabindex="-1">${m.cls.tableCode(code)}</h3><p role="status">${m.cls.askingServer}</p>`.text;
    try {
      const d = await this.console.detail(code);
      if (this.detailCode !== code) return d;
      this.detailShown = d;
      this.drawDetail(d);
      this.$<HTMLElement>('#cc-detail-h').focus();
      return d;
    } catch (e) {
      panel.innerHTML =
        html`<h3 id="cc-detail-h" tabindex="-1">${m.cls.tableCode(code)}</h3><p class="cc-error">${e instanceof Error ? e.message : String(e)}</p><button type="button" id="cc-detail-close">${m.cls.close}</button>`.text;
      return null;
    }
  }

  private drawDetail(d: TableDetail): void {
    this.$('#cc-detail').innerHTML =
      html`${detailMarkup(this.scenario, d, this.console.table(d.code))}<div class="cc-row"><button type="button" id="cc-detail-refresh">${m.cls.refresh}</button><button type="button" id="cc-detail-close">${m.cls.close}</button></div>`.text;
  }

  /** The debrief's problems, comparison and print pages, in the language shown. */
  private drawDebrief(set: ClassSet): void {
    this.$('#cc-debrief-problems').innerHTML = problemsMarkup(set, [], 'tables').text;
    this.$('#cc-report').innerHTML = this.digest ? report(this.digest).text : '';
    const print = document.getElementById('cd-print-pages');
    if (print) print.innerHTML = this.digest ? printPages(this.digest).text : '';
    for (const id of ['#cc-csv', '#cc-print']) this.$<HTMLButtonElement>(id).disabled = !this.digest;
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
      status.textContent = m.cls.noKeyReplays;
      throw new Error(status.textContent);
    }
    status.textContent = m.cls.fetchingReplays;
    let set: ReturnType<typeof serverTablesToSet>;
    try {
      const { tables } = await this.deps.api.replays(this.console.code, token);
      status.textContent = m.cls.checkingTables(tables.length);
      await new Promise((r) => setTimeout(r, 0));
      set = serverTablesToSet(tables, this.deps.known);
    } catch (e) {
      status.textContent = e instanceof Error ? e.message : String(e);
      throw e;
    }
    this.digest = digestOf(set, this.deps.known);
    this.debriefSet = set;
    this.drawDebrief(set);
    const loaded = set.tables.length;
    const problems = set.problems.length;
    const updated = new Date();
    this.debriefStatus = () =>
      [
        loaded ? m.cls.tablesCompared(loaded) : m.cls.noTableToCompare,
        problems ? m.cls.tablesNotChecked(problems) : '',
        m.cls.updatedAt(updated),
      ]
        .filter(Boolean)
        .join(' ');
    status.textContent = this.debriefStatus();
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
      status.textContent = m.cls.noKeyReplays;
      return;
    }
    status.textContent = m.cls.fetchingZip;
    try {
      const blob = await this.deps.api.zip(this.console.code, token);
      saveBlob({ parts: ['backchannel-class', this.console.code, 'replays'], extension: 'zip' }, blob);
      status.textContent = m.cls.zipDownloading;
    } catch (e) {
      status.textContent = e instanceof Error ? e.message : String(e);
    }
  }

  /** Seats two waiting teams together: `first` plays the scenario's first party, `second` the other. */
  private seatTogether(first: string, second: string): void {
    const s = this.scenario;
    if (!s) {
      this.say(m.cls.notDone(m.cls.cannotTellSeats));
      return;
    }
    const [a, b] = sidesOf(s);
    void this.act(() => this.console.seatTogether({ [a]: first, [b]: second }));
  }

  private showBig(): void {
    const link = studentLink(this.deps.origin, this.console.code);
    this.$('#cc-big-body').innerHTML =
      html`<p class="cc-big-code">${this.console.code}</p><p class="cc-big-link">${link}</p><div class="cc-big-qr">${raw(qrSvg(link, m.cls.qrOf(link)))}</div>`.text;
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
        this.$('#cc-pair-info').textContent = this.console.connected ? m.cls.askingCode : m.cls.notConnectedRetry;
        return;
      }
      if (el.id === 'cc-end') {
        if (this.deps.confirm(m.cls.confirmEnd)) void this.act(() => this.console.end());
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
        this.detailShown = null;
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
    // On the root, so that it outlives a redraw of the tabs.
    root.addEventListener('keydown', (ev) => {
      if (!(ev.target as HTMLElement | null)?.closest?.('.cc-tabs')) return;
      if (ev.key !== 'ArrowLeft' && ev.key !== 'ArrowRight' && ev.key !== 'Home' && ev.key !== 'End') return;
      ev.preventDefault();
      const onTables = this.$('#cc-tab-tables').getAttribute('aria-selected') === 'true';
      const next = ev.key === 'Home' ? 'tables' : ev.key === 'End' ? 'debrief' : onTables ? 'debrief' : 'tables';
      this.selectTab(next);
      this.$<HTMLElement>(`#cc-tab-${next}`).focus();
    });
  }
}
