// The pseudo-locale check: every text a page shows (canvas texts, DOM text, accessible names, titles,
// placeholders) must have come through the catalogue, the scenario's texts or a formatted number, i.e.
// show nothing but markers, punctuation and symbols outside ⟦ ⟧. `data` lists what the player typed
// or the game drew at random (a seed, a table code, a team name): shown as it is, in any language.
import Phaser from 'phaser';
import { en } from '../../src/i18n/en';
import { useLanguage } from '../../src/i18n/index';
import { outsideMarkers, pseudoCatalogue } from '../../src/i18n/pseudo';

/** Draws everything in the pseudo-locale from now on (until `resetLanguage`). */
export function usePseudoLocale(): void {
  useLanguage('pseudo', pseudoCatalogue(en));
}

function strip(text: string, data: readonly string[]): string {
  let out = text;
  for (const d of data) if (d) out = out.split(d).join(' ');
  return out;
}

/** Each shown text with something outside the markers, as `where: text`. */
export function unmarked(texts: Iterable<[where: string, text: string]>, data: readonly string[] = []): string[] {
  const found: string[] = [];
  for (const [where, text] of texts) {
    const left = outsideMarkers(strip(text, data));
    if (left) found.push(`${where}: ${JSON.stringify(text.slice(0, 160))} (outside: ${JSON.stringify(left.slice(0, 60))})`);
  }
  return found;
}

/** The texts drawn on the canvas of every running scene (visible ones, containers opened). */
export function* canvasTexts(game: Phaser.Game): Generator<[string, string]> {
  for (const scene of game.scene.getScenes(true)) {
    const stack: Phaser.GameObjects.GameObject[] = [...scene.children.list];
    while (stack.length) {
      const o = stack.pop() as Phaser.GameObjects.GameObject & { visible?: boolean; alpha?: number };
      if (o.visible === false || o.alpha === 0) continue;
      if (o instanceof Phaser.GameObjects.Container) stack.push(...o.list);
      else if (o instanceof Phaser.GameObjects.Text && o.text.trim()) yield [`canvas ${scene.scene.key}`, o.text];
    }
  }
}

const NAMED = ['aria-label', 'aria-description', 'title', 'placeholder', 'alt', 'aria-valuetext', 'aria-roledescription'];

/** The texts of a document: its title, each text node, each accessible name, label and placeholder. */
export function* domTexts(root: Document | Element | null = document): Generator<[string, string]> {
  if (!root) return;
  const isDoc = (r: Document | Element): r is Document => r.nodeType === 9;
  const doc = isDoc(root) ? root : root.ownerDocument;
  if (isDoc(root) && root.title) yield ['<title>', root.title];
  const start = isDoc(root) ? root.documentElement : root;
  const walker = doc.createTreeWalker(start, 1 | 4);
  for (let node = walker.currentNode as Node | null; node; node = walker.nextNode()) {
    if (node.nodeType === 3) {
      const parent = node.parentElement;
      if (!parent || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(parent.tagName)) continue;
      if (node.textContent?.trim()) yield [`<${parent.tagName.toLowerCase()}${parent.id ? `#${parent.id}` : ''}>`, node.textContent];
      continue;
    }
    const el = node as Element;
    for (const a of NAMED) {
      const v = el.getAttribute(a);
      if (v?.trim()) yield [`<${el.tagName.toLowerCase()} ${a}>`, v];
    }
    if (el instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(el.type) && el.value) yield ['<input value>', el.value];
  }
}
