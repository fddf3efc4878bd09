// Right to left in Persian: the screen is mirrored by its camera, so the DOM controls lie at the
// mirrored rectangles; texts are drawn right to left and anchored as in English; the map and the
// charts are reflected back within their own rectangles (west stays west, axes run left to right).
import Phaser from 'phaser';
import { afterEach, describe, expect, it } from 'vitest';
import { keepLeftToRight } from '../../src/game/ui';
import { resetLanguage, useLanguage } from '../../src/i18n/index';
import { fa } from '../../src/i18n/persian';
import { type Booted, bootGame, showing } from './harness';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.destroy();
  booted = null;
  resetLanguage();
});

const boxesByKey = () =>
  new Map(
    [...document.querySelectorAll<HTMLElement>('#bc-controls > *')].map((el) => [
      el.dataset.key ?? '',
      { x: Number.parseFloat(el.style.left), w: Number.parseFloat(el.style.width) },
    ]),
  );

describe('right to left', () => {
  it('lays every DOM control at the mirror of its English place, and draws the texts right to left', async () => {
    booted = await bootGame('?seed=rtl&side=iran');
    await showing(booted, 'title');
    const english = boxesByKey();
    await booted.destroy();
    useLanguage('fa', fa);
    booted = await bootGame('?seed=rtl&side=iran');
    const title = await showing(booted, 'title');
    const persian = boxesByKey();
    expect(persian.size).toBe(english.size);
    for (const [key, box] of english) {
      const mirrored = persian.get(key);
      expect(mirrored, key).toBeDefined();
      expect(mirrored!.w).toBeCloseTo(box.w, 5);
      expect(mirrored!.x, key).toBeCloseTo(1280 - box.x - box.w, 5);
    }
    const texts = title.children.list.filter((o): o is Phaser.GameObjects.Text => o instanceof Phaser.GameObjects.Text);
    expect(texts.length).toBeGreaterThan(10);
    expect(texts.every((t) => t.style.rtl === true)).toBe(true);
    expect(texts.some((t) => /[\u0600-\u06FF]/.test(t.text))).toBe(true);
  });

  it('reflects a map or a chart back within its rectangle, so that it reads left to right on the mirrored screen', async () => {
    booted = await bootGame('?seed=rtl&side=iran');
    const scene = await showing(booted, 'title');
    const r = { x: 100, y: 100, w: 400, h: 200 };
    const draw = () => {
      const g = scene.add.graphics();
      const t = scene.add.text(120, 110, 'west');
      const turned = scene.add.text(90, 200, 'axis').setOrigin(0.5).setAngle(-90);
      const box = scene.add.rectangle(130, 150, 50, 20).setOrigin(0, 0);
      return { g, t, turned, box };
    };
    const ltr = keepLeftToRight(scene, r, draw);
    expect([ltr.t.x, ltr.t.originX, ltr.g.scaleX, ltr.box.x]).toEqual([120, 0, 1, 130]);
    useLanguage('fa', fa);
    const rtl = keepLeftToRight(scene, r, draw);
    // The axis of the rectangle is x = 300: reflected there, and the camera's mirror takes each back
    // to where it was drawn, the right way round (the text's own drawing is mirrored already).
    expect(rtl.t.x).toBe(480);
    expect(rtl.t.originX).toBe(1);
    expect(rtl.g.scaleX).toBe(-1);
    expect(rtl.g.x).toBe(600);
    expect(rtl.box.x).toBe(470);
    expect(rtl.box.originX).toBe(1);
    expect(rtl.turned.x).toBe(510);
    expect(rtl.turned.angle).toBeCloseTo(90, 5);
  });
});
