/**
 * What the coder pointed at, which wins over any guess (issue 5): the text they selected, or the
 * text box or editable note that has the focus (looking through open shadow roots).
 */

import { textOffsetOf, extractText, type ExtractLimits } from './dom-text';
import type { Probe } from './probe';
import { MIN_TEXT, type Capture } from './read-element';

/** The focused element, looking through open shadow roots (document.activeElement stops at the host). */
function deepActiveElement(doc: Document): Element | null {
  let el: Element | null = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/**
 * The coder's selection, read through the subtree that holds it (so only its visible text counts
 * and its offsets map back to the page); undefined when nothing worth analysing is selected.
 */
export function fromSelection(doc: Document, limits: ExtractLimits, probe: Probe): Capture | undefined {
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

/**
 * The focused text box, or the outermost editable element around the focused one (the whole note
 * being edited, not the paragraph holding the caret); undefined when the focus is elsewhere.
 */
export function focusedNoteElement(doc: Document): Element | undefined {
  const active = deepActiveElement(doc);
  if (!active || (active.tagName !== 'TEXTAREA' && !(active as HTMLElement).isContentEditable)) return undefined;
  return (active as HTMLElement).isContentEditable ? editableRoot(active as HTMLElement) : active;
}

function editableRoot(el: HTMLElement): HTMLElement {
  let root = el;
  while (root.parentElement?.isContentEditable) root = root.parentElement;
  return root;
}
