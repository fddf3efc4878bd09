// Which scene draws each screen. A scene joins the game the first time its screen is shown, so
// booting builds only the first screen instead of all of them.
import type Phaser from 'phaser';
import type { Screen } from '../app/app';
import { AgendaScene } from './scenes/AgendaScene';
import { BriefingScene } from './scenes/BriefingScene';
import { DebriefScene } from './scenes/DebriefScene';
import { HandoffScene } from './scenes/HandoffScene';
import { OutcomeScene } from './scenes/OutcomeScene';
import { ReplayScene } from './scenes/ReplayScene';
import { TableScene } from './scenes/TableScene';
import { TitleScene } from './scenes/TitleScene';

const SCENES: Record<Screen, new () => Phaser.Scene> = {
  title: TitleScene,
  briefing: BriefingScene,
  agenda: AgendaScene,
  rounds: TableScene,
  outcome: OutcomeScene,
  debrief: DebriefScene,
  replay: ReplayScene,
  handoff: HandoffScene,
};

const added = new WeakMap<Phaser.Game, Set<Screen>>();

/** Starts (or restarts) the scene of `screen`, adding it to the game on first use. */
export function showScreen(game: Phaser.Game, screen: Screen): void {
  const keys = added.get(game) ?? new Set<Screen>();
  added.set(game, keys);
  if (keys.has(screen)) {
    game.scene.start(screen);
    return;
  }
  keys.add(screen);
  // Added and started together: also right while the scene manager is mid-step or not yet booted.
  game.scene.add(screen, SCENES[screen], true);
}
