// The pseudo-locale over whole games: every catalogue text and every scenario text wrapped in ⟦ ⟧,
// a game played from the title to the debrief on each side, and a hot-seat game: at every step, no
// text on the canvas or in the page (accessible names included) shows letters or digits outside the
// markers. What is left outside is a string the code wrote in English: nothing may be.
// Also: switching language in the middle of a game redraws it and changes nothing of the game.
import { afterEach, describe, expect, it } from 'vitest';
import { preferences } from '../../src/app/preferences';
import { stateChecksum } from '../../src/core/checksum';
import { en } from '../../src/i18n/en';
import { language, resetLanguage, useLanguage } from '../../src/i18n/index';
import { canvasTexts, domTexts, unmarked, usePseudoLocale } from '../support/pseudo';
import { type Booted, bootGame, showing, until } from './harness';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.destroy();
  booted = null;
  resetLanguage();
  preferences.set({ language: null });
});

const SEED = 'pseudo-seed';

/** What the page shows now that is not marked, on the canvas and in the document. */
function problemsNow(b: Booted, where: string): string[] {
  return unmarked([...canvasTexts(b.game), ...domTexts(document)], [SEED]).map((p) => `${where} · ${p}`);
}

/** Plays the session to its debrief by its legal moves, checking the page at every step. */
async function playToDebrief(b: Booted): Promise<string[]> {
  const found: string[] = [];
  const look = (where: string) => {
    for (const p of problemsNow(b, where)) if (!found.includes(p)) found.push(p);
  };
  for (let guard = 0; guard < 200; guard++) {
    const app = b.app;
    await until(() => b.game.scene.isActive(app.screen), `the ${app.screen} screen`);
    const session = app.session;
    look(`${app.screen}${session ? ` r${session.game.round}` : ''}`);
    if (app.screen === 'debrief' || !session) break;
    if (app.screen === 'briefing') {
      app.toAgenda();
      continue;
    }
    if (app.screen === 'outcome') {
      app.toDebrief();
      continue;
    }
    if (app.screen === 'handoff') {
      const side = session.game.toMove;
      if (side) app.takeSeat(side);
      continue;
    }
    const legal = session.legalActions();
    const pick =
      legal.find((a) => a.type === 'accept-agenda') ??
      legal.find((a) => a.type === 'accept' && session.game.round >= 4) ??
      legal.find((a) => a.type === 'concede' && session.game.turn % 4 === 1) ??
      legal.find((a) => a.type === 'propose') ??
      legal[0];
    if (!pick) break;
    const error = app.act(pick);
    if (error) throw new Error(error);
  }
  // Every tab of the debrief.
  for (const button of b.buttons().filter((x) => /Debrief/.test(x.getAttribute('aria-label') ?? ''))) {
    button.click();
    look('debrief tab');
  }
  return found;
}

describe('the pseudo-locale: nothing shown is hard-coded', () => {
  for (const side of ['us', 'iran'] as const)
    it(`a whole solo game as ${side}, title to debrief`, async () => {
      usePseudoLocale();
      booted = await bootGame(`?seed=${SEED}&side=${side}`);
      await showing(booted, 'title');
      const found = problemsNow(booted, 'title');
      expect(booted.app.startGame()).toBeNull();
      found.push(...(await playToDebrief(booted)));
      expect(found).toEqual([]);
    });

  it('a hot-seat game with its hand-offs, title to debrief', async () => {
    usePseudoLocale();
    booted = await bootGame(`?seed=${SEED}&side=us&mode=hotseat`);
    await showing(booted, 'title');
    const found = problemsNow(booted, 'title hot seat');
    expect(booted.app.startGame()).toBeNull();
    found.push(...(await playToDebrief(booted)));
    expect(found).toEqual([]);
  });
});

describe('switching language mid-game', () => {
  it('redraws the screen in the new language and leaves the game as it was (same checksum)', async () => {
    booted = await bootGame(`?seed=${SEED}&side=iran`);
    expect(booted.app.startGame()).toBeNull();
    booted.app.toAgenda();
    const session = booted.app.session;
    if (!session) throw new Error('no session');
    for (let i = 0; i < 6; i++) {
      const legal = session.legalActions();
      const pick = legal.find((a) => a.type === 'propose') ?? legal[0];
      if (pick) booted.app.act(pick);
    }
    await showing(booted, booted.app.screen);
    const before = stateChecksum(session.game);
    const texts = () => [...canvasTexts(booted!.game)].map(([, t]) => t).join('\n');
    const english = texts();
    usePseudoLocale();
    await until(() => texts() !== english, 'the redraw');
    expect(language()).toBe('pseudo');
    expect(stateChecksum(session.game)).toBe(before);
    useLanguage('en', en);
    await until(() => texts() === english, 'the English redraw');
    expect(stateChecksum(session.game)).toBe(before);
  });
});
