// Drag and drop of a file onto the stage (a replay or a scenario onto the title screen). `accepts` says
// whether a drop is welcome right now; otherwise the browser's own handling is left alone. The file is
// handed over unread, so that its size can be checked first.
export function acceptDroppedFiles(target: HTMLElement, accepts: () => boolean, onFile: (file: File) => void): void {
  const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  target.addEventListener('dragover', (e) => {
    if (!accepts() || !hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    target.classList.add('bc-dropping');
  });
  target.addEventListener('dragleave', (e) => {
    if (e.target === target) target.classList.remove('bc-dropping');
  });
  target.addEventListener('drop', (e) => {
    target.classList.remove('bc-dropping');
    if (!accepts()) return;
    const file = e.dataTransfer?.files[0];
    if (!file) return;
    e.preventDefault();
    onFile(file);
  });
}
