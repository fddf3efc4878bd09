// Issue 15, point 12b: the "Larger" text size enlarges the table's button captions and the issue
// board's option labels too, and every caption still fits inside its button (the controls' layout,
// checked in layout.test.ts at the normal size, holds at the larger size as well).
import Phaser from 'phaser';
import { afterEach, describe, expect, it } from 'vitest';
import { preferences, type TextSize } from '../../src/app/preferences';
import { atTheTable, type Booted, type Box, boxProblems, controlBoxes, measureTextLikeABrowser, showing } from './harness';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.destroy();
  booted = null;
  preferences.set({ textSize: 'normal' });
});

measureTextLikeABrowser({ ascent: 0.9, descent: 0.3 });

const texts = (scene: Phaser.Scene) =>
  scene.children.list.filter((c): c is Phaser.GameObjects.Text => c instanceof Phaser.GameObjects.Text && c.visible);

/** The caption drawn in a button: a text centred on the button's centre. */
function captionOf(scene: Phaser.Scene, b: Box): Phaser.GameObjects.Text | undefined {
  return texts(scene).find(
    (t) => t.originX === 0.5 && t.originY === 0.5 && Math.abs(t.x - (b.x + b.w / 2)) < 0.5 && Math.abs(t.y - (b.y + b.h / 2)) < 0.5,
  );
}

const px = (t: Phaser.GameObjects.Text | undefined) => Number.parseFloat(String(t?.style.fontSize ?? 'NaN'));

/** Every control inside the stage, no two overlapping, and each button's caption inside its button (to a pixel). */
function layoutProblems(scene: Phaser.Scene): string[] {
  const boxes = controlBoxes('#bc-controls > button');
  const problems = boxProblems(boxes);
  for (const b of boxes) {
    const t = captionOf(scene, b);
    if (!t) continue;
    const r = t.getBounds();
    // More than a pixel, as for overlaps (three-line option labels at the normal size come within one).
    if (r.width > b.w + 1 || r.height > b.h + 1)
      problems.push(
        `caption “${t.text}” (${t.style.fontSize}, ${r.width.toFixed(1)}×${r.height.toFixed(1)}) overflows ${b.name} (${b.w}×${b.h})`,
      );
  }
  return problems;
}

async function tableAt(size: TextSize): Promise<Phaser.Scene> {
  preferences.set({ textSize: size });
  booted = await atTheTable();
  const table = await showing(booted, 'rounds');
  return table;
}

function sizesOn(table: Phaser.Scene) {
  const boxes = controlBoxes('#bc-controls > button');
  const find = (name: RegExp) => {
    const box = boxes.find((b) => name.test(b.name));
    if (!box) throw new Error(`no button ${name}`);
    return captionOf(table, box);
  };
  return {
    walkOut: px(find(/^Walk out of the talks/)),
    propose: px(find(/^Propose your draft package/)),
    option: px(find(/^Uranium enrichment: Zero enrichment/)),
  };
}

describe('the larger text size at the table', () => {
  it('enlarges the move captions and the option labels, and every caption still fits its button', async () => {
    const normalTable = await tableAt('normal');
    const normal = sizesOn(normalTable);
    expect(normal.walkOut).toBe(13);
    expect(normal.option).toBe(11);
    expect(layoutProblems(normalTable)).toEqual([]);
    await booted?.destroy();
    booted = null;

    const largerTable = await tableAt('larger');
    const larger = sizesOn(largerTable);
    expect(larger.walkOut).toBeGreaterThan(normal.walkOut);
    expect(larger.propose).toBeGreaterThan(normal.propose);
    expect(larger.option).toBeGreaterThan(normal.option);
    expect(layoutProblems(largerTable)).toEqual([]);
  });

  it('changing the setting on the table redraws the captions at the new size', async () => {
    const table = await tableAt('normal');
    const before = sizesOn(table);
    preferences.set({ textSize: 'larger' });
    const after = sizesOn(table);
    expect(after.walkOut).toBeGreaterThan(before.walkOut);
    expect(after.option).toBeGreaterThan(before.option);
    expect(layoutProblems(table)).toEqual([]);
  });
});
