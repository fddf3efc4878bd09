// Drawing helpers shared by the scenes: text in the game's font, panels, and buttons whose
// accessible twins live in the DOM control layer.
import Phaser from 'phaser';
import { preferences } from '../app/preferences';
import type { ButtonSpec, ControlSpec, Rect } from '../dom/controls';
import { isRtl } from '../i18n';
import { clampLines, layoutSafe } from './clampLines';
import { requestFrames } from './renderOnDemand';
import { fillRoundRect, strokeRoundRect } from './shapes';
import { COLOR, css, FONT } from './theme';

export interface TextOptions {
  size?: number;
  color?: number;
  weight?: 400 | 500 | 600 | 700;
  wrap?: number;
  align?: 'left' | 'center' | 'right';
  /** Scale with the player's text-size setting (body text does; fixed labels in tight spots don't). */
  scalable?: boolean;
  lineSpacing?: number;
  italic?: boolean;
  /** Cut the text after this many lines, at a word, with an ellipsis (long quotes in small panels). */
  maxLines?: number;
}

/** A multiplier on top of the text-size setting, used by `fitBlock` to make a column fit its panel. */
let fitScale = 1;

/** Persian: Vazirmatn for its letters, Inter for the Latin ones between them (each face has its unicode range). */
const FONT_RTL = `Vazirmatn, ${FONT}`;

/** The face a text of these options is drawn in: family, size in pixels (after the text-size setting) and style. */
function faceOf(o: TextOptions): { fontFamily: string; fontSize: string; fontStyle: string; size: number } {
  const scale = o.scalable === false ? 1 : preferences.textScale() * fitScale;
  const size = Math.round((o.size ?? 14) * scale);
  // Persian has no italic: a slanted Persian face reads as a mistake, so emphasis there is the weight alone.
  const italic = o.italic && !isRtl();
  return { fontFamily: isRtl() ? FONT_RTL : FONT, fontSize: `${size}px`, fontStyle: `${italic ? 'italic ' : ''}${o.weight ?? 400}`, size };
}

/**
 * Whether `value` fits on one line `width` pixels wide in these options' face, as the word wrap
 * decides it, measured without drawing a text. Undefined where the browser cannot measure.
 */
export function fitsOneLine(value: string, width: number, o: TextOptions = {}): boolean | undefined {
  const { fontFamily, fontSize, fontStyle } = faceOf(o);
  const context = measuringIn(fontOf(fontStyle, fontSize, fontFamily));
  return context ? context.measureText(value).width < width : undefined;
}

export function text(scene: Phaser.Scene, x: number, y: number, value: string, o: TextOptions = {}): Phaser.GameObjects.Text {
  // Cut before anything measures it: no word, line or text long enough to freeze the layout (issue 18).
  value = layoutSafe(value, !!o.wrap);
  const { fontFamily, fontSize, fontStyle, size } = faceOf(o);
  const style: Phaser.Types.GameObjects.Text.TextStyle = {
    fontFamily,
    fontSize,
    fontStyle,
    color: css(o.color ?? COLOR.ink),
    align: o.align ?? 'left',
    lineSpacing: o.lineSpacing ?? Math.round(size * 0.3),
    resolution: textResolution(scene),
    // Right to left: each line drawn from the right edge of the text's box (the whole screen is
    // mirrored by its camera, see startGame.ts, and each text drawn mirrored on its canvas, so that box sits where
    // a reader of Persian looks first).
    rtl: isRtl(),
  };
  if (o.wrap) style.wordWrap = { width: o.wrap, useAdvancedWrap: true };
  if (o.maxLines) {
    style.maxLines = o.maxLines;
    const context = o.wrap ? measuringIn(fontOf(fontStyle, fontSize, fontFamily)) : null;
    if (context && o.wrap) value = clampLines(value, o.wrap, o.maxLines, (s) => context.measureText(s).width);
  }
  // Re-use an identical text from the previous draw: rendering a text to a texture is the costly
  // part of a redraw, and most words on a screen do not change from one move to the next.
  // Every field of the style, in a fixed order (cheaper than serialising the style object).
  const key = [
    style.rtl ? 'rtl' : 'ltr',
    fontFamily,
    fontStyle,
    fontSize,
    style.color,
    style.align,
    style.lineSpacing,
    style.resolution,
    o.wrap ?? 0,
    o.maxLines ?? 0,
    value,
  ].join('\u0000');
  const pool = pools.get(scene);
  const reused = pool?.take(key);
  if (reused) return place(scene.add.existing(reused), x, y);
  // Font metrics are measured once per face and size, not once per text.
  const font = `${style.fontStyle} ${style.fontSize}`;
  let metrics = fontMetrics.get(font);
  if (!metrics) {
    metrics = measureFace(style);
    if (metrics) fontMetrics.set(font, metrics);
  }
  const full = metrics ? { ...style, metrics } : style;
  // A text the new draw does not need any more is given the new words: it keeps its canvas and its
  // texture, and is drawn once, instead of a new text being made and the old one destroyed.
  // Only with the face's metrics in hand: a restyled text keeps the metrics it is given.
  const spare = metrics ? pool?.spare(style.resolution ?? 1) : undefined;
  if (spare) {
    restyle(spare, value, full);
    poolKeys.set(spare, key);
    return place(scene.add.existing(spare), x, y);
  }
  const created = scene.add.existing(new UiText(scene, x, y, value, full));
  if (!metrics) fontMetrics.set(font, created.style.getTextMetrics());
  poolKeys.set(created, key);
  return created;
}

/** A re-used text as a new one would be: at its place, upright, opaque, unscaled, at depth 0. */
function place(t: Phaser.GameObjects.Text, x: number, y: number): Phaser.GameObjects.Text {
  return t.setPosition(x, y).setOrigin(0).setAlpha(1).setAngle(0).setScale(1).setDepth(0).setVisible(true);
}

/** Gives a text a whole new style (anything the style leaves out back to its default) and words, drawn once. */
function restyle(t: Phaser.GameObjects.Text, value: string, style: Phaser.Types.GameObjects.Text.TextStyle): void {
  const { lineSpacing, rtl, ...rest } = style;
  t.style.setStyle(rest, false, true);
  if (t.style.rtl !== !!rtl) t.setRTL(!!rtl);
  t.lineSpacing = lineSpacing ?? 0;
  if (t.text === value) t.updateText();
  else t.setText(value);
}

/** Mirrors what is drawn on a canvas, left for right, in place. */
function mirrorCanvas(context: CanvasRenderingContext2D): void {
  const { canvas } = context;
  if (!canvas.width) return;
  context.save();
  context.setTransform(-1, 0, 0, 1, canvas.width, 0);
  context.globalCompositeOperation = 'copy';
  context.drawImage(canvas, 0, 0);
  context.restore();
}

/**
 * A Text drawn once when made. Phaser's Text draws its canvas and uploads it to the GPU in its
 * constructor, then again for each of line spacing, padding and letter spacing given in the style:
 * every text of a screen was drawn and uploaded twice. Here the constructor's draws are held back
 * and the text is drawn once with its whole style. A redraw of the table makes tens of new texts
 * and the title forty: this halves the drawing and uploading of texts in a move and on the title.
 */
let constructing = false;

class UiText extends Phaser.GameObjects.Text {
  /** Measured and laid out, but its words not yet drawn on its canvas: not shown until they are. */
  pending = false;

  constructor(scene: Phaser.Scene, x: number, y: number, value: string, style: Phaser.Types.GameObjects.Text.TextStyle) {
    const { lineSpacing, ...rest } = style;
    skipPlaceholderTexture(scene.sys.renderer);
    constructing = true;
    try {
      super(scene, x, y, value, rest);
    } finally {
      constructing = false;
    }
    this.lineSpacing = lineSpacing ?? 0;
    // Phaser anchors a right-to-left text at its right edge; ours are placed by their left edge
    // like any other (the camera's mirror makes that the right edge on screen).
    this.setOrigin(0, 0);
    measureOnSharedContext(this);
    this.updateText();
  }

  override updateText(): this {
    if (constructing) return this;
    const queue = progressive.get(this.scene);
    if (queue) {
      this.measure();
      this.pending = true;
      queue.add(this);
      return this;
    }
    this.pending = false;
    if (!this.style.rtl || !this.context) return super.updateText();
    // Right to left, the screen is drawn mirrored (startGame.ts): the words are drawn mirrored on
    // the text's own canvas, after Phaser has drawn them and before it uploads them, so that the
    // mirror shows them the right way round. (Not `flipX`: with a text resolution above 1, Phaser
    // flips a text about a point its own width away.)
    const context = this.context;
    context.restore = () => {
      Reflect.deleteProperty(context, 'restore');
      context.restore();
      mirrorCanvas(context);
    };
    try {
      return super.updateText();
    } finally {
      Reflect.deleteProperty(context, 'restore');
    }
  }

  override preDestroy(): void {
    // The canvas goes back to Phaser's pool: whatever draws on it next measures on it.
    if (this.context) Reflect.deleteProperty(this.context, 'measureText');
    super.preDestroy();
  }

  override willRender(camera: Phaser.Cameras.Scene2D.Camera): boolean {
    return !this.pending && super.willRender(camera);
  }

  /**
   * The size `updateText` gives the text, without drawing it: its words wrapped and measured the
   * same way, so a view lays out around it exactly as it will be drawn.
   */
  private measure(): void {
    const { style, padding } = this;
    style.syncFont(this.canvas, this.context);
    const words = style.wordWrapWidth || style.wordWrapCallback ? this.runWordWrap(this.text) : this.text;
    const size = Phaser.GameObjects.GetTextSize(this, style.getTextMetrics(), words.split(this.splitRegExp as RegExp));
    this.width = style.fixedWidth || size.width + (padding.left ?? 0) + (padding.right ?? 0);
    this.height = style.fixedHeight || size.height + (padding.top ?? 0) + (padding.bottom ?? 0);
    this.updateDisplayOrigin();
  }
}

/**
 * Texts are drawn progressively when a screen redraws for a change (a move, an event): each changed
 * text is measured and laid out at once, but the words are drawn on its canvas and uploaded to
 * the GPU, the costly part (about 1 ms a text in software rendering), only while a budget lasts:
 * `inline` ms in the redraw itself, topmost layer first (an event card before the table under it),
 * then `frame` ms a frame from the second frame after it (the first carries the redraw). A move
 * that changes 16 texts no longer holds its frame for all of them; they are all drawn within a few
 * frames. A text not yet drawn is not shown, so nothing stale or half-drawn is ever on screen.
 * A screen's first draw is never progressive: it comes up whole.
 */
export const textBudget = { inline: 2, frame: 6 };

/** Per scene, while it redraws progressively, and after, until drawn: the texts waiting to be drawn. */
const progressive = new WeakMap<Phaser.Scene, Set<UiText>>();
const waiting = new WeakMap<Phaser.Scene, Set<UiText>>();
const drawsEachFrame = new WeakSet<Phaser.Scene>();
const restingAfterRedraw = new WeakSet<Phaser.Scene>();

/** Draws waiting texts, topmost layer first, until `ms` is spent; at least `least` of them. */
function drawWaiting(scene: Phaser.Scene, ms: number, least: number): void {
  const queue = waiting.get(scene);
  if (!queue || queue.size === 0) return;
  const start = performance.now();
  let drawn = 0;
  for (const t of [...queue].sort((a, b) => b.depth - a.depth)) {
    if (drawn >= least && performance.now() - start >= ms) break;
    queue.delete(t);
    if (!(t.pending && t.scene)) continue;
    t.updateText();
    drawn++;
  }
  requestFrames(scene.game);
}

/**
 * Texts render at the pixel density they are shown at (window scale × device pixels, in quarter
 * steps, at most 2): crisp on a large screen, and no larger textures than needed on a small one.
 */
function textResolution(scene: Phaser.Scene): number {
  const shown = scene.scale?.displayScale?.x ? 1 / scene.scale.displayScale.x : 1;
  const density = shown * (globalThis.devicePixelRatio || 1);
  return Math.min(2, Math.max(1, Math.ceil(density * 4) / 4));
}

const fontMetrics = new Map<string, Phaser.Types.GameObjects.Text.TextMetrics>();

/** Phaser's own measure of a face's height, its default test string. */
const TEST_STRING = '|M\u00c3\u2030qgy';
let measuring: CanvasRenderingContext2D | null | undefined;
/** The font the measuring context is set to. */
let measuringFont = '';

/** One 2D context for measuring, made on first use; null where there is no document or canvas. */
function measuringContext(): CanvasRenderingContext2D | null {
  if (measuring === undefined) measuring = globalThis.document?.createElement('canvas').getContext('2d') ?? null;
  return measuring;
}

/**
 * Lets the measuring context go (a new one is made on the next measure). The browser keeps, with
 * each context, the shaped text of every string it measured: over 20 games one context for the
 * whole session took Blink's heap from 8.7 to 10.6 MB. A context per screen lets each one go with it.
 */
/** The measuring context in this font (set only when it changes: setting a font is not free). */
function measuringIn(font: string): CanvasRenderingContext2D | null {
  const context = measuringContext();
  if (context && measuringFont !== font) {
    context.font = font;
    measuringFont = font;
  }
  return context;
}

/** A font as Phaser's TextStyle writes it for a canvas (its `_font`). */
function fontOf(fontStyle = '', fontSize: string | number = '', fontFamily = ''): string {
  return [fontStyle, fontSize, fontFamily].join(' ').trim();
}

function releaseMeasuringContext(): void {
  measuring = undefined;
  measuringFont = '';
}

/**
 * A face's ascent and descent as Phaser's MeasureText finds them (the browser's bounding box of its
 * test string), from one shared context: Phaser makes a canvas and a context for each face.
 * Undefined where the browser gives no bounding box: Phaser then measures in its own way.
 */
function measureFace(style: Phaser.Types.GameObjects.Text.TextStyle): Phaser.Types.GameObjects.Text.TextMetrics | undefined {
  const context = measuringIn(fontOf(style.fontStyle, style.fontSize, style.fontFamily));
  if (!context) return undefined;
  const m = context.measureText(TEST_STRING);
  if (typeof m.actualBoundingBoxAscent !== 'number' || typeof m.actualBoundingBoxDescent !== 'number') return undefined;
  return {
    ascent: m.actualBoundingBoxAscent,
    descent: m.actualBoundingBoxDescent,
    fontSize: m.actualBoundingBoxAscent + m.actualBoundingBoxDescent,
  };
}

/**
 * A text measures its words (to wrap them) and its lines on the one shared measuring context, in
 * its own face, instead of on its own canvas. Each text's canvas is new or just resized for its new
 * size, and the browser measures on such a canvas cold: about 30 µs a word, against 2–13 on a
 * context that keeps its face. Same face, same widths.
 */
function measureOnSharedContext(t: Phaser.GameObjects.Text): void {
  const own = t.context;
  if (!(own && measuringContext())) return;
  const style = t.style as Phaser.GameObjects.TextStyle & { _font: string };
  own.measureText = (value: string) => (measuringIn(style._font) as CanvasRenderingContext2D).measureText(value);
}

const patchedRenderers = new WeakSet<object>();

/**
 * Phaser's Text makes a 1×1 GPU texture for its canvas in its constructor and deletes it at once,
 * to upload the real one when the text is drawn: an upload and a delete for nothing, per text.
 * While a UiText is constructed the renderer makes no texture for the canvas.
 */
function skipPlaceholderTexture(renderer: Phaser.Renderer.Canvas.CanvasRenderer | Phaser.Renderer.WebGL.WebGLRenderer | null): void {
  if (!(renderer && 'createCanvasTexture' in renderer) || patchedRenderers.has(renderer)) return;
  patchedRenderers.add(renderer);
  const make = renderer.createCanvasTexture;
  renderer.createCanvasTexture = function (this: Phaser.Renderer.WebGL.WebGLRenderer, ...args: Parameters<typeof make>) {
    return constructing ? (null as unknown as ReturnType<typeof make>) : make.apply(this, args);
  };
}

/** The texts of a screen's previous draw, by style and words, waiting to be re-used by the next draw. */
class TextPool {
  private readonly byKey = new Map<string, Phaser.GameObjects.Text[]>();

  /** `spares`: texts left over from earlier draws, not shown. */
  constructor(readonly spares: Phaser.GameObjects.Text[]) {}

  add(key: string, t: Phaser.GameObjects.Text): void {
    const list = this.byKey.get(key) ?? [];
    list.push(t);
    this.byKey.set(key, list);
  }

  /** A text with exactly this style and these words. */
  take(key: string): Phaser.GameObjects.Text | undefined {
    return this.byKey.get(key)?.pop();
  }

  /** A text left over from an earlier draw (not shown, not wanted by the current one), drawn at this resolution. */
  spare(resolution: number): Phaser.GameObjects.Text | undefined {
    const list = this.spares;
    const i = list.findIndex((t) => t.style.resolution === resolution);
    return i < 0 ? undefined : list.splice(i, 1)[0];
  }

  /** The texts this draw did not re-use: kept, up to a limit, to be given new words by the next draw. */
  leftovers(): Phaser.GameObjects.Text[] {
    return [...this.byKey.values()].flat();
  }
}

/** Spare texts kept per screen between draws: about what one move changes on the table. */
const SPARE_TEXTS = 48;

const pools = new WeakMap<Phaser.Scene, TextPool>();
const spares = new WeakMap<Phaser.Scene, Phaser.GameObjects.Text[]>();
const poolKeys = new WeakMap<Phaser.GameObjects.Text, string>();

/**
 * Before a redraw: takes the scene's texts off the display list, keeping them for re-use.
 * `progressive`: the texts this draw changes are drawn within the frame's budget (see `textBudget`).
 */
export function recycleTexts(scene: Phaser.Scene, o: { progressive?: boolean } = {}): void {
  if (o.progressive) {
    const queue = waiting.get(scene) ?? new Set<UiText>();
    waiting.set(scene, queue);
    progressive.set(scene, queue);
    if (!drawsEachFrame.has(scene)) {
      drawsEachFrame.add(scene);
      scene.events.on(Phaser.Scenes.Events.UPDATE, () => {
        // The frame that follows a redraw already carries it: the waiting texts start on the next.
        if (restingAfterRedraw.delete(scene)) requestFrames(scene.game);
        else drawWaiting(scene, textBudget.frame, 1);
      });
    }
  }
  const pool = new TextPool(spares.get(scene) ?? []);
  for (const child of [...scene.children.list]) {
    const key = child instanceof Phaser.GameObjects.Text ? poolKeys.get(child) : undefined;
    if (!key) continue;
    scene.children.remove(child);
    pool.add(key, child as Phaser.GameObjects.Text);
  }
  pools.set(scene, pool);
}

/**
 * After a redraw: the texts the new draw did not need are kept aside (not shown) for the next draw
 * to give new words to, instead of destroying them and making new ones; beyond the limit they are
 * destroyed.
 */
export function releaseUnusedTexts(scene: Phaser.Scene): void {
  if (progressive.delete(scene)) {
    drawWaiting(scene, textBudget.inline, 0);
    if (waiting.get(scene)?.size) restingAfterRedraw.add(scene);
  }
  const pool = pools.get(scene);
  if (!pool) return;
  pools.delete(scene);
  const kept = [...pool.spares, ...pool.leftovers()];
  for (const t of kept.splice(SPARE_TEXTS)) t.destroy();
  spares.set(scene, kept);
  releasePooledCanvases();
}

/**
 * Phaser keeps the canvas of every destroyed text in a pool for the next text to draw on, and each
 * canvas keeps the browser's text-shaping caches for every font and string it ever drew: over a
 * session the pool's caches grew by about a quarter of a megabyte a game. The texts' own spares are
 * re-used above, so the pooled canvases are let go instead and a new text makes a fresh one.
 */
function releasePooledCanvases(): void {
  const pool = (Phaser.Display as { Canvas?: { CanvasPool?: { pool?: { parent: unknown }[] } } }).Canvas?.CanvasPool?.pool;
  if (!pool) return;
  for (let i = pool.length - 1; i >= 0; i--) if (pool[i]?.parent === null) pool.splice(i, 1);
}

/** When a screen closes: destroys its waiting and spare texts, and forgets the texts waiting to be drawn. */
export function discardTexts(scene: Phaser.Scene): void {
  releaseUnusedTexts(scene);
  waiting.get(scene)?.clear();
  restingAfterRedraw.delete(scene);
  releaseMeasuringContext();
  for (const t of spares.get(scene) ?? []) t.destroy();
  spares.delete(scene);
}

/**
 * The order a screen is drawn in, for the GPU. Drawing switches between two kinds of batch: flat
 * shapes (panels, buttons, bars, the map) and textured quads (texts). Each switch ends a batch and
 * costs a draw call with its program and buffers re-bound, and a screen drawn view by view switches
 * at nearly every object: the table switched programs 121 times a frame (170 draw calls; now 6 and
 * 116). In software WebGL that made its median frame 50 ms; it is now 33, the bare baseline's. So after each draw the shapes of a layer are drawn first and its texts after
 * them, each kind in the order it was drawn: texts sit on their panels and buttons, never under
 * a shape of the same layer. Whatever must cover what was drawn before it (a veil and the card
 * over the table, a card's cover over its words) starts a new layer with `overlay`.
 */
const layerStarts = new WeakMap<Phaser.Scene, number[]>();

/** Everything this draw adds from now on sits above everything it drew before. */
export function overlay(scene: Phaser.Scene): void {
  const starts = layerStarts.get(scene) ?? [];
  starts.push(scene.children.length);
  layerStarts.set(scene, starts);
}

/** After a draw: each layer's shapes, then its textured objects, each kind in drawing order (depth sorting is stable). */
export function orderForBatching(scene: Phaser.Scene): void {
  const starts = layerStarts.get(scene) ?? [];
  layerStarts.delete(scene);
  let layer = 0;
  scene.children.list.forEach((child, i) => {
    while (layer < starts.length && (starts[layer] ?? Infinity) <= i) layer++;
    const textured = child instanceof Phaser.GameObjects.Text || child instanceof Phaser.GameObjects.Image;
    (child as Phaser.GameObjects.GameObject & Phaser.GameObjects.Components.Depth).setDepth(layer * 2 + (textured ? 1 : 0));
  });
}

export function panel(scene: Phaser.Scene, r: Rect, o: { fill?: number; edge?: number; alpha?: number; radius?: number } = {}) {
  const g = scene.add.graphics();
  g.fillStyle(o.fill ?? COLOR.panel, o.alpha ?? 0.92);
  fillRoundRect(g, r.x, r.y, r.w, r.h, o.radius ?? 10);
  g.lineStyle(1, o.edge ?? COLOR.edge, 1);
  strokeRoundRect(g, r.x + 0.5, r.y + 0.5, r.w - 1, r.h - 1, o.radius ?? 10);
  return g;
}

/** The face of a label (small capitals over a panel's parts). */
export const LABEL_FACE = { size: 11, weight: 700, scalable: false } as const satisfies TextOptions;

/** A small heading in capitals, as on a briefing folder. */
export function label(scene: Phaser.Scene, x: number, y: number, value: string, color: number = COLOR.muted) {
  return text(scene, x, y, value.toUpperCase(), { ...LABEL_FACE, color });
}

export type ButtonLook = 'primary' | 'normal' | 'danger' | 'ghost' | 'chip';

export interface DrawButton extends Omit<ButtonSpec, 'kind'> {
  /** What the canvas shows; the accessible name (`label`) may say more. */
  caption: string;
  look?: ButtonLook;
  size?: number;
}

/** Draws a button and returns the spec for its DOM twin. */
export function button(scene: Phaser.Scene, b: DrawButton): ControlSpec {
  const { x, y, w, h } = b.rect;
  const look = b.look ?? 'normal';
  const g = scene.add.graphics();
  const on = b.pressed === true;
  const fill =
    look === 'primary' ? COLOR.brass : look === 'danger' ? 0x3a1518 : on ? 0x23406b : look === 'ghost' ? COLOR.panel : COLOR.panelHi;
  const edge = look === 'primary' ? COLOR.brass : look === 'danger' ? COLOR.danger : on ? COLOR.on : COLOR.edgeHi;
  g.fillStyle(fill, b.disabled ? 0.35 : 1);
  fillRoundRect(g, x, y, w, h, 8);
  g.lineStyle(on ? 2 : 1, edge, b.disabled ? 0.4 : 1);
  strokeRoundRect(g, x + 0.5, y + 0.5, w - 1, h - 1, 8);
  const color = look === 'primary' ? 0x1a1305 : look === 'danger' ? 0xffb3b3 : COLOR.ink;
  const t = text(scene, x + w / 2, y + h / 2, b.caption, {
    size: b.size ?? 14,
    weight: 600,
    color,
    align: 'center',
    wrap: w - 12,
    scalable: false,
    lineSpacing: 1,
  });
  t.setOrigin(0.5);
  if (b.disabled) t.setAlpha(0.45);
  const spec: ButtonSpec = { key: b.key, label: b.label, rect: b.rect, onPress: b.onPress };
  if (b.disabled !== undefined) spec.disabled = b.disabled;
  if (b.pressed !== undefined) spec.pressed = b.pressed;
  if (b.description !== undefined) spec.description = b.description;
  if (b.turn !== undefined) spec.turn = b.turn;
  return spec;
}

/**
 * Draws a block of scalable text and shrinks it (down to 80%) until its lowest object ends above
 * `bottom`: large text sizes still fit their panel instead of spilling over the next one.
 */
export function fitBlock(scene: Phaser.Scene, bottom: number, draw: () => void): void {
  for (let shrink = 1; ; shrink -= 0.05) {
    const before = new Set(scene.children.list);
    fitScale = shrink;
    try {
      draw();
    } finally {
      fitScale = 1;
    }
    const added = scene.children.list.filter((c) => !before.has(c));
    const lowest = Math.max(...added.map((c) => (c instanceof Phaser.GameObjects.Text ? c.y + c.height : 0)));
    if (lowest <= bottom || shrink <= 0.8) return;
    for (const c of added) c.destroy();
  }
}

/** How Phaser reads a tween property's value: the start it sets at once (if any), the start, the end. */
type ValueFn = (target: object, key: string, value: number, index: number, total: number) => number;
interface ValueOps {
  getActive: ValueFn | null;
  getStart: ValueFn;
  getEnd: ValueFn;
}
// Phaser's own readers of a tween config (its typings get their return types wrong), so that every
// form of value it accepts (numbers, '+=N', {from, to}, {start, to}, {value}, arrays, functions,
// `props`) ends where the tween would have.
const builders = Phaser.Tweens.Builders as unknown as {
  GetTargets(config: object): unknown[] | null;
  GetProps(config: object): { key: string; value: unknown }[];
  GetValueOp(key: string, value: unknown): ValueOps;
};

/** Puts each target where the tween `config` would leave it, as Phaser's TweenBuilder and TweenData would. */
function setEndState(config: Phaser.Types.Tweens.TweenBuilderConfig): void {
  const targets = builders.GetTargets(config) ?? [];
  for (const { key, value } of builders.GetProps(config)) {
    // A yoyo (the tween's, or this property's own) comes back to where it started.
    const yoyo =
      value !== null && typeof value === 'object' && Object.hasOwn(value, 'yoyo')
        ? (value as { yoyo: boolean }).yoyo
        : config.yoyo === true;
    targets.forEach((target, index) => {
      if (!target || typeof target !== 'object') return;
      // As in Phaser: `scale` on an object without its own `scale` tweens scaleX and scaleY.
      const keys = key === 'scale' && !Object.hasOwn(target, 'scale') ? ['scaleX', 'scaleY'] : [key];
      for (const k of keys) {
        if (k === 'texture') continue; // a frame animation, not a number (none in the game)
        const props = target as Record<string, number>;
        const ops = builders.GetValueOp(k, value);
        if (ops.getActive) props[k] = ops.getActive(target, k, 0, index, targets.length);
        const start = ops.getStart(target, k, props[k] as number, index, targets.length);
        const end = ops.getEnd(target, k, start, index, targets.length);
        props[k] = yoyo ? start : end;
      }
    });
  }
}

/** Animates unless the player asked for reduced motion, in which case the end state is set at once. */
export function tween(scene: Phaser.Scene, config: Phaser.Types.Tweens.TweenBuilderConfig): void {
  if (preferences.get().reducedMotion) {
    setEndState(config);
    if (typeof config.onComplete === 'function') (config.onComplete as () => void)();
    return;
  }
  scene.tweens.add(config);
}

/**
 * Right to left, the whole screen is drawn mirrored (startGame.ts). Some things must not be: a map
 * (west stays on the left) and a chart (its numeric axes run left to right, as charts in Persian print
 * them). `draw` draws one of them in `r`; right to left, everything it adds is reflected back within
 * `r`, so that it sits where the mirrored layout puts it and reads as it would left to right.
 */
export function keepLeftToRight<T>(scene: Phaser.Scene, r: Rect, draw: () => T): T {
  const first = scene.children.length;
  const drawn = draw();
  if (!isRtl()) return drawn;
  const axis = 2 * r.x + r.w;
  for (const o of scene.children.list.slice(first)) {
    // A text's drawing is already mirrored for the camera: it is reflected in place only (its anchor
    // across, its origin to the other side, a turned text turned the other way).
    if (o instanceof Phaser.GameObjects.Text)
      o.setPosition(axis - o.x, o.y)
        .setOrigin(1 - o.originX, o.originY)
        .setRotation(-o.rotation);
    else if (o instanceof Phaser.GameObjects.Graphics) o.setPosition(axis - o.x, o.y).setScale(-o.scaleX, o.scaleY);
    else if (o instanceof Phaser.GameObjects.Image) {
      o.x = axis - o.x;
      if (o.originX !== 0.5) o.setOrigin(1 - o.originX, o.originY).setFlipX(!o.flipX);
    } else if (o.type === 'Rectangle' || o.type === 'Arc' || o.type === 'Triangle') {
      // A shape (the slim Phaser names no Shape class to test against).
      const shape = o as Phaser.GameObjects.Rectangle;
      shape.setPosition(axis - shape.x, shape.y).setOrigin(1 - shape.originX, shape.originY);
    }
  }
  return drawn;
}

/** A point drawn inside a `keepLeftToRight` rectangle, where it shows (right to left, reflected within `r`). */
export function leftToRightPoint<P extends { x: number }>(r: Rect, p: P): P {
  return isRtl() ? { ...p, x: 2 * r.x + r.w - p.x } : p;
}
