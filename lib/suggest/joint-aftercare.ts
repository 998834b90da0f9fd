import type { CodePack } from '../pack/code-pack';
import type { NoteDocument } from '../document/document';
import type { Suggestion } from './schema';
import { guidelineSuggestion } from './guideline-suggestion';

/** A joint replaced (Z96.6-: hip, knee, shoulder, …): the status the aftercare follows. */
const JOINT_STATUS = /^Z96\.6/;
const AFTERCARE = 'Z47.1';
/**
 * A stay or visit whose purpose is the recovery from the operation: the patient admitted or
 * transferred to a transitional care, rehabilitation or skilled nursing unit, or seen for the
 * rehabilitation. Read in the note's own statements, not the family's or the plan for later.
 */
const RECOVERY_STAY =
  /\b(?:admitted|admission|transferred|transfer)\s+(?:to|into)\s+(?:the\s+|our\s+)?(?:[A-Z][\w']*\s+){0,3}(?:tcu|transitional care(?: unit)?|rehab(?:ilitation)?(?: unit| facility| center| hospital)?|acute rehab(?:ilitation)?|skilled nursing(?: facility| unit)?|snf|subacute(?: unit| care)?)\b/i;
const TELLS_THIS_STAY = new Set(['reason', 'narrative', 'diagnostic', 'plan', 'other']);
const WHY =
  'aftercare following joint replacement surgery: the stay is for the recovery from the operation, first-listed, with the joint status after it (Guidelines I.C.21.c.7)';

/**
 * "Status post right total hip replacement. The patient is admitted to the TCU": a stay for the
 * recovery from a joint replacement is aftercare, Z47.1 first-listed, followed by the joint's
 * status (Z96.6-) and the conditions treated (Guidelines I.C.21.c.7: aftercare codes are for the
 * encounter after the initial treatment, here the operation, while the patient recovers).
 */
export function jointAftercare(pack: CodePack, doc: NoteDocument, claim: Suggestion[], release: string): Suggestion[] {
  const joint = claim.find(
    (s) => JOINT_STATUS.test(s.code) && (s.assertion === 'present' || s.assertion === 'historical'),
  );
  if (!joint || claim.some((s) => s.code === AFTERCARE)) return claim;
  for (const st of doc.statements) {
    if (!TELLS_THIS_STAY.has(st.section.role)) continue;
    const m = RECOVERY_STAY.exec(doc.view.slice(st.start, st.end));
    if (!m) continue;
    const aftercare = guidelineSuggestion(pack, AFTERCARE, release, {
      text: doc.text,
      spans: [...joint.evidence.slice(0, 1), { start: st.start + m.index, end: st.start + m.index + m[0].length }],
      section: st.section.kind,
      matched: m[0],
      note: WHY,
    });
    if (!aftercare) return claim;
    return [aftercare, joint, ...claim.filter((s) => s !== joint)];
  }
  return claim;
}
