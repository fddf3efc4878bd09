// Hot seat in the headless game: the handoff screen hides both teams' private things until the
// called team sits down; each team then sees only its own brief; the perception check and the
// facilitator's panel are plain DOM dialogs; the debrief's memo tab prints the journal.
import { afterEach, describe, expect, it } from 'vitest';
import { PerceptionCheck } from '../../src/dom/perception';
import { qrSvg } from '../../src/dom/qr';
import { type Booted, bootGame, until } from './harness';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.destroy();
  booted = null;
});

const screenText = () => document.getElementById('bc-screen')?.textContent ?? '';

describe('hot seat', () => {
  it('hands the screen over between the teams, showing each only its own brief', async () => {
    booted = await bootGame('?seed=hotseat-scene&mode=hotseat');
    const { app, game, button } = booted;
    new PerceptionCheck(app, document.body);
    button(/^Start the talks/).click();
    await until(() => game.scene.isActive('handoff'), 'the handoff screen');
    const us = app.session?.scenario.parties.us.privateBrief.summary ?? '';
    const iran = app.session?.scenario.parties.iran.privateBrief.summary ?? '';
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
    button(/^We are Iran/).click();
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

  it('draws a QR code as SVG for the class link', () => {
    const svg = qrSvg('https://example.org/?scenario=muscat-2026&seed=cedar-1234&mode=hotseat');
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('<path d="M');
  });
});
