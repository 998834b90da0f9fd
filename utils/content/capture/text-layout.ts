/**
 * How an element lays its text out, from its computed style (or its tag where the DOM computes no
 * style): which elements are never read as text, how white space renders, and whether the element
 * breaks the line (a block), separates cells (a table cell, an item beside another in a flex row)
 * or runs inline.
 */

/** Never rendered as text (form controls are read as fields, frames by their own capture script). */
export const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TITLE',
  'SVG',
  'HEAD',
  'IFRAME',
  'FRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'SELECT',
  'BUTTON',
  'INPUT',
  'TEXTAREA',
  'VIDEO',
  'AUDIO',
  'IMG',
  'DATALIST',
]);
/** Block tags, used when the DOM gives no computed display (no layout engine). */
const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
  'BODY',
  'DETAILS',
  'SUMMARY',
  'LEGEND',
  'CAPTION',
  'TBODY',
  'THEAD',
  'TFOOT',
]);
const CELL = new Set(['TD', 'TH']);

/**
 * How white space in a text node renders (CSS white-space / white-space-collapse):
 * collapse (normal, nowrap), keep line breaks only (pre-line), keep everything (pre, pre-wrap).
 * A React EHR often renders a saved note as one <p style="white-space: pre-line">: its line
 * breaks are the note's structure (sections start on their own lines).
 */
export type SpaceMode = 'collapse' | 'breaks' | 'preserve';

export function spaceMode(style: CSSStyleDeclaration, tag: string, inherited: SpaceMode): SpaceMode {
  const collapse = (style as CSSStyleDeclaration & { whiteSpaceCollapse?: string }).whiteSpaceCollapse;
  if (collapse)
    return collapse === 'preserve' || collapse === 'break-spaces'
      ? 'preserve'
      : collapse === 'preserve-breaks'
        ? 'breaks'
        : 'collapse';
  const ws = style.whiteSpace;
  if (ws)
    return ws.startsWith('pre-line')
      ? 'breaks'
      : ws.startsWith('pre') || ws.startsWith('break-spaces')
        ? 'preserve'
        : 'collapse';
  return tag === 'PRE' || tag === 'LISTING' ? 'preserve' : inherited;
}

/**
 * Line break around the element (block), a cell separator (table cell, item beside the previous
 * one in a flex row), or none (inline).
 */
export function boxKind(
  el: Element,
  style: CSSStyleDeclaration,
  tag: string,
  inRow: boolean,
  layout: boolean,
): 'block' | 'cell' | undefined {
  const d = style.display;
  if (d === 'contents') return undefined;
  if (inRow && d !== 'none') {
    // A wrapped row item (a full-width column) starts below the previous one: a line of its own.
    const prev = layout ? el.previousElementSibling : null;
    if (prev) {
      const a = prev.getBoundingClientRect();
      if (a.height > 0 && el.getBoundingClientRect().top >= a.bottom - 1) return 'block';
    }
    return 'cell';
  }
  if (!d) return BLOCK.has(tag) ? 'block' : CELL.has(tag) ? 'cell' : undefined;
  if (d === 'table-cell') return 'cell';
  if (d.startsWith('inline') || d.startsWith('ruby') || d === 'table-column' || d === 'table-column-group')
    return undefined;
  return 'block';
}
