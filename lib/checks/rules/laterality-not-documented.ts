import { isIcd, type Rule } from '../rule';

const SIDE = /\b(right|left|bilateral)\b/i;

/**
 * Codes with sides: the unspecified-side code is for when the record does not say (Guidelines
 * I.B.13). If the note names the side, the sided code is required; if not, ask.
 */
export const rule: Rule = {
  id: 'laterality-not-documented',
  kind: 'documentation',
  title: 'Unspecified side reported for a code family with sides',
  source: 'ICD-10-CM Official Guidelines I.B.13 (laterality)',
  run({ encounter, pack }) {
    const out: ReturnType<Rule['run']> = [];
    for (const d of encounter.diagnoses) {
      if (!isIcd(d.code)) continue;
      const info = pack.codeInfo(d.code);
      const parent = info && pack.lookup(d.code);
      if (!info || !parent || parent.system !== 'ICD-10-CM') continue;
      // Sided siblings sit one or two levels up (S52.509A -> S52.509 -> S52.50: S52.501 right, S52.502 left).
      const siblings = parent.hierarchy.slice(-2).flatMap((h) => pack.codeInfo(h.code)?.children.map((c) => c.title) ?? []);
      const unspecifiedSide = /unspecified (side|eye|ear|limb|arm|leg|hand|foot|knee|hip|shoulder|elbow|wrist|ankle|[a-z]+ (radius|ulna|femur|tibia|fibula|humerus))|\bunspecified (radius|ulna|femur|tibia|fibula|humerus|breast|kidney|lung|ovary|testis)\b/i.test(info.title);
      if (!unspecifiedSide || !siblings.some((t) => /\bright\b/i.test(t))) continue;
      const side = encounter.note ? SIDE.exec(encounter.note) : null;
      out.push({
        severity: 'warning',
        message: side ? `${d.code} (${info.title}) is reported, but the note says "${side[0]}"` : `${d.code} (${info.title}): the side is not documented`,
        rationale: 'The unspecified-side code is only for records that do not say the side.',
        codes: [d.code],
        evidence: side ? [{ start: side.index, end: side.index + side[0].length, text: side[0] }] : [],
        action: side ? `Report the ${side[0].toLowerCase()}-sided code of this family.` : 'Send a provider query for the side (right, left, bilateral, other, clinically undetermined).',
      });
    }
    return out;
  },
};
