/**
 * One capture's view of what the coder can see in a document (see visibility.ts for the rules):
 * whether an element's subtree may be seen, whether its own text is drawn visibly, and whether it
 * and every ancestor up the rendered tree may be seen. Computed styles and backgrounds are cached
 * for the one capture, so a page is not restyled per question.
 */

import { clipPathHides, clipRectHides, px, scaleHides, transformHides } from './clip-and-transform';
import { contrast, MIN_CONTRAST, parseColor, WHITE, type Rgba } from './color-contrast';
import { firstSummary, isClosedDetails, renderedParent } from './rendered-tree';

/** Font sizes below this (px) cannot be read. */
export const MIN_FONT_PX = 4;
const MIN_OPACITY = 0.05;
/** A box this small (px) that clips its overflow shows nothing readable. */
const MIN_BOX_PX = 2;
const FAR = 999;

/** Containers whose contents are never rendered. */
const NEVER_RENDERED = new Set(['TEMPLATE', 'NOSCRIPT', 'HEAD']);

/** Taken out of the flow (absolute or fixed): painted over whatever is there, clipped by `clip`. */
const outOfFlow = (s: CSSStyleDeclaration) => s.position === 'absolute' || s.position === 'fixed';

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
    else if (outOfFlow(s))
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
      if (!outOfFlow(s)) return false;
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
    if (isClosedDetails(parent) && firstSummary(parent) !== el) return 'closed details';
    if (Math.abs(px(s.textIndent)) >= FAR) return 'text-indent off the page';
    if (s.transform && transformHides(s.transform)) return 'scaled to nothing';
    const scale = (s as CSSStyleDeclaration & { scale?: string }).scale;
    if (scale && scaleHides(scale)) return 'scaled to nothing';
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
    if (outOfFlow(s) && s.clip && s.clip !== 'auto' && clipRectHides(s.clip, rect()?.width, rect()?.height))
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
