// The debrief and the replay viewer in the pseudo-locale: every text they show (canvas, controls and
// their accessible names, the screen text) came through the catalogue, the scenario's texts or a
// formatted number, on every tab of a solo and of a hot-seat debrief, and at every step of a replay.
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/app/session';
import { OUTCOME_HEADLINE } from '../../src/core/words';
import { en } from '../../src/i18n/en';
import { fa } from '../../src/i18n/fa';
import { resetLanguage } from '../../src/i18n/index';
import { canvasTexts, domTexts, unmarked, usePseudoLocale } from '../support/pseudo';
import { type Booted, begunSession, bootGame, showing, soloToDebrief } from './harness';

const SEED = 'scene-test';
const HOTSEAT_SEED = 'pseudo-debrief-hotseat';
/** What the hot-seat teams typed as their reasons: shown as they wrote it, in any language. */
const REASON = 'Testing their floor';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.destroy();
  booted = null;
  resetLanguage();
});

const TABS = ['deal', 'escalation', 'rounds', 'briefs', 'memos'] as const;

/** Every text on the page that is not inside the markers. */
function left(b: Booted, data: readonly string[]): string[] {
  return unmarked(
    [
      ...canvasTexts(b.game),
      ...domTexts(document.getElementById('bc-controls') as Element),
      ...domTexts(document.getElementById('bc-screen') as Element),
    ],
    data,
  );
}

function press(key: string): void {
  const el = document.querySelector<HTMLElement>(`#bc-controls [data-key="${key}"]`);
  if (!el) throw new Error(`no control ${key}`);
  el.click();
}

/** A solo game as the US: accepts from round 3, proposes until then. */
const soloGame = soloToDebrief;

/** A hot-seat game played to its debrief, each team seated in turn, with reasons and a perception check. */
function hotseatGame(): Session {
  const s = begunSession({ seed: HOTSEAT_SEED, mode: 'hotseat' });
  const guessed = new Set<string>();
  for (let i = 0; i < 200 && s.phase !== 'debrief'; i++) {
    if (s.phase === 'outcome') {
      s.debrief();
      break;
    }
    s.seat(s.game.toMove);
    if (s.phase === 'agenda') {
      expect(s.act({ type: 'force-agenda' })).toBeNull();
      continue;
    }
    const me = s.game.toMove;
    const issues = s.scenario.issues.map((x) => x.id);
    if (!guessed.has(me) && s.can('guess')) {
      guessed.add(me);
      expect(s.act({ type: 'guess', priority: issues[0] as string, redLine: issues[1] as string })).toBeNull();
      continue;
    }
    const action = s.can('accept') && s.game.round >= 3 ? { type: 'accept' as const } : { type: 'propose' as const, terms: { ...s.draft } };
    expect(s.act({ ...action, reason: REASON })).toBeNull();
  }
  return s;
}

async function everyTab(b: Booted, data: readonly string[]): Promise<void> {
  await showing(b, 'debrief');
  for (const tab of TABS) {
    press(`tab-${tab}`);
    expect(left(b, data), `the ${tab} tab`).toEqual([]);
  }
}

describe('the debrief in the pseudo-locale', () => {
  it('the English catalogue says what the rules say of an outcome', () => {
    expect(en.common.outcomeHeadline).toEqual(OUTCOME_HEADLINE);
    expect(Object.keys(fa.debrief).sort()).toEqual(Object.keys(en.debrief).sort());
  });

  it('a solo debrief shows nothing outside the markers on any tab', async () => {
    const session = soloGame();
    usePseudoLocale();
    booted = await bootGame(`?seed=${SEED}&side=us`);
    booted.app.resume(session.persisted());
    await everyTab(booted, [SEED]);
  });

  it('a hot-seat debrief shows nothing outside the markers on any tab', async () => {
    const session = hotseatGame();
    expect(session.phase).toBe('debrief');
    usePseudoLocale();
    booted = await bootGame(`?seed=${HOTSEAT_SEED}&mode=hotseat`);
    booted.app.resume(session.persisted());
    await everyTab(booted, [HOTSEAT_SEED, REASON]);
    // The memos tab (the last) shows the teams' reasons and both teams' perception checks.
    const words = document.getElementById('bc-screen')?.textContent ?? '';
    expect(words).toContain(REASON);
    expect(words.match(/perception check/gi)?.length ?? 0).toBeGreaterThanOrEqual(2);
  });

  it('the replay viewer shows nothing outside the markers at any step, nor its debrief', async () => {
    const replay = soloGame().replay();
    usePseudoLocale();
    booted = await bootGame('?mode=replay');
    expect(booted.app.openReplay(replay)).toBeNull();
    await showing(booted, 'replay');
    const viewer = booted.app.viewer;
    if (!viewer) throw new Error('no viewer');
    for (let step = 0; step <= viewer.steps; step++) {
      booted.app.viewStep(step);
      expect(left(booted, [replay.seed]), `step ${step}`).toEqual([]);
    }
    press('watch-ending');
    await showing(booted, 'outcome');
    press('to-debrief');
    await everyTab(booted, [replay.seed]);
  });
});
