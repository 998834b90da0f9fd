import type { CodePack } from '../pack/code-pack';
import type { Suggestion } from './schema';

/**
 * History, family history, status and long-term drug codes say what else is true of the patient;
 * they are reported after the condition the encounter is for (Guidelines IV.G, I.C.21.c.3-4:
 * history and status codes are secondary); so are the weeks of gestation (Z3A, an additional code
 * to the pregnancy's O code: Tabular "use additional code" at O00-O9A). When such a code would
 * lead the claim and a condition code is on it, the first condition takes the lead; the rest keep
 * their order. One exception is
 * the visit for the opening itself: an artificial opening the patient comes to have closed,
 * reversed or revised is "attention to" it (Z43.-, the Z93 code's twin; Index: Attention to,
 * colostomy; Closure, colostomy), first-listed; another is the follow-up of a transplant, whose
 * status leads when the visit is for it.
 */
const SECONDARY_ONLY = /^Z(?:3A|79|8[0-9]|9[0-9])/;
const ATTENTION = /\b(?:reversal|reverse|reversed|takedown|take down|closure|close|closed|revision|revise)\b/i;
const OPENING = /\b\w*ostomy\b/i;

/**
 * The visit is for the transplanted organ: the reason for the visit or the chief complaint names the
 * transplant ("REASON FOR VISIT: Kidney transplant."), a transplant follow-up whose first statement
 * is the organ's status; the status leads (the Z94 codes are not among the secondary-only Z codes of
 * Guidelines I.C.21.c.16).
 */
const FOR_THE_TRANSPLANT =
  /\b(?:reason for (?:the )?(?:visit|consultation|referral|encounter)|chief complaint)\s*:[\s,]*[^\n.:]{0,60}\btransplant/i;

/** The visit is for the opening: a sentence pairs a closure word with an "-ostomy" word. */
function forTheOpening(text: string): boolean {
  return text.split(/[.\n]/).some((s) => ATTENTION.test(s) && OPENING.test(s));
}

export function conditionFirst(pack: CodePack, text: string, claim: Suggestion[]): Suggestion[] {
  return siteBeforeChronicPain(text, courseDiagnosisFirst(statusAfterCondition(pack, text, claim)));
}

/** Pain codes by site: chest, abdomen, head, joint, back and neck, limb. */
const SITE_PAIN = /^(?:R07|R10|R51|M25\.5|M54|M79\.6)/;
const PAIN_MANAGEMENT =
  /\bpain (?:management|control|clinic|service|specialist|pump)\b|\bfor (?:his|her|their)? ?pain\b/i;

/**
 * "Chronic abdominal pain" is G89.29 and R10.9: the G89 code comes first only when the encounter is
 * for pain control or management; for any other reason the code of the pain's site leads and G89
 * follows (Guidelines I.C.6.b.1.b).
 */
function siteBeforeChronicPain(text: string, claim: Suggestion[]): Suggestion[] {
  const icd = claim.filter((s) => s.system === 'ICD-10-CM');
  const lead = icd[0];
  if (!lead || !/^G89\.[0-4]/.test(lead.code) || PAIN_MANAGEMENT.test(text)) return claim;
  const site = icd.find((s) => s !== lead && SITE_PAIN.test(s.code));
  return site ? [site, ...claim.filter((s) => s !== site)] : claim;
}

/**
 * A note with no diagnostic statement (a hospital course with no discharge diagnoses): the
 * diagnosis the course establishes is the reason for the stay, not the symptoms that led to it
 * (Guidelines IV.D: symptom codes when no diagnosis is established; I.B.5). Only a condition read
 * as present from the course, and only when the claim would lead with a symptom.
 */
function courseDiagnosisFirst(claim: Suggestion[]): Suggestion[] {
  const icd = claim.filter((s) => s.system === 'ICD-10-CM');
  if (!icd[0]?.code.startsWith('R') || icd.some((s) => s.section === 'diagnostic')) return claim;
  const established = icd.find((s) => s.section === 'course' && s.assertion === 'present' && /^[A-Q]/.test(s.code));
  return established ? [established, ...claim.filter((s) => s !== established)] : claim;
}

function statusAfterCondition(pack: CodePack, text: string, claim: Suggestion[]): Suggestion[] {
  const icd = claim.filter((s) => s.system === 'ICD-10-CM');
  const lead = icd[0];
  if (!lead || !SECONDARY_ONLY.test(lead.code) || lead.code === 'Z99.12') return claim;
  if (/^Z93\.\d$/.test(lead.code) && forTheOpening(text)) {
    const code = lead.code.replace(/^Z93/, 'Z43');
    const info = pack.codeInfo(code);
    if (info?.billable) {
      const attention: Suggestion = {
        ...lead,
        code,
        description: info.title,
        reason: {
          ...lead.reason,
          refinedFrom: lead.code,
          note: 'the visit is for the artificial opening itself: attention to it, first-listed (Index: Attention to; Guidelines I.C.21.c.7)',
        },
      };
      return [attention, ...claim.filter((s) => s !== lead)];
    }
  }
  if (/^Z94\./.test(lead.code) && FOR_THE_TRANSPLANT.test(text)) return claim;
  const condition = icd.find((s) => !s.code.startsWith('Z'));
  if (!condition) return claim;
  return [condition, ...claim.filter((s) => s !== condition)];
}
