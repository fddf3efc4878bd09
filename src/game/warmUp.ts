// Where WebGL is rendered in software, the first frame that draws a shape and a text costs a few
// hundred milliseconds in the GPU process (its pipelines are compiled on first use), whatever their
// number; later frames cost tens. The boot draws one of each, tiny, into a hidden canvas and sends
// it to the GPU at once: the GPU process compiles while this thread builds the title, instead of
// after, and hiding the canvas for that one frame spares the page from waiting to show it.
import Phaser from 'phaser';
import { COLOR, css, FONT } from './theme';

/** Longest the canvas stays hidden if the first screen never draws (it then shows whatever there is). */
const HIDDEN_AT_MOST_MS = 2000;

/**
 * Draws the warm-up frame in `scene` and calls `then` once it is on its way to the GPU; the canvas
 * shows again with the next frame drawn after that. Returns false (and does nothing) where there is
 * no WebGL.
 */
export function warmUpThenStart(scene: Phaser.Scene, then: () => void): boolean {
  const game = scene.game;
  const renderer = game.renderer as Partial<Phaser.Renderer.WebGL.WebGLRenderer> | null;
  const gl = renderer?.gl;
  const canvas = game.canvas as HTMLCanvasElement | undefined;
  if (!gl || !canvas?.style) return false;
  canvas.style.visibility = 'hidden';
  const show = () => {
    canvas.style.visibility = '';
  };
  const fallback = setTimeout(show, HIDDEN_AT_MOST_MS);
  const g = scene.add.graphics();
  g.fillStyle(COLOR.panel, 0.92).fillRect(0, 0, 2, 2).lineStyle(1, COLOR.edge, 1).strokeRect(0.5, 0.5, 1, 1);
  scene.add.text(0, 0, '.', { fontFamily: FONT, fontSize: '8px', color: css(COLOR.muted) });
  game.events.once(Phaser.Core.Events.POST_RENDER, () => {
    gl.flush();
    // The first screen is built and drawn in the next step; the canvas shows from that frame on.
    game.events.once(Phaser.Core.Events.POST_RENDER, () => {
      clearTimeout(fallback);
      show();
    });
    then();
  });
  return true;
}
