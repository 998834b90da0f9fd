import { undotIcd } from '../codesets/code-format';

/*
 * Excludes1 notes name the excluded codes in parentheses: "(E10.-)", "(E08-E13)", "(N23)",
 * "(O24.-, O99.81-)". A trailing "-" or ".-" means "and every code below it".
 */
// A dash right before another code is a range (E08-E13), not the "and below" mark (E10.-).
const REF = /([A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?)(?:\.?-(?!\s*[A-Z][0-9]))?(?:\s*-\s*([A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?)(?:\.?-)?)?/g;

export function excludedRanges(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const paren of text.match(/\(([^()]*)\)/g) ?? []) {
    for (const m of paren.matchAll(REF)) {
      const start = undotIcd(m[1] as string);
      const end = m[2] ? undotIcd(m[2]) : start;
      out.push([start, end]);
    }
  }
  return out;
}

/** Does an (undotted) code fall in an inclusive prefix range? "E1122" is in ["E08","E13"]. */
export function inPrefixRange(code: string, [start, end]: [string, string]): boolean {
  return code >= start && (code <= end || code.startsWith(end));
}
