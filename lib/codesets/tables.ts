import Papa from 'papaparse';
import * as XLSX from '@e965/xlsx';
import { CodesetError } from './errors';

/** A table read from a release file: rows of trimmed cell strings, with the 1-based line/row of each. */
export interface Table {
  rows: string[][];
  /** rowLine[i] = line number (text) or sheet row number (xlsx) of rows[i]. */
  rowLine: number[];
}

/** CSV / TSV via papaparse (delimiter sniffed unless given). */
export function readDelimited(text: string, file: string, delimiter?: string): Table {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimiter: delimiter ?? '',
    skipEmptyLines: false,
  });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new CodesetError(file, `CSV quoting error: ${fatal.message}`, { line: (fatal.row ?? 0) + 1 });
  const rows: string[][] = [];
  const rowLine: number[] = [];
  // A quoted cell may span lines (the CMS-HCC header "Diagnosis\nCode"): count them so every
  // row keeps the line it starts on in the file.
  let line = 1;
  parsed.data.forEach((r) => {
    const at = line;
    line += 1;
    for (const c of r) if (c && c.includes('\n')) line += c.split('\n').length - 1;
    if (r.length === 1 && (r[0] ?? '').trim() === '') return;
    rows.push(r.map((c) => (c ?? '').trim()));
    rowLine.push(at);
  });
  return { rows, rowLine };
}

/** First worksheet of an .xlsx workbook via SheetJS; cells read as formatted text. */
export function readXlsx(bytes: Uint8Array, file: string): Table {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', dense: true, cellDates: false });
  } catch (e) {
    throw new CodesetError(file, `not a readable .xlsx workbook: ${e instanceof Error ? e.message : String(e)}`);
  }
  const name = wb.SheetNames[0];
  const sheet = name ? wb.Sheets[name] : undefined;
  if (!sheet) throw new CodesetError(file, 'the workbook has no worksheet');
  const data = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: false, defval: '', blankrows: true });
  const rows: string[][] = [];
  const rowLine: number[] = [];
  data.forEach((r, i) => {
    const cells = r.map((c) => String(c ?? '').trim());
    if (cells.every((c) => c === '')) return;
    rows.push(cells);
    rowLine.push(i + 1);
  });
  return { rows, rowLine };
}

export function normalizeHeader(h: string): string {
  return h
    .toLowerCase()
    .replace(/[^a-z0-9*=]+/g, ' ')
    .trim();
}

export type ColumnSpec<K extends string> = Record<K, { aliases: string[]; optional?: boolean }>;

/**
 * Finds the header row (official CMS tables open with notice lines before it) and maps each
 * wanted field to its column. A header cell matches an alias when it starts with it, so the
 * CMS "Modifier 0=not allowed 1=allowed 9=not applicable" matches "modifier".
 */
export function findColumns<K extends string>(
  table: Table,
  spec: ColumnSpec<K>,
  file: string,
  maxHeaderRows = 25,
): { headerIndex: number; col: Record<K, number> } {
  const keys = Object.keys(spec) as K[];
  for (let i = 0; i < Math.min(table.rows.length, maxHeaderRows); i++) {
    const cells = (table.rows[i] ?? []).map(normalizeHeader);
    const col = {} as Record<K, number>;
    let ok = true;
    for (const k of keys) {
      const idx = cells.findIndex((c) => spec[k].aliases.some((a) => c.startsWith(a)));
      if (idx < 0 && !spec[k].optional) {
        ok = false;
        break;
      }
      col[k] = idx;
    }
    if (ok) return { headerIndex: i, col };
  }
  const wanted = keys.filter((k) => !spec[k].optional).map((k) => spec[k].aliases[0]);
  throw new CodesetError(
    file,
    `no header row with the columns ${wanted.map((w) => `"${w}"`).join(', ')} in the first ${maxHeaderRows} rows`,
    {
      line: table.rowLine[0],
    },
  );
}

/** CMS dates: YYYYMMDD, YYYY-MM-DD, MM/DD/YYYY; `*` or blank = none. Returns ISO or null. */
export function parseCmsDate(v: string): string | null | undefined {
  const s = v.trim();
  if (s === '' || s === '*') return null;
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(s) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return validIso(m[1]!, m[2]!, m[3]!);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return validIso(m[3]!, m[1]!.padStart(2, '0'), m[2]!.padStart(2, '0'));
  return undefined;
}

function validIso(y: string, mo: string, d: string): string | undefined {
  const iso = `${y}-${mo}-${d}`;
  if (y === '9999') return iso; // CMS "open ended"
  const dt = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(dt.getTime()) || dt.toISOString().slice(0, 10) !== iso ? undefined : iso;
}
