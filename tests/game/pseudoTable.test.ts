// The pseudo-locale at the table and on the outcome screen: with every catalogue text and every
// scenario text wrapped in ⟦ ⟧, the table (event cards open and dismissed, the brief open, a
// proposal, a concession's preview, the round-end escalation card) and the outcome screen show no
// letters or digits outside the markers, on the canvas or in the DOM controls over it (their
// accessible names, descriptions and placeholders included), for each side.
import { afterEach, describe, expect, it } from 'vitest';
import { resetLanguage } from '../../src/i18n/index';
import { canvasTexts, domTexts, unmarked, usePseudoLocale } from '../support/pseudo';
import { type Booted, bootGame, playedSession, showing, until } from './harness';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.destroy();
  booted = null;
  resetLanguage();
});

const SEED = 'scene-test';

/** The DOM control with this key (the mirror's buttons and the reason field), if it is there. */
function control(key: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`#bc-controls [data-key="${key}"]`);
}

function press(key: string): boolean {
  const el = control(key);
  if (!el || (el as HTMLButtonElement).disabled) return false;
  el.click();
  return true;
}

/** Texts shown now, outside the markers. */
function problems(b: Booted, where: string): string[] {
  const controls = document.getElementById('bc-controls');
  const screen = document.getElementById('bc-screen');
  return unmarked([...canvasTexts(b.game), ...(controls ? domTexts(controls) : []), ...(screen ? domTexts(screen) : [])], [SEED]).map(
    (p) => `${where} · ${p}`,
  );
}

describe('the pseudo-locale at the table and the outcome', () => {
  for (const side of ['us', 'iran'] as const)
    it(`shows nothing unmarked as ${side}`, async () => {
      usePseudoLocale();
      const found: string[] = [];
      const look = (where: string) => {
        for (const p of problems(b, where)) if (!found.includes(p)) found.push(p);
      };
      /** Reads every card over the screen (events, the escalation card), looking at each. */
      const readCards = (where: string) => {
        for (let i = 0; i < 10 && control('dismiss-card'); i++) {
          look(`${where}: card ${i + 1}`);
          press('dismiss-card');
        }
      };

      const session = playedSession({ side, stop: (s) => s.phase === 'rounds', moves: () => ({ type: 'force-agenda' }) });
      booted = await bootGame(`?seed=${SEED}&side=${side}`);
      const b = booted;
      b.app.resume(session.persisted());
      await showing(b, 'rounds');
      expect(control('dismiss-card'), 'the opening event cards').not.toBeNull();
      readCards('opening');
      look('table');

      // The brief, open and closed.
      expect(press('open-brief')).toBe(true);
      look('brief open');
      expect(press('close-brief')).toBe(true);

      // Proposals until both offers are on the table and a concession can be previewed.
      const s = () => b.app.session!;
      let conceded = false;
      for (let turn = 0; turn < 12 && s().game.phase === 'rounds'; turn++) {
        await until(() => s().isMyTurn || s().game.phase !== 'rounds', 'our turn');
        readCards(`turn ${turn}`);
        if (s().game.phase !== 'rounds') break;
        look(`turn ${turn}`);
        const concede = [...document.querySelectorAll<HTMLElement>('#bc-controls [data-key^="concede-"]')];
        if (concede.length > 0 && !conceded) {
          conceded = true;
          look(`turn ${turn}: concession preview`);
          // The first press may ask for a confirmation (below the walk-away value): look at it too.
          concede[0]!.click();
          look(`turn ${turn}: after a concession press`);
          continue;
        }
        if (conceded && s().game.offers[s().opponent]) {
          b.app.act({ type: 'accept' });
          break;
        }
        expect(b.app.act({ type: 'propose', terms: { ...s().draft } })).toBeNull();
        look(`turn ${turn}: proposed`);
      }
      expect(conceded, 'a concession was previewed').toBe(true);

      // The outcome (its escalation card first, if the last round's draw moved the ladder).
      if (s().game.phase !== 'ended') b.app.act({ type: 'walkout' });
      await showing(b, 'outcome');
      readCards('outcome');
      look('outcome');

      expect(found).toEqual([]);
    }, 60_000);

  it('shows nothing unmarked as the crisis climbs: threats, the escalation cards and the wire', async () => {
    usePseudoLocale();
    const found: string[] = [];
    const session = playedSession({ side: 'us', stop: (s) => s.phase === 'rounds', moves: () => ({ type: 'force-agenda' }) });
    booted = await bootGame(`?seed=${SEED}&side=us`);
    const b = booted;
    b.app.resume(session.persisted());
    await showing(b, 'rounds');
    const s = () => b.app.session!;
    const start = s().game.rung;
    let climbed = false;
    for (let turn = 0; turn < 30 && s().game.phase === 'rounds'; turn++) {
      await until(() => s().isMyTurn || s().game.phase !== 'rounds', 'our turn');
      for (let i = 0; i < 10 && control('dismiss-card'); i++) {
        found.push(...problems(b, `turn ${turn}: card ${i + 1}`));
        press('dismiss-card');
      }
      climbed ||= s().game.rung > start;
      if (s().game.phase !== 'rounds') break;
      found.push(...problems(b, `turn ${turn}`));
      const tone = s().can('statement') ? 'threat' : null;
      if (tone) b.app.act({ type: 'statement', tone });
      else b.app.act({ type: 'propose', terms: { ...s().draft } });
    }
    if (s().game.phase === 'ended') {
      await showing(b, 'outcome');
      for (let i = 0; i < 10 && control('dismiss-card'); i++) {
        found.push(...problems(b, `outcome: card ${i + 1}`));
        press('dismiss-card');
      }
      found.push(...problems(b, 'outcome'));
    }
    expect(climbed || s().game.rung > start, 'the ladder climbed').toBe(true);
    expect([...new Set(found)]).toEqual([]);
  }, 60_000);
});
