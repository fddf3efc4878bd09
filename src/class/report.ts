// The class debrief on screen: the class at a glance, results per table, escalation curves,
// deals on the Pareto chart, who conceded what, and each team's position memo.
import type { Side } from '../core/scenario/constants';
import type { Party, Scenario } from '../core/scenario/schema';
import { sidesOf } from '../core/sides';
import type { JournalEntry } from '../core/types';
import { f, m, shown } from '../i18n';
import { escalationChart, paretoChart, seriesStyle, swatch } from './charts';
import type { ClassDigest, TableView } from './digest';
import { html, type Markup } from './markup';
import { listOf, moveName, num, outcomeName, percent, policyName, rungName } from './words';

/** A table's label on the charts and in the tables: "#3" (the number in the language shown). */
export const label = (t: TableView): string => `#${f.num(t.n)}`;

/** One of the two parties as the debrief names it: its id, names, symbol and colour. */
export interface PartyLabel {
  id: Side;
  short: string;
  name: string;
  symbol: string;
  colour: string;
}

/** The scenario's two parties, first and second (the Pareto chart's x and y). */
export function partiesOf(scenario: Scenario): [PartyLabel, PartyLabel] {
  const words = shown(scenario);
  const one = (id: Side): PartyLabel => {
    const p: Party | undefined = words.parties[id];
    return { id, short: p?.short ?? id, name: p?.name ?? id, symbol: p?.symbol ?? '', colour: p?.colour ?? '#888888' };
  };
  const [a, b] = sidesOf(scenario);
  return [one(a), one(b)];
}

/** The parties' colours as CSS custom properties (`--party-a`, `--party-b`) for a container's style attribute. */
export function partyColours(scenario: Scenario): string {
  const [a, b] = partiesOf(scenario);
  return `--party-a:${a.colour};--party-b:${b.colour}`;
}

/** "<first> 0.61 · <second> 0.48": a per-side value for each party (by its short name), in order. */
function pair(d: ClassDigest, values: Record<Side, number>, digits?: number): string {
  return partiesOf(d.scenario)
    .map((p) => `${p.short} ${num(values[p.id] ?? 0, digits)}`)
    .join(' · ');
}

export function divergence(t: TableView): Markup {
  const r = t.summary.firstDivergentRound;
  if (r === null) return html`<span title="${m.cls.neverLeft}">—</span>`;
  return r === 0 ? html`${f.num(0)} <span class="cd-muted">${m.cls.agendaNote}</span>` : html`${f.num(r)}`;
}

export function glance(d: ClassDigest): Markup {
  const a = d.averages;
  const t = m.cls;
  return html`<dl class="cd-stats">
<div><dt>${t.tables}</dt><dd>${f.num(a.tables)}</dd></div>
<div><dt>${t.agreementRate}</dt><dd>${percent(a.agreementRate)} <span class="cd-muted">${t.nOfM(a.agreements, a.tables)}</span></dd></div>
<div><dt>${t.meanUtility}</dt><dd>${pair(d, a.utilities)}</dd></div>
<div><dt>${t.meanDealUtility}</dt><dd>${a.dealUtilities ? pair(d, a.dealUtilities) : t.noDeals}</dd></div>
<div><dt>${t.meanScore}</dt><dd>${pair(d, a.scores)}</dd></div>
<div><dt>${t.meanRounds}</dt><dd>${num(a.rounds, 1)}</dd></div>
</dl>
<p class="cd-outcomes">${t.outcomesLabel} ${a.outcomes.map((o, i) => html`${i ? ' · ' : ''}${outcomeName(o.kind)} <strong>${f.num(o.count)}</strong>`)}. ${t.seedsLabel(d.seeds.length)} ${d.seeds.join(t.comma)}.</p>`;
}

export function resultsTable(d: ClassDigest, caption: string): Markup {
  const c = m.cls;
  const [a, b] = partiesOf(d.scenario);
  const rows = d.tables.map((t) => {
    const x = t.summary;
    return html`<tr><th scope="row">${label(t)}</th><td class="cd-name">${x.name}</td><td>${policyName(d.scenario, x.settings[a.id] ?? '')} / ${policyName(d.scenario, x.settings[b.id] ?? '')}</td><td>${outcomeName(x.outcome)}</td><td class="cd-num">${f.num(x.rounds)}</td><td class="cd-rung">${c.rungNamed(x.finalRung, rungName(d.scenario, x.finalRung))}</td><td class="cd-num cd-divergence">${divergence(t)}</td><td class="cd-num">${num(x.utilities[a.id] ?? 0)}</td><td class="cd-num">${num(x.utilities[b.id] ?? 0)}</td><td class="cd-num">${num(x.scores[a.id] ?? 0)}</td><td class="cd-num">${num(x.scores[b.id] ?? 0)}</td><td class="cd-num">${num(x.facilitatorTension, 1)}</td></tr>`;
  });
  return html`<div class="cd-scroll"><table class="cd-results"><caption>${caption}</caption>
<thead><tr><th scope="col">#</th><th scope="col">${c.tableFile}</th><th scope="col">${c.playedByHead(a.short, b.short)}</th><th scope="col">${c.outcomeHead}</th><th scope="col">${c.rounds}</th><th scope="col">${c.finalRung}</th><th scope="col">${c.firstDivergent}</th><th scope="col">${c.utilityOf(a.short)}</th><th scope="col">${c.utilityOf(b.short)}</th><th scope="col">${c.scoreOf(a.short)}</th><th scope="col">${c.scoreOf(b.short)}</th><th scope="col">${c.facilitatorTension}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

export function escalationSummary(d: ClassDigest): string {
  const { scenario, tables } = d;
  const start = scenario.ladder.start;
  const finals = new Map<number, string[]>();
  for (const t of tables) finals.set(t.summary.finalRung, [...(finals.get(t.summary.finalRung) ?? []), label(t)]);
  const c = m.cls;
  const ended = [...finals]
    .sort(([a], [b]) => a - b)
    .map(([rung, who]) =>
      c.endedOnRung(
        who.length === tables.length ? null : who.length,
        rung,
        rungName(scenario, rung),
        who.length <= 4 && who.length < tables.length ? listOf(who) : null,
      ),
    );
  const peak = Math.max(...tables.map((t) => Math.max(...t.summary.rungByRound)));
  const peakers = tables.filter((t) => t.summary.rungByRound.includes(peak)).map(label);
  const top = scenario.ladder.rungs.length - 1;
  const war = tables.filter((t) => t.summary.finalRung >= top).map(label);
  return c.escalationSummary({
    start,
    startName: rungName(scenario, start),
    ended,
    peak,
    peakName: rungName(scenario, peak),
    peakers: peakers.length === tables.length ? null : listOf(peakers),
    war: war.length ? listOf(war) : null,
    topName: rungName(scenario, top),
  });
}

export function paretoSummary(d: ClassDigest): string {
  const deals = d.tables.filter((t) => t.deal);
  const c = m.cls;
  const none = d.tables.filter((t) => !t.deal).map((t) => c.labelWithOutcome(label(t), outcomeName(t.summary.outcome)));
  const frontiers = c.distinctFrontiers(d.frontiers.length);
  if (!deals.length) return c.noTableDeal(frontiers);
  const byFrontier = [...deals].sort((a, b) => (a.deal?.toFrontier ?? 0) - (b.deal?.toFrontier ?? 0));
  const closest = byFrontier[0] as TableView;
  const furthest = byFrontier[byFrontier.length - 1] as TableView;
  const withNash = deals.filter((t) => t.deal?.toNash !== null).sort((a, b) => (a.deal?.toNash ?? 0) - (b.deal?.toNash ?? 0));
  const nearestNash = withNash[0];
  return [
    c.tablesDealt(deals.length, d.tables.length, frontiers),
    c.closestFurthest(label(closest), num(closest.deal?.toFrontier ?? 0), label(furthest), num(furthest.deal?.toFrontier ?? 0)),
    nearestNash ? c.nearestNash(label(nearestNash), num(nearestNash.deal?.toNash ?? 0)) : '',
    none.length ? c.noDealPoint(listOf(none)) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function classEscalationChart(d: ClassDigest): Markup {
  return escalationChart({
    id: 'cd-escalation-chart',
    title: m.cls.escalationChartTitle,
    desc: escalationSummary(d),
    rungNames: shown(d.scenario).ladder.rungs.map((r) => r.name),
    series: d.tables.map((t, i) => ({ label: label(t), name: t.summary.name, rungs: t.summary.rungByRound, style: seriesStyle(i) })),
    spread: true,
  });
}

export function classParetoChart(d: ClassDigest): Markup {
  const [a, b] = partiesOf(d.scenario);
  return paretoChart({
    id: 'cd-pareto-chart',
    title: m.cls.dealsVsFrontier,
    desc: paretoSummary(d),
    sides: { a: { name: a.short, symbol: a.symbol }, b: { name: b.short, symbol: b.symbol } },
    frontiers: d.frontiers.map((fr) => ({ ...fr, tables: fr.tables.map((n) => `#${f.num(n)}`) })),
    deals: d.tables.flatMap((t, i) =>
      t.deal ? [{ label: label(t), name: t.summary.name, a: t.deal.a, b: t.deal.b, style: seriesStyle(i) }] : [],
    ),
  });
}

export function legend(d: ClassDigest): Markup {
  const parties = partiesOf(d.scenario);
  return html`<ul class="cd-legend" aria-label="${m.cls.tablesOnCharts}">${d.tables.map(
    (t, i) =>
      html`<li>${swatch(seriesStyle(i))}<strong>${label(t)}</strong> <span class="cd-name">${t.summary.name}</span> <span class="cd-muted cd-legend-players">${parties.map((p) => `${p.short} ${policyName(d.scenario, t.summary.settings[p.id] ?? '')}`).join(' · ')}</span></li>`,
  )}</ul>`;
}

export function concessionTable(d: ClassDigest): Markup {
  const parties = partiesOf(d.scenario);
  const most = Math.max(1e-9, ...d.concessions.flatMap((c) => parties.map((p) => c.totals[p.id] ?? 0)));
  // The bars take the parties' colours from --party-a / --party-b, set on the table from the scenario.
  const cell = (total: number, tables: number, slot: 'a' | 'b') =>
    html`<td><span class="cd-bar cd-bar-${slot}" style="width:${Math.round((total / most) * 100)}%"></span><span class="cd-bar-text">${num(total, 1)} <span class="cd-muted">(${m.cls.nTables(tables)})</span></span></td>`;
  const [a, b] = parties;
  const issues = shown(d.scenario).issues;
  return html`<table class="cd-concessions" style="${partyColours(d.scenario)}"><caption>${m.cls.concessionsCaption}</caption>
<thead><tr><th scope="col">${m.cls.issue}</th><th scope="col">${m.cls.conceded(a.short, a.symbol)}</th><th scope="col">${m.cls.conceded(b.short, b.symbol)}</th></tr></thead>
<tbody>${d.concessions.map((c) => html`<tr><th scope="row">${issues.find((i) => i.id === c.issue)?.name ?? c.name}</th>${cell(c.totals[a.id] ?? 0, c.tables[a.id] ?? 0, 'a')}${cell(c.totals[b.id] ?? 0, c.tables[b.id] ?? 0, 'b')}</tr>`)}</tbody></table>`;
}

export function memoList(entries: readonly JournalEntry[]): Markup {
  if (!entries.length) return html`<p class="cd-muted">${m.cls.noReasons}</p>`;
  return html`<ol class="cd-memo">${entries.map((e) => html`<li><span class="cd-muted">${m.cls.roundMove(e.round, moveName(e.move))}</span> ${e.reason}</li>`)}</ol>`;
}

export function memos(d: ClassDigest, heading: 'h3' | 'h4'): Markup {
  const parties = partiesOf(d.scenario);
  const memosOf = (t: TableView, side: Side) => t.summary.memos[side] ?? [];
  const withMemo = d.tables.filter((t) => parties.some((p) => memosOf(t, p.id).length > 0));
  const without = d.tables.filter((t) => !withMemo.includes(t)).map(label);
  const h = (text: string) => (heading === 'h3' ? html`<h3>${text}</h3>` : html`<h4>${text}</h4>`);
  return html`${withMemo.map(
    (t) =>
      html`<article class="cd-memos">${h(`${label(t)} ${t.summary.name}`)}<div class="cd-two">${parties.map((p) => html`<section><h4>${p.name} ${p.symbol}</h4>${memoList(memosOf(t, p.id))}</section>`)}</div></article>`,
  )}${without.length ? html`<p class="cd-muted">${m.cls.noReasonsBy(listOf(without))}</p>` : ''}`;
}

export function report(d: ClassDigest): Markup {
  const t = m.cls;
  return html`<section class="cd-panel" aria-labelledby="cd-glance-h"><h2 id="cd-glance-h">${t.atAGlance}</h2>${glance(d)}</section>
<section class="cd-panel" aria-labelledby="cd-results-h"><h2 id="cd-results-h">${t.resultsByTable}</h2>${resultsTable(d, t.resultsCaption(d.tables.length, shown(d.scenario).title))}</section>
<section class="cd-panel" aria-labelledby="cd-escalation-h"><h2 id="cd-escalation-h">${t.escalationByRound}</h2><div class="cd-chart-row"><figure>${classEscalationChart(d)}<figcaption>${escalationSummary(d)}</figcaption></figure>${legend(d)}</div></section>
<div class="cd-two cd-wide">
<section class="cd-panel" aria-labelledby="cd-pareto-h"><h2 id="cd-pareto-h">${t.dealsVsFrontier}</h2><figure>${classParetoChart(d)}<figcaption><p class="cd-key"><span class="cd-key-frontier"></span> ${t.keyFrontier} · <span aria-hidden="true">◇</span> ${t.keyRest}</p>${paretoSummary(d)}</figcaption></figure></section>
<section class="cd-panel" aria-labelledby="cd-concessions-h"><h2 id="cd-concessions-h">${t.whoConceded}</h2>${concessionTable(d)}</section>
</div>
<section class="cd-panel" aria-labelledby="cd-memos-h"><h2 id="cd-memos-h">${t.positionMemos}</h2><p class="cd-muted">${t.memosLede}</p>${memos(d, 'h3')}</section>`;
}
