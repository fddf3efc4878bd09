// Hot seat in the headless game: the handoff screen hides both teams' private things until the
// called team sits down; each team then sees only its own brief; the perception check and the
// facilitator's panel are plain DOM dialogs; the debrief's memo tab prints the journal.
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/app';
import { validateAction } from '../../src/core/rules';
import type { KeyValueStore } from '../../src/core/save';
import { PerceptionCheck } from '../../src/dom/perception';
import { qrSvg } from '../../src/dom/qr';
import { type Booted, bootGame, until } from './harness';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.destroy();
  booted = null;
});

function memoryStore(): KeyValueStore {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

/** Starts a hot-seat game and takes both teams through their briefings to the agenda, the team to move seated. */
function seatBothTeams(app: App): void {
  app.startGame();
  app.takeSeat('us');
  app.toAgenda();
  app.takeSeat('iran');
  app.toAgenda();
  if (app.screen === 'handoff') app.takeSeat(app.classroom.calling);
}

const screenText = () => document.getElementById('bc-screen')?.textContent ?? '';

describe('hot seat', () => {
  it('hands the screen over between the teams, showing each only its own brief', async () => {
    booted = await bootGame('?seed=hotseat-scene&mode=hotseat');
    const { app, game, button } = booted;
    new PerceptionCheck(app, document.body);
    button(/^Start the talks/).click();
    await until(() => game.scene.isActive('handoff'), 'the handoff screen');
    const us = app.session?.scenario.parties.us?.privateBrief.summary ?? '';
    const iran = app.session?.scenario.parties.iran?.privateBrief.summary ?? '';
    expect(screenText()).toContain('Hand the screen to the US team');
    expect(screenText()).not.toContain(us);
    button(/^We are the US/).click();
    await until(() => game.scene.isActive('briefing'), 'the US briefing');
    expect(screenText()).toContain(us);
    expect(screenText()).not.toContain(iran);
    button(/^Go to the agenda dispute/).click();
    await until(() => game.scene.isActive('handoff'), 'the handoff to Iran');
    expect(screenText()).not.toContain(us);
    expect(() => app.takeSeat('us')).not.toThrow();
    expect(app.takeSeat('us')).toMatch(/calls the Iran team/);
    button(/^We are the Iran team/).click();
    await until(() => game.scene.isActive('briefing'), 'the Iran briefing');
    expect(screenText()).toContain(iran);
    expect(screenText()).not.toContain(us);
    button(/^Go to the agenda dispute/).click();
    await until(() => game.scene.isActive('agenda') || game.scene.isActive('handoff'), 'the agenda');
    if (game.scene.isActive('handoff')) {
      booted.buttons()[0]?.click();
      await until(() => game.scene.isActive('agenda'), 'the agenda after the handoff');
    }
    // The decision journal field sits next to the moves.
    const reason = document.querySelector<HTMLInputElement>('input[aria-label^="Why?"]');
    expect(reason).not.toBeNull();
  });

  it('a saved hot-seat game continues as hot seat, behind the handoff screen', async () => {
    const store = memoryStore();
    booted = await bootGame('?seed=hotseat-save&mode=hotseat', store);
    const { app } = booted;
    seatBothTeams(app);
    const legal = app.session?.legalActions() ?? [];
    expect(app.act(legal.find((a) => a.type === 'propose-agenda') ?? (legal[0] as never))).toBeNull();
    const checksum = app.session?.replay().final;
    await booted.destroy();

    booted = await bootGame('?seed=other', store);
    expect(booted.app.continueSaved()).toBeNull();
    expect(booted.app.hotseat).toBe(true);
    expect(booted.app.screen).toBe('handoff');
    expect(booted.app.session?.replay().final).toBe(checksum);
    const iran = booted.app.session?.scenario.parties.iran?.privateBrief.summary ?? '';
    const us = booted.app.session?.scenario.parties.us?.privateBrief.summary ?? '';
    await until(() => booted?.game.scene.isActive('handoff') ?? false, 'the handoff screen');
    expect(screenText()).not.toContain(us);
    expect(screenText()).not.toContain(iran);
  });

  it('lists only complete actions: every listed action, perception guesses included, passes the rules', async () => {
    booted = await bootGame('?seed=hotseat-legal&mode=hotseat', memoryStore());
    const { app } = booted;
    seatBothTeams(app);
    const session = app.session;
    if (!session) throw new Error('no session');
    const legal = session.legalActions();
    const guesses = legal.filter((a) => a.type === 'guess');
    expect(guesses).toHaveLength(session.scenario.issues.length ** 2);
    for (const action of legal)
      expect(validateAction(session.scenario, session.game, session.side, action), JSON.stringify(action)).toBeNull();
  });

  it('draws a QR code as SVG for the class link', () => {
    const svg = qrSvg('https://example.org/?scenario=muscat-2026&seed=cedar-1234&mode=hotseat');
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('<path d="M');
  });
});
