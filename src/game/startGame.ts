// The Phaser game: one scene per screen, scaled to fit any window from a 1280×720 design. The
// app decides which screen shows; this file only follows it.
import Phaser from 'phaser';
import type { App, Screen } from '../app/app';
import type { DomMirror } from '../dom/mirror';
import { AgendaScene } from './scenes/AgendaScene';
import { BootScene } from './scenes/BootScene';
import { BriefingScene } from './scenes/BriefingScene';
import { DebriefScene } from './scenes/DebriefScene';
import { HandoffScene } from './scenes/HandoffScene';
import { OutcomeScene } from './scenes/OutcomeScene';
import { ReplayScene } from './scenes/ReplayScene';
import { TableScene } from './scenes/TableScene';
import { TitleScene } from './scenes/TitleScene';
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
 * context comes back and the current screen is drawn again from the state.
 */
function watchContextLoss(game: Phaser.Game, app: App, parent: HTMLElement): void {
  const canvas = game.canvas;
  const notice = document.createElement('div');
  notice.className = 'bc-gl-notice';
  notice.setAttribute('role', 'status');
  notice.textContent =
    'The graphics were interrupted: the display was lost. The talks go on — use the buttons — and the picture returns when the graphics recover.';
  canvas.addEventListener('webglcontextlost', (event) => {
    event.preventDefault();
    if (!notice.isConnected) (parent.parentElement ?? parent).append(notice);
  });
  canvas.addEventListener('webglcontextrestored', () => {
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
    render: { antialias: true, powerPreference: 'low-power' },
    scene: [BootScene, TitleScene, BriefingScene, AgendaScene, TableScene, OutcomeScene, DebriefScene, ReplayScene, HandoffScene],
    callbacks: {
      preBoot: (g) => {
        g.registry.set('app', app);
        g.registry.set('mirror', mirror);
      },
    },
  });
  game.events.once(Phaser.Core.Events.READY, () => {
    app.renderer = game.config.renderType === Phaser.WEBGL ? 'webgl' : game.config.renderType === Phaser.CANVAS ? 'canvas' : 'headless';
    if (game.config.renderType === Phaser.WEBGL) watchContextLoss(game, app, parent);
  });
  app.subscribe((change) => {
    if (change.kind !== 'screen') return;
    for (const key of SCREENS) if (key !== app.screen && game.scene.isActive(key)) game.scene.stop(key);
    game.scene.start(app.screen);
  });
  return game;
}
