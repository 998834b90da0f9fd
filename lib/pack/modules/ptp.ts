import { emptyPtp, parsePtp, type PtpTable as PtpRows } from '../../codesets/ncci/ptp';
import { readXlsx } from '../../codesets/tables';
import { lowerBound } from '../../domain/sorted';
import type { DecodedPack } from '../container';
import { dayToIso, encodePtpRows, isoToDay, PTP_IN_FORCE, PTP_ROW_BYTES } from '../ptp-binary';
import type { PtpMetaData } from '../sections';
import { filesOf, type PackModule } from './module';

/** NCCI procedure-to-procedure edits: a code table and 10-byte rows sorted for binary search. */
export const PTP_SECTIONS = { meta: 'ptp.meta', rows: 'ptp.rows' } as const;

export interface PtpEdit {
  column1: string;
  column2: string;
  effective: string | null;
  deletion: string | null;
  modifierIndicator: number;
  rationale: string;
  inForceOn(dos: string): boolean;
}

/** Appends the rows of `from` to `into` (the files of every quarter make one table). */
function appendRows(into: PtpRows, from: PtpRows): PtpRows {
  for (const key of Object.keys(into) as (keyof PtpRows)[]) {
    const column = into[key] as unknown[];
    for (const value of from[key]) column.push(value);
  }
  return into;
}

export const ptpModule: PackModule = {
  name: 'NCCI PTP',
  parsers: {
    'ncci-ptp': (f) => {
      const rows = parsePtp(f.xlsx ? readXlsx(f.bytes, f.path) : f.bytes, f.path, emptyPtp(), undefined, f.tick);
      return { content: rows, records: rows.column1.length };
    },
  },
  write(files, ctx) {
    const sources = filesOf<PtpRows>(files, 'ncci-ptp');
    if (!sources.length) return [];
    const all =
      sources.length === 1 ? sources[0]!.content : sources.reduce((t, p) => appendRows(t, p.content), emptyPtp());
    ctx.progress(`packing ${all.column1.length.toLocaleString('en-US')} PTP edits`);
    const { meta, rows } = encodePtpRows(
      all,
      sources.map((p) => p.source.id),
    );
    ctx.counts.ptpEdits = meta.rows;
    return [
      { name: PTP_SECTIONS.meta, encoding: 'json', data: meta },
      { name: PTP_SECTIONS.rows, encoding: 'binary', data: rows },
    ];
  },
};

/** The PTP edits of a pack (the rows are inflated when the first pair is asked for). */
export class PtpTable {
  private readonly rows: DataView;
  private readonly codeIndex: Map<string, number>;

  private constructor(
    private readonly meta: PtpMetaData,
    rows: Uint8Array,
  ) {
    this.rows = new DataView(rows.buffer, rows.byteOffset, rows.byteLength);
    this.codeIndex = new Map(meta.codes.map((c, i) => [c, i]));
  }

  static read(raw: DecodedPack): PtpTable | undefined {
    const meta = raw.json<PtpMetaData>(PTP_SECTIONS.meta);
    return meta ? new PtpTable(meta, raw.section(PTP_SECTIONS.rows)!) : undefined;
  }

  /** The (column 1, column 2) key of row k. */
  private pairAt(k: number): number {
    const at = k * PTP_ROW_BYTES;
    return this.rows.getUint16(at, true) * 0x10000 + this.rows.getUint16(at + 2, true);
  }

  /** Edits with `column1` as column 1 and `column2` as column 2 (all dates; filter with inForceOn). */
  edits(column1: string, column2: string): PtpEdit[] {
    const c1 = column1.toUpperCase();
    const c2 = column2.toUpperCase();
    const a = this.codeIndex.get(c1);
    const b = this.codeIndex.get(c2);
    if (a === undefined || b === undefined) return [];
    const want = a * 0x10000 + b;
    const v = this.rows;
    const out: PtpEdit[] = [];
    for (
      let k = lowerBound(this.meta.rows, (i) => this.pairAt(i) < want);
      k < this.meta.rows && this.pairAt(k) === want;
      k++
    ) {
      const at = k * PTP_ROW_BYTES;
      const effectiveDay = v.getUint16(at + 4, true);
      const deletionDay = v.getUint16(at + 6, true);
      const effective = effectiveDay === 0 ? null : dayToIso(effectiveDay);
      const deletion = deletionDay === PTP_IN_FORCE ? null : dayToIso(deletionDay);
      out.push({
        column1: c1,
        column2: c2,
        effective,
        deletion,
        modifierIndicator: v.getUint8(at + 8),
        rationale: this.meta.rationales[v.getUint8(at + 9)] ?? '',
        // CMS: an edit applies to dates of service from its effective date through its deletion date.
        inForceOn: (dos: string) =>
          (effective === null || dos >= effective) && (deletion === null || isoToDay(dos) <= deletionDay),
      });
    }
    return out;
  }
}
