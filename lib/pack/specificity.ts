import type { CodePack, CodeRef } from './code-pack';

const UNSPECIFIED = /\bunspecified\b|\bwithout complications?\b|, NOS\b/gi;

const unspecifiedCount = (title: string) => title.match(UNSPECIFIED)?.length ?? 0;

/** Words that qualify rather than name a condition. */
const QUALIFIERS = new Set(
  'unspecified other and of the with without in nos site type part complications complication or to for by a an'.split(
    ' ',
  ),
);

/** The words of a title that name the condition (lower case, qualifiers dropped). */
function conditionWords(title: string): string[] {
  return (title.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => !QUALIFIERS.has(w) && w.length > 1);
}

export interface Parting {
  /** Where the two codes' Tabular branches part: the child of their common ancestor on each side. */
  branchA: CodeRef;
  branchB: CodeRef;
  titleA: string;
  titleB: string;
}

function chain(pack: CodePack, code: string): CodeRef[] | undefined {
  const hit = pack.lookup(code);
  return hit?.system === 'ICD-10-CM'
    ? [...hit.hierarchy, { code: hit.code, title: hit.title, billable: hit.billable }]
    : undefined;
}

/**
 * Is `a` the unspecified reading of what `b` states? Both in one category, and where their
 * branches part in the Tabular, a's branch is the unspecified one ("unspecified", "without
 * complications") and b's is not: I48.91 (under I48.9 unspecified AF and flutter) against I48.20
 * (chronic AF); E11.9 against E11.65; not K80.60 against K80.50 (two different conditions).
 */
export function unspecifiedReadingOf(pack: CodePack, a: string, b: string): Parting | undefined {
  if (a === b || a.slice(0, 3) !== b.slice(0, 3)) return undefined;
  const ca = chain(pack, a);
  const cb = chain(pack, b);
  if (!ca || !cb) return undefined;
  let k = 0;
  while (k < ca.length && k < cb.length && ca[k]!.code === cb[k]!.code) k++;
  const branchA = ca[k];
  const branchB = cb[k];
  if (!branchA || !branchB) return undefined; // one is the other's ancestor
  // a's branch is the less specified one: more "unspecified" words than b's ("… unspecified part of
  // neck of unspecified femur" against "… unspecified part of neck of right femur").
  if (unspecifiedCount(branchA.title) <= unspecifiedCount(branchB.title)) return undefined;
  // "Other and unspecified atherosclerosis" is a residual branch for other kinds, not a reading of
  // the specified one; and the unspecified branch must name the same condition: its words found in
  // the specified code's titles ("Dysmenorrhea, unspecified" is not a reading of dyspareunia).
  if (/\band unspecified\b/i.test(branchA.title)) return undefined;
  // A past event the category keeps ("Old myocardial infarction", I25.2) is no reading of the
  // current disease ("Chronic ischemic heart disease, unspecified", I25.9): both are reported.
  if (isPastEvent(branchB.title)) return undefined;
  const said = cb.map((c) => c.title.toLowerCase()).join(' ');
  if (!conditionWords(branchA.title).every((w) => said.includes(w))) return undefined;
  // A combination ("Nausea with vomiting, unspecified", R11.2) is the unspecified reading only of a
  // code whose own branch names both its conditions: "Nausea" (R11.0) is one of them, not more of it.
  const own = cb
    .slice(k)
    .map((c) => c.title.toLowerCase())
    .join(' ');
  if (/\bwith\b/i.test(branchA.title) && !conditionWords(branchA.title).every((w) => own.includes(w))) return undefined;
  return { branchA, branchB, titleA: ca.at(-1)!.title, titleB: cb.at(-1)!.title };
}

/**
 * A past event a category keeps beside its current diseases ("Old myocardial infarction", I25.2,
 * in "Chronic ischemic heart disease"): no reading of the current disease, nor the same condition
 * told twice; both are reported (Guidelines I.C.9.e.4).
 */
export function isPastEvent(title: string): boolean {
  return /^old\b/i.test(title);
}
