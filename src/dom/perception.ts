// The perception check: the player privately guesses the other side's top priority and red line. The
// guess is a `guess` action (once a round; it does not use the turn); the debrief scores it against
// the truth. Hot seat asks each team at the start of its first turn in a round, right after the
// handoff. Solo does not interrupt: a "Perception check" button at the table opens the same dialog
// while this round's guess is still open. The dialog is removed from the page once answered, so
// nothing of it stays for the other team to read.
import type { App } from '../app/app';
import { legalActionTypes } from '../core/rules';
import { m, onLanguage, shown } from '../i18n';
import { DESIGN_HEIGHT, DESIGN_WIDTH, type Rect, shownX } from './controls';
import './classroom.css';
import './perception.css';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Where the solo "Perception check" button sits on the 1280×720 stage: the wire panel's heading row. */
export const PERCEPTION_BUTTON_RECT: Rect = { x: 1128, y: 215, w: 128, h: 22 };

export class PerceptionCheck {
  private dialog: HTMLDialogElement | null = null;
  /** `side:round` pairs already asked (answered or skipped). */
  private asked = new Set<string>();
  /** Solo: the button at the table that opens the check. */
  readonly openButton: HTMLButtonElement;

  constructor(
    private readonly app: App,
    private readonly root: HTMLElement,
  ) {
    this.openButton = document.createElement('button');
    this.openButton.id = 'bc-perception-open';
    this.openButton.type = 'button';
    this.openButton.textContent = m.dom.perceptionCheck;
    this.openButton.setAttribute('aria-haspopup', 'dialog');
    this.openButton.hidden = true;
    // Laid out in stage coordinates like the canvas's controls, in the wire panel's heading, clear of
    // every control the table draws (it once sat on the "Your brief" button).
    // Right to left, at the mirrored place (shownX), and in the language shown.
    const place = () => {
      const r = PERCEPTION_BUTTON_RECT;
      Object.assign(this.openButton.style, {
        left: `${(shownX(r) / DESIGN_WIDTH) * 100}%`,
        top: `${(r.y / DESIGN_HEIGHT) * 100}%`,
        width: `${(r.w / DESIGN_WIDTH) * 100}%`,
        height: `${(r.h / DESIGN_HEIGHT) * 100}%`,
      });
      this.openButton.textContent = m.dom.perceptionCheck;
    };
    place();
    onLanguage(place);
    this.openButton.addEventListener('click', () => this.open());
    (document.getElementById('bc-stage') ?? root).append(this.openButton);
    app.subscribe((change) => {
      if (change.kind === 'screen') this.maybeAsk();
      this.refreshButton();
    });
    this.refreshButton();
  }

  /** Solo: whether the player may make this round's check now (at the table, not yet guessed). */
  private offered(): boolean {
    const { app } = this;
    const s = app.session;
    if (!s || app.hotseat || app.screen !== 'rounds' || this.dialog) return false;
    // Someone watching a table has no side to guess for.
    if ('spectator' in s && s.spectator === true) return false;
    return legalActionTypes(s.scenario, s.game, s.side).includes('guess');
  }

  private refreshButton(): void {
    const offered = this.offered();
    this.openButton.hidden = !offered;
    const s = this.app.session;
    if (offered && s) {
      const them = shown(s.scenario).parties[s.opponent]?.short ?? s.opponent;
      this.openButton.textContent = m.dom.perceptionCheck;
      this.openButton.setAttribute('aria-label', m.dom.perceptionButton(them));
    }
  }

  /** Whether the team at the table should be asked now. */
  private due(): boolean {
    const { app } = this;
    const s = app.session;
    if (!s || !app.hotseat || app.screen !== 'rounds' || app.classroom.atTable !== s.side) return false;
    if (this.asked.has(`${s.choice.seed}:${s.side}:${s.game.round}`)) return false;
    return legalActionTypes(s.scenario, s.game, s.side).includes('guess');
  }

  maybeAsk(): void {
    if (!this.due()) {
      if (this.dialog && this.app.screen !== 'rounds') this.close();
      return;
    }
    const s = this.app.session;
    if (!s) return;
    this.asked.add(`${s.choice.seed}:${s.side}:${s.game.round}`);
    this.show();
  }

  /** Solo: the player opens the check with the button. */
  open(): void {
    if (this.offered()) this.show();
  }

  private show(): void {
    const s = this.app.session;
    if (!s || this.dialog) return;
    const solo = !this.app.hotseat;
    const words = shown(s.scenario);
    const them = words.parties[s.opponent]?.short ?? s.opponent;
    const options = words.issues.map((i) => `<option value="${escapeHtml(i.id)}">${escapeHtml(i.name)}</option>`).join('');
    const w = m.dom;
    const dialog = document.createElement('dialog');
    dialog.id = 'bc-perception';
    dialog.className = 'bc-dialog';
    dialog.setAttribute('aria-labelledby', 'bc-perception-title');
    dialog.innerHTML = `
      <form class="bc-form">
        <h2 id="bc-perception-title">${escapeHtml(w.perceptionTitle(s.game.round))}</h2>
        <p>${escapeHtml(w.perceptionAsk(them, solo))}</p>
        <label>${escapeHtml(w.theirTopPriority(them))} <select name="priority">${options}</select></label>
        <label>${escapeHtml(w.theirRedLine(them))} <select name="redLine">${options}</select></label>
        <p role="status" aria-live="polite"></p>
        <div class="bc-row">
          <button type="button" value="skip">${escapeHtml(solo ? w.notNow : w.skipThisRound)}</button>
          <button type="submit" class="bc-primary">${escapeHtml(solo ? w.recordMyGuess : w.recordOurGuess)}</button>
        </div>
      </form>`;
    this.root.append(dialog);
    this.dialog = dialog;
    const form = dialog.querySelector('form') as HTMLFormElement;
    (form.querySelector('button[value="skip"]') as HTMLButtonElement).addEventListener('click', () => this.close());
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      this.close();
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const value = (name: string) => (form.elements.namedItem(name) as HTMLSelectElement).value;
      const error = this.app.act({ type: 'guess', priority: value('priority'), redLine: value('redLine') });
      if (error) (form.querySelector('[role="status"]') as HTMLElement).textContent = m.dom.notRecorded(error);
      else this.close();
    });
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    (form.elements.namedItem('priority') as HTMLSelectElement).focus();
    this.refreshButton();
  }

  get isOpen(): boolean {
    return this.dialog !== null;
  }

  close(): void {
    const d = this.dialog;
    this.dialog = null;
    if (!d) return;
    if (d.open) d.close();
    d.remove();
    this.app.notify({ kind: 'view' });
    // Solo, closed with "Not now": back to the button that opened it.
    if (!this.openButton.hidden) this.openButton.focus();
  }
}
