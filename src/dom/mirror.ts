// The DOM side of the game: the control layer over the canvas, the screen text for screen readers,
// the aria-live log, and the settings dialog.
import { Announcer } from './announcer';
import { ControlLayer, DESIGN_WIDTH } from './controls';
import { setScreenText, type TextSection } from './screenText';
import { mountSettings } from './settingsPanel';
import { ShareDialog } from './shareDialog';

export class DomMirror {
  readonly controls: ControlLayer;
  readonly announcer: Announcer;
  readonly share: ShareDialog;

  constructor(
    private readonly els: {
      stage: HTMLElement;
      controls: HTMLElement;
      screen: HTMLElement;
      log: HTMLElement;
      settingsButton?: HTMLButtonElement | null;
      settingsDialog?: HTMLDialogElement | null;
    },
  ) {
    this.controls = new ControlLayer(els.controls);
    this.announcer = new Announcer(els.log);
    this.share = new ShareDialog(els.stage.parentElement ?? els.stage);
    if (els.settingsButton && els.settingsDialog) mountSettings(els.settingsButton, els.settingsDialog);
    const fitControls = () => {
      const scale = els.stage.clientWidth / DESIGN_WIDTH || 1;
      els.controls.style.transform = `scale(${scale})`;
    };
    fitControls();
    if (typeof ResizeObserver === 'function') new ResizeObserver(fitControls).observe(els.stage);
    else addEventListener('resize', fitControls);
  }

  setScreenText(title: string, sections: readonly TextSection[]): void {
    setScreenText(this.els.screen, title, sections);
  }

  static fromDocument(doc: Document = document): DomMirror {
    const need = (id: string) => {
      const el = doc.getElementById(id);
      if (!el) throw new Error(`index.html is missing #${id}`);
      return el;
    };
    return new DomMirror({
      stage: need('bc-stage'),
      controls: need('bc-controls'),
      screen: need('bc-screen'),
      log: need('bc-log'),
      settingsButton: doc.getElementById('bc-settings-open') as HTMLButtonElement | null,
      settingsDialog: doc.getElementById('bc-settings') as HTMLDialogElement | null,
    });
  }
}
