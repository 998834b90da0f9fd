/**
 * Reads the rendered text of a DOM subtree the way a reader sees it (blocks on their own lines,
 * white space as CSS renders it, parts the reader cannot see skipped — see visibility.ts —,
 * invisible characters dropped and look-alike letters folded, open shadow roots and slots
 * followed) and keeps an offset map so that evidence offsets in that text can be turned back into DOM ranges
 * for highlighting. Bounded: hostile markup (millions of nodes, deep nesting) stops at the limits
 * and says so instead of freezing the EHR's page.
 *
 * The walk is here; text-layout.ts says how each element lays out its text, rendered-tree.ts which
 * children it renders, text-buffer.ts holds the text as it grows and text-map.ts maps it back.
 */

import { classifyAt, foldLookalikes } from '@/lib/capture/normalize-chars';
import { createProbe, type Probe } from './probe';
import { renderedChildren } from './rendered-tree';
import { TextBuffer } from './text-buffer';
import { boxKind, SKIP_TAGS, spaceMode, type SpaceMode } from './text-layout';
import type { ExtractedText, TextSegment } from './text-map';

export { domPosition, rangeFor, textOffsetOf, type ExtractedText, type TextSegment } from './text-map';
export type { SpaceMode } from './text-layout';

export interface ExtractLimits {
  maxChars: number;
  maxNodes: number;
}

export const DEFAULT_LIMITS: ExtractLimits = { maxChars: 2_000_000, maxNodes: 200_000 };

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
        if (SKIP_TAGS.has(tag) || probe.hiddenReason(el)) continue;
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
