import { CodesetError } from '../errors';
import { isHcpcsOrCptShape } from '../code-format';
import { findColumns, type Table } from '../tables';

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
      value: { aliases: ['practitioner services mue', 'outpatient hospital services mue', 'dme supplier services mue', 'mue value'] },
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
    if (!Number.isInteger(value) || value < 0) throw new CodesetError(file, `MUE value "${r[col.value]}" is not a whole number`, { line });
    const mai = Number((r[col.mai] ?? '').trim().charAt(0));
    if (mai !== 1 && mai !== 2 && mai !== 3) throw new CodesetError(file, `MUE adjudication indicator "${r[col.mai]}" is not 1, 2 or 3`, { line });
    const prev = seen.get(code);
    if (prev !== undefined) throw new CodesetError(file, `duplicate code ${code} (first seen on line ${prev})`, { line });
    seen.set(code, line);
    out.push({ code, value, mai, rationale: col.why >= 0 ? (r[col.why] ?? '') : '' });
  }
  if (out.length === 0) throw new CodesetError(file, 'the MUE table has no rows');
  return out;
}
