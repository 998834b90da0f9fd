import type { CodePack } from '../pack/code-pack';
import type { NoteDocument } from '../document/document';
import type { Suggestion } from './schema';
import { NARRATIVE_ONLY_WHY, NOT_DIAGNOSTIC_WHY, REASON_EXPLAINED_WHY } from './claim-policy';
import { STROKE_DEFICITS } from './stroke-sequela';

/** Readings of a stroke: the acute infarction, its sequelae, or the past stroke (I63, I64, I69, Z86.73). */
const STROKE = /^(?:I63|I64|I69|Z86\.73)/;
/** The acute infarction the provider diagnoses (I63). */
const ACUTE = /^I63/;
/** Readings of weakness a one-sided weakness is read as by the Index's default (R53.1, M62.81). */
const WEAKNESS = /^(?:R53\.1|R53\.81|M62\.81)/;
/** One side's weakness: "right-sided weakness", "weakness of the left side", "left hemibody weakness". */
const ONE_SIDE =
  /\b(right|left)[- ]sided weakness\b|\bweakness (?:of|on|in) the (right|left)(?: side| hemibody)?\b|\b(right|left) hemibody weakness\b/i;
/**
 * The right side is the dominant one and the left the nondominant one when the note does not say
 * which is dominant (Guidelines I.C.6.a): G81.91 and G81.94.
 */
const HEMIPARESIS = { right: 'G81.91', left: 'G81.94' } as const;
const WHY =
  'weakness of one side with a stroke is hemiparesis (Coding Clinic 1Q 2015), of the dominant side when it is the right and the nondominant when the left (Guidelines I.C.6.a)';

/**
 * "Recent cerebrovascular accident with right-sided weakness": weakness of one side written in the
 * same statement as a stroke is hemiparesis of that side, not generalized weakness (R53.1). The
 * hemiparesis follows the acute infarction (I.C.9: deficits are coded with it), and after a past
 * stroke it becomes the sequela I69.35- (stroke-sequela.ts). With an acute infarction diagnosed,
 * the weakness and the other deficits told in the history or the course are its deficits too. A
 * one-sided weakness with no stroke stated keeps the Index's reading.
 */
export function strokeWeakness(
  pack: CodePack,
  doc: NoteDocument,
  claim: Suggestion[],
  considered: Suggestion[],
): { claim: Suggestion[]; replaced: Suggestion[] } {
  const statementOf = (s: Suggestion) =>
    doc.statements.find((st) => s.evidence.some((e) => e.start >= st.start && e.start < st.end));
  // Only a stroke the note states: a suspected one ("concerning for a cerebrovascular accident")
  // leaves the weakness a symptom (IV.H).
  const stated = claim.filter((s) => STROKE.test(s.code) && s.assertion !== 'possible');
  const strokeAt = new Set(stated.map((s) => statementOf(s)?.index));
  if (strokeAt.size === 0) return { claim, replaced: [] };
  const acute = stated.find((s) => ACUTE.test(s.code) && s.assertion === 'present');
  let list = [...claim];
  const replaced: Suggestion[] = [];
  /** Puts the hemiparesis of the side `m` names on the claim, in place of `reading` or after the stroke. */
  const add = (
    m: RegExpExecArray,
    st: { index: number; start: number },
    template: Suggestion,
    reading?: Suggestion,
  ) => {
    const side = (m[1] ?? m[2] ?? m[3])!.toLowerCase() as 'right' | 'left';
    const info = pack.codeInfo(HEMIPARESIS[side]);
    if (!info?.billable || list.some((c) => c.code.startsWith('G81'))) return;
    const words = { start: st.start + m.index, end: st.start + m.index + m[0].length };
    const hemiparesis: Suggestion = {
      ...template,
      code: info.code,
      description: info.title,
      assertion: 'present',
      evidence: [{ ...words, text: doc.text.slice(words.start, words.end) }],
      reason: { matched: m[0], via: 'guideline', ...(reading ? { refinedFrom: reading.code } : {}), note: WHY },
    };
    // A weakness reading of these very words (or of the one statement) gives way to it.
    const same = list.find(
      (c) =>
        WEAKNESS.test(c.code) &&
        (c === reading || c.evidence.every((e) => e.start >= words.start && e.end <= words.end)),
    );
    if (same) {
      list[list.indexOf(same)] = hemiparesis;
      replaced.push({ ...same, reason: { ...same.reason, note: `one-sided weakness with a stroke: ${info.code}` } });
      return;
    }
    const after = list.findIndex((c) => STROKE.test(c.code) && (statementOf(c)?.index === st.index || c === acute));
    list = [...list.slice(0, after + 1), hemiparesis, ...list.slice(after + 1)];
  };
  // Written in the statement that names the stroke ("Recent cerebrovascular accident with right-sided weakness").
  for (const stroke of stated) {
    const st = statementOf(stroke);
    const m = st ? ONE_SIDE.exec(doc.view.slice(st.start, st.end)) : null;
    if (st && m) add(m, st, stroke);
  }
  // Told in the history or the course of an acute stroke the provider diagnoses.
  for (const s of acute ? [...claim, ...considered] : []) {
    if (!WEAKNESS.test(s.code) || s.assertion !== 'present' || !(toldOnly(s) || TOLD_IN.has(s.section))) continue;
    const st = statementOf(s);
    const m = st ? ONE_SIDE.exec(doc.view.slice(st.start, st.end)) : null;
    if (st && m) add(m, st, s, s);
  }
  if (!acute) return { claim: list, replaced };
  // The deficits of the acute stroke told in the history or the course (facial droop, slurred
  // speech, aphasia, dysphagia) are coded with it: they are not part of the infarction's code.
  const deficits = considered.filter(
    (s) =>
      s.system === 'ICD-10-CM' &&
      s.assertion === 'present' &&
      toldOnly(s) &&
      STROKE_DEFICITS.some((p) => s.code.startsWith(p)) &&
      !list.some((c) => c.code === s.code || (c.code.startsWith('G81') && s.code.startsWith('G81'))),
  );
  const unique = deficits.filter((s, i) => deficits.findIndex((d) => d.code === s.code) === i);
  const after = list.findLastIndex((c) => c === acute || c.reason.note === WHY);
  list = [
    ...list.slice(0, after + 1),
    ...unique.map((s) => ({ ...s, reason: { ...s.reason, note: DEFICIT_WHY } })),
    ...list.slice(after + 1),
  ];
  return { claim: list, replaced };
}

/** Sections that tell the present illness or the stay: a weakness reading another reading covers is still told there. */
const TOLD_IN = new Set(['hpi', 'course', 'preamble', 'chief_complaint']);

const DEFICIT_WHY =
  'a deficit of the acute stroke the record documents: coded with the infarction, which does not include it (Guidelines I.C.9.d, IV.A)';

/**
 * A reading set aside only because it is told outside the diagnostic statements (the history, the
 * course), or as the reason for the visit the diagnosis explains: a deficit is no symptom the
 * infarction's code includes.
 */
function toldOnly(s: Suggestion): boolean {
  return (
    s.reason.note === NARRATIVE_ONLY_WHY ||
    s.reason.note === NOT_DIAGNOSTIC_WHY ||
    s.reason.note === REASON_EXPLAINED_WHY
  );
}
