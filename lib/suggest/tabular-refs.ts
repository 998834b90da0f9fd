import type { CodePack, IcdLookup } from '../pack/code-pack';
import type { Suggestion } from './schema';

/**
 * The codes a Tabular instructional note names in its parentheses ("use additional code to
 * identify the stage of chronic kidney disease (N18.1-N18.4, N18.9)", "code first underlying
 * chronic kidney disease (CKD) (N18.-)"), as code prefixes.
 */
const CODE = String.raw`[A-Z]\d[0-9A-Z](?:\.[0-9A-Z]+)?`;
const GROUP = /\(([^()]*)\)/g;
const ITEM = new RegExp(`(${CODE})(?:\\.?-(?!\\s*[A-Z]\\d))?(?:\\s*-\\s*(${CODE})(?:\\.?-)?)?`, 'g');

/** The codes from one to another: "N18.1-N18.4" -> N18.1 … N18.4, "I10-I16" -> the categories I10 … I16. */
function categoryRange(a: string, b: string): string[] {
  const [x, y] = [a.slice(0, 3), b.slice(0, 3)];
  const stem = a.slice(0, -1);
  if (a.length === b.length && b.startsWith(stem) && /\d/.test(a.at(-1)!) && /\d/.test(b.at(-1)!)) {
    const out: string[] = [];
    for (let n = Number(a.at(-1)); n <= Number(b.at(-1)); n++) out.push(`${stem}${n}`);
    return out;
  }
  if (x === y) return [x];
  if (x[0] !== y[0] || !/^\d\d$/.test(x.slice(1)) || !/^\d\d$/.test(y.slice(1))) return [a, b];
  const out: string[] = [];
  for (let n = Number(x.slice(1)); n <= Number(y.slice(1)); n++) out.push(`${x[0]}${String(n).padStart(2, '0')}`);
  return out;
}

/**
 * The code prefixes a note's parentheses name: "(N18.1-N18.4, N18.9)" -> N18.1 … N18.4, N18.9;
 * "(F02.81-, F02.A1-)" -> F02.81, F02.A1; "(I10-I16)" -> I10 … I16.
 */
export function namedCodes(text: string): string[] {
  const out = new Set<string>();
  for (const g of text.matchAll(GROUP))
    for (const m of g[1]!.matchAll(ITEM)) for (const c of m[2] ? categoryRange(m[1]!, m[2]) : [m[1]!]) out.add(c);
  return [...out];
}

type NoteKind = 'useAdditionalCode' | 'codeAlso' | 'codeFirst';
const NOTES = new WeakMap<CodePack, Map<string, { from: string; text: string; codes: string[] }[]>>();
/** A code's instructional notes of the given kinds (its own and its category's), with the codes each names; cached per pack. */
export function instructionNotes(pack: CodePack, code: string, kinds: NoteKind[]) {
  let cache = NOTES.get(pack);
  if (!cache) NOTES.set(pack, (cache = new Map()));
  const key = `${code}|${kinds.join(',')}`;
  let notes = cache.get(key);
  if (!notes) {
    notes = ((pack.lookup(code) as IcdLookup | undefined)?.notes ?? [])
      .filter((n) => (kinds as string[]).includes(n.kind))
      .map((n) => ({ from: n.from, text: n.text, codes: namedCodes(n.text) }));
    cache.set(key, notes);
  }
  return notes;
}

/** Whether two suggestions were read from some of the same words of the note. */
export const sameWords = (a: Suggestion, b: Suggestion) =>
  a.evidence.some((e) => b.evidence.some((x) => e.start < x.end && x.start < e.end));
