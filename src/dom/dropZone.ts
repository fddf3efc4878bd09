// Drag and drop of files onto a page or a part of it: a replay or a scenario onto the game's title
// screen, the tables' replay files anywhere on the class debrief page. `accepts` says whether a drop
// is welcome right now; otherwise the browser's own handling is left alone. While files are dragged
// over the zone, `highlight` (the zone itself, or the body for the whole document) wears `className`.
// Every dropped file is handed over, in order and unread, so that sizes can be checked first; a page
// that takes a single file takes the first.
export interface DropZoneLook {
  highlight?: Element;
  className?: string;
}

export function acceptDroppedFiles(
  zone: HTMLElement | Document,
  accepts: () => boolean,
  onFiles: (...files: [File, ...File[]]) => void,
  look: DropZoneLook = {},
): void {
  const wholePage = zone.nodeType === Node.DOCUMENT_NODE;
  const highlight: Element = look.highlight ?? (wholePage ? (zone as Document).body : (zone as HTMLElement));
  const className = look.className ?? 'bc-dropping';
  const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  // Leaving for somewhere outside the zone. A browser that names no relatedTarget (leaving the window,
  // or not said) counts as leaving when the zone itself is left; a dragover inside marks it again.
  const leaves = (e: DragEvent) => (e.relatedTarget instanceof Node ? !zone.contains(e.relatedTarget) : wholePage || e.target === zone);
  const on = (type: 'dragover' | 'dragleave' | 'drop', listener: (e: DragEvent) => void) =>
    zone.addEventListener(type, (e) => listener(e as DragEvent));
  on('dragover', (e) => {
    if (!accepts() || !hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    highlight.classList.add(className);
  });
  on('dragleave', (e) => {
    if (leaves(e)) highlight.classList.remove(className);
  });
  on('drop', (e) => {
    highlight.classList.remove(className);
    if (!accepts() || !hasFiles(e)) return;
    e.preventDefault();
    const [first, ...rest] = [...(e.dataTransfer?.files ?? [])];
    if (first) onFiles(first, ...rest);
  });
}
