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
 *
 * The rules live next to this file: color-contrast.ts (text the colour of its background),
 * clip-and-transform.ts (clip, clip-path and transform values that leave nothing), probe.ts (the
 * per-capture probe that applies them to elements, up the tree of rendered-tree.ts). This file is
 * what the rest of the extension imports, and judges whole frames.
 */

import { createProbe } from './probe';

export { clipPathHides, clipRectHides, transformHides } from './clip-and-transform';
export { contrast, MIN_CONTRAST, parseColor, type Rgba } from './color-contrast';
export { createProbe, MIN_FONT_PX, type Probe } from './probe';

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
