// The game draws a frame only when the picture can have changed: after a request (a redraw, a new
// screen, a resize) and while a tween runs; a still screen is updated but not drawn again.
import Phaser from 'phaser';
import { describe, expect, it } from 'vitest';
import { renderOnDemand, requestFrames } from '../../src/game/renderOnDemand';

/** Just enough of a Phaser.Game for its step: counts the frames drawn and the updates run. */
function fakeGame() {
  const tweens: unknown[] = [];
  const counts = { updates: 0, drawn: 0 };
  const game = {
    pendingDestroy: false,
    isPaused: false,
    events: new Phaser.Events.EventEmitter(),
    scale: new Phaser.Events.EventEmitter(),
    renderer: { preRender: () => {}, postRender: () => counts.drawn++ },
    scene: {
      isProcessing: true,
      update: () => counts.updates++,
      render: () => {},
      getScenes: () => [{ tweens: { getTweens: () => tweens } }],
    },
  } as unknown as Phaser.Game & { scene: { isProcessing: boolean } };
  renderOnDemand(game);
  const frames = (n: number) => {
    for (let i = 0; i < n; i++) game.step(i * 16, 16);
  };
  return { game, tweens, counts, frames };
}

describe('drawing on demand', () => {
  it('draws the first frame, then only updates a still screen', () => {
    const { game, counts, frames } = fakeGame();
    frames(10);
    expect(counts.updates).toBe(10);
    expect(counts.drawn).toBe(1);
    expect(game.scene.isProcessing).toBe(false);
  });

  it('draws again after a request, and for as long as a tween runs', () => {
    const { game, tweens, counts, frames } = fakeGame();
    frames(5);
    requestFrames(game);
    frames(5);
    expect(counts.drawn).toBe(2);
    tweens.push({});
    frames(6);
    expect(counts.drawn).toBe(8);
    tweens.pop();
    frames(6);
    // One more frame once the tween is gone, whatever frame drew its last values.
    expect(counts.drawn).toBe(9);
  });

  it('draws again when the window is resized', () => {
    const { game, counts, frames } = fakeGame();
    frames(5);
    game.scale.emit(Phaser.Scale.Events.RESIZE);
    frames(5);
    expect(counts.drawn).toBe(2);
  });
});
