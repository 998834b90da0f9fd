/**
 * The tree as it is rendered, which is not the DOM tree: an open shadow root replaces its host's
 * light children, a <slot> shows the nodes assigned to it, and a closed <details> shows its first
 * <summary> only. The text walk (dom-text.ts) goes down this tree and the visibility probe
 * (probe.ts) goes up it, so both read the page the way the coder sees it.
 */

/** A <details> element that is closed (it shows its first summary only). */
export function isClosedDetails(el: Element | null | undefined): el is Element {
  return el?.tagName === 'DETAILS' && !el.hasAttribute('open');
}

/** The one child a closed <details> still shows: its first <summary>. */
export function firstSummary(details: Element): Element | undefined {
  return Array.from(details.children).find((c) => c.tagName === 'SUMMARY');
}

/** Children as rendered: an open shadow root replaces light children; a slot shows what is assigned to it. */
export function renderedChildren(node: Node): Node[] {
  if (node.nodeType === 1) {
    const el = node as Element;
    if (el.shadowRoot) return Array.from(el.shadowRoot.childNodes);
    if (el.tagName === 'SLOT') {
      const assigned = (el as HTMLSlotElement).assignedNodes?.({ flatten: true }) ?? [];
      return assigned.length ? assigned : Array.from(el.childNodes);
    }
    if (isClosedDetails(el)) {
      const summary = firstSummary(el);
      return summary ? [summary] : [];
    }
  }
  return Array.from(node.childNodes);
}

/** The parent in the rendered tree: the shadow host above a shadow root, the slot a node is assigned to. */
export function renderedParent(el: Element): Element | null {
  const slot = (el as Element & { assignedSlot?: HTMLSlotElement | null }).assignedSlot;
  if (slot) return slot;
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  return root && (root as ShadowRoot).host ? (root as ShadowRoot).host : null;
}
