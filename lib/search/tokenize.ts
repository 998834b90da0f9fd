/**
 * Tokens for code search: lower case, accents folded, split on anything not a letter or digit,
 * a light English plural strip ("kidneys" -> "kidney", "injuries" -> "injury"), and the
 * connective words that carry no meaning for ranking dropped. "without" is kept on purpose:
 * ICD titles differ by it ("with" / "without complications").
 */
const STOP = new Set([
  'a',
  'an',
  'the',
  'of',
  'and',
  'or',
  'with',
  'in',
  'on',
  'to',
  'for',
  'by',
  'as',
  'at',
  'from',
  'is',
  'nos',
  'nec',
]);

export function stem(t: string): string {
  if (t.length <= 3 || /\d/.test(t)) return t;
  if (t.endsWith('ies') && t.length > 4) return `${t.slice(0, -3)}y`;
  if (/(ss|us|is|ous)$/.test(t)) return t;
  if (/(ches|shes|xes|ses)$/.test(t)) return t.slice(0, -2);
  if (t.endsWith('s')) return t.slice(0, -1);
  return t;
}

export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)) {
    if (raw === '' || STOP.has(raw)) continue;
    out.push(stem(raw));
  }
  return out;
}
