/**
 * The page-wide guess, when the coder pointed at nothing and no adapter knows the portal: the
 * largest block of text the coder can see, once menus, banners and side lists are set aside, or a
 * big editable field on the page.
 */

import { describe } from './describe-element';
import { extractText, type ElementSpan, type ExtractLimits } from './dom-text';
import type { Probe } from './probe';
import { fromElement, isTextField, MIN_TEXT, type Capture } from './read-element';

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
/** Child elements as rendered one level down: a shadow host's are in its shadow root. */
const childElements = (el: Element) => Array.from(el.shadowRoot ? el.shadowRoot.children : el.children);

/**
 * The largest visible note-like block: descend from <body> while one child holds most of the
 * visible text (menus, banners and side bars fall away), then read that block. Lengths count
 * only what the coder can see, so a long hidden list never outweighs the visible note.
 */
export function heuristicCapture(
  doc: Document,
  limits: ExtractLimits,
  probe: Probe,
): { capture?: Capture; pageText: string } {
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
    (el) => len(el) >= MIN_TEXT && probe.shown(el),
  );
  fields.sort((a, b) => len(b) - len(a));
  let el: Element = body;
  // Visible text of an element that is not in its menus, banners and side lists.
  const content = (e: Element) => {
    return (
      len(e) -
      childElements(e)
        .filter(isChrome)
        .reduce((s, k) => s + len(k), 0)
    );
  };
  for (let depth = 0; depth < 64; depth++) {
    const kids = childElements(el).filter((k) => !isChrome(k));
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
