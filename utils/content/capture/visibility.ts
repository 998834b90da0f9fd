/**
 * What the coder can see. Text is captured only when it is rendered where a reader can see it:
 * not in a subtree that is not rendered or painted invisible (display, visibility, opacity,
 * content-visibility, a closed <details>, zero size with its overflow clipped, clip / clip-path to
 * nothing, positioned off the page, a huge text-indent), and not in text drawn invisible (font
 * size ~0, transparent colour, the colour of the background behind it). Frames are checked the
 * same way from inside (their viewport, and each same-origin <iframe> element up the chain).
 *
 * Geometry (bounding boxes) is used only where the document has a layout; in a DOM without one
 * (happy-dom) the style-only rules still apply.
 */

export type Rgba = [number, number, number, number];

const NAMED: Record<string, Rgba> = {
  transparent: [0, 0, 0, 0],
  white: [255, 255, 255, 1],
  black: [0, 0, 0, 1],
};

/** Parses a computed colour (rgb()/rgba(), #hex, a few names); undefined when unknown (assume visible). */
export function parseColor(value: string): Rgba | undefined {
  const v = value.trim().toLowerCase();
  if (!v) return undefined;
  if (NAMED[v]) return NAMED[v];
  const hex = /^#([0-9a-f]{3,8})$/.exec(v)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
    if (full.length !== 6 && full.length !== 8) return undefined;
    const n = (i: number) => parseInt(full.slice(i, i + 2), 16);
    return [n(0), n(2), n(4), full.length === 8 ? n(6) / 255 : 1];
  }
  const m = /^rgba?\(([^)]+)\)$/.exec(v);
  if (!m) return undefined;
  const parts = m[1]!.split(/[\s,/]+/).filter(Boolean);
  if (parts.length < 3) return undefined;
  const num = (p: string, scale: number) => (p.endsWith('%') ? (parseFloat(p) / 100) * scale : parseFloat(p));
  const rgb = parts.slice(0, 3).map((p) => num(p, 255));
  const alpha = parts[3] === undefined ? 1 : num(parts[3], 1);
  if ([...rgb, alpha].some((x) => Number.isNaN(x))) return undefined;
  return [rgb[0]!, rgb[1]!, rgb[2]!, alpha];
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio (1 = same colour, 21 = black on white). */
export function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Below this ratio text is "the colour of its background" (#eee on white is 1.16). */
export const MIN_CONTRAST = 1.2;
/** Font sizes below this (px) cannot be read. */
export const MIN_FONT_PX = 4;
const MIN_OPACITY = 0.05;
/** A box this small (px) that clips its overflow shows nothing readable. */
const MIN_BOX_PX = 2;
const FAR = 999;
const WHITE: Rgba = [255, 255, 255, 1];

const px = (v: string | undefined) => {
  const n = parseFloat(v ?? '');
  return Number.isNaN(n) ? 0 : n;
};

/** A length of a clip-path function: px, or a percentage of `size`. */
function len(token: string, size: number | undefined): number | undefined {
  if (token.endsWith('%'))
    return size === undefined ? (parseFloat(token) >= 50 ? Infinity : undefined) : (parseFloat(token) / 100) * size;
  const n = parseFloat(token);
  return Number.isNaN(n) ? undefined : n;
}

/**
 * True when a clip-path leaves (almost) nothing: inset() eating the box, circle()/ellipse() of
 * radius ~0, a polygon with no area. With no box size (no layout), percentages >= 50% count.
 */
export function clipPathHides(value: string, width?: number, height?: number): boolean {
  const v = value.trim().toLowerCase();
  if (!v || v === 'none') return false;
  const fn = /^(inset|circle|ellipse|polygon)\((.*)\)/.exec(v);
  if (!fn) return false;
  const args = fn[2]!.split(/\s+at\s+/)[0]!;
  if (fn[1] === 'inset') {
    const t = args
      .split(/\s+round\s+/)[0]!
      .trim()
      .split(/\s+/);
    const [a, b = a, c = a, d = b] = t as [string, string?, string?, string?];
    const top = len(a, height);
    const right = len(b!, width);
    const bottom = len(c!, height);
    const left = len(d!, width);
    if (width === undefined || height === undefined) return [top, right, bottom, left].some((x) => x === Infinity);
    const w = width - (right ?? 0) - (left ?? 0);
    const h = height - (top ?? 0) - (bottom ?? 0);
    return w <= 1 || h <= 1;
  }
  if (fn[1] === 'circle' || fn[1] === 'ellipse') {
    const radii = args.trim().split(/\s+/).filter(Boolean);
    if (!radii.length) return false;
    return radii.some((r) => {
      const n = len(r, width);
      return n !== undefined && n !== Infinity && n <= 0.5 && !/closest|farthest/.test(r);
    });
  }
  // polygon: every point the same (or on one line) means no area.
  const points = args
    .replace(/^(nonzero|evenodd)\s*,/, '')
    .split(',')
    .map((p) =>
      p
        .trim()
        .split(/\s+/)
        .map((t, i) => len(t, i === 0 ? width : height)),
    );
  if (points.some((p) => p.length !== 2 || p.some((x) => x === undefined || x === Infinity))) return false;
  const xs = points.map((p) => p[0]!);
  const ys = points.map((p) => p[1]!);
  return Math.max(...xs) - Math.min(...xs) <= 1 || Math.max(...ys) - Math.min(...ys) <= 1;
}

/** `clip: rect(top, right, bottom, left)` (absolute/fixed boxes only) that leaves ~nothing. */
export function clipRectHides(value: string, width?: number, height?: number): boolean {
  const m = /^rect\(([^)]*)\)$/.exec(value.trim().toLowerCase());
  if (!m) return false;
  const t = m[1]!.split(/[\s,]+/).filter(Boolean);
  if (t.length !== 4) return false;
  const val = (s: string, auto: number | undefined) => (s === 'auto' ? auto : px(s));
  const top = val(t[0]!, 0);
  const right = val(t[1]!, width);
  const bottom = val(t[2]!, height);
  const left = val(t[3]!, 0);
  if (top === undefined || right === undefined || bottom === undefined || left === undefined) return false;
  return right - left <= 1 || bottom - top <= 1;
}

/** True when a transform scales the box to nothing (scale(0), a matrix with a zero axis). */
export function transformHides(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (!v || v === 'none') return false;
  const nums = (args: string) =>
    args
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
  let m = /^matrix\(([^)]*)\)$/.exec(v);
  if (m) {
    const [a = 1, b = 0, c = 0, d = 1] = nums(m[1]!);
    return Math.hypot(a, b) < 0.01 || Math.hypot(c, d) < 0.01;
  }
  m = /^matrix3d\(([^)]*)\)$/.exec(v);
  if (m) {
    const n = nums(m[1]!);
    return Math.hypot(n[0] ?? 1, n[1] ?? 0) < 0.01 || Math.hypot(n[4] ?? 0, n[5] ?? 1) < 0.01;
  }
  return /\bscale[xy]?\(\s*0(?:\.0*)?\s*[,)]/.test(v) || /\bscale\([^)]*,\s*0(?:\.0*)?\s*\)/.test(v);
}

/** Containers whose contents are never rendered. */
const NEVER_RENDERED = new Set(['TEMPLATE', 'NOSCRIPT', 'HEAD']);

export interface Probe {
  /** Whether the document has a layout (bounding boxes mean something). */
  layout: boolean;
  /** The computed style of an element (cached for one capture). */
  style(el: Element): CSSStyleDeclaration;
  /** Why this element's subtree cannot be seen (undefined: it may be seen). */
  hiddenReason(el: Element): string | undefined;
  /**
   * Whether text directly inside `el` is drawn visibly (inherited properties: visibility, font
   * size, colour against the background behind it).
   */
  textVisible(el: Element): boolean;
  /** Whether the element and every ancestor (across shadow roots) may be seen. */
  shown(el: Element): boolean;
}

/** The parent in the rendered tree: the shadow host above a shadow root, the slot a node is assigned to. */
function renderedParent(el: Element): Element | null {
  const slot = (el as Element & { assignedSlot?: HTMLSlotElement | null }).assignedSlot;
  if (slot) return slot;
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  return root && (root as ShadowRoot).host ? (root as ShadowRoot).host : null;
}

/** One capture's view of what can be seen in `doc` (styles and backgrounds cached for that capture). */
export function createProbe(doc: Document): Probe {
  const view = doc.defaultView;
  const styles = new Map<Element, CSSStyleDeclaration>();
  const backgrounds = new Map<Element, Rgba | null>();
  const root = doc.documentElement;
  const rootRect = root?.getBoundingClientRect?.();
  // No layout engine (happy-dom) or a frame that is not rendered: geometry says nothing.
  const layout = Boolean(rootRect && (rootRect.width > 0 || rootRect.height > 0));
  const darkCanvas = Boolean(
    root &&
      view &&
      /dark/.test(view.getComputedStyle(root).colorScheme ?? '') &&
      view.matchMedia?.('(prefers-color-scheme: dark)').matches,
  );

  const style = (el: Element): CSSStyleDeclaration => {
    let s = styles.get(el);
    if (!s) {
      s = view ? view.getComputedStyle(el) : ({} as CSSStyleDeclaration);
      styles.set(el, s);
    }
    return s;
  };

  /** The colour behind text in `el`: the nearest opaque-ish background up the rendered tree; null when unknowable. */
  const background = (el: Element): Rgba | null => {
    if (backgrounds.has(el)) return backgrounds.get(el)!;
    const s = style(el);
    let bg: Rgba | null;
    const own = parseColor(s.backgroundColor ?? '');
    const image = s.backgroundImage && s.backgroundImage !== 'none' && s.backgroundImage !== 'initial';
    if (image) bg = null;
    else if (own && own[3] > 0.5) bg = own;
    else if (s.position === 'absolute' || s.position === 'fixed')
      bg = null; // painted over something else
    else {
      const parent = renderedParent(el);
      bg = parent ? background(parent) : darkCanvas ? null : WHITE;
    }
    backgrounds.set(el, bg);
    return bg;
  };

  const offPage = (el: Element, s: CSSStyleDeclaration): boolean => {
    const moved =
      (s.position && s.position !== 'static') ||
      (s.transform && s.transform !== 'none') ||
      (s.translate && s.translate !== 'none') ||
      px(s.marginLeft) < -FAR ||
      px(s.marginTop) < -FAR;
    if (!moved) return false;
    if (!layout) {
      if (s.position !== 'absolute' && s.position !== 'fixed') return false;
      return [s.left, s.top, s.right, s.bottom].some((v) => px(v) <= -FAR);
    }
    const r = el.getBoundingClientRect();
    if (r.width <= 0 && r.height <= 0) return false;
    if (s.position === 'fixed')
      return (
        r.right <= 0 ||
        r.bottom <= 0 ||
        r.left >= (view?.innerWidth ?? Infinity) ||
        r.top >= (view?.innerHeight ?? Infinity)
      );
    const x = view?.scrollX ?? 0;
    const y = view?.scrollY ?? 0;
    const width = Math.max(root!.scrollWidth, view?.innerWidth ?? 0);
    const height = Math.max(root!.scrollHeight, view?.innerHeight ?? 0);
    const outside = (b: { left: number; top: number; right: number; bottom: number }) =>
      b.right + x <= 0 || b.bottom + y <= 0 || b.left + x >= width || b.top + y >= height;
    if (outside(r)) return true;
    // A box pulled off the page by a negative margin grows back into it: where is its text drawn?
    if (r.left + x >= 0 && r.top + y >= 0) return false;
    const range = doc.createRange();
    range.selectNodeContents(el);
    const t = range.getBoundingClientRect();
    return (t.width > 0 || t.height > 0) && outside(t);
  };

  const hiddenReason = (el: Element): string | undefined => {
    if ((el as HTMLElement).hidden) return 'hidden attribute';
    if (el.getAttribute('aria-hidden') === 'true') return 'aria-hidden';
    const s = style(el);
    if (s.display === 'none') return 'display: none';
    if (s.contentVisibility === 'hidden') return 'content-visibility: hidden';
    if (s.opacity !== undefined && s.opacity !== '' && parseFloat(s.opacity) <= MIN_OPACITY) return 'opacity 0';
    const parent = el.parentElement;
    if (
      parent?.tagName === 'DETAILS' &&
      !parent.hasAttribute('open') &&
      !(el.tagName === 'SUMMARY' && Array.from(parent.children).find((c) => c.tagName === 'SUMMARY') === el)
    )
      return 'closed details';
    if (Math.abs(px(s.textIndent)) >= FAR) return 'text-indent off the page';
    if (s.transform && transformHides(s.transform)) return 'scaled to nothing';
    if (
      (s as CSSStyleDeclaration & { scale?: string }).scale &&
      /^0(\.0*)?(\s|$)/.test((s as CSSStyleDeclaration & { scale?: string }).scale!.trim())
    )
      return 'scaled to nothing';
    const overflowX = s.overflowX || s.overflow;
    const overflowY = s.overflowY || s.overflow;
    const clipsX = Boolean(overflowX) && overflowX !== 'visible';
    const clipsY = Boolean(overflowY) && overflowY !== 'visible';
    let box: DOMRect | undefined;
    const rect = () => (layout ? (box ??= el.getBoundingClientRect()) : undefined);
    // A box of 1px or less that clips its overflow shows nothing readable (the "sr-only" pattern too).
    if (
      (clipsX || clipsY) &&
      layout &&
      ((clipsX && rect()!.width < MIN_BOX_PX) || (clipsY && rect()!.height < MIN_BOX_PX))
    )
      return 'zero size, overflow clipped';
    const tiny = (v: string | undefined) =>
      Boolean(v) && v !== 'auto' && v !== 'none' && /^[\d.]+px$/.test(v!) && px(v) < MIN_BOX_PX;
    if (
      !layout &&
      ((clipsY && (tiny(s.height) || tiny(s.maxHeight))) || (clipsX && (tiny(s.width) || tiny(s.maxWidth))))
    )
      return 'zero size, overflow clipped';
    if (
      (s.position === 'absolute' || s.position === 'fixed') &&
      s.clip &&
      s.clip !== 'auto' &&
      clipRectHides(s.clip, rect()?.width, rect()?.height)
    )
      return 'clip';
    if (s.clipPath && s.clipPath !== 'none' && clipPathHides(s.clipPath, rect()?.width, rect()?.height))
      return 'clip-path';
    if (offPage(el, s)) return 'off the page';
    return undefined;
  };

  const textVisible = (el: Element): boolean => {
    const s = style(el);
    if (s.visibility && s.visibility !== 'visible') return false;
    if (s.fontSize && px(s.fontSize) < MIN_FONT_PX) return false;
    const color = parseColor(s.color ?? '');
    if (!color) return true;
    if (color[3] <= MIN_OPACITY) return false;
    if (
      (s.textShadow && s.textShadow !== 'none') ||
      px((s as CSSStyleDeclaration & { webkitTextStrokeWidth?: string }).webkitTextStrokeWidth) > 0
    )
      return true;
    const fill = parseColor((s as CSSStyleDeclaration & { webkitTextFillColor?: string }).webkitTextFillColor ?? '');
    if (fill && fill[3] <= MIN_OPACITY && !(s.backgroundClip ?? '').includes('text')) return false;
    const bg = background(el);
    return !bg || contrast(color, bg) >= MIN_CONTRAST;
  };

  const shown = (el: Element): boolean => {
    for (let e: Element | null = el, depth = 0; e && depth < 256; e = renderedParent(e), depth++) {
      if (e !== el && NEVER_RENDERED.has(e.tagName.toUpperCase())) return false;
      if (hiddenReason(e)) return false;
    }
    return style(el).visibility !== 'hidden' && style(el).visibility !== 'collapse';
  };

  return { layout, style, hiddenReason, textVisible, shown };
}

/**
 * Why this frame cannot be seen by the coder, from inside it: a viewport of zero size (a
 * display:none or 0×0 <iframe>), or a same-origin <iframe> element up the chain that is hidden
 * (display, visibility, opacity, zero size, off the page). A cross-origin parent cannot be
 * inspected from here: the frame is then judged by its own viewport only.
 */
export function frameHiddenReason(win: Window): string | undefined {
  if (win.innerWidth === 0 || win.innerHeight === 0) return 'the frame has no size';
  let w: Window = win;
  for (let depth = 0; depth < 16 && w.parent && w.parent !== w; depth++) {
    let el: Element | null;
    try {
      el = w.frameElement;
    } catch {
      el = null; // cross-origin parent
    }
    if (!el) return undefined;
    const probe = createProbe(el.ownerDocument);
    if (!probe.shown(el)) return 'the frame is hidden in its page';
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) return 'the frame has no size';
    w = w.parent;
  }
  return undefined;
}
