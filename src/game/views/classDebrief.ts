// The classroom part of the debrief: each team's position memo (its one-line reasons, by round and
// move), how well each team read the other (perception checks against the truth), and the split of
// escalation risk between what the students did, what the world did and what the facilitator added.
import type Phaser from 'phaser';
import { positionMemo, riskByCause, scorePerception } from '../../core/classroom';
import type { Side } from '../../core/scenario/constants';
import type { Scenario } from '../../core/scenario/schema';
import { otherSide, sidesOf } from '../../core/sides';
import { controllerOf, type GameState } from '../../core/types';
import type { TextSection } from '../../dom/screenText';
import { m, shown } from '../../i18n';
import { COLOR, sideColor, sideGlyph } from '../theme';
import { label, text } from '../ui';
import { riskEntryText } from './riskText';

const signed = (n: number) => m.debrief.signed(n);

/** The one human side of a solo game (the other side is the AI), or null for a hot-seat or all-AI game. */
export function soloPlayer(game: GameState): Side | null {
  const humans = sidesOf(game).filter((side) => controllerOf(game.settings, side) === 'human');
  return humans.length === 1 ? (humans[0] as Side) : null;
}

/** Whether a side's perception checks belong in the debrief: every side but the AI of a solo game. */
function checksPerception(game: GameState, side: Side): boolean {
  const player = soloPlayer(game);
  return player === null || player === side;
}

/** A side's name as the debrief says it: "<party> team" in class, "<party> (you)" or "<party> (the AI)" in solo. */
function whose(scenario: Scenario, game: GameState, side: Side): string {
  const player = soloPlayer(game);
  const short = shown(scenario).parties[side]!.short;
  if (player === null) return m.debrief.team(short);
  return side === player ? m.debrief.you(short) : m.debrief.theAi(short);
}

/**
 * Tension by who caused it: the students (moves, agenda, home politics), the world (events), the
 * facilitator. A solo game says "your moves" and the AI's instead of the students', and names the
 * facilitator only if one took part (a PIN can be set in solo too).
 */
export function riskSplit(
  game: GameState,
  scenario?: Scenario,
): { students: number; world: number; facilitator: number; sentence: string } {
  const t = riskByCause(game);
  const students = t.move + t.agenda + t.domestic;
  const world = t.event;
  const facilitator = t.facilitator;
  const player = soloPlayer(game);
  if (player !== null) {
    const byPlayers = game.risk.filter((r) => r.cause === 'move' || r.cause === 'agenda' || r.cause === 'domestic');
    const of = (side: Side) => byPlayers.filter((r) => r.side === side).reduce((sum, r) => sum + r.tension, 0);
    const ai: Side = otherSide(game, player);
    const added = game.risk.some((r) => r.cause === 'facilitator') ? signed(facilitator) : null;
    return {
      students,
      world,
      facilitator,
      sentence: m.debrief.splitSolo(
        signed(of(player)),
        scenario ? shown(scenario).parties[ai]!.short : null,
        signed(of(ai)),
        signed(world),
        added,
      ),
    };
  }
  return {
    students,
    world,
    facilitator,
    sentence: m.debrief.splitClass(signed(students), signed(world), signed(facilitator)),
  };
}

/** The facilitator's entries in the escalation timeline, labelled as such. */
export function facilitatorTimeline(game: GameState, scenario?: Scenario): string[] {
  return game.risk
    .filter((r) => r.cause === 'facilitator')
    .map((r) => m.debrief.facilitatorEntry(r.round, riskEntryText(r, scenario), signed(r.tension)));
}

function issueName(scenario: Scenario, id: string): string {
  return shown(scenario).issues.find((i) => i.id === id)?.name ?? id;
}

function memoLines(scenario: Scenario, game: GameState, side: Side): string[] {
  const memo = positionMemo(game, side);
  return memo.length
    ? memo.map((j) => m.debrief.memoLine(j.round, m.debrief.memoMove[j.move] ?? j.move, j.reason))
    : [m.debrief.noReasons(shown(scenario).parties[side]!.short)];
}

function perceptionLines(scenario: Scenario, game: GameState, side: Side): string[] {
  const p = scorePerception(scenario, game)[side]!;
  const them = shown(scenario).parties[otherSide(scenario, side)]!.short;
  const out = [m.debrief.truthAbout(them, issueName(scenario, p.truth.priority), issueName(scenario, p.truth.redLine))];
  if (p.accuracy === null) out.push(m.debrief.noChecks);
  else {
    out.push(m.debrief.perceptionScore(Math.round(p.accuracy * 100) / 100, p.guesses.length));
    for (const g of p.guesses)
      out.push(
        m.debrief.guessLine(g.round, issueName(scenario, g.priority), g.priorityRight, issueName(scenario, g.redLine), g.redLineRight),
      );
  }
  return out;
}

/** Draws the "Memos & perception" tab inside the debrief panel. */
export function drawClassDebrief(scene: Phaser.Scene, scenario: Scenario, game: GameState): void {
  sidesOf(scenario).forEach((side, k) => {
    const x = 64 + k * 600;
    label(scene, x, 156, `${sideGlyph(scenario, side)} ${m.debrief.positionMemo(whose(scenario, game, side))}`, sideColor(scenario, side));
    let y = 176;
    for (const line of memoLines(scenario, game, side).slice(-12)) {
      const t = text(scene, x, y, line, { size: 12, wrap: 540, color: COLOR.ink, maxLines: 2 });
      y += t.height + 4;
      if (y > 440) break;
    }
    y = Math.max(y + 10, 456);
    // In solo the AI makes no perception checks: only the player's are scored.
    if (!checksPerception(game, side)) return;
    label(scene, x, y, m.debrief.perceptionCheck);
    y += 18;
    for (const line of perceptionLines(scenario, game, side).slice(0, 6)) {
      const t = text(scene, x, y, line, { size: 12, wrap: 540, color: COLOR.muted, scalable: false });
      y += t.height + 2;
    }
  });
  text(scene, 64, 620, riskSplit(game, scenario).sentence, { size: 12, weight: 600, color: COLOR.brass, scalable: false });
}

/** The same, as screen text. */
export function classDebriefSections(scenario: Scenario, game: GameState): TextSection[] {
  return [
    ...sidesOf(scenario).map((side) => ({
      heading: m.debrief.positionMemo(whose(scenario, game, side)),
      lines: memoLines(scenario, game, side),
    })),
    ...sidesOf(scenario)
      .filter((side) => checksPerception(game, side))
      .map((side) => ({
        heading: m.debrief.perceptionCheckOf(whose(scenario, game, side)),
        lines: perceptionLines(scenario, game, side),
      })),
    { heading: m.debrief.whoAddedRisk, lines: [riskSplit(game, scenario).sentence, ...facilitatorTimeline(game, scenario)] },
  ];
}
