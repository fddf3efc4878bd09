// The screens before the table in the pseudo-locale: the title in each mode (and with a class code,
// and with a saved game), the briefing's three tabs, the agenda and the hot seat's hand-off show no
// word or number outside the markers, on the canvas or in the DOM controls: all of it comes from the
// catalogue, the scenario's texts or a formatted number. Only the seed and the codes are data.
import { afterEach, describe, expect, it } from 'vitest';
import { resetLanguage } from '../../src/i18n';
import { memoryStore } from '../support/memoryStore';
import { canvasTexts, domTexts, unmarked, usePseudoLocale } from '../support/pseudo';
import { type Booted, bootGame, showing } from './harness';

const SEED = 'pseudo-title';
const CLASS = 'K7QW-M3ZP';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.destroy();
  booted = null;
  resetLanguage();
});

/** What the screen shows outside the markers (empty when everything came through the catalogue). */
function leftOver(b: Booted, data: readonly string[] = [SEED]): string[] {
  return unmarked([...canvasTexts(b.game), ...domTexts(document.getElementById('bc-controls') as HTMLElement)], data);
}

function press(key: string): void {
  const control = document.querySelector<HTMLElement>(`#bc-controls [data-key="${key}"]`);
  if (!control) throw new Error(`no control ${key}`);
  control.click();
}

describe('the screens before the table, in the pseudo-locale', () => {
  it('the title in every mode, and with a class code', async () => {
    usePseudoLocale();
    booted = await bootGame(`?seed=${SEED}&side=us`);
    const { app } = booted;
    for (const mode of ['solo', 'hotseat', 'replay', 'online'] as const) {
      app.choose({ mode });
      expect(leftOver(booted), mode).toEqual([]);
    }
    app.openClass(CLASS);
    app.notify({ kind: 'view' });
    expect(leftOver(booted, [SEED, CLASS]), 'class').toEqual([]);
  });

  it('the title with a saved game', async () => {
    const store = memoryStore();
    usePseudoLocale();
    booted = await bootGame(`?seed=${SEED}&side=us`, store);
    booted.app.startGame();
    booted.app.toAgenda();
    await showing(booted, 'agenda');
    await booted.destroy();
    booted = await bootGame(`?seed=other&side=us`, store);
    expect(document.querySelector('#bc-controls [data-key="continue"]')).not.toBeNull();
    expect(leftOver(booted, [SEED, 'other'])).toEqual([]);
  });

  it('the briefing, each of its tabs, and the agenda', async () => {
    usePseudoLocale();
    booted = await bootGame(`?seed=${SEED}&side=us`);
    booted.app.startGame();
    await showing(booted, 'briefing');
    expect(leftOver(booted), 'situation').toEqual([]);
    press('tab-brief');
    expect(leftOver(booted), 'brief').toEqual([]);
    press('tab-other');
    expect(leftOver(booted), 'other').toEqual([]);
    booted.app.toAgenda();
    await showing(booted, 'agenda');
    expect(leftOver(booted), 'agenda').toEqual([]);
  });

  it('the hot seat’s hand-off', async () => {
    usePseudoLocale();
    booted = await bootGame(`?seed=${SEED}&mode=hotseat`);
    booted.app.startGame();
    await showing(booted, 'handoff');
    expect(leftOver(booted), 'handoff').toEqual([]);
    const { app } = booted;
    app.takeSeat('us');
    app.toAgenda();
    await showing(booted, 'handoff');
    expect(leftOver(booted), 'second handoff').toEqual([]);
    // Both teams briefed, a move made: the hand-off shows the last public move.
    app.takeSeat('iran');
    app.toAgenda();
    if (app.screen === 'handoff') app.takeSeat(app.classroom.calling);
    const legal = app.session?.legalActions() ?? [];
    expect(app.act(legal.find((a) => a.type === 'propose-agenda') ?? (legal[0] as never))).toBeNull();
    await showing(booted, 'handoff');
    expect(document.getElementById('bc-screen')?.textContent).toMatch(/Last public move/);
    expect(leftOver(booted), 'handoff after a move').toEqual([]);
  });
});
