// Hot seat keeps both sides' secrets from the teams' screens until the talks end (issue 18, point 1):
// the replay file, the seed and the link that carries it are neither on a team's screen nor handed
// out by `window.backchannel` until the debrief, except to the facilitator behind the PIN; and a fork
// made in another tab never overwrites the hot-seat game's save.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/app';
import { automationApi } from '../../src/app/automation';
import { parseUrl } from '../../src/app/url';
import { SAVE_KEYS } from '../../src/core/save';
import { FacilitatorPanel } from '../../src/dom/facilitatorPanel';
import { memoryStore } from '../support/memoryStore';
import { type Booted, bootGame, playedSession, showing } from './harness';

const SEED = 'secret-seed-42';
const LOCKED = /available at the debrief, or with the facilitator['’]s PIN/;
const PIN = '2468';

let booted: Booted | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await booted?.destroy();
  booted = null;
});

/** Both teams briefed, the team to move seated at the agenda. */
function seatBothTeams(app: App): void {
  app.startGame();
  app.takeSeat('us');
  app.toAgenda();
  app.takeSeat('iran');
  app.toAgenda();
  if (app.screen === 'handoff') app.takeSeat(app.classroom.calling);
}

/** Everything a team can read or press on the page: the screen text and every control's name and value. */
function pageText(): string {
  const controls = [...document.querySelectorAll<HTMLElement>('#bc-controls > *')].map(
    (el) => `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('aria-description') ?? ''} ${(el as HTMLInputElement).value ?? ''}`,
  );
  return [document.getElementById('bc-screen')?.textContent ?? '', ...controls].join('\n');
}

function control(key: string): HTMLButtonElement {
  const el = document.querySelector<HTMLButtonElement>(`#bc-controls [data-key="${key}"]`);
  if (!el) throw new Error(`no control ${key}`);
  return el;
}

/** The header's Export replay and Copy link: disabled, saying where they are, and the seed nowhere. */
function expectLocked(where: string): void {
  for (const key of ['export-replay', 'copy-link']) {
    const b = control(key);
    expect(b.disabled, `${where}: ${key} is pressable`).toBe(true);
    expect(b.getAttribute('aria-label'), `${where}: ${key} says why`).toMatch(LOCKED);
  }
  expect(pageText(), `${where}: the seed is on the team's screen`).not.toContain(SEED);
}

describe('hot seat keeps the secrets until the debrief', () => {
  it('a team’s screen offers neither the replay nor the link (nor the seed) until the talks end', async () => {
    booted = await bootGame(`?seed=${SEED}&mode=hotseat`, memoryStore());
    const { app } = booted;
    app.startGame();
    app.takeSeat('us');
    await showing(booted, 'briefing');
    expectLocked('the US briefing');
    app.toAgenda();
    app.takeSeat('iran');
    await showing(booted, 'briefing');
    expectLocked('the Iran briefing');
    app.toAgenda();
    if (app.screen === 'handoff') app.takeSeat(app.classroom.calling);
    await showing(booted, 'agenda');
    expectLocked('the agenda');
    // Pressing them anyway does nothing: no share dialog opens.
    control('copy-link').click();
    expect(booted.mirror.share.isOpen).toBe(false);

    // The talks end (a walkout): the replay and the link are the class's again.
    expect(app.act({ type: 'walkout' })).toBeNull();
    await showing(booted, 'outcome');
    expect(control('copy-link').getAttribute('aria-label')).not.toMatch(LOCKED);
    expect(control('export-replay').getAttribute('aria-label')).not.toMatch(LOCKED);
  });

  it('takes the seed out of the address bar when a hot-seat game begins (the teams read that bar too)', async () => {
    const { App } = await import('../../src/app/app');
    const written: string[] = [];
    const keep = App.rewriteAddress;
    App.rewriteAddress = (url) => written.push(url);
    history.replaceState(null, '', `/?seed=${SEED}&mode=hotseat&side=us`);
    try {
      booted = await bootGame(`?seed=${SEED}&mode=hotseat&side=us`, memoryStore());
      booted.app.startGame();
      expect(written).toEqual(['/?mode=hotseat&side=us']);
    } finally {
      App.rewriteAddress = keep;
      history.replaceState(null, '', '/');
    }
  });

  it('window.backchannel hands out neither the replay nor the seed before the end, except with the facilitator’s PIN', async () => {
    booted = await bootGame(`?seed=${SEED}&mode=hotseat`, memoryStore());
    const { app } = booted;
    const api = automationApi(app);
    seatBothTeams(app);
    const locked = api.replay() as { ok?: boolean; error?: string; log?: unknown };
    expect(locked.log).toBeUndefined();
    expect(locked).toMatchObject({ ok: false });
    expect(locked.error).toMatch(LOCKED);
    expect(JSON.stringify(api.state())).not.toContain(SEED);
    expect((api.state() as { hotseat: { secretsLocked: boolean } }).hotseat.secretsLocked).toBe(true);
    // On the handoff screen too.
    const legal = app.session?.legalActions() ?? [];
    expect(app.act(legal.find((a) => a.type === 'propose-agenda') ?? (legal[0] as never))).toBeNull();
    expect(app.screen).toBe('handoff');
    expect(JSON.stringify(api.state())).not.toContain(SEED);
    expect(JSON.stringify(api.replay())).not.toContain(SEED);

    // The facilitator's PIN opens it; a wrong one does not.
    app.classroom.setPin(PIN);
    expect(JSON.stringify(api.replay('0000'))).not.toContain(SEED);
    expect((api.replay(PIN) as { seed: string }).seed).toBe(SEED);

    // Once the talks are over, everything is the class's again.
    app.takeSeat(app.classroom.calling);
    expect(api.act({ type: 'walkout' })).toMatchObject({ ok: true });
    expect((api.replay() as { seed: string; log: unknown[] }).seed).toBe(SEED);
    expect((api.state() as { seed: string }).seed).toBe(SEED);
  });

  it('the title screen does not show the seed of a hot-seat game still in progress', async () => {
    booted = await bootGame(`?seed=${SEED}&mode=hotseat`, memoryStore());
    const { app } = booted;
    seatBothTeams(app);
    const legal = app.session?.legalActions() ?? [];
    expect(app.act(legal.find((a) => a.type === 'propose-agenda') ?? (legal[0] as never))).toBeNull();
    app.toTitle();
    await showing(booted, 'title');
    expect(control('continue').getAttribute('aria-label')).toMatch(/Hot seat/);
    expect(pageText()).not.toContain(SEED);
  });

  it('the facilitator’s panel, behind the PIN, exports the replay and shows the link', async () => {
    booted = await bootGame(`?seed=${SEED}&mode=hotseat`, memoryStore());
    const { app } = booted;
    const panel = new FacilitatorPanel(app, document.getElementById('bc-stage') as HTMLElement);
    app.classroom.setPin(PIN);
    seatBothTeams(app);
    await showing(booted, 'agenda');
    panel.showPinPrompt();
    const form = panel.dialog.querySelector('form') as HTMLFormElement;
    (form.elements.namedItem('pin') as HTMLInputElement).value = PIN;
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    const downloads: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:test/1');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    const byText = (words: RegExp) =>
      [...panel.dialog.querySelectorAll('button')].find((b) => words.test(b.textContent ?? '')) as HTMLButtonElement;
    byText(/^Export replay/).click();
    expect(downloads).toHaveLength(1);
    expect(downloads[0]).toMatch(/\.replay\.json$/);
    byText(/^Show the link/).click();
    const link = panel.dialog.querySelector<HTMLInputElement>('input[data-link]');
    expect(link?.value).toContain(`seed=${SEED}`);
    // Closed and locked: the link is gone from the page with the panel.
    byText(/^Close and lock/).click();
    expect(pageText()).not.toContain(SEED);
    expect(document.body.innerHTML).not.toContain(SEED);
  });
});

describe('a fork made in another tab', () => {
  it('never overwrites the save of a hot-seat game in progress', () => {
    const store = memoryStore();
    const table = new App(parseUrl(`?seed=${SEED}&mode=hotseat`), store);
    seatBothTeams(table);
    const legal = table.session?.legalActions() ?? [];
    expect(table.act(legal.find((a) => a.type === 'propose-agenda') ?? (legal[0] as never))).toBeNull();
    const saved = store.getItem(SAVE_KEYS.current);
    expect(saved).toContain('"mode":"hotseat"');

    // Another tab on the same device: a replay opened, a seat taken over, a move played.
    const other = new App(parseUrl('?seed=other-tab&side=us'), store);
    const solo = playedSession({ seed: 'fork-source', stop: (s) => s.history.actions.length >= 4 });
    expect(other.openReplay(solo.replay())).toBeNull();
    other.viewStep(2);
    expect(other.takeOver('us')).toBeNull();
    const move = other.session?.legalActions()[0];
    if (move) other.act(move);
    expect(store.getItem(SAVE_KEYS.current)).toBe(saved);
    expect(other.saves.problem).toMatch(/hot-seat game/);

    // The hot-seat table goes on saving.
    const next = table.session?.legalActions() ?? [];
    table.takeSeat(table.classroom.calling);
    const move2 = table.session?.legalActions().find((a) => a.type === 'propose-agenda' || a.type === 'accept-agenda') ?? next[0];
    if (move2) expect(table.act(move2)).toBeNull();
    expect(store.getItem(SAVE_KEYS.current)).not.toBe(saved);
    expect(store.getItem(SAVE_KEYS.current)).toContain('"mode":"hotseat"');
  });
});
