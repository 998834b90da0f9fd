import type { Suggestion } from './schema';

/** Malignant neoplasms of a stated site or type: C00-C76 solid primaries, C81-C96 lymphoid and blood. */
const SITED = /^C(?:[0-6]\d|7[0-6]|8[1-9]|9[0-6])/;

/**
 * "Malignant neoplasm, unspecified" (C80.1) is for a cancer whose primary site cannot be
 * determined (Guidelines I.C.2.k; C80.0 likewise, I.C.2.j): beside a malignant neoplasm coded with its site ("neuroblastoma
 * of the right adrenal gland" C74.91), a bare "neuroblastoma" elsewhere in the note is that same
 * cancer, not a second one.
 */
export function dropUnspecifiedPrimary(claim: Suggestion[]): { claim: Suggestion[]; moved: Suggestion[] } {
  const sited = claim.find((s) => s.system === 'ICD-10-CM' && SITED.test(s.code));
  if (!sited) return { claim, moved: [] };
  const moved = claim.filter((s) => s.system === 'ICD-10-CM' && s.code.startsWith('C80.'));
  return {
    claim: claim.filter((s) => !moved.includes(s)),
    moved: moved.map((s) => ({
      ...s,
      reason: {
        ...s.reason,
        note: `the cancer is coded with its site (${sited.code}): no unspecified primary beside it (Guidelines I.C.2.j-k)`,
      },
    })),
  };
}
