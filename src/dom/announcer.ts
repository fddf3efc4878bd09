// The aria-live region: announces moves and events as they happen, and keeps the recent history
// as a list a screen-reader user can browse.
const KEEP = 60;

export class Announcer {
  private readonly list: HTMLOListElement;
  private readonly live: HTMLElement;

  constructor(root: HTMLElement) {
    root.innerHTML = '';
    const heading = document.createElement('h2');
    heading.textContent = 'What happened';
    this.live = document.createElement('div');
    this.live.setAttribute('aria-live', 'polite');
    this.live.setAttribute('role', 'log');
    this.live.id = 'bc-live';
    this.list = document.createElement('ol');
    root.append(heading, this.live, this.list);
  }

  announce(lines: readonly string[]): void {
    if (lines.length === 0) return;
    this.live.textContent = lines.join(' ');
    for (const line of lines) {
      const li = document.createElement('li');
      li.textContent = line;
      this.list.append(li);
    }
    while (this.list.children.length > KEEP) this.list.firstElementChild?.remove();
  }

  clear(): void {
    this.live.textContent = '';
    this.list.innerHTML = '';
  }
}
