import { setAside } from './set-aside';
import { sameWords } from './tabular-refs';
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

/**
 * A neoplasm of unspecified behavior (D49) is for a neoplasm whose behavior the note does not state
 * (Neoplasm Table, column 'Unspecified'; I.C.2): a D49 reading that shares the note's words with a
 * malignant neoplasm on the claim ("left renal cell carcinoma, left renal cyst" read again as a
 * neoplasm of the kidney) is that same neoplasm, whose behavior is stated.
 */
export function dropUnspecifiedBehavior(claim: Suggestion[]): { claim: Suggestion[]; moved: Suggestion[] } {
  const malignant = claim.filter((s) => s.system === 'ICD-10-CM' && /^C/.test(s.code));
  const moved = claim
    .filter((s) => s.system === 'ICD-10-CM' && s.code.startsWith('D49'))
    .flatMap((s) => {
      const same = malignant.find((m) => sameWords(s, m));
      return same
        ? [
            {
              ...s,
              reason: {
                ...s.reason,
                note: `the words name the malignant neoplasm ${same.code}: its behavior is stated, no neoplasm of unspecified behavior (I.C.2)`,
              },
            },
          ]
        : [];
    });
  return setAside(claim, moved);
}
