// Boot: waits for the bundled Inter font so no text is drawn in a fallback face, then shows the title.
// The page preloads the font files and main.ts starts loading the faces before the game boots, so
// usually they are in already and the title is the first screen drawn.
import Phaser from 'phaser';
import type { App } from '../../app/app';
import { m } from '../../i18n';
import { showScreen } from '../screens';
import { COLOR } from '../theme';
import { text } from '../ui';

const FONT_TIMEOUT_MS = 3000;
/** The faces the screens draw with: regular, semibold, bold and italic. */
const FACES = ['400 16px Inter', '600 16px Inter', '700 16px Inter', 'italic 400 16px Inter'];

export class BootScene extends Phaser.Scene {
  constructor() {
    super('boot');
  }

  create(): void {
    const app = this.registry.get('app') as App;
    const next = () => {
      showScreen(this.game, app.screen);
      this.scene.stop();
    };
    if (fontsReady()) {
      // A scene stopped from inside its own create() would be marked running again when it returns.
      this.events.once(Phaser.Scenes.Events.CREATE, next);
      return;
    }
    text(this, 640, 360, m.title.opening, { size: 18, color: COLOR.muted, scalable: false }).setOrigin(0.5);
    void loadFonts().then(next);
  }
}

function fontSet(): FontFaceSet | undefined {
  const fonts = (globalThis.document as Document | undefined)?.fonts;
  return fonts && typeof fonts.load === 'function' && typeof fonts.check === 'function' ? fonts : undefined;
}

/** Whether every face is loaded (true where the browser has no font loading API: nothing to wait for). */
export function fontsReady(): boolean {
  const fonts = fontSet();
  return !fonts || FACES.every((face) => fonts.check(face));
}

/** Loads the faces; resolves when they are in, or after FONT_TIMEOUT_MS with what there is. */
export async function loadFonts(): Promise<void> {
  const fonts = fontSet();
  if (!fonts) return;
  const loads = FACES.map((f) => fonts.load(f).catch(() => []));
  await Promise.race([Promise.all(loads), new Promise((resolve) => setTimeout(resolve, FONT_TIMEOUT_MS))]);
}
