// A text version of what the current screen shows (headings and paragraphs), for screen readers.
// Visually hidden: the canvas shows the same words.
export interface TextSection {
  heading: string;
  lines: readonly string[];
}

export function setScreenText(root: HTMLElement, title: string, sections: readonly TextSection[]): void {
  root.innerHTML = '';
  const h = document.createElement('h2');
  h.textContent = title;
  root.append(h);
  for (const section of sections) {
    const h3 = document.createElement('h3');
    h3.textContent = section.heading;
    root.append(h3);
    const ul = document.createElement('ul');
    for (const line of section.lines) {
      const li = document.createElement('li');
      li.textContent = line;
      ul.append(li);
    }
    root.append(ul);
  }
}
