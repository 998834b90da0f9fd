/**
 * Where a note was read, named as the coder sees it on the page (the text box's label, the frame's
 * title), so the panel can say what it read and support can find the element.
 */

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
export function describe(el: Element): string {
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
