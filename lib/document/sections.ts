import kindsData from './data/section-kinds.json';
import { SectionKindsSchema, type SectionRole } from './schema';

export interface DocSection {
  /** Section kind ("diagnostic", "hpi", "exam" …; "preamble" before the first heading, "other" for an unknown heading). */
  kind: string;
  role: SectionRole;
  heading: string;
  /** Where the heading starts; the body runs from bodyStart to end. */
  start: number;
  bodyStart: number;
  end: number;
}

const KINDS = SectionKindsSchema.parse(kindsData);
const EXACT = new Map<string, { kind: string; role: SectionRole }>();
for (const k of KINDS.kinds) for (const h of k.headings) EXACT.set(h, { kind: k.kind, role: k.role });
const BODY_SYSTEMS = new Set(KINDS.body_systems);
const FAMILY = EXACT.get('family history')!;
const KEYWORDS = KINDS.kinds.map((k) => ({ kind: k.kind, role: k.role, words: k.keywords.map((w) => ` ${w} `) }));

/** A line holding nothing but a heading's words. */
const LONE = /(^|\n)[ \t]*([A-Za-z][A-Za-z /&'-]{0,40}?)[ \t]*(?=\r?\n)/g;

/** A candidate heading: at a line start, or after a full stop and spaces; words, then a colon. */
const CANDIDATE =
  /(^|\n|[.][ \t]+)[ \t]*([A-Za-z][A-Za-z0-9 /&'()-]{0,60}?)(?:[ \t,]*:|(?<=(?:^|\n)[ \t]*[SOAP])[ \t]+-(?=[ \t]*(?:\n|$)))/g;

function norm(heading: string): string {
  return heading.toLowerCase().replace(/\s+/g, ' ').trim();
}

export type HeadingClass = { kind: string; role: SectionRole } | 'body-system' | undefined;

/**
 * What a heading is: a known section, an examination sub-heading, an unknown upper-case section,
 * or not a heading. Mixed-case words count only at a line start ("Assessment:"); single letters
 * ("S:", "A:") only there too.
 */
export function classifyHeading(raw: string, atLineStart: boolean): HeadingClass {
  const h = norm(raw);
  const upper = raw === raw.toUpperCase() && /[A-Z]{2}|^[A-Z]$/.test(raw);
  if (!atLineStart && !upper) return undefined;
  if (h.length === 1 && !atLineStart) return undefined;
  const exact = EXACT.get(h);
  if (exact) return exact;
  if (BODY_SYSTEMS.has(h)) return 'body-system';
  // "EARS/NOSE:", "LIPS/TEETH/GUMS:": a template's heading naming several body systems at once.
  const parts = h.split(/\s*(?:\/|,|\band\b)\s*/).filter(Boolean);
  if (parts.length > 1 && parts.every((p) => BODY_SYSTEMS.has(p))) return 'body-system';
  if (!upper) return undefined;
  const padded = ` ${h.replace(/[/&]/g, ' ')} `;
  // "FAMILY PSYCHIATRIC HISTORY:": the family's history of any kind, never the patient's past history.
  if (/^ family (?:\w+ )?(?:history|hx) /.test(padded)) return FAMILY;
  for (const k of KEYWORDS) if (k.words.some((w) => padded.includes(w))) return { kind: k.kind, role: k.role };
  // Words, not separators, count: "CHEST PAIN / UNSPECIFIED ANGINA PECTORIS HISTORY:" is a template's
  // heading of six words, whose words name the topic asked about, not a diagnosis.
  return padded.trim().split(/\s+/).length <= 6 ? { kind: 'other', role: 'other' } : undefined;
}

/** Where sub-headings of a section ("HEENT:", "Chest:") begin: statement boundaries inside it. */
export interface SubHeading {
  start: number;
  bodyStart: number;
  label: string;
}

/** Splits a note (with its line breaks restored) into typed sections and examination sub-headings. */
export function findSections(text: string): { sections: DocSection[]; subHeadings: SubHeading[] } {
  const sections: DocSection[] = [];
  const subHeadings: SubHeading[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const raw = m[2]!;
    const start = m.index + m[0].indexOf(raw, m[1]!.length);
    const atLineStart = m[1] !== '' && m[1] !== undefined ? m[1] === '\n' : true;
    const cls = classifyHeading(raw, m[1]!.startsWith('.') ? false : atLineStart);
    const bodyStart = m.index + m[0].length;
    if (!cls) {
      CANDIDATE.lastIndex = m.index + Math.max(1, m[1]!.length);
      continue;
    }
    if (cls === 'body-system') {
      subHeadings.push({ start, bodyStart, label: raw });
      const parent = sections[sections.length - 1];
      // Outside an examination or review of systems, a body-system heading opens the examination.
      if (parent && (parent.role === 'findings' || parent.kind === 'other')) continue;
      sections.push({ kind: 'exam', role: 'findings', heading: raw, start, bodyStart, end: text.length });
      continue;
    }
    sections.push({ kind: cls.kind, role: cls.role, heading: raw, start, bodyStart, end: text.length });
  }
  // A known heading alone on its line, without a colon ("IMPRESSION" then the numbered list).
  LONE.lastIndex = 0;
  for (let m = LONE.exec(text); m; m = LONE.exec(text)) {
    const raw = m[2]!;
    const cls = EXACT.get(norm(raw)) ?? (raw === raw.toUpperCase() ? classifyHeading(raw, true) : undefined);
    const exact = cls && cls !== 'body-system' && cls.kind !== 'other' ? cls : undefined;
    if (!exact || raw.length < 2 || !/^[A-Z]/.test(raw)) continue;
    const start = m.index + m[1]!.length + m[0].slice(m[1]!.length).indexOf(raw);
    if (sections.some((x) => x.start === start)) continue;
    sections.push({
      kind: exact.kind,
      role: exact.role,
      heading: raw,
      start,
      bodyStart: start + raw.length,
      end: text.length,
    });
  }
  sections.sort((a, b) => a.start - b.start);
  for (let i = 0; i < sections.length; i++) sections[i]!.end = sections[i + 1]?.start ?? text.length;
  if (sections.length === 0 || sections[0]!.start > 0) {
    sections.unshift({
      kind: 'preamble',
      role: 'narrative',
      heading: '',
      start: 0,
      bodyStart: 0,
      end: sections[0]?.start ?? text.length,
    });
  }
  return { sections, subHeadings };
}
