// When a screen redraws for a change, its changed texts are laid out at once but drawn within a
// budget, the topmost layer first, and the rest over the next frames; a text not yet drawn is not
// shown. A screen's first draw, and a redraw for a new text size, come up whole.
import Phaser from 'phaser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orderForBatching, overlay, recycleTexts, releaseUnusedTexts, text, textBudget } from '../../src/game/ui';
import { type Booted, bootGame, measureTextLikeABrowser, playedSession, showing, until } from './harness';

measureTextLikeABrowser({ ascent: 0.75, descent: 0.25 });

let booted: Booted | undefined;
const budget = { ...textBudget };
beforeEach(() => {
  // No time for drawing in the redraw itself, and one text a frame after it.
  textBudget.inline = 0;
  textBudget.frame = 0;
});
afterEach(async () => {
  Object.assign(textBudget, budget);
  await booted?.destroy();
  booted = undefined;
});

const shows = (t: Phaser.GameObjects.Text) => t.willRender(t.scene.cameras.main);

/** Counts the texts drawn on their canvas (Phaser's updateText) while `run` runs. */
function countDraws(run: () => void): number {
  const proto = Phaser.GameObjects.Text.prototype as unknown as { updateText: () => unknown };
  const original = proto.updateText;
  let drawn = 0;
  proto.updateText = function (this: Phaser.GameObjects.Text) {
    drawn++;
    return original.call(this);
  };
  try {
    run();
  } finally {
    proto.updateText = original;
  }
  return drawn;
}

describe('progressive text drawing', () => {
  it('lays changed texts out at once, draws none of them over the budget, then, from the second frame, the topmost first, one a frame', async () => {
    booted = await bootGame();
    const scene = booted.game.scene.getScene('title');
    scene.children.removeAll(true);
    const wrap = { size: 13, wrap: 120 };
    // A whole draw: what the words measure when drawn at once.
    recycleTexts(scene);
    const reference = text(scene, 0, 0, 'Iran proposes: uranium enrichment capped at 3.67%', wrap);
    const size = [reference.width, reference.height];
    releaseUnusedTexts(scene);

    let low: Phaser.GameObjects.Text | undefined;
    let top: Phaser.GameObjects.Text | undefined;
    const drawnInRedraw = countDraws(() => {
      recycleTexts(scene, { progressive: true });
      low = text(scene, 0, 200, 'Iran proposes: uranium enrichment capped at 3.67%', { ...wrap, color: 0xff0000 });
      overlay(scene);
      top = text(scene, 0, 300, 'A leaked memo shows Washington’s bottom line', wrap);
      orderForBatching(scene);
      releaseUnusedTexts(scene);
    });
    if (!(low && top)) throw new Error('no texts');
    // Laid out as they will be drawn, but neither drawn nor shown yet.
    expect([low.width, low.height]).toEqual(size);
    expect(low.height).toBeGreaterThan(20); // wrapped onto two lines or more
    expect(drawnInRedraw).toBe(0);
    expect([shows(low), shows(top)]).toEqual([false, false]);
    // Unchanged words are re-used as they were: the reference is still drawn and shown.
    expect(shows(reference)).toBe(reference.scene === scene && reference.visible);

    const frame = () => countDraws(() => scene.events.emit(Phaser.Scenes.Events.UPDATE));
    // The frame right after the redraw carries the redraw: it draws none of them.
    expect(frame()).toBe(0);
    expect([shows(low), shows(top)]).toEqual([false, false]);
    expect(frame()).toBe(1);
    expect([shows(low), shows(top)]).toEqual([false, true]);
    expect(frame()).toBe(1);
    expect([shows(low), shows(top)]).toEqual([true, true]);
    expect(frame()).toBe(0);
  });

  it('draws what the budget allows in the redraw itself', async () => {
    booted = await bootGame();
    const scene = booted.game.scene.getScene('title');
    scene.children.removeAll(true);
    textBudget.inline = 1_000;
    let shown: Phaser.GameObjects.Text[] = [];
    const drawn = countDraws(() => {
      recycleTexts(scene, { progressive: true });
      shown = ['Round 3 of 12', 'Tension 7', 'Support 48'].map((w, i) => text(scene, 0, 20 * i, w));
      releaseUnusedTexts(scene);
    });
    expect(drawn).toBe(3);
    expect(shown.every(shows)).toBe(true);
  });

  it('the table: comes up whole, then a move’s changed texts are hidden until drawn, and all are drawn within frames', async () => {
    const session = playedSession({ stop: (s) => s.phase === 'rounds', moves: () => ({ type: 'force-agenda' }) });
    booted = await bootGame();
    booted.app.resume(session.persisted());
    const table = await showing(booted, 'rounds');
    const texts = () => table.children.list.filter((o): o is Phaser.GameObjects.Text => o instanceof Phaser.GameObjects.Text);
    const hidden = () => texts().filter((t) => t.visible && !shows(t));
    expect(texts().length).toBeGreaterThan(50);
    expect(hidden()).toEqual([]);

    // Read the event cards, then make a move: the redraw changes texts but draws none of them itself.
    while (booted.buttons().some((b) => /^(Next event|Back to the table)/.test(b.getAttribute('aria-label') ?? '')))
      booted.button(/^(Next event|Back to the table)/).click();
    await until(() => hidden().length === 0, 'the texts the cards changed to be drawn');
    const before = new Set(texts());
    expect(booted.app.act({ type: 'statement', tone: 'firm' })).toBeNull();
    const changed = hidden();
    expect(changed.length).toBeGreaterThan(0);
    // Only texts given new words: every one shown before the move and still shown is drawn.
    expect(changed.every((t) => !before.has(t))).toBe(true);
    await until(() => hidden().length === 0, 'every changed text to be drawn');
  });

  it('a new text size redraws the screen whole', async () => {
    booted = await bootGame();
    const title = await showing(booted, 'title');
    const { preferences } = await import('../../src/app/preferences');
    const size = preferences.get().textSize;
    try {
      preferences.set({ textSize: size === 'larger' ? 'normal' : 'larger' });
      const texts = title.children.list.filter((o): o is Phaser.GameObjects.Text => o instanceof Phaser.GameObjects.Text);
      expect(texts.filter((t) => t.visible && !shows(t))).toEqual([]);
    } finally {
      preferences.set({ textSize: size });
    }
  });
});
