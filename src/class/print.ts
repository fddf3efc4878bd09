// The printed debrief (and the browser's "Save as PDF"): a class overview, then one table per page
// with its outcome, scores, escalation curve and both teams' position memos.

import { m, shown } from '../i18n';
import { outcomeText } from '../i18n/logWords';
import { escalationChart } from './charts';
import type { ClassDigest, TableView } from './digest';
import { html, type Markup } from './markup';
import { concessionTable, divergence, glance, label, memoList, partiesOf, resultsTable } from './report';
import { num, outcomeName, policyName, rungName } from './words';

function tablePage(d: ClassDigest, t: TableView): Markup {
  const x = t.summary;
  const c = m.cls;
  const parties = partiesOf(d.scenario);
  const each = (value: (id: string) => string) => parties.map((p) => `${p.short} ${value(p.id)}`).join(' · ');
  const curve = escalationChart({
    id: `cd-print-curve-${t.n}`,
    title: c.escalationOf(label(t), x.name),
    desc: c.rungByRound(x.rungByRound.map((r, i) => c.rungAt(i, r))),
    rungNames: shown(d.scenario).ladder.rungs.map((r) => r.name),
    series: [{ label: label(t), name: x.name, rungs: x.rungByRound, style: { color: '#1d4e89', shape: 'circle' } }],
    width: 700,
    height: 260,
  });
  const deal = t.deal ? c.dealDistance(num(t.deal.toFrontier), t.deal.toNash === null ? null : num(t.deal.toNash)) : c.noDeal;
  return html`<section class="cd-print-page" aria-label="${label(t)} ${x.name}">
<h2>${label(t)} ${x.name}</h2>
<p class="cd-print-outcome"><strong>${outcomeName(x.outcome)}</strong> ${c.afterRounds(x.rounds)} ${t.ending ? outcomeText(t.ending, d.scenario) : x.reason}</p>
<dl class="cd-print-facts">
<div><dt>${c.playedBy}</dt><dd>${each((id) => policyName(d.scenario, x.settings[id] ?? ''))} · ${c.seedIs(x.seed)}</dd></div>
<div><dt>${c.scores}</dt><dd>${each((id) => num(x.scores[id] ?? 0))}</dd></div>
<div><dt>${c.utilities}</dt><dd>${each((id) => num(x.utilities[id] ?? 0))} (${deal})</dd></div>
<div><dt>${c.finalRung}</dt><dd>${c.rungNamed(x.finalRung, rungName(d.scenario, x.finalRung))}</dd></div>
<div><dt>${c.firstDivergent}</dt><dd>${divergence(t)}</dd></div>
<div><dt>${c.facilitatorTensionLong}</dt><dd>${num(x.facilitatorTension, 1)}</dd></div>
</dl>
<figure class="cd-print-curve">${curve}</figure>
<div class="cd-two">${parties.map((p) => html`<section><h3>${c.positionMemoOf(p.name, p.symbol)}</h3>${memoList(x.memos[p.id] ?? [])}</section>`)}</div>
</section>`;
}

export function printPages(d: ClassDigest): Markup {
  const c = m.cls;
  return html`<section class="cd-print-page cd-print-cover" aria-label="${c.classOverview}">
<h1>${c.classDebriefOf(shown(d.scenario).title)}</h1>
${glance(d)}
${resultsTable(d, c.resultsByTable)}
${concessionTable(d)}
</section>
${d.tables.map((t) => tablePage(d, t))}`;
}
