import { setAside } from './set-aside';
import type { Suggestion } from './schema';

/** "Unspecified injury of face", "Injury, unspecified": an injury code that names no kind of injury. */
const NO_KIND = /^(?:unspecified injury of|injury, unspecified)\b/i;

/**
 * An injury of no stated kind beside a specified injury of the same body region ("injuries of the
 * face" S09.93XA beside "lacerations on the face" S01.81XA; chapter 19 blocks by region, S00-S09
 * the head) is that injury read with less detail: the claim codes the injury the note specifies
 * (Guidelines I.B.2, I.C.19.b). A body region with no specified injury keeps it.
 */
export function dropUnspecifiedInjuries(claim: Suggestion[]): { claim: Suggestion[]; moved: Suggestion[] } {
  const icd = claim.filter((s) => s.system === 'ICD-10-CM');
  const specified = icd.filter((s) => s.code.startsWith('S') && !NO_KIND.test(s.description));
  const moved = icd
    .filter((s) => NO_KIND.test(s.description))
    .map((s) => ({
      s,
      by: specified.find((o) => s.code.startsWith('T14') || o.code.slice(0, 2) === s.code.slice(0, 2)),
    }))
    .filter((x) => x.by !== undefined)
    .map(({ s, by }) => ({
      ...s,
      reason: {
        ...s.reason,
        note: `an injury of no stated kind beside the specified injury of the same region (${by!.code}): the same injury with less detail (Guidelines I.B.2, I.C.19.b)`,
      },
    }));
  return setAside(claim, moved);
}
