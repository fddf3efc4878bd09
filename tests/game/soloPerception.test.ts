// Solo games offer the perception check too: a button at the table opens the private guess (once a
// round, it does not use the turn), which hot seat asks for at each team's first turn in a round.
import { afterEach, describe, expect, it } from 'vitest';
import { PERCEPTION_BUTTON_RECT, PerceptionCheck } from '../../src/dom/perception';
import { type Booted, bootGame, boxProblems, controlBoxes, dismissCards, playedSession, showing } from './harness';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.destroy();
  booted = null;
});

const openButton = () => document.getElementById('bc-perception-open') as HTMLButtonElement | null;

describe('the perception check in a solo game', () => {
  it('is offered at the table, records a guess without using the turn, and goes once it is used', async () => {
    const session = playedSession({ stop: (s) => s.phase === 'rounds' && s.isMyTurn, moves: () => ({ type: 'force-agenda' }) });
    expect(session.choice.mode).toBe('solo');
    booted = await bootGame();
    const check = new PerceptionCheck(booted.app, document.body);
    booted.app.resume(session.persisted());
    await showing(booted, 'rounds');
    // Solo does not interrupt the player with the dialog: it waits behind the button.
    expect(check.isOpen).toBe(false);
    const button = openButton();
    expect(button).not.toBeNull();
    expect(button?.hidden).toBe(false);
    expect(button?.getAttribute('aria-label')).toBe(
      "Perception check: privately guess Iran's top priority and red line (once a round; it does not use your turn)",
    );
    button?.click();
    expect(check.isOpen).toBe(true);
    const dialog = document.getElementById('bc-perception') as HTMLDialogElement;
    expect(dialog.textContent).toContain('what do you think Iran cares about most');
    expect(dialog.textContent).not.toMatch(/\bteam\b/);
    const game = booted.app.session?.game;
    const [round, aiMoves] = [game?.round, game?.log.filter((e) => e.side === 'iran').length];
    (dialog.querySelector('select[name="priority"]') as HTMLSelectElement).value = 'sanctions';
    (dialog.querySelector('select[name="redLine"]') as HTMLSelectElement).value = 'enrichment';
    (dialog.querySelector('form') as HTMLFormElement).requestSubmit();
    const after = booted.app.session?.game;
    expect(after?.guesses).toEqual([expect.objectContaining({ side: 'us', priority: 'sanctions', redLine: 'enrichment' })]);
    // Still the player's move, in the same round, and the AI has not answered: the turn is not used.
    expect(after?.toMove).toBe('us');
    expect(after?.round).toBe(round);
    expect(after?.log.filter((e) => e.side === 'iran').length).toBe(aiMoves);
    expect(check.isOpen).toBe(false);
    // Once a round: the button goes until the next round.
    expect(openButton()?.hidden).toBe(true);
  });

  it('sits clear of every control the table draws (it once covered "Your brief")', async () => {
    const session = playedSession({ stop: (s) => s.phase === 'rounds' && s.isMyTurn, moves: () => ({ type: 'force-agenda' }) });
    booted = await bootGame();
    new PerceptionCheck(booted.app, document.body);
    booted.app.resume(session.persisted());
    await showing(booted, 'rounds');
    dismissCards(booted);
    expect(openButton()?.hidden).toBe(false);
    const { x, y, w, h } = PERCEPTION_BUTTON_RECT;
    expect(openButton()?.style.left).toBe(`${(x / 1280) * 100}%`);
    expect(openButton()?.style.top).toBe(`${(y / 720) * 100}%`);
    const boxes = [...controlBoxes(), { name: 'Perception check', x, y, w, h }];
    expect(boxes.some((b) => /^Your brief/.test(b.name))).toBe(true);
    expect(boxProblems(boxes)).toEqual([]);
    // Under the brief drawer (or a card) it is put away with the rest of the table.
    const stage = () => document.getElementById('bc-stage');
    expect(stage()?.hasAttribute('data-modal')).toBe(false);
    booted.button(/^Your brief:/).click();
    expect(stage()?.hasAttribute('data-modal')).toBe(true);
    booted.button(/^Close your brief/).click();
    expect(stage()?.hasAttribute('data-modal')).toBe(false);
  });

  it('is not on the screen away from the table', async () => {
    const session = playedSession({ stop: () => true });
    booted = await bootGame();
    new PerceptionCheck(booted.app, document.body);
    booted.app.resume(session.persisted());
    await showing(booted, 'agenda');
    expect(openButton()?.hidden ?? true).toBe(true);
  });
});
