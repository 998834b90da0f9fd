import { z } from 'zod';
import reasonsData from './data/encounter-reasons.json';
import type { CodePack } from '../pack/code-pack';
import type { NoteDocument } from '../document/document';
import type { Suggestion } from './schema';
import { guidelineSuggestion } from './guideline-suggestion';

const Pair = z.strictObject({ with: z.string(), without: z.string() });
const ReasonsSchema = z.strictObject({
  about: z.string(),
  kinds: z.array(
    z.strictObject({
      kind: z.enum(['preoperative', 'gynecological', 'eye', 'general']),
      pattern: z.string().min(1),
      if_note: z.string().min(1).optional(),
      with: z.string(),
      without: z.string(),
    }),
  ),
  general: z.strictObject({
    newborn_under_8_days: z.string(),
    newborn_8_to_28_days: z.string(),
    child: Pair,
    adult: Pair,
  }),
  immunization: z.strictObject({ pattern: z.string().min(1), code: z.string() }),
  counseling: z.strictObject({ pattern: z.string().min(1), code: z.string() }),
  look_in: z.array(z.string()),
});
const DATA = ReasonsSchema.parse(reasonsData);
const KINDS = DATA.kinds.map((k) => ({
  ...k,
  re: new RegExp(`\\b(?:${k.pattern})\\b`, 'i'),
  noteRe: k.if_note ? new RegExp(k.if_note, 'i') : undefined,
}));
const IMMUNIZATION = new RegExp(DATA.immunization.pattern, 'i');
const COUNSELING = new RegExp(DATA.counseling.pattern, 'i');
const NEGATED = /\b(?:no|not|declined|refused|deferred|postponed|will)\b/i;
const AGE = /\b(\d{1,3})[- ](year|yr|month|mo|week|wk|day)s?[- ]old\b/i;
const LOOK_IN = new Set(DATA.look_in);
/** Section kinds whose mentions reach the claim only when no diagnostic statement does. */
const NARRATIVE = new Set(['hpi', 'preamble', 'course', 'chief_complaint']);

/**
 * A narrative sentence about another encounter ("He was seen in my office on 01/11/06 for preop
 * evaluation", "at the time of preoperative evaluation with anesthesia") tells the history; the
 * reason for this encounter is today's (Guidelines IV.A, IV.M).
 */
const ANOTHER_TIME = /\b(?:was|were|had been) (?:seen|evaluated|referred|admitted)\b|\bat the time of\b/i;
const OTHER_ENCOUNTER =
  /\b(?:was|were|had been) (?:seen|evaluated|referred|admitted)\b|\bat the time of\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\bago\b|\bpreviously\b|\blast (?:week|month|year)\b/i;

/** A visit still to come ("We will see her back in six months for a general routine checkup"), or an examination the patient will need ("She will also need an EKG and clearance for surgery"), is not this one. */
const FUTURE_VISIT =
  /\b(?:will|would|plan to|to) (?:see (?:\w+ )?back|return|come back|follow up)\b|\bsee (?:him|her|them|the patient) back\b|\breturns? (?:in|for)\b|\bnext (?:visit|appointment)\b|\bfollow[- ]?up (?:in|with)\b|\b(?:will|would|may) (?:also )?(?:need|require)\b/i;

/** Age in days from the first "N-year-old" / "N-month-old" the note states. */
function ageInDays(text: string): number | undefined {
  const m = AGE.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  return unit.startsWith('y') ? n * 365 : unit.startsWith('mo') ? n * 30 : unit.startsWith('w') ? n * 7 : n;
}

/**
 * A routine examination's Z00/Z01 code first on the claim, Z23 for vaccines given and Z71.3 for
 * dietary counseling (data/encounter-reasons.json; Guidelines I.C.21.c.13, I.C.21.c.2, I.C.21.c.10).
 */
export function encounterReason(pack: CodePack, doc: NoteDocument, claim: Suggestion[], release: string): Suggestion[] {
  const statements = doc.statements.filter((st) => LOOK_IN.has(st.section.role));
  let found: { kind: (typeof KINDS)[number]; start: number; end: number } | undefined;
  // Whole-note conditions once per note, not once per statement (a 1 MB chart has 20,000 statements).
  const kinds = KINDS.filter((k) => !k.noteRe || k.noteRe.test(doc.view));
  for (const st of statements) {
    const text = doc.view.slice(st.start, st.end);
    // Dates and "ago" only in the history: an assessment may date the surgery it clears for.
    if ((NARRATIVE.has(st.section.kind) ? OTHER_ENCOUNTER : ANOTHER_TIME).test(text) && st.section.role !== 'reason')
      continue;
    if (FUTURE_VISIT.test(text)) continue;
    for (const k of kinds) {
      const m = k.re.exec(text);
      if (m && !found) found = { kind: k, start: st.start + m.index, end: st.start + m.index + m[0].length };
    }
    if (found) break;
  }
  const icd = claim.filter((s) => s.system === 'ICD-10-CM');
  let out = claim;
  if (found) {
    // Findings the provider recorded and coded make it an examination "with abnormal findings".
    // Only the provider's diagnostic statements count, not words of the history.
    const abnormal = icd.some((s) => !s.code.startsWith('Z') && s.section === 'diagnostic');
    let code: string;
    if (found.kind.kind !== 'general') code = abnormal ? found.kind.with : found.kind.without;
    else {
      const days = ageInDays(doc.view);
      const g = DATA.general;
      if (days !== undefined && days < 8) code = g.newborn_under_8_days;
      else if (days !== undefined && days <= 28) code = g.newborn_8_to_28_days;
      else if (days !== undefined && days < 18 * 365) code = abnormal ? g.child.with : g.child.without;
      else code = abnormal ? g.adult.with : g.adult.without;
    }
    const reason = pack.codeInfo(code)?.billable
      ? guidelineSuggestion(pack, code, release, {
          text: doc.text,
          spans: [{ start: found.start, end: found.end }],
          section:
            doc.statements.find((st) => st.start <= found!.start && found!.start < st.end)?.section.kind ?? 'preamble',
          matched: doc.text.slice(found.start, found.end),
          note: `routine ${found.kind.kind} examination ${abnormal ? 'with' : 'without'} abnormal findings, first-listed (Guidelines I.C.21.c.13)`,
        })
      : undefined;
    if (reason) {
      out = [reason, ...claim.filter((s) => !/^Z0[01]\.|^Z76\.[12]/.test(s.code) && !NARRATIVE.has(s.section))];
    }
  }
  const imm = immunizationGiven(doc);
  if (imm)
    out = withCode(
      pack,
      doc,
      out,
      release,
      DATA.immunization.code,
      imm,
      'vaccine given at the visit (Guidelines I.C.21.c.2)',
    );
  else out = out.filter((s) => s.code !== DATA.immunization.code); // Z23 only when a vaccine was given
  const diet = dietaryCounseling(doc);
  if (diet)
    out = withCode(
      pack,
      doc,
      out,
      release,
      DATA.counseling.code,
      diet,
      'dietary counseling at the visit, after the conditions it is for (Index: Counseling, dietary; Guidelines I.C.21.c.10)',
    );
  return out;
}

/** The claim with `code` added after the rest, read from the words `at`, unless it is there already. */
function withCode(
  pack: CodePack,
  doc: NoteDocument,
  claim: Suggestion[],
  release: string,
  code: string,
  at: { start: number; end: number; section: string },
  note: string,
): Suggestion[] {
  if (claim.some((s) => s.code === code)) return claim;
  const added = guidelineSuggestion(pack, code, release, {
    text: doc.text,
    spans: [{ start: at.start, end: at.end }],
    section: at.section,
    matched: doc.text.slice(at.start, at.end),
    note,
  });
  return added ? [...claim, added] : claim;
}

/** Counseling asked of someone else or left for later ("a dietary consult has been requested", "continue ... nutritional counseling as necessary"). */
const ELSEWHERE =
  /\b(?:request(?:ed)?|referr?(?:al|ed|ing)?|recommend(?:ed|s)?|will|would|to continue|as (?:necessary|needed)|consider|schedul\w*|arrang\w*)\b/i;
/** Roles that tell this visit: not the family's or the patient's past, nor the lists. */
const TELLS_VISIT = new Set(['reason', 'narrative', 'diagnostic', 'plan', 'findings', 'other']);
function dietaryCounseling(doc: NoteDocument): { start: number; end: number; section: string } | undefined {
  for (const st of doc.statements) {
    if (!TELLS_VISIT.has(st.section.role)) continue;
    const text = doc.view.slice(st.start, st.end);
    const m = COUNSELING.exec(text);
    if (
      m &&
      !NEGATED.test(text.slice(Math.max(0, m.index - 25), m.index)) &&
      !FUTURE_VISIT.test(text) &&
      !ELSEWHERE.test(text)
    )
      return { start: st.start + m.index, end: st.start + m.index + m[0].length, section: st.section.kind };
  }
  return undefined;
}

function immunizationGiven(doc: NoteDocument): { start: number; end: number; section: string } | undefined {
  for (const st of doc.statements) {
    if (st.section.role === 'family' || (st.section.role === 'allergies' && st.section.kind !== 'immunizations'))
      continue;
    const text = doc.view.slice(st.start, st.end);
    const m = IMMUNIZATION.exec(text);
    if (m && !NEGATED.test(text.slice(Math.max(0, m.index - 25), m.index))) {
      return { start: st.start + m.index, end: st.start + m.index + m[0].length, section: st.section.kind };
    }
  }
  return undefined;
}
