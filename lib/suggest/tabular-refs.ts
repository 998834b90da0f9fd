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
