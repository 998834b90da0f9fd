import dataCues from './data/mdm-data.json';
import { allMatches, firstMatch, pattern, type EmNote, type EmStatement, type Span } from './note-view';
import { DataCuesSchema } from './schema';
import { ageYears } from './note-facts';
import type { MdmLevel } from './tables';

/*
 * MDM element 2: the amount and complexity of data reviewed and analysed, counted by category as
 * the CPT table does. Category 1: each unique test ordered or result reviewed (ordering includes the
 * review; a panel is one test), each unique external source's notes, and an independent historian.
 * Category 2: an independent interpretation of a test reported by another physician. Category 3: a
 * discussion with an external physician or other appropriate source — never the patient or family.
 */
const CUES = DataCuesSchema.parse(dataCues);

export interface DataItem {
  category: 'test-ordered' | 'test-reviewed' | 'external-notes' | 'historian' | 'interpretation' | 'discussion';
  what: string;
  evidence: Span[];
}

export interface DataElement {
  level: MdmLevel;
  items: DataItem[];
  /** Category-1 count (tests + external notes + historian). */
  category1: number;
  why: string;
}

/**
 * Sections whose tests count: results (reviewed), assessment and plan (ordered or reviewed), a
 * course (reviewed), and a statement of the examination or objective section that gives a test's
 * result ("Chest x-ray reveals no consolidation", "Influenza test is negative"; not the review of
 * systems).
 */
function testScope(s: EmStatement): 'reviewed' | 'plan' | undefined {
  if (s.role === 'findings') {
    if (s.kind === 'results') return 'reviewed';
    return s.kind !== 'ros' && CUES.resultVerbs.some((v) => pattern(v).test(s.text)) ? 'reviewed' : undefined;
  }
  if (s.role === 'diagnostic' || s.role === 'plan') return 'plan';
  if (s.kind === 'course') return 'reviewed';
  return undefined;
}

const NOT_DONE =
  /\b(not (done|available|obtained|performed|drawn)|none (available|done)|no (labs?|imaging|studies|tests?)\b)/i;

export function readData(note: EmNote): DataElement {
  const items: DataItem[] = [];
  const tests = new Set<string>();
  for (const s of note.statements) {
    const scope = testScope(s);
    if (!scope || NOT_DONE.test(s.text)) continue;
    const specific = CUES.tests.some((t) => !t.generic && firstMatch(s.text, t.words) !== undefined);
    // Words of one test named once ("chest x-ray") count once, even when a broader entry ("x-ray") matches them too.
    const taken: Span[] = [];
    for (const t of CUES.tests) {
      if (tests.has(t.id) || (t.generic && specific)) continue;
      // A urinalysis's "no wbc's" is not a blood count: cell words in a statement of another specimen.
      if (t.notWith && firstMatch(s.text, t.notWith.specimen) && !firstMatch(s.text, t.notWith.unlessNamed)) continue;
      const free = (h: Span) => !taken.some((x) => h.start < x.end && h.end > x.start);
      const hit = t.words
        .flatMap((w) => allMatches(s.text, w, s.start))
        .sort((a, b) => a.start - b.start)
        .find(free);
      if (!hit) continue;
      taken.push(hit);
      tests.add(t.id);
      const ordered =
        scope === 'plan' &&
        CUES.orderVerbs.some((v) => pattern(v).test(s.text)) &&
        !/\b(show(s|ed)?|reveal(s|ed)?|demonstrat(es|ed))\b/i.test(s.text);
      items.push({ category: ordered ? 'test-ordered' : 'test-reviewed', what: t.id, evidence: [hit] });
    }
  }
  const once = (
    category: DataItem['category'],
    patterns: string[],
    what: string,
    max: number,
    exclude: string[] = [],
  ) => {
    let n = 0;
    for (const s of note.statements) {
      if (n >= max) break;
      if (s.role === 'family' || s.role === 'social') continue;
      const hit = firstMatch(s.text, patterns, s.start);
      if (!hit) continue;
      if (exclude.some((p) => pattern(p).test(hit.text))) continue;
      items.push({ category, what, evidence: [hit] });
      n++;
    }
  };
  once('external-notes', CUES.externalNotes, 'external notes or records reviewed', 2);
  once('historian', CUES.independentHistorian, 'history from an independent historian', 1);
  // A young child's history comes through the parent who brought the child (CPT: independent historian).
  const age = ageYears(note);
  if (!items.some((i) => i.category === 'historian') && age !== undefined && age < 12)
    once('historian', CUES.childsParent, "a young child's history from the parent (independent historian)", 1);
  once('interpretation', CUES.independentInterpretation, 'independent interpretation of a test', 1);
  once('discussion', CUES.discussion, 'management discussed with an external physician or source', 1, CUES.notExternal);
  return level(items);
}

function level(items: DataItem[]): DataElement {
  const n = (c: DataItem['category'][]) => items.filter((i) => c.includes(i.category)).length;
  const testsNotes = n(['test-ordered', 'test-reviewed', 'external-notes']);
  const historian = n(['historian']) > 0;
  const category1 = testsNotes + (historian ? 1 : 0);
  const cat1Moderate = category1 >= 3;
  const interp = n(['interpretation']) > 0;
  const disc = n(['discussion']) > 0;
  const met = [cat1Moderate, interp, disc].filter(Boolean).length;
  const parts = `${testsNotes} unique tests/notes${historian ? ' + an independent historian' : ''}${interp ? ', an independent interpretation' : ''}${disc ? ', a discussion with an external physician' : ''}`;
  if (met >= 2) return { level: 'high', items, category1, why: `extensive: two of three categories (${parts})` };
  if (met === 1) return { level: 'moderate', items, category1, why: `moderate: one of three categories (${parts})` };
  if (testsNotes >= 2 || historian) return { level: 'low', items, category1, why: `limited (${parts})` };
  return {
    level: 'straightforward',
    items,
    category1,
    why: items.length ? `minimal (${parts})` : 'minimal or none: no test, record, historian or discussion found',
  };
}
