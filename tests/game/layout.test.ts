// Layout on every screen: each control lies inside the 1280×720 stage and no two controls overlap,
// so no button is cut off or hidden under another (a mouse click or a tap always reaches the one
// whose name it shows). Checked in the headless game, where the control layer has the same rects.
import { afterEach, describe, expect, it } from 'vitest';
import type { Screen } from '../../src/app/app';
import { type Booted, bootGame, boxProblems, controlBoxes, playedSession, showing } from './harness';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.destroy();
  booted = null;
});

async function check(screen: Screen): Promise<void> {
  if (!booted) throw new Error('not booted');
  await showing(booted, screen);
  expect(controlBoxes().length, screen).toBeGreaterThan(0);
  expect(boxProblems(controlBoxes()), screen).toEqual([]);
}

describe('every screen lays its controls inside the stage without overlaps', () => {
  it('the title screen in each mode, with link problems shown', async () => {
    booted = await bootGame('?scenario=atlantis&side=france&seed=layout');
    for (const mode of ['solo', 'hotseat', 'replay', 'online'] as const) {
      booted.app.choose({ mode });
      await check('title');
    }
    booted.app.choose({ scenarioId: 'tutorial', mode: 'solo' });
    await check('title');
  });

  it('briefing, agenda, table, outcome and debrief', async () => {
    booted = await bootGame('?seed=layout&side=us');
    booted.app.startGame();
    await check('briefing');
    booted.app.toAgenda();
    await check('agenda');
    const session = playedSession({ stop: (s) => s.phase === 'rounds', moves: () => ({ type: 'force-agenda' }) });
    booted.app.resume(session.persisted());
    await check('rounds');
    const ended = playedSession({ stop: (s) => s.phase === 'outcome' || s.phase === 'debrief', moves: (s) => s.legalActions()[0] ?? null });
    booted.app.resume(ended.persisted());
    await check(booted.app.screen);
    if (booted.app.screen === 'outcome') {
      booted.app.toDebrief();
      await check('debrief');
    }
  });

  it('the hot-seat handoff screen', async () => {
    booted = await bootGame('?seed=layout&mode=hotseat');
    booted.app.startGame();
    await check('handoff');
  });
});
