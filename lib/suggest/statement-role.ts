import type { NoteDocument, Statement } from '../document/document';
import type { SectionRole } from '../document/schema';

/** The consultant's statement of the request ("I was asked to see the patient regarding CKD"): the reason (IV.G). */
const CONSULT_ASKED =
  /\b(?:i|we) (?:was|were|am|are|have been|had been) (?:asked|requested|consulted) to (?:see|evaluate|assess|consult on)\b[^.]{0,60}?\b(?:regarding|for|about|because of|in regards? to|with regards? to)\b/i;

/**
 * The disposition that states the diagnosis the patient leaves with ("The patient was discharged in
 * the care of his mother with a preliminary diagnosis of bilateral foot contusions"): the
 * emergency or urgent-care provider's diagnostic statement, wherever the note writes it (IV.A).
 */
const DISPOSITION_DIAGNOSIS =
  /\b(?:discharged|released|sent (?:home|out))\b[^.]{0,80}?\bwith (?:a|the|an) (?:(?:preliminary|final|working|discharge|clinical) )?(?:diagnosis|impression) of\b/i;

/**
 * The assessment's opening summary of the patient ("Miss B is a 59-year-old gravida 1 with stage
 * IIIC papillary serous adenocarcinoma of the ovary."): the provider names the patient's
 * conditions, a diagnostic statement (IV.A) even when story-long.
 */
const SUMMARY_LINE = /^[^.]{0,80}\b\d{1,3}[- ](?:year|month)s?[- ]old\b[^.]{0,80}?\b(?:with|who has)\b/i;

/**
 * How a coder reads each statement: by its section's role, except a story-like sentence outside
 * the numbered items of a numbered diagnostic list (the provider's summary of the history, not a
 * diagnostic statement), a consultant's statement of the request (the reason), the disposition's
 * diagnosis and a plan item's opening problem heading (diagnostic statements).
 */
export function statementRoles(doc: NoteDocument): (st: Statement) => SectionRole {
  const numbered = new Set(doc.statements.filter((st) => st.item !== undefined).map((st) => st.section));
  const storyLike = (st: Statement) => doc.view.slice(st.start, st.end).split(/\s+/).length >= 10;
  const opening = new Set(
    doc.sections.map((sec) => doc.statements.find((st) => st.section === sec)).filter((st) => st !== undefined),
  );
  return (st) =>
    st.section.role === 'diagnostic' &&
    st.item === undefined &&
    numbered.has(st.section) &&
    storyLike(st) &&
    !(opening.has(st) && SUMMARY_LINE.test(doc.view.slice(st.start, st.end)))
      ? 'narrative'
      : st.section.role === 'narrative' && CONSULT_ASKED.test(doc.view.slice(st.start, st.end))
        ? 'reason'
        : st.section.role !== 'family' && DISPOSITION_DIAGNOSIS.test(doc.view.slice(st.start, st.end))
          ? 'diagnostic'
          : isPlanProblemHeading(st, doc.view.slice(st.start, st.end))
            ? 'diagnostic'
            : st.section.role;
}

/**
 * "PLAN: 1. Hypotension. I would fluid replete ... 3. Fever and elevated white count. We will
 * continue current antibiotics ...": a plan numbered by problem names each problem it manages in
 * the item's first sentence. That sentence is the provider's diagnostic statement (Guidelines
 * IV.A: the conditions addressed at the visit), not a planned test or treatment. It is read so only
 * when it is a bare noun phrase: a short sentence with no word of an action, a state, a person or a
 * treatment ("Continue Lasix.", "We discussed weight loss options.", "Immunizations discussed and
 * updated with hepatitis B.", "Aggressive medical management including dialysis." stay the plan).
 */
const ACTION =
  /\b(will|would|shall|continue[ds]?|start(ed|ing)?|stop(ped)?|follow(ed|ing)?|check(ed)?|obtain(ed)?|order(ed)?|give|given|discontinue[ds]?|refer(red)?|recommend(ed)?|schedule[ds]?|consider(ed)?|plan(ned)?|get|repeat(ed)?|monitor(ed|ing)?|return|call|see|is|are|was|were|be|been|has|have|had|may|might|should|can|could|need(s|ed)?|to|please|if|as|per|we|i|he|she|they|you|patient|discuss(ed|ion)?|update[ds]?|management|treatment|therapy|including|options?|education|counsel(l?ing|l?ed)?|precautions|prophylaxis|encourag(ed|e)|advised?|asked|instructed|told|explained|reviewed|reassur(ed|ance)|sent|diet|exercise|for|with\s+(?:his|her|their|the)\s+(?:pcp|physician|doctor)|in|on|at|by|x|mg|daily|prn)\b|\d/i;

export function isPlanProblemHeading(st: Statement, text: string): boolean {
  if (st.section.role !== 'plan' || !st.opensItem) return false;
  const words = text
    .replace(/^\s*#?\d{1,2}[.)]?\s*/, '')
    .replace(/[.:;,\s]+$/, '')
    .trim();
  if (!words || words.split(/\s+/).length > 8) return false;
  return !ACTION.test(words);
}

/** "a 61-year-old, obese, African-American male": the words between the age and the person. */
const PATIENT_DESCRIPTORS =
  /\b\d{1,3}[- ](?:year|month)s?[- ]old\b([^.]{0,60}?)\b(?:male|female|man|woman|boy|girl|gentleman|lady|patient|child|infant)\b/gi;

/**
 * Whether a word at `at` (an offset into the statement's text) describes the patient in the
 * statement's opening ("This is a 67-year-old, obese male who has a history of hypertension"):
 * the description is a diagnosis the provider wrote, but the reason for the visit is what follows
 * "with" or "who has" (IV.G), so it is listed after the statement's other conditions.
 */
export function describesPatient(statement: string, at: number): boolean {
  for (const m of statement.matchAll(PATIENT_DESCRIPTORS)) {
    const from = m.index + m[0].indexOf(m[1]!, m[0].search(/old/i));
    if (at >= from && at < from + m[1]!.length) return true;
  }
  return false;
}
