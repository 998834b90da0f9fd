import { decodePack, type DecodedPack, type Inflate } from './container';
import type { IcdRelease, PackHeader, PackSource } from './format';
import { dayToIso, isoToDay, PTP_IN_FORCE, PTP_ROW_BYTES } from './ptp-binary';
import { unpackArrays } from '../util/typed-arrays';
import { inPrefixRange } from './excludes1';
import { undotIcd, dotIcd } from '../codesets/code-format';
import { Bm25Index, type SearchDoc } from '../search/bm25-index';
import type {
  AocSectionData,
  Excludes1Pair,
  HcpcsSectionData,
  IcdSectionData,
  IndexSectionData,
  MueTableData,
  NoteKind,
  PtpMetaData,
  SevenChrValue,
  TabularSectionData,
} from './sections';
import type { MueService } from '../codesets/ncci/mue';

export interface CodeRef {
  code: string;
  title: string;
  billable: boolean;
}

export interface NoteRef {
  kind: NoteKind;
  text: string;
  /** Where the note is printed: the code itself, an ancestor, "section A00-A09" or "chapter 1". */
  from: string;
  release: string;
}

export interface IcdLookup {
  system: 'ICD-10-CM';
  code: string;
  title: string;
  short: string;
  titleRelease: string;
  /** Billable (valid for HIPAA transactions) in the newest release that holds the code. */
  billable: boolean;
  releases: { release: string; billable: boolean }[];
  notIn: string[];
  hierarchy: CodeRef[];
  children: CodeRef[];
  chapter?: { name: string; desc: string };
  section?: { id: string; desc: string };
  notes: NoteRef[];
  notesRelease?: string;
  sevenChr?: { from: string; release: string; values: SevenChrValue[] };
}

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

export interface PtpEdit {
  column1: string;
  column2: string;
  effective: string | null;
  deletion: string | null;
  modifierIndicator: number;
  rationale: string;
  inForceOn(dos: string): boolean;
}

export interface MueEntry {
  code: string;
  service: MueService;
  value: number;
  mai: number;
  rationale: string;
  source: PackSource;
}

export interface AocEdit {
  addOn: string;
  primary: string | null;
  type: number;
  effective: string | null;
  deletion: string | null;
}

export interface TermSource {
  code: string;
  text: string;
  kind: 'title' | 'inclusion' | 'index' | 'neoplasm' | 'drug' | 'guideline';
  /** For an index term reached through a cross-reference: "see Asthma" / "see also Pneumonia". */
  via?: string;
  /** Index terms: the main term and each subterm, in order (the analyzer requires a word of each). */
  levels?: string[];
}

export interface SearchResult {
  code: string;
  system: 'ICD-10-CM' | 'HCPCS';
  title: string;
  billable: boolean;
  score: number;
  matchedText: string;
  via: string;
}

export interface DateCoverage {
  system: string;
  release: string;
  effectiveFrom: string;
  effectiveTo: string;
  covers: boolean;
}

/** Read-only view over a code pack. Sections are inflated on first use. */
export class CodePack {
  readonly header: PackHeader;
  private readonly raw: DecodedPack;
  private icdData?: IcdSectionData;
  private icdIndex?: Map<string, number>;
  private childIndex?: Map<number, number[]>;
  private tabulars?: TabularSectionData[];
  private hcpcsData?: HcpcsSectionData | null;
  private hcpcsIndex?: Map<string, number>;
  private searchIndex?: Bm25Index;
  private ptpMeta?: PtpMetaData | null;
  private ptpRows?: DataView;
  private ptpCodeIndex?: Map<string, number>;

  constructor(bytes: Uint8Array, label?: string, inflate?: Inflate) {
    this.raw = decodePack(bytes, label, inflate);
    this.header = this.raw.header;
  }

  get sources(): PackSource[] {
    return this.header.sources;
  }

  get icdReleases(): IcdRelease[] {
    return this.header.icdReleases;
  }

  /** The newest ICD-10-CM release that carries titles: the one suggestions are made from. */
  get currentIcdRelease(): IcdRelease | undefined {
    return [...this.header.icdReleases].reverse().find((r) => r.hasTitles);
  }

  private icd(): IcdSectionData | undefined {
    if (this.icdData === undefined) {
      const meta = this.raw.json<Pick<IcdSectionData, 'releases' | 'olderTitles' | 'parentOverrides'>>('icd');
      if (!meta) return undefined;
      const dec = new TextDecoder();
      const lines = (name: string) => dec.decode(this.raw.section(name) ?? new Uint8Array()).split('\n');
      const [present, billable, titleRelease, parent] = unpackArrays(this.raw.section('icd.cols')!) as [Uint32Array, Uint32Array, Uint8Array, Int32Array];
      const codes = lines('icd.codes');
      let short: string[] | undefined;
      this.icdData = {
        ...meta,
        codes,
        long: lines('icd.long'),
        // Short titles are rarely shown: decoded on first use.
        get short() {
          return (short ??= lines('icd.short'));
        },
        present: present as unknown as number[],
        billable: billable as unknown as number[],
        titleRelease: titleRelease as unknown as number[],
        parent: parent as unknown as number[],
      };
      const index = new Map<string, number>();
      for (let i = 0; i < codes.length; i++) index.set(codes[i]!, i);
      this.icdIndex = index;
    }
    return this.icdData;
  }

  private tabular(): TabularSectionData[] {
    if (!this.tabulars) {
      this.tabulars = this.header.sections
        .filter((s) => s.name.startsWith('tabular:'))
        .map((s) => this.raw.json<TabularSectionData>(s.name)!)
        .sort((a, b) => b.release.localeCompare(a.release, 'en', { numeric: true }));
    }
    return this.tabulars;
  }

  private hcpcs(): HcpcsSectionData | null {
    if (this.hcpcsData === undefined) {
      this.hcpcsData = this.raw.json<HcpcsSectionData>('hcpcs') ?? null;
      if (this.hcpcsData) this.hcpcsIndex = new Map(this.hcpcsData.codes.map((c, i) => [c, i]));
    }
    return this.hcpcsData;
  }

  /** Every HCPCS Level II code of the loaded release (for matchers that read descriptions). */
  listHcpcs(): { code: string; title: string; termDate: string; release: string }[] {
    const h = this.hcpcs();
    if (!h) return [];
    return h.codes.map((code, i) => ({ code, title: h.long[i] ?? '', termDate: h.termDate[i] ?? '', release: h.release }));
  }

  private ref(i: number): CodeRef {
    const d = this.icd()!;
    return { code: d.codes[i]!, title: d.long[i]!, billable: this.isBillableNewest(i) };
  }

  private newestRelease(i: number): number {
    const present = this.icd()!.present[i]!;
    return 31 - Math.clz32(present);
  }

  private isBillableNewest(i: number): boolean {
    const d = this.icd()!;
    return (d.billable[i]! & (1 << this.newestRelease(i))) !== 0;
  }

  /** Title, billable flag and children of an ICD-10-CM code, without the tabular notes (cheap). */
  codeInfo(input: string): { code: string; title: string; billable: boolean; children: CodeRef[] } | undefined {
    const d = this.icd();
    const code = dotIcd(input);
    const i = this.icdIndex?.get(code);
    if (!d || i === undefined) return undefined;
    return { code, title: d.long[i]!, billable: this.isBillableNewest(i), children: this.children(i).map((c) => this.ref(c)) };
  }

  /** The 7th-character values that apply to a code (from itself or the nearest ancestor / section). */
  sevenChrFor(input: string): IcdLookup['sevenChr'] {
    const d = this.icd();
    const code = dotIcd(input);
    const i = this.icdIndex?.get(code);
    if (!d || i === undefined) return undefined;
    const chain = [code];
    for (let p = d.parent[i]!; p >= 0; p = d.parent[p]!) chain.push(d.codes[p]!);
    for (const t of this.tabular()) {
      for (const c of chain) {
        const node = t.nodes[c];
        if (node?.x) return { from: c, release: t.release, values: node.x };
      }
      const holder = chain.find((c) => t.nodes[c]);
      if (!holder) continue;
      for (const ch of t.chapters) {
        const sec = ch.sections.find((x) => x.id === t.nodes[holder]!.s);
        if (sec?.x) return { from: `section ${sec.id}`, release: t.release, values: sec.x };
      }
    }
    return undefined;
  }

  /** Finds an ICD-10-CM code (dotted or not) or a HCPCS code. */
  lookup(input: string): IcdLookup | HcpcsLookup | undefined {
    const q = input.trim().toUpperCase();
    const h = this.hcpcs();
    if (h && this.hcpcsIndex!.has(q)) {
      const i = this.hcpcsIndex!.get(q)!;
      return {
        system: 'HCPCS',
        code: q,
        title: h.long[i]!,
        short: h.short[i]!,
        release: h.release,
        coverage: h.cov[i]!,
        addDate: h.addDate[i]!,
        termDate: h.termDate[i]!,
      };
    }
    const d = this.icd();
    if (!d) return undefined;
    const code = dotIcd(q);
    const i = this.icdIndex!.get(code);
    if (i === undefined) return undefined;
    const hierarchy: CodeRef[] = [];
    for (let p = d.parent[i]!; p >= 0; p = d.parent[p]!) hierarchy.unshift(this.ref(p));
    const releases = d.releases
      .map((release, r) => ({ release, r }))
      .filter(({ r }) => (d.present[i]! & (1 << r)) !== 0)
      .map(({ release, r }) => ({ release, billable: (d.billable[i]! & (1 << r)) !== 0 }));
    const notIn = d.releases.filter((_, r) => (d.present[i]! & (1 << r)) === 0);
    const result: IcdLookup = {
      system: 'ICD-10-CM',
      code,
      title: d.long[i]!,
      short: d.short[i]!,
      titleRelease: d.releases[d.titleRelease[i]!]!,
      billable: this.isBillableNewest(i),
      releases,
      notIn,
      hierarchy,
      children: this.children(i).map((c) => this.ref(c)),
      notes: [],
    };
    this.attachTabular(result, [code, ...hierarchy.map((x) => x.code).reverse()]);
    return result;
  }

  private children(i: number): number[] {
    if (!this.childIndex) {
      this.childIndex = new Map();
      this.icd()!.parent.forEach((p, c) => {
        if (p < 0) return;
        const list = this.childIndex!.get(p);
        if (list) list.push(c);
        else this.childIndex!.set(p, [c]);
      });
    }
    return this.childIndex.get(i) ?? [];
  }

  /** Notes printed at the code, each ancestor, its section and its chapter (all apply below them). */
  private attachTabular(result: IcdLookup, chain: string[]): void {
    for (const t of this.tabular()) {
      const holder = chain.find((c) => t.nodes[c]);
      if (!holder) continue;
      result.notesRelease = t.release;
      for (const c of chain) {
        const node = t.nodes[c];
        if (!node) continue;
        for (const [kind, texts] of Object.entries(node.n ?? {})) {
          for (const text of texts ?? []) result.notes.push({ kind: kind as NoteKind, text, from: c, release: t.release });
        }
      }
      const sectionId = t.nodes[holder]!.s;
      for (const ch of t.chapters) {
        const sec = ch.sections.find((s) => s.id === sectionId);
        if (!sec) continue;
        result.chapter = { name: ch.name, desc: ch.desc };
        result.section = { id: sec.id, desc: sec.desc };
        const push = (notes: typeof sec.notes, from: string) => {
          for (const [kind, texts] of Object.entries(notes)) {
            for (const text of texts ?? []) result.notes.push({ kind: kind as NoteKind, text, from, release: t.release });
          }
        };
        push(sec.notes, `section ${sec.id}`);
        push(ch.notes, `chapter ${ch.name}`);
      }
      const seven = this.sevenChrFor(result.code);
      if (seven) result.sevenChr = seven;
      // Notes come from the newest tabular release that lists the code or an ancestor.
      return;
    }
  }

  /** Every ICD-10-CM code of one release with its billable flag and parent (for browsing and audits). */
  listIcdCodes(release: string): { code: string; billable: boolean; parent: string | null }[] {
    const d = this.icd();
    const r = d?.releases.indexOf(release) ?? -1;
    if (!d || r < 0) return [];
    const bit = 1 << r;
    const overrides = new Map(d.parentOverrides[String(r)] ?? []);
    const out: { code: string; billable: boolean; parent: string | null }[] = [];
    d.codes.forEach((code, i) => {
      if ((d.present[i]! & bit) === 0) return;
      const p = overrides.get(i) ?? d.parent[i]!;
      out.push({ code, billable: (d.billable[i]! & bit) !== 0, parent: p >= 0 ? d.codes[p]! : null });
    });
    return out;
  }

  /**
   * Phrases that name each code of the current release: titles, tabular inclusion terms, and
   * Alphabetic Index / neoplasm / drug table paths (table cells named by their column head).
   */
  termSources(): TermSource[] {
    const d = this.icd();
    const current = this.currentIcdRelease;
    if (!d || !current) return [];
    const r = d.releases.indexOf(current.label);
    const bit = 1 << r;
    const out: TermSource[] = [];
    const inCurrent = (code: string) => {
      const i = this.icdIndex!.get(code);
      return i !== undefined && (d.present[i]! & bit) !== 0;
    };
    d.codes.forEach((code, i) => {
      if ((d.present[i]! & bit) !== 0 && d.long[i]) out.push({ code, text: d.long[i]!, kind: 'title' });
    });
    const t = this.tabular()[0];
    if (t) {
      for (const [code, node] of Object.entries(t.nodes)) {
        if (!inCurrent(code)) continue;
        for (const inc of node.n?.inclusionTerm ?? []) out.push({ code, text: inc, kind: 'inclusion' });
        // "Includes" notes further define the code's content (Guidelines I.A.11): they name it too.
        for (const inc of node.n?.includes ?? []) out.push({ code, text: inc, kind: 'inclusion' });
      }
    }
    const ix = this.raw.json<IndexSectionData>('index');
    // Codes ending in "-" need more characters (found in the Tabular): the term names the category.
    const indexCode = (c: string) => dotIcd(c.replace(/\.?-$/, ''));
    for (const [fi, path, , codes, , , , cells] of ix?.entries ?? []) {
      const file = ix!.files[fi]!;
      const phrase = path.join(' ');
      for (const c of codes) {
        const code = indexCode(c);
        if (inCurrent(code)) out.push({ code, text: phrase, kind: 'index', levels: path });
      }
      for (const [col, c] of cells) {
        const code = dotIcd(c.replace(/\.?-$/, ''));
        const column = file.columns[col] ?? '';
        if (inCurrent(code)) out.push({ code, text: `${column} ${path.slice(file.kind === 'neoplasm' ? 1 : 0).join(' ')}`, kind: `${file.kind}` as TermSource['kind'] });
      }
    }
    // "Disease, reactive airway — see Asthma": the referring phrase names the target's code.
    for (const ref of ix?.refs ?? []) {
      const phrase = ix!.entries[ref.entry]![1].join(' ');
      const via = `${ref.via === 'see' ? 'see' : 'see also'} ${ref.target}`;
      for (const c of ref.codes) {
        const code = indexCode(c);
        if (inCurrent(code)) out.push({ code, text: phrase, kind: 'index', via, levels: ix!.entries[ref.entry]![1] });
      }
    }
    return out;
  }

  get currentIcdReleaseIndex(): number {
    const d = this.icd();
    return d && this.currentIcdRelease ? d.releases.indexOf(this.currentIcdRelease.label) : -1;
  }

  /** Excludes1 notes that pair two reported diagnoses (either direction). */
  excludes1Between(a: string, b: string): Excludes1Pair[] {
    const pairs = this.raw.json<Excludes1Pair[]>('excludes1') ?? [];
    const ua = undotIcd(a);
    const ub = undotIcd(b);
    const covers = (holder: string, code: string) => code.startsWith(undotIcd(holder));
    return pairs.filter(
      (p) =>
        (covers(p.from, ua) && p.targets.some((t) => inPrefixRange(ub, t))) ||
        (covers(p.from, ub) && p.targets.some((t) => inPrefixRange(ua, t))),
    );
  }

  private ptp(): PtpMetaData | null {
    if (this.ptpMeta === undefined) {
      this.ptpMeta = this.raw.json<PtpMetaData>('ptp.meta') ?? null;
      if (this.ptpMeta) {
        const rows = this.raw.section('ptp.rows')!;
        this.ptpRows = new DataView(rows.buffer, rows.byteOffset, rows.byteLength);
        this.ptpCodeIndex = new Map(this.ptpMeta.codes.map((c, i) => [c, i]));
      }
    }
    return this.ptpMeta;
  }

  /** PTP edits with `column1` as column 1 and `column2` as column 2 (all dates; filter with inForceOn). */
  ptpEdits(column1: string, column2: string): PtpEdit[] {
    const meta = this.ptp();
    if (!meta) return [];
    const a = this.ptpCodeIndex!.get(column1.toUpperCase());
    const b = this.ptpCodeIndex!.get(column2.toUpperCase());
    if (a === undefined || b === undefined) return [];
    const v = this.ptpRows!;
    const key = (k: number) => v.getUint16(k * PTP_ROW_BYTES, true) * 0x10000 + v.getUint16(k * PTP_ROW_BYTES + 2, true);
    const want = a * 0x10000 + b;
    let lo = 0;
    let hi = meta.rows;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (key(mid) < want) lo = mid + 1;
      else hi = mid;
    }
    const out: PtpEdit[] = [];
    for (let k = lo; k < meta.rows && key(k) === want; k++) {
      const at = k * PTP_ROW_BYTES;
      const eff = v.getUint16(at + 4, true);
      const del = v.getUint16(at + 6, true);
      const effective = eff === 0 ? null : dayToIso(eff);
      const deletion = del === PTP_IN_FORCE ? null : dayToIso(del);
      out.push({
        column1: column1.toUpperCase(),
        column2: column2.toUpperCase(),
        effective,
        deletion,
        modifierIndicator: v.getUint8(at + 8),
        rationale: meta.rationales[v.getUint8(at + 9)] ?? '',
        // CMS: an edit applies to dates of service from its effective date through its deletion date.
        inForceOn: (dos: string) => (effective === null || dos >= effective) && (deletion === null || isoToDay(dos) <= del),
      });
    }
    return out;
  }

  mue(code: string, service: MueService = 'practitioner'): MueEntry | undefined {
    const tables = this.raw.json<MueTableData[]>('mue') ?? [];
    const t = tables.find((x) => x.service === service);
    if (!t) return undefined;
    const c = code.toUpperCase();
    let lo = 0;
    let hi = t.codes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (t.codes[mid]! < c) lo = mid + 1;
      else hi = mid;
    }
    if (t.codes[lo] !== c) return undefined;
    return {
      code: c,
      service,
      value: t.value[lo]!,
      mai: t.mai[lo]!,
      rationale: t.rationales[t.rationale[lo]!] ?? '',
      source: this.header.sources[t.sourceId]!,
    };
  }

  addOnEdits(addOn: string): AocEdit[] {
    const d = this.raw.json<AocSectionData>('aoc');
    if (!d) return [];
    const c = addOn.toUpperCase();
    const out: AocEdit[] = [];
    d.addOn.forEach((a, i) => {
      if (a === c) out.push({ addOn: a, primary: d.primary[i]!, type: d.type[i]!, effective: d.effective[i]!, deletion: d.deletion[i]! });
    });
    return out;
  }

  /** For each source system: does its release cover the date of service? */
  coverage(dos: string): DateCoverage[] {
    const seen = new Set<string>();
    const out: DateCoverage[] = [];
    for (const s of [...this.header.sources].reverse()) {
      const key = `${s.system} ${s.release}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ system: s.system, release: s.release, effectiveFrom: s.effectiveFrom, effectiveTo: s.effectiveTo, covers: dos >= s.effectiveFrom && dos <= s.effectiveTo });
    }
    return out.reverse();
  }

  /** Warnings for a date of service outside the effective dates of the releases answering for it. */
  dateWarnings(dos: string): string[] {
    const bySystem = new Map<string, DateCoverage[]>();
    for (const c of this.coverage(dos)) bySystem.set(c.system, [...(bySystem.get(c.system) ?? []), c]);
    const out: string[] = [];
    for (const [system, list] of bySystem) {
      if (list.some((c) => c.covers)) continue;
      // ICD-10-CM answers come from the code list (order/tabular), not from index tables of an update.
      const current = system === 'ICD-10-CM' ? this.currentIcdRelease : undefined;
      const newest = current ? { release: current.label, effectiveFrom: current.effectiveFrom, effectiveTo: current.effectiveTo } : [...list].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)).at(-1)!;
      out.push(
        `${system}: no loaded release covers the date of service ${dos}; answers come from ${newest.release} (effective ${newest.effectiveFrom} to ${newest.effectiveTo}). Import the release in force on that date.`,
      );
    }
    return out;
  }

  private index(): Bm25Index {
    if (this.searchIndex) return this.searchIndex;
    const docs: SearchDoc[] = [];
    const d = this.icd();
    if (d) {
      d.codes.forEach((code, i) => {
        if (d.long[i]) docs.push({ key: `I|${code}`, text: d.long[i]!, weight: this.isBillableNewest(i) ? 1 : 0.9, via: 'title' });
      });
      const t = this.tabular()[0];
      if (t) {
        for (const [code, node] of Object.entries(t.nodes)) {
          if (!this.icdIndex!.has(code)) continue;
          for (const inc of node.n?.inclusionTerm ?? []) docs.push({ key: `I|${code}`, text: inc, weight: 0.85, via: `inclusion term (${t.release})` });
        }
      }
      const ix = this.raw.json<IndexSectionData>('index');
      for (const [fi, path, , codes] of ix?.entries ?? []) {
        const file = ix!.files[fi]!;
        for (const c of codes) {
          const code = dotIcd(c.replace(/\.?-$/, ''));
          if (this.icdIndex!.has(code)) docs.push({ key: `I|${code}`, text: path.join(' '), weight: 0.8, via: `${file.kind} index: ${path.join(', ')}` });
        }
      }
      for (const ref of ix?.refs ?? []) {
        const path = ix!.entries[ref.entry]![1];
        for (const c of ref.codes) {
          const code = dotIcd(c.replace(/\.?-$/, ''));
          const via = `index: ${path.join(', ')} (${ref.via === 'see' ? 'see' : 'see also'} ${ref.target})`;
          if (this.icdIndex!.has(code)) docs.push({ key: `I|${code}`, text: path.join(' '), weight: 0.75, via });
        }
      }
    }
    const h = this.hcpcs();
    if (h) h.codes.forEach((c, i) => docs.push({ key: `H|${c}`, text: h.long[i]!, weight: 1, via: 'HCPCS description' }));
    this.searchIndex = new Bm25Index(docs);
    return this.searchIndex;
  }

  /** Ranked code search over titles, inclusion terms, index terms and HCPCS descriptions. */
  search(query: string, limit = 10): SearchResult[] {
    return this.index()
      .search(query, limit)
      .map((hit) => {
        const [sys, code] = hit.key.split('|') as [string, string];
        if (sys === 'H') {
          const h = this.hcpcs()!;
          const i = this.hcpcsIndex!.get(code)!;
          return { code, system: 'HCPCS' as const, title: h.long[i]!, billable: true, score: hit.score, matchedText: hit.text, via: hit.via };
        }
        const i = this.icdIndex!.get(code)!;
        return { code, system: 'ICD-10-CM' as const, title: this.icd()!.long[i]!, billable: this.isBillableNewest(i), score: hit.score, matchedText: hit.text, via: hit.via };
      });
  }

  /** A JSON section by name (undefined when the pack has none). */
  sectionJson<T>(name: string): T | undefined {
    return this.raw.json<T>(name);
  }

  /** A binary section by name. */
  sectionBytes(name: string): Uint8Array | undefined {
    return this.raw.section(name);
  }

  /** Long title of an ICD-10-CM code in its newest release ('' when unknown). */
  titleOf(code: string): string {
    const d = this.icd();
    const i = this.icdIndex?.get(code);
    return d && i !== undefined ? d.long[i]! : '';
  }

  /** Section names and their sizes, for `codeset info`. */
  sectionSizes(): { name: string; bytes: number; rawBytes: number }[] {
    return this.header.sections.map((s) => ({ name: s.name, bytes: s.length, rawBytes: s.rawLength }));
  }
}

export function loadPack(bytes: Uint8Array, label?: string, inflate?: Inflate): CodePack {
  return new CodePack(bytes, label, inflate);
}
