import { dotIcd } from '../codesets/code-format';

/** CodiEsp gold TSV (`articleID<TAB>code`, lower case, dotted) -> upper-case dotted codes for each note id. */
export function parseGoldTsv(text: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const line of text.split(/\r?\n/)) {
    const [id, code] = line.split('\t');
    if (!id || !code) continue;
    const set = out.get(id) ?? new Set<string>();
    set.add(dotIcd(code.trim()));
    out.set(id, set);
  }
  return out;
}
