import { z } from 'zod';
import policyData from './data/claim-policy.json';
import mapData from './data/assertion-map.json';
import { SECTION_ROLES, type SectionRole } from '../document/schema';
import { isMalignancy } from './current-treatment';

const PolicySchema = z.strictObject({
  about: z.string(),
  roles: z.record(
    z.enum(SECTION_ROLES),
    z.strictObject({
      tier: z.number().int().nonnegative(),
      when: z.enum([
        'always',
        'chronic',
        'managed',
        'status',
        'surgical',
        'fallback',
        'symptoms_if_no_diagnosis',
        'never',
      ]),
      why: z.string(),
    }),
  ),
  status_prefixes: z.array(z.string()),
  surgical_prefixes: z.array(z.string()),
  history_prefixes: z.array(z.string()),
});
const POLICY = PolicySchema.parse(policyData);
const CHRONIC = z.object({ chronic_prefixes: z.array(z.string()) }).parse(mapData).chronic_prefixes;

/** What a mention written only in the history or hospital course is told (it may still add specificity). */
export const NARRATIVE_ONLY_WHY = POLICY.roles.narrative.why;
export const HISTORY_ONLY_WHY = POLICY.roles.history.why;
/** Why an examination, review-of-systems or result reading stays off the claim. */
export const FINDINGS_WHY = POLICY.roles.findings.why;
export const NOT_DIAGNOSTIC_WHY = POLICY.roles.other.why;
/** What a reason-for-visit mention the diagnostic statements explain is told (it may still add specificity). */
export const REASON_EXPLAINED_WHY = POLICY.roles.reason.why;

export function isChronic(code: string): boolean {
  return CHRONIC.some((p) => code.startsWith(p));
}

export function isStatusCode(code: string): boolean {
  return POLICY.status_prefixes.some((p) => code.startsWith(p));
}

const isSymptom = (code: string) => code.startsWith('R');

/**
 * Whether a mention of `code` written in a section of this role reaches the claim, and at which
 * tier; `hasDiagnosis` = the note's diagnostic statements yield at least one code.
 */
export function claimDecision(
  role: SectionRole,
  code: string,
  hasDiagnosis: boolean,
  section?: string,
): { tier: number } | { why: string } {
  // External causes (V00-Y99) are reported voluntarily unless a payer or state mandates them
  // (Guidelines I.C.20): offered for review, never put on the claim by the words alone.
  if (/^[VWXY]/.test(code))
    return {
      why: 'external cause: not required unless a payer or state mandates it (Guidelines I.C.20); add it if your payer asks',
    };
  // An examination or observation the note names ("his physical examination", "Eye:" of the exam,
  // "under close observation") is not the reason for the encounter: a routine examination is read
  // from how the visit is described (encounter-reason.ts; Guidelines I.C.21.c.13).
  if (/^Z0[014]/.test(code))
    return { why: 'an examination named in the note is not the reason for the encounter (Guidelines I.C.21.c.13)' };
  // A screening test the history or course tells of ("she had a mammogram and ultrasound, which
  // confirmed the right breast mass") was an earlier encounter's, and one that found a sign was
  // diagnostic: screening is this encounter's reason only where the visit is described as one
  // (Guidelines I.C.21.c.5).
  if (/^Z1[1-3]/.test(code) && (role === 'narrative' || role === 'history'))
    return {
      why: 'a screening test the history or course tells of is an earlier test, not the reason for this encounter (Guidelines I.C.21.c.5)',
    };
  // Tobacco use is the patient's status wherever the note records it ("(Patient is a smoker.)" in the
  // review of systems): the chapters' "use additional code to identify tobacco use" asks for it.
  // An examination's "smells of cigarette smoke" is an observation, not the status.
  if (section === 'ros' && /^(?:F17\.2|Z72\.0)/.test(code)) return { tier: POLICY.roles.social.tier };
  const p = POLICY.roles[role];
  const keep = { tier: p.tier };
  switch (p.when) {
    case 'always':
      return keep;
    case 'chronic':
      // A malignancy still a malignancy here (not mapped to its Z85 history code) is one under
      // treatment now: it affects care (I.C.2.d).
      return isChronic(code) || isMalignancy(code) || POLICY.history_prefixes.some((x) => code.startsWith(x))
        ? keep
        : { why: p.why };
    case 'managed':
      // A chronic disease the plan manages ("continue to follow with endocrinology for diabetes",
      // "strict control of her blood sugar") is addressed at the visit (IV.J); a status, a
      // procedure to come or a cancer only named there is not.
      return isChronic(code) && !/^[CDZ]/.test(code) ? keep : { why: p.why };
    case 'status':
      return isStatusCode(code) ? keep : { why: p.why };
    case 'surgical':
      return POLICY.surgical_prefixes.some((x) => code.startsWith(x)) ? keep : { why: p.why };
    case 'fallback':
      if (!hasDiagnosis) return keep;
      // Chronic conditions and status codes (devices, grafts, ostomies) affect care wherever written.
      return isChronic(code) || POLICY.history_prefixes.some((x) => code.startsWith(x))
        ? { tier: POLICY.roles.history.tier }
        : { why: p.why };
    case 'symptoms_if_no_diagnosis':
      if (!hasDiagnosis) return keep;
      return isSymptom(code) ? { why: p.why } : keep;
    default:
      return { why: p.why };
  }
}
