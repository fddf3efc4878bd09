// Issue 15, point 2: when the ladder climbs at the end of a round, the table says so as it happens:
// a card with the hazard, the roll and the causes, a line on the wire, and one aria-live announcement.
// When the climb ends the talks in conflict, the outcome screen shows the card first.
import Phaser from 'phaser';
import { afterEach, describe, expect, it } from 'vitest';
import { automationApi } from '../../src/app/automation';
import type { Session } from '../../src/app/session';
import { roundRolls } from '../../src/core/escalation/roundRoll';
import type { Action } from '../../src/core/types';
import { type Booted, bootGame, dismissCards, playedSession, showing } from './harness';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.destroy();
  booted = null;
});

const canvasTexts = (scene: Phaser.Scene) =>
  scene.children.list.filter((c): c is Phaser.GameObjects.Text => c instanceof Phaser.GameObjects.Text && c.visible).map((t) => t.text);
const live = () => document.getElementById('bc-live')?.textContent ?? '';
const logItems = () => [...document.querySelectorAll('#bc-log ol li')].map((li) => li.textContent ?? '');
const screenText = () => document.getElementById('bc-screen')?.textContent ?? '';
const pct = (p: number) => `${(p * 100).toFixed(1)}%`;

/** Force the agenda, then threats (or the first legal move): with the scene-test seed the third threat's round climbs. */
const policy = (s: Session): Action | null => {
  if (s.phase === 'agenda') return { type: 'force-agenda' };
  const legal = s.legalActions();
  return legal.find((a) => a.type === 'statement' && a.tone === 'threat') ?? legal.find((a) => a.type === 'propose') ?? legal[0] ?? null;
};

/** A game at the table `moves` moves in, and the move that follows. */
function gameBefore(moves: number): { session: Session; next: Action } {
  const session = playedSession({ moves: policy, stop: (s) => s.phase === 'rounds' });
  for (let i = 0; i < moves; i++) session.act(policy(session) as Action);
  return { session, next: policy(session) as Action };
}

async function atTable(session: Session): Promise<Phaser.Scene> {
  booted = await bootGame();
  booted.app.resume(session.persisted());
  const table = await showing(booted, 'rounds');
  dismissCards(booted);
  return table;
}

describe('the round-end escalation roll', () => {
  it('shows a card, a wire line and one announcement when the ladder climbs at round end', async () => {
    const { session, next } = gameBefore(2);
    const table = await atTable(session);
    const app = (booted as Booted).app;
    const riskBefore = app.session?.game.risk.length ?? 0;
    expect(app.act(next)).toBeNull();
    const played = app.session;
    if (!played) throw new Error('no game');
    const climb = roundRolls(played.scenario, played.game).find((r) => r.index >= riskBefore && r.move === 'up');
    if (!climb) throw new Error('this move was expected to end a round with a climb');
    expect([climb.fromName, climb.toName]).toEqual(['Naval incidents', 'Military build-up']);
    const title = 'The ladder climbs: Naval incidents → Military build-up';

    // (a) The card: the title, the hazard, the roll under it and what raised the hazard.
    const texts = canvasTexts(table);
    expect(texts).toContain(title);
    const body = texts.join('\n');
    expect(body).toContain(`Hazard in round ${climb.round}: ${pct(climb.hazard)}`);
    expect(body).toContain(`Roll ${climb.roll.toFixed(3)} (${pct(climb.roll)}), under the ${pct(climb.hazard)} hazard`);
    expect(climb.causes.length).toBeGreaterThan(0);
    expect(body).toMatch(/Raised by: .*threat statement/);
    expect(screenText()).toContain(`Escalation: ${title}`);
    // The card is read before anything else: its button has the focus, the moves wait.
    const dismiss = (booted as Booted).button(/^(Back to the table|Next card) \(read: The ladder climbs/);
    expect(document.activeElement).toBe(dismiss);
    const pressable = (booted as Booted).buttons().filter((b) => !b.disabled);
    expect(pressable).toEqual([dismiss]);

    // (b) The wire line.
    const wire = `End of round ${climb.round}: the ladder climbs, Naval incidents → Military build-up (hazard ${pct(climb.hazard)}, roll ${pct(climb.roll)}).`;
    expect(texts).toContain(wire);

    // (c) One announcement with the same facts.
    const said = `End of round ${climb.round}: ${title}. The hazard was ${pct(climb.hazard)}; the roll was ${pct(climb.roll)}.`;
    expect(live()).toContain(said);
    expect(logItems().filter((t) => t.startsWith(said))).toHaveLength(1);
    app.notify({ kind: 'view' });
    expect(logItems().filter((t) => t.startsWith(said))).toHaveLength(1);

    // Dismissed, the card is gone and the wire line stays.
    for (
      let i = 0;
      i < 6 &&
      (booted as Booted).buttons().some((b) => /^(Next card|Next event|Back to the table)/.test(b.getAttribute('aria-label') ?? ''));
      i++
    )
      (booted as Booted).button(/^(Next card|Next event|Back to the table)/).click();
    expect(canvasTexts(table)).not.toContain(title);
    expect(canvasTexts(table)).toContain(wire);
    expect((booted as Booted).button(/^Propose your draft package/).disabled).toBe(false);
  });

  it('leaves out the hazard and the roll when the facilitator hides the hazard', async () => {
    const { session, next } = gameBefore(2);
    const table = await atTable(session);
    const api = automationApi((booted as Booted).app);
    expect(api.act({ type: 'facilitate', action: { type: 'show-hazard', visible: false } })).toMatchObject({ ok: true });
    expect((booted as Booted).app.act(next)).toBeNull();
    const texts = canvasTexts(table);
    expect(texts).toContain('The ladder climbs: Naval incidents → Military build-up');
    const wire = texts.find((t) => t.includes('the ladder climbs, Naval incidents → Military build-up'));
    expect(wire).toBeDefined();
    expect(wire).not.toMatch(/%|hazard|roll/);
    expect(texts.filter((t) => /Hazard in round|Roll \d/.test(t))).toEqual([]);
    expect(live()).toContain('The ladder climbs: Naval incidents → Military build-up.');
    expect(live()).not.toMatch(/\d%/);
  });

  it('announces a climb to the top rung and shows its card on the outcome screen', async () => {
    const { session, next } = gameBefore(6);
    await atTable(session);
    const app = (booted as Booted).app;
    expect(app.act(next)).toBeNull();
    expect(app.session?.game.outcome?.kind).toBe('conflict');
    const outcome = await showing(booted as Booted, 'outcome');
    const title = 'The ladder climbs: Limited strikes → Regional war';
    expect(canvasTexts(outcome)).toContain(title);
    expect(canvasTexts(outcome).join('\n')).toContain('The top rung: the talks end in conflict');
    // The climb is said before the screen's name, in the same live-region update.
    expect(live()).toMatch(
      /End of round \d+: The ladder climbs: Limited strikes → Regional war\..*The talks end in conflict\..*The talks are over\./,
    );
    (booted as Booted).button(/^Continue \(read: The ladder climbs/).click();
    expect(canvasTexts(outcome)).not.toContain(title);
  });
});
