// Issue 15, point 4: the player can re-read the brief at the table. A "Your brief" button opens a
// drawer with the true issue weights, the red lines, the walk-away value in points and the believed
// ranges of the other side's priorities, marking a range an intelligence event has narrowed. While it
// is open the moves are not pressable; closing it gives them back.
import { afterEach, describe, expect, it } from 'vitest';
import { atTheTable, type Booted, bootGame, dismissCards, showing } from './harness';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.destroy();
  booted = null;
});

const screenText = () => document.getElementById('bc-screen')?.textContent ?? '';

const pct = (v: number) => Math.round(v * 100);

describe('your brief at the table', () => {
  it('opens from a button, shows weights, red lines, walk-away and beliefs, and blocks the moves until closed', async () => {
    booted = await atTheTable();
    const s = booted.app.session;
    if (!s) throw new Error('no session');
    const open = booted.button(/^Your brief/);
    expect(open.disabled).toBe(false);
    expect(screenText()).not.toContain('How much each issue matters to you');
    expect(booted.button(/^Propose your draft package/).disabled).toBe(false);

    open.click();
    const shown = screenText();
    expect(shown).toContain(`Walking away is worth ${pct(s.game.types.us!.reservation)} points to you`);
    s.scenario.issues.forEach((issue, i) => {
      expect(shown).toContain(`${issue.name}: ${pct(s.game.types.us!.weights[i] ?? 0)} percent of your priorities`);
      const [lo, hi] = s.game.beliefs.us![i] ?? [0, 0];
      expect(shown).toContain(`${issue.name}: ${pct(lo)} to ${pct(hi)} percent of their priorities`);
    });
    for (const red of s.scenario.parties.us!.privateBrief.redLines) expect(shown).toContain(red);
    expect(shown).not.toContain('narrowed by intelligence');
    // The moves are drawn but not pressable while the drawer is open (no DOM twin, as under an event
    // card); the Close button is.
    const names = () => booted?.buttons().map((b) => b.getAttribute('aria-label') ?? '') ?? [];
    expect(names().filter((n) => /^(Propose your draft|Walk out|Make a|Accept|Ask Oman|Your brief)/.test(n))).toEqual([]);
    expect(booted.button(/^Close your brief/).disabled).toBe(false);

    booted.button(/^Close your brief/).click();
    expect(screenText()).not.toContain('percent of your priorities');
    expect(booted.button(/^Propose your draft package/).disabled).toBe(false);
    expect(booted.buttons().some((b) => /^Close your brief/.test(b.getAttribute('aria-label') ?? ''))).toBe(false);
  });

  it('closes with Escape, and lays its controls inside the stage, below the header, without overlaps', async () => {
    booted = await atTheTable();
    booted.button(/^Your brief/).click();
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Close your brief/);
    const boxes = booted.buttons().map((el) => ({
      name: el.getAttribute('aria-label') ?? '',
      x: Number.parseFloat(el.style.left),
      y: Number.parseFloat(el.style.top),
      w: Number.parseFloat(el.style.width),
      h: Number.parseFloat(el.style.height),
    }));
    const close = boxes.find((b) => /^Close your brief/.test(b.name));
    expect(close).toBeDefined();
    if (close) {
      expect(close.y).toBeGreaterThan(45);
      expect(close.x + close.w).toBeLessThanOrEqual(1280);
      expect(close.y + close.h).toBeLessThanOrEqual(720);
    }
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) {
        const dx = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
        const dy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
        expect(dx > 1 && dy > 1, `${a.name} overlaps ${b.name}`).toBe(false);
      }

    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(booted.buttons().some((b) => /^Close your brief/.test(b.getAttribute('aria-label') ?? ''))).toBe(false);
    expect(booted.button(/^Propose your draft package/).disabled).toBe(false);
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Your brief/);
  });

  it('marks the belief an intelligence event narrowed, with its round', async () => {
    booted = await atTheTable();
    const s = booted.app.session;
    if (!s) throw new Error('no session');
    const before = s.game.beliefs.us!.map((r) => [...r]);
    expect(booted.app.facilitate({ type: 'inject', event: 'intel-tehran-cables' })).toBeNull();
    dismissCards(booted);
    const changed = s.scenario.issues.filter((_, i) => {
      const [lo, hi] = s.game.beliefs.us![i] ?? [0, 0];
      return lo !== before[i]?.[0] || hi !== before[i]?.[1];
    });
    expect(changed.length).toBe(1);
    const narrowed = changed[0];
    if (!narrowed) throw new Error('nothing narrowed');

    booted.button(/^Your brief/).click();
    const shown = screenText();
    expect(shown).toContain(`${narrowed.name}: narrowed by intelligence in round ${s.game.round}`);
    expect(shown.match(/narrowed by intelligence/g)?.length).toBe(1);
    booted.button(/^Close your brief/).click();
    expect(screenText()).not.toContain('narrowed by intelligence');
  });

  it("shows the seated side's own brief (Iran)", async () => {
    booted = await atTheTable('iran');
    const s = booted.app.session;
    if (!s) throw new Error('no session');
    booted.button(/^Your brief/).click();
    const shown = screenText();
    expect(shown).toContain(`Walking away is worth ${pct(s.game.types.iran!.reservation)} points to you`);
    for (const red of s.scenario.parties.iran!.privateBrief.redLines) expect(shown).toContain(red);
    expect(shown).toContain(`What you believe ${s.scenario.parties.us!.short} cares about`);
  });
});

describe('your brief in hot seat', () => {
  it("shows only the seated team's brief", async () => {
    booted = await bootGame('?seed=hotseat-brief&mode=hotseat');
    const { app } = booted;
    app.startGame();
    app.takeSeat('us');
    app.toAgenda();
    app.takeSeat('iran');
    app.toAgenda();
    for (let i = 0; i < 20 && app.screen !== 'rounds'; i++) {
      if (app.screen === 'handoff') app.takeSeat(app.classroom.calling);
      else expect(app.act({ type: 'force-agenda' })).toBeNull();
    }
    await showing(booted, 'rounds');
    dismissCards(booted);
    const s = app.session;
    if (!s) throw new Error('no session');
    const seated = s.side;
    const other = seated === 'us' ? 'iran' : 'us';
    booted.button(/^Your brief/).click();
    const shown = screenText();
    expect(shown).toContain(`Walking away is worth ${pct(s.game.types[seated]!.reservation)} points to you`);
    for (const red of s.scenario.parties[seated]!.privateBrief.redLines) expect(shown).toContain(red);
    for (const red of s.scenario.parties[other]!.privateBrief.redLines) expect(shown).not.toContain(red);
    expect(shown).toContain(`What you believe ${s.scenario.parties[other]!.short} cares about`);
  });
});
