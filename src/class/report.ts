// The class debrief on screen: the class at a glance, results per table, escalation curves,
// deals on the Pareto chart, who conceded what, and each team's position memo.
import type { JournalEntry } from '../core/types';
import { escalationChart, paretoChart, seriesStyle, swatch } from './charts';
import type { ClassDigest, TableView } from './digest';
import { html, type Markup } from './markup';
import { listOf, moveName, num, outcomeName, percent, plural, policyName, rungName } from './words';

export const label = (t: TableView): string => `#${t.n}`;
const sides = (d: ClassDigest) => ({ us: d.scenario.parties.us.short, iran: d.scenario.parties.iran.short });

export function divergence(t: TableView): Markup {
  const r = t.summary.firstDivergentRound;
  if (r === null) return html`<span title="never left the common path">—</span>`;
  return r === 0 ? html`0 <span class="cd-muted">(agenda)</span>` : html`${r}`;
}

export function glance(d: ClassDigest): Markup {
  const a = d.averages;
  const s = sides(d);
  return html`<dl class="cd-stats">
<div><dt>Tables</dt><dd>${a.tables}</dd></div>
<div><dt>Agreement rate</dt><dd>${percent(a.agreementRate)} <span class="cd-muted">(${a.agreements} of ${a.tables})</span></dd></div>
<div><dt>Mean utility</dt><dd>${s.us} ${num(a.utilities.us)} · ${s.iran} ${num(a.utilities.iran)}</dd></div>
<div><dt>Mean utility of the deals</dt><dd>${a.dealUtilities ? `${s.us} ${num(a.dealUtilities.us)} · ${s.iran} ${num(a.dealUtilities.iran)}` : 'no deals'}</dd></div>
<div><dt>Mean score</dt><dd>${s.us} ${num(a.scores.us)} · ${s.iran} ${num(a.scores.iran)}</dd></div>
<div><dt>Mean rounds</dt><dd>${num(a.rounds, 1)}</dd></div>
</dl>
<p class="cd-outcomes">Outcomes: ${a.outcomes.map((o, i) => html`${i ? ' · ' : ''}${outcomeName(o.kind)} <strong>${o.count}</strong>`)}. Seed${d.seeds.length === 1 ? '' : 's'}: ${d.seeds.join(', ')}.</p>`;
}

export function resultsTable(d: ClassDigest, caption: string): Markup {
  const s = sides(d);
  const rows = d.tables.map((t) => {
    const x = t.summary;
    return html`<tr><th scope="row">${label(t)}</th><td class="cd-name">${x.name}</td><td>${policyName(d.scenario, x.settings.us)} / ${policyName(d.scenario, x.settings.iran)}</td><td>${outcomeName(x.outcome)}</td><td class="cd-num">${x.rounds}</td><td class="cd-rung">${x.finalRung} ${rungName(d.scenario, x.finalRung)}</td><td class="cd-num cd-divergence">${divergence(t)}</td><td class="cd-num">${num(x.utilities.us)}</td><td class="cd-num">${num(x.utilities.iran)}</td><td class="cd-num">${num(x.scores.us)}</td><td class="cd-num">${num(x.scores.iran)}</td><td class="cd-num">${num(x.facilitatorTension, 1)}</td></tr>`;
  });
  return html`<div class="cd-scroll"><table class="cd-results"><caption>${caption}</caption>
<thead><tr><th scope="col">#</th><th scope="col">Table (file)</th><th scope="col">${s.us} / ${s.iran} played by (AI or team)</th><th scope="col">Outcome</th><th scope="col">Rounds</th><th scope="col">Final rung</th><th scope="col">First divergent round</th><th scope="col">Utility ${s.us}</th><th scope="col">Utility ${s.iran}</th><th scope="col">Score ${s.us}</th><th scope="col">Score ${s.iran}</th><th scope="col">Facilitator tension</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

export function escalationSummary(d: ClassDigest): string {
  const { scenario, tables } = d;
  const start = scenario.ladder.start;
  const finals = new Map<number, string[]>();
  for (const t of tables) finals.set(t.summary.finalRung, [...(finals.get(t.summary.finalRung) ?? []), label(t)]);
  const ended = [...finals]
    .sort(([a], [b]) => a - b)
    .map(
      ([rung, who]) =>
        `${who.length === tables.length ? 'all' : who.length} on rung ${rung} (${rungName(scenario, rung)})${who.length <= 4 && who.length < tables.length ? `: ${listOf(who)}` : ''}`,
    );
  const peak = Math.max(...tables.map((t) => Math.max(...t.summary.rungByRound)));
  const peakers = tables.filter((t) => t.summary.rungByRound.includes(peak)).map(label);
  const top = scenario.ladder.rungs.length - 1;
  const war = tables.filter((t) => t.summary.finalRung >= top).map(label);
  return `Every table started on rung ${start} (${rungName(scenario, start)}). The tables ended ${ended.join('; ')}. Highest rung reached: ${peak} (${rungName(scenario, peak)}) by ${peakers.length === tables.length ? 'every table' : listOf(peakers)}. ${war.length ? `${listOf(war)} ended in ${rungName(scenario, top)}.` : `No table reached ${rungName(scenario, top)}.`}`;
}

export function paretoSummary(d: ClassDigest): string {
  const deals = d.tables.filter((t) => t.deal);
  const none = d.tables.filter((t) => !t.deal).map((t) => `${label(t)} (${outcomeName(t.summary.outcome).toLowerCase()})`);
  const frontiers = `${plural(d.frontiers.length, 'distinct Pareto frontier')} (tables share one when they drew the same private priorities and agenda)`;
  if (!deals.length) return `No table reached a deal. ${frontiers}.`;
  const byFrontier = [...deals].sort((a, b) => (a.deal?.toFrontier ?? 0) - (b.deal?.toFrontier ?? 0));
  const closest = byFrontier[0] as TableView;
  const furthest = byFrontier[byFrontier.length - 1] as TableView;
  const withNash = deals.filter((t) => t.deal?.toNash !== null).sort((a, b) => (a.deal?.toNash ?? 0) - (b.deal?.toNash ?? 0));
  const nearestNash = withNash[0];
  return [
    `${deals.length} of ${d.tables.length} tables reached a deal; ${frontiers}.`,
    `Closest to its frontier: ${label(closest)} (${num(closest.deal?.toFrontier ?? 0)} away); furthest: ${label(furthest)} (${num(furthest.deal?.toFrontier ?? 0)} away — value left on the table).`,
    nearestNash ? `Nearest its Nash point: ${label(nearestNash)} (${num(nearestNash.deal?.toNash ?? 0)} away).` : '',
    none.length ? `No deal point for ${listOf(none)}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function classEscalationChart(d: ClassDigest): Markup {
  return escalationChart({
    id: 'cd-escalation-chart',
    title: 'Escalation rung by round, one line per table',
    desc: escalationSummary(d),
    rungNames: d.scenario.ladder.rungs.map((r) => r.name),
    series: d.tables.map((t, i) => ({ label: label(t), name: t.summary.name, rungs: t.summary.rungByRound, style: seriesStyle(i) })),
    spread: true,
  });
}

export function classParetoChart(d: ClassDigest): Markup {
  return paretoChart({
    id: 'cd-pareto-chart',
    title: 'Deals against the Pareto frontier',
    desc: paretoSummary(d),
    sides: sides(d),
    frontiers: d.frontiers.map((fr) => ({ ...fr, tables: fr.tables.map((n) => `#${n}`) })),
    deals: d.tables.flatMap((t, i) =>
      t.deal ? [{ label: label(t), name: t.summary.name, us: t.deal.us, iran: t.deal.iran, style: seriesStyle(i) }] : [],
    ),
  });
}

export function legend(d: ClassDigest): Markup {
  const s = sides(d);
  return html`<ul class="cd-legend" aria-label="Tables on the charts">${d.tables.map(
    (t, i) =>
      html`<li>${swatch(seriesStyle(i))}<strong>${label(t)}</strong> <span class="cd-name">${t.summary.name}</span> <span class="cd-muted cd-legend-players">${s.us} ${policyName(d.scenario, t.summary.settings.us)} · ${s.iran} ${policyName(d.scenario, t.summary.settings.iran)}</span></li>`,
  )}</ul>`;
}

export function concessionTable(d: ClassDigest): Markup {
  const s = sides(d);
  const most = Math.max(1e-9, ...d.concessions.flatMap((c) => [c.totals.us, c.totals.iran]));
  const cell = (total: number, tables: number, side: 'us' | 'iran') =>
    html`<td><span class="cd-bar cd-bar-${side}" style="width:${Math.round((total / most) * 100)}%"></span><span class="cd-bar-text">${num(total, 1)} <span class="cd-muted">(${plural(tables, 'table')})</span></span></td>`;
  return html`<table class="cd-concessions"><caption>Concessions summed over all tables: each step is the drop in the conceding side's own score for the issue (0–1), over its successive offers.</caption>
<thead><tr><th scope="col">Issue</th><th scope="col">${s.us} ■ conceded</th><th scope="col">${s.iran} ● conceded</th></tr></thead>
<tbody>${d.concessions.map((c) => html`<tr><th scope="row">${c.name}</th>${cell(c.totals.us, c.tables.us, 'us')}${cell(c.totals.iran, c.tables.iran, 'iran')}</tr>`)}</tbody></table>`;
}

export function memoList(entries: readonly JournalEntry[]): Markup {
  if (!entries.length) return html`<p class="cd-muted">No reasons recorded.</p>`;
  return html`<ol class="cd-memo">${entries.map((e) => html`<li><span class="cd-muted">Round ${e.round} · ${moveName(e.move)}:</span> ${e.reason}</li>`)}</ol>`;
}

export function memos(d: ClassDigest, heading: 'h3' | 'h4'): Markup {
  const s = d.scenario.parties;
  const withMemo = d.tables.filter((t) => t.summary.memos.us.length + t.summary.memos.iran.length > 0);
  const without = d.tables.filter((t) => !withMemo.includes(t)).map(label);
  const h = (text: string) => (heading === 'h3' ? html`<h3>${text}</h3>` : html`<h4>${text}</h4>`);
  return html`${withMemo.map(
    (t) =>
      html`<article class="cd-memos">${h(`${label(t)} ${t.summary.name}`)}<div class="cd-two"><section><h4>${s.us.name} ■</h4>${memoList(t.summary.memos.us)}</section><section><h4>${s.iran.name} ●</h4>${memoList(t.summary.memos.iran)}</section></div></article>`,
  )}${without.length ? html`<p class="cd-muted">No reasons recorded by ${listOf(without)}.</p>` : ''}`;
}

export function report(d: ClassDigest): Markup {
  return html`<section class="cd-panel" aria-labelledby="cd-glance-h"><h2 id="cd-glance-h">The class at a glance</h2>${glance(d)}</section>
<section class="cd-panel" aria-labelledby="cd-results-h"><h2 id="cd-results-h">Results by table</h2>${resultsTable(d, `${plural(d.tables.length, 'table')} of ${d.scenario.title}. First divergent round: the round of the first move that differs from what most tables did at that turn (— if it never left the common path; 0 is the agenda dispute).`)}</section>
<section class="cd-panel" aria-labelledby="cd-escalation-h"><h2 id="cd-escalation-h">Escalation by round</h2><div class="cd-chart-row"><figure>${classEscalationChart(d)}<figcaption>${escalationSummary(d)}</figcaption></figure>${legend(d)}</div></section>
<div class="cd-two cd-wide">
<section class="cd-panel" aria-labelledby="cd-pareto-h"><h2 id="cd-pareto-h">Deals against the Pareto frontier</h2><figure>${classParetoChart(d)}<figcaption><p class="cd-key"><span class="cd-key-frontier"></span> Pareto frontier (faint; one per distinct seed and agenda) · <span aria-hidden="true">◇</span> Nash point · dashed: walk-away values · markers: deals, labelled by table</p>${paretoSummary(d)}</figcaption></figure></section>
<section class="cd-panel" aria-labelledby="cd-concessions-h"><h2 id="cd-concessions-h">Who conceded what</h2>${concessionTable(d)}</section>
</div>
<section class="cd-panel" aria-labelledby="cd-memos-h"><h2 id="cd-memos-h">Position memos</h2><p class="cd-muted">Each team's one-line reasons for its moves, from the decision journal.</p>${memos(d, 'h3')}</section>`;
}
