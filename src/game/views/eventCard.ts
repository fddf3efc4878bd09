// An event card: what happened, where, and its effects spelled out (tension, shock, rung, support,
// intelligence, deadline). It turns over as it arrives.
import type Phaser from 'phaser';
import type { Scenario, ScenarioEvent } from '../../core/scenario/schema';
import { sidesOf } from '../../core/sides';
import type { Rect } from '../../dom/controls';
import { m, shown } from '../../i18n';
import { COLOR } from '../theme';
import { label, overlay, panel, text, tween } from '../ui';

/** Where an event happens, in words: the name of the scenario's place, or the talks themselves. */
export function eventPlace(scenario: Pick<Scenario, 'places'>, event: Pick<ScenarioEvent, 'where'>): string {
  if (!event.where) return m.table.theTalks;
  return shown(scenario as Scenario).places?.find((p) => p.id === event.where)?.name ?? m.table.theTalks;
}

/** An event in the language shown: the deck's own translation, or the event itself (a facilitator's custom one). */
export function shownEvent(scenario: Scenario, event: ScenarioEvent): ScenarioEvent {
  if (!scenario.events.includes(event)) return event;
  return shown(scenario).events.find((e) => e.id === event.id) ?? event;
}

/** Every effect of an event as a plain sentence. */
export function eventEffects(scenario: Scenario, event: ScenarioEvent): string[] {
  const fx = event.effects;
  const words = shown(scenario);
  const out: string[] = [];
  const score = scenario.ladder.severityScores[event.severity] + (fx.tension ?? 0);
  out.push(m.table.fxTension(m.common.severity[event.severity], score));
  if (fx.shock) out.push(m.table.fxShock(fx.shock));
  if (fx.rung) out.push(m.table.fxRung(fx.rung));
  for (const side of sidesOf(scenario)) {
    const d = fx.support?.[side];
    if (d) out.push(m.table.fxSupport(words.parties[side]!.short, d));
  }
  if (fx.intel) out.push(m.table.fxIntel(words.parties[fx.intel]?.short ?? fx.intel));
  if (fx.deadline) out.push(m.table.fxDeadline(fx.deadline));
  return out;
}

export function drawEventCard(scene: Phaser.Scene, r: Rect, scenario: Scenario, raw: ScenarioEvent, index: string): void {
  const event = shownEvent(scenario, raw);
  const violent = event.severity === 'violent' || event.severity === 'nonviolent';
  const accent = event.severity === 'deescalation' ? COLOR.calm : violent ? COLOR.danger : COLOR.warn;
  panel(scene, r, { fill: 0x111c2e, edge: accent, alpha: 1, radius: 14 });
  scene.add.rectangle(r.x, r.y, r.w, 6, accent).setOrigin(0);
  label(scene, r.x + 24, r.y + 22, `${m.table.breaking} · ${eventPlace(scenario, event)}`, accent);
  text(scene, r.x + r.w - 24, r.y + 20, index, { size: 11, color: COLOR.muted, weight: 600, scalable: false }).setOrigin(1, 0);
  const title = text(scene, r.x + 24, r.y + 42, event.title, { size: 22, weight: 700, wrap: r.w - 48, lineSpacing: 2 });
  const body = text(scene, r.x + 24, title.y + title.height + 12, event.text, {
    size: 14,
    wrap: r.w - 48,
    color: COLOR.ink,
    lineSpacing: 4,
  });
  const fxY = body.y + body.height + 16;
  label(scene, r.x + 24, fxY, m.table.effects);
  text(
    scene,
    r.x + 24,
    fxY + 18,
    eventEffects(scenario, event)
      .map((e) => `▸ ${e}`)
      .join('\n'),
    {
      size: 14,
      weight: 600,
      color: accent,
      wrap: r.w - 48,
      lineSpacing: 4,
    },
  );
  if (event.source)
    text(scene, r.x + 24, r.y + r.h - 30, m.table.basedOn(event.source), { size: 11, color: COLOR.muted, italic: true, wrap: r.w - 260 });
  // The card turns over: its back (the brass face) folds away to reveal the news.
  overlay(scene);
  const back = scene.add.rectangle(r.x + r.w / 2, r.y + r.h / 2, r.w, r.h, COLOR.brass).setStrokeStyle(2, accent);
  tween(scene, { targets: back, scaleX: 0, alpha: 0, duration: 380, ease: 'Cubic.easeIn', onComplete: () => back.destroy() });
}
