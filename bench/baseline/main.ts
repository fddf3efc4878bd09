// The performance baseline: a bare Phaser 4 page built the same way as the game (Vite, same target,
// WebGL, Scale FIT at 1280×720). With no parameters it shows one empty scene; with
// `?objects=N&animate=1` it draws N rectangles and texts and tweens them, to match the game's
// table screen object for object. `?like=game` gives Phaser the game's own engine switches (no
// Phaser audio, one texture per batch, no multisampling where the game's renderer check turns it
// off), so the report can show both comparisons.
import Phaser from 'phaser';

const params = new URLSearchParams(location.search);
const objects = Number(params.get('objects') ?? 0);
const animate = params.get('animate') === '1';
const likeGame = params.get('like') === 'game';
const msaa = params.get('msaa') !== '0';

declare global {
  interface Window {
    __sceneReady?: boolean;
  }
}

class BaselineScene extends Phaser.Scene {
  constructor() {
    super('baseline');
  }

  create(): void {
    const targets: Phaser.GameObjects.GameObject[] = [];
    for (let i = 0; i < objects; i++) {
      const x = 20 + ((i * 37) % 1240);
      const y = 20 + ((i * 53) % 680);
      const shape =
        i % 2 === 0
          ? this.add.rectangle(x, y, 60, 24, 0x1d3557)
          : this.add.text(x, y, `label ${i}`, { fontSize: '14px', color: '#e6edf7' });
      targets.push(shape);
    }
    if (animate && targets.length > 0)
      this.tweens.add({ targets, alpha: { from: 0.4, to: 1 }, y: '+=6', duration: 400, yoyo: true, repeat: -1, ease: 'Sine.easeInOut' });
    window.__sceneReady = true;
  }
}

new Phaser.Game({
  type: Phaser.WEBGL,
  parent: 'stage',
  backgroundColor: '#0b1220',
  scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH, width: 1280, height: 720 },
  ...(likeGame ? { audio: { noAudio: true }, render: { maxTextures: 1, antialiasGL: msaa } } : {}),
  scene: [BaselineScene],
});
