import { CodesetError } from '../../../codesets/errors';
import {
  parseCodesFile,
  parseOrderFile,
  type OrderRecord,
  type ValidCodeRecord,
} from '../../../codesets/icd10cm/order-file';
import type { TabularList } from '../../../codesets/icd10cm/tabular-xml';
import { releaseLabels } from '../../../domain/releases';
import { packArrays } from '../../../util/typed-arrays';
import type { SectionInput } from '../../container';
import type { IcdRelease } from '../../format';
import type { IcdSectionData } from '../../sections';
import { filesOf, type PackModule, type ParsedFile } from '../module';
import { ICD_SECTIONS } from './code-table';

/** Order, valid-codes, tabular or notes file content (told apart by the file's kind). */
type IcdContent = unknown;
interface Entry {
  present: number;
  billable: number;
  /** Release index -> [short, long] title. */
  titles: Map<number, [string, string]>;
}

/** The ICD-10-CM code table: every code of every loaded release, with a bit per release. */
export const icdCodeTableModule: PackModule = {
  name: 'ICD-10-CM code table',
  parsers: {
    'icd10cm-order': (f) => {
      const order = parseOrderFile(f.bytes, f.path, f.tick);
      return { content: order, records: order.length };
    },
    'icd10cm-codes': (f) => {
      const codes = parseCodesFile(f.bytes, f.path, f.tick);
      return { content: codes, records: codes.length };
    },
  },
  write(files, ctx) {
    ctx.progress('building ICD-10-CM code table');
    // Index and table XML files keep their own provenance (sources); releases here are code lists.
    const icd = buildIcd(
      filesOf<IcdContent>(files, 'icd10cm-order', 'icd10cm-codes', 'icd10cm-tabular', 'icd10cm-tabular-notes'),
    );
    ctx.header.icdReleases = icd?.releases ?? [];
    if (!icd) return [];
    const d = icd.data;
    const enc = new TextEncoder();
    ctx.counts.icdCodes = d.codes.length;
    for (const r of icd.releases) ctx.counts[`icdBillable ${r.label}`] = r.billableCount;
    const sections: SectionInput[] = [
      {
        name: ICD_SECTIONS.meta,
        encoding: 'json',
        data: { releases: d.releases, olderTitles: d.olderTitles, parentOverrides: d.parentOverrides },
      },
      { name: ICD_SECTIONS.codes, encoding: 'binary', data: enc.encode(d.codes.join('\n')) },
      { name: ICD_SECTIONS.long, encoding: 'binary', data: enc.encode(d.long.join('\n')) },
      { name: ICD_SECTIONS.short, encoding: 'binary', data: enc.encode(d.short.join('\n')) },
      {
        name: ICD_SECTIONS.columns,
        encoding: 'binary',
        data: packArrays([
          Uint32Array.from(d.present),
          Uint32Array.from(d.billable),
          Uint8Array.from(d.titleRelease),
          Int32Array.from(d.parent),
        ]),
      },
    ];
    return sections;
  },
};

/** Records one release's codes into the entries; returns [codeCount, billableCount]. */
function addRelease(
  group: ParsedFile<IcdContent>[],
  label: string,
  r: number,
  entry: (code: string) => Entry,
): [number, number] {
  const bit = 1 << r;
  const orders = group.filter((p) => p.kind === 'icd10cm-order') as ParsedFile<OrderRecord[]>[];
  const codesFiles = group.filter((p) => p.kind === 'icd10cm-codes') as ParsedFile<ValidCodeRecord[]>[];
  const tabular = group.find((p) => p.kind === 'icd10cm-tabular') as ParsedFile<TabularList> | undefined;
  if (orders.length > 1)
    throw new CodesetError(
      orders[1]!.source.file,
      `a second order file for ICD-10-CM ${label} (the first is ${orders[0]!.source.file})`,
    );
  const order = orders[0];
  let billableCount = 0;
  let codeCount = 0;
  const add = (code: string, billable: boolean, titles: [string, string]) => {
    const e = entry(code);
    e.present |= bit;
    if (billable) {
      e.billable |= bit;
      billableCount++;
    }
    e.titles.set(r, titles);
    codeCount++;
  };
  if (order) {
    for (const rec of order.content) add(rec.code, rec.billable, [rec.short, rec.long]);
    const billable = new Set(order.content.filter((o) => o.billable).map((o) => o.code));
    for (const cf of codesFiles) {
      for (const rec of cf.content) {
        if (!billable.has(rec.code))
          throw new CodesetError(
            cf.source.file,
            `${rec.code} is listed as valid here but is not billable in ${order.source.file}`,
            { line: rec.line },
          );
      }
      if (cf.content.length !== billable.size) {
        throw new CodesetError(
          cf.source.file,
          `lists ${cf.content.length} valid codes but ${order.source.file} flags ${billable.size} as billable`,
        );
      }
    }
  } else if (codesFiles.length) {
    for (const rec of codesFiles[0]!.content) add(rec.code, true, ['', rec.long]);
  } else if (tabular) {
    // A tabular list alone: its codes exist; billable = leaves of the diag tree with no 7th-character rule.
    const parents = new Set(tabular.content.diags.map((d) => d.parent).filter(Boolean));
    for (const d of tabular.content.diags) add(d.code, !parents.has(d.code), ['', d.desc]);
  }
  return [codeCount, billableCount];
}

/**
 * Merges every ICD-10-CM release given into one code table: a code is listed once with a bit
 * per release it exists in and per release it is billable in, titles from the newest release
 * that has them, and the parent from the tabular tree (or the longest existing prefix).
 */
function buildIcd(icdParsed: ParsedFile<IcdContent>[]): { data: IcdSectionData; releases: IcdRelease[] } | undefined {
  if (icdParsed.length === 0) return undefined;
  const labels = releaseLabels(icdParsed.map((p) => p.info));
  if (labels.length > 30)
    throw new CodesetError(icdParsed[0]!.source.file, 'more than 30 ICD-10-CM releases in one pack');
  const entries = new Map<string, Entry>();
  const entry = (code: string) => {
    let e = entries.get(code);
    if (!e) entries.set(code, (e = { present: 0, billable: 0, titles: new Map() }));
    return e;
  };
  const releases: IcdRelease[] = labels.map((label, r) => {
    const group = icdParsed.filter((p) => p.info.release === label);
    const [codeCount, billableCount] = addRelease(group, label, r, entry);
    const has = (kind: string) => group.some((p) => p.kind === kind);
    return {
      label,
      effectiveFrom: group[0]!.info.effectiveFrom,
      effectiveTo: group[0]!.info.effectiveTo,
      sourceIds: group.map((p) => p.source.id),
      codeCount,
      billableCount,
      hasTitles: has('icd10cm-order') || has('icd10cm-codes') || has('icd10cm-tabular'),
      hasNotes: has('icd10cm-tabular') || has('icd10cm-tabular-notes'),
    };
  });
  const codes = [...entries.keys()].sort();
  const idx = new Map(codes.map((c, i) => [c, i]));
  // Parents can differ between releases (FY2021 lists H54.512A under H54.511; FY2026 adds H54.512),
  // so each release gets its own: the tabular tree of that release, else the longest prefix in it.
  const tabularParentByRelease = labels.map(() => new Map<string, string>());
  for (const p of icdParsed) {
    if (p.kind !== 'icd10cm-tabular') continue;
    const r = labels.indexOf(p.info.release);
    for (const d of (p.content as TabularList).diags) if (d.parent) tabularParentByRelease[r]!.set(d.code, d.parent);
  }
  const data: IcdSectionData = {
    releases: labels,
    codes,
    present: [],
    billable: [],
    short: [],
    long: [],
    titleRelease: [],
    parent: [],
    olderTitles: {},
    parentOverrides: {},
  };
  codes.forEach((code, i) => {
    const e = entries.get(code)!;
    data.present.push(e.present);
    data.billable.push(e.billable);
    const newest = Math.max(...e.titles.keys());
    const [short, long] = e.titles.get(newest) ?? ['', ''];
    data.short.push(short);
    data.long.push(long);
    data.titleRelease.push(newest);
    for (const [r, [s, l]] of e.titles) {
      if (r !== newest && (l !== long || (s !== short && s !== '')))
        (data.olderTitles[String(r)] ??= []).push([i, s, l]);
    }
    const newestPresent = 31 - Math.clz32(e.present);
    const parentIn = (r: number) => parentIndex(code, r, idx, entries, tabularParentByRelease[r]!);
    const parent = parentIn(newestPresent);
    data.parent.push(parent);
    for (let r = 0; r < labels.length; r++) {
      if (r === newestPresent || (e.present & (1 << r)) === 0) continue;
      const pr = parentIn(r);
      if (pr !== parent) (data.parentOverrides[String(r)] ??= []).push([i, pr]);
    }
  });
  return { data, releases };
}

function parentIndex(
  code: string,
  release: number,
  idx: Map<string, number>,
  entries: Map<string, { present: number }>,
  tabularParent: Map<string, string>,
): number {
  const bit = 1 << release;
  const t = tabularParent.get(code);
  if (t !== undefined && ((entries.get(t)?.present ?? 0) & bit) !== 0) return idx.get(t)!;
  // Longest shorter code in the same release: S52.501A -> S52.501 -> S52.50 -> S52.5 -> S52.
  let c = code.replace('.', '');
  while (c.length > 3) {
    c = c.slice(0, -1);
    const dotted = c.length > 3 ? `${c.slice(0, 3)}.${c.slice(3)}` : c;
    if (((entries.get(dotted)?.present ?? 0) & bit) !== 0) return idx.get(dotted)!;
  }
  return -1;
}
