import type { Rule } from '../rule';

/**
 * An entry of the code list that is not a code as written (parseCodeList: a dot in the wrong
 * place, an ICD-10-CM code without its dot, a modifier that is not two characters, a word) would
 * otherwise vanish from the check and be rejected on the claim (HIPAA code-set formats: ICD-10-CM
 * with its dot in the product, CPT/HCPCS as five characters, modifiers as two).
 */
export const rule: Rule = {
  id: 'unparseable-code',
  kind: 'validity',
  title: 'Entry of the code list that is not a code as written',
  source:
    'HIPAA code-set formats (ICD-10-CM: letter, two characters, dot, up to four more; CPT/HCPCS: five characters; modifiers: two characters)',
  run({ encounter, pack }) {
    return encounter.unparsed.map((u) => {
      const known = u.meant ? pack.codeInfo(u.meant) : undefined;
      // A service code with a modifier that is not a modifier (99214-ZZ): name the code and the modifier.
      const modifier = /^modifier "([A-Z0-9]+)"/.exec(u.reason)?.[1];
      const service = modifier ? /^[^A-Z0-9]*([A-Z0-9]{5})\b/i.exec(u.text)?.[1]?.toUpperCase() : undefined;
      if (modifier && service) {
        return {
          severity: 'error' as const,
          message: `"${u.text}" (entry ${u.position}) is not read as a code: ${u.reason}`,
          rationale:
            'A line with a modifier that is not a valid modifier is left out of every other check and is rejected on the claim.',
          codes: [service],
          evidence: [],
          action: `Correct ${modifier} on ${service} to the modifier the record supports, or report ${service} without it.`,
        };
      }
      return {
        severity: 'error' as const,
        message: `"${u.text}" (entry ${u.position}) is not read as a code: ${u.reason}`,
        rationale: 'An entry that is not a valid code is left out of every other check and is rejected on the claim.',
        codes: known ? [known.code] : [],
        evidence: [],
        action: known
          ? `Write it as ${known.code} (${known.title}) if that is the code meant.`
          : 'Correct or remove this entry.',
      };
    });
  },
};
