// Issue 15, point 7: before the player's move, the ladder shows what each of their moves would make the
// hazard of the coming end-of-round roll (before the other side's reply), and each move button's
// description says it too. When the facilitator hides the hazard, none of these numbers show.
import Phaser from 'phaser';
import { afterEach, describe, expect, it } from 'vitest';
import { hazardPreview } from '../../src/core/escalation/preview';
import { type Booted, bootGame, dismissCards, measureTextLikeABrowser, playedSession, showing } from './harness';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.destroy();
  booted = null;
});

measureTextLikeABrowser({ ascent: 0.9, descent: 0.3 });

const canvasTexts = (scene: Phaser.Scene) =>
  scene.children.list.filter((c): c is Phaser.GameObjects.Text => c instanceof Phaser.GameObjects.Text && c.visible).map((t) => t.text);
const pct = (h: number) => `${(h * 100).toFixed(h < 0.1 ? 1 : 0)}%`;
/** "name … N%" within one group of the line (moves with the same effect share a group; no-break spaces inside it). */
const inGroup = (name: string, h: number) =>
  new RegExp(`(: |· )([a-z\\s]+,\\s)*${name}(,\\s[a-z\\s]+)*\\s${pct(h).replace('.', '\\.')}( ·|$)`);

/**
 * At the table, the player (US) to move on the round's last move, with both offers on the table (so
 * accepting and conceding are moves too, the longest line): the other side has spoken.
 */
const lastMoveOfRound = () =>
  playedSession({
    stop: (s) =>
      s.phase === 'rounds' && s.isMyTurn && s.game.movesThisRound === 1 && s.game.offers.us !== null && s.game.offers.iran !== null,
    moves: (s) =>
      s.phase === 'agenda'
        ? { type: 'force-agenda' }
        : s.game.offers.us === null
          ? { type: 'propose', terms: { ...s.draft } }
          : { type: 'statement', tone: 'firm' },
  });

async function atTable(snapshot: unknown): Promise<Phaser.Scene> {
  booted = await bootGame();
  booted.app.resume(snapshot as ReturnType<ReturnType<typeof playedSession>['persisted']>);
  const table = await showing(booted, 'rounds');
  dismissCards(booted);
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
    expect(preview.moves.map((m) => m.key)).toEqual(expect.arrayContaining(['accept', 'concede', 'propose']));

    const line = canvasTexts(table).find((t) => t.startsWith('Your move, before their reply:'));
    expect(line).toBeDefined();
    expect(line).toMatch(inGroup('threat', threat.hazard));
    expect(line).toMatch(inGroup('recess', preview.moves.find((m) => m.key === 'recess')?.hazard ?? -1));
    expect(line).toMatch(inGroup('conciliatory', calm.hazard));

    // Inside the ladder panel (x 16, y 256, w 300, h 268), over no other text of it.
    const texts = table.children.list.filter((c): c is Phaser.GameObjects.Text => c instanceof Phaser.GameObjects.Text && c.visible);
    const box = (t: Phaser.GameObjects.Text) => ({ x: t.x - t.originX * t.width, y: t.y - t.originY * t.height, w: t.width, h: t.height });
    const own = texts.find((t) => t.text === line) as Phaser.GameObjects.Text;
    const b = box(own);
    expect(b.h).toBeGreaterThan(10);
    expect([b.x >= 16, b.y >= 256, b.x + b.w <= 316, b.y + b.h <= 524]).toEqual([true, true, true, true]);
    const others = texts.filter((t) => t !== own).map(box);
    const overlapping = others.filter(
      (o) =>
        o.x < 316 &&
        o.y >= 256 &&
        o.y < 524 &&
        Math.min(o.x + o.w, b.x + b.w) - Math.max(o.x, b.x) > 1 &&
        Math.min(o.y + o.h, b.y + b.h) - Math.max(o.y, b.y) > 1,
    );
    expect(overlapping).toEqual([]);
    // Not cut short: the wrapped line needs no more lines than the text may show.
    expect(own.style.maxLines).toBeGreaterThan(0);
    expect(own.getWrappedText().length).toBeLessThanOrEqual(own.style.maxLines);

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
