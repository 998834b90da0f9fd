import { CodesetError } from '../../codesets/errors';
import { mueServiceFromName, parseMue, parseMueJson, type MueRecord, type MueService } from '../../codesets/ncci/mue';
import { readDelimited, readXlsx } from '../../codesets/tables';
import { indexOfSorted } from '../../domain/sorted';
import type { DecodedPack } from '../container';
import type { PackSource } from '../format';
import type { MueTableData } from '../sections';
import { byEffectiveDate, filesOf, type PackModule } from './module';
import { pickQuarter } from './quarters';

/** NCCI medically unlikely edits: one table per service type and quarter, oldest first ('mue'). */
export const MUE_SECTION = 'mue';

export interface MueEntry {
  code: string;
  service: MueService;
  value: number;
  mai: number;
  rationale: string;
  source: PackSource;
}

interface MueFile {
  service: MueService;
  rows: MueRecord[];
}

export const mueModule: PackModule = {
  name: 'NCCI MUE',
  parsers: {
    'ncci-mue': (f) => {
      const service = mueServiceFromName(f.name);
      if (!service)
        throw new CodesetError(
          f.path,
          'cannot tell which MUE table this is (practitioner, outpatient hospital or DME supplier)',
        );
      const isJson = /\.json$/i.test(f.path);
      const rows = isJson
        ? parseMueJson(f.text, f.path).rows
        : parseMue(f.xlsx ? readXlsx(f.bytes, f.path) : readDelimited(f.text, f.path), f.path);
      const content: MueFile = { service, rows };
      return { content, records: rows.length, detail: isJson ? `${service} (JSON conversion)` : service };
    },
  },
  write(files, ctx) {
    const mues = filesOf<MueFile>(files, 'ncci-mue');
    if (!mues.length) return [];
    const seen = new Map<string, string>();
    const tables: MueTableData[] = byEffectiveDate(mues).map((p) => {
      // One table per service and quarter: several quarters answer dates of service in each.
      const { service } = p.content;
      const key = `${service} ${p.info.release}`;
      if (seen.has(key))
        throw new CodesetError(
          p.source.file,
          `a second ${service} MUE table for ${p.info.release} was given (the first is ${seen.get(key)})`,
        );
      seen.set(key, p.source.file);
      const rationales = [...new Set(p.content.rows.map((r) => r.rationale))];
      const rows = [...p.content.rows].sort((a, b) => a.code.localeCompare(b.code));
      ctx.counts[`mue ${service} ${p.info.release}`] = rows.length;
      return {
        service,
        sourceId: p.source.id,
        release: p.info.release,
        codes: rows.map((r) => r.code),
        value: rows.map((r) => r.value),
        mai: rows.map((r) => r.mai),
        rationale: rows.map((r) => rationales.indexOf(r.rationale)),
        rationales,
      };
    });
    return [{ name: MUE_SECTION, encoding: 'json', data: tables }];
  },
};

/** The MUE tables of a pack, answering by service type and date of service. */
export class MueTables {
  private constructor(
    private readonly tables: MueTableData[],
    private readonly sources: PackSource[],
  ) {}

  static read(raw: DecodedPack, sources: PackSource[]): MueTables {
    return new MueTables(raw.json<MueTableData[]>(MUE_SECTION) ?? [], sources);
  }

  /** The MUE of a code: from the quarter in force on `dos` (else the nearest loaded one), or the newest. */
  entry(code: string, service: MueService, dos: string | undefined): MueEntry | undefined {
    const ofService = this.tables.filter((x) => x.service === service);
    const t = pickQuarter(
      this.sources,
      ofService.map((x) => x.sourceId),
      dos,
      ofService,
    );
    if (!t) return undefined;
    const c = code.toUpperCase();
    const at = indexOfSorted(t.codes, c);
    if (at < 0) return undefined;
    return {
      code: c,
      service,
      value: t.value[at]!,
      mai: t.mai[at]!,
      rationale: t.rationales[t.rationale[at]!] ?? '',
      source: this.sources[t.sourceId]!,
    };
  }
}
