// The accessible mirror of the canvas: every action is a real <button> (or <input>) laid exactly over
// the control the scene draws, so pointer, keyboard and screen-reader users press the same thing.
// Buttons are reconciled by key, so focus survives a re-draw.
import { isRtl } from '../i18n';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ButtonSpec {
  kind?: 'button';
  key: string;
  /** The accessible name: says what pressing does, in the game's words. */
  label: string;
  rect: Rect;
  onPress: () => void;
  disabled?: boolean;
  /** Toggle and choice buttons report their state. */
  pressed?: boolean;
  /** Extra description read after the name (effects, costs). */
  description?: string;
  /**
   * A move (or the handoff's "We are …"): the game turn it was drawn for. One click, one move: the
   * second click of a double-click is dropped, since the first has played the move and the button
   * under the pointer is already the next turn's (or the next screen's). See also `ScreenScene.button`.
   */
  turn?: number;
}

export interface InputSpec {
  kind: 'input';
  key: string;
  label: string;
  rect: Rect;
  value: string;
  onInput: (value: string) => void;
  maxLength?: number;
  /** Shown in the empty field, so it reads as a field before anyone clicks it. */
  placeholder?: string;
  /** A read-only field (a link to select and copy). */
  readOnly?: boolean;
}

/** A file picker laid over a drawn button: keyboard users open it with Enter or Space. */
export interface FileSpec {
  kind: 'file';
  key: string;
  label: string;
  rect: Rect;
  /** File types offered first in the picker, e.g. `.json,application/json`. */
  accept: string;
  /** Called with the chosen file, unread: its size is checked before it is read. */
  onFile: (file: File) => void;
}

export type ControlSpec = ButtonSpec | InputSpec | FileSpec;

export const DESIGN_WIDTH = 1280;
export const DESIGN_HEIGHT = 720;

export class ControlLayer {
  private elements = new Map<string, HTMLElement>();
  private handlers = new Map<string, ControlSpec>();

  constructor(private readonly root: HTMLElement) {
    root.addEventListener('click', (e) => {
      const el = (e.target as HTMLElement).closest<HTMLElement>('[data-key]');
      const spec = el ? this.handlers.get(el.dataset.key ?? '') : undefined;
      if (!spec || (spec.kind !== undefined && spec.kind !== 'button') || spec.disabled) return;
      // `detail` counts the clicks of a multi-click (Enter and Space send 0): a move takes only the first.
      if (spec.turn !== undefined && e.detail > 1) return;
      spec.onPress();
    });
    root.addEventListener('input', (e) => {
      const el = e.target as HTMLInputElement;
      const spec = this.handlers.get(el.dataset.key ?? '');
      if (spec?.kind === 'input') spec.onInput(el.value);
    });
    root.addEventListener('change', (e) => {
      const el = e.target as HTMLInputElement;
      const spec = this.handlers.get(el.dataset.key ?? '');
      const file = el.files?.[0];
      if (spec?.kind !== 'file' || !file) return;
      spec.onFile(file);
      // The same file can be chosen again after a fix.
      el.value = '';
    });
  }

  /** Makes the layer hold exactly these controls, in this tab order. */
  sync(specs: readonly ControlSpec[]): void {
    const active = document.activeElement as HTMLElement | null;
    const activeKey = active && this.root.contains(active) ? (active.dataset.key ?? null) : null;
    const wanted = new Set(specs.map((s) => s.key));
    for (const [key, el] of this.elements)
      if (!wanted.has(key)) {
        el.remove();
        this.elements.delete(key);
        this.handlers.delete(key);
      }
    specs.forEach((spec, i) => {
      let el = this.elements.get(spec.key);
      const kind = spec.kind ?? 'button';
      if (!el || el.dataset.kind !== kind) {
        el?.remove();
        el = document.createElement(kind === 'button' ? 'button' : 'input');
        el.dataset.key = spec.key;
        el.dataset.kind = kind;
        (el as HTMLInputElement).type = kind === 'input' ? 'text' : kind;
        this.elements.set(spec.key, el);
      }
      this.handlers.set(spec.key, spec);
      apply(el, spec);
      const at = this.root.children[i];
      if (at !== el) this.root.insertBefore(el, at ?? null);
    });
    if (activeKey && document.activeElement !== this.elements.get(activeKey)) this.elements.get(activeKey)?.focus();
  }

  focus(key: string): boolean {
    const el = this.elements.get(key);
    if (!el) return false;
    el.focus();
    return true;
  }

  has(key: string): boolean {
    return this.elements.has(key);
  }

  /** Focus the first control if focus was lost (after a screen change). */
  focusFirstIfLost(preferred?: string): void {
    const active = document.activeElement;
    if (active && active !== document.body && document.contains(active)) return;
    if (preferred && this.focus(preferred)) return;
    const first = this.root.querySelector<HTMLElement>('button:not([disabled]), input');
    first?.focus();
  }
}

/** Where a rectangle of the design shows from the left: right to left the canvas is drawn mirrored (src/game/startGame.ts), and so is every place laid over it. */
export const shownX = (r: Rect): number => (isRtl() ? DESIGN_WIDTH - r.x - r.w : r.x);

function apply(el: HTMLElement, spec: ControlSpec): void {
  const { y, w, h } = spec.rect;
  el.style.left = `${shownX(spec.rect)}px`;
  el.style.top = `${y}px`;
  el.style.width = `${w}px`;
  el.style.height = `${h}px`;
  el.setAttribute('aria-label', spec.label);
  if (spec.kind === 'file') {
    (el as HTMLInputElement).accept = spec.accept;
    return;
  }
  if (spec.kind === 'input') {
    const input = el as HTMLInputElement;
    if (input.value !== spec.value && document.activeElement !== input) input.value = spec.value;
    input.readOnly = spec.readOnly ?? false;
    if (spec.placeholder) input.placeholder = spec.placeholder;
    else input.removeAttribute('placeholder');
    input.maxLength = spec.maxLength ?? 64;
    input.spellcheck = false;
    input.autocomplete = 'off';
    return;
  }
  const button = el as HTMLButtonElement;
  button.disabled = spec.disabled ?? false;
  if (spec.pressed === undefined) button.removeAttribute('aria-pressed');
  else button.setAttribute('aria-pressed', String(spec.pressed));
  if (spec.description) button.title = spec.description;
  else button.removeAttribute('title');
  if (spec.description) button.setAttribute('aria-description', spec.description);
  else button.removeAttribute('aria-description');
}
