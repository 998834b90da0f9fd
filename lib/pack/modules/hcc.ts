import { CodesetError } from '../../codesets/errors';
import { parseCmsHccMappings, type HccMapping } from '../../codesets/hcc/cms-hcc';
import { V28_LABELS } from '../../codesets/hcc/v28-labels';
import { dotIcd } from '../../codesets/code-format';
import { readDelimited, readXlsx } from '../../codesets/tables';
import { indexOfSorted } from '../../domain/sorted';
import type { DecodedPack } from '../container';
import type { PackSource } from '../format';
import type { HccSectionData } from '../sections';
import { byEffectiveDate, filesOf, type PackModule } from './module';

/** CMS-HCC V28 payment categories per ICD-10-CM code, from the newest mapping loaded ('hcc'). */
export const HCC_SECTION = 'hcc';

export interface HccInfo {
  /** The V28 payment HCC (the lower one when the code maps to two). */
  category: number;
  /** CMS label of the category, e.g. "Diabetes with Chronic Complications". */
  label?: string;
  /** Every V28 HCC of the code (a few codes map to two, e.g. E08.311 -> 37 and 298). */
  categories: number[];
  model: 'V28';
  paymentYear: number;
  /** The code years the mapping covers, as its title says ("FY2024 and FY2025"). */
  codeYears: string;
  /** The mapping's release label, e.g. "PY2026 initial". */
  release: string;
}

/** The mapping's provenance: its release, model, payment year, code years and source file. */
export type HccMappingInfo = Pick<HccInfo, 'release' | 'model' | 'paymentYear' | 'codeYears'> & { source: PackSource };

export const hccModule: PackModule = {
  name: 'CMS-HCC',
  parsers: {
    'cms-hcc': (f) => {
      const hcc = parseCmsHccMappings(f.xlsx ? readXlsx(f.bytes, f.path) : readDelimited(f.text, f.path, ','), f.path);
      return {
        content: hcc,
        records: hcc.records.length,
        detail: `V28${hcc.codeYears ? ` (codes valid in ${hcc.codeYears})` : ''}`,
      };
    },
  },
  write(files, ctx) {
    const hcc = byEffectiveDate(filesOf<HccMapping>(files, 'cms-hcc')).at(-1);
    if (!hcc) return [];
    const mapped = hcc.content.records.filter((r) => r.v28.length > 0);
    for (const r of mapped) {
      for (const c of r.v28) {
        if (!V28_LABELS[String(c)])
          throw new CodesetError(
            hcc.source.file,
            `${r.code} maps to V28 category ${c}, which is not a V28 payment HCC`,
            { line: r.line },
          );
      }
    }
    const data: HccSectionData = {
      sourceId: hcc.source.id,
      release: hcc.info.release,
      model: 'V28',
      paymentYear: Number(hcc.info.effectiveFrom.slice(0, 4)),
      codeYears: hcc.content.codeYears,
      codes: mapped.map((r) => r.code),
      categories: mapped.map((r) => r.v28),
      labels: V28_LABELS,
    };
    ctx.counts['hcc V28 codes'] = mapped.length;
    return [{ name: HCC_SECTION, encoding: 'json', data }];
  },
};

/** The CMS-HCC mapping of a pack. */
export class HccTable {
  private constructor(
    private readonly data: HccSectionData,
    private readonly sources: PackSource[],
  ) {}

  static read(raw: DecodedPack, sources: PackSource[]): HccTable | undefined {
    const data = raw.json<HccSectionData>(HCC_SECTION);
    return data ? new HccTable(data, sources) : undefined;
  }

  /** The mapping's provenance (payment year, model, code years). */
  get mapping(): HccMappingInfo {
    const h = this.data;
    return {
      release: h.release,
      model: h.model,
      paymentYear: h.paymentYear,
      codeYears: h.codeYears,
      source: this.sources[h.sourceId]!,
    };
  }

  /**
   * The V28 payment category of an ICD-10-CM code (payment year 2026 uses V28 alone), or undefined
   * when the mapping gives it none. The mapping covers the code years it states (`codeYears`); a
   * code added after them is not in it.
   */
  of(code: string): HccInfo | undefined {
    const h = this.data;
    const at = indexOfSorted(h.codes, dotIcd(code));
    if (at < 0) return undefined;
    const categories = h.categories[at]!;
    const label = h.labels[String(categories[0])];
    return {
      category: categories[0]!,
      ...(label ? { label } : {}),
      categories,
      model: 'V28',
      paymentYear: h.paymentYear,
      codeYears: h.codeYears,
      release: h.release,
    };
  }
}
