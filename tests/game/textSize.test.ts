// Issue 15, point 12b: the "Larger" text size enlarges the table's button captions and the issue
// board's option labels too, and every caption still fits inside its button (the controls' layout,
// checked in layout.test.ts at the normal size, holds at the larger size as well).
import Phaser from 'phaser';
import { afterEach, describe, expect, it } from 'vitest';
import { preferences, type TextSize } from '../../src/app/preferences';
import { type Booted, bootGame, measureTextLikeABrowser, playedSession, showing } from './harness';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.destroy();
  booted = null;
  preferences.set({ textSize: 'normal' });
});

measureTextLikeABrowser({ ascent: 0.9, descent: 0.3 });

interface Box {
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

function buttonBoxes(): Box[] {
  return [...document.querySelectorAll<HTMLElement>('#bc-controls > button')]
    .filter((el) => !el.hidden)
    .map((el) => ({
      name: el.getAttribute('aria-label') ?? '?',
      x: Number.parseFloat(el.style.left),
      y: Number.parseFloat(el.style.top),
      w: Number.parseFloat(el.style.width),
      h: Number.parseFloat(el.style.height),
    }));
}

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
  const problems: string[] = [];
  const boxes = buttonBoxes();
  for (const b of boxes) if (b.x < 0 || b.y < 0 || b.x + b.w > 1280 || b.y + b.h > 720) problems.push(`outside the stage: ${b.name}`);
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) {
      const dx = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const dy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (dx > 1 && dy > 1) problems.push(`overlap: “${a.name}” and “${b.name}”`);
    }
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
  const session = playedSession({ stop: (s) => s.phase === 'rounds', moves: () => ({ type: 'force-agenda' }) });
  booted = await bootGame();
  booted.app.resume(session.persisted());
  const table = await showing(booted, 'rounds');
  for (let i = 0; i < 6 && booted.buttons().some((b) => /^(Next event|Back to the table)/.test(b.getAttribute('aria-label') ?? '')); i++)
    booted.button(/^(Next event|Back to the table)/).click();
  return table;
}

function sizesOn(table: Phaser.Scene) {
  const boxes = buttonBoxes();
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
