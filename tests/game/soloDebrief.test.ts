// The debrief of a solo game speaks to one player against the AI: no "students", no facilitator who
// never took part, no "teams"; the hot-seat debrief keeps its classroom words.
import { afterEach, describe, expect, it } from 'vitest';
import { classDebriefSections, riskSplit } from '../../src/game/views/classDebrief';
import { type Booted, bootGame, playedSession, showing, soloToDebrief } from './harness';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.destroy();
  booted = null;
});

const finished = soloToDebrief;

const screenText = () => document.getElementById('bc-screen')?.textContent ?? '';

describe('the debrief of a solo game', () => {
  it('is worded for one player against the AI on every tab', async () => {
    const session = finished();
    expect(session.game.settings.us).toBe('human');
    booted = await bootGame();
    booted.app.resume(session.persisted());
    await showing(booted, 'debrief');
    for (const tab of ['The deal', 'Escalation', 'Round by round', 'Both briefs', 'Memos & perception']) {
      booted.button(new RegExp(`^Debrief: ${tab}`)).click();
      const words = screenText();
      expect(words).not.toMatch(/student/i);
      expect(words).not.toMatch(/facilitator/i);
      expect(words).not.toMatch(/\bteam\b/i);
    }
    const words = screenText();
    expect(words).toMatch(/Tension your moves caused [+−]\d+, Iran's moves \(the AI\) [+−]\d+, world events [+−]\d+\./);
    expect(words).toContain('US (you): position memo');
    expect(words).toContain('US (you): perception check');
    expect(words).toContain('Iran (the AI): position memo');
    // The AI makes no perception checks: its side is not scored as if it had skipped them.
    expect(words).not.toContain('Iran (the AI): perception check');
  });

  it('the parts add up to the same tension as the classroom split', () => {
    const { game } = finished();
    const solo = riskSplit(game);
    const hotseat = riskSplit({ ...game, settings: { ...game.settings, iran: 'human' } });
    expect(hotseat.sentence).toMatch(/^Tension the students caused [+−]\d+, world events [+−]\d+, the facilitator added [+−]\d+\.$/);
    expect(solo.students).toBe(hotseat.students);
    const sections = classDebriefSections(session().scenario, { ...game, settings: { ...game.settings, iran: 'human' } });
    expect(sections.map((s) => s.heading)).toContain('Iran team: perception check');
  });
});

function session() {
  return playedSession({ stop: () => true });
}
