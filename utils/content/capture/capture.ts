import type { NoteAdapter } from '@/lib/capture/adapter-schema';
import { normalizeValue } from '@/lib/capture/normalize-chars';
import { readChart, type ChartInfo, type EncounterInfo, type PatientHeader } from './chart';
import {
  DEFAULT_LIMITS,
  extractText,
  textOffsetOf,
  type ElementSpan,
  type ExtractedText,
  type ExtractLimits,
} from './dom-text';
import { queryAllPiercing } from './query';
import { notANoteReason } from './not-a-note';
import { createProbe, type Probe } from './visibility';
import type { CaptureSource } from '../../messages';

export { queryAllPiercing } from './query';
export type { EncounterInfo, PatientHeader } from './chart';

export { SOURCE_RANK, type CaptureSource } from '../../messages';

export interface Capture {
  source: CaptureSource;
  /** Human label of what was read ("selection", "textarea#note", adapter name …). */
  label: string;
  text: string;
  truncated: boolean;
  /**
   * DOM side of the offsets: an extracted subtree (base = offset of text[0] in it) or a text field
   * (raw[i] = offset in the field's value of text[i], when invisible characters were removed).
   */
  map:
    | { kind: 'dom'; extracted: ExtractedText; base: number }
    | { kind: 'field'; field: HTMLTextAreaElement | HTMLInputElement; raw?: Uint32Array };
  adapter?: string;
  header?: PatientHeader;
  encounter?: EncounterInfo;
}

/** Shortest text worth analysing: a selection of two words is a click, not a note. */
const MIN_TEXT = 20;

/** The focused element, looking through open shadow roots (document.activeElement stops at the host). */
function deepActiveElement(doc: Document): Element | null {
  let el: Element | null = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** The name a page gives an element: aria-label, a <label for>, aria-labelledby, title, or its first heading. */
function accessibleName(el: Element): string | undefined {
  const clean = (v: string | null | undefined) => v?.replace(/\s+/g, ' ').trim().slice(0, 60) || undefined;
  const doc = el.ownerDocument;
  const byIds = el
    .getAttribute('aria-labelledby')
    ?.split(/\s+/)
    .map((id) => doc.getElementById(id)?.textContent ?? '')
    .join(' ');
  const forLabel = el.id
    ? Array.from(doc.querySelectorAll('label')).find((l) => l.htmlFor === el.id)?.textContent
    : undefined;
  const heading =
    el.tagName === 'TEXTAREA' ? undefined : el.querySelector('h1, h2, h3, h4, legend, caption')?.textContent;
  return (
    clean(el.getAttribute('aria-label')) ??
    clean(forLabel) ??
    clean(byIds) ??
    clean(el.getAttribute('title')) ??
    clean(heading)
  );
}

/** The frame's name as the page shows it (the <iframe title>, else the frame document's title). */
function frameName(doc: Document): string | undefined {
  const view = doc.defaultView;
  if (!view || view === view.top) return undefined;
  let title: string | null | undefined;
  try {
    title = view.frameElement?.getAttribute('title');
  } catch {
    title = undefined;
  }
  return (title || doc.title || '').trim().slice(0, 60) || 'embedded';
}

/**
 * Where the note was read, in the coder's words ("the text box “Encounter note”", "the text
 * “Office visit” in the “Encounter” frame"), with the element in brackets for support.
 */
function describe(el: Element): string {
  const tag = el.tagName.toLowerCase();
  const what =
    tag === 'textarea'
      ? 'the text box'
      : (el as HTMLElement).isContentEditable
        ? 'the note being edited'
        : tag === 'body'
          ? 'the page'
          : 'the text';
  const name = accessibleName(el);
  const frame = frameName(el.ownerDocument);
  return `${what}${name ? ` “${name}”` : ''}${frame ? ` in the “${frame}” frame` : ''} (${tag}${el.id ? `#${el.id}` : ''})`;
}

function isTextField(el: Element): el is HTMLTextAreaElement {
  return el.tagName === 'TEXTAREA';
}

function fromElement(
  el: Element,
  source: CaptureSource,
  label: string,
  limits: ExtractLimits,
  probe: Probe,
): Capture | undefined {
  if (isTextField(el)) {
    const value = el.value.slice(0, limits.maxChars);
    const { text, raw } = normalizeValue(value);
    if (text.trim().length < MIN_TEXT) return undefined;
    return {
      source,
      label,
      text,
      truncated: el.value.length > value.length,
      map: { kind: 'field', field: el, ...(raw ? { raw } : {}) },
    };
  }
  const extracted = extractText(el, limits, { probe });
  if (extracted.text.trim().length < MIN_TEXT) return undefined;
  return {
    source,
    label,
    text: extracted.text,
    truncated: extracted.truncated,
    map: { kind: 'dom', extracted, base: 0 },
  };
}

function fromSelection(doc: Document, limits: ExtractLimits, probe: Probe): Capture | undefined {
  const sel = doc.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return undefined;
  const range = sel.getRangeAt(0);
  if (range.toString().trim().length < MIN_TEXT) return undefined;
  let scope: Node = range.commonAncestorContainer;
  if (scope.nodeType === 3) scope = scope.parentNode ?? scope;
  const extracted = extractText(scope, limits, { probe });
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
  const end =
    range.endContainer.nodeType === 3
      ? (textOffsetOf(extracted, range.endContainer, range.endOffset) ?? extracted.text.length)
      : extracted.text.length;
  const text = extracted.text.slice(start, end);
  if (text.trim().length < MIN_TEXT) return undefined;
  return {
    source: 'selection',
    label: 'your selection',
    text,
    truncated: extracted.truncated,
    map: { kind: 'dom', extracted, base: start },
  };
}

/** Page regions that are never the note: menus, banners, side lists, footers, toolbars. */
const CHROME_TAGS = new Set(['SCRIPT', 'STYLE', 'NAV', 'HEADER', 'FOOTER', 'ASIDE', 'TEMPLATE', 'MENU']);
const CHROME_ROLES = new Set([
  'navigation',
  'banner',
  'complementary',
  'contentinfo',
  'menu',
  'menubar',
  'toolbar',
  'search',
  'tablist',
]);
const CHROME_NAMES =
  /(?:^|[\s_-])(?:banner|navbar|nav|menu|menubar|sidebar|toolbar|breadcrumbs?|footer|topbar)(?:$|[\s_-])/i;
const isChrome = (el: Element) =>
  CHROME_TAGS.has(el.tagName) ||
  CHROME_ROLES.has(el.getAttribute('role') ?? '') ||
  CHROME_NAMES.test(`${el.id} ${el.getAttribute('class') ?? ''}`);

/**
 * The largest visible note-like block: descend from <body> while one child holds most of the
 * visible text (menus, banners and side bars fall away), then read that block. Lengths count
 * only what the coder can see, so a long hidden list never outweighs the visible note.
 */
function heuristicCapture(doc: Document, limits: ExtractLimits, probe: Probe): { capture?: Capture; pageText: string } {
  const body = doc.body;
  if (!body) return { pageText: '' };
  const index = new Map<Element, ElementSpan>();
  const page = extractText(body, limits, { probe, index });
  const len = (el: Element): number => {
    if (isTextField(el)) return probe.shown(el) ? el.value.length : 0;
    const s = index.get(el);
    return s ? Math.max(0, s.end - s.start) + s.fieldChars : 0;
  };
  const fields = Array.from(doc.querySelectorAll('textarea, [contenteditable=""], [contenteditable="true"]')).filter(
    (el) => (isTextField(el) ? len(el) : len(el)) >= MIN_TEXT && probe.shown(el),
  );
  fields.sort((a, b) => len(b) - len(a));
  let el: Element = body;
  // Visible text of an element that is not in its menus, banners and side lists.
  const content = (e: Element) => {
    const all = Array.from(e.shadowRoot ? e.shadowRoot.children : e.children);
    return len(e) - all.filter(isChrome).reduce((s, k) => s + len(k), 0);
  };
  for (let depth = 0; depth < 64; depth++) {
    const kids = Array.from(el.shadowRoot ? el.shadowRoot.children : el.children).filter((k) => !isChrome(k));
    const total = Math.max(1, content(el));
    const best = kids.reduce<Element | undefined>((b, k) => (!b || len(k) > len(b) ? k : b), undefined);
    if (!best || len(best) < 0.7 * total) break;
    el = best;
  }
  // Nothing but menus and banners: no note here.
  if (content(el) < MIN_TEXT && !fields.length) return { pageText: page.text };
  const block = el !== body ? el : undefined;
  const field = fields[0];
  // A big editable field beats a block that is mostly chrome around it.
  if (field && (!block || len(field) >= 0.5 * len(block)))
    return { capture: fromElement(field, 'heuristic', describe(field), limits, probe), pageText: page.text };
  const chosen = block ?? body;
  if (isTextField(chosen))
    return { capture: fromElement(chosen, 'heuristic', describe(chosen), limits, probe), pageText: page.text };
  const span = index.get(chosen);
  if (!span) return { pageText: page.text };
  const slice = page.text.slice(span.start, Math.min(span.end, page.text.length));
  const lead = slice.length - slice.trimStart().length;
  const text = slice.trim();
  if (text.length < MIN_TEXT) return { pageText: page.text };
  return {
    capture: {
      source: 'heuristic',
      label: describe(chosen),
      text,
      truncated: page.truncated,
      map: { kind: 'dom', extracted: page, base: span.start + lead },
    },
    pageText: page.text,
  };
}

/** What one frame shows the coder: its note (when it has one) and the chart banner's facts. */
export interface FrameReading extends ChartInfo {
  note?: Capture;
  /** Why the frame's largest block of text was not taken for a note (a schedule, a patient list). */
  noNote?: string;
}

/**
 * Reads this frame in the order of preference of issue 5 (selection, focused field, the portal
 * adapter's note element, the largest visible note-like block), and the chart banner. Only what
 * the coder can see is read. An adapter without a note selector marks a page that only frames the
 * chart (tabs, banner): it gives chart facts and no note.
 */
export function readFrame(
  doc: Document,
  adapter: NoteAdapter | undefined,
  limits: ExtractLimits = DEFAULT_LIMITS,
): FrameReading {
  const probe = createProbe(doc);
  const meta = (pageText?: string): ChartInfo => readChart(doc, adapter, probe, pageText);
  const withMeta = (c: Capture, pageText?: string): FrameReading => {
    const chart = meta(pageText);
    return { note: { ...c, ...(adapter ? { adapter: adapter.id } : {}), ...chart }, ...chart };
  };

  const sel = fromSelection(doc, limits, probe);
  if (sel) return withMeta(sel);

  const active = deepActiveElement(doc);
  if (active && (active.tagName === 'TEXTAREA' || (active as HTMLElement).isContentEditable)) {
    const root = (active as HTMLElement).isContentEditable ? editableRoot(active as HTMLElement) : active;
    const c = fromElement(root, 'focused', describe(root), limits, probe);
    if (c) return withMeta(c);
  }
  if (adapter && !adapter.note) return meta();
  if (adapter?.note) {
    const el = queryAllPiercing(doc, adapter.note).find((e) => probe.shown(e));
    const c = el && fromElement(el, 'adapter', adapter.name, limits, probe);
    if (c) return withMeta(c);
  }
  const { capture, pageText } = heuristicCapture(doc, limits, probe);
  const notNote = capture && notANoteReason(capture.text);
  if (notNote) return { ...meta(pageText), noNote: notNote };
  return capture ? withMeta(capture, pageText) : meta(pageText);
}

/** The note of this frame (see readFrame), with the banner's patient and encounter. */
export function captureNote(
  doc: Document,
  adapter: NoteAdapter | undefined,
  limits: ExtractLimits = DEFAULT_LIMITS,
): Capture | undefined {
  return readFrame(doc, adapter, limits).note;
}

function editableRoot(el: HTMLElement): HTMLElement {
  let root = el;
  while (root.parentElement?.isContentEditable) root = root.parentElement;
  return root;
}
