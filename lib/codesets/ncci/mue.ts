import { z } from 'zod';
import { CodesetError } from '../errors';
import { isHcpcsOrCptShape } from '../code-format';
import { findColumns, type Table } from '../tables';
import { parseJsonRecords, parseJsonText, recordError } from '../json-file';

/**
 * Medically Unlikely Edits: the most units of a code a provider reports for one patient on one
 * date of service. MAI (NCCI Policy Manual, Chapter I): 1 = claim-line edit, 2 = date-of-service
 * edit based on policy (absolute), 3 = date-of-service edit based on clinical benchmarks.
 */
export type MueService = 'practitioner' | 'outpatient-hospital' | 'dme-supplier';

export interface MueRecord {
  code: string;
  value: number;
  mai: 1 | 2 | 3;
  rationale: string;
}

export function mueServiceFromName(name: string): MueService | undefined {
  const n = name.toLowerCase().replace(/[^a-z]/g, '');
  if (n.includes('practitioner')) return 'practitioner';
  if (n.includes('outpatienthospital') || n.includes('facility')) return 'outpatient-hospital';
  if (n.includes('dme')) return 'dme-supplier';
  return undefined;
}

export function parseMue(table: Table, file: string): MueRecord[] {
  const { headerIndex, col } = findColumns(
    table,
    {
      code: { aliases: ['hcpcs cpt code', 'hcpcs'] },
      value: {
        aliases: [
          'practitioner services mue',
          'outpatient hospital services mue',
          'dme supplier services mue',
          'mue value',
        ],
      },
      mai: { aliases: ['mue adjudication indicator', 'mai'] },
      why: { aliases: ['mue rationale', 'rationale'], optional: true },
    },
    file,
  );
  const seen = new Map<string, number>();
  const out: MueRecord[] = [];
  for (let i = headerIndex + 1; i < table.rows.length; i++) {
    const r = table.rows[i] ?? [];
    const line = table.rowLine[i] ?? i + 1;
    const code = (r[col.code] ?? '').toUpperCase();
    if (!isHcpcsOrCptShape(code)) throw new CodesetError(file, `"${code}" is not a HCPCS/CPT code`, { line });
    const value = Number(r[col.value]);
    if (!Number.isInteger(value) || value < 0)
      throw new CodesetError(file, `MUE value "${r[col.value]}" is not a whole number`, { line });
    const mai = Number((r[col.mai] ?? '').trim().charAt(0));
    if (mai !== 1 && mai !== 2 && mai !== 3)
      throw new CodesetError(file, `MUE adjudication indicator "${r[col.mai]}" is not 1, 2 or 3`, { line });
    const prev = seen.get(code);
    if (prev !== undefined)
      throw new CodesetError(file, `duplicate code ${code} (first seen on line ${prev})`, { line });
    seen.set(code, line);
    out.push({ code, value, mai, rationale: col.why >= 0 ? (r[col.why] ?? '') : '' });
  }
  if (out.length === 0) throw new CodesetError(file, 'the MUE table has no rows');
  return out;
}

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

/** One row of the JSON conversion of a CMS MUE table (shared codesets README, "NCCI 2026 Q3"). */
const MueJsonRow = z.strictObject({
  code: z.string(),
  mue_value: z.number().int().nonnegative(),
  /** "<MAI digit> <rationale>", e.g. "3 Clinical: Data". */
  description: z.string().regex(/^[123]\b/, 'expected the MAI digit (1, 2 or 3) then the rationale'),
  effective_date: IsoDate,
  end_date: IsoDate,
  source_file: z.string(),
});

export interface MueJson {
  rows: MueRecord[];
  /** The CMS file the conversion was made from, e.g. "medicare-ncci-2026-q3-practitioner-services-mue-table.zip". */
  sourceFile: string;
  effectiveFrom: string;
}

export function parseMueJson(text: string, file: string): MueJson {
  const recs = parseJsonRecords(parseJsonText(text, file), MueJsonRow, text, file, 'code', 'MUE');
  const seen = new Set<string>();
  const rows: MueRecord[] = recs.map((r, i) => {
    const code = r.code.toUpperCase();
    if (!isHcpcsOrCptShape(code))
      throw recordError(text, file, 'code', r.code, i, `"${r.code}" is not a HCPCS/CPT code`);
    if (seen.has(code)) throw recordError(text, file, 'code', r.code, i, `duplicate code ${code}`);
    if (r.effective_date !== recs[0]!.effective_date) {
      throw recordError(
        text,
        file,
        'code',
        r.code,
        i,
        `effective date ${r.effective_date} differs from the table's ${recs[0]!.effective_date}`,
      );
    }
    seen.add(code);
    return {
      code,
      value: r.mue_value,
      mai: Number(r.description[0]) as 1 | 2 | 3,
      rationale: r.description.slice(1).trim(),
    };
  });
  return { rows, sourceFile: recs[0]!.source_file, effectiveFrom: recs[0]!.effective_date };
}
