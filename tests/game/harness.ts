// Boots the real game with Phaser.HEADLESS inside happy-dom, and builds game snapshots to boot
// scenes from, by playing moves through a Session (the same path the buttons use).
import Phaser from 'phaser';
import { afterAll, beforeAll } from 'vitest';
import { App, type Screen } from '../../src/app/app';
import { announceChanges } from '../../src/app/feedback';
import { loadScenario } from '../../src/app/scenarios';
import { type GameChoice, Session } from '../../src/app/session';
import { parseUrl } from '../../src/app/url';
import type { KeyValueStore } from '../../src/core/save';
import type { Action } from '../../src/core/types';
import { DomMirror } from '../../src/dom/mirror';
import { startGame } from '../../src/game/startGame';

/**
 * The canvas mock measures every string as zero wide and every face as zero high. For the test file
 * that calls this (at its top level), text measures as in a browser instead: 7 px a character at
 * 13 px (in proportion at other sizes), and each size a bounding box of `ascent` and `descent` of
 * its pixel size, so wrapping, line heights and a wrong face's metrics show. Contexts bind the
 * method when they are made, so it is in place before the game boots.
 */
export function measureTextLikeABrowser(o: { ascent: number; descent: number }): void {
  const proto = CanvasRenderingContext2D.prototype;
  const measure = proto.measureText;
  beforeAll(() => {
    proto.measureText = function (this: CanvasRenderingContext2D, s: string) {
      const px = Number(/(\d+)px/.exec(this.font)?.[1] ?? 10);
      return {
        ...measure.call(this, s),
        width: (s.length * 7 * px) / 13,
        actualBoundingBoxAscent: px * o.ascent,
        actualBoundingBoxDescent: px * o.descent,
      } as TextMetrics;
    };
  });
  afterAll(() => {
    proto.measureText = measure;
  });
}

export interface Booted {
  game: Phaser.Game;
  app: App;
  mirror: DomMirror;
  buttons: () => HTMLButtonElement[];
  button: (name: RegExp) => HTMLButtonElement;
  destroy: () => Promise<void>;
}

export async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function bootGame(search = '?seed=scene-test&side=us', store?: KeyValueStore): Promise<Booted> {
  // Each boot starts without a saved game from the one before.
  globalThis.localStorage?.clear();
  document.body.innerHTML = `
    <div id="bc-stage"><div id="bc-canvas"></div><div id="bc-controls"></div></div>
    <section id="bc-screen"></section><section id="bc-log"></section>`;
  const app = store ? new App(parseUrl(search), store) : new App(parseUrl(search));
  const mirror = DomMirror.fromDocument();
  announceChanges(app, mirror.announcer);
  const game = startGame({ parent: document.getElementById('bc-canvas') as HTMLElement, app, mirror, renderType: Phaser.HEADLESS });
  await until(() => game.scene.isActive('title'), 'the title scene');
  const buttons = () => [...document.querySelectorAll<HTMLButtonElement>('#bc-controls button')];
  return {
    game,
    app,
    mirror,
    buttons,
    button: (name) => {
      const found = buttons().find((b) => name.test(b.getAttribute('aria-label') ?? ''));
      if (!found)
        throw new Error(
          `no button named ${name}; have: ${buttons()
            .map((b) => b.getAttribute('aria-label'))
            .join(' | ')}`,
        );
      return found;
    },
    // Game.destroy trips over the texture stamp that HEADLESS never creates (and stopping the loop
    // breaks the next game's timer in happy-dom): stop the scenes and leave the empty game idle.
    destroy: async () => {
      for (const scene of game.scene.getScenes(true)) game.scene.stop(scene);
      await until(() => game.scene.getScenes(true).length === 0, 'the scenes to stop');
    },
  };
}

export async function showing(booted: Booted, screen: Screen): Promise<Phaser.Scene> {
  await until(() => booted.game.scene.isActive(screen), `the ${screen} scene`);
  return booted.game.scene.getScene(screen) as Phaser.Scene;
}

const CHOICE: GameChoice = {
  scenarioId: 'muscat-2026',
  seed: 'scene-test',
  side: 'us',
  personality: 'tit-for-tat',
  difficulty: 'normal',
  mode: 'solo',
};

/** A Muscat session begun (at the agenda), with these choices over the harness's own (a solo game as the US). */
export function begunSession(choice: Partial<GameChoice> = {}): Session {
  const loaded = loadScenario('muscat-2026');
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const session = new Session(loaded.scenario, loaded.hash, { ...CHOICE, ...choice });
  session.start();
  session.begin();
  return session;
}

/** A solo game as the US to its debrief: it settles the agenda, proposes its draft, and accepts from round 3. */
export const soloToDebrief = () =>
  playedSession({
    stop: (s) => s.phase === 'debrief',
    moves: (s) => {
      if (s.phase === 'agenda') return s.can('accept-agenda') ? { type: 'accept-agenda' } : { type: 'propose-agenda', issues: [] };
      return s.can('accept') && s.game.round >= 3 ? { type: 'accept' } : { type: 'propose', terms: { ...s.draft } };
    },
  });

/** A session driven by `moves` (null = take the first legal move) until `stop` holds. */
export function playedSession(opts: {
  side?: 'us' | 'iran';
  seed?: string;
  moves?: (session: Session) => Action | null;
  stop: (session: Session) => boolean;
}) {
  const session = begunSession({ side: opts.side ?? 'us', seed: opts.seed ?? CHOICE.seed });
  for (let guard = 0; guard < 200 && !opts.stop(session); guard++) {
    if (session.phase === 'outcome') session.debrief();
    if (session.phase === 'debrief') break;
    const action = opts.moves?.(session) ?? session.legalActions()[0];
    if (!action) break;
    const error = session.act(action);
    if (error) throw new Error(error);
  }
  return session;
}

/** The cards that open a round or close one (events, the escalation roll), by their buttons. */
const CARD = /^(Next event|Next card|Back to the table)/;

/** Reads and closes the cards over the table, as a player would. */
export function dismissCards(b: Booted): void {
  for (let i = 0; i < 8 && b.buttons().some((x) => CARD.test(x.getAttribute('aria-label') ?? '')); i++) b.button(CARD).click();
}

/** A game resumed at the table (the agenda forced), `side` to move, with the opening cards read. */
export async function atTheTable(side: 'us' | 'iran' = 'us'): Promise<Booted> {
  const session = playedSession({ side, stop: (s) => s.phase === 'rounds', moves: () => ({ type: 'force-agenda' }) });
  const b = await bootGame(`?seed=scene-test&side=${side}`);
  b.app.resume(session.persisted());
  await showing(b, 'rounds');
  dismissCards(b);
  return b;
}

/** A game at the table with both sides' offers on it and the player (US) to move, its cards read: concessions are possible. */
export async function atTheTableWithOffers(): Promise<{ booted: Booted; table: Phaser.Scene }> {
  const session = playedSession({
    stop: (s) => s.phase === 'rounds' && !!s.game.offers.us && !!s.game.offers.iran && s.isMyTurn,
    moves: (s) => (s.phase === 'agenda' ? { type: 'force-agenda' } : { type: 'propose', terms: { ...s.draft } }),
  });
  const booted = await bootGame();
  booted.app.resume(session.persisted());
  const table = await showing(booted, 'rounds');
  dismissCards(booted);
  return { booted, table };
}

/** A DOM-mirror control's box, in stage coordinates (1280×720). */
export interface Box {
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The visible controls of the DOM mirror matching `selector` (all of them by default) as boxes. */
export function controlBoxes(selector = '#bc-controls > *'): Box[] {
  return [...document.querySelectorAll<HTMLElement>(selector)]
    .filter((el) => !el.hidden)
    .map((el) => ({
      name: el.getAttribute('aria-label') ?? el.dataset.key ?? '?',
      x: Number.parseFloat(el.style.left),
      y: Number.parseFloat(el.style.top),
      w: Number.parseFloat(el.style.width),
      h: Number.parseFloat(el.style.height),
    }));
}

/** Every box outside the stage, and every pair of boxes that overlap by more than a pixel. */
export function boxProblems(boxes: readonly Box[]): string[] {
  const problems: string[] = [];
  for (const b of boxes)
    if (b.x < 0 || b.y < 0 || b.x + b.w > 1280 || b.y + b.h > 720) problems.push(`outside the stage: ${b.name} ${JSON.stringify(b)}`);
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) {
      const dx = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const dy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (dx > 1 && dy > 1) problems.push(`overlap: “${a.name}” and “${b.name}”`);
    }
  return problems;
}
