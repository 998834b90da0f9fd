/**
 * Reads the rendered text of a DOM subtree the way a reader sees it (blocks on their own lines,
 * white space as CSS renders it, parts the reader cannot see skipped — see visibility.ts —,
 * invisible characters dropped and look-alike letters folded, open shadow roots and slots
 * followed) and keeps an offset map so that evidence offsets in that text can be turned back into DOM ranges
 * for highlighting. Bounded: hostile markup (millions of nodes, deep nesting) stops at the limits
 * and says so instead of freezing the EHR's page.
 */

import { classifyAt, foldLookalikes } from '@/lib/capture/normalize-chars';
import { createProbe, type Probe } from './visibility';

export interface TextSegment {
  node: Text;
  /** Offset of this segment in the captured text. */
  start: number;
  /** Length in the captured text. */
  length: number;
  /** Raw offset in node.data for each captured character, when white space was collapsed. */
  raw?: Uint32Array;
}

export interface ExtractedText {
  text: string;
  segments: TextSegment[];
  /** True when a limit stopped the walk (the text is a prefix of the rendered text). */
  truncated: boolean;
}

export interface ExtractLimits {
  maxChars: number;
  maxNodes: number;
}

export const DEFAULT_LIMITS: ExtractLimits = { maxChars: 2_000_000, maxNodes: 200_000 };

/** Never rendered as text (form controls are read as fields, frames by their own capture script). */
const SKIP = new Set([
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

function spaceMode(style: CSSStyleDeclaration, tag: string, inherited: SpaceMode): SpaceMode {
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
function boxKind(
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

/** Children as rendered: an open shadow root replaces light children; a slot shows what is assigned to it. */
function renderedChildren(node: Node): Node[] {
  if (node.nodeType === 1) {
    const el = node as Element;
    if (el.shadowRoot) return Array.from(el.shadowRoot.childNodes);
    if (el.tagName === 'SLOT') {
      const assigned = (el as HTMLSlotElement).assignedNodes?.({ flatten: true }) ?? [];
      return assigned.length ? assigned : Array.from(el.childNodes);
    }
    // A closed <details> shows its summary only.
    if (el.tagName === 'DETAILS' && !el.hasAttribute('open'))
      return Array.from(el.children)
        .filter((c) => c.tagName === 'SUMMARY')
        .slice(0, 1);
  }
  return Array.from(node.childNodes);
}

export interface ExtractOptions {
  /** Shared visibility probe (styles cached across the extractions of one capture). */
  probe?: Probe;
  /**
   * When given, filled with each rendered element's span in the captured text [start, end) and
   * the visible characters of the text fields (textareas) inside it: lets a caller rank blocks by
   * visible text without extracting twice.
   */
  index?: Map<Element, ElementSpan>;
}

export interface ElementSpan {
  start: number;
  end: number;
  /** Visible characters of textareas inside the element (their value is not part of the text). */
  fieldChars: number;
}

type Work =
  | { node: Node; space: SpaceMode; owner: Element | undefined; inRow: boolean }
  | { close: 'block' | 'cell' | undefined; el?: Element; fieldsAtOpen?: number };

/**
 * The visible text of `root` (the root itself is read even if hidden: the caller chose it), with
 * invisible characters removed, look-alike letters folded and the offset map kept.
 */
/**
 * The captured text as it grows, in chunks: checks at its end read the last chunk only. (A string
 * built by += is a rope that V8 flattens on charCodeAt or a regex: checking its end after every
 * block made a 2,000-block page take 7 s, 5,000 blocks 30 s.)
 */
class TextBuffer {
  private parts: string[] = [];
  length = 0;

  append(s: string) {
    if (!s) return;
    this.parts.push(s);
    this.length += s.length;
  }

  /** Code of the last character, -1 when empty. */
  lastCode(): number {
    const p = this.parts[this.parts.length - 1];
    return p ? p.charCodeAt(p.length - 1) : -1;
  }

  endsWithSpace(): boolean {
    const c = this.lastCode();
    return c === 32 || c === 9 || c === 10 || c === 13;
  }

  /** Drops trailing spaces and tabs. */
  trimEnd() {
    while (this.parts.length) {
      const p = this.parts[this.parts.length - 1]!;
      let end = p.length;
      while (end > 0 && (p.charCodeAt(end - 1) === 32 || p.charCodeAt(end - 1) === 9)) end--;
      if (end === p.length) return;
      this.length -= p.length - end;
      if (end > 0) {
        this.parts[this.parts.length - 1] = p.slice(0, end);
        return;
      }
      this.parts.pop();
    }
  }

  toString(): string {
    return this.parts.join('');
  }
}

export function extractText(
  root: Node,
  limits: ExtractLimits = DEFAULT_LIMITS,
  options: ExtractOptions = {},
): ExtractedText {
  const text = new TextBuffer();
  const segments: TextSegment[] = [];
  let truncated = false;
  let nodes = 0;
  let fieldChars = 0;
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
  const probe = options.probe ?? createProbe(doc);
  const index = options.index;
  const textOk = new Map<Element, boolean>();
  const rootEl = root.nodeType === 1 ? (root as Element) : undefined;
  const rootSpace = rootEl ? spaceMode(probe.style(rootEl), rootEl.tagName.toUpperCase(), 'collapse') : 'collapse';
  const stack: Work[] = [{ node: root, space: rootSpace, owner: undefined, inRow: false }];

  const newline = () => {
    text.trimEnd();
    if (text.length && text.lastCode() !== 10) text.append('\n');
  };

  while (stack.length) {
    const w = stack.pop()!;
    if ('close' in w) {
      if (w.close === 'block') newline();
      else if (w.close === 'cell' && text.length && !text.endsWithSpace()) text.append('\t');
      if (w.el && index) {
        const span = index.get(w.el);
        if (span) {
          span.end = text.length;
          span.fieldChars = fieldChars - w.fieldsAtOpen!;
        }
      }
      continue;
    }
    if (++nodes > limits.maxNodes || text.length >= limits.maxChars) {
      truncated = true;
      break;
    }
    const { node } = w;
    if (node.nodeType === 3) {
      const owner = w.owner;
      if (owner) {
        let ok = textOk.get(owner);
        if (ok === undefined) textOk.set(owner, (ok = probe.textVisible(owner)));
        if (!ok) continue;
      }
      appendText(node as Text, w.space);
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    let space = w.space;
    let owner = w.owner;
    let inRow = false;
    if (node.nodeType === 1) {
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      if (node !== root) {
        if (tag === 'TEXTAREA' && index && probe.shown(el)) fieldChars += (el as HTMLTextAreaElement).value.length;
        if (SKIP.has(tag) || probe.hiddenReason(el)) continue;
      }
      if (tag === 'BR') {
        text.trimEnd();
        text.append('\n');
        continue;
      }
      const style = probe.style(el);
      space = spaceMode(style, tag, w.space);
      owner = el;
      const kind = node === root ? undefined : boxKind(el, style, tag, w.inRow, probe.layout);
      if (kind === 'block') newline();
      stack.push({ close: kind, el, fieldsAtOpen: fieldChars });
      if (index) index.set(el, { start: text.length, end: text.length, fieldChars: 0 });
      const display = style.display ?? '';
      inRow = display.includes('flex') && !(style.flexDirection ?? '').startsWith('column');
    }
    const kids = renderedChildren(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, space, owner, inRow });
  }
  return { text: foldLookalikes(text.toString().trimEnd()), segments, truncated };

  function appendText(node: Text, space: SpaceMode) {
    const data = node.data;
    if (!data) return;
    const room = limits.maxChars - text.length;
    let out = '';
    const raw: number[] = [];
    let lastSpace = text.length === 0 || text.endsWithSpace();
    for (let i = 0; i < data.length; i++) {
      if (out.length >= room) {
        truncated = true;
        break;
      }
      const cls = classifyAt(data, i);
      if (cls === 'drop') continue;
      if (space === 'preserve') {
        if (data[i] === '\r' && data[i + 1] === '\n') continue;
        out += cls === 'newline' || data[i] === '\r' ? '\n' : cls === 'space' && data[i] !== '\t' ? ' ' : data[i];
        raw.push(i);
      } else if (cls === 'newline' && space === 'breaks') {
        // A kept line break eats the collapsible spaces before it (CSS Text 3, 4.1.1).
        while (out.endsWith(' ')) {
          out = out.slice(0, -1);
          raw.pop();
        }
        if (!out) text.trimEnd();
        out += '\n';
        raw.push(i);
        lastSpace = true;
      } else if (cls === 'space' || cls === 'newline') {
        if (lastSpace) continue;
        out += ' ';
        raw.push(i);
        lastSpace = true;
      } else {
        out += data[i];
        raw.push(i);
        lastSpace = false;
      }
    }
    if (!out) return;
    const identity = raw.length === data.length;
    segments.push({
      node,
      start: text.length,
      length: out.length,
      ...(identity ? {} : { raw: Uint32Array.from(raw) }),
    });
    text.append(out);
  }
}

/** The DOM position of a captured-text offset: the segment holding it (binary search). */
export function domPosition(
  ex: ExtractedText,
  offset: number,
  preferEnd = false,
): { node: Text; offset: number } | undefined {
  const segs = ex.segments;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segs[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset > s.start + s.length || (offset === s.start + s.length && !preferEnd)) lo = mid + 1;
    else {
      const k = offset - s.start;
      if (!s.raw) return { node: s.node, offset: k };
      if (k >= s.raw.length) return { node: s.node, offset: s.raw[s.raw.length - 1]! + 1 };
      return { node: s.node, offset: s.raw[k]! };
    }
  }
  return undefined;
}

/** Captured-text offset of a DOM position (used to turn the user's selection into offsets). */
export function textOffsetOf(ex: ExtractedText, node: Node, offset: number): number | undefined {
  for (const s of ex.segments) {
    if (s.node !== node) continue;
    if (!s.raw) return s.start + Math.min(offset, s.length);
    let k = 0;
    while (k < s.raw.length && s.raw[k]! < offset) k++;
    return s.start + k;
  }
  return undefined;
}

/** DOM ranges for a span of captured text (one range; it may cross elements). */
export function rangeFor(ex: ExtractedText, start: number, end: number): Range | undefined {
  const a = domPosition(ex, start);
  const b = domPosition(ex, end, true);
  if (!a || !b) return undefined;
  const range = a.node.ownerDocument.createRange();
  try {
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
  } catch {
    return undefined;
  }
  return range;
}
