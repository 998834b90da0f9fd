import { CodesetError } from '../codesets/errors';
import { detectSource, type SourceKind } from '../codesets/detect';
import { expandArchives, baseName, type InputFile } from '../codesets/inputs';
import { inferRelease, type ReleaseInfo } from '../codesets/release';
import { parseCodesFile, parseOrderFile, type OrderRecord, type ValidCodeRecord } from '../codesets/icd10cm/order-file';
import { parseTabularXml, type TabularList } from '../codesets/icd10cm/tabular-xml';
import { parseIndexXml, type IndexFile } from '../codesets/icd10cm/index-xml';
import { parseIndexFlatCsv } from '../codesets/icd10cm/index-flat-csv';
import { resolveIndexRefs } from '../codesets/icd10cm/index-refs';
import { parseHcpcsFixedWidth, parseHcpcsJson, parseHcpcsTable, type HcpcsRecord } from '../codesets/hcpcs/hcpcs';
import { emptyPtp, parsePtp, type PtpTable } from '../codesets/ncci/ptp';
import { mueServiceFromName, parseMue, parseMueJson, type MueRecord, type MueService } from '../codesets/ncci/mue';
import { parseAoc, parseAocJson, type AocRecord } from '../codesets/ncci/aoc';
import { parseTabularNotesJson, type TabularNotesFile } from '../codesets/icd10cm/tabular-notes-json';
import { parseCmsHccMappings, type HccMapping } from '../codesets/hcc/cms-hcc';
import { V28_LABELS } from '../codesets/hcc/v28-labels';
import { readDelimited, readXlsx } from '../codesets/tables';
import { decodeUtf8 } from '../util/text-lines';
import { sha256Hex } from '../util/sha256';
import { encodePack, type SectionInput } from './container';
import { CodePack } from './code-pack';
import { buildDictionary } from '../suggest/dictionary';
import type { AlphabeticIndexInfo, IcdRelease, PackSource } from './format';
import { encodePtpRows } from './ptp-binary';
import { packArrays } from '../util/typed-arrays';
import { excludedRanges } from './excludes1';
import type {
  AocSectionData,
  Excludes1Pair,
  HccSectionData,
  HcpcsSectionData,
  IcdSectionData,
  IndexForm,
  IndexSectionData,
  MueTableData,
  TabularSectionData,
} from './sections';

export interface CompileProgress {
  phase: string;
  done: number;
  total: number;
}

export interface CompileOptions {
  onProgress?: (p: CompileProgress) => void;
  /** Fixed time stamp for reproducible packs in tests. */
  createdAt?: string;
  generator?: string;
}

export interface CompileResult {
  bytes: Uint8Array;
  sources: PackSource[];
  skipped: { file: string; why: string }[];
  counts: Record<string, number>;
}

interface Parsed {
  source: PackSource;
  kind: SourceKind;
  info: ReleaseInfo;
  order?: OrderRecord[];
  codes?: ValidCodeRecord[];
  tabular?: TabularList;
  notes?: TabularNotesFile;
  hcc?: HccMapping;
  index?: IndexFile;
  indexForm?: IndexForm;
  hcpcs?: HcpcsRecord[];
  mue?: { service: MueService; rows: MueRecord[] };
  aoc?: AocRecord[];
  ptp?: boolean;
}

/** Orders release labels oldest first: "FY2021" < "FY2026" < "FY2026 April update". */
function releaseOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * Compiles official release files into one code pack. Pure: takes bytes, returns bytes.
 * Throws CodesetError (file + line/element) on the first bad input; nothing is returned then.
 */
export async function compilePack(files: InputFile[], opts: CompileOptions = {}): Promise<CompileResult> {
  const progress = opts.onProgress ?? (() => {});
  for (const f of files) f.suppliedSha256 ??= await sha256Hex(f.bytes);
  const expanded = expandArchives(files);
  const skipped: { file: string; why: string }[] = [];
  const parsed: Parsed[] = [];
  const ptp: PtpTable = emptyPtp();
  const archivesWithData = new Set<string>();

  // When a CMS zip carries both the ANWEB workbook and text, the workbook has coverage and dates.
  const hasHcpcsXlsx = new Set(expanded.filter((f) => /hcpc.*\.xlsx$/i.test(baseName(f.path))).map((f) => f.archive ?? ''));

  // The official Alphabetic Index XML, when given, is read instead of a lossy flat CSV rendering.
  const hasIndexXml = expanded.some((f) => /\.xml$/i.test(f.path) && /<ICD10CM\.index[\s\S]*index to diseases/i.test(new TextDecoder('latin1').decode(f.bytes.subarray(0, 2048))));

  let done = 0;
  for (const f of expanded) {
    progress({ phase: `reading ${baseName(f.path)}`, done, total: expanded.length });
    done++;
    const det = detectSource(f, f.archive !== undefined);
    if ('ignored' in det) {
      skipped.push({ file: f.path, why: det.ignored });
      continue;
    }
    if (det.kind === 'hcpcs-txt' && hasHcpcsXlsx.has(f.archive ?? '')) {
      skipped.push({ file: f.path, why: 'the ANWEB workbook in the same archive is read instead (it has coverage and dates)' });
      continue;
    }
    if (det.kind === 'icd10cm-index' && /\.csv$/i.test(f.path) && hasIndexXml) {
      skipped.push({ file: f.path, why: 'the official Alphabetic Index XML among the inputs is read instead of this lossy flat CSV' });
      continue;
    }
    if (f.archive) archivesWithData.add(f.archive);
    const isXlsx = /\.xlsx$/i.test(f.path);
    const text = isXlsx ? '' : decodeUtf8(f.bytes);
    const p: Partial<Parsed> = { kind: det.kind };
    let records = 0;
    let contentVersion: string | undefined;
    let detail: string | undefined;
    switch (det.kind) {
      case 'icd10cm-order':
        p.order = parseOrderFile(text, f.path);
        records = p.order.length;
        break;
      case 'icd10cm-codes':
        p.codes = parseCodesFile(text, f.path);
        records = p.codes.length;
        break;
      case 'icd10cm-tabular':
        p.tabular = parseTabularXml(text, f.path);
        contentVersion = p.tabular.version;
        records = p.tabular.diags.length;
        break;
      case 'icd10cm-index':
        if (/\.csv$/i.test(f.path)) {
          p.index = parseIndexFlatCsv(text, f.path);
          p.indexForm = 'flat CSV (lossy)';
          detail = 'index (flat CSV, lossy)';
        } else {
          p.index = parseIndexXml(text, f.path);
          p.indexForm = 'official XML';
          detail = p.index.kind;
        }
        contentVersion = p.index.version || undefined;
        records = p.index.entries.length;
        break;
      case 'hcpcs-json': {
        const j = parseHcpcsJson(text, f.path);
        p.hcpcs = j.records;
        contentVersion = j.version;
        records = j.records.length;
        break;
      }
      case 'hcpcs-xlsx':
        p.hcpcs = parseHcpcsTable(readXlsx(f.bytes, f.path), f.path);
        records = p.hcpcs.length;
        break;
      case 'hcpcs-txt':
        p.hcpcs = parseHcpcsFixedWidth(text, f.path);
        records = p.hcpcs.length;
        break;
      case 'icd10cm-tabular-notes':
        p.notes = parseTabularNotesJson(text, f.path);
        contentVersion = p.notes.version || undefined;
        records = p.notes.nodes.length;
        detail = 'tabular notes (JSON extraction: no code-also, 7th-character or chapter/section notes)';
        break;
      case 'cms-hcc':
        p.hcc = parseCmsHccMappings(isXlsx ? readXlsx(f.bytes, f.path) : readDelimited(text, f.path, ','), f.path);
        records = p.hcc.records.length;
        detail = `V28${p.hcc.codeYears ? ` (codes valid in ${p.hcc.codeYears})` : ''}`;
        break;
      case 'ncci-mue': {
        const service = mueServiceFromName(baseName(f.path));
        if (!service) throw new CodesetError(f.path, 'cannot tell which MUE table this is (practitioner, outpatient hospital or DME supplier)');
        const isJson = /\.json$/i.test(f.path);
        const rows = isJson ? parseMueJson(text, f.path).rows : parseMue(isXlsx ? readXlsx(f.bytes, f.path) : readDelimited(text, f.path), f.path);
        if (isJson) detail = `${service} (JSON conversion)`;
        p.mue = { service, rows };
        records = rows.length;
        detail ??= service;
        break;
      }
      case 'ncci-aoc':
        if (/\.json$/i.test(f.path)) {
          p.aoc = parseAocJson(text, f.path).rows;
          detail = 'JSON conversion';
        } else p.aoc = parseAoc(isXlsx ? readXlsx(f.bytes, f.path) : readDelimited(text, f.path), f.path);
        records = p.aoc.length;
        break;
      case 'ncci-ptp': {
        const before = ptp.column1.length;
        parsePtp(isXlsx ? readXlsx(f.bytes, f.path) : text, f.path, ptp);
        records = ptp.column1.length - before;
        p.ptp = true;
        break;
      }
    }
    const info = inferRelease(det.kind, f.archive ? `${f.archive} ${baseName(f.path)}` : f.path, contentVersion);
    const source: PackSource = {
      id: parsed.length,
      kind: det.kind,
      system: info.system,
      release: info.release,
      effectiveFrom: info.effectiveFrom,
      effectiveTo: info.effectiveTo,
      releaseBasis: info.basis,
      file: f.path,
      sha256: f.suppliedSha256 ?? (await sha256Hex(f.bytes)),
      contentSha256: await sha256Hex(f.bytes),
      records,
      ...(detail ? { detail } : {}),
    };
    parsed.push({ ...(p as Parsed), source, info });
  }
  for (const f of files) {
    if (/\.zip$/i.test(f.path) && !archivesWithData.has(f.path)) {
      throw new CodesetError(f.path, 'the zip holds no ICD-10-CM, HCPCS or NCCI release table this product reads (expected member missing)');
    }
  }
  if (parsed.length === 0) throw new CodesetError(files[0]?.path ?? '(no files)', 'no release file found among the inputs');

  progress({ phase: 'building ICD-10-CM code table', done, total: expanded.length });
  const sections: SectionInput[] = [];
  const icd = buildIcd(parsed);
  const counts: Record<string, number> = {};
  if (icd) {
    const enc = new TextEncoder();
    const d = icd.data;
    sections.push({ name: 'icd', encoding: 'json', data: { releases: d.releases, olderTitles: d.olderTitles, parentOverrides: d.parentOverrides } });
    sections.push({ name: 'icd.codes', encoding: 'binary', data: enc.encode(d.codes.join('\n')) });
    sections.push({ name: 'icd.long', encoding: 'binary', data: enc.encode(d.long.join('\n')) });
    sections.push({ name: 'icd.short', encoding: 'binary', data: enc.encode(d.short.join('\n')) });
    sections.push({
      name: 'icd.cols',
      encoding: 'binary',
      data: packArrays([Uint32Array.from(d.present), Uint32Array.from(d.billable), Uint8Array.from(d.titleRelease), Int32Array.from(d.parent)]),
    });
    counts.icdCodes = icd.data.codes.length;
    for (const r of icd.releases) counts[`icdBillable ${r.label}`] = r.billableCount;
  }
  const tabulars = parsed.filter((p) => p.tabular);
  const excludes1: Excludes1Pair[] = [];
  for (const t of tabulars) {
    const data = tabularSection(t);
    sections.push({ name: `tabular:${t.info.release}`, encoding: 'json', data });
    for (const d of t.tabular!.diags) {
      for (const text of d.notes.excludes1 ?? []) {
        const targets = excludedRanges(text);
        if (targets.length > 0) excludes1.push({ from: d.code, targets, text, release: t.info.release });
      }
    }
  }
  for (const p of parsed.filter((x) => x.notes)) {
    // A full Tabular XML of the same release is richer (code also, 7th characters, chapter notes).
    if (tabulars.some((t) => t.info.release === p.info.release)) continue;
    const nodes: TabularSectionData['nodes'] = {};
    for (const n of p.notes!.nodes) {
      nodes[n.code] = { d: n.desc, s: '', n: n.notes };
      for (const text of n.notes.excludes1 ?? []) {
        const targets = excludedRanges(text);
        if (targets.length > 0) excludes1.push({ from: n.code, targets, text, release: p.info.release });
      }
    }
    const data: TabularSectionData = { release: p.info.release, sourceId: p.source.id, version: p.notes!.version, chapters: [], nodes, notesOnly: true };
    sections.push({ name: `tabular-notes:${p.info.release}`, encoding: 'json', data });
  }
  if (excludes1.length) sections.push({ name: 'excludes1', encoding: 'json', data: excludes1 });
  counts.excludes1Pairs = excludes1.length;

  const indexes = parsed.filter((p) => p.index);
  let alphabeticIndex: AlphabeticIndexInfo | undefined;
  if (indexes.length) {
    progress({ phase: 'resolving index cross-references', done, total: expanded.length });
    const data: IndexSectionData = { files: [], entries: [], refs: [] };
    for (const p of indexes) {
      const fi = data.files.length;
      const ix = p.index!;
      data.files.push({ kind: ix.kind, sourceId: p.source.id, release: p.info.release, columns: ix.columns.slice(1), form: p.indexForm! });
      const first = data.entries.length;
      for (const e of ix.entries) {
        const cells = (e.cells ?? []).map((c) => [ix.columns.indexOf(c.column) - 1, c.code] as [number, string]);
        data.entries.push([fi, e.path, e.nemod ?? '', e.codes, e.manif, e.see ?? '', e.seeAlso ?? '', cells]);
      }
      if (ix.kind !== 'index' && ix.kind !== 'eindex') continue;
      const neoplasm = indexes.find((x) => x.index!.kind === 'neoplasm')?.index!.entries;
      const { refs, stats } = resolveIndexRefs(ix.entries, neoplasm);
      for (const r of refs) data.refs!.push({ ...r, entry: first + r.entry });
      counts[`${ix.kind} see resolved`] = stats.seeResolved;
      if (ix.kind === 'index') alphabeticIndex = { sourceId: p.source.id, release: p.info.release, form: p.indexForm!, ...stats };
    }
    sections.push({ name: 'index', encoding: 'json', data });
    counts.indexEntries = data.entries.length;
  }

  const hcpcs = parsed.filter((p) => p.hcpcs).sort((a, b) => releaseOrder(a.info.release, b.info.release));
  const newestHcpcs = hcpcs[hcpcs.length - 1];
  if (newestHcpcs) {
    const recs = [...newestHcpcs.hcpcs!].sort((a, b) => a.code.localeCompare(b.code));
    const data: HcpcsSectionData = {
      sourceId: newestHcpcs.source.id,
      release: newestHcpcs.info.release,
      codes: recs.map((r) => r.code),
      long: recs.map((r) => r.long),
      short: recs.map((r) => r.short),
      cov: recs.map((r) => r.cov ?? ''),
      tos: recs.map((r) => r.tos ?? ''),
      addDate: recs.map((r) => r.addDate ?? ''),
      termDate: recs.map((r) => r.termDate ?? ''),
    };
    sections.push({ name: 'hcpcs', encoding: 'json', data });
    counts.hcpcsCodes = recs.length;
  }

  const mues = parsed.filter((p) => p.mue);
  if (mues.length) {
    const seen = new Map<string, string>();
    const ordered = [...mues].sort((a, b) => a.info.effectiveFrom.localeCompare(b.info.effectiveFrom));
    const tables: MueTableData[] = ordered.map((p) => {
      // One table per service and quarter: several quarters answer dates of service in each.
      const key = `${p.mue!.service} ${p.info.release}`;
      if (seen.has(key)) throw new CodesetError(p.source.file, `a second ${p.mue!.service} MUE table for ${p.info.release} was given (the first is ${seen.get(key)})`);
      seen.set(key, p.source.file);
      const rationales = [...new Set(p.mue!.rows.map((r) => r.rationale))];
      const rows = [...p.mue!.rows].sort((a, b) => a.code.localeCompare(b.code));
      counts[`mue ${p.mue!.service} ${p.info.release}`] = rows.length;
      return {
        service: p.mue!.service,
        sourceId: p.source.id,
        release: p.info.release,
        codes: rows.map((r) => r.code),
        value: rows.map((r) => r.value),
        mai: rows.map((r) => r.mai),
        rationale: rows.map((r) => rationales.indexOf(r.rationale)),
        rationales,
      };
    });
    sections.push({ name: 'mue', encoding: 'json', data: tables });
  }

  const aocs = parsed.filter((p) => p.aoc);
  if (aocs.length) {
    const ordered = [...aocs].sort((a, b) => a.info.effectiveFrom.localeCompare(b.info.effectiveFrom));
    const rows = ordered.flatMap((p, i) => p.aoc!.map((r) => ({ ...r, source: i })));
    const data: AocSectionData = {
      sourceIds: ordered.map((p) => p.source.id),
      source: rows.map((r) => r.source),
      addOn: rows.map((r) => r.addOn),
      primary: rows.map((r) => r.primary),
      type: rows.map((r) => r.type),
      effective: rows.map((r) => r.editEffective),
      deletion: rows.map((r) => r.editDeletion),
    };
    sections.push({ name: 'aoc', encoding: 'json', data });
    for (const p of ordered) counts[`aocEdits ${p.info.release}`] = p.aoc!.length;
  }

  const hccs = parsed.filter((p) => p.hcc).sort((a, b) => a.info.effectiveFrom.localeCompare(b.info.effectiveFrom));
  const hcc = hccs.at(-1);
  if (hcc) {
    const mapped = hcc.hcc!.records.filter((r) => r.v28.length > 0);
    const data: HccSectionData = {
      sourceId: hcc.source.id,
      release: hcc.info.release,
      model: 'V28',
      paymentYear: Number(hcc.info.effectiveFrom.slice(0, 4)),
      codeYears: hcc.hcc!.codeYears,
      codes: mapped.map((r) => r.code),
      categories: mapped.map((r) => r.v28),
      labels: V28_LABELS,
    };
    for (const r of mapped) {
      for (const c of r.v28) {
        if (!V28_LABELS[String(c)]) throw new CodesetError(hcc.source.file, `${r.code} maps to V28 category ${c}, which is not a V28 payment HCC`, { line: r.line });
      }
    }
    sections.push({ name: 'hcc', encoding: 'json', data });
    counts['hcc V28 codes'] = mapped.length;
  }

  const ptpSources = parsed.filter((p) => p.ptp);
  if (ptpSources.length) {
    progress({ phase: `packing ${ptp.column1.length.toLocaleString('en-US')} PTP edits`, done, total: expanded.length });
    const { meta, rows } = encodePtpRows(ptp, ptpSources.map((p) => p.source.id));
    sections.push({ name: 'ptp.meta', encoding: 'json', data: meta });
    sections.push({ name: 'ptp.rows', encoding: 'binary', data: rows });
    counts.ptpEdits = meta.rows;
  }

  progress({ phase: 'compressing', done, total: expanded.length });
  const sources = parsed.map((p) => p.source);
  const meta = {
    createdAt: opts.createdAt ?? new Date().toISOString(),
    generator: opts.generator ?? 'chartcoder',
    sources,
    icdReleases: icd?.releases ?? [],
    counts,
    ...(alphabeticIndex ? { alphabeticIndex } : {}),
  };
  let bytes = encodePack(meta, sections);
  if (icd?.releases.some((r) => r.hasTitles)) {
    // The match dictionary is derived from the pack itself, so build it from the pack just made.
    progress({ phase: 'compiling the match dictionary', done, total: expanded.length });
    const draft = new CodePack(bytes);
    const dict = buildDictionary(draft);
    const { version, strings, bin } = dict.serialize();
    sections.push({ name: 'dict', encoding: 'json', data: version });
    sections.push({ name: 'dict.strings', encoding: 'binary', data: strings });
    sections.push({ name: 'dict.bin', encoding: 'binary', data: bin });
    counts.dictionaryTerms = dict.size;
    bytes = encodePack(meta, sections);
  }
  progress({ phase: 'done', done: expanded.length, total: expanded.length });
  return { bytes, sources, skipped, counts };
}

function tabularSection(p: Parsed): TabularSectionData {
  const t = p.tabular!;
  const nodes: TabularSectionData['nodes'] = {};
  for (const d of t.diags) {
    const n: TabularSectionData['nodes'][string] = { d: d.desc, s: d.section };
    if (Object.keys(d.notes).length) n.n = d.notes;
    if (d.sevenChrDef) n.x = d.sevenChrDef;
    if (d.placeholder) n.p = 1;
    nodes[d.code] = n;
  }
  return {
    release: p.info.release,
    sourceId: p.source.id,
    version: t.version,
    chapters: t.chapters.map((c) => ({
      name: c.name,
      desc: c.desc,
      notes: c.notes,
      sections: c.sections.map((s) => ({ id: s.id, desc: s.desc, notes: s.notes, ...(s.sevenChrDef ? { x: s.sevenChrDef } : {}) })),
    })),
    nodes,
  };
}

/**
 * Merges every ICD-10-CM release given into one code table: a code is listed once with a bit
 * per release it exists in and per release it is billable in, titles from the newest release
 * that has them, and the parent from the tabular tree (or the longest existing prefix).
 */
function buildIcd(parsed: Parsed[]): { data: IcdSectionData; releases: IcdRelease[] } | undefined {
  // Index and table XML files keep their own provenance (sources); releases here are code lists.
  const icdParsed = parsed.filter((p) => p.order || p.codes || p.tabular || p.notes);
  if (icdParsed.length === 0) return undefined;
  const labels = [...new Set(icdParsed.map((p) => p.info.release))].sort(releaseOrder);
  if (labels.length > 30) throw new CodesetError(icdParsed[0]!.source.file, 'more than 30 ICD-10-CM releases in one pack');
  const entries = new Map<string, { present: number; billable: number; titles: Map<number, [string, string]> }>();
  const entry = (code: string) => {
    let e = entries.get(code);
    if (!e) entries.set(code, (e = { present: 0, billable: 0, titles: new Map() }));
    return e;
  };
  const releases: IcdRelease[] = [];
  labels.forEach((label, r) => {
    const bit = 1 << r;
    const group = icdParsed.filter((p) => p.info.release === label);
    const orders = group.filter((p) => p.order);
    const codesFiles = group.filter((p) => p.codes);
    const tabular = group.find((p) => p.tabular);
    if (orders.length > 1) throw new CodesetError(orders[1]!.source.file, `a second order file for ICD-10-CM ${label} (the first is ${orders[0]!.source.file})`);
    const order = orders[0];
    let billableCount = 0;
    let codeCount = 0;
    if (order) {
      for (const rec of order.order!) {
        const e = entry(rec.code);
        e.present |= bit;
        if (rec.billable) {
          e.billable |= bit;
          billableCount++;
        }
        e.titles.set(r, [rec.short, rec.long]);
        codeCount++;
      }
      for (const cf of codesFiles) {
        const billable = new Set(order.order!.filter((o) => o.billable).map((o) => o.code));
        for (const rec of cf.codes!) {
          if (!billable.has(rec.code)) throw new CodesetError(cf.source.file, `${rec.code} is listed as valid here but is not billable in ${order.source.file}`, { line: rec.line });
        }
        if (cf.codes!.length !== billable.size) {
          throw new CodesetError(cf.source.file, `lists ${cf.codes!.length} valid codes but ${order.source.file} flags ${billable.size} as billable`);
        }
      }
    } else if (codesFiles.length) {
      for (const rec of codesFiles[0]!.codes!) {
        const e = entry(rec.code);
        e.present |= bit;
        e.billable |= bit;
        e.titles.set(r, ['', rec.long]);
        billableCount++;
        codeCount++;
      }
    }
    if (tabular && !order && !codesFiles.length) {
      // A tabular list alone: its codes exist; billable = leaves of the diag tree with no 7th-character rule.
      const parents = new Set(tabular.tabular!.diags.map((d) => d.parent).filter(Boolean));
      for (const d of tabular.tabular!.diags) {
        const e = entry(d.code);
        e.present |= bit;
        e.titles.set(r, ['', d.desc]);
        codeCount++;
        if (!parents.has(d.code)) {
          e.billable |= bit;
          billableCount++;
        }
      }
    }
    releases.push({
      label,
      effectiveFrom: group[0]!.info.effectiveFrom,
      effectiveTo: group[0]!.info.effectiveTo,
      sourceIds: group.map((p) => p.source.id),
      codeCount,
      billableCount,
      hasTitles: Boolean(order || codesFiles.length || tabular),
      hasNotes: Boolean(tabular || group.some((p) => p.notes)),
    });
  });
  const codes = [...entries.keys()].sort();
  const idx = new Map(codes.map((c, i) => [c, i]));
  // Parents can differ between releases (FY2021 lists H54.512A under H54.511; FY2026 adds H54.512),
  // so each release gets its own: the tabular tree of that release, else the longest prefix in it.
  const tabularParentByRelease = labels.map(() => new Map<string, string>());
  for (const p of icdParsed) {
    const r = labels.indexOf(p.info.release);
    for (const d of p.tabular?.diags ?? []) if (d.parent) tabularParentByRelease[r]!.set(d.code, d.parent);
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
      if (r !== newest && (l !== long || (s !== short && s !== ''))) (data.olderTitles[String(r)] ??= []).push([i, s, l]);
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
