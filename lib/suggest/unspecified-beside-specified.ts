import type { CodePack } from '../pack/code-pack';
import { unspecifiedReadingOf } from '../pack/specificity';
import { instructionNotes, sameWords } from './tabular-refs';
import type { Suggestion } from './schema';
import { setAside } from './set-aside';

/**
 * One condition, one code: where the note names a condition once in general words ("atrial
 * fibrillation", I48.91) and once specifically ("chronic atrial fibrillation", I48.20), the
 * unspecified code is the same condition read with less detail, not a second diagnosis
 * (Guidelines I.A.9: unspecified codes are for a record that lacks the detail; I.B.2). The
 * unspecified reading is decided where the two codes' branches part in the Tabular — the same
 * test as the `unspecified-beside-specified` check, so the panel never suggests what the check
 * would flag. It moves to the alternatives.
 */
/**
 * "Benign prostatic hyperplasia without lower urinary tract symptoms" (N40.0) beside "… with lower
 * urinary tract symptoms" (N40.1): the absence is the default reading of words that did not say
 * the symptoms; where the note says them, the two codes contradict each other and the "with" one
 * is what the note documents. Siblings of one category whose titles differ only by with/without.
 */
function defaultAbsenceBeside(pack: CodePack, a: string, b: string): boolean {
  if (a === b || a.slice(0, 3) !== b.slice(0, 3)) return false;
  const ta = pack.codeInfo(a)?.title ?? '';
  const tb = pack.codeInfo(b)?.title ?? '';
  return /\bwithout\b/i.test(ta) && ta.replace(/\bwithout\b/gi, 'with').toLowerCase() === tb.toLowerCase();
}

/**
 * The note's words of an unspecified code ("Anemia" D64.9, "cataract" H26.9) all in the title of
 * a code of another category on the claim ("Anemia in chronic kidney disease" D63.1, "Age-related
 * nuclear cataract" H25.12): the general word is the same condition the other code specifies.
 */
function generalWordsOf(pack: CodePack, a: Suggestion, b: Suggestion): boolean {
  if (a.code.slice(0, 3) === b.code.slice(0, 3)) return false;
  const ta = pack.codeInfo(a.code)?.title ?? '';
  const tb = pack.codeInfo(b.code)?.title ?? '';
  if (!/\bunspecified\b/i.test(ta) || !tb) return false;
  // A family history or status names another person's or a past condition; a code whose Tabular
  // note asks for the other one on the claim (I12.9 the CKD stage N18.-, R65.21 the infection
  // A41.9, I11.0 the heart failure I50.-) needs it beside it.
  if (b.code.startsWith('Z') && !a.code.startsWith('Z')) return false;
  // A current anemia is not the "chronic anemia" of the past history the other code reads.
  if (a.assertion === 'present' && b.assertion !== 'present') return false;
  const named = (x: string, y: string) =>
    instructionNotes(pack, x, ['useAdditionalCode', 'codeFirst', 'codeAlso']).some((n) =>
      n.codes.some((c) => y.startsWith(c)),
    );
  if (named(b.code, a.code) || named(a.code, b.code)) return false;
  const stem = (w: string) => w.replace(/(es|s)$/, '');
  // "Whooping cough … without pneumonia" says no pneumonia.
  const inB = new Set(
    (
      tb
        .toLowerCase()
        .replace(/\bwithout\b.*$/, '')
        .match(/[a-z]+/g) ?? []
    ).map(stem),
  );
  const said = a.evidence.flatMap((e) => e.text.toLowerCase().match(/[a-z]+/g) ?? []).map(stem);
  if (said.length > 0 && said.every((w) => inB.has(w))) return true;
  // The other code's own phrase in the note says more of the same words: "Pneumonia" beside
  // "Aspiration pneumonia" (J69.0 "Pneumonitis due to inhalation of food and vomit") is that
  // pneumonia. Phrase by phrase, and one of them longer: the same words twice ("Pneumonia" in a
  // COPD code that asks for the infection's code too) are no more detail.
  // Not a list written as one phrase ("asthma, allergic rhinitis"), nor a code that asks for
  // another to say what it is ("Postoperative ileus" K91.89: use additional code to further specify).
  const specify = instructionNotes(pack, b.code, ['useAdditionalCode']).some(
    (n) => n.codes.length === 0 && !/^(chapter|block|section)\b/i.test(n.from),
  );
  if (specify) return false;
  const phrase = (text: string) => new Set((text.toLowerCase().match(/[a-z]+/g) ?? []).map(stem));
  const mine = a.evidence.map((e) => phrase(e.text));
  const theirs = b.evidence.filter((e) => !/[,;/]/.test(e.text)).map((e) => phrase(e.text));
  const within = (x: Set<string>, y: Set<string>) => [...x].every((w) => y.has(w));
  return (
    mine.length > 0 &&
    mine.every((x) => x.size > 0 && theirs.some((y) => within(x, y))) &&
    mine.some((x) => theirs.some((y) => y.size > x.size && within(x, y)))
  );
}

/**
 * A history of cancer with no site (Z85.9, read from "thyroidectomy for papillary carcinoma in
 * 1992") beside a cancer the note names by its site (C73 or Z85.850): the same cancer, read
 * without the site the other code states.
 */
function unsitedCancer(a: Suggestion, b: Suggestion): boolean {
  return a.code === 'Z85.9' && b.code !== a.code && /^(C|Z85)/.test(b.code);
}

/**
 * A viral infection "of unspecified site" (B34.-) read from the same words as the infection of a
 * site ("Viral respiratory infection": J98.8): the site is specified, so the unsited code is the
 * same infection read without it.
 */
function unsitedInfection(a: Suggestion, b: Suggestion): boolean {
  return a.code.startsWith('B34') && !b.code.startsWith('B34') && sameWords(a, b);
}

export function dropUnspecifiedReadings(
  pack: CodePack,
  claim: Suggestion[],
): { claim: Suggestion[]; moved: Suggestion[] } {
  const icd = claim.filter((s) => s.system === 'ICD-10-CM');
  const moved: Suggestion[] = [];
  for (const a of icd) {
    const b = icd.find((x) => x !== a && !moved.includes(x) && unspecifiedReadingOf(pack, a.code, x.code));
    const c = b
      ? undefined
      : icd.find((x) => x !== a && !moved.includes(x) && defaultAbsenceBeside(pack, a.code, x.code));
    const d =
      b || c
        ? undefined
        : icd.find(
            (x) =>
              x !== a &&
              !moved.some((m) => m.code === x.code) &&
              (generalWordsOf(pack, a, x) || unsitedCancer(a, x) || unsitedInfection(a, x)),
          );
    if (!b && !c && !d) continue;
    moved.push({
      ...a,
      reason: {
        ...a.reason,
        note:
          (b ?? d)
            ? `${(b ?? d)!.code} states the same condition with more detail: an unspecified code is not reported beside it (Guidelines I.A.9)`
            : `${c!.code} states the same condition with what ${a.code} says is absent: the note documents it, so only ${c!.code} is reported`,
      },
    });
  }
  return setAside(claim, moved);
}
