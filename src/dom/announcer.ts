// The aria-live region: announces moves and events as they happen, and keeps the recent history
// as a list a screen-reader user can browse.
import { m } from '../i18n';

const KEEP = 60;

export class Announcer {
  private readonly list: HTMLOListElement;
  private readonly live: HTMLElement;
  /**
   * What the live region says for the current task. Announcements in the same task (a move that ends
   * the talks, then the outcome screen's name) are joined, so the later one does not replace the
   * earlier before a screen reader has read it.
   */
  private spoken: string[] | null = null;

  constructor(root: HTMLElement) {
    root.innerHTML = '';
    const heading = document.createElement('h2');
    // (pageWords.ts sets it again on a change of language.)
    heading.textContent = m.dom.whatHappened;
    this.live = document.createElement('div');
    this.live.setAttribute('aria-live', 'polite');
    this.live.setAttribute('role', 'log');
    this.live.id = 'bc-live';
    this.list = document.createElement('ol');
    root.append(heading, this.live, this.list);
  }

  announce(lines: readonly string[]): void {
    if (lines.length === 0) return;
    if (!this.spoken) {
      const spoken: string[] = [];
      this.spoken = spoken;
      queueMicrotask(() => {
        if (this.spoken === spoken) this.spoken = null;
      });
    }
    this.spoken.push(...lines);
    this.live.textContent = this.spoken.join(' ');
    for (const line of lines) {
      const li = document.createElement('li');
      li.textContent = line;
      this.list.append(li);
    }
    while (this.list.children.length > KEEP) this.list.firstElementChild?.remove();
  }

  clear(): void {
    this.spoken = null;
    this.live.textContent = '';
    this.list.innerHTML = '';
  }
}
