// Each screen boots in a real headless Phaser game from a game snapshot, draws itself, and offers
// every action as a named DOM button.
import Phaser from 'phaser';
import { afterEach, describe, expect, it } from 'vitest';
import { preferences } from '../../src/app/preferences';
import { type Booted, bootGame, playedSession, showing, until } from './harness';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.destroy();
  booted = null;
  preferences.set({ reducedMotion: false, textSize: 'normal' });
});

const objects = (scene: Phaser.Scene) => scene.children.list.length;

describe('title screen', () => {
  it('offers both delegations, the counterparts, and starts the talks', async () => {
    booted = await bootGame();
    const title = await showing(booted, 'title');
    expect(objects(title)).toBeGreaterThan(20);
    expect(booted.button(/^Play as United States of America$/).getAttribute('aria-pressed')).toBe('true');
    booted.button(/^Play as Islamic Republic of Iran$/).click();
    expect(booted.app.choice.side).toBe('iran');
    expect(booted.button(/^Counterpart: Hardliner/)).toBeTruthy();
    expect((document.querySelector('input[data-key="seed"]') as HTMLInputElement).value).toBe('scene-test');
    booted.button(/^Start the talks/).click();
    await showing(booted, 'briefing');
    expect(booted.app.session?.side).toBe('iran');
  });

  it('explains bad link values on screen instead of failing', async () => {
    booted = await bootGame('?scenario=atlantis&side=france&mode=replay');
    await showing(booted, 'title');
    expect(booted.app.problems.join(' ')).toMatch(/atlantis/);
    expect(document.getElementById('bc-screen')?.textContent).toMatch(/Problems with the link/);
    booted.button(/^Mode: Watch a replay/).click();
    expect(booted.buttons().some((b) => /^Start the talks/.test(b.getAttribute('aria-label') ?? ''))).toBe(false);
    expect(document.querySelector('input[data-key="open-replay-file"]')?.getAttribute('aria-label')).toMatch(/^Open a replay file/);
  });
});

describe('screens boot from a snapshot', () => {
  it('the agenda dispute shows the contested issues and the agenda moves', async () => {
    const session = playedSession({ stop: () => true });
    booted = await bootGame();
    booted.app.resume(session.persisted());
    const agenda = await showing(booted, 'agenda');
    expect(objects(agenda)).toBeGreaterThan(20);
    expect(booted.button(/^Ballistic missiles: on your proposed agenda/)).toBeTruthy();
    expect(booted.button(/^Propose an agenda/).disabled).toBe(false);
    booted.button(/^Force your full agenda/).click();
    await showing(booted, 'rounds');
  });

  it('the table shows the issue board, the moves, and answers a proposal with the AI reply', async () => {
    const session = playedSession({ stop: (s) => s.phase === 'rounds', moves: () => ({ type: 'force-agenda' }) });
    booted = await bootGame();
    booted.app.resume(session.persisted());
    const table = await showing(booted, 'rounds');
    expect(objects(table)).toBeGreaterThan(80);
    // Event cards of the opening round come first.
    for (let i = 0; i < 4 && booted.buttons().some((b) => /^(Next event|Back to the table)/.test(b.getAttribute('aria-label') ?? '')); i++)
      booted.button(/^(Next event|Back to the table)/).click();
    expect(booted.button(/^Uranium enrichment: Zero enrichment, in your draft/).getAttribute('aria-pressed')).toBe('true');
    booted.button(/^Uranium enrichment: Capped at 3\.67%/).click();
    expect(booted.app.session?.draft.enrichment).toBe('cap-3-67');
    const turn = booted.app.session?.game.turn ?? 0;
    booted.button(/^Propose your draft package/).click();
    const game = booted.app.session?.game;
    expect(game?.offers.us).not.toBeNull();
    // The counterpart answered inside the same step: the player is to move again (or the round moved on).
    expect((game?.turn ?? 0) - turn).toBeGreaterThanOrEqual(2);
    expect(game?.toMove).toBe('us');
  });

  it('the outcome shows the result and leads to the debrief', async () => {
    const session = playedSession({ stop: (s) => s.phase === 'outcome', moves: () => ({ type: 'walkout' }) });
    booted = await bootGame();
    booted.app.resume(session.persisted());
    const outcome = await showing(booted, 'outcome');
    expect(objects(outcome)).toBeGreaterThan(10);
    expect(document.getElementById('bc-screen')?.textContent).toMatch(/walkout/i);
    booted.button(/^Go to the debrief/).click();
    await showing(booted, 'debrief');
  });

  it('the outcome of a war shows each score term by term, the conflict penalty included, and the whole formula', async () => {
    const session = playedSession({
      stop: (s) => s.phase === 'outcome',
      moves: (s) =>
        s.phase === 'rounds' && s.legalActions().some((a) => a.type === 'statement') ? { type: 'statement', tone: 'threat' } : null,
    });
    expect(session.game.outcome?.kind).toBe('conflict');
    booted = await bootGame();
    booted.app.resume(session.persisted());
    const outcome = await showing(booted, 'outcome');
    const { perRung, conflict } = session.scenario.scoring;
    const screen = document.getElementById('bc-screen')?.textContent ?? '';
    expect(screen).toContain(`−\u00a0${conflict} if the crisis ends at the top rung`);
    expect(screen).toContain(`−\u00a0${perRung} for each rung above`);
    const drawn = outcome.children.list
      .filter((o): o is Phaser.GameObjects.Text => o instanceof Phaser.GameObjects.Text)
      .map((t) => t.text);
    for (const side of ['us', 'iran'] as const) {
      const line = drawn.find((t) => t.startsWith('deal ') && t.includes(`conflict −${conflict.toFixed(2)}`) && t.includes('support'));
      expect(line, side).toBeDefined();
      expect(screen).toContain(`${session.scenario.parties[side]!.short}: `);
    }
    expect(drawn.filter((t) => t.includes(`conflict −${conflict.toFixed(2)}`))).toHaveLength(2);
  });

  it('the debrief lists what moved the risk in round order under a title that says so, a climb marked as a climb', async () => {
    const session = playedSession({
      stop: (s) => s.phase === 'debrief',
      moves: (s) =>
        s.phase === 'rounds' && s.legalActions().some((a) => a.type === 'statement') ? { type: 'statement', tone: 'threat' } : null,
    });
    booted = await bootGame();
    booted.app.resume(session.persisted());
    const debrief = await showing(booted, 'debrief');
    booted.button(/^Debrief: Escalation/).click();
    const texts = () =>
      debrief.children.list.filter((o): o is Phaser.GameObjects.Text => o instanceof Phaser.GameObjects.Text).sort((a, b) => a.y - b.y);
    await until(() => texts().some((t) => t.text.startsWith('WHAT MOVED THE RISK')), 'the escalation tab');
    expect(texts().find((t) => t.text.startsWith('WHAT MOVED THE RISK'))?.text).toBe(
      'WHAT MOVED THE RISK: THE 12 LARGEST CHANGES, IN ROUND ORDER',
    );
    const rounds = texts()
      .filter((t) => /^R\d+$/.test(t.text) && t.x === 640)
      .map((t) => Number(t.text.slice(1)));
    expect(rounds.length).toBeGreaterThan(1);
    expect(rounds).toEqual([...rounds].sort((a, b) => a - b));
    const climbs = session.game.risk.filter((r) => r.cause === 'draw' && r.text.includes('climbed')).length;
    expect(climbs).toBeGreaterThan(0);
    const marks = texts().filter((t) => t.x === 1180 && t.originX === 1);
    expect(marks.filter((t) => t.text === '▲ rung').length).toBeGreaterThan(0);
  });

  it('the debrief draws every tab and both private briefs', async () => {
    const session = playedSession({
      stop: (s) => s.phase === 'debrief',
      moves: (s) => {
        if (s.phase === 'agenda') return s.can('accept-agenda') ? { type: 'accept-agenda' } : { type: 'propose-agenda', issues: [] };
        return s.can('accept') && s.game.round >= 3 ? { type: 'accept' } : { type: 'propose', terms: { ...s.draft } };
      },
    });
    booted = await bootGame();
    booted.app.resume(session.persisted());
    const debrief = await showing(booted, 'debrief');
    for (const tab of ['The deal', 'Escalation', 'Round by round', 'Both briefs']) {
      booted.button(new RegExp(`^Debrief: ${tab}`)).click();
      expect(objects(debrief)).toBeGreaterThan(15);
    }
    expect(document.getElementById('bc-screen')?.textContent).toMatch(/Islamic Republic of Iran: private brief/);
    booted.button(/^Back to the title screen/).click();
    await showing(booted, 'title');
  });
});

describe('settings', () => {
  it('reduced motion draws the end state at once, with no tweens running', async () => {
    const session = playedSession({ stop: (s) => s.phase === 'rounds', moves: () => ({ type: 'force-agenda' }) });
    booted = await bootGame();
    booted.app.resume(session.persisted());
    const table = await showing(booted, 'rounds');
    preferences.set({ reducedMotion: true });
    expect(table.tweens.getTweens().length).toBe(0);
    preferences.set({ reducedMotion: false });
    await until(() => table.tweens.getTweens().length > 0, 'tweens with motion on');
  });

  it('the event log is announced in an aria-live region', async () => {
    booted = await bootGame();
    const session = playedSession({ stop: () => true });
    booted.app.resume(session.persisted());
    await showing(booted, 'agenda');
    booted.button(/^Propose an agenda/).click();
    expect(document.querySelector('[aria-live]')?.textContent ?? '').not.toBe('');
  });
});
