import { parseHcpcsFixedWidth, parseHcpcsJson, parseHcpcsTable, type HcpcsRecord } from '../../codesets/hcpcs/hcpcs';
import { readXlsx } from '../../codesets/tables';
import { releaseOrder } from '../../domain/releases';
import type { DecodedPack } from '../container';
import type { HcpcsSectionData } from '../sections';
import { filesOf, type PackModule } from './module';

/** HCPCS Level II: the newest loaded release's codes, titles, coverage and dates ('hcpcs'). */
export const HCPCS_SECTION = 'hcpcs';

export interface HcpcsLookup {
  system: 'HCPCS';
  code: string;
  title: string;
  short: string;
  release: string;
  coverage: string;
  addDate: string;
  termDate: string;
}

export const hcpcsModule: PackModule = {
  name: 'HCPCS',
  parsers: {
    'hcpcs-json': (f) => {
      const j = parseHcpcsJson(f.text, f.path);
      return { content: j.records, records: j.records.length, contentVersion: j.version };
    },
    'hcpcs-xlsx': (f) => {
      const records = parseHcpcsTable(readXlsx(f.bytes, f.path), f.path);
      return { content: records, records: records.length };
    },
    'hcpcs-txt': (f) => {
      const records = parseHcpcsFixedWidth(f.text, f.path);
      return { content: records, records: records.length };
    },
  },
  write(files, ctx) {
    const newest = filesOf<HcpcsRecord[]>(files, 'hcpcs-json', 'hcpcs-xlsx', 'hcpcs-txt')
      .sort((a, b) => releaseOrder(a.info.release, b.info.release))
      .at(-1);
    if (!newest) return [];
    const recs = [...newest.content].sort((a, b) => a.code.localeCompare(b.code));
    const data: HcpcsSectionData = {
      sourceId: newest.source.id,
      release: newest.info.release,
      codes: recs.map((r) => r.code),
      long: recs.map((r) => r.long),
      short: recs.map((r) => r.short),
      cov: recs.map((r) => r.cov ?? ''),
      tos: recs.map((r) => r.tos ?? ''),
      addDate: recs.map((r) => r.addDate ?? ''),
      termDate: recs.map((r) => r.termDate ?? ''),
    };
    ctx.counts.hcpcsCodes = recs.length;
    return [{ name: HCPCS_SECTION, encoding: 'json', data }];
  },
};

/** The HCPCS Level II table of a pack. */
export class HcpcsTable {
  private readonly byCode: Map<string, number>;

  private constructor(private readonly data: HcpcsSectionData) {
    this.byCode = new Map(data.codes.map((c, i) => [c, i]));
  }

  static read(raw: DecodedPack): HcpcsTable | undefined {
    const data = raw.json<HcpcsSectionData>(HCPCS_SECTION);
    return data ? new HcpcsTable(data) : undefined;
  }

  get release(): string {
    return this.data.release;
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /** Long description of a code ('' when unknown). */
  titleOf(code: string): string {
    const i = this.byCode.get(code);
    return i === undefined ? '' : this.data.long[i]!;
  }

  /** A code (upper case, as listed) with its titles, coverage and dates. */
  lookup(code: string): HcpcsLookup | undefined {
    const i = this.byCode.get(code);
    if (i === undefined) return undefined;
    const d = this.data;
    return {
      system: 'HCPCS',
      code,
      title: d.long[i]!,
      short: d.short[i]!,
      release: d.release,
      coverage: d.cov[i]!,
      addDate: d.addDate[i]!,
      termDate: d.termDate[i]!,
    };
  }

  /** Every code of the release (for matchers that read descriptions). */
  list(): { code: string; title: string; termDate: string; release: string }[] {
    const d = this.data;
    return d.codes.map((code, i) => ({
      code,
      title: d.long[i] ?? '',
      termDate: d.termDate[i] ?? '',
      release: d.release,
    }));
  }
}
