// The class set-up card (from the title screen): the link every table opens (same scenario, seed and
// settings, hot seat or solo), a printable sheet with a QR code of that link, the facilitator PIN
// — kept in memory only (see Classroom), never in the link, the save or the replay — and a link to the
// class debrief page (class.html) for after the lesson.
import type { App } from '../app/app';
import { loadScenario } from '../app/scenarios';
import { shareUrl } from '../app/url';
import { sidesOf } from '../core/sides';
import { m, shown } from '../i18n';
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
  const w = m.dom;
  const h = escapeHtml;
  const bridge = chosen.ok ? w.tableBridgeOf(shown(chosen.scenario).mediator.short) : w.tableTheBridge;
  const classPage = `<a href="class.html" target="_blank" rel="noopener" data-class-page>${h(w.classPageLink)}</a>`;
  d.innerHTML = `
    <form class="bc-form">
      <h2 id="bc-classcard-title">${h(w.classSetup)}</h2>
      <p class="bc-no-print">${h(w.classSetupIntro)}</p>
      <fieldset class="bc-no-print"><legend>${h(w.format)}</legend>
        <div class="bc-row bc-left">
          <label><span><input type="radio" name="mode" value="hotseat"${mode === 'hotseat' ? ' checked' : ''}> ${h(w.hotseatFormat)}</span></label>
          <label><span><input type="radio" name="mode" value="solo"${mode === 'solo' ? ' checked' : ''}> ${h(w.soloFormat)}</span></label>
        </div>
      </fieldset>
      <div class="bc-sheet" data-sheet></div>
      <fieldset class="bc-no-print"><legend>${h(w.pinOptional)}</legend>
        <p>${h(w.pinIntro(bridge))}</p>
        <div class="bc-row bc-left">
          <label>${h(w.pin)} <input name="pin" type="password" autocomplete="new-password" inputmode="numeric" maxlength="32"></label>
          <button type="button" data-act="pin">${h(app.classroom.pinSet ? w.changePin : w.setPin)}</button>
        </div>
        <p role="status" aria-live="polite" data-pin-status>${h(app.classroom.pinSet ? w.pinIsSet : w.noPin)}</p>
      </fieldset>
      <p class="bc-no-print">${h(w.afterTheLesson)}${classPage}${h(w.afterTheLessonEnd)}</p>
      <div class="bc-row bc-no-print">
        <button type="button" data-act="copy">${h(w.copyTheLink)}</button>
        <button type="button" data-act="print">${h(w.printTheSheet)}</button>
        <button type="button" data-act="close" class="bc-primary">${h(w.doneButton)}</button>
      </div>
    </form>`;
  const form = d.querySelector('form') as HTMLFormElement;
  const sheet = d.querySelector('[data-sheet]') as HTMLElement;
  const chosenMode = () => ((form.elements.namedItem('mode') as RadioNodeList).value === 'solo' ? 'solo' : 'hotseat');
  const render = () => {
    const format = chosenMode();
    const link = classLink(app, format);
    const loaded = loadScenario(app.choice.scenarioId);
    const words = loaded.ok ? shown(loaded.scenario) : null;
    const title = words ? words.title : app.choice.scenarioId;
    const w = m.dom;
    // The parties by the scenario's short names ("Hot seat — <first> team and <second> team share one screen").
    const short = (side: string) => (words ? (words.parties[side]?.short ?? side) : side);
    const formatWords = (chosen: 'hotseat' | 'solo') => {
      if (chosen === 'solo') return w.soloFormatWords(short(app.choice.side));
      const teams = words ? sidesOf(words).map((side) => w.teamOf(short(side))) : [w.oneTeam, w.theOtherTeam];
      return w.hotseatFormatWords(teams);
    };
    // The scenario's labels ("Steady", "Hard"), not the internal ids ("linear", "hard").
    const personality = words?.personalities.find((p) => p.id === app.choice.personality)?.name || app.choice.personality;
    const difficulty = words?.difficulties.find((x) => x.id === app.choice.difficulty)?.name || app.choice.difficulty;
    let qr: string;
    try {
      qr = qrSvg(link);
    } catch {
      qr = `<p>${escapeHtml(w.linkTooLongForQr)}</p>`;
    }
    sheet.innerHTML = `
      <div>
        <h3 class="bc-print-only">${escapeHtml(w.classSheet)}</h3>
        <dl>
          <dt>${escapeHtml(w.scenario)}</dt><dd>${escapeHtml(title)} (${escapeHtml(app.choice.scenarioId)})</dd>
          <dt>${escapeHtml(w.seed)}</dt><dd data-seed>${escapeHtml(app.choice.seed)}</dd>
          <dt>${escapeHtml(w.format)}</dt><dd>${escapeHtml(formatWords(format))}</dd>
          ${format === 'solo' ? `<dt>${escapeHtml(w.counterpart)}</dt><dd>${escapeHtml(personality)}</dd>` : ''}
          <dt>${escapeHtml(w.difficulty)}</dt><dd>${escapeHtml(difficulty)}</dd>
          <dt>${escapeHtml(w.link)}</dt><dd><a href="${escapeHtml(link)}" data-link>${escapeHtml(link)}</a></dd>
        </dl>
        <p class="bc-print-only">${escapeHtml(w.sheetSteps)}</p>
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
      (d.querySelector('[data-pin-status]') as HTMLElement).textContent = app.classroom.pinSet ? m.dom.pinNowSet : m.dom.noPin;
      app.notify({ kind: 'view' });
    }
  });
  d.addEventListener('close', () => {
    if (chosenMode() !== app.choice.mode && app.screen === 'title') app.choose({ mode: chosenMode() });
  });
  if (typeof d.showModal === 'function') d.showModal();
  else d.setAttribute('open', '');
}
