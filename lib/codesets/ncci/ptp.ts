import { CodesetError } from '../errors';
import { isHcpcsOrCptShape } from '../code-format';
import { eachTextStep, STEP_BYTES } from '../line-stream';
import { findColumns, parseCmsDate, type ColumnSpec, type Table } from '../tables';

/**
 * NCCI procedure-to-procedure edits, columnar (the practitioner table has ~2.5M rows).
 * Semantics (NCCI Policy Manual, Introduction and Chapter I): column 2 is denied when
 * reported with column 1 for the same patient, provider and date, unless the modifier
 * indicator is 1 and an NCCI-associated modifier applies; 0 = never; 9 = not applicable.
 */
export interface PtpTable {
  column1: string[];
  column2: string[];
  /** ISO date, or null when the file does not carry it (the shared TSV extraction drops it). */
  effective: (string | null)[];
  /** ISO date, or null = in force (CMS `*`, or 9999-12-31 in the extraction). */
  deletion: (string | null)[];
  modifier: number[];
  rationale: string[];
}

const SPEC: ColumnSpec<'c1' | 'c2' | 'eff' | 'del' | 'mod' | 'why'> = {
  c1: { aliases: ['column 1', 'column1'] },
  c2: { aliases: ['column 2', 'column2'] },
  eff: { aliases: ['effective'], optional: true },
  del: { aliases: ['deletion'] },
  mod: { aliases: ['modifier'] },
  why: { aliases: ['ptp edit rationale', 'rationale'], optional: true },
};

export function emptyPtp(): PtpTable {
  return { column1: [], column2: [], effective: [], deletion: [], modifier: [], rationale: [] };
}

/**
 * Reads PTP rows from a table (xlsx), from tab-delimited text (txt / TSV), or from the file's bytes.
 * From bytes, the 175 MB practitioner table is decoded 4 MB of whole lines at a time instead of as
 * one string; either way codes, dates and rationales are interned (2.5 M rows hold ~20 k distinct
 * codes and a few dozen rationales), so the table keeps no slice of the file's text alive.
 */
export function parsePtp(
  input: Table | string | Uint8Array,
  file: string,
  into: PtpTable = emptyPtp(),
  stepBytes = STEP_BYTES,
  tick?: () => void,
): PtpTable {
  let col: Record<keyof typeof SPEC, number> | undefined;
  const head: Table = { rows: [], rowLine: [] };
  let dataStarted = false;
  // Millions of rows share a few thousand dates: parse each distinct string once.
  const dates = new Map<string, string | null | undefined>();
  const date = (v: string) => {
    let d = dates.get(v);
    if (d === undefined && !dates.has(v)) dates.set(flat(v), (d = parseCmsDate(v)));
    return d;
  };
  // One copy of each distinct value: flat strings, not slices of the text they were cut from.
  const interned = new Map<string, string>();
  const intern = (v: string) => {
    let hit = interned.get(v);
    if (hit === undefined) interned.set((hit = flat(v)), hit);
    return hit;
  };
  const onRow = (cells: string[], line: number) => {
    if (!col) {
      if (cells.every((c) => c.trim() === '')) return;
      head.rows.push(cells);
      head.rowLine.push(line);
      try {
        col = findColumns(head, SPEC, file, 25).col;
      } catch (e) {
        if (head.rows.length >= 25) throw e;
      }
      return;
    }
    const c1 = intern((cells[col.c1] ?? '').trim().toUpperCase());
    if (!dataStarted && !isHcpcsOrCptShape(c1)) return; // continuation lines of the CMS header
    if (c1 === '' && cells.length <= 1) return;
    dataStarted = true;
    const c2 = intern((cells[col.c2] ?? '').trim().toUpperCase());
    if (!isHcpcsOrCptShape(c1) || !isHcpcsOrCptShape(c2)) {
      throw new CodesetError(file, `PTP row does not hold two HCPCS/CPT codes ("${c1}", "${c2}")`, { line });
    }
    const del = date(cells[col.del] ?? '');
    const eff = col.eff >= 0 ? date(cells[col.eff] ?? '') : null;
    if (del === undefined || eff === undefined)
      throw new CodesetError(file, 'PTP effective/deletion date is not a date', { line });
    const mod = Number((cells[col.mod] ?? '').trim());
    if (mod !== 0 && mod !== 1 && mod !== 9)
      throw new CodesetError(file, `PTP modifier indicator "${cells[col.mod]}" is not 0, 1 or 9`, { line });
    into.column1.push(c1);
    into.column2.push(c2);
    into.effective.push(eff);
    into.deletion.push(del === '9999-12-31' ? null : del);
    into.modifier.push(mod);
    into.rationale.push(col.why >= 0 ? intern((cells[col.why] ?? '').trim()) : '');
  };
  if (input instanceof Uint8Array) {
    // Whole lines of at most ~4 MB at a time, each parsed as text; line numbers run on across steps.
    let line = 0;
    eachTextStep(input, (text) => (line = parseText(text, line)), stepBytes, tick);
  } else if (typeof input === 'string') {
    parseText(input.replace(/^\uFEFF/, ''), 0);
  } else {
    input.rows.forEach((r, i) => onRow(r, input.rowLine[i] ?? i + 1));
  }
  if (!col) throw new CodesetError(file, 'no PTP header row (Column 1, Column 2, Deletion Date, Modifier)');
  if (!dataStarted) throw new CodesetError(file, 'the PTP table has no edits');
  return into;

  /**
   * Parses tab-delimited text whose first line is line `before + 1`; returns the last line number
   * read. CMS tab-delimited tables carry no quoting (a quote is an ordinary character), so a row is
   * a line cut at tabs: no CSV parser, and no per-row objects beyond the cells.
   */
  function parseText(text: string, before: number): number {
    let line = before;
    const lines = text.split('\n');
    // A text ending in a line break has no row after it.
    if (lines[lines.length - 1] === '') lines.pop();
    for (const raw of lines) onRow((raw.endsWith('\r') ? raw.slice(0, -1) : raw).split('\t'), ++line);
    return line;
  }
}

/** A copy of a string that shares no memory with the text it was sliced from. */
function flat(v: string): string {
  return v.length > 12 ? (' ' + v).slice(1) : v;
}
