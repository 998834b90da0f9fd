import { CodesetError } from '../errors';
import { dotIcd, isIcdCodeShape } from '../code-format';
import { findColumns, type Table } from '../tables';

/**
 * The CMS "ICD-10-CM Mappings" file of the risk adjustment models (e.g. "2026 Initial ICD-10-CM
 * Mappings.csv"): title lines, a header whose cells span lines, then one row per (code, category
 * set) — a code that maps to two categories of one model is listed on two rows — and a footer.
 * Only the CMS-HCC V28 column is kept: payment year 2026 uses V28 alone (2026 Rate Announcement).
 */
export interface HccRecord {
  /** Dotted ICD-10-CM code. */
  code: string;
  /** V28 payment HCCs of the code, ascending (empty: the code is in the file but maps to none). */
  v28: number[];
  line: number;
}

export interface HccMapping {
  records: HccRecord[];
  /** What the title lines say about the code years, e.g. "FY2024 and FY2025". */
  codeYears: string;
}

export function looksLikeHccMappings(head: string): boolean {
  return /CMS-HCC/i.test(head) && /Diagnosis\s*\r?\n?\s*Code/i.test(head);
}

/** Reads the CSV (`readDelimited`) or the workbook (`readXlsx`) form of the mappings file. */
export function parseCmsHccMappings(table: Table, file: string): HccMapping {
  const { headerIndex, col } = findColumns(
    table,
    {
      code: { aliases: ['diagnosis code'] },
      v28: { aliases: ['cms hcc model category v28'] },
    },
    file,
    10,
  );
  const title = table.rows
    .slice(0, headerIndex)
    .map((r) => r.join(' '))
    .join(' ');
  const years = /valid in ((?:FY\s?\d{4})(?:,?\s*(?:and\s+)?FY\s?\d{4})*)/i.exec(title)?.[1] ?? '';
  const byCode = new Map<string, HccRecord>();
  let footer = false;
  for (let i = headerIndex + 1; i < table.rows.length; i++) {
    const r = table.rows[i]!;
    const line = table.rowLine[i] ?? i + 1;
    const raw = (r[col.code] ?? '').trim().toUpperCase();
    const rest = r.filter((_, k) => k !== col.code).every((c) => c === '');
    if (raw === '' && rest) {
      footer = true; // a blank row ends the table; what follows is "Output:" / "Source:" text
      continue;
    }
    if (footer && rest) continue;
    if (footer) throw new CodesetError(file, 'a data row after the table ended (blank row)', { line });
    if (!isIcdCodeShape(raw) || raw.includes('.'))
      throw new CodesetError(file, `"${raw}" is not an ICD-10-CM code as CMS writes it (no dot)`, { line });
    const cell = (r[col.v28] ?? '').trim();
    if (cell !== '' && !/^\d{1,3}$/.test(cell))
      throw new CodesetError(file, `V28 category "${cell}" is not a number`, { line });
    const code = dotIcd(raw);
    let rec = byCode.get(code);
    if (!rec) byCode.set(code, (rec = { code, v28: [], line }));
    if (cell !== '' && !rec.v28.includes(Number(cell))) rec.v28.push(Number(cell));
  }
  if (byCode.size === 0) throw new CodesetError(file, 'the mappings file has no rows');
  const records = [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
  for (const r of records) r.v28.sort((a, b) => a - b);
  return { records, codeYears: years.replace(/FY\s+/g, 'FY') };
}
