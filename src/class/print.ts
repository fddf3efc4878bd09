// The printed debrief (and the browser's "Save as PDF"): a class overview, then one table per page
// with its outcome, scores, escalation curve and both teams' position memos.
import { escalationChart } from './charts';
import type { ClassDigest, TableView } from './digest';
import { html, type Markup } from './markup';
import { concessionTable, divergence, glance, label, memoList, partiesOf, resultsTable } from './report';
import { num, outcomeName, policyName, rungName } from './words';

function tablePage(d: ClassDigest, t: TableView): Markup {
  const x = t.summary;
  const parties = partiesOf(d.scenario);
  const each = (value: (id: string) => string) => parties.map((p) => `${p.short} ${value(p.id)}`).join(' · ');
  const curve = escalationChart({
    id: `cd-print-curve-${t.n}`,
    title: `Escalation of ${label(t)} ${x.name}`,
    desc: `Rung by round: ${x.rungByRound.map((r, i) => `${i === 0 ? 'start' : `round ${i}`} ${r}`).join(', ')}.`,
    rungNames: d.scenario.ladder.rungs.map((r) => r.name),
    series: [{ label: label(t), name: x.name, rungs: x.rungByRound, style: { color: '#1d4e89', shape: 'circle' } }],
    width: 700,
    height: 260,
  });
  const deal = t.deal
    ? `${num(t.deal.toFrontier)} from the Pareto frontier${t.deal.toNash === null ? '' : `, ${num(t.deal.toNash)} from the Nash point`}`
    : 'no deal';
  return html`<section class="cd-print-page" aria-label="${label(t)} ${x.name}">
<h2>${label(t)} ${x.name}</h2>
<p class="cd-print-outcome"><strong>${outcomeName(x.outcome)}</strong> after ${x.rounds} rounds. ${x.reason}</p>
<dl class="cd-print-facts">
<div><dt>Played by</dt><dd>${each((id) => policyName(d.scenario, x.settings[id] ?? ''))} · seed ${x.seed}</dd></div>
<div><dt>Scores</dt><dd>${each((id) => num(x.scores[id] ?? 0))}</dd></div>
<div><dt>Utilities</dt><dd>${each((id) => num(x.utilities[id] ?? 0))} (${deal})</dd></div>
<div><dt>Final rung</dt><dd>${x.finalRung} ${rungName(d.scenario, x.finalRung)}</dd></div>
<div><dt>First divergent round</dt><dd>${divergence(t)}</dd></div>
<div><dt>Facilitator-added tension</dt><dd>${num(x.facilitatorTension, 1)}</dd></div>
</dl>
<figure class="cd-print-curve">${curve}</figure>
<div class="cd-two">${parties.map((p) => html`<section><h3>${p.name} ${p.symbol} position memo</h3>${memoList(x.memos[p.id] ?? [])}</section>`)}</div>
</section>`;
}

export function printPages(d: ClassDigest): Markup {
  return html`<section class="cd-print-page cd-print-cover" aria-label="Class overview">
<h1>Class debrief: ${d.scenario.title}</h1>
${glance(d)}
${resultsTable(d, 'Results by table')}
${concessionTable(d)}
</section>
${d.tables.map((t) => tablePage(d, t))}`;
}
