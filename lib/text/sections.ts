import sectionsData from './data/sections.json';
import { SectionsSchema } from './schemas';
import { fold } from './tokens';

export interface Section {
  name: string;
  /** Where the heading starts; the body follows it up to `end`. */
  start: number;
  bodyStart: number;
  end: number;
  heading: string;
}

const SECTIONS = SectionsSchema.parse(sectionsData);
const HEADINGS = SECTIONS.sections
  .flatMap((s) => s.headings.map((h) => ({ name: s.name, heading: h })))
  .sort((a, b) => b.heading.length - a.heading.length);

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

// A heading at the start of a line, followed by ":" (anything may follow) or alone on its line.
const HEADING_RE = new RegExp(`^[ \\t]*(${HEADINGS.map((h) => escape(h.heading)).join('|')})[ \\t]*(:|\\r?$)`, 'gim');

/** Splits a note into sections by its headings; text before the first heading is "preamble". */
export function detectSections(text: string): Section[] {
  const found: Section[] = [];
  HEADING_RE.lastIndex = 0;
  for (let m = HEADING_RE.exec(text); m; m = HEADING_RE.exec(text)) {
    const heading = fold(m[1]!);
    const def = HEADINGS.find((h) => h.heading === heading);
    if (!def) continue;
    // Alone on its line, a heading must look like one (capitalised); "history" inside prose is not.
    if (m[2] !== ':' && !/^[A-Z]/.test(m[1]!)) continue;
    found.push({
      name: def.name,
      heading: m[1]!,
      start: m.index + m[0].indexOf(m[1]!),
      bodyStart: m.index + m[0].length,
      end: text.length,
    });
    if (m[0].length === 0) HEADING_RE.lastIndex++;
  }
  for (let i = 0; i < found.length; i++) found[i]!.end = found[i + 1]?.start ?? text.length;
  if (found.length === 0 || found[0]!.start > 0)
    found.unshift({ name: 'preamble', heading: '', start: 0, bodyStart: 0, end: found[0]?.start ?? text.length });
  return found;
}

export function sectionAt(sections: Section[], offset: number): Section | undefined {
  return sections.find((s) => offset >= s.start && offset < s.end);
}
