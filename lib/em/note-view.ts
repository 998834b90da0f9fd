import { parseDocument, type NoteDocument } from '../document/document';

/** Words of the note that support an E/M element: offsets into the original note. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** One statement of the note as the E/M stage reads it (the document stage's statement, with its text). */
export interface EmStatement {
  start: number;
  end: number;
  /** The statement's text from the document view (flattened line breaks restored; same offsets). */
  text: string;
  role: string;
  kind: string;
  heading: string;
  /** Start of its section's heading: statements of one section share it. */
  sectionStart: number;
  item?: number;
  index: number;
}

export interface EmNote {
  doc: NoteDocument;
  statements: EmStatement[];
  /**
   * False when the note has no assessment or plan heading at all (a few typed lines): its
   * untitled statements are then read as the assessment and plan, and only those that name a
   * condition count as problems.
   */
  structured: boolean;
}

/** Reads the note once through the document stage (typed sections, statements with offsets). */
export function readNote(text: string): EmNote {
  const doc = parseDocument(text);
  const statements = doc.statements.map((s) => ({
    start: s.start,
    end: s.end,
    text: doc.view.slice(s.start, s.end),
    role: s.section.role,
    kind: s.section.kind,
    heading: s.section.heading,
    sectionStart: s.section.start,
    ...(s.item !== undefined ? { item: s.item } : {}),
    index: s.index,
  }));
  bareHeadings(statements);
  untypedHeadings(statements);
  let structured = statements.some((s) => s.role === 'diagnostic' || s.role === 'plan');
  if (!structured) structured = soapLetters(statements);
  if (!structured) for (const s of statements) if (s.kind === 'preamble' || s.kind === 'other') s.role = 'diagnostic';
  return { doc, statements, structured };
}

/**
 * A heading left without its colon stands alone as a statement: "IMPRESSION,1. …" in a flattened
 * transcription, or "Assessment" on its own line in a note captured from a page whose headings are
 * separate elements. Upper case anywhere; any case when the statement is the heading alone.
 */
const BARE_HEADINGS: [RegExp, string][] = [
  [/^(?:chief complaints?|reason for (?:the )?(?:visit|consultation|admission))$/i, 'reason'],
  [/^(?:history of (?:the )?present illness|hpi|subjective|interval history|history)$/i, 'narrative'],
  [/^(?:physical exam(?:ination)?|exam(?:ination)?|objective|vital signs|review of systems)$/i, 'findings'],
  [
    /^(?:impressions?|assessments?|diagnos[ie]s|final diagnos[ie]s|formulation|(?:assessment|impression) and plan|a\/p)$/i,
    'diagnostic',
  ],
  [/^(?:plans?|recommendations?|disposition)$/i, 'plan'],
];

function bareHeadings(statements: EmStatement[]): void {
  let role: string | undefined;
  let section = -1;
  for (const s of statements) {
    if (s.sectionStart !== section) {
      section = s.sectionStart;
      role = undefined;
    }
    const head = s.text.trim().replace(/[\s,:.]+$/, '');
    const hit = head.length <= 40 ? BARE_HEADINGS.find(([re]) => re.test(head)) : undefined;
    if (hit && (head === head.toUpperCase() || /\n\s*$|^\s*\n/.test(s.text) || s.text.trim() === head)) {
      role = hit[1];
      s.role = 'heading';
      continue;
    }
    if (role && s.role !== 'diagnostic' && s.role !== 'plan') s.role = role;
  }
}

/**
 * Headings of an assessment or a plan that the document stage leaves untyped (plural or combined
 * forms: "ASSESSMENTS", "PLANS", "PLAN OF CARE", "PROBLEMS DIAGNOSES"): E/M reads the problems and the
 * management from them all the same.
 */
const UNTYPED_HEADINGS: [RegExp, string][] = [
  [
    /^(?:assessments|impressions|(?:clinical )?(?:assessment|impression)s? and (?:plans?|recommendations?)|problems?(?: list)?(?: and)? diagnos[ie]s|diagnostic impressions?)$/i,
    'diagnostic',
  ],
  [
    /^(?:plans|plans? of care|treatment plans?|plans? and recommendations?|recommendations and plans?|disposition and plans?)$/i,
    'plan',
  ],
];

function untypedHeadings(statements: EmStatement[]): void {
  for (const s of statements) {
    if (s.role !== 'other') continue;
    const head = s.heading.trim().replace(/[\s,:.]+$/, '');
    const hit = UNTYPED_HEADINGS.find(([re]) => re.test(head));
    if (hit) s.role = hit[1];
  }
}

const SOAP_ROLE: Record<string, string> = { s: 'narrative', o: 'findings', a: 'diagnostic', p: 'plan' };

/**
 * SOAP letters written with a dash ("S -", "A -") are not headings to the document stage (a
 * heading ends with a colon); in a note without headings they still type what follows them.
 * Returns true when an assessment or plan letter was found.
 */
function soapLetters(statements: EmStatement[]): boolean {
  let role: string | undefined;
  let found = false;
  for (const s of statements) {
    const m = /^\s*([SOAP])\s*[-–]\s*(?:,|$)/.exec(s.text);
    if (m) {
      role = SOAP_ROLE[m[1]!.toLowerCase()];
      found ||= role === 'diagnostic' || role === 'plan';
    }
    if (role) s.role = role;
  }
  return found;
}

const CACHE = new Map<string, RegExp>();

/** A data-file pattern as a case-insensitive regular expression (compiled once). */
export function pattern(source: string): RegExp {
  let re = CACHE.get(source);
  if (!re) {
    re = new RegExp(source, 'i');
    CACHE.set(source, re);
  }
  return re;
}

/** The first match of any of the patterns in a text, as a span offset by `base`. */
export function firstMatch(text: string, patterns: readonly string[], base = 0): Span | undefined {
  let best: Span | undefined;
  for (const p of patterns) {
    const m = pattern(p).exec(text);
    if (m && (!best || base + m.index < best.start))
      best = { start: base + m.index, end: base + m.index + m[0].length, text: m[0] };
  }
  return best;
}

/** Every match of one pattern in a text, as spans offset by `base`. */
export function allMatches(text: string, source: string, base = 0): Span[] {
  const re = new RegExp(pattern(source).source, 'gi');
  const out: Span[] = [];
  for (const m of text.matchAll(re))
    if (m[0].length > 0) out.push({ start: base + m.index, end: base + m.index + m[0].length, text: m[0] });
  return out;
}

/** The span of a statement itself, trimmed, for evidence. */
export function statementSpan(s: EmStatement): Span {
  const lead = s.text.length - s.text.trimStart().length;
  const text = s.text.trim();
  return { start: s.start + lead, end: s.start + lead + text.length, text };
}
