// Boot: waits for the bundled Inter font so no text is drawn in a fallback face, then shows the title.
import Phaser from 'phaser';
import type { App } from '../../app/app';
import { COLOR, css, FONT } from '../theme';

const FONT_TIMEOUT_MS = 3000;

export class BootScene extends Phaser.Scene {
  constructor() {
    super('boot');
  }

  create(): void {
    this.add.text(640, 360, 'Opening the Muscat channel…', { fontFamily: FONT, fontSize: '18px', color: css(COLOR.muted) }).setOrigin(0.5);
    const app = this.registry.get('app') as App;
    void loadFonts().then(() => this.scene.start(app.screen));
  }
}

export async function loadFonts(): Promise<void> {
  const fonts = (globalThis.document as Document | undefined)?.fonts;
  if (!fonts || typeof fonts.load !== 'function') return;
  const loads = ['400 16px Inter', '600 16px Inter', '700 16px Inter', 'italic 400 16px Inter'].map((f) => fonts.load(f).catch(() => []));
  await Promise.race([Promise.all(loads), new Promise((resolve) => setTimeout(resolve, FONT_TIMEOUT_MS))]);
}
