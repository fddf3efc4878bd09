// Hand-written SVG charts for the class debrief: escalation curves overlaid and every deal on one
// Pareto chart. Each table has a colour AND a marker shape AND a "#n" label, so colour never carries
// meaning alone; every chart has a <title>, a <desc> and a text summary next to it.
import { f as format, m } from '../i18n';
import { html, type Markup } from './markup';

// No diamond among the tables' shapes: on the Pareto chart a diamond is a Nash point.
export type MarkerShape = 'circle' | 'square' | 'triangle' | 'triangle-down' | 'cross' | 'x';
const SHAPES: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'triangle-down', 'cross', 'x'];
/** Twelve colours that stay apart on the war-room navy. */
const COLORS = [
  '#5aa2ff',
  '#f2c14e',
  '#ff7a7a',
  '#52d1a0',
  '#c792ea',
  '#ffa646',
  '#4dd0e1',
  '#f48fb1',
  '#a5d66f',
  '#c4ccd6',
  '#ffd3a1',
  '#8c9eff',
];

export interface SeriesStyle {
  color: string;
  shape: MarkerShape;
}

/** Table i's look; the shape shifts every twelve tables so no two of the first 72 look alike. */
export function seriesStyle(i: number): SeriesStyle {
  return { color: COLORS[i % COLORS.length] as string, shape: SHAPES[(i + Math.floor(i / COLORS.length)) % SHAPES.length] as MarkerShape };
}

const f = (x: number) => (Math.round(x * 10) / 10).toString();

export function marker(shape: MarkerShape, x: number, y: number, r: number, color: string): Markup {
  const paint = html`fill="${color}" stroke="#070d16" stroke-width="1"`;
  switch (shape) {
    case 'circle':
      return html`<circle cx="${f(x)}" cy="${f(y)}" r="${f(r)}" ${paint}/>`;
    case 'square':
      return html`<rect x="${f(x - r)}" y="${f(y - r)}" width="${f(2 * r)}" height="${f(2 * r)}" ${paint}/>`;
    case 'x': {
      const a = r * 0.95;
      const b = r * 0.35;
      return html`<path d="M${f(x - a)} ${f(y - a + b)}L${f(x - a + b)} ${f(y - a)}L${f(x)} ${f(y - b)}L${f(x + a - b)} ${f(y - a)}L${f(x + a)} ${f(y - a + b)}L${f(x + b)} ${f(y)}L${f(x + a)} ${f(y + a - b)}L${f(x + a - b)} ${f(y + a)}L${f(x)} ${f(y + b)}L${f(x - a + b)} ${f(y + a)}L${f(x - a)} ${f(y + a - b)}L${f(x - b)} ${f(y)}Z" ${paint}/>`;
    }
    case 'triangle':
      return html`<path d="M${f(x)} ${f(y - r * 1.3)}L${f(x + r * 1.2)} ${f(y + r)}L${f(x - r * 1.2)} ${f(y + r)}Z" ${paint}/>`;
    case 'triangle-down':
      return html`<path d="M${f(x)} ${f(y + r * 1.3)}L${f(x + r * 1.2)} ${f(y - r)}L${f(x - r * 1.2)} ${f(y - r)}Z" ${paint}/>`;
    case 'cross': {
      const k = r * 0.45;
      return html`<path d="M${f(x - k)} ${f(y - r)}h${f(2 * k)}v${f(r - k)}h${f(r - k)}v${f(2 * k)}h${f(k - r)}v${f(r - k)}h${f(-2 * k)}v${f(k - r)}h${f(k - r)}v${f(-2 * k)}h${f(r - k)}Z" ${paint}/>`;
    }
  }
}

/** A small legend swatch: the table's line with its marker. */
export function swatch(style: SeriesStyle): Markup {
  return html`<svg class="cd-swatch" width="30" height="14" viewBox="0 0 30 14" aria-hidden="true"><line x1="1" y1="7" x2="29" y2="7" stroke="${style.color}" stroke-width="2"/>${marker(style.shape, 15, 7, 4.5, style.color)}</svg>`;
}

export interface LabelRequest {
  x: number;
  y: number;
  text: string;
}

/**
 * Places labels left-aligned at (x, y), nudging each one up or down a line at a time until it clears
 * the labels placed before it (greedy, in the order given) and stays inside [top, bottom].
 */
export function placeLabels(
  items: readonly LabelRequest[],
  bounds: { top: number; bottom: number },
  charWidth = 6.8,
  lineHeight = 13,
): { x: number; y: number }[] {
  const placed: { x: number; y: number; w: number }[] = [];
  const clash = (x: number, y: number, w: number) =>
    placed.some((p) => x < p.x + p.w + 2 && p.x < x + w + 2 && Math.abs(p.y - y) < lineHeight - 0.5) ||
    y - lineHeight / 2 < bounds.top ||
    y + lineHeight / 2 > bounds.bottom;
  return items.map((item) => {
    const w = item.text.length * charWidth;
    let y = item.y;
    for (let k = 0; k < 40; k++) {
      const step = Math.ceil(k / 2) * (k % 2 ? 1 : -1) * lineHeight;
      if (!clash(item.x, item.y + step, w)) {
        y = item.y + step;
        break;
      }
    }
    placed.push({ x: item.x, y, w });
    return { x: item.x, y };
  });
}

export interface EscalationSeries {
  label: string;
  name: string;
  rungs: readonly number[];
  style: SeriesStyle;
}

export interface EscalationChartOptions {
  title: string;
  desc: string;
  rungNames: readonly string[];
  series: readonly EscalationSeries[];
  /** Offset overlapping lines a little so twelve identical curves still read as twelve. */
  spread?: boolean;
  width?: number;
  height?: number;
  id: string;
}

export function escalationChart(o: EscalationChartOptions): Markup {
  const width = o.width ?? 820;
  const height = o.height ?? 360;
  const box = { left: 138, right: 62, top: 14, bottom: 42 };
  const plotW = width - box.left - box.right;
  const plotH = height - box.top - box.bottom;
  const top = o.rungNames.length - 1;
  const maxRound = Math.max(1, ...o.series.map((s) => s.rungs.length - 1));
  const x = (round: number) => box.left + (round / maxRound) * plotW;
  const y = (rung: number) => box.top + ((top - rung) / top) * plotH;
  const n = o.series.length;
  const step = o.spread && n > 1 ? Math.min(3, (0.55 * plotH) / top / n) : 0;
  const offset = (i: number) => (i - (n - 1) / 2) * step;
  const every = maxRound > 24 ? 5 : maxRound > 12 ? 2 : 1;

  const grid = o.rungNames.map(
    (name, k) =>
      html`<line class="cd-grid${k === top ? ' cd-grid-danger' : ''}" x1="${box.left}" x2="${box.left + plotW}" y1="${f(y(k))}" y2="${f(y(k))}"/><text class="cd-axis-label" x="${box.left - 8}" y="${f(y(k) + 4)}" text-anchor="end">${m.cls.rungNamed(k, name)}</text>`,
  );
  const ticks = Array.from({ length: maxRound + 1 }, (_, r) => r)
    .filter((r) => r % every === 0 || r === maxRound)
    .map(
      (r) =>
        html`<line class="cd-tick" x1="${f(x(r))}" x2="${f(x(r))}" y1="${box.top + plotH}" y2="${box.top + plotH + 5}"/><text class="cd-axis-label" x="${f(x(r))}" y="${box.top + plotH + 18}" text-anchor="middle">${r === 0 ? m.cls.start : format.num(r)}</text>`,
    );
  const lines = o.series.map((s, i) => {
    const pts = s.rungs.map((rung, r) => [x(r), y(rung) + offset(i)] as const);
    return html`<g class="cd-series"><title>${m.cls.seriesTitle(s.label, s.name, s.rungs)}</title><polyline class="cd-series-line" points="${pts.map(([px, py]) => `${f(px)},${f(py)}`).join(' ')}" fill="none" stroke="${s.style.color}" stroke-width="2" stroke-linejoin="round"/>${pts.map(([px, py]) => marker(s.style.shape, px, py, 3.5, s.style.color))}</g>`;
  });
  const ends = o.series.map((s, i) => ({
    x: x(s.rungs.length - 1) + 7,
    y: y(s.rungs[s.rungs.length - 1] ?? 0) + offset(i) + 4,
    text: s.label,
  }));
  const order = ends.map((_, i) => i).sort((a, b) => (ends[b]?.x ?? 0) - (ends[a]?.x ?? 0) || (ends[a]?.y ?? 0) - (ends[b]?.y ?? 0));
  const spots = placeLabels(
    order.map((i) => ends[i] as LabelRequest),
    { top: 0, bottom: height - 20 },
  );
  const labels = order.map((i, k) => {
    const spot = spots[k] as { x: number; y: number };
    const s = o.series[i] as EscalationSeries;
    return html`<text class="cd-end-label" x="${f(spot.x)}" y="${f(spot.y)}" fill="${s.style.color}">${s.label}</text>`;
  });
  return html`<svg class="cd-chart" id="${o.id}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${o.id}-title ${o.id}-desc"><title id="${o.id}-title">${o.title}</title><desc id="${o.id}-desc">${o.desc}</desc>${grid}<line class="cd-axis" x1="${box.left}" x2="${box.left + plotW}" y1="${box.top + plotH}" y2="${box.top + plotH}"/>${ticks}<text class="cd-axis-title" x="${box.left + plotW / 2}" y="${height - 4}" text-anchor="middle">${m.cls.round}</text>${lines}${labels}</svg>`;
}

/** Utilities on the chart: `a` for the first party (the x axis), `b` for the second (the y axis). */
export interface AxisPoint {
  a: number;
  b: number;
}

export interface ParetoDeal extends AxisPoint {
  label: string;
  name: string;
  style: SeriesStyle;
}

export interface ParetoFrontier {
  points: readonly AxisPoint[];
  nash: AxisPoint | null;
  reservation: AxisPoint;
  tables: readonly string[];
}

/** A party as the chart names it: its short name and its symbol (the scenario's). */
export interface AxisParty {
  name: string;
  symbol: string;
}

export interface ParetoChartOptions {
  title: string;
  desc: string;
  frontiers: readonly ParetoFrontier[];
  deals: readonly ParetoDeal[];
  /** The first party (x axis) and the second (y axis). */
  sides: { a: AxisParty; b: AxisParty };
  id: string;
}

/** "<first> 0.61, <second> 0.48": a point's utilities by the parties' short names. */
const pointText = (sides: ParetoChartOptions['sides'], p: AxisPoint): string =>
  `${sides.a.name} ${format.num(p.a, 2)}${m.cls.comma}${sides.b.name} ${format.num(p.b, 2)}`;

export function paretoChart(o: ParetoChartOptions): Markup {
  const width = 500;
  const height = 440;
  const box = { left: 58, right: 48, top: 14, bottom: 50 };
  const plotW = width - box.left - box.right;
  const plotH = height - box.top - box.bottom;
  // Zoom on the bargaining zone: from a little below the walk-away values and deals to the frontier's reach.
  const floor10 = (v: number) => Math.max(0, Math.floor(v * 10 + 1e-9) / 10);
  const ceil10 = (v: number) => Math.min(1, Math.ceil(v * 10 - 1e-9) / 10);
  const anchors = [...o.frontiers.map((fr) => fr.reservation), ...o.deals];
  const lx = floor10(Math.min(1, ...anchors.map((p) => p.a)) - 0.05);
  const ly = floor10(Math.min(1, ...anchors.map((p) => p.b)) - 0.05);
  const reach = o.frontiers.flatMap((fr) => fr.points);
  const hx = Math.max(lx + 0.2, ceil10(Math.max(...reach.filter((p) => p.b >= ly).map((p) => p.a), ...anchors.map((p) => p.a))));
  const hy = Math.max(ly + 0.2, ceil10(Math.max(...reach.filter((p) => p.a >= lx).map((p) => p.b), ...anchors.map((p) => p.b))));
  const x = (u: number) => box.left + ((u - lx) / (hx - lx)) * plotW;
  const y = (u: number) => box.top + plotH - ((u - ly) / (hy - ly)) * plotH;
  const ticks = (from: number, to: number) =>
    Array.from({ length: Math.round((to - from) * 10) + 1 }, (_, k) => Math.round((from + k / 10) * 10) / 10);

  const grid = [
    ...ticks(lx, hx).map(
      (t) =>
        html`<line class="cd-grid" x1="${f(x(t))}" x2="${f(x(t))}" y1="${box.top}" y2="${box.top + plotH}"/><text class="cd-axis-label" x="${f(x(t))}" y="${box.top + plotH + 16}" text-anchor="middle">${format.num(t, 1)}</text>`,
    ),
    ...ticks(ly, hy).map(
      (t) =>
        html`<line class="cd-grid" x1="${box.left}" x2="${box.left + plotW}" y1="${f(y(t))}" y2="${f(y(t))}"/><text class="cd-axis-label" x="${box.left - 8}" y="${f(y(t) + 4)}" text-anchor="end">${format.num(t, 1)}</text>`,
    ),
  ];
  const seen = new Set<string>();
  const walkAway = o.frontiers
    .filter((fr) => {
      const key = `${fr.reservation.a.toFixed(4)}:${fr.reservation.b.toFixed(4)}`;
      return !seen.has(key) && seen.add(key);
    })
    .map(
      (fr, i) =>
        html`<g class="cd-walkaway"><title>${m.cls.walkAwayValues(pointText(o.sides, fr.reservation))}</title><line x1="${f(x(fr.reservation.a))}" x2="${f(x(fr.reservation.a))}" y1="${box.top}" y2="${box.top + plotH}"/><line x1="${box.left}" x2="${box.left + plotW}" y1="${f(y(fr.reservation.b))}" y2="${f(y(fr.reservation.b))}"/>${
          i === 0
            ? html`<text class="cd-note" x="${f(x(fr.reservation.a) + 4)}" y="${box.top + 12}">${m.cls.walkAwayOf(o.sides.a.name)}</text><text class="cd-note" x="${box.left + plotW - 4}" y="${f(y(fr.reservation.b) + 14)}" text-anchor="end">${m.cls.walkAwayOf(o.sides.b.name)}</text>`
            : ''
        }</g>`,
    );
  const frontierLines = o.frontiers.map(
    (fr) =>
      html`<g class="cd-frontier" clip-path="url(#${o.id}-clip)"><title>${m.cls.frontierOf(fr.tables)}</title><polyline points="${fr.points.map((p) => `${f(x(p.a))},${f(y(p.b))}`).join(' ')}" fill="none"/></g>`,
  );
  const nashPoints = o.frontiers
    .filter((fr) => fr.nash)
    .map((fr) => {
      const p = fr.nash as AxisPoint;
      const cx = x(p.a);
      const cy = y(p.b);
      return html`<g class="cd-nash"><title>${m.cls.nashOf(fr.tables, pointText(o.sides, p))}</title><path d="M${f(cx)} ${f(cy - 7)}L${f(cx + 7)} ${f(cy)}L${f(cx)} ${f(cy + 7)}L${f(cx - 7)} ${f(cy)}Z"/></g>`;
    });

  // Deals at the same spot share one label ("#2 #6").
  const clusters: { x: number; y: number; deals: ParetoDeal[] }[] = [];
  for (const d of o.deals) {
    const px = x(d.a);
    const py = y(d.b);
    const near = clusters.find((c) => Math.hypot(c.x - px, c.y - py) < 3);
    if (near) near.deals.push(d);
    else clusters.push({ x: px, y: py, deals: [d] });
  }
  const dealMarks = o.deals.map(
    (d) =>
      html`<g class="cd-deal"><title>${d.label} ${d.name}: ${pointText(o.sides, d)}</title>${marker(d.style.shape, x(d.a), y(d.b), 5, d.style.color)}</g>`,
  );
  const requests = clusters.map((c) => ({ x: c.x + 8, y: c.y + 4, text: c.deals.map((d) => d.label).join(' ') }));
  const order = requests.map((_, i) => i).sort((a, b) => (requests[a]?.y ?? 0) - (requests[b]?.y ?? 0));
  const spots = placeLabels(
    order.map((i) => requests[i] as LabelRequest),
    { top: box.top, bottom: box.top + plotH },
  );
  const dealLabels = order.map((i, k) => {
    const spot = spots[k] as { x: number; y: number };
    const c = clusters[i] as (typeof clusters)[number];
    const text = (requests[i] as LabelRequest).text;
    // Keep a label inside the plot: flip it to the left of its point near the right edge.
    const flip = spot.x + text.length * 6.8 > width - 2;
    const leader =
      Math.abs(spot.y - 4 - c.y) > 6
        ? html`<line class="cd-leader" x1="${f(c.x)}" y1="${f(c.y)}" x2="${f(flip ? c.x - 6 : spot.x - 1)}" y2="${f(spot.y - 4)}"/>`
        : '';
    return html`${leader}<text class="cd-deal-label" x="${f(flip ? c.x - 8 : spot.x)}" y="${f(spot.y)}" text-anchor="${flip ? 'end' : 'start'}">${text}</text>`;
  });

  return html`<svg class="cd-chart cd-pareto" id="${o.id}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${o.id}-title ${o.id}-desc"><title id="${o.id}-title">${o.title}</title><desc id="${o.id}-desc">${o.desc}</desc><clipPath id="${o.id}-clip"><rect x="${box.left}" y="${box.top}" width="${plotW}" height="${plotH}"/></clipPath>${grid}${walkAway}${frontierLines}${nashPoints}${dealMarks}${dealLabels}<text class="cd-axis-title" x="${box.left + plotW / 2}" y="${height - 8}" text-anchor="middle">${m.cls.utilityTo(o.sides.a.name, o.sides.a.symbol)}</text><text class="cd-axis-title" transform="translate(14 ${box.top + plotH / 2}) rotate(-90)" text-anchor="middle">${m.cls.utilityTo(o.sides.b.name, o.sides.b.symbol)}</text></svg>`;
}
