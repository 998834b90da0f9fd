import { splitSentences } from '../text/sentences';
import { restoreLineBreaks } from './flatten';
import { findSections, type DocSection, type SubHeading } from './sections';

export type { DocSection } from './sections';

/** One statement of the note: a sentence, a list item or a labelled finding, with offsets into the original. */
export interface Statement {
  start: number;
  end: number;
  section: DocSection;
  /** Number of the list item the statement opens or belongs to ("1." of a problem list), if any. */
  item?: number;
  /** The statement opens a numbered list item, in any section ("3. Fever and elevated white count."). */
  opensItem?: boolean;
  /** Sub-heading it sits under ("Chest" in the examination), if any. */
  label?: string;
  /** Position in the note, 0-based. */
  index: number;
}

export interface NoteDocument {
  /** The note as given: every offset points into it. */
  text: string;
  /** The note with flattened line breaks restored (same length, same offsets): what the stages read. */
  view: string;
  sections: DocSection[];
  statements: Statement[];
}

const LIST_ITEM = /^(?:#?(\d{1,2})[.)]|[-•*])[ \t]+/;

/**
 * The document stage: typed sections, then statements (line, list item, sentence) inside each.
 * Later stages read statements and never re-split the note.
 */
export function parseDocument(text: string): NoteDocument {
  const view = restoreLineBreaks(text);
  const { sections, subHeadings } = findSections(view);
  const statements: Statement[] = [];
  for (const section of sections) {
    const subs = subHeadings.filter((h) => h.start >= section.bodyStart && h.start < section.end);
    let item: number | undefined;
    let opens = false;
    const pieces = cutAt(section.bodyStart, section.end, subs);
    for (const piece of pieces) {
      for (const s of splitSentences(view, piece.from, piece.to)) {
        const head = view.slice(s.start, s.end).trim();
        // "1." split from its text by the sentence splitter: it numbers what follows.
        const bare = /^#?(\d{1,2})[.)]?$/.exec(head);
        if (bare) {
          item = Number(bare[1]);
          opens = true;
          continue;
        }
        const li = LIST_ITEM.exec(head);
        if (li?.[1]) item = Number(li[1]);
        if (li?.[1]) opens = true;
        statements.push({
          start: s.start,
          end: s.end,
          section,
          ...(item !== undefined && section.role === 'diagnostic' ? { item } : {}),
          ...(opens ? { opensItem: true } : {}),
          ...(piece.label ? { label: piece.label } : {}),
          index: statements.length,
        });
        opens = false;
      }
    }
  }
  return { text, view, sections, statements };
}

function cutAt(from: number, to: number, subs: SubHeading[]): { from: number; to: number; label?: string }[] {
  const out: { from: number; to: number; label?: string }[] = [];
  let cur = from;
  let label: string | undefined;
  for (const h of subs) {
    if (h.start > cur) out.push({ from: cur, to: h.start, ...(label ? { label } : {}) });
    cur = h.bodyStart;
    label = h.label;
  }
  if (to > cur) out.push({ from: cur, to, ...(label ? { label } : {}) });
  return out;
}
