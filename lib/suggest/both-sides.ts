import type { CodePack } from '../pack/code-pack';
import type { Suggestion } from './schema';
import { codeInfo } from './code-tree';
import { parentOf } from './lateralize';

/**
 * The right and the left code of one condition on the claim, read from different sentences
 * ("right total knee arthroplasty in 1993", "left total knee arthroplasty in 2003"), are reported
 * as the category's bilateral code when it has one (Guidelines I.B.13): Z96.651 and Z96.652 are
 * Z96.653. Found by the titles: siblings that differ only in "right" / "left", and a billable
 * sibling naming "bilateral" in the same place. The pair's second code moves to the alternatives.
 */
export function joinBothSides(pack: CodePack, claim: Suggestion[]): { claim: Suggestion[]; moved: Suggestion[] } {
  const moved: Suggestion[] = [];
  let list = [...claim];
  for (const right of claim) {
    if (right.system !== 'ICD-10-CM' || moved.includes(right)) continue;
    const title = codeInfo(pack, right.code)?.title ?? '';
    if (!/\bright\b/i.test(title)) continue;
    const siblings = codeInfo(pack, parentOf(right.code))?.children ?? [];
    const leftCode = siblings.find(
      (c) => c.title.toLowerCase() === title.replace(/\bright\b/i, 'left').toLowerCase(),
    )?.code;
    const left = list.find((s) => s.code === leftCode);
    // "Presence of right artificial knee joint" / "Presence of artificial knee joint, bilateral".
    const both = siblings.find((c) => /\bbilateral\b/i.test(c.title) && sameBesidesSide(c.title, title));
    if (!left || !both || !codeInfo(pack, both.code)?.billable || list.some((s) => s.code === both.code)) continue;
    const first = list.indexOf(right) < list.indexOf(left) ? right : left;
    const second = first === right ? left : right;
    const joined: Suggestion = {
      ...first,
      code: both.code,
      description: codeInfo(pack, both.code)!.title,
      evidence: [...first.evidence, ...second.evidence].sort((a, b) => a.start - b.start),
      reason: { ...first.reason, refinedFrom: first.code, refinedBy: ['both sides documented (Guidelines I.B.13)'] },
    };
    list = list.map((s) => (s === first ? joined : s)).filter((s) => s !== second);
    moved.push(
      { ...first, reason: { ...first.reason, note: `both sides documented: ${both.code} (Guidelines I.B.13)` } },
      { ...second, reason: { ...second.reason, note: `both sides documented: ${both.code} (Guidelines I.B.13)` } },
    );
  }
  return { claim: list, moved };
}

/** Whether two titles have the same words once the side ("right", "left", "bilateral") is set aside. */
function sameBesidesSide(a: string, b: string): boolean {
  const words = (t: string) =>
    t
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w && !['right', 'left', 'bilateral'].includes(w))
      .sort()
      .join(' ');
  return words(a) === words(b);
}
