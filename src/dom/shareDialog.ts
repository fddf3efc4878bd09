// "Copy link": the share URL in a read-only field inside a native <dialog>. The field is selected so
// the link can be copied by hand where the async Clipboard API is missing (plain-HTTP classroom LANs).

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
        <h2 id="bc-share-title">Share this game</h2>
        <p>Anyone who opens this link gets the same scenario, seed and seat: the same game, move for move.</p>
        <input type="text" readonly aria-label="Link to this game" spellcheck="false">
        <p role="status" aria-live="polite"></p>
        <div class="bc-row">
          <button type="button" value="copy">Copy again</button>
          <button value="close">Close</button>
        </div>
      </form>`;
    root.append(this.dialog);
    this.field = this.dialog.querySelector('input') as HTMLInputElement;
    this.status = this.dialog.querySelector('[role="status"]') as HTMLElement;
    this.field.addEventListener('focus', () => this.field.select());
    (this.dialog.querySelector('button[value="copy"]') as HTMLButtonElement).addEventListener('click', () => void this.copy());
  }

  get isOpen(): boolean {
    return this.dialog.open;
  }

  get url(): string {
    return this.field.value;
  }

  open(url: string): void {
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
      this.status.textContent = 'Link copied to the clipboard.';
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
    this.status.textContent = copied ? 'Link copied to the clipboard.' : 'The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.';
  }
}
