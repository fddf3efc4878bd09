// Button captions and the text-size setting. `ui.button` draws captions at a fixed size (a caption
// must fit its button); the table asks here for the size to draw a caption at: the size the
// player's text-size setting asks for, or the largest size between that and the designed size at
// which the caption, wrapped as `ui.button` wraps it, still fits its button.
import { preferences } from '../../app/preferences';
import { FONT } from '../theme';

/** A caption line's height in em (a face's ascent and descent, with room to spare), plus `ui.button`'s 1 px line spacing. */
const LINE_EM = 1.25;
/** What `ui.button` keeps clear around a caption: it wraps at the button's width less 12 px. */
const PAD_X = 12;
const PAD_Y = 4;

export function captionSize(caption: string, base: number, box: { w: number; h: number }, min = base): number {
  const wanted = Math.round(base * preferences.textScale());
  const fits = (size: number): boolean | undefined => {
    const width = measurer(size);
    if (!width) return undefined;
    return wrappedLines(caption, box.w - PAD_X, width) * (size * LINE_EM + 1) <= box.h - PAD_Y;
  };
  for (let size = wanted; size > base; size--) {
    const ok = fits(size);
    if (ok === undefined) return base;
    if (ok) return size;
  }
  // Below the designed size only when asked (`min`): a three-line option label in a short chip ran
  // over the chip's edge and under the bridge marker.
  for (let size = base; size > min; size--) if (fits(size) !== false) return size;
  return min;
}

let context: CanvasRenderingContext2D | null | undefined;

/** Widths of strings in a caption's face (`ui.button`: weight 600) at `size` px; undefined where the browser cannot measure. */
function measurer(size: number): ((s: string) => number) | undefined {
  if (context === undefined) context = globalThis.document?.createElement('canvas').getContext('2d') ?? null;
  const c = context;
  if (!c) return undefined;
  c.font = `600 ${size}px ${FONT}`;
  return (s) => c.measureText(s).width;
}

/**
 * How many lines `caption` takes wrapped at `wrap` px, as Phaser's advanced word wrap
 * (Text#advancedWordWrap, which `ui.button` uses) lays it out; Infinity if it would break a word.
 */
function wrappedLines(caption: string, wrap: number, width: (s: string) => number): number {
  const lines = caption.replace(/ +/g, ' ').split(/\r\n|\r|\n/);
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/^ *|\s*$/g, '');
    count++;
    if (width(line) < wrap) continue;
    let left = wrap;
    const words = line.split(' ');
    for (let j = 0; j < words.length; j++) {
      const w = width(`${words[j]} `);
      if (w > left) {
        if (j === 0) return Number.POSITIVE_INFINITY;
        lines.splice(i + 1, 0, words.slice(j).join(' '));
        break;
      }
      left -= w;
    }
  }
  return count;
}
