// Issue 15, point 7: before the player's move, the ladder shows what each of their moves would make the
// hazard of the coming end-of-round roll (before the other side's reply), and each move button's
// description says it too. When the facilitator hides the hazard, none of these numbers show.
import Phaser from 'phaser';
import { afterEach, describe, expect, it } from 'vitest';
import { hazardPreview } from '../../src/core/escalation/preview';
import { type Booted, bootGame, playedSession, showing } from './harness';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.destroy();
  booted = null;
});

const canvasTexts = (scene: Phaser.Scene) =>
  scene.children.list.filter((c): c is Phaser.GameObjects.Text => c instanceof Phaser.GameObjects.Text && c.visible).map((t) => t.text);
const pct = (h: number) => `${(h * 100).toFixed(h < 0.1 ? 1 : 0)}%`;
/** "name … N%" within one group of the line (moves with the same effect share a group). */
const inGroup = (name: string, h: number) => new RegExp(`(: |· )([a-z ]+, )*${name}(, [a-z ]+)* ${pct(h).replace('.', '\\.')}( ·|$)`);

/** At the table, the player (US) to move on the round's last move: the other side has spoken. */
const lastMoveOfRound = () =>
  playedSession({
    stop: (s) => s.phase === 'rounds' && s.isMyTurn && s.game.movesThisRound === 1,
    moves: (s) => (s.phase === 'agenda' ? { type: 'force-agenda' } : { type: 'statement', tone: 'firm' }),
  });

async function atTable(snapshot: unknown): Promise<Phaser.Scene> {
  booted = await bootGame();
  booted.app.resume(snapshot as ReturnType<ReturnType<typeof playedSession>['persisted']>);
  const table = await showing(booted, 'rounds');
  for (let i = 0; i < 6 && booted.buttons().some((b) => /^(Next event|Back to the table)/.test(b.getAttribute('aria-label') ?? '')); i++)
    booted.button(/^(Next event|Back to the table)/).click();
  return table;
}

describe('the hazard of the coming roll, move by move', () => {
  it('shows on the ladder and in each move button’s description', async () => {
    const session = lastMoveOfRound();
    const table = await atTable(session.persisted());
    const s = booted?.app.session;
    if (!s) throw new Error('no session');
    const preview = hazardPreview(s.scenario, s.game, s.side, { ...s.draft });
    const threat = preview.moves.find((m) => m.key === 'statement-threat');
    const calm = preview.moves.find((m) => m.key === 'statement-conciliatory');
    if (!threat || !calm) throw new Error('no statements previewed');
    expect(threat.hazard).toBeGreaterThan(calm.hazard);
    // The round's last move: every move closes the round, and the preview is its draw's hazard.
    expect(threat.closesRound).toBe(true);

    const line = canvasTexts(table).find((t) => t.startsWith('Your move, before their reply:'));
    expect(line).toBeDefined();
    expect(line).toMatch(inGroup('threat', threat.hazard));
    expect(line).toMatch(inGroup('recess', preview.moves.find((m) => m.key === 'recess')?.hazard ?? -1));
    expect(line).toMatch(inGroup('conciliatory', calm.hazard));

    const button = (booted as Booted).button(/^Make a threat public statement/);
    expect(button.getAttribute('aria-description')).toBe(
      `Hazard of the coming roll after this move, before their reply: ${pct(threat.hazard)} (now ${pct(s.game.hazard)}).`,
    );
    expect(button.title).toContain(`${pct(threat.hazard)} (now ${pct(s.game.hazard)})`);
    expect((booted as Booted).button(/^Ask Oman for a recess/).getAttribute('aria-description')).toMatch(
      /^Hazard of the coming roll after this move, before their reply: [\d.]+% \(now [\d.]+%\)\.$/,
    );
  });

  it('shows none of these numbers when the facilitator hides the hazard', async () => {
    const snapshot = structuredClone(lastMoveOfRound().persisted()) as unknown as { context: { game: { hazardVisible: boolean } } };
    snapshot.context.game.hazardVisible = false;
    const table = await atTable(snapshot);
    const texts = canvasTexts(table);
    expect(texts).toContain('Hidden by the facilitator');
    expect(texts.some((t) => t.includes('before their reply'))).toBe(false);
    const descriptions = (booted as Booted).buttons().map((b) => b.getAttribute('aria-description') ?? '');
    expect(descriptions.some((d) => d.includes('Hazard of the coming roll'))).toBe(false);
    expect((booted as Booted).button(/^Make a threat public statement/).disabled).toBe(false);
  });
});
