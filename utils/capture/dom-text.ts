/**
 * Reads the rendered text of a DOM subtree the way a reader sees it (blocks on their own lines,
 * runs of white space collapsed, hidden parts skipped, open shadow roots and slots followed) and
 * keeps an offset map so that evidence offsets in that text can be turned back into DOM ranges
 * for highlighting. Bounded: hostile markup (millions of nodes, deep nesting) stops at the limits
 * and says so instead of freezing the EHR's page.
 */

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

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'HEAD', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'CANVAS', 'SELECT', 'BUTTON', 'INPUT', 'TEXTAREA', 'VIDEO', 'AUDIO', 'IMG']);
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL',
  'BODY', 'DETAILS', 'SUMMARY', 'LEGEND', 'CAPTION', 'TBODY', 'THEAD', 'TFOOT',
]);
const CELL = new Set(['TD', 'TH']);

function isHidden(el: Element): boolean {
  if ((el as HTMLElement).hidden) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(el);
  return style.display === 'none' || style.visibility === 'hidden';
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
  }
  return Array.from(node.childNodes);
}

type Work = { node: Node; pre: boolean } | { close: 'block' | 'cell' };

export function extractText(root: Node, limits: ExtractLimits = DEFAULT_LIMITS): ExtractedText {
  let text = '';
  const segments: TextSegment[] = [];
  let truncated = false;
  let nodes = 0;
  const stack: Work[] = [{ node: root, pre: false }];

  const newline = () => {
    text = text.replace(/[ \t]+$/, '');
    if (text.length && !text.endsWith('\n')) text += '\n';
  };

  while (stack.length) {
    const w = stack.pop()!;
    if ('close' in w) {
      if (w.close === 'block') newline();
      else if (text.length && !/\s$/.test(text)) text += '\t';
      continue;
    }
    if (++nodes > limits.maxNodes || text.length >= limits.maxChars) {
      truncated = true;
      break;
    }
    const { node, pre } = w;
    if (node.nodeType === 3) {
      appendText(node as Text, pre);
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    let childPre = pre;
    if (node.nodeType === 1) {
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      if (node !== root && (SKIP.has(tag) || isHidden(el))) continue;
      if (tag === 'BR') {
        text = text.replace(/[ \t]+$/, '') + '\n';
        continue;
      }
      if (tag === 'PRE') childPre = true;
      if (BLOCK.has(tag)) {
        newline();
        stack.push({ close: 'block' });
      } else if (CELL.has(tag)) stack.push({ close: 'cell' });
    }
    const kids = renderedChildren(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, pre: childPre });
  }
  return { text: text.replace(/\s+$/, ''), segments, truncated };

  function appendText(node: Text, pre: boolean) {
    const data = node.data;
    if (!data) return;
    const room = limits.maxChars - text.length;
    if (pre) {
      const take = Math.min(data.length, room);
      segments.push({ node, start: text.length, length: take });
      text += data.slice(0, take);
      if (take < data.length) truncated = true;
      return;
    }
    let out = '';
    const raw: number[] = [];
    let lastSpace = text.length === 0 || /\s$/.test(text);
    for (let i = 0; i < data.length && out.length < room; i++) {
      const ch = data[i]!;
      if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\u00a0') {
        if (lastSpace) continue;
        out += ' ';
        raw.push(i);
        lastSpace = true;
      } else {
        out += ch;
        raw.push(i);
        lastSpace = false;
      }
    }
    if (!out) return;
    const identity = raw.length === data.length;
    segments.push({ node, start: text.length, length: out.length, ...(identity ? {} : { raw: Uint32Array.from(raw) }) });
    text += out;
  }
}

/** The DOM position of a captured-text offset: the segment holding it (binary search). */
export function domPosition(ex: ExtractedText, offset: number, preferEnd = false): { node: Text; offset: number } | undefined {
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
