// One drop zone for the game's title screen and the class page: every dropped file is handed over,
// and nothing happens (the browser keeps its own handling) while drops are not welcome.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { acceptDroppedFiles } from '../../src/dom/dropZone';

/** happy-dom's DragEvent is a bare Event: the DataTransfer a browser gives is set on it here. */
function dragEvent(type: string, files: File[], o: { types?: string[]; relatedTarget?: EventTarget | null } = {}) {
  const e = new Event(type, { bubbles: true, cancelable: true });
  const dataTransfer = { types: o.types ?? (files.length ? ['Files'] : []), files, dropEffect: 'none' };
  Object.defineProperty(e, 'dataTransfer', { value: dataTransfer });
  Object.defineProperty(e, 'relatedTarget', { value: o.relatedTarget ?? null });
  return e as Event & { dataTransfer: typeof dataTransfer };
}

const files = ['a.replay.json', 'b.replay.json', 'muscat.yaml'].map((name) => new File(['{}'], name, { type: 'application/json' }));

let zone: HTMLElement;
let inside: HTMLElement;
beforeEach(() => {
  document.body.className = '';
  document.body.innerHTML = '<div id="zone"><p id="inside">drop here</p></div><p id="outside">elsewhere</p>';
  zone = document.getElementById('zone') as HTMLElement;
  inside = document.getElementById('inside') as HTMLElement;
});

describe('acceptDroppedFiles', () => {
  it('hands over every dropped file, in order', () => {
    const onFiles = vi.fn();
    acceptDroppedFiles(zone, () => true, onFiles);
    inside.dispatchEvent(dragEvent('dragover', files));
    const drop = dragEvent('drop', files);
    inside.dispatchEvent(drop);
    expect(drop.defaultPrevented).toBe(true);
    expect(onFiles).toHaveBeenCalledTimes(1);
    expect(onFiles.mock.calls[0]).toEqual(files);
  });

  it('marks the zone while files are over it', () => {
    acceptDroppedFiles(zone, () => true, vi.fn());
    const over = dragEvent('dragover', files);
    inside.dispatchEvent(over);
    expect(over.defaultPrevented).toBe(true);
    expect(over.dataTransfer.dropEffect).toBe('copy');
    expect(zone.classList.contains('bc-dropping')).toBe(true);
    // Moving onto something inside the zone keeps the mark; leaving the zone takes it off.
    zone.dispatchEvent(dragEvent('dragleave', files, { relatedTarget: inside }));
    expect(zone.classList.contains('bc-dropping')).toBe(true);
    inside.dispatchEvent(dragEvent('dragleave', files, { relatedTarget: document.getElementById('outside') }));
    expect(zone.classList.contains('bc-dropping')).toBe(false);
    // A browser that names no relatedTarget: leaving the zone's own box counts.
    inside.dispatchEvent(dragEvent('dragover', files));
    zone.dispatchEvent(dragEvent('dragleave', files));
    expect(zone.classList.contains('bc-dropping')).toBe(false);
    // The drop takes it off too.
    inside.dispatchEvent(dragEvent('dragover', files));
    inside.dispatchEvent(dragEvent('drop', files));
    expect(zone.classList.contains('bc-dropping')).toBe(false);
  });

  it('a page that takes one file gets the first', () => {
    const opened: string[] = [];
    acceptDroppedFiles(
      zone,
      () => true,
      (file) => opened.push(file.name),
    );
    zone.dispatchEvent(dragEvent('drop', files));
    expect(opened).toEqual(['a.replay.json']);
  });

  it('does nothing, and leaves the browser its own handling, while drops are not welcome', () => {
    const onFiles = vi.fn();
    let welcome = false;
    acceptDroppedFiles(zone, () => welcome, onFiles);
    const over = dragEvent('dragover', files);
    zone.dispatchEvent(over);
    const drop = dragEvent('drop', files);
    zone.dispatchEvent(drop);
    expect([over.defaultPrevented, drop.defaultPrevented]).toEqual([false, false]);
    expect(zone.classList.contains('bc-dropping')).toBe(false);
    expect(onFiles).not.toHaveBeenCalled();

    // Dragged text (no files) is not a drop of files either.
    welcome = true;
    const text = dragEvent('drop', [], { types: ['text/plain'] });
    zone.dispatchEvent(text);
    expect(text.defaultPrevented).toBe(false);
    expect(onFiles).not.toHaveBeenCalled();
  });

  it('serves a whole page: drops anywhere, the body marked with the class given, until the drag leaves the window', () => {
    const onFiles = vi.fn();
    acceptDroppedFiles(document, () => true, onFiles, { className: 'cd-dragging' });
    const outside = document.getElementById('outside') as HTMLElement;
    outside.dispatchEvent(dragEvent('dragover', files));
    expect(document.body.classList.contains('cd-dragging')).toBe(true);
    outside.dispatchEvent(dragEvent('dragleave', files, { relatedTarget: inside }));
    expect(document.body.classList.contains('cd-dragging')).toBe(true);
    outside.dispatchEvent(dragEvent('dragleave', files, { relatedTarget: null }));
    expect(document.body.classList.contains('cd-dragging')).toBe(false);
    document.body.dispatchEvent(dragEvent('drop', files));
    expect(onFiles.mock.calls).toEqual([files]);
  });
});
