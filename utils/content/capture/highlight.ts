import { rangeFor } from './dom-text';
import type { Capture } from './capture';

/**
 * Shows evidence in the EHR page without touching its DOM: the CSS Custom Highlight API paints
 * ranges, and the ::highlight style is a constructed style sheet adopted by the document (and by
 * each open shadow root that holds evidence), so no element is added. Where the API is missing, a
 * fallback overlay of positioned boxes is drawn in its own shadow root. In a textarea, evidence is
 * shown by selecting it (text inside a form field has no DOM ranges).
 */
export const HIGHLIGHT_NAME = 'chartcoder-evidence';
const STYLE = `::highlight(${HIGHLIGHT_NAME}) { background-color: rgba(255, 196, 0, 0.55); color: inherit; }`;

const sheets = new WeakMap<Document, CSSStyleSheet>();

function adoptStyle(scope: Document | ShadowRoot) {
  const doc = scope instanceof Document ? scope : scope.ownerDocument;
  const view = doc.defaultView;
  if (!view || !('adoptedStyleSheets' in scope)) return;
  let sheet = sheets.get(doc);
  if (!sheet) {
    sheet = new view.CSSStyleSheet();
    sheet.replaceSync(STYLE);
    sheets.set(doc, sheet);
  }
  if (!scope.adoptedStyleSheets.includes(sheet)) scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, sheet];
}

export type HighlightResult = { painted: number; method: 'css-highlight' | 'overlay' | 'field-selection' | 'none' };

let overlayHost: HTMLElement | undefined;

export function clearHighlight(doc: Document) {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  view?.CSS?.highlights?.delete(HIGHLIGHT_NAME);
  overlayHost?.remove();
  overlayHost = undefined;
}

export function highlightSpans(
  doc: Document,
  capture: Capture,
  spans: { start: number; end: number }[],
  scroll = true,
): HighlightResult {
  clearHighlight(doc);
  if (!spans.length) return { painted: 0, method: 'none' };
  if (capture.map.kind === 'field') {
    const { field: f, raw } = capture.map;
    const first = spans[0]!;
    // Offsets are into the normalised text; the field's value may hold invisible characters too.
    const at = (o: number, end: boolean) =>
      !raw || !raw.length
        ? o
        : end
          ? o > 0
            ? raw[Math.min(o, raw.length) - 1]! + 1
            : 0
          : o < raw.length
            ? raw[o]!
            : raw[raw.length - 1]! + 1;
    const s = { start: at(first.start, false), end: at(first.end, true) };
    f.setSelectionRange(s.start, s.end);
    if (scroll) {
      // Scroll the field so the line of the evidence is visible (approximation by line count).
      const lines = f.value.slice(0, s.start).split('\n').length - 1;
      const lh = parseFloat(doc.defaultView!.getComputedStyle(f).lineHeight) || 18;
      f.scrollTop = Math.max(0, lines * lh - f.clientHeight / 3);
      f.scrollIntoView?.({ block: 'nearest' });
    }
    return { painted: 1, method: 'field-selection' };
  }
  const { extracted, base } = capture.map;
  const ranges = spans
    .map((s) => rangeFor(extracted, base + s.start, base + s.end))
    .filter((r): r is Range => r !== undefined);
  if (!ranges.length) return { painted: 0, method: 'none' };
  const view = doc.defaultView as Window & typeof globalThis;
  if (scroll) {
    const target = ranges[0]!.startContainer.parentElement;
    target?.scrollIntoView?.({ block: 'center', behavior: 'instant' as ScrollBehavior });
  }
  if (view.CSS?.highlights && typeof view.Highlight === 'function') {
    adoptStyle(doc);
    for (const r of ranges) {
      const root = r.startContainer.getRootNode();
      if (root instanceof view.ShadowRoot) adoptStyle(root);
    }
    view.CSS.highlights.set(HIGHLIGHT_NAME, new view.Highlight(...ranges));
    return { painted: ranges.length, method: 'css-highlight' };
  }
  return { painted: drawOverlay(doc, ranges), method: 'overlay' };
}

/** Fallback for browsers without the Custom Highlight API: boxes over the ranges, pointer-events off. */
function drawOverlay(doc: Document, ranges: Range[]): number {
  overlayHost = doc.createElement('chartcoder-overlay');
  const shadow = overlayHost.attachShadow({ mode: 'closed' });
  let n = 0;
  for (const r of ranges) {
    for (const rect of Array.from(r.getClientRects())) {
      const box = doc.createElement('div');
      box.style.cssText = `position:fixed;left:${rect.left}px;top:${rect.top}px;width:${rect.width}px;height:${rect.height}px;background:rgba(255,196,0,.45);pointer-events:none;z-index:2147483647`;
      shadow.appendChild(box);
      n++;
    }
  }
  doc.documentElement.appendChild(overlayHost);
  return n;
}
