// Draws a frame only when the picture can have changed: after a redraw, a scene starting or
// stopping, a resize, or while a tween runs. A still screen costs nothing per frame, which matters
// where WebGL is rendered in software (every drawn frame is also read back by the compositor).
import Phaser from 'phaser';

/** Frames drawn after a request: the step that follows draws everything changed so far. */
const FRAMES_PER_REQUEST = 1;
/** While something animates, and one frame after, so its final values are drawn whatever the order of removal. */
const FRAMES_WHILE_ANIMATING = 2;

const controllers = new WeakMap<Phaser.Game, { request: (frames?: number) => void }>();

/** Asks for the next frames to be drawn (a no-op for a game that always draws, such as a headless one). */
export function requestFrames(game: Phaser.Game, frames = FRAMES_PER_REQUEST): void {
  controllers.get(game)?.request(frames);
}

function animating(game: Phaser.Game): boolean {
  for (const scene of game.scene.getScenes(true)) if (scene.tweens.getTweens().length > 0) return true;
  return false;
}

/**
 * Replaces the game's step with one that always updates (scenes, tweens, timers, the scene queue)
 * but renders only when asked to or while something animates. The canvas keeps the last frame in
 * between, so what the player sees is unchanged. Call before the game boots.
 */
export function renderOnDemand(game: Phaser.Game): void {
  let pending = FRAMES_PER_REQUEST;
  const request = (frames = FRAMES_PER_REQUEST) => {
    pending = Math.max(pending, frames);
  };
  controllers.set(game, { request });
  // The same sequence as Phaser.Game#step, with the render half made conditional.
  game.step = function step(this: Phaser.Game, time: number, delta: number): void {
    const internals = this as unknown as { pendingDestroy: boolean; runDestroy: () => void; scene: { isProcessing: boolean } };
    if (internals.pendingDestroy) {
      internals.runDestroy();
      return;
    }
    if (this.isPaused) return;
    const events = this.events;
    events.emit(Phaser.Core.Events.PRE_STEP, time, delta);
    events.emit(Phaser.Core.Events.STEP, time, delta);
    this.scene.update(time, delta);
    events.emit(Phaser.Core.Events.POST_STEP, time, delta);
    if (animating(this)) request(FRAMES_WHILE_ANIMATING);
    const renderer = this.renderer;
    if (pending > 0) {
      pending--;
      renderer.preRender();
      events.emit(Phaser.Core.Events.PRE_RENDER, renderer, time, delta);
      this.scene.render(renderer);
      renderer.postRender();
    } else {
      internals.scene.isProcessing = false;
      events.emit(Phaser.Core.Events.PRE_RENDER, renderer, time, delta);
    }
    events.emit(Phaser.Core.Events.POST_RENDER, renderer, time, delta);
  };
  const redrawAll = () => request();
  game.scale.on(Phaser.Scale.Events.RESIZE, redrawAll);
  document.addEventListener('visibilitychange', redrawAll);
  game.events.once(Phaser.Core.Events.READY, () => game.canvas.addEventListener('webglcontextrestored', redrawAll));
  game.events.once(Phaser.Core.Events.DESTROY, () => {
    document.removeEventListener('visibilitychange', redrawAll);
    controllers.delete(game);
  });
}
