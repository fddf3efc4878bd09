// The shape every screen shares: it reads the app (never the machine directly), draws itself from
// scratch whenever the game or the preferences change, and hands its buttons to the DOM mirror.
import Phaser from 'phaser';
import type { App, Change } from '../../app/app';
import { preferences } from '../../app/preferences';
import type { ControlSpec } from '../../dom/controls';
import type { DomMirror } from '../../dom/mirror';
import type { TextSection } from '../../dom/screenText';
import { COLOR, H, W } from '../theme';
import { button, type DrawButton, recycleTexts, releaseUnusedTexts } from '../ui';

export abstract class ScreenScene extends Phaser.Scene {
  protected app!: App;
  protected mirror!: DomMirror;
  private specs: ControlSpec[] = [];
  /** The control that gets focus when the screen opens. */
  protected initialFocus: string | undefined;

  create(): void {
    this.app = this.registry.get('app') as App;
    this.mirror = this.registry.get('mirror') as DomMirror;
    const offApp = this.app.subscribe((c) => this.onChange(c));
    const offPrefs = preferences.subscribe(() => this.redraw());
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      offApp();
      offPrefs();
      releaseUnusedTexts(this);
    });
    this.enter();
    this.redraw();
    this.mirror.controls.focusFirstIfLost(this.initialFocus);
  }

  /** Called once when the screen opens, before the first draw. */
  protected enter(): void {}

  protected onChange(change: Change): void {
    if (change.kind !== 'screen') this.redraw();
  }

  redraw(): void {
    this.tweens.killAll();
    recycleTexts(this);
    this.children.removeAll(true);
    this.specs = [];
    this.add.rectangle(0, 0, W, H, COLOR.bg).setOrigin(0);
    this.draw();
    releaseUnusedTexts(this);
    this.mirror.controls.sync(this.specs);
    const { title, sections } = this.describe();
    this.mirror.setScreenText(title, sections);
  }

  protected button(b: DrawButton): void {
    this.specs.push(button(this, b));
  }

  protected control(spec: ControlSpec): void {
    this.specs.push(spec);
  }

  protected abstract draw(): void;
  protected abstract describe(): { title: string; sections: TextSection[] };
}
