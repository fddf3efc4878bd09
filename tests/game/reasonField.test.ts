// Issue 15, point 12c: the "Why?" reason field is drawn as a field from the start, labelled, with a
// placeholder, on the canvas and as a named input in the DOM mirror, before anyone clicks it.
import Phaser from 'phaser';
import { afterEach, describe, expect, it } from 'vitest';
import { atTheTable, type Booted, bootGame, playedSession, showing } from './harness';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.destroy();
  booted = null;
});

/** Checks the field on `scene` as it is first drawn: its box, its label, and the DOM input over the box. */
function expectVisibleField(scene: Phaser.Scene): void {
  const input = document.querySelector<HTMLInputElement>('#bc-controls input[data-key="move-reason"]');
  expect(input).not.toBeNull();
  if (!input) return;
  expect(document.activeElement).not.toBe(input);
  expect(input.getAttribute('aria-label')).toMatch(/^Why\? One line for your team's memo/);
  expect(input.placeholder.length).toBeGreaterThan(0);
  expect(input.value).toBe('');
  const box = scene.children.getByName('move-reason-field') as Phaser.GameObjects.Rectangle | null;
  expect(box, 'the field box is drawn on the canvas').not.toBeNull();
  if (!box) return;
  expect(box.visible).toBe(true);
  expect(box.alpha).toBeGreaterThan(0);
  expect(box.isStroked).toBe(true);
  // The box is where the input is, so the player sees where to type.
  expect(box.getTopLeft().x).toBeCloseTo(Number.parseFloat(input.style.left), 0);
  expect(box.getTopLeft().y).toBeCloseTo(Number.parseFloat(input.style.top), 0);
  expect(box.width).toBeCloseTo(Number.parseFloat(input.style.width), 0);
  expect(box.height).toBeCloseTo(Number.parseFloat(input.style.height), 0);
  const label = scene.children.list.find(
    (c): c is Phaser.GameObjects.Text => c instanceof Phaser.GameObjects.Text && c.visible && /^WHY\?/.test(c.text),
  );
  expect(label, 'the field has a visible label').toBeDefined();
  if (label) expect(label.y + label.height).toBeLessThanOrEqual(box.getTopLeft().y + 1);
}

describe('the reason field', () => {
  it('is visible, labelled and named at the table before any click', async () => {
    booted = await atTheTable();
    const table = await showing(booted, 'rounds');
    expectVisibleField(table);
  });

  it('is visible, labelled and named on the agenda screen before any click', async () => {
    booted = await bootGame();
    const session = playedSession({ stop: () => true });
    booted.app.resume(session.persisted());
    const agenda = await showing(booted, 'agenda');
    expectVisibleField(agenda);
  });
});
