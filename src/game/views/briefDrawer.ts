// Your brief, re-read at the table: a drawer over the table with your priorities (your true issue
// weights), your red lines, what walking away is worth, and what you believe of the other side's
// priorities now, with the ranges intelligence has narrowed since the talks began marked.
import type Phaser from 'phaser';
import type { Session } from '../../app/session';
import type { Scenario } from '../../core/scenario/schema';
import { otherSide } from '../../core/sides';
import type { GameState, Side } from '../../core/types';
import type { TextSection } from '../../dom/screenText';
import { m, shown } from '../../i18n';
import { COLOR, sideColor } from '../theme';
import { type DrawButton, fitBlock, label, overlay, panel, text } from '../ui';
import { drawWeightBars } from './weights';

export interface Narrowing {
  /** Index of the issue in the scenario. */
  issue: number;
  /** What the brief believed at the start of the talks. */
  initial: [number, number];
  /** The round of the intelligence that narrowed it, when the log tells. */
  round: number | null;
}

const pct = (v: number) => Math.round(v * 100);

/**
 * The other side's weight ranges that differ from the scenario's briefed ranges (only intelligence
 * narrows them), each with the round of the intelligence event that did it. The round is found by
 * following the rule (each intelligence event for `side` halves the widest range, ties to the first
 * issue) over the log's events; when that does not account for exactly the ranges that changed
 * (a custom event, say), the round is left unknown.
 */
export function intelNarrowings(scenario: Scenario, game: GameState, side: Side): Narrowing[] {
  const other = otherSide(scenario, side);
  const initial = scenario.issues.map((issue) => [...(issue.believed[other] ?? [0, 1])] as [number, number]);
  const current = game.beliefs[side] ?? [];
  const changed = initial.flatMap((range, i) => {
    const now = current[i];
    return now && (now[0] !== range[0] || now[1] !== range[1]) ? [i] : [];
  });
  const widths = initial.map(([lo, hi]) => hi - lo);
  const rounds = new Map<number, number>();
  for (const entry of game.log) {
    if (entry.kind !== 'event') continue;
    const event = scenario.events.find((e) => e.id === entry.ref);
    if (event?.effects.intel !== side) continue;
    let widest = 0;
    widths.forEach((w, i) => {
      if (w > (widths[widest] ?? 0)) widest = i;
    });
    widths[widest] = (widths[widest] ?? 0) / 2;
    rounds.set(widest, entry.round);
  }
  const accounted = rounds.size === changed.length && changed.every((i) => rounds.has(i));
  return changed.map((i) => ({ issue: i, initial: initial[i] as [number, number], round: accounted ? (rounds.get(i) ?? null) : null }));
}

function narrowedWords(n: Narrowing): string {
  return m.table.narrowed(n.round);
}

/** The drawer's text version, for the screen text while it is open. */
export function describeBrief(s: Session): TextSection[] {
  const { scenario, game } = s;
  const words = shown(scenario);
  const t = m.table;
  const brief = words.parties[s.side]!.privateBrief;
  const them = words.parties[s.opponent]!.short;
  const mine = game.types[s.side]!;
  const [rlo, rhi] = scenario.parties[s.opponent]!.reservation;
  const narrowed = intelNarrowings(scenario, game, s.side);
  return [
    {
      heading: t.briefOpenHeading,
      lines: [t.walkAwayWorth(pct(mine.reservation)), ...brief.priorities.map((p) => t.priority(p))],
    },
    {
      heading: t.howMuchMatters,
      lines: words.issues.map((issue, i) => t.issueShare(issue.name, pct(mine.weights[i] ?? 0))),
    },
    { heading: t.redLines, lines: brief.redLines },
    {
      heading: t.believeHeading(them),
      lines: [
        ...words.issues.map((issue, i) => {
          const [lo, hi] = game.beliefs[s.side]?.[i] ?? [0, 0];
          return t.believedRange(issue.name, pct(lo), pct(hi));
        }),
        ...narrowed.map((n) => t.narrowedNote(words.issues[n.issue]?.name ?? '', narrowedWords(n), pct(n.initial[0]), pct(n.initial[1]))),
        ...(narrowed.length === 0 ? [t.noIntel] : []),
        t.theirWalkAway(pct(rlo), pct(rhi)),
      ],
    },
  ];
}

/** The drawer over the table (below the header), with its Close button. */
export function drawBriefDrawer(scene: Phaser.Scene, s: Session, o: { button: (b: DrawButton) => void; close: () => void }): void {
  const { scenario, game } = s;
  const words = shown(scenario);
  const t = m.table;
  const brief = words.parties[s.side]!.privateBrief;
  const them = words.parties[s.opponent]!;
  const mine = game.types[s.side]!;
  overlay(scene);
  scene.add.rectangle(0, 45, 1280, 675, 0x02060c, 0.72).setOrigin(0);
  const r = { x: 40, y: 56, w: 1200, h: 652 };
  panel(scene, r, { fill: 0x111c2e, edge: COLOR.brass, alpha: 1, radius: 14 });
  const bottom = r.y + r.h - 64;

  fitBlock(scene, bottom, () => {
    const x = 64;
    label(scene, x, 74, t.eyesOnly, COLOR.danger);
    label(scene, x, 96, t.priorities);
    const pri = text(scene, x, 114, brief.priorities.map((p) => `• ${p}`).join('\n'), { size: 13, wrap: 540, lineSpacing: 3 });
    let y = pri.y + pri.height + 14;
    label(scene, x, y, t.howMuchMatters);
    y += 18;
    y += drawWeightBars(
      scene,
      x,
      y,
      540,
      words.issues.map((issue, i) => ({ name: issue.name, value: mine.weights[i] ?? 0 })),
      { color: sideColor(scenario, s.side), rowH: 22, nameW: 190 },
    );
    label(scene, x, y + 12, t.redLines, COLOR.danger);
    text(scene, x, y + 30, brief.redLines.map((p) => `✕ ${p}`).join('\n'), { size: 13, wrap: 540, lineSpacing: 3 });
  });

  fitBlock(scene, bottom, () => {
    const x = 652;
    const worth = text(scene, x, 72, t.walkAwayWorth(pct(mine.reservation)), { size: 14, weight: 600, color: COLOR.brass, wrap: 560 });
    let y = worth.y + worth.height + 16;
    label(scene, x, y, t.believeAsOf(them.short, game.round), sideColor(scenario, s.opponent));
    y += 20;
    const narrowed = intelNarrowings(scenario, game, s.side);
    const rowH = 24;
    drawWeightBars(
      scene,
      x,
      y,
      500,
      words.issues.map((issue, i) => ({ name: issue.name, range: game.beliefs[s.side]?.[i] ?? [0, 0] })),
      { color: sideColor(scenario, s.opponent), rowH, nameW: 190 },
    );
    for (const n of narrowed)
      text(scene, x + 506, y + n.issue * rowH + 1, `◆ ${t.intel}`, { size: 11, weight: 700, color: COLOR.warn, scalable: false });
    y += scenario.issues.length * rowH + 10;
    const notes = narrowed.length
      ? narrowed
          .map((n) => `◆ ${t.narrowedNoteShort(words.issues[n.issue]?.name ?? '', narrowedWords(n), pct(n.initial[0]), pct(n.initial[1]))}`)
          .join('\n')
      : t.noIntelDrawer;
    const notesText = text(scene, x, y, notes, { size: 13, wrap: 560, color: narrowed.length ? COLOR.warn : COLOR.muted, lineSpacing: 3 });
    const [rlo, rhi] = scenario.parties[s.opponent]!.reservation;
    text(scene, x, notesText.y + notesText.height + 12, t.theirWalkAway(pct(rlo), pct(rhi)), {
      size: 13,
      wrap: 560,
      color: COLOR.muted,
    });
  });

  o.button({
    key: 'close-brief',
    caption: `${t.close}  ✕`,
    label: t.closeBriefLabel,
    rect: { x: r.x + r.w - 224, y: r.y + r.h - 56, w: 200, h: 42 },
    look: 'primary',
    onPress: o.close,
    size: 14,
  });
}
