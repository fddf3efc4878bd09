// Texts are the costly part of a redraw: an unchanged text is kept as it is, a changed one is given
// to a text the previous draw left over (its canvas and texture re-used), and each is drawn once.
import Phaser from 'phaser';
import { afterEach, describe, expect, it } from 'vitest';
import { discardTexts, recycleTexts, releaseUnusedTexts, text } from '../../src/game/ui';
import { type Booted, bootGame, measureTextLikeABrowser } from './harness';

let booted: Booted | undefined;
afterEach(async () => {
  await booted?.destroy();
  booted = undefined;
});

/** Redraws `words` as texts in a bare scene the way a screen does, counting texts made and drawn. */
function drawer(scene: Phaser.Scene) {
  const counts = { made: 0, drawn: 0 };
  const seen = new Set<Phaser.GameObjects.Text>();
  const proto = Phaser.GameObjects.Text.prototype as unknown as { updateText: () => unknown };
  const draw = (words: string[], o: Parameters<typeof text>[4] = {}) => {
    const original = proto.updateText;
    proto.updateText = function (this: Phaser.GameObjects.Text) {
      counts.drawn++;
      return original.call(this);
    };
    try {
      recycleTexts(scene);
      const shown = words.map((w, i) => text(scene, 10, 20 * i, w, o));
      releaseUnusedTexts(scene);
      for (const t of shown) {
        if (!seen.has(t)) counts.made++;
        seen.add(t);
      }
      return shown;
    } finally {
      proto.updateText = original;
    }
  };
  return { counts, draw };
}

// A text drawn with the wrong face's metrics shows: each size has its own bounding box.
measureTextLikeABrowser({ ascent: 0.75, descent: 0.25 });

describe('text re-use across redraws', () => {
  it('keeps unchanged texts, gives changed words to left-over texts, and draws each text once', async () => {
    booted = await bootGame();
    const scene = booted.game.scene.getScene('title');
    scene.children.removeAll(true);
    const { counts, draw } = drawer(scene);

    const first = draw(['Round 1 of 12', 'Tension 3', 'Support 50', 'The wire is quiet']);
    expect(counts).toEqual({ made: 4, drawn: 4 });

    // The same words again: nothing made, nothing drawn.
    const again = draw(['Round 1 of 12', 'Tension 3', 'Support 50', 'The wire is quiet']);
    expect(again).toEqual(first);
    expect(counts).toEqual({ made: 4, drawn: 4 });

    // Two texts change: no spare exists yet, so two are made; the two old ones wait aside, not shown.
    draw(['Round 2 of 12', 'Tension 5', 'Support 50', 'The wire is quiet']);
    expect(counts).toEqual({ made: 6, drawn: 6 });
    expect(scene.children.list.filter((c) => c instanceof Phaser.GameObjects.Text)).toHaveLength(4);

    // The next change is given to those left-overs: drawn once each, no new text made.
    const third = draw(['Round 3 of 12', 'Tension 7', 'Support 50', 'The wire is quiet']);
    expect(counts).toEqual({ made: 6, drawn: 8 });
    expect(third.map((t) => t.text)).toEqual(['Round 3 of 12', 'Tension 7', 'Support 50', 'The wire is quiet']);
    expect(third.slice(0, 2).every((t) => t.width > 0 && t.visible && t.scene === scene)).toBe(true);
  });

  it('gives a re-used text its whole new style, and what the style leaves out back to the default', async () => {
    booted = await bootGame();
    const scene = booted.game.scene.getScene('title');
    scene.children.removeAll(true);
    const { draw } = drawer(scene);
    draw(['a long paragraph that wraps at a narrow width'], { wrap: 80, size: 20, weight: 700, italic: true, maxLines: 2 });
    const [short] = draw(['short'], { size: 12 });
    const measured = short?.style.getTextMetrics();
    const [t] = draw(['plain words'], { size: 12 });
    // Given the metrics of its new face and size, not those of the text it was before.
    expect(t?.style.getTextMetrics()).toEqual(measured);
    expect(t?.text).toBe('plain words');
    expect(t?.style.wordWrapWidth).toBeNull();
    expect(t?.style.maxLines).toBe(0);
    expect(t?.style.fontStyle).toBe('400');
    expect(t?.style.fontSize).toBe('12px');
    expect(t?.lineSpacing).toBe(Math.round(12 * 0.3));
    expect([t?.x, t?.y, t?.alpha, t?.depth, t?.originX]).toEqual([10, 0, 1, 0, 0]);
  });

  it('measures a face and size before giving their words to a spare: the spare draws with the new metrics, not its old ones', async () => {
    booted = await bootGame();
    const scene = booted.game.scene.getScene('title');
    scene.children.removeAll(true);
    const { counts, draw } = drawer(scene);
    const [old] = draw(['words in a size used nowhere else'], { size: 41 });
    expect(old?.style.getTextMetrics()).toEqual({ ascent: 30.75, descent: 10.25, fontSize: 41 });
    draw(['next'], { size: 41 }); // `old` is now a spare
    const [spare] = draw(['in a size never drawn before'], { size: 43 });
    expect(spare).toBe(old);
    expect(counts.made).toBe(2);
    expect(spare?.style.getTextMetrics()).toEqual({ ascent: 32.25, descent: 10.75, fontSize: 43 });
    expect(spare?.height).toBe(43);
  });

  it('destroys waiting and spare texts when the screen closes', async () => {
    booted = await bootGame();
    const scene = booted.game.scene.getScene('title');
    scene.children.removeAll(true);
    const { draw } = drawer(scene);
    const [a] = draw(['one']);
    draw(['two']);
    discardTexts(scene);
    expect(a?.scene).toBeFalsy();
  });
});
