// The facilitator's panel: a "Facilitator" button (only when a PIN was set at the start) opens a PIN
// prompt, then the panel: pause, inject a deck or custom event, move the deadline, hide the hazard,
// table the mediator's bridge. Every action goes through the rules as a logged FACILITATE turn.
import type { App } from '../app/app';
import { agendaMask, packageToTerms, spaceOf } from '../core/negotiation/space';
import { replayToText } from '../core/replay';
import { SEVERITIES, type Severity } from '../core/scenario/constants';
import { sidesOf } from '../core/sides';
import type { FacilitatorAction, Terms } from '../core/types';
import { downloadFile } from './download';
import './classroom.css';

const SEVERITY_WORD: Record<Severity, string> = {
  deescalation: 'De-escalation',
  'status-quo': 'Status quo',
  posturing: 'Posturing',
  nonviolent: 'Non-violent escalation',
  violent: 'Violent escalation',
};

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
    this.openButton.textContent = 'Facilitator';
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
        <h2 id="bc-facilitator-title">Facilitator</h2>
        <label>Facilitator PIN <input name="pin" type="password" autocomplete="off" inputmode="numeric" required></label>
        <p role="status" aria-live="polite"></p>
        <div class="bc-row">
          <button type="button" value="cancel">Cancel</button>
          <button type="submit" class="bc-primary">Open the panel</button>
        </div>
      </form>`;
    const form = this.dialog.querySelector('form') as HTMLFormElement;
    const pin = form.elements.namedItem('pin') as HTMLInputElement;
    (form.querySelector('button[value="cancel"]') as HTMLButtonElement).addEventListener('click', () => this.dialog.close());
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (this.app.classroom.checkPin(pin.value)) this.showPanel();
      else {
        (form.querySelector('[role="status"]') as HTMLElement).textContent = 'That is not the facilitator PIN.';
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
    const events = [...s.scenario.events].sort((a, b) => a.title.localeCompare(b.title));
    this.dialog.innerHTML = `
      <form class="bc-form bc-facilitator" data-form="panel">
        <h2 id="bc-facilitator-title">Facilitator panel</h2>
        <p class="bc-status" data-status></p>
        <div class="bc-row bc-left"><button type="button" data-act="pause"></button><button type="button" data-act="hazard"></button></div>
        <fieldset><legend>Deadline</legend>
          <div class="bc-row bc-left"><button type="button" data-act="deadline-minus">Shorten by 1 round</button><button type="button" data-act="deadline-plus">Extend by 1 round</button></div>
        </fieldset>
        <fieldset><legend>Inject an event from the deck</legend>
          <div class="bc-row bc-left">
            <select name="event" aria-label="Event from the deck">${events.map((e) => `<option value="${escapeHtml(e.id)}">${escapeHtml(e.title)}</option>`).join('')}</select>
            <button type="button" data-act="inject">Inject event</button>
          </div>
        </fieldset>
        <fieldset><legend>Inject a custom event</legend>
          <label>Title <input name="title" maxlength="80" autocomplete="off"></label>
          <label>Text <textarea name="text" maxlength="600" rows="2"></textarea></label>
          <div class="bc-row bc-left">
            <label>Severity <select name="severity">${SEVERITIES.map((v) => `<option value="${v}"${v === 'nonviolent' ? ' selected' : ''}>${SEVERITY_WORD[v]}</option>`).join('')}</select></label>
            <label>Extra tension <input name="tension" type="number" min="-100" max="100" step="1" value="10"></label>
            <button type="button" data-act="custom">Inject custom event</button>
          </div>
          <p class="bc-note" data-tension-total aria-live="polite"></p>
        </fieldset>
        <fieldset><legend>Speak for ${escapeHtml(s.scenario.mediator.short)}: table a bridging proposal</legend>
          <div class="bc-row bc-left"><button type="button" data-act="bridge-mid">Midpoint of both offers</button><button type="button" data-act="bridge-draft">The draft of the team at the table</button></div>
        </fieldset>
        <fieldset><legend>This game’s replay and link (kept from the teams until the debrief: they show both sides’ secrets)</legend>
          <div class="bc-row bc-left"><button type="button" data-act="export">Export replay</button><button type="button" data-act="link">Show the link</button></div>
          <input type="text" readonly hidden data-link aria-label="Link to this game (scenario, seed and side)" spellcheck="false">
        </fieldset>
        <p role="status" aria-live="polite" data-result></p>
        <div class="bc-row"><button type="button" value="close">Close and lock</button></div>
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
      total.textContent = customTensionWords(s.scenario.ladder.severityScores[severity], extra, SEVERITY_WORD[severity]);
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
    const { game, scenario } = s;
    status.textContent = `Round ${game.round} of ${game.deadline} · rung ${game.rung} (${scenario.ladder.rungs[game.rung]?.name ?? ''}) · ${game.paused ? 'paused' : 'running'} · hazard ${game.hazardVisible ? `shown (${(game.hazard * 100).toFixed(1)}%)` : 'hidden from the teams'}`;
    (this.dialog.querySelector('[data-act="pause"]') as HTMLButtonElement).textContent = game.paused
      ? 'Resume the talks'
      : 'Pause the talks';
    (this.dialog.querySelector('[data-act="hazard"]') as HTMLButtonElement).textContent = game.hazardVisible
      ? 'Hide the hazard from the teams'
      : 'Show the hazard to the teams';
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
        action = midpointTerms(this.app) ?? 'both sides need an offer on the table first';
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
    if (result) result.textContent = error ? `Not done: ${error}` : `Done: ${done?.text ?? act}`;
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

/** "Adds tension +43 this round in all: +28 for a violent event and +15 extra." */
export function customTensionWords(severityScore: number, extra: number, severity: string): string {
  const signed = (n: number) => (n < 0 ? `−${-n}` : `+${n}`);
  return `Adds tension ${signed(severityScore + extra)} this round in all: ${signed(severityScore)} for the severity (${severity.toLowerCase()}) and ${signed(extra)} extra.`;
}
