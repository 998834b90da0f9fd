import type { NoteDocument } from '../document/document';
import { setAside } from './set-aside';
import type { Suggestion } from './schema';

/** Chapter 19's open wounds and lacerations (S-codes whose title names an open wound or laceration). */
const OPEN_WOUND = /\b(?:open wound|laceration)\b/i;
/**
 * The statement says the wound is what an operation left: "open wound, right thigh, status post
 * excision of abscesses", "surgical wound", "postoperative wound", "incisional wound".
 */
const LEFT_BY_OPERATION =
  /\b(?:(?:status post|s\/p|after|following)\b[^.;]{0,60}?\b(?:excision|resection|debridement|amputation|surgery|operation|incision and drainage|i&d)|(?:surgical|post[- ]?operative|post[- ]?op|incisional) (?:wound|site|defect))/i;

/**
 * Chapter 19 classifies injuries from external causes (Guidelines I.C.19): the wound an operation
 * leaves ("Massive open wound, right thigh, status post right excision of multiple subcutaneous
 * abscesses") is no traumatic open wound. Its care is aftercare or the condition operated on,
 * which the claim codes from its own words; the injury code is set aside wherever one of its
 * statements says an operation left it (the story may call it an open wound elsewhere).
 */
export function dropSurgicalWounds(
  doc: NoteDocument,
  claim: Suggestion[],
): { claim: Suggestion[]; moved: Suggestion[] } {
  const moved = claim
    .filter((s) => s.system === 'ICD-10-CM' && s.code.startsWith('S') && OPEN_WOUND.test(s.description))
    .filter((s) =>
      s.evidence.some((e) => {
        const st = doc.statements.find((x) => e.start >= x.start && e.start < x.end);
        return st !== undefined && LEFT_BY_OPERATION.test(doc.view.slice(st.start, st.end));
      }),
    )
    .map((s) => ({
      ...s,
      reason: {
        ...s.reason,
        note: 'a wound an operation left, not an injury: chapter 19 codes injuries from external causes (Guidelines I.C.19)',
      },
    }));
  return setAside(claim, moved);
}
