import { selectorParts, type NoteAdapter } from '@/lib/capture/adapter-schema';
import { DEFAULT_LIMITS, extractText, textOffsetOf, type ExtractedText, type ExtractLimits } from './dom-text';

/** Where the captured text came from, in order of preference (issue 5: selection first). */
export type CaptureSource = 'selection' | 'focused' | 'adapter' | 'heuristic';
export const SOURCE_RANK: Record<CaptureSource, number> = { selection: 0, focused: 1, adapter: 2, heuristic: 3 };

export interface PatientHeader {
  name?: string;
  dob?: string;
  memberId?: string;
}

export interface Capture {
  source: CaptureSource;
  /** Human label of what was read ("selection", "textarea#note", adapter name …). */
  label: string;
  text: string;
  truncated: boolean;
  /** DOM side of the offsets: an extracted subtree (base = offset of text[0] in it) or a textarea. */
  map: { kind: 'dom'; extracted: ExtractedText; base: number } | { kind: 'field'; field: HTMLTextAreaElement | HTMLInputElement };
  adapter?: string;
  header?: PatientHeader;
}

/** Shortest text worth analysing: a selection of two words is a click, not a note. */
const MIN_TEXT = 20;

/** querySelectorAll that follows " >>> " into open shadow roots. */
export function queryAllPiercing(root: ParentNode, selector: string): Element[] {
  let scopes: ParentNode[] = [root];
  const parts = selectorParts(selector);
  parts.forEach((part, i) => {
    const found = scopes.flatMap((s) => Array.from(s.querySelectorAll(part)));
    scopes = i === parts.length - 1 ? found : found.map((el) => el.shadowRoot).filter((r): r is ShadowRoot => r !== null);
  });
  return scopes as Element[];
}

/** The focused element, looking through open shadow roots (document.activeElement stops at the host). */
function deepActiveElement(doc: Document): Element | null {
  let el: Element | null = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

function describe(el: Element): string {
  const id = el.id ? `#${el.id}` : '';
  const label = el.getAttribute('aria-label');
  return `${el.tagName.toLowerCase()}${id}${label ? ` "${label}"` : ''}`;
}

function fromElement(el: Element, source: CaptureSource, label: string, limits: ExtractLimits): Capture | undefined {
  if (el instanceof el.ownerDocument.defaultView!.HTMLTextAreaElement) {
    const text = el.value.slice(0, limits.maxChars);
    return text.trim().length >= MIN_TEXT ? { source, label, text, truncated: el.value.length > text.length, map: { kind: 'field', field: el } } : undefined;
  }
  const extracted = extractText(el, limits);
  if (extracted.text.trim().length < MIN_TEXT) return undefined;
  return { source, label, text: extracted.text, truncated: extracted.truncated, map: { kind: 'dom', extracted, base: 0 } };
}

function fromSelection(doc: Document, limits: ExtractLimits): Capture | undefined {
  const sel = doc.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return undefined;
  const range = sel.getRangeAt(0);
  if (range.toString().trim().length < MIN_TEXT) return undefined;
  let scope: Node = range.commonAncestorContainer;
  if (scope.nodeType === 3) scope = scope.parentNode ?? scope;
  const extracted = extractText(scope, limits);
  const first = (n: Node, o: number): [Node, number] => {
    if (n.nodeType === 3) return [n, o];
    const walker = doc.createTreeWalker(n, 4);
    const child = n.childNodes[o] ?? n;
    walker.currentNode = child;
    const t = child.nodeType === 3 ? child : walker.nextNode();
    return t ? [t, 0] : [n, o];
  };
  const [sn, so] = first(range.startContainer, range.startOffset);
  const start = textOffsetOf(extracted, sn, so) ?? 0;
  const end = range.endContainer.nodeType === 3 ? (textOffsetOf(extracted, range.endContainer, range.endOffset) ?? extracted.text.length) : extracted.text.length;
  const text = extracted.text.slice(start, end);
  if (text.trim().length < MIN_TEXT) return undefined;
  return { source: 'selection', label: 'your selection', text, truncated: extracted.truncated, map: { kind: 'dom', extracted, base: start } };
}

/**
 * The largest visible note-like block: descend from <body> while one child holds most of the text
 * (menus, banners and side bars fall away), then read that block.
 */
export function heuristicBlock(doc: Document): Element | undefined {
  const view = doc.defaultView!;
  const len = (el: Element) => (el instanceof view.HTMLTextAreaElement ? el.value.length : (el.textContent?.length ?? 0));
  const fields = Array.from(doc.querySelectorAll('textarea, [contenteditable=""], [contenteditable="true"]')).filter((el) => len(el) >= MIN_TEXT);
  fields.sort((a, b) => len(b) - len(a));
  let el: Element | undefined = doc.body ?? undefined;
  if (!el) return fields[0];
  for (let depth = 0; depth < 64; depth++) {
    const kids: Element[] = Array.from(el.shadowRoot ? el.shadowRoot.children : el.children).filter(
      (k) => !['SCRIPT', 'STYLE', 'NAV', 'HEADER', 'FOOTER', 'ASIDE', 'TEMPLATE'].includes(k.tagName),
    );
    const total = Math.max(1, len(el) || kids.reduce((s, k) => s + len(k), 0));
    const best = kids.reduce<Element | undefined>((b, k) => (!b || len(k) > len(b) ? k : b), undefined);
    if (!best || len(best) < 0.7 * total) break;
    el = best;
  }
  const block = el && el !== doc.body ? el : undefined;
  // A big editable field beats a block that is mostly chrome around it.
  if (fields[0] && (!block || len(fields[0]) >= 0.5 * len(block))) return fields[0];
  return block ?? doc.body ?? undefined;
}

function headerFrom(doc: Document, adapter: NoteAdapter): PatientHeader {
  const read = (sel?: string) => (sel ? queryAllPiercing(doc, sel)[0]?.textContent?.trim() || undefined : undefined);
  const h = { name: read(adapter.header.name), dob: read(adapter.header.dob), memberId: read(adapter.header.memberId) };
  return Object.fromEntries(Object.entries(h).filter(([, v]) => v)) as PatientHeader;
}

/** Reads the note of this frame, in the order of preference of issue 5. */
export function captureNote(doc: Document, adapter: NoteAdapter | undefined, limits: ExtractLimits = DEFAULT_LIMITS): Capture | undefined {
  const header = adapter ? headerFrom(doc, adapter) : undefined;
  const withMeta = (c: Capture | undefined) => c && { ...c, ...(adapter ? { adapter: adapter.id } : {}), ...(header && Object.keys(header).length ? { header } : {}) };

  const sel = fromSelection(doc, limits);
  if (sel) return withMeta(sel);

  const active = deepActiveElement(doc);
  if (active && (active.tagName === 'TEXTAREA' || (active as HTMLElement).isContentEditable)) {
    const root = (active as HTMLElement).isContentEditable ? editableRoot(active as HTMLElement) : active;
    const c = fromElement(root, 'focused', describe(root), limits);
    if (c) return withMeta(c);
  }
  if (adapter) {
    const el = queryAllPiercing(doc, adapter.note)[0];
    const c = el && fromElement(el, 'adapter', adapter.name, limits);
    if (c) return withMeta(c);
  }
  const block = heuristicBlock(doc);
  return withMeta(block && fromElement(block, 'heuristic', describe(block), limits));
}

function editableRoot(el: HTMLElement): HTMLElement {
  let root = el;
  while (root.parentElement?.isContentEditable) root = root.parentElement;
  return root;
}
