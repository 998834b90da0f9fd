import { z } from 'zod';
import { CodesetError } from '../errors';
import { isHcpcsOrCptShape } from '../code-format';
import { findColumns, parseCmsDate, type Table } from '../tables';
import { parseJsonRecords, parseJsonText, recordError } from '../json-file';

/**
 * Add-on code edits (NCCI Policy Manual, Chapter I). Edit type 1: only the listed primaries;
 * type 2: no primaries listed (the MAC decides; CMS writes CCCCC); type 3: some primaries listed.
 */
export interface AocRecord {
  addOn: string;
  /** null for type 2 rows (CMS `CCCCC`). */
  primary: string | null;
  type: 1 | 2 | 3;
  editEffective: string | null;
  editDeletion: string | null;
}

export function parseAoc(table: Table, file: string): AocRecord[] {
  const { headerIndex, col } = findColumns(
    table,
    {
      addOn: { aliases: ['add on code', 'addon code', 'add on'] },
      primary: { aliases: ['primary code'] },
      type: { aliases: ['aoc edit type', 'edit type'] },
      eff: { aliases: ['aoc edit effective', 'edit effective'], optional: true },
      del: { aliases: ['aoc edit deletion', 'edit deletion'], optional: true },
    },
    file,
  );
  const out: AocRecord[] = [];
  for (let i = headerIndex + 1; i < table.rows.length; i++) {
    const r = table.rows[i] ?? [];
    const line = table.rowLine[i] ?? i + 1;
    const addOn = (r[col.addOn] ?? '').toUpperCase();
    const primaryRaw = (r[col.primary] ?? '').toUpperCase();
    const type = Number(r[col.type]);
    if (!isHcpcsOrCptShape(addOn)) throw new CodesetError(file, `"${addOn}" is not a HCPCS/CPT add-on code`, { line });
    if (primaryRaw !== 'CCCCC' && !isHcpcsOrCptShape(primaryRaw))
      throw new CodesetError(file, `"${primaryRaw}" is not a primary code`, { line });
    if (type !== 1 && type !== 2 && type !== 3)
      throw new CodesetError(file, `AOC edit type "${r[col.type]}" is not 1, 2 or 3`, { line });
    const eff = col.eff >= 0 ? parseCmsDate(r[col.eff] ?? '') : null;
    const del = col.del >= 0 ? parseCmsDate(r[col.del] ?? '') : null;
    if (eff === undefined || del === undefined) throw new CodesetError(file, 'AOC edit date is not a date', { line });
    out.push({
      addOn,
      primary: primaryRaw === 'CCCCC' ? null : primaryRaw,
      type,
      editEffective: eff,
      editDeletion: del === '9999-12-31' ? null : del,
    });
  }
  if (out.length === 0) throw new CodesetError(file, 'the add-on code table has no rows');
  return out;
}

const DateOrBlank = z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'expected a date YYYY-MM-DD or ""');

/** One row of the JSON conversion of the CMS add-on code edit file (AOC_V2026Q3-F-MCR.txt). */
const AocJsonRow = z.strictObject({
  code1: z.string(),
  code2: z.string(),
  edit_type: z.literal('AOC'),
  effective_date: DateOrBlank,
  end_date: DateOrBlank,
  /** The AOC edit type (1, 2 or 3), kept in this column by the conversion. */
  modifier: z.enum(['1', '2', '3']),
  description: z.string(),
  metadata: z.strictObject({ source_file: z.string() }),
});

export function parseAocJson(text: string, file: string): { rows: AocRecord[]; sourceFile: string } {
  const recs = parseJsonRecords(parseJsonText(text, file), AocJsonRow, text, file, 'code1', 'add-on code edit');
  const rows = recs.map((r, i): AocRecord => {
    const addOn = r.code1.toUpperCase();
    const primary = r.code2.toUpperCase();
    if (!isHcpcsOrCptShape(addOn))
      throw recordError(text, file, 'code1', r.code1, i, `"${r.code1}" is not a HCPCS/CPT add-on code`);
    if (primary !== 'CCCCC' && !isHcpcsOrCptShape(primary))
      throw recordError(text, file, 'code1', r.code1, i, `"${r.code2}" is not a primary code`);
    const del = r.end_date || null;
    return {
      addOn,
      primary: primary === 'CCCCC' ? null : primary,
      type: Number(r.modifier) as 1 | 2 | 3,
      editEffective: r.effective_date || null,
      editDeletion: del === '9999-12-31' ? null : del,
    };
  });
  return { rows, sourceFile: recs[0]!.metadata.source_file };
}
