import type { CodePack } from '../pack/code-pack';
import { isPastEvent } from '../pack/specificity';
import type { Suggestion } from './schema';
import { setAside } from './set-aside';

/**
 * A chronic condition the history tells ("history of high cholesterol", E78.00) beside the
 * diagnostic statement's code of the same category ("Hyperlipidemia", E78.5) is that condition
 * told twice, not a second diagnosis: one condition, one code, and the provider's diagnostic
 * statement names it (Guidelines I.B.7 multiple codes only where the classification asks for them;
 * IV.A the diagnostic statement). The history's code moves to the alternatives. Status and
 * history Z codes are not conditions of this kind, nor a past event the category keeps (I25.2 old
 * MI beside I25.9), nor a history the assessment itself writes.
 */
export function dropHistoryBesideStatement(
  pack: CodePack,
  claim: Suggestion[],
): { claim: Suggestion[]; moved: Suggestion[] } {
  // The statement names the condition in general words ("Hyperlipidemia, unspecified"): a category
  // of several conditions (I25: coronary disease, an old infarction, a cardiomyopathy) keeps a
  // history of another of them.
  const stated = claim.filter(
    (s) =>
      s.system === 'ICD-10-CM' &&
      s.assertion === 'present' &&
      s.section === 'diagnostic' &&
      /\bunspecified\b/i.test(pack.codeInfo(s.code)?.title ?? ''),
  );
  const moved = claim.flatMap((h) => {
    if (h.system !== 'ICD-10-CM' || h.assertion !== 'historical' || h.section === 'diagnostic') return [];
    if (/^[VWXYZ]/.test(h.code) || isPastEvent(h.description)) return [];
    const same = stated.find((s) => s.code !== h.code && s.code.slice(0, 3) === h.code.slice(0, 3));
    if (!same) return [];
    const note = `the condition the diagnostic statement codes (${same.code}), told again in the history: one condition, one code (Guidelines I.B.7, IV.A)`;
    return [{ ...h, reason: { ...h.reason, note } }];
  });
  return setAside(claim, moved);
}
