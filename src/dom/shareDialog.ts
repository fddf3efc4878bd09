// "Copy link": the share URL in a read-only field inside a native <dialog>. The field is selected so
// the link can be copied by hand where the async Clipboard API is missing (plain-HTTP classroom LANs).
import { m } from '../i18n';

export class ShareDialog {
  private readonly dialog: HTMLDialogElement;
  private readonly field: HTMLInputElement;
  private readonly status: HTMLElement;

  constructor(root: HTMLElement) {
    this.dialog = document.createElement('dialog');
    this.dialog.id = 'bc-share';
    this.dialog.setAttribute('aria-labelledby', 'bc-share-title');
    this.dialog.innerHTML = `
      <form method="dialog" class="bc-share">
        <h2 id="bc-share-title"></h2>
        <p data-intro></p>
        <input type="text" readonly spellcheck="false">
        <p role="status" aria-live="polite"></p>
        <div class="bc-row">
          <button type="button" value="copy"></button>
          <button value="close"></button>
        </div>
      </form>`;
    root.append(this.dialog);
    this.field = this.dialog.querySelector('input') as HTMLInputElement;
    this.status = this.dialog.querySelector('[role="status"]') as HTMLElement;
    this.field.addEventListener('focus', () => this.field.select());
    (this.dialog.querySelector('button[value="copy"]') as HTMLButtonElement).addEventListener('click', () => void this.copy());
    this.words();
  }

  /** The dialog's words in the language shown (set again each time it opens). */
  private words(): void {
    const q = (selector: string) => this.dialog.querySelector(selector) as HTMLElement;
    q('h2').textContent = m.dom.shareTitle;
    q('[data-intro]').textContent = m.dom.shareIntro;
    this.field.setAttribute('aria-label', m.dom.shareField);
    q('button[value="copy"]').textContent = m.dom.copyAgain;
    q('button[value="close"]').textContent = m.dom.close;
  }

  get isOpen(): boolean {
    return this.dialog.open;
  }

  get url(): string {
    return this.field.value;
  }

  open(url: string): void {
    this.words();
    this.field.value = url;
    this.status.textContent = '';
    if (typeof this.dialog.showModal === 'function') this.dialog.showModal();
    else this.dialog.setAttribute('open', '');
    this.field.focus();
    this.field.select();
    void this.copy();
  }

  private async copy(): Promise<void> {
    this.field.select();
    try {
      if (!navigator.clipboard || !globalThis.isSecureContext) throw new Error('no async clipboard');
      await navigator.clipboard.writeText(this.field.value);
      this.status.textContent = m.dom.linkCopied;
      return;
    } catch {
      // Fall back on the selected field: the old copy command, or the player's own Ctrl+C.
    }
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    this.status.textContent = copied ? m.dom.linkCopied : m.dom.linkSelected;
  }
}
