import { z } from 'zod';
import { CodesetError } from '../errors';
import { findColumns, parseCmsDate, type Table } from '../tables';
import { splitLines } from '../../util/text-lines';

/** A HCPCS Level II code (CMS alpha-numeric file). Public domain. */
export interface HcpcsRecord {
  code: string;
  long: string;
  short: string;
  /** Medicare coverage code (C, D, I, M, S) when the file carries it. */
  cov?: string;
  tos?: string;
  addDate?: string;
  actionEffective?: string;
  termDate?: string;
  line: number;
}

const LEVEL2_RE = /^[A-V][0-9]{4}$/;

function finish(map: Map<string, HcpcsRecord>, file: string): HcpcsRecord[] {
  if (map.size === 0) throw new CodesetError(file, 'no HCPCS codes found');
  return [...map.values()];
}

function iso(v: string | undefined, file: string, line: number): string | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  const d = parseCmsDate(v);
  if (d === undefined) throw new CodesetError(file, `"${v}" is not a date`, { line });
  return d ?? undefined;
}

/**
 * The ANWEB workbook: one row per record; a long description runs over several rows of the
 * same HCPC with record id 4 (continuation). 2-character HCPC rows are modifiers (record ids 7/8).
 */
export function parseHcpcsTable(table: Table, file: string): HcpcsRecord[] {
  const { headerIndex, col } = findColumns(
    table,
    {
      code: { aliases: ['hcpc'] },
      recid: { aliases: ['recid', 'rec id'], optional: true },
      long: { aliases: ['long description'] },
      short: { aliases: ['short description'] },
      cov: { aliases: ['cov'], optional: true },
      tos: { aliases: ['tos1', 'tos'], optional: true },
      add: { aliases: ['add dt', 'add date'], optional: true },
      act: { aliases: ['act eff dt', 'action effective'], optional: true },
      term: { aliases: ['term dt', 'termination date'], optional: true },
    },
    file,
  );
  const map = new Map<string, HcpcsRecord>();
  for (let i = headerIndex + 1; i < table.rows.length; i++) {
    const r = table.rows[i] ?? [];
    const line = table.rowLine[i] ?? i + 1;
    const code = (r[col.code] ?? '').toUpperCase();
    if (code.length === 2) continue; // modifier records
    if (!LEVEL2_RE.test(code)) throw new CodesetError(file, `"${code}" is not a HCPCS Level II code`, { line });
    const recid = col.recid >= 0 ? (r[col.recid] ?? '') : '3';
    const prev = map.get(code);
    if (recid === '4' || recid === '8') {
      if (!prev) throw new CodesetError(file, `continuation line for ${code} before its first line`, { line });
      prev.long = `${prev.long} ${r[col.long] ?? ''}`.trim();
      continue;
    }
    if (prev) throw new CodesetError(file, `duplicate code ${code} (first seen on line ${prev.line})`, { line });
    const rec: HcpcsRecord = { code, long: r[col.long] ?? '', short: r[col.short] ?? '', line };
    if (col.cov >= 0 && r[col.cov]) rec.cov = r[col.cov];
    if (col.tos >= 0 && r[col.tos]) rec.tos = r[col.tos];
    const add = iso(col.add >= 0 ? r[col.add] : undefined, file, line);
    const act = iso(col.act >= 0 ? r[col.act] : undefined, file, line);
    const term = iso(col.term >= 0 ? r[col.term] : undefined, file, line);
    if (add) rec.addDate = add;
    if (act) rec.actionEffective = act;
    if (term) rec.termDate = term;
    map.set(code, rec);
  }
  return finish(map, file);
}

/*
 * The ANWEB fixed-width text (320-byte records). Only the fields whose columns are fixed since
 * the layout's first years are read here: HCPC 1-5, sequence 6-10, record id 11, long description
 * 12-91, short description 92-119. Coverage and dates come from the workbook in the same zip,
 * which the compiler prefers when both are present.
 */
export function parseHcpcsFixedWidth(text: string, file: string): HcpcsRecord[] {
  const rows: string[][] = [['HCPC', 'RECID', 'LONG DESCRIPTION', 'SHORT DESCRIPTION']];
  const rowLine = [0];
  splitLines(text).forEach((raw, i) => {
    if (raw.trim() === '') return;
    if (raw.length < 92 || !/^[0-9]{5}$/.test(raw.slice(5, 10)) || !/[0-9]/.test(raw[10] ?? '')) {
      throw new CodesetError(
        file,
        'not the HCPCS ANWEB record layout (HCPC 1-5, sequence 6-10, record id 11, long description 12-91)',
        {
          line: i + 1,
        },
      );
    }
    rows.push([raw.slice(0, 5).trim(), raw.slice(10, 11), raw.slice(11, 91).trim(), raw.slice(91, 119).trim()]);
    rowLine.push(i + 1);
  });
  return parseHcpcsTable({ rows, rowLine }, file);
}

const JsonShape = z.object({
  version: z.string(),
  source: z.string().optional(),
  codes: z.array(
    z.object({
      code: z.string(),
      longDesc: z.string(),
      shortDesc: z.string(),
      cov: z.string().optional(),
      tos: z.string().optional(),
      addDate: z.string().optional(),
      termDate: z.string().optional(),
    }),
  ),
});

/** The JSON extraction of the January 2026 file kept in shared/data (see its README, section 5). */
export function parseHcpcsJson(text: string, file: string): { version: string; records: HcpcsRecord[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CodesetError(file, `not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = JsonShape.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CodesetError(file, `not the HCPCS JSON shape: ${issue?.path.join('.')} ${issue?.message}`, {
      element: issue?.path.join('.'),
    });
  }
  const map = new Map<string, HcpcsRecord>();
  parsed.data.codes.forEach((c, i) => {
    const line = i + 1;
    const code = c.code.toUpperCase();
    if (!LEVEL2_RE.test(code))
      throw new CodesetError(file, `"${code}" is not a HCPCS Level II code`, { element: `codes[${i}]` });
    const prev = map.get(code);
    if (prev)
      throw new CodesetError(file, `duplicate code ${code} (codes[${prev.line - 1}] and codes[${i}])`, {
        element: `codes[${i}]`,
      });
    const rec: HcpcsRecord = { code, long: c.longDesc, short: c.shortDesc, line };
    if (c.cov) rec.cov = c.cov;
    if (c.tos) rec.tos = c.tos;
    const add = iso(c.addDate, file, line);
    const term = iso(c.termDate, file, line);
    if (add) rec.addDate = add;
    if (term) rec.termDate = term;
    map.set(code, rec);
  });
  return { version: parsed.data.version, records: finish(map, file) };
}
