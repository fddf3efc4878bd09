// The class set-up card (from the title screen): the link every table opens (same scenario, seed and
// settings, hot seat or solo), a printable sheet with a QR code of that link, the facilitator PIN
// — kept in memory only (see Classroom), never in the link, the save or the replay — and a link to the
// class debrief page (class.html) for after the lesson.
import type { App } from '../app/app';
import { loadScenario } from '../app/scenarios';
import { shareUrl } from '../app/url';
import { sidesOf } from '../core/sides';
import { qrSvg } from './qr';
import './classroom.css';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The class link: the share link plus the mode (hot seat unless the class plays solo). */
export function classLink(app: App, mode: 'hotseat' | 'solo', base?: string): string {
  const c = app.choice;
  const loaded = loadScenario(c.scenarioId);
  const link = shareUrl(c, loaded.ok ? loaded.scenario.defaults : null, base);
  const url = new URL(link);
  if (mode === 'hotseat') url.searchParams.delete('side');
  url.searchParams.set('mode', mode);
  return url.toString();
}

let dialog: HTMLDialogElement | null = null;

export function openClassCard(app: App): void {
  dialog?.remove();
  const d = document.createElement('dialog');
  dialog = d;
  d.id = 'bc-classcard';
  d.className = 'bc-dialog bc-classcard';
  d.setAttribute('aria-labelledby', 'bc-classcard-title');
  (document.getElementById('bc-app') ?? document.body).append(d);
  const mode: 'hotseat' | 'solo' = app.choice.mode === 'solo' ? 'solo' : 'hotseat';
  const chosen = loadScenario(app.choice.scenarioId);
  const bridge = chosen.ok ? `table ${chosen.scenario.mediator.short}’s bridge` : 'table the mediator’s bridge';
  d.innerHTML = `
    <form class="bc-form">
      <h2 id="bc-classcard-title">Class set-up</h2>
      <p class="bc-no-print">Every table that opens this link plays the same scenario with the same seed: the same private briefs and the same events. Print the sheet or show the QR code.</p>
      <fieldset class="bc-no-print"><legend>Format</legend>
        <div class="bc-row bc-left">
          <label><span><input type="radio" name="mode" value="hotseat"${mode === 'hotseat' ? ' checked' : ''}> Hot seat: two teams share a screen</span></label>
          <label><span><input type="radio" name="mode" value="solo"${mode === 'solo' ? ' checked' : ''}> Solo against the AI</span></label>
        </div>
      </fieldset>
      <div class="bc-sheet" data-sheet></div>
      <fieldset class="bc-no-print"><legend>Facilitator PIN (optional)</legend>
        <p>Set a PIN to open the facilitator panel during the game (pause, inject events, move the deadline, hide the hazard, ${escapeHtml(bridge)}). It stays in this browser tab's memory only.</p>
        <div class="bc-row bc-left">
          <label>PIN <input name="pin" type="password" autocomplete="new-password" inputmode="numeric" maxlength="32"></label>
          <button type="button" data-act="pin">${app.classroom.pinSet ? 'Change PIN' : 'Set PIN'}</button>
        </div>
        <p role="status" aria-live="polite" data-pin-status>${app.classroom.pinSet ? 'A facilitator PIN is set.' : 'No PIN set: the facilitator panel is off.'}</p>
      </fieldset>
      <p class="bc-no-print">After the lesson: collect each table's replay file (Export replay) and open them together on the <a href="class.html" target="_blank" rel="noopener" data-class-page>class debrief page</a> (class.html, next to this game).</p>
      <div class="bc-row bc-no-print">
        <button type="button" data-act="copy">Copy the link</button>
        <button type="button" data-act="print">Print the sheet</button>
        <button type="button" data-act="close" class="bc-primary">Done</button>
      </div>
    </form>`;
  const form = d.querySelector('form') as HTMLFormElement;
  const sheet = d.querySelector('[data-sheet]') as HTMLElement;
  const chosenMode = () => ((form.elements.namedItem('mode') as RadioNodeList).value === 'solo' ? 'solo' : 'hotseat');
  const render = () => {
    const m = chosenMode();
    const link = classLink(app, m);
    const loaded = loadScenario(app.choice.scenarioId);
    const title = loaded.ok ? loaded.scenario.title : app.choice.scenarioId;
    // The parties by the scenario's short names ("Hot seat — <first> team and <second> team share one screen").
    const short = (side: string) => (loaded.ok ? (loaded.scenario.parties[side]?.short ?? side) : side);
    const formatWords = (m: 'hotseat' | 'solo') => {
      if (m === 'solo') return `Solo — each student plays the ${short(app.choice.side)} side against the AI`;
      const teams = loaded.ok ? sidesOf(loaded.scenario).map((side) => `${short(side)} team`) : ['one team', 'the other'];
      return `Hot seat — ${teams.join(' and ')} share one screen`;
    };
    // The scenario's labels ("Steady", "Hard"), not the internal ids ("linear", "hard").
    const personality =
      (loaded.ok && loaded.scenario.personalities.find((p) => p.id === app.choice.personality)?.name) || app.choice.personality;
    const difficulty =
      (loaded.ok && loaded.scenario.difficulties.find((x) => x.id === app.choice.difficulty)?.name) || app.choice.difficulty;
    let qr: string;
    try {
      qr = qrSvg(link);
    } catch {
      qr = '<p>The link is too long for a QR code.</p>';
    }
    sheet.innerHTML = `
      <div>
        <h3 class="bc-print-only">Backchannel — class sheet</h3>
        <dl>
          <dt>Scenario</dt><dd>${escapeHtml(title)} (${escapeHtml(app.choice.scenarioId)})</dd>
          <dt>Seed</dt><dd data-seed>${escapeHtml(app.choice.seed)}</dd>
          <dt>Format</dt><dd>${escapeHtml(formatWords(m))}</dd>
          ${m === 'solo' ? `<dt>Counterpart</dt><dd>${escapeHtml(personality)}</dd>` : ''}
          <dt>Difficulty</dt><dd>${escapeHtml(difficulty)}</dd>
          <dt>Link</dt><dd><a href="${escapeHtml(link)}" data-link>${escapeHtml(link)}</a></dd>
        </dl>
        <p class="bc-print-only">Open the link (or scan the code), press “Take your seat”, and follow the handoff screen. Export the replay at the end and hand it in.</p>
      </div>
      <div class="bc-qr">${qr}</div>`;
  };
  render();
  form.addEventListener('change', (e) => {
    if ((e.target as HTMLInputElement).name === 'mode') render();
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('click', (e) => {
    const act = (e.target as HTMLElement).closest<HTMLElement>('[data-act]')?.dataset.act;
    if (act === 'close') d.close();
    if (act === 'copy') void navigator.clipboard?.writeText(classLink(app, chosenMode())).catch(() => {});
    if (act === 'print') {
      document.body.classList.add('bc-printing');
      window.print();
      document.body.classList.remove('bc-printing');
    }
    if (act === 'pin') {
      const pin = form.elements.namedItem('pin') as HTMLInputElement;
      app.classroom.setPin(pin.value);
      pin.value = '';
      (d.querySelector('[data-pin-status]') as HTMLElement).textContent = app.classroom.pinSet
        ? 'Facilitator PIN set. The “Facilitator” button appears during the game.'
        : 'No PIN set: the facilitator panel is off.';
      app.notify({ kind: 'view' });
    }
  });
  d.addEventListener('close', () => {
    if (chosenMode() !== app.choice.mode && app.screen === 'title') app.choose({ mode: chosenMode() });
  });
  if (typeof d.showModal === 'function') d.showModal();
  else d.setAttribute('open', '');
}
