// The errors of a scenario file loaded on the title screen, every line as `npx backchannel validate`
// prints it, in a native <dialog>. The file's words are only ever set as text, never as markup.
import type { App } from '../app/app';
import { m } from '../i18n';
import './classroom.css';

export class ScenarioFileDialog {
  readonly dialog: HTMLDialogElement;
  private readonly heading: HTMLElement;
  private readonly intro: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly status: HTMLElement;
  private shown = 0;

  constructor(
    private readonly app: App,
    root: HTMLElement,
  ) {
    this.dialog = document.createElement('dialog');
    this.dialog.id = 'bc-scenario-file';
    this.dialog.className = 'bc-dialog';
    this.dialog.setAttribute('aria-labelledby', 'bc-scenario-file-title');
    this.dialog.innerHTML = `
      <form method="dialog" class="bc-form">
        <h2 id="bc-scenario-file-title"></h2>
        <p class="bc-scenario-file-intro"></p>
        <ol class="bc-scenario-file-errors"></ol>
        <p role="status" aria-live="polite"></p>
        <div class="bc-row">
          <button type="button" value="copy"></button>
          <button value="close"></button>
        </div>
      </form>`;
    root.append(this.dialog);
    this.heading = this.dialog.querySelector('h2') as HTMLElement;
    this.intro = this.dialog.querySelector('.bc-scenario-file-intro') as HTMLElement;
    this.list = this.dialog.querySelector('ol') as HTMLOListElement;
    this.status = this.dialog.querySelector('[role="status"]') as HTMLElement;
    (this.dialog.querySelector('button[value="copy"]') as HTMLButtonElement).addEventListener('click', () => void this.copy());
    app.subscribe(() => this.refresh());
    this.words();
  }

  /** The buttons' words in the language shown (set again each time it opens). */
  private words(): void {
    (this.dialog.querySelector('button[value="copy"]') as HTMLElement).textContent = m.dom.copyErrors;
    (this.dialog.querySelector('button[value="close"]') as HTMLElement).textContent = m.dom.close;
  }

  /** Opens on each new failed report; `show()` opens the current one again (the title's "Show the errors"). */
  private refresh(): void {
    const report = this.app.scenarioFile;
    if (!report || report.serial === this.shown) return;
    this.shown = report.serial;
    if (!report.ok) this.show();
  }

  show(): void {
    const report = this.app.scenarioFile;
    if (!report || report.ok) return;
    this.heading.textContent = m.dom.fileCannotBeUsed(report.name, report.lines.length);
    this.intro.textContent = m.dom.fileErrorsIntro(report.name);
    this.words();
    this.list.replaceChildren(
      ...report.lines.map((line) => {
        const item = document.createElement('li');
        item.textContent = line;
        return item;
      }),
    );
    this.status.textContent = '';
    if (this.dialog.open) return;
    if (typeof this.dialog.showModal === 'function') this.dialog.showModal();
    else this.dialog.setAttribute('open', '');
  }

  private async copy(): Promise<void> {
    const lines = this.app.scenarioFile?.lines ?? [];
    try {
      if (!navigator.clipboard || !globalThis.isSecureContext) throw new Error('no async clipboard');
      await navigator.clipboard.writeText(lines.join('\n'));
      this.status.textContent = m.dom.errorsCopied;
    } catch {
      const range = document.createRange();
      range.selectNodeContents(this.list);
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      this.status.textContent = m.dom.errorsSelected;
    }
  }
}
