import type { Token } from '../text/tokens';
import type { SectionRole } from '../document/schema';

/** Words between "for" and the condition ("for her diabetes", "for the blood pressure"). */
const DETERMINERS = new Set(['his', 'her', 'their', 'the', 'a', 'an', 'its', 'this', 'that', 'chronic']);

/** "Significant for asthma", "evaluate for", "need for": a "for" no drug is given for. */
const NOT_A_DRUG = new Set([
  'significant',
  'positive',
  'negative',
  'inclusive',
  'notable',
  'remarkable',
  'history',
  'screened',
  'screening',
  'evaluate',
  'evaluated',
  'evaluation',
  'need',
  'risk',
]);

/**
 * A medication list names drugs, not diagnoses; but a drug given "for her diabetes" names the
 * condition it treats, in the provider's words: a current condition under treatment, read as a
 * chronic condition of the history is (it reaches the claim when it is one that affects care;
 * Guidelines IV.J). The drug alone still documents nothing.
 */
export function indicationRole(role: SectionRole, code: string, tokens: Token[], sources: number[]): SectionRole {
  // A status ("evaluate for need for home oxygen") is no condition a drug treats.
  if (role !== 'medications' || sources.length === 0 || code.startsWith('Z')) return role;
  let k = Math.min(...sources) - 1;
  while (k >= 0 && DETERMINERS.has(tokens[k]!.norm)) k--;
  return k >= 0 && tokens[k]!.norm === 'for' && !NOT_A_DRUG.has(tokens[k - 1]?.norm ?? '') ? 'history' : role;
}
