import type { NoteDocument, Statement } from '../document/document';
import type { SectionRole } from '../document/schema';
import { applyContext, type Assertion } from '../text/context';
import { tokenize } from '../text/tokens';

/**
 * Reading the note's words for a reported code: which statements name it, and how (ConText
 * assertion from lib/text, statements and section roles from lib/document). A code is named by
 * the content words of its title — qualifiers such as "unspecified", "other", "acute" left out —
 * all present in one statement.
 */
const QUALIFIERS = new Set(
  'unspecified other specified of the and or with without in to due type site organism nos not elsewhere classified acute chronic essential primary secondary mellitus complication complications initial subsequent encounter sequela disease disorder condition'.split(
    ' ',
  ),
);

export function titleStems(title: string): string[] {
  const stems = tokenize(title.replace(/\([^)]*\)/g, ' '))
    .filter((t) => /[a-z]/.test(t.norm) && !QUALIFIERS.has(t.norm) && t.norm.length > 2)
    .map((t) => t.stem);
  return [...new Set(stems)];
}

export interface Naming {
  statement: Statement;
  assertion: Assertion;
  start: number;
  end: number;
  text: string;
}

/** Statements of the given roles that name every stem, with the assertion over the named words. */
export function namings(doc: NoteDocument, stems: string[], roles: readonly SectionRole[]): Naming[] {
  if (stems.length === 0) return [];
  const out: Naming[] = [];
  for (const st of doc.statements) {
    if (!roles.includes(st.section.role)) continue;
    const tokens = tokenize(doc.view, st.start, st.end);
    const at = stems.map((s) => tokens.findIndex((t) => t.stem === s));
    if (at.some((i) => i < 0)) continue;
    const scopes = applyContext(tokens);
    const assertions = at.map((i) => scopes.assertionOf(i));
    const assertion = assertions.find((a) => a !== 'present') ?? 'present';
    out.push({ statement: st, assertion, start: st.start, end: st.end, text: doc.text.slice(st.start, st.end).trim() });
  }
  return out;
}
