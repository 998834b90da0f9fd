import Papa from 'papaparse';
import { CodesetError } from '../codesets/errors';

/**
 * CPT descriptors are AMA copyright: the product ships none. A user with a licence imports their
 * own file (CSV with a code column and a descriptor column; a header row is optional), and the
 * descriptors stay in their browser profile. Codes are 4 digits + a digit or letter (F/T/U/M).
 */
export type CptDescriptors = Map<string, string>;
const CPT = /^[0-9]{4}[0-9A-Z]$/;

export function parseCptCsv(text: string, file = 'CPT descriptors'): CptDescriptors {
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data;
  if (!rows.length) throw new CodesetError(file, 'the file is empty', { line: 1 });
  let codeCol = 0;
  let descCol = 1;
  let start = 0;
  const head = rows[0]!.map((h) => h.trim().toLowerCase());
  if (!CPT.test((rows[0]![0] ?? '').trim())) {
    codeCol = head.findIndex((h) => /code/.test(h) && !/desc/.test(h));
    descCol = head.findIndex((h) => /desc|long|title/.test(h));
    if (codeCol < 0 || descCol < 0)
      throw new CodesetError(
        file,
        `expected a header with a code column and a descriptor column, found: ${rows[0]!.join(', ')}`,
        { line: 1 },
      );
    start = 1;
  }
  const out: CptDescriptors = new Map();
  for (let i = start; i < rows.length; i++) {
    const code = (rows[i]![codeCol] ?? '').trim().toUpperCase();
    const desc = (rows[i]![descCol] ?? '').trim();
    if (!CPT.test(code))
      throw new CodesetError(file, `"${code}" is not a CPT code (4 digits and a digit or letter)`, { line: i + 1 });
    if (!desc) throw new CodesetError(file, `${code} has no descriptor`, { line: i + 1 });
    out.set(code, desc);
  }
  return out;
}

/** Word search over the user's descriptors (all words must appear; a code matches itself). */
export function searchCpt(d: CptDescriptors, query: string, limit = 10): { code: string; descriptor: string }[] {
  const q = query.trim().toUpperCase();
  if (!d.size || !q) return [];
  if (d.has(q)) return [{ code: q, descriptor: d.get(q)! }];
  const words = q
    .toLowerCase()
    .split(/\W+/)
    .filter((w) => w.length > 1);
  if (!words.length) return [];
  const out: { code: string; descriptor: string }[] = [];
  for (const [code, descriptor] of d) {
    const t = descriptor.toLowerCase();
    if (words.every((w) => t.includes(w))) out.push({ code, descriptor });
    if (out.length >= limit) break;
  }
  return out;
}
