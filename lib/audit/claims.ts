import Papa from 'papaparse';
import { CodesetError } from '../codesets/errors';
import { isSetting, type Setting } from '../domain/setting';

/**
 * Claims for the batch audit: one row per chart with the codes billed (the same list syntax as
 * `check --codes`: ICD-10-CM with dots, CPT/HCPCS with -modifiers and xUNITS). Optional columns:
 * date_of_service, setting. Extra columns (e.g. "injected") are carried through untouched.
 */
export interface ClaimRow {
  chartId: string;
  codes: string;
  dateOfService?: string;
  setting?: Setting;
  extra: Record<string, string>;
}

/**
 * A chart id names a note file (`<chart_id>.txt` in the notes folder) and a row of every output:
 * letters, digits, dot, underscore and hyphen, starting with a letter or digit, at most 128
 * characters — so "../SECRET", "a/b", "=HYPERLINK(…)" or an empty id never reach the file system
 * or a spreadsheet.
 */
export const CHART_ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function parseClaimsCsv(text: string, file = 'claims.csv'): ClaimRow[] {
  const r = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const fields = r.meta.fields ?? [];
  const idCol = fields.find((f) => /^(chart_?id|note_?id|id)$/i.test(f.trim()));
  const codesCol = fields.find((f) => /^codes?$/i.test(f.trim()));
  if (!idCol || !codesCol)
    throw new CodesetError(file, `expected columns chart_id and codes, found: ${fields.join(', ')}`, { line: 1 });
  // A row with more cells than the header usually holds an unquoted comma-separated code list.
  const problem = r.errors.find((e) => e.type === 'Quotes' || e.code === 'TooManyFields');
  if (problem) {
    const hint =
      problem.code === 'TooManyFields'
        ? '; quote a comma-separated code list ("E11.22,N18.32") or separate codes with spaces'
        : '';
    throw new CodesetError(file, `not a readable CSV row (${problem.message}${hint})`, {
      line: (problem.row ?? 0) + 2,
    });
  }
  const firstLine = new Map<string, number>();
  return r.data.map((row, i) => {
    const line = i + 2;
    const chartId = (row[idCol] ?? '').trim();
    if (!chartId) throw new CodesetError(file, 'empty chart_id', { line });
    if (!CHART_ID_RE.test(chartId)) {
      throw new CodesetError(
        file,
        `chart_id "${chartId.slice(0, 60)}" is not allowed: use letters, digits, ".", "_" and "-", starting with a letter or digit (it names the note file <chart_id>.txt)`,
        { line },
      );
    }
    const seen = firstLine.get(chartId.toLowerCase());
    if (seen !== undefined)
      throw new CodesetError(file, `chart_id "${chartId}" appears again (first on line ${seen}): one row per chart`, {
        line,
      });
    firstLine.set(chartId.toLowerCase(), line);
    const dos = row.date_of_service?.trim();
    if (dos && !validDate(dos))
      throw new CodesetError(file, `date_of_service "${dos}" is not a date written YYYY-MM-DD`, { line });
    const setting = row.setting?.trim();
    if (setting && !isSetting(setting))
      throw new CodesetError(file, `setting "${setting}" is not office or hospital`, { line });
    const extra = Object.fromEntries(
      Object.entries(row).filter(([k]) => ![idCol, codesCol, 'date_of_service', 'setting'].includes(k)),
    );
    return {
      chartId,
      codes: (row[codesCol] ?? '').trim(),
      ...(dos ? { dateOfService: dos } : {}),
      ...(setting && isSetting(setting) ? { setting } : {}),
      extra,
    };
  });
}

/** YYYY-MM-DD that exists on the calendar (2026-02-30 does not). */
export function validDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return Boolean(
    m && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === s,
  );
}

/** Small seeded PRNG (mulberry32): the same seed gives the same injected errors. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Injection = 'none' | 'dropped' | 'added-unsupported' | 'header-code';

/**
 * Claims from gold codes (CodiEsp TSV: chart id <TAB> code), with a share of charts given one
 * known error, to check that the audit finds what was planted: a gold code dropped (missed), an
 * unrelated code added (unsupported), or a code cut back to its 3-character category (header).
 */
export function claimsFromGold(
  goldTsv: string,
  opts: { inject: number; seed: number; unrelated: string[] },
): { rows: { chart_id: string; codes: string; injected: Injection; detail: string }[] } {
  const by = new Map<string, string[]>();
  for (const line of goldTsv.split(/\r?\n/)) {
    const [id, code] = line.split('\t');
    if (!id || !code) continue;
    const c = code.trim().toUpperCase();
    by.set(id.trim(), [...(by.get(id.trim()) ?? []), c]);
  }
  const next = rng(opts.seed);
  const kinds: Injection[] = ['dropped', 'added-unsupported', 'header-code'];
  const rows = [...by].map(([chart_id, codes]) => {
    let list = [...new Set(codes)].slice(0, 12);
    let injected: Injection = 'none';
    let detail = '';
    if (next() < opts.inject && list.length) {
      injected = kinds[Math.floor(next() * kinds.length)]!;
      const i = Math.floor(next() * list.length);
      if (injected === 'dropped' && list.length > 1) {
        detail = list[i]!;
        list = list.filter((_, k) => k !== i);
      } else if (injected === 'header-code' && list[i]!.includes('.')) {
        detail = `${list[i]} -> ${list[i]!.slice(0, 3)}`;
        list[i] = list[i]!.slice(0, 3);
      } else {
        injected = 'added-unsupported';
        const add = opts.unrelated[Math.floor(next() * opts.unrelated.length)]!;
        detail = add;
        list = [...list.slice(0, 11), add];
      }
    }
    return { chart_id, codes: list.join(' '), injected, detail };
  });
  return { rows };
}
