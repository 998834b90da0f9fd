import type { CodePack } from '../pack/code-pack';
import type { NoteDocument } from '../document/document';
import type { Suggestion } from './schema';

/** Pain codes a coder replaces when the provider ties the pain to the cancer: chronic, acute, unspecified. */
const PAIN = /^(?:G89\.[12]|R52)/;
/** Malignant neoplasms, primary or secondary (C00-C96). */
const MALIGNANT = /^C(?:[0-8]\d|9[0-6])/;
/** Words that say the cancer causes the pain ("it causes some chronic pain", "pain due to the tumor"). */
const LINK = /\b(?:caus(?:e|es|ed|ing)|due to|secondary to|related to|from|because of)\b/i;

/**
 * Pain the provider documents as caused by a cancer or its tumor is "neoplasm related pain" G89.3
 * (Guidelines I.C.6.b.5; Index: Pain, neoplasm related): read when one statement names the cancer on
 * the claim, the pain and a word linking them ("she has mesothelioma ... and it causes some chronic
 * pain"). The pain code of that statement gives way to G89.3.
 */
export function neoplasmRelatedPain(
  pack: CodePack,
  doc: NoteDocument,
  claim: Suggestion[],
): { claim: Suggestion[]; replaced: Suggestion[] } {
  const cancers = claim.filter((s) => s.system === 'ICD-10-CM' && MALIGNANT.test(s.code));
  const info = pack.codeInfo('G89.3');
  if (cancers.length === 0 || !info || claim.some((s) => s.code === 'G89.3')) return { claim, replaced: [] };
  const replaced: Suggestion[] = [];
  let added = false;
  const out = claim.flatMap((s) => {
    if (s.system !== 'ICD-10-CM' || !PAIN.test(s.code)) return [s];
    const linked = s.evidence.some((e) => {
      const st = doc.statements.find((x) => x.start <= e.start && e.end <= x.end);
      if (!st) return false;
      const tied = cancers.some((c) => c.evidence.some((ce) => ce.start >= st.start && ce.end <= st.end));
      return tied && LINK.test(doc.view.slice(st.start, st.end));
    });
    if (!linked) return [s];
    replaced.push({
      ...s,
      reason: {
        ...s.reason,
        note: 'the provider ties the pain to the cancer: neoplasm related pain G89.3 (I.C.6.b.5)',
      },
    });
    if (added) return [];
    added = true;
    return [
      {
        ...s,
        code: info.code,
        description: info.title,
        billable: info.billable,
        reason: {
          ...s.reason,
          via: 'guideline',
          note: 'pain the provider ties to the cancer is neoplasm related pain (Guidelines I.C.6.b.5; Index: Pain, neoplasm related)',
        },
      },
    ];
  });
  return { claim: out, replaced };
}
