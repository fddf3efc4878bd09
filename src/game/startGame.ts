// The Phaser game: one scene per screen, scaled to fit any window from a 1280×720 design. The
// app decides which screen shows; this file only follows it.
import Phaser from 'phaser';
import type { App, Screen } from '../app/app';
import type { DomMirror } from '../dom/mirror';
import { isRtl, onLanguage } from '../i18n';
import { renderOnDemand, requestFrames } from './renderOnDemand';
import { softwareWebGL } from './renderQuality';
import { BootScene } from './scenes/BootScene';
import { showScreen } from './screens';
import { COLOR, H, W } from './theme';

export const SCREENS: readonly Screen[] = ['title', 'briefing', 'agenda', 'rounds', 'outcome', 'debrief', 'replay', 'handoff'];

export interface StartOptions {
  parent: HTMLElement;
  app: App;
  mirror: DomMirror;
  /** Phaser.AUTO in the browser; Phaser.HEADLESS in the scene tests. */
  renderType?: number;
}

/**
 * A lost WebGL context (GPU reset, driver update, too many tabs) must not stop the talks: the state
 * lives in the machine, the DOM buttons keep working, and a notice says what happened until the
 * context comes back and the current screen is drawn again from the state. If it has not come back
 * after five seconds, the notice says so plainly and offers a reload: the game is saved after
 * every move, so Continue on the title screen picks it up again with the picture restored.
 */
function watchContextLoss(game: Phaser.Game, app: App, parent: HTMLElement, giveUpMs = 5000): void {
  const canvas = game.canvas;
  const stage = parent.parentElement ?? parent;
  const notice = document.createElement('div');
  notice.className = 'bc-gl-notice';
  const message = document.createElement('p');
  message.setAttribute('role', 'status');
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.className = 'bc-gl-reload';
  reload.textContent = 'Reload the page';
  reload.addEventListener('click', () => location.reload());
  notice.append(message);
  let giveUp: ReturnType<typeof setTimeout> | undefined;
  const notComingBack = () => {
    notice.classList.add('bc-gl-notice--gone');
    const gone = 'The picture did not come back. The talks go on: use the buttons.';
    message.textContent = !app.session
      ? `${gone} Reloading the page brings the picture back.`
      : app.saves.available
        ? `${gone} Reloading brings it back without losing the game: it is saved after every move; choose Continue on the title screen.`
        : `${gone} Saving does not work in this browser, so reloading the page would start the talks again.`;
    if (!reload.isConnected) notice.append(reload);
  };
  canvas.addEventListener('webglcontextlost', (event) => {
    event.preventDefault();
    notice.classList.remove('bc-gl-notice--gone');
    reload.remove();
    message.textContent =
      'The graphics were interrupted: the display was lost. The talks go on — use the buttons — and the picture returns when the graphics recover.';
    stage.classList.add('bc-gl-lost');
    if (!notice.isConnected) stage.append(notice);
    clearTimeout(giveUp);
    giveUp = setTimeout(notComingBack, giveUpMs);
  });
  canvas.addEventListener('webglcontextrestored', () => {
    clearTimeout(giveUp);
    giveUp = undefined;
    stage.classList.remove('bc-gl-lost');
    notice.remove();
    const scene = game.scene.getScene(app.screen);
    if (scene && game.scene.isActive(app.screen)) scene.scene.restart();
  });
}

export function startGame({ parent, app, mirror, renderType = Phaser.AUTO }: StartOptions): Phaser.Game {
  const game = new Phaser.Game({
    type: renderType,
    parent,
    width: W,
    height: H,
    backgroundColor: COLOR.bg,
    banner: false,
    disableContextMenu: true,
    audio: { noAudio: true },
    input: { keyboard: false },
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    // One texture per batch: a few more draw calls, but a much smaller fragment shader, which software
    // WebGL compiles and runs far faster than the 16-texture default; no multisampling in software
    // (src/game/renderQuality.ts, docs/performance.md). Batches of 2,048 quads, not 16,384: a screen
    // draws a few hundred objects, and each kind of batch allocates its vertex buffer whole when
    // first drawn (1.8 MB at the default, about 60 ms of the title's first frame in software).
    render: {
      antialias: true,
      antialiasGL: renderType === Phaser.HEADLESS || renderType === Phaser.CANVAS || !softwareWebGL(),
      powerPreference: 'low-power',
      maxTextures: 1,
      batchSize: 2048,
    },
    // The screens' scenes join on first use (src/game/screens.ts).
    scene: [BootScene],
    callbacks: {
      preBoot: (g) => {
        g.registry.set('app', app);
        g.registry.set('mirror', mirror);
      },
    },
  });
  if (renderType !== Phaser.HEADLESS) renderOnDemand(game);
  mirrorForRightToLeft(game);
  game.events.once(Phaser.Core.Events.READY, () => {
    app.renderer = game.config.renderType === Phaser.WEBGL ? 'webgl' : game.config.renderType === Phaser.CANVAS ? 'canvas' : 'headless';
    if (game.config.renderType === Phaser.WEBGL) watchContextLoss(game, app, parent);
  });
  // A new language redraws the screen where it stands (the game is untouched: language is a view).
  const offLanguage = onLanguage(() => app.notify({ kind: 'view' }));
  game.events.once(Phaser.Core.Events.DESTROY, offLanguage);
  app.subscribe((change) => {
    requestFrames(game);
    if (change.kind !== 'screen') return;
    for (const key of SCREENS) if (key !== app.screen && game.scene.isActive(key)) game.scene.stop(key);
    showScreen(game, app.screen);
  });
  return game;
}

/**
 * Right to left: every screen is drawn mirrored by its camera (a zoom of −1 across), so that the
 * layout reads from the right as a Persian page does: the brief, the wire and the issue board open on
 * the right, meters fill from the right, the next step lies to the left. Texts are flipped back as
 * they are made (ui.ts `text`), and the map keeps its geography (regionMap.ts). The DOM controls are
 * placed at the mirrored rectangles (dom/controls.ts).
 */
function mirrorForRightToLeft(game: Phaser.Game): void {
  game.events.on(Phaser.Core.Events.PRE_RENDER, () => {
    const zoomX = isRtl() ? -1 : 1;
    for (const scene of game.scene.getScenes(true)) {
      const camera = scene.cameras?.main;
      if (camera && camera.zoomX !== zoomX) camera.setZoom(zoomX, 1);
    }
  });
}
