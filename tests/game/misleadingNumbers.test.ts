// Issue 15, point 10 (the rest): the deadline never moves without a word; tension reads as the
// number the hazard comes from, with what a value below zero means; a facilitator's custom event
// gets a card for the team at the table, the ladder's tension follows it at once, and the panel
// says why a tension of 15 shows as +43 (the severity's own score comes first).
import Phaser from 'phaser';
import { afterEach, describe, expect, it } from 'vitest';
import { automationApi } from '../../src/app/automation';
import { projectedTension } from '../../src/core/escalation/escalation';
import { applyEvent, DEADLINE_MOVED } from '../../src/core/events/deck';
import { createGame } from '../../src/core/state';
import { customTensionWords } from '../../src/dom/facilitatorPanel';
import { tensionText } from '../../src/game/views/riskText';
import { loadShipped } from '../support/scenarios';
import { atTheTable, type Booted, showing } from './harness';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.destroy();
  booted = null;
});

const { scenario } = loadShipped('muscat-2026');
const canvasTexts = (scene: Phaser.Scene) =>
  scene.children.list.filter((c): c is Phaser.GameObjects.Text => c instanceof Phaser.GameObjects.Text && c.visible).map((t) => t.text);

describe('the deadline', () => {
  it('is moved by an event with a line on the wire naming the new and the old deadline', () => {
    const state = createGame(scenario, 'deadline-words', { us: 'human', iran: 'ai:tit-for-tat', difficulty: 'normal' });
    state.round = 4;
    for (const id of ['deadline-ultimatum', ...scenario.events.filter((e) => (e.effects.deadline ?? 0) > 0).map((e) => e.id)]) {
      const event = scenario.events.find((e) => e.id === id);
      if (!event) throw new Error(`no event ${id}`);
      const before = state.deadline;
      applyEvent(scenario, state, event, 'event');
      expect(state.deadline).not.toBe(before);
      const line = state.log.at(-1);
      expect(line?.ref).toBe(DEADLINE_MOVED);
      expect(line?.text).toBe(
        `${event.title}: the deadline ${state.deadline > before ? 'moves back' : 'comes forward'} to round ${state.deadline} (it was round ${before}).`,
      );
    }
  });
});

describe('tension', () => {
  it('is signed, and a value below zero says it is calming', () => {
    expect(tensionText(12.4)).toBe('tension +12');
    expect(tensionText(0.2)).toBe('tension 0');
    expect(tensionText(-0.6)).toBe('tension −1, calming');
    expect(tensionText(-0.4)).toBe('tension 0');
  });

  it('the panel says what a custom event adds in all, and why', () => {
    expect(customTensionWords(28, 15, 'Violent escalation')).toBe(
      'Adds tension +43 this round in all: +28 for the severity (violent escalation) and +15 extra.',
    );
    expect(customTensionWords(-6, 2, 'De-escalation')).toContain('Adds tension −4 this round in all');
  });

  it("a facilitator's custom event comes to the table as a card, and the ladder reads the new tension at once", async () => {
    booted = await atTheTable();
    const table = await showing(booted, 'rounds');
    const api = automationApi(booted.app);
    const game = () => booted?.app.session?.game as NonNullable<NonNullable<Booted['app']['session']>['game']>;
    const shown = () => canvasTexts(table).find((t) => /· tension /.test(t)) ?? '';
    expect(shown()).toContain(tensionText(projectedTension(scenario.ladder, game())));
    const before = projectedTension(scenario.ladder, game());
    const result = api.act({
      type: 'facilitate',
      action: {
        type: 'inject-custom',
        title: 'Tanker seized',
        text: 'A tanker is boarded in the strait.',
        severity: 'violent',
        effects: { tension: 15 },
      },
    });
    expect(result).toMatchObject({ ok: true });
    const after = projectedTension(scenario.ladder, game());
    expect(after).toBeGreaterThan(before);
    // The card, as for the deck's events: its title, its text and its effects, with the dismiss button.
    expect(booted.buttons().some((b) => /\(read: Tanker seized\)/.test(b.getAttribute('aria-label') ?? ''))).toBe(true);
    const texts = canvasTexts(table).join('\n');
    expect(texts).toContain('Tanker seized');
    expect(texts).toContain('A tanker is boarded in the strait.');
    expect(texts).toContain(`tension +${scenario.ladder.severityScores.violent + 15} this round`);
    expect(shown()).toContain(tensionText(after));
    expect(shown()).not.toContain(tensionText(before));
  });
});
