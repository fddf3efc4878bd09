// `tween` animates, or, when the player asked for reduced motion, puts every target where the tween
// would have left it at once: for each way Phaser accepts a property's value.
import type Phaser from 'phaser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { preferences } from '../../src/app/preferences';
import { tween } from '../../src/game/ui';
import { type Booted, bootGame } from './harness';

let booted: Booted | undefined;
afterEach(async () => {
  await booted?.destroy();
  booted = undefined;
  preferences.set({ reducedMotion: false });
});

async function bareScene(): Promise<Phaser.Scene> {
  booted = await bootGame();
  const scene = booted.game.scene.getScene('title');
  scene.tweens.killAll();
  scene.children.removeAll(true);
  return scene;
}

describe('tween with reduced motion', () => {
  it('sets the end of numbers, {from, to}, {start, to}, relative strings and arrays at once', async () => {
    const scene = await bareScene();
    preferences.set({ reducedMotion: true });
    const box = scene.add.rectangle(5, 20, 40, 10, 0xffffff);
    box.setAlpha(1);

    tween(scene, { targets: box, alpha: { from: 0, to: 0.6 }, duration: 300, ease: 'Cubic.easeOut' });
    expect(box.alpha).toBeCloseTo(0.6);

    tween(scene, { targets: box, x: '+=10', y: '-=4', duration: 300 });
    expect(box.x).toBe(15);
    expect(box.y).toBe(16);

    tween(scene, { targets: box, x: 100, duration: 300 });
    expect(box.x).toBe(100);

    tween(scene, { targets: box, y: { start: 0, to: 70 }, duration: 300 });
    expect(box.y).toBe(70);

    tween(scene, { targets: box, x: { from: 10, to: '+=5' }, duration: 300 });
    expect(box.x).toBe(15);

    tween(scene, { targets: box, x: [1, 2, 3], duration: 300 });
    expect(box.x).toBe(3);

    // The shapes the screens use: the Gulf map's ring and the outcome screen's mark.
    tween(scene, { targets: box, scale: { from: 0.3, to: 1 }, alpha: { from: 1, to: 0.85 }, duration: 700 });
    expect([box.scaleX, box.scaleY, box.alpha]).toEqual([1, 1, 0.85]);
    tween(scene, { targets: box, angle: { from: -30, to: 0 }, duration: 500, ease: 'Back.easeOut' });
    expect(box.angle).toBe(0);

    expect(scene.tweens.getTweens()).toHaveLength(0);
  });

  it('moves every target of an array, functions given each its index, and nested `props` too', async () => {
    const scene = await bareScene();
    preferences.set({ reducedMotion: true });
    const boxes = [0, 1, 2].map((i) => scene.add.rectangle(i, 0, 10, 10, 0xffffff));
    tween(scene, { targets: boxes, x: '+=10', duration: 300 });
    expect(boxes.map((b) => b.x)).toEqual([10, 11, 12]);
    tween(scene, {
      targets: boxes,
      y: (_target: unknown, _key: string, value: number, index: number, total: number) => value + index * 100 + total,
      duration: 300,
    });
    expect(boxes.map((b) => b.y)).toEqual([3, 103, 203]);
    tween(scene, { targets: boxes, props: { x: { value: 50, duration: 100 }, alpha: 0.5 } });
    expect(boxes.map((b) => [b.x, b.alpha])).toEqual([
      [50, 0.5],
      [50, 0.5],
      [50, 0.5],
    ]);
  });

  it('a yoyo ends where it started, and the settings and callbacks are not set on the target', async () => {
    const scene = await bareScene();
    preferences.set({ reducedMotion: true });
    const box = scene.add.rectangle(5, 20, 40, 10, 0xffffff);
    tween(scene, { targets: box, x: 60, yoyo: true, duration: 300 });
    expect(box.x).toBe(5);
    tween(scene, { targets: box, alpha: { from: 0.2, to: 0.9 }, yoyo: true, duration: 300 });
    expect(box.alpha).toBeCloseTo(0.2);

    const onComplete = vi.fn();
    const onUpdate = vi.fn();
    tween(scene, { targets: box, y: 30, duration: 300, delay: 10, ease: 'Linear', repeat: 0, hold: 0, onComplete, onUpdate });
    expect(box.y).toBe(30);
    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(onUpdate).not.toHaveBeenCalled();
    const fields = box as unknown as Record<string, unknown>;
    for (const key of ['duration', 'delay', 'ease', 'repeat', 'hold', 'onComplete', 'onUpdate', 'targets'])
      expect(fields[key]).toBeUndefined();
  });
});

describe('tween with motion', () => {
  it('adds a running tween and leaves the target where it is for now', async () => {
    const scene = await bareScene();
    preferences.set({ reducedMotion: false });
    const box = scene.add.rectangle(5, 20, 40, 10, 0xffffff);
    const onComplete = vi.fn();
    tween(scene, { targets: box, alpha: { from: 0, to: 0.6 }, x: '+=10', duration: 300, onComplete });
    expect(scene.tweens.getTweensOf(box)).toHaveLength(1);
    expect(box.x).toBe(5);
    expect(onComplete).not.toHaveBeenCalled();
  });
});
