import type { CodePack } from '../pack/code-pack';
import type { Excludes1Pair } from '../pack/sections';
import type { Suggestion } from './schema';
import { setAside } from './set-aside';
import { sameWords } from './tabular-refs';

/**
 * Two diagnoses on the claim where the Tabular's Excludes1 note at one names the other's category
 * ("F19.1 other psychoactive substance abuse" excludes F19.2 dependence; G81 hemiplegia excludes
 * the stroke sequela I69.35-; F14.9 cocaine use excludes F14.1 and F14.2): the two are never
 * reported together (Guidelines I.A.12.a), and the condition the note sends elsewhere is classified
 * by the code it names. The code carrying the note moves to the alternatives.
 */
export function dropExcludedByPartner(
  pack: CodePack,
  claim: Suggestion[],
): { claim: Suggestion[]; moved: Suggestion[] } {
  const icd = claim.filter((s) => s.system === 'ICD-10-CM');
  const moved: Suggestion[] = [];
  // Within one category (F19.1 -> F19.2, F14.9 -> F14.1), or across categories when the other is a
  // combination read from the same words whose title names the bearer's condition ("acute gangrenous
  // cholecystitis with cholelithiasis": K81.0 Acute cholecystitis goes for K80.00 Calculus of
  // gallbladder with acute cholecystitis). Otherwise a note across categories may name the
  // unspecified form the bearer refines (S06 excludes head injury NOS S09.90) or a condition a
  // coder reports beside it, and does not say by itself which code stays.
  // The Excludes1 notes `s` carries that name `o`'s code.
  const notesOn = (s: Suggestion, o: Suggestion) =>
    pack
      .excludes1Between(s.code, o.code)
      .filter(
        (e) =>
          s.code.startsWith(e.from) && e.targets.some(([a, b]) => a === b && o.code.replace('.', '').startsWith(a)),
      );
  const excludes = (s: Suggestion, o: Suggestion) => notesOn(s, o).length > 0;
  const sends = (s: Suggestion, o: Suggestion) => {
    const notes = notesOn(s, o);
    return (
      notes.length > 0 &&
      (s.code.slice(0, 3) === o.code.slice(0, 3) || combinationOf(o, s) || notes.some((e) => ownConditionDueTo(s, e)))
    );
  };
  // A personal-history code (Z85-Z87) read outside the diagnostic statements and excluded with a
  // current condition the assessment states: the condition is current, so it is not history
  // (I.C.21.c.4): "Tobacco abuse" Z72.0 in the assessment, "he did quit chewing tobacco" Z87.891 in
  // the history of a patient "back to smoking". Between two conditions the Excludes1 note sends the
  // condition to the code it names, which may be the history's ("Alzheimer's" beside "dementia").
  const pastOnly = (s: Suggestion) => /^Z8[5-7]/.test(s.code) && s.section !== 'diagnostic';
  const stated = (s: Suggestion) => s.section === 'diagnostic' && s.assertion === 'present';
  for (const s of icd) {
    if (!pastOnly(s)) continue;
    const by = icd.find((o) => o !== s && stated(o) && (excludes(s, o) || excludes(o, s)));
    if (by)
      moved.push({
        ...s,
        reason: {
          ...s.reason,
          note: `${by.code}, which the diagnostic statement names, and ${s.code}, read outside it, exclude each other: the statement decides (Guidelines I.A.12.a, IV.A)`,
        },
      });
  }
  for (const s of icd) {
    if (moved.some((m) => m.code === s.code)) continue;
    // A note both ways (F17.2 and Z87.891 exclude each other) does not say which one stays.
    const by = icd.find((o) => o !== s && !moved.some((m) => m.code === o.code) && sends(s, o) && !sends(o, s));
    if (by)
      moved.push({
        ...s,
        reason: {
          ...s.reason,
          note: `${by.code} is on the claim, and the Excludes1 note of ${s.code} sends that condition there (Guidelines I.A.12.a)`,
        },
      });
  }
  return setAside(claim, moved);
}

/**
 * An Excludes1 note of the bearer's that names the partner's category names the bearer's own
 * condition due to it ("Cervicalgia" M54.2: "cervicalgia due to intervertebral cervical disc
 * disorder (M50.-)"): with that disorder on the claim, the pain is classified there.
 */
function ownConditionDueTo(bearer: Suggestion, note: Excludes1Pair): boolean {
  const own = bearer.description.toLowerCase().replace(/,? unspecified$/, '');
  return note.text.toLowerCase().startsWith(`${own} due to `);
}

/** Whether `combo` was read from words of `part` and its title names `part`'s whole title after "with". */
function combinationOf(combo: Suggestion, part: Suggestion): boolean {
  if (!sameWords(combo, part)) return false;
  const title = combo.description.toLowerCase();
  const w = title.indexOf(' with ');
  return w >= 0 && title.slice(w + 6).startsWith(part.description.toLowerCase().replace(/,? unspecified$/, ''));
}
