import { parseAoc, parseAocJson, type AocRecord } from '../../codesets/ncci/aoc';
import { readDelimited, readXlsx } from '../../codesets/tables';
import type { DecodedPack } from '../container';
import type { PackSource } from '../format';
import type { AocSectionData } from '../sections';
import { byEffectiveDate, filesOf, type PackModule } from './module';
import { pickQuarter } from './quarters';

/** NCCI add-on code edits: the rows of every loaded quarter, each with its quarter ('aoc'). */
export const AOC_SECTION = 'aoc';

export interface AocEdit {
  addOn: string;
  primary: string | null;
  type: number;
  effective: string | null;
  deletion: string | null;
}

export const aocModule: PackModule = {
  name: 'NCCI add-on codes',
  parsers: {
    'ncci-aoc': (f) => {
      const isJson = /\.json$/i.test(f.path);
      const rows = isJson
        ? parseAocJson(f.text, f.path).rows
        : parseAoc(f.xlsx ? readXlsx(f.bytes, f.path) : readDelimited(f.text, f.path), f.path);
      return { content: rows, records: rows.length, ...(isJson ? { detail: 'JSON conversion' } : {}) };
    },
  },
  write(files, ctx) {
    const ordered = byEffectiveDate(filesOf<AocRecord[]>(files, 'ncci-aoc'));
    if (!ordered.length) return [];
    const rows = ordered.flatMap((p, i) => p.content.map((r) => ({ ...r, source: i })));
    const data: AocSectionData = {
      sourceIds: ordered.map((p) => p.source.id),
      source: rows.map((r) => r.source),
      addOn: rows.map((r) => r.addOn),
      primary: rows.map((r) => r.primary),
      type: rows.map((r) => r.type),
      effective: rows.map((r) => r.editEffective),
      deletion: rows.map((r) => r.editDeletion),
    };
    for (const p of ordered) ctx.counts[`aocEdits ${p.info.release}`] = p.content.length;
    return [{ name: AOC_SECTION, encoding: 'json', data }];
  },
};

/** The add-on code edits of a pack. */
export class AocTable {
  private constructor(
    private readonly data: AocSectionData | undefined,
    private readonly sources: PackSource[],
  ) {}

  static read(raw: DecodedPack, sources: PackSource[]): AocTable {
    return new AocTable(raw.json<AocSectionData>(AOC_SECTION), sources);
  }

  /** Edits of an add-on code from the quarter in force on `dos` (else the nearest loaded one), or the newest. */
  edits(addOn: string, dos: string | undefined): AocEdit[] {
    const d = this.data;
    if (!d) return [];
    const quarter = pickQuarter(
      this.sources,
      d.sourceIds,
      dos,
      d.sourceIds.map((_, k) => k),
    );
    const code = addOn.toUpperCase();
    const out: AocEdit[] = [];
    d.addOn.forEach((a, i) => {
      if (a === code && d.source[i] === quarter)
        out.push({
          addOn: a,
          primary: d.primary[i]!,
          type: d.type[i]!,
          effective: d.effective[i]!,
          deletion: d.deletion[i]!,
        });
    });
    return out;
  }
}
