// The facilitator's panel: a "Facilitator" button (only when a PIN was set at the start) opens a PIN
// prompt, then the panel: pause, inject a deck or custom event, move the deadline, hide the hazard,
// table the mediator's bridge. Every action goes through the rules as a logged FACILITATE turn.
import type { App } from '../app/app';
import { agendaMask, packageToTerms, spaceOf } from '../core/negotiation/space';
import { replayToText } from '../core/replay';
import { SEVERITIES, type Severity } from '../core/scenario/constants';
import { sidesOf } from '../core/sides';
import type { FacilitatorAction, Terms } from '../core/types';
import { m, shown } from '../i18n';
import { downloadFile } from './download';
import './classroom.css';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export class FacilitatorPanel {
  readonly openButton: HTMLButtonElement;
  readonly dialog: HTMLDialogElement;

  constructor(
    private readonly app: App,
    stage: HTMLElement,
  ) {
    this.openButton = document.createElement('button');
    this.openButton.id = 'bc-facilitator-open';
    this.openButton.type = 'button';
    this.openButton.textContent = m.dom.facilitator;
    this.openButton.setAttribute('aria-haspopup', 'dialog');
    this.openButton.hidden = true;
    stage.append(this.openButton);
    this.dialog = document.createElement('dialog');
    this.dialog.id = 'bc-facilitator';
    this.dialog.className = 'bc-dialog';
    this.dialog.setAttribute('aria-labelledby', 'bc-facilitator-title');
    (stage.parentElement ?? stage).append(this.dialog);
    this.openButton.addEventListener('click', () => this.showPinPrompt());
    this.dialog.addEventListener('close', () => {
      this.app.classroom.facilitatorOpen = false;
      this.dialog.innerHTML = '';
    });
    app.subscribe(() => this.refresh());
    this.refresh();
  }

  private get available(): boolean {
    const { app } = this;
    const live = ['briefing', 'agenda', 'rounds', 'handoff'].includes(app.screen);
    return app.classroom.pinSet && live && app.session !== null && app.session.game.phase !== 'ended';
  }

  private refresh(): void {
    this.openButton.hidden = !this.available;
    this.openButton.textContent = m.dom.facilitator;
    if (this.dialog.open && this.app.classroom.facilitatorOpen) {
      if (!this.available) this.dialog.close();
      else this.updateStatus();
    }
  }

  private show(): void {
    if (this.dialog.open) return;
    if (typeof this.dialog.showModal === 'function') this.dialog.showModal();
    else this.dialog.setAttribute('open', '');
  }

  showPinPrompt(): void {
    this.dialog.innerHTML = `
      <form class="bc-form" data-form="pin">
        <h2 id="bc-facilitator-title">${escapeHtml(m.dom.facilitator)}</h2>
        <label>${escapeHtml(m.dom.facilitatorPin)} <input name="pin" type="password" autocomplete="off" inputmode="numeric" required></label>
        <p role="status" aria-live="polite"></p>
        <div class="bc-row">
          <button type="button" value="cancel">${escapeHtml(m.dom.cancel)}</button>
          <button type="submit" class="bc-primary">${escapeHtml(m.dom.openPanel)}</button>
        </div>
      </form>`;
    const form = this.dialog.querySelector('form') as HTMLFormElement;
    const pin = form.elements.namedItem('pin') as HTMLInputElement;
    (form.querySelector('button[value="cancel"]') as HTMLButtonElement).addEventListener('click', () => this.dialog.close());
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (this.app.classroom.checkPin(pin.value)) this.showPanel();
      else {
        (form.querySelector('[role="status"]') as HTMLElement).textContent = m.dom.wrongPin;
        pin.select();
      }
    });
    this.show();
    pin.focus();
  }

  private showPanel(): void {
    const s = this.app.session;
    if (!s) return;
    this.app.classroom.facilitatorOpen = true;
    const words = shown(s.scenario);
    const w = m.dom;
    const h = escapeHtml;
    // The deck by the titles shown (the value is the event's id, the same in every language).
    const events = [...words.events].sort((a, b) => a.title.localeCompare(b.title));
    this.dialog.innerHTML = `
      <form class="bc-form bc-facilitator" data-form="panel">
        <h2 id="bc-facilitator-title">${h(w.facilitatorPanel)}</h2>
        <p class="bc-status" data-status></p>
        <div class="bc-row bc-left"><button type="button" data-act="pause"></button><button type="button" data-act="hazard"></button></div>
        <fieldset><legend>${h(w.deadline)}</legend>
          <div class="bc-row bc-left"><button type="button" data-act="deadline-minus">${h(w.shortenDeadline())}</button><button type="button" data-act="deadline-plus">${h(w.extendDeadline())}</button></div>
        </fieldset>
        <fieldset><legend>${h(w.injectFromDeck)}</legend>
          <div class="bc-row bc-left">
            <select name="event" aria-label="${h(w.eventFromDeck)}">${events.map((e) => `<option value="${h(e.id)}">${h(e.title)}</option>`).join('')}</select>
            <button type="button" data-act="inject">${h(w.injectEvent)}</button>
          </div>
        </fieldset>
        <fieldset><legend>${h(w.injectCustom)}</legend>
          <label>${h(w.eventTitle)} <input name="title" maxlength="80" autocomplete="off"></label>
          <label>${h(w.eventText)} <textarea name="text" maxlength="600" rows="2"></textarea></label>
          <div class="bc-row bc-left">
            <label>${h(w.severity)} <select name="severity">${SEVERITIES.map((v) => `<option value="${v}"${v === 'nonviolent' ? ' selected' : ''}>${h(w.severityName[v])}</option>`).join('')}</select></label>
            <label>${h(w.extraTension)} <input name="tension" type="number" min="-100" max="100" step="1" value="10"></label>
            <button type="button" data-act="custom">${h(w.injectCustomEvent)}</button>
          </div>
          <p class="bc-note" data-tension-total aria-live="polite"></p>
        </fieldset>
        <fieldset><legend>${h(w.speakFor(words.mediator.short))}</legend>
          <div class="bc-row bc-left"><button type="button" data-act="bridge-mid">${h(w.bridgeMidpoint)}</button><button type="button" data-act="bridge-draft">${h(w.bridgeDraft)}</button></div>
        </fieldset>
        <fieldset><legend>${h(w.replayAndLink)}</legend>
          <div class="bc-row bc-left"><button type="button" data-act="export">${h(w.exportReplay)}</button><button type="button" data-act="link">${h(w.showLink)}</button></div>
          <input type="text" readonly hidden data-link aria-label="${h(w.gameLinkField)}" spellcheck="false">
        </fieldset>
        <p role="status" aria-live="polite" data-result></p>
        <div class="bc-row"><button type="button" value="close">${h(w.closeAndLock)}</button></div>
      </form>`;
    const form = this.dialog.querySelector('form') as HTMLFormElement;
    form.addEventListener('submit', (e) => e.preventDefault());
    (form.querySelector('button[value="close"]') as HTMLButtonElement).addEventListener('click', () => this.dialog.close());
    form.addEventListener('click', (e) => {
      const act = (e.target as HTMLElement).closest<HTMLElement>('[data-act]')?.dataset.act;
      if (act) this.perform(act, form);
    });
    // What the event adds to the round's tension in all, as the teams' card and the risk log show it:
    // the severity's own score plus the extra (a teacher who typed 15 saw +43 and no reason).
    const total = form.querySelector<HTMLElement>('[data-tension-total]') as HTMLElement;
    const showTotal = () => {
      const severity = (form.elements.namedItem('severity') as HTMLSelectElement).value as Severity;
      const extra = Number((form.elements.namedItem('tension') as HTMLInputElement).value) || 0;
      total.textContent = customTensionWords(s.scenario.ladder.severityScores[severity], extra, m.dom.severityName[severity]);
    };
    form.addEventListener('input', showTotal);
    form.addEventListener('change', showTotal);
    showTotal();
    this.updateStatus();
    this.show();
    (form.querySelector('[data-act="pause"]') as HTMLButtonElement).focus();
  }

  private updateStatus(): void {
    const s = this.app.session;
    const status = this.dialog.querySelector<HTMLElement>('[data-status]');
    if (!s || !status) return;
    const { game } = s;
    const rungName = shown(s.scenario).ladder.rungs[game.rung]?.name ?? '';
    status.textContent = m.dom.facilitatorStatus(
      game.round,
      game.deadline,
      game.rung,
      rungName,
      game.paused,
      game.hazardVisible ? game.hazard : null,
    );
    (this.dialog.querySelector('[data-act="pause"]') as HTMLButtonElement).textContent = game.paused ? m.dom.resumeTalks : m.dom.pauseTalks;
    (this.dialog.querySelector('[data-act="hazard"]') as HTMLButtonElement).textContent = game.hazardVisible
      ? m.dom.hideHazard
      : m.dom.showHazard;
  }

  private perform(act: string, form: HTMLFormElement): void {
    const s = this.app.session;
    if (!s) return;
    const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    const { game } = s;
    // What the teams' screens keep back in hot seat until the debrief (src/app/app.ts, secretsLocked).
    if (act === 'export') {
      const parts = [s.scenario.id, s.choice.seed, `turn${s.history.actions.length}`];
      downloadFile({ parts, extension: 'replay.json' }, replayToText(s.replay()), 'application/json');
      return;
    }
    if (act === 'link') {
      const link = form.querySelector<HTMLInputElement>('[data-link]');
      if (!link) return;
      link.value = this.app.shareLink();
      link.hidden = false;
      link.focus();
      link.select();
      return;
    }
    let action: FacilitatorAction | string;
    switch (act) {
      case 'pause':
        action = { type: 'pause', paused: !game.paused };
        break;
      case 'hazard':
        action = { type: 'show-hazard', visible: !game.hazardVisible };
        break;
      case 'deadline-minus':
      case 'deadline-plus':
        action = { type: 'deadline', delta: act === 'deadline-plus' ? 1 : -1 };
        break;
      case 'inject':
        action = { type: 'inject', event: field('event') };
        break;
      case 'custom':
        action = {
          type: 'inject-custom',
          title: field('title'),
          text: field('text'),
          severity: field('severity') as Severity,
          effects: { tension: Number(field('tension')) || 0 },
        };
        break;
      case 'bridge-mid':
        action = midpointTerms(this.app) ?? m.dom.needBothOffers;
        break;
      case 'bridge-draft':
        action = { type: 'mediator-bridge', terms: { ...s.draft } };
        break;
      default:
        return;
    }
    const error = typeof action === 'string' ? action : this.app.facilitate(action);
    const result = this.dialog.querySelector<HTMLElement>('[data-result]');
    const done = [...s.game.log].reverse().find((e) => e.kind === 'facilitator');
    if (result) result.textContent = error ? m.dom.notDone(error) : m.dom.done(done?.text ?? act);
    this.updateStatus();
  }
}

/** The mediator's bridge at the midpoint of both standing offers (public information only). */
export function midpointTerms(app: App): FacilitatorAction | null {
  const s = app.session;
  if (!s) return null;
  const [first, second] = sidesOf(s.scenario).map((side) => s.game.offers[side]);
  if (!first || !second) return null;
  const space = spaceOf(s.scenario);
  const mid = first.map((a, i) => Math.round((a + (second[i] ?? a)) / 2));
  const terms: Terms = packageToTerms(space, mid, agendaMask(space, s.game.agenda.on));
  return { type: 'mediator-bridge', terms };
}

/** "Adds tension +43 this round in all: +28 for the severity (violent escalation) and +15 extra." */
export function customTensionWords(severityScore: number, extra: number, severity: string): string {
  return m.dom.customTension(severityScore, extra, severity);
}
