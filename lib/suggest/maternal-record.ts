import type { CodePack } from '../pack/code-pack';
import type { NoteDocument } from '../document/document';
import { isNewborn } from './newborn';
import type { Suggestion } from './schema';
import { setAside } from './set-aside';

/** Weeks of gestation (Z3A) and the pregnancy chapter (O00-O9A): the mother's record only. */
const MATERNAL_ONLY = /^(?:Z3A\.|O)/;
const WEEKS_CODE = /^Z3A\./;
/**
 * A count of weeks: "36 weeks'", "29-3/7 weeks", "8 to 9 weeks" (the lower bound: the completed
 * weeks are at least that many, never more than written).
 */
const WEEK_COUNT =
  /\b(\d{1,2})(?:\s*(?:to|-|–)\s*\d{1,2})?(?:\s*(?:and\s+)?[- ]?\d\s*\/\s*7)?\s*[- ]?\s*(?:weeks?|wks?)\b/gi;

/** The completed weeks the note writes beside the suggestion's week word, if any. */
function writtenWeeks(text: string, s: Suggestion): number | undefined {
  for (const e of s.evidence) {
    const from = Math.max(0, e.start - 24);
    for (const m of text.slice(from, e.end).matchAll(WEEK_COUNT)) {
      // The week word itself must be the evidence's, not a count earlier in the sentence.
      if (from + m.index + m[0].length <= e.start) continue;
      // "less than 8 weeks" is under 8 (Z3A.01); "less than 20 weeks" gives no count.
      if (
        /\b(?:less than|under|fewer than)\s*$|<\s*$/i.test(text.slice(Math.max(0, from + m.index - 14), from + m.index))
      )
        return Number(m[1]) <= 8 ? 7 : undefined;
      return Number(m[1]);
    }
  }
  return undefined;
}

/** Z3A's code for a count of completed weeks: under 8 (Z3A.01), 8 to 42 by the week, over 42 (Z3A.49). */
export function weeksCode(weeks: number): string {
  return weeks < 8 ? 'Z3A.01' : weeks > 42 ? 'Z3A.49' : `Z3A.${String(weeks).padStart(2, '0')}`;
}

const NEWBORN_RECORD_WHY =
  "the record is the newborn's: weeks of gestation and pregnancy codes belong on the mother's record only (Guidelines I.C.15.a.1, I.C.16.a.1; the newborn's own gestational age is P07.-)";
const MATERNAL_RECORD_WHY =
  "the record is the mother's (a pregnancy code is on the claim): perinatal codes are for the baby's record (Guidelines I.C.16.a.1); on the mother's, a condition of the fetus is maternal care (O35-O36)";

/** The claim without the diagnosis codes `leaves` picks, moved aside with the reason. */
function moveOut(
  claim: Suggestion[],
  leaves: (s: Suggestion) => boolean,
  why: string,
): { claim: Suggestion[]; moved: Suggestion[] } {
  return setAside(
    claim,
    claim
      .filter((s) => s.system === 'ICD-10-CM' && leaves(s))
      .map((s) => ({ ...s, reason: { ...s.reason, note: why } })),
  );
}

/**
 * The mother's record and the baby's. Z3A and the pregnancy chapter are for the maternal record
 * only, and the perinatal chapter for the baby's (Tabular note at Z3A; Guidelines I.C.15.a.1,
 * I.C.16.a.1): on a newborn's record the first go; on a record with a pregnancy code the second
 * ("fetal demise" is no stillbirth P95 on the mother's claim).
 */
export function maternalRecord(
  pack: CodePack,
  doc: NoteDocument,
  claim: Suggestion[],
): { claim: Suggestion[]; moved: Suggestion[] } {
  if (!claim.some((s) => s.system === 'ICD-10-CM' && MATERNAL_ONLY.test(s.code))) return { claim, moved: [] };
  if (isNewborn(doc)) return moveOut(claim, (s) => MATERNAL_ONLY.test(s.code), NEWBORN_RECORD_WHY);
  const mother = moveOut(claim, (s) => /^P/.test(s.code), MATERNAL_RECORD_WHY);
  const weeks = weeksAsWritten(pack, doc.text, mother.claim);
  return { claim: weeks.claim, moved: [...mother.moved, ...weeks.moved] };
}

/**
 * On the mother's record the week count is the number written beside "weeks" — not any number of
 * the sentence (a "28-year-old" is no 28 weeks), and a count written without the word "pregnancy"
 * ("fetal demise at 36 weeks' gestation") is still the count, not "weeks not specified".
 */
function weeksAsWritten(
  pack: CodePack,
  text: string,
  claim: Suggestion[],
): { claim: Suggestion[]; moved: Suggestion[] } {
  const moved: Suggestion[] = [];
  const out: Suggestion[] = [];
  for (const s of claim) {
    const weeks = s.system === 'ICD-10-CM' && WEEKS_CODE.test(s.code) ? writtenWeeks(text, s) : undefined;
    const code = weeks === undefined ? s.code : weeksCode(weeks);
    const info = code === s.code ? undefined : pack.codeInfo(code);
    const next = info?.billable
      ? {
          ...s,
          code: info.code,
          description: info.title,
          reason: { ...s.reason, note: `${weeks} completed weeks of gestation written beside the week word` },
        }
      : s;
    if (next !== s) moved.push(s);
    // Two readings of one count ("28-year-old … at 8 weeks' gestation") are one code.
    if (WEEKS_CODE.test(next.code) && out.some((o) => o.code === next.code)) {
      if (next === s) moved.push(s);
      continue;
    }
    out.push(next);
  }
  return { claim: out, moved };
}
