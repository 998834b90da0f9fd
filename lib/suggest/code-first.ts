import type { CodePack } from '../pack/code-pack';
import type { Suggestion } from './schema';
import { instructionNotes, sameWords as overlaps } from './tabular-refs';

/** The code prefixes a code's "code first" notes name (D63.1 -> N18; F02.80 -> G30, G20 …). */
const codeFirstOf = (pack: CodePack, code: string) => [
  ...new Set(instructionNotes(pack, code, ['codeFirst']).flatMap((n) => n.codes)),
];

/**
 * "Code first" notes of the Tabular (Guidelines I.A.13, etiology/manifestation; I.B.7-9): a code
 * whose note asks for the underlying condition first is reported after it ("anemia in chronic
 * kidney disease stage 4": N18.4, then D63.1). Only the code's own words count: when they were
 * read as the underlying condition too, that code moves up to just before it, or joins the claim
 * there from the alternatives (the longer reading covered it). A condition told elsewhere is not
 * presumed to be the cause: "code first … such as" lists possible causes (F02 names
 * hypothyroidism), not this patient's.
 */
export function codeFirst(
  pack: CodePack,
  claim: Suggestion[],
  alternatives: Suggestion[],
): { claim: Suggestion[]; added: Suggestion[] } {
  let list = [...claim];
  const added: Suggestion[] = [];
  for (const c of claim) {
    if (c.system !== 'ICD-10-CM') continue;
    const wanted = codeFirstOf(pack, c.code);
    if (wanted.length === 0) continue;
    const answers = (s: Suggestion) => s.system === 'ICD-10-CM' && wanted.some((p) => s.code.startsWith(p));
    const at = list.indexOf(c);
    if (list.slice(0, at).some(answers)) continue;
    const why = (s: Suggestion) =>
      `${c.code} says to code first the underlying condition, ${s.code} (Tabular "code first"; Guidelines I.A.13)`;
    const below = list.slice(at + 1).find((s) => answers(s) && overlaps(s, c));
    const pick =
      below ??
      alternatives.find(
        (a) => answers(a) && a.assertion === 'present' && overlaps(a, c) && !list.some((s) => s.code === a.code),
      );
    if (!pick) continue;
    if (!below) added.push(pick);
    const rest = list.filter((s) => s !== pick);
    const i = rest.indexOf(c);
    list = [...rest.slice(0, i), { ...pick, reason: { ...pick.reason, note: why(pick) } }, ...rest.slice(i)];
  }
  // The other way round: a combination read from the manifestation's own words ("diabetic
  // gastroparesis" E11.43) whose manifestation code asks for it first (K31.84 "code first ...
  // diabetes mellitus (E11.43)"): the manifestation is reported too, right after it (I.A.13).
  for (const a of alternatives) {
    if (a.system !== 'ICD-10-CM' || a.assertion !== 'present' || list.some((s) => s.code === a.code)) continue;
    const named = codeFirstOf(pack, a.code).filter((p) => p.length > 3);
    const etiology = list.find(
      (s) => s.system === 'ICD-10-CM' && named.some((p) => s.code.startsWith(p)) && overlaps(a, s),
    );
    if (!etiology || list.some((s) => s.code.slice(0, 3) === a.code.slice(0, 3))) continue;
    // The etiology's own note names the manifestation codes it takes (E11.621: the ulcer's site,
    // L97.4-, L97.5-): a reading outside them is the wrong one, and the additional-code step decides.
    const asked = instructionNotes(pack, etiology.code, ['useAdditionalCode'])
      .filter((n) => n.from === etiology.code)
      .flatMap((n) => n.codes);
    if (asked.length > 0 && !asked.some((p) => a.code.startsWith(p))) continue;
    const note = `${a.code} says to code first ${etiology.code}, which the same words name: both are reported (Tabular "code first"; Guidelines I.A.13)`;
    const picked = { ...a, reason: { ...a.reason, note } };
    list.splice(list.indexOf(etiology) + 1, 0, picked);
    added.push(picked);
  }
  return { claim: list, added };
}
