import { decodePack, type DecodedPack, type Inflate } from './container';
import type { IcdRelease, PackHeader, PackSource } from './format';
import { dayToIso, isoToDay, PTP_IN_FORCE, PTP_ROW_BYTES } from './ptp-binary';
import { unpackArrays } from '../util/typed-arrays';
import { inPrefixRange } from './excludes1';
import { undotIcd, dotIcd } from '../codesets/code-format';
import { Bm25Index, type SearchDoc } from '../search/bm25-index';
import { nearest, releaseStatement, resolveReleases, type ReleaseInForce } from './release-resolver';
import type {
  AocSectionData,
  Excludes1Pair,
  HccSectionData,
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

export interface IcdDateStatus {
  code: string;
  /** The ICD-10-CM release answering for the date of service. */
  release: string;
  inRelease: boolean;
  billable: boolean;
  /** Billable in `previous` but not in `release`: deleted, or subdivided into a header (`nowHeader`). */
  deleted?: { previous: string; nowHeader: boolean; replacements: CodeRef[] };
  /** Not in `release` nor before it: the first later loaded release that has it. */
  addedLater?: string;
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

interface PackCache {
  icdData?: IcdSectionData;
  icdIndex?: Map<string, number>;
  childIndex?: Map<number, number[]>;
  tabulars?: TabularSectionData[];
  fullTabulars?: TabularSectionData[];
  hcpcsData?: HcpcsSectionData | null;
  hcpcsIndex?: Map<string, number>;
  searchIndex?: Bm25Index;
  ptpMeta?: PtpMetaData | null;
  ptpRows?: DataView;
  ptpCodeIndex?: Map<string, number>;
  hccSection?: HccSectionData | null;
  olderTitleIndex?: Map<number, Map<number, [string, string]>>;
}

/** Position of `key` in a sorted list of codes (binary search), or -1. */
function indexOfSorted(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo] === key ? lo : -1;
}

/** Orders release labels oldest first: "FY2021" < "FY2026" < "FY2026 April update". */
function releaseOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** Read-only view over a code pack. Sections are inflated on first use. */
export class CodePack {
  readonly header: PackHeader;
  private readonly raw: DecodedPack;
  /** Inflated sections and indexes, shared by every date-of-service view of this pack (`atDate`). */
  private readonly c: PackCache = {};
  /** Set on a date-of-service view: the date and the ICD-10-CM release in force on it. */
  private pinnedDos?: string;
  private pinnedIcd?: string;

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

  /**
   * The ICD-10-CM release that answers: on a date-of-service view (`atDate`) the release in force
   * on that date, else the newest release that carries titles. Suggestions are made from it.
   */
  get currentIcdRelease(): IcdRelease | undefined {
    if (this.pinnedIcd) return this.header.icdReleases.find((r) => r.label === this.pinnedIcd);
    return this.newestIcdRelease;
  }

  /** The newest ICD-10-CM release with titles, whatever the date. */
  get newestIcdRelease(): IcdRelease | undefined {
    return [...this.header.icdReleases].reverse().find((r) => r.hasTitles);
  }

  /**
   * A view of this pack that answers for one date of service: ICD-10-CM titles, billable flags,
   * notes and Excludes1 from the release in force on it; MUE and add-on edits from the quarter in
   * force (see release-resolver.ts). It shares every inflated section with this pack.
   */
  atDate(dos: string): CodePack {
    const view = Object.create(this) as CodePack;
    view.pinnedDos = dos;
    view.pinnedIcd = resolveReleases(this.header, dos).find((r) => r.system === 'ICD-10-CM')?.release;
    return view;
  }

  /** The date of service of a view made by `atDate` (undefined on the pack itself). */
  get dateOfService(): string | undefined {
    return this.pinnedDos;
  }

  /** Per code system, the release that answers for a date of service (in force, or the one used instead). */
  releasesFor(dos: string): ReleaseInForce[] {
    return resolveReleases(this.header, dos);
  }

  /** One line naming the release that answers for each code system on the date. */
  releaseStatement(dos: string): string {
    return releaseStatement(this.releasesFor(dos), dos);
  }

  /** Position of the answering release in the ICD table's release list (-1 when none). */
  private answeringIndex(): number {
    const d = this.icd();
    const label = this.currentIcdRelease?.label;
    return d && label ? d.releases.indexOf(label) : -1;
  }

  /** Long title of code i in the answering release (its newest title when that release lacks the code). */
  private titleIn(i: number): string {
    return this.titleAt(i, this.pinnedIcd ? this.answeringIndex() : -1);
  }

  /** Long title of code i in release r (its newest title when r is -1 or lacks the code). */
  private titleAt(i: number, r: number): string {
    const d = this.icd()!;
    if (r < 0 || d.titleRelease[i] === r || (d.present[i]! & (1 << r)) === 0) return d.long[i]!;
    let byRelease = this.c.olderTitleIndex;
    if (!byRelease) this.c.olderTitleIndex = byRelease = new Map();
    let titles = byRelease.get(r);
    if (!titles) byRelease.set(r, (titles = new Map((d.olderTitles[String(r)] ?? []).map(([ci, sh, lo]) => [ci, [sh, lo] as [string, string]]))));
    return titles.get(i)?.[1] ?? d.long[i]!;
  }

  /** Billable in the answering release when the code is in it, else in its newest release. */
  private isBillableAnswering(i: number): boolean {
    const d = this.icd()!;
    const r = this.pinnedIcd ? this.answeringIndex() : -1;
    if (r >= 0 && (d.present[i]! & (1 << r)) !== 0) return (d.billable[i]! & (1 << r)) !== 0;
    return this.isBillableNewest(i);
  }

  /** Children of code i, limited to the answering release on a date-of-service view. */
  private childrenAnswering(i: number): number[] {
    const r = this.pinnedIcd ? this.answeringIndex() : -1;
    const list = this.children(i);
    if (r < 0) return list;
    const d = this.icd()!;
    return list.filter((c) => (d.present[c]! & (1 << r)) !== 0);
  }

  /**
   * Tabular sections newest first (`full`: only full Tabular XML ones, which alone carry chapters
   * and 7th characters; notes extractions are then not even inflated); on a date-of-service view
   * the ones not after the answering release come first (FY2021 notes for a 2021 date).
   */
  private tabularsAnswering(which: 'all' | 'full' = 'all'): TabularSectionData[] {
    const all = this.tabular(which);
    const label = this.pinnedIcd;
    if (!label) return all;
    const notAfter = all.filter((t) => releaseOrder(t.release, label) <= 0);
    return [...notAfter, ...all.filter((t) => !notAfter.includes(t))];
  }

  private icd(): IcdSectionData | undefined {
    if (this.c.icdData === undefined) {
      const meta = this.raw.json<Pick<IcdSectionData, 'releases' | 'olderTitles' | 'parentOverrides'>>('icd');
      if (!meta) return undefined;
      const dec = new TextDecoder();
      const lines = (name: string) => dec.decode(this.raw.section(name) ?? new Uint8Array()).split('\n');
      const [present, billable, titleRelease, parent] = unpackArrays(this.raw.section('icd.cols')!) as [Uint32Array, Uint32Array, Uint8Array, Int32Array];
      const codes = lines('icd.codes');
      let short: string[] | undefined;
      this.c.icdData = {
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
      this.c.icdIndex = index;
    }
    return this.c.icdData;
  }

  /** Full Tabular XML sections are 'tabular:<release>', notes extractions 'tabular-notes:<release>'. */
  private tabular(which: 'all' | 'full' = 'all'): TabularSectionData[] {
    const load = (prefix: string) =>
      this.header.sections.filter((s) => s.name.startsWith(prefix)).map((s) => this.raw.json<TabularSectionData>(s.name)!);
    const newestFirst = (list: TabularSectionData[]) => list.sort((a, b) => releaseOrder(b.release, a.release));
    this.c.fullTabulars ??= newestFirst(load('tabular:'));
    if (which === 'full') return this.c.fullTabulars;
    this.c.tabulars ??= newestFirst([...this.c.fullTabulars, ...load('tabular-notes:')]);
    return this.c.tabulars;
  }

  private hcpcs(): HcpcsSectionData | null {
    if (this.c.hcpcsData === undefined) {
      this.c.hcpcsData = this.raw.json<HcpcsSectionData>('hcpcs') ?? null;
      if (this.c.hcpcsData) this.c.hcpcsIndex = new Map(this.c.hcpcsData.codes.map((c, i) => [c, i]));
    }
    return this.c.hcpcsData;
  }

  /** Every HCPCS Level II code of the loaded release (for matchers that read descriptions). */
  listHcpcs(): { code: string; title: string; termDate: string; release: string }[] {
    const h = this.hcpcs();
    if (!h) return [];
    return h.codes.map((code, i) => ({ code, title: h.long[i] ?? '', termDate: h.termDate[i] ?? '', release: h.release }));
  }

  private ref(i: number): CodeRef {
    const d = this.icd()!;
    return { code: d.codes[i]!, title: this.titleIn(i), billable: this.isBillableAnswering(i) };
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
    const i = this.c.icdIndex?.get(code);
    if (!d || i === undefined) return undefined;
    return { code, title: this.titleIn(i), billable: this.isBillableAnswering(i), children: this.childrenAnswering(i).map((c) => this.ref(c)) };
  }

  /** The 7th-character values that apply to a code (from itself or the nearest ancestor / section). */
  sevenChrFor(input: string): IcdLookup['sevenChr'] {
    const d = this.icd();
    const code = dotIcd(input);
    const i = this.c.icdIndex?.get(code);
    if (!d || i === undefined) return undefined;
    const chain = [code];
    for (let p = d.parent[i]!; p >= 0; p = d.parent[p]!) chain.push(d.codes[p]!);
    for (const t of this.tabularsAnswering('full')) {
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
    if (h && this.c.hcpcsIndex!.has(q)) {
      const i = this.c.hcpcsIndex!.get(q)!;
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
    const i = this.c.icdIndex!.get(code);
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
      title: this.titleIn(i),
      short: d.short[i]!,
      titleRelease: this.pinnedIcd && this.inRelease(code, this.pinnedIcd) ? this.pinnedIcd : d.releases[d.titleRelease[i]!]!,
      billable: this.isBillableAnswering(i),
      releases,
      notIn,
      hierarchy,
      children: this.childrenAnswering(i).map((c) => this.ref(c)),
      notes: [],
    };
    this.attachTabular(result, [code, ...hierarchy.map((x) => x.code).reverse()]);
    return result;
  }

  private children(i: number): number[] {
    if (!this.c.childIndex) {
      this.c.childIndex = new Map();
      this.icd()!.parent.forEach((p, c) => {
        if (p < 0) return;
        const list = this.c.childIndex!.get(p);
        if (list) list.push(c);
        else this.c.childIndex!.set(p, [c]);
      });
    }
    return this.c.childIndex.get(i) ?? [];
  }

  /** True when the code exists in the ICD-10-CM release with this label. */
  private inRelease(code: string, release: string): boolean {
    const d = this.icd();
    const r = d?.releases.indexOf(release) ?? -1;
    const i = this.c.icdIndex?.get(code);
    return r >= 0 && i !== undefined && (d!.present[i]! & (1 << r)) !== 0;
  }

  /**
   * The tabular that answers for a code's own notes: the newest one printing notes on the code or
   * an ancestor, or a notes extraction of a release holding the code (it lists only nodes with
   * notes, so silence there means "no notes in that release").
   */
  private notesTabular(chain: string[]): TabularSectionData | undefined {
    return this.tabularsAnswering().find((t) => chain.some((c) => t.nodes[c]) || (t.notesOnly && this.inRelease(chain[0]!, t.release)));
  }

  /** Notes printed at the code, each ancestor, its section and its chapter (all apply below them). */
  private attachTabular(result: IcdLookup, chain: string[]): void {
    const own = this.notesTabular(chain);
    if (own) {
      result.notesRelease = own.release;
      for (const c of chain) {
        const node = own.nodes[c];
        if (!node) continue;
        for (const [kind, texts] of Object.entries(node.n ?? {})) {
          for (const text of texts ?? []) result.notes.push({ kind: kind as NoteKind, text, from: c, release: own.release });
        }
      }
    }
    // Chapters and sections (and their notes) come from the newest full Tabular holding the code.
    for (const t of this.tabularsAnswering('full')) {
      const holder = chain.find((c) => t.nodes[c]);
      if (!holder) continue;
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
      return;
    }
  }

  /**
   * How a reported ICD-10-CM code stands in the release in force on a date of service: deleted
   * there as a billable code (with its replacements from the codes that release added, as its
   * addenda list them), not yet in it (added later), or valid. Undefined for an unknown code.
   */
  icdStatusOn(input: string, dos: string): IcdDateStatus | undefined {
    const d = this.icd();
    const code = dotIcd(input);
    const i = this.c.icdIndex?.get(code);
    const label = this.releasesFor(dos).find((x) => x.system === 'ICD-10-CM')?.release;
    if (!d || i === undefined || !label) return undefined;
    const r = d.releases.indexOf(label);
    const has = (k: number, rel: number) => (d.present[k]! & (1 << rel)) !== 0;
    const billableIn = (k: number, rel: number) => (d.billable[k]! & (1 << rel)) !== 0;
    const status: IcdDateStatus = { code, release: label, inRelease: has(i, r), billable: billableIn(i, r) };
    let previous = -1;
    for (let k = r - 1; k >= 0; k--) if (has(i, k)) {
      previous = k;
      break;
    }
    if (previous >= 0 && billableIn(i, previous) && !billableIn(i, r)) {
      status.deleted = { previous: d.releases[previous]!, nowHeader: has(i, r), replacements: this.replacements(i, previous, r).map((k) => ({ code: d.codes[k]!, title: this.titleAt(k, r), billable: true })) };
    } else if (!has(i, r) && previous < 0) {
      const later = d.releases.findIndex((_, k) => k > r && has(i, k));
      if (later >= 0) status.addedLater = d.releases[later]!;
    }
    return status;
  }

  /**
   * Codes of release r that replace code i of release `previous`: its billable descendants when
   * it became a header; else the codes added in r with its exact title; else those added under
   * its nearest surviving ancestor whose titles share most of its words.
   */
  private replacements(i: number, previous: number, r: number): number[] {
    const d = this.icd()!;
    const has = (k: number, rel: number) => (d.present[k]! & (1 << rel)) !== 0;
    if (has(i, r)) {
      const out: number[] = [];
      const walk = (k: number) => {
        for (const c of this.children(k)) {
          if (!has(c, r)) continue;
          if ((d.billable[c]! & (1 << r)) !== 0) out.push(c);
          else walk(c);
        }
      };
      walk(i);
      return out;
    }
    const code = d.codes[i]!;
    const added: number[] = [];
    const category = code.slice(0, 3);
    for (let k = 0; k < d.codes.length; k++) {
      if (d.codes[k]!.startsWith(category) && has(k, r) && !has(k, previous) && (d.billable[k]! & (1 << r)) !== 0) added.push(k);
    }
    const title = this.titleAt(i, previous).toLowerCase();
    const exact = added.filter((k) => this.titleAt(k, r).toLowerCase() === title);
    if (exact.length) return exact;
    let ancestor = d.parent[i]!;
    while (ancestor >= 0 && !has(ancestor, r)) ancestor = d.parent[ancestor]!;
    const under = ancestor >= 0 ? added.filter((k) => d.codes[k]!.startsWith(d.codes[ancestor]!)) : [];
    const words = (t: string) => new Set(t.toLowerCase().match(/[a-z0-9]+/g) ?? []);
    const mine = words(title);
    const score = (k: number) => {
      const theirs = words(this.titleAt(k, r));
      const shared = [...mine].filter((w) => theirs.has(w)).length;
      return shared / (mine.size + theirs.size - shared || 1);
    };
    const scored = under.map((k) => [k, score(k)] as const).filter(([, v]) => v >= 0.5);
    const best = Math.max(0, ...scored.map(([, v]) => v));
    return scored.filter(([, v]) => v === best).map(([k]) => k).slice(0, 6);
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
      const i = this.c.icdIndex!.get(code);
      return i !== undefined && (d.present[i]! & bit) !== 0;
    };
    d.codes.forEach((code, i) => {
      if ((d.present[i]! & bit) !== 0 && d.long[i]) out.push({ code, text: this.titleIn(i), kind: 'title' });
    });
    const t = this.tabularsAnswering()[0];
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

  /**
   * Excludes1 notes that pair two reported diagnoses (either direction), from one notes release:
   * the newest one not after `release` (an ICD-10-CM label such as "FY2026"), else the newest.
   */
  excludes1Between(a: string, b: string, release?: string): Excludes1Pair[] {
    const all = this.raw.json<Excludes1Pair[]>('excludes1') ?? [];
    const labels = [...new Set(all.map((p) => p.release))].sort(releaseOrder);
    const answering = release ?? this.pinnedIcd;
    const chosen = (answering ? labels.filter((l) => releaseOrder(l, answering) <= 0).at(-1) : undefined) ?? labels.at(-1);
    const pairs = all.filter((p) => p.release === chosen);
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
    if (this.c.ptpMeta === undefined) {
      this.c.ptpMeta = this.raw.json<PtpMetaData>('ptp.meta') ?? null;
      if (this.c.ptpMeta) {
        const rows = this.raw.section('ptp.rows')!;
        this.c.ptpRows = new DataView(rows.buffer, rows.byteOffset, rows.byteLength);
        this.c.ptpCodeIndex = new Map(this.c.ptpMeta.codes.map((c, i) => [c, i]));
      }
    }
    return this.c.ptpMeta;
  }

  /** PTP edits with `column1` as column 1 and `column2` as column 2 (all dates; filter with inForceOn). */
  ptpEdits(column1: string, column2: string): PtpEdit[] {
    const meta = this.ptp();
    if (!meta) return [];
    const a = this.c.ptpCodeIndex!.get(column1.toUpperCase());
    const b = this.c.ptpCodeIndex!.get(column2.toUpperCase());
    if (a === undefined || b === undefined) return [];
    const v = this.c.ptpRows!;
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

  /** The MUE of a code: from the quarter in force on `dos` (else the nearest loaded one), or the newest. */
  mue(code: string, service: MueService = 'practitioner', dos?: string): MueEntry | undefined {
    const tables = (this.raw.json<MueTableData[]>('mue') ?? []).filter((x) => x.service === service);
    const t = this.pickQuarter(tables.map((x) => x.sourceId), dos ?? this.pinnedDos, tables);
    if (!t) return undefined;
    const c = code.toUpperCase();
    const lo = indexOfSorted(t.codes, c);
    if (lo < 0) return undefined;
    return {
      code: c,
      service,
      value: t.value[lo]!,
      mai: t.mai[lo]!,
      rationale: t.rationales[t.rationale[lo]!] ?? '',
      source: this.header.sources[t.sourceId]!,
    };
  }

  /** Add-on code edits of the AOC quarter in force on `dos` (else the nearest loaded one), or the newest. */
  addOnEdits(addOn: string, dos?: string): AocEdit[] {
    const d = this.raw.json<AocSectionData>('aoc');
    if (!d) return [];
    const source = this.pickQuarter(d.sourceIds, dos ?? this.pinnedDos, d.sourceIds.map((_, k) => k));
    const c = addOn.toUpperCase();
    const out: AocEdit[] = [];
    d.addOn.forEach((a, i) => {
      if (a === c && d.source[i] === source) out.push({ addOn: a, primary: d.primary[i]!, type: d.type[i]!, effective: d.effective[i]!, deletion: d.deletion[i]! });
    });
    return out;
  }

  /**
   * Of several quarterly tables (oldest first, each with its source), the one in force on the date
   * of service, else the loaded one nearest to it — the same choice as release-resolver.ts.
   * Without a date: the newest.
   */
  private pickQuarter<T>(sourceIds: number[], dos: string | undefined, items: T[]): T | undefined {
    if (!dos) return items.at(-1);
    const src = sourceIds.map((id, k) => ({ ...this.header.sources[id]!, k }));
    const covering = src.filter((s) => dos >= s.effectiveFrom && dos <= s.effectiveTo).at(-1);
    const chosen = covering ?? nearest(src, dos);
    return chosen ? items[chosen.k] : undefined;
  }

  /**
   * The CMS-HCC V28 payment category of an ICD-10-CM code (payment year 2026 uses V28 alone), or
   * undefined when the loaded mapping gives it none. The mapping covers the code years it states
   * (`codeYears`); a code added after them is not in it.
   */
  hccOf(code: string): HccInfo | undefined {
    const h = this.hccData();
    if (!h) return undefined;
    const lo = indexOfSorted(h.codes, dotIcd(code));
    if (lo < 0) return undefined;
    const categories = h.categories[lo]!;
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

  /** The loaded CMS-HCC mapping's provenance (payment year, model, code years), if any. */
  get hccMapping(): { release: string; model: 'V28'; paymentYear: number; codeYears: string; source: PackSource } | undefined {
    const h = this.hccData();
    return h ? { release: h.release, model: h.model, paymentYear: h.paymentYear, codeYears: h.codeYears, source: this.header.sources[h.sourceId]! } : undefined;
  }

  private hccData(): HccSectionData | null {
    if (this.c.hccSection === undefined) this.c.hccSection = this.raw.json<HccSectionData>('hcc') ?? null;
    return this.c.hccSection;
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

  /**
   * Warnings for a date of service no loaded release covers, one per code system, naming the
   * release that answers instead (release-resolver.ts). ICD-10-CM counts code lists only (an
   * index or table update does not make a fiscal year's codes available).
   */
  dateWarnings(dos: string): string[] {
    return this.releasesFor(dos)
      .filter((r) => !r.inForce)
      .map(
        (r) =>
          `${r.system}: no loaded release covers the date of service ${dos}; answers come from ${r.release} (effective ${r.effectiveFrom} to ${r.effectiveTo}). Import the release in force on that date.`,
      );
  }

  private index(): Bm25Index {
    if (this.c.searchIndex) return this.c.searchIndex;
    const docs: SearchDoc[] = [];
    const d = this.icd();
    if (d) {
      d.codes.forEach((code, i) => {
        if (d.long[i]) docs.push({ key: `I|${code}`, text: d.long[i]!, weight: this.isBillableNewest(i) ? 1 : 0.9, via: 'title' });
      });
      const t = this.tabular()[0];
      if (t) {
        for (const [code, node] of Object.entries(t.nodes)) {
          if (!this.c.icdIndex!.has(code)) continue;
          for (const inc of node.n?.inclusionTerm ?? []) docs.push({ key: `I|${code}`, text: inc, weight: 0.85, via: `inclusion term (${t.release})` });
        }
      }
      const ix = this.raw.json<IndexSectionData>('index');
      for (const [fi, path, , codes] of ix?.entries ?? []) {
        const file = ix!.files[fi]!;
        for (const c of codes) {
          const code = dotIcd(c.replace(/\.?-$/, ''));
          if (this.c.icdIndex!.has(code)) docs.push({ key: `I|${code}`, text: path.join(' '), weight: 0.8, via: `${file.kind} index: ${path.join(', ')}` });
        }
      }
      for (const ref of ix?.refs ?? []) {
        const path = ix!.entries[ref.entry]![1];
        for (const c of ref.codes) {
          const code = dotIcd(c.replace(/\.?-$/, ''));
          const via = `index: ${path.join(', ')} (${ref.via === 'see' ? 'see' : 'see also'} ${ref.target})`;
          if (this.c.icdIndex!.has(code)) docs.push({ key: `I|${code}`, text: path.join(' '), weight: 0.75, via });
        }
      }
    }
    const h = this.hcpcs();
    if (h) h.codes.forEach((c, i) => docs.push({ key: `H|${c}`, text: h.long[i]!, weight: 1, via: 'HCPCS description' }));
    this.c.searchIndex = new Bm25Index(docs);
    return this.c.searchIndex;
  }

  /** Ranked code search over titles, inclusion terms, index terms and HCPCS descriptions. */
  search(query: string, limit = 10): SearchResult[] {
    return this.index()
      .search(query, limit)
      .map((hit) => {
        const [sys, code] = hit.key.split('|') as [string, string];
        if (sys === 'H') {
          const h = this.hcpcs()!;
          const i = this.c.hcpcsIndex!.get(code)!;
          return { code, system: 'HCPCS' as const, title: h.long[i]!, billable: true, score: hit.score, matchedText: hit.text, via: hit.via };
        }
        const i = this.c.icdIndex!.get(code)!;
        return { code, system: 'ICD-10-CM' as const, title: this.icd()!.long[i]!, billable: this.isBillableNewest(i), score: hit.score, matchedText: hit.text, via: hit.via };
      });
  }

  /** A JSON section by name (undefined when the pack has none). */
  sectionJson<T>(name: string): T | undefined {
    return this.staleForView(name) ? undefined : this.raw.json<T>(name);
  }

  /** The compiled match dictionary holds the newest release's terms: a view for an older release rebuilds it. */
  private staleForView(name: string): boolean {
    return name.startsWith('dict') && this.pinnedIcd !== undefined && this.pinnedIcd !== this.newestIcdRelease?.label;
  }

  /** A binary section by name. */
  sectionBytes(name: string): Uint8Array | undefined {
    return this.staleForView(name) ? undefined : this.raw.section(name);
  }

  /** Long title of an ICD-10-CM code in its newest release ('' when unknown). */
  titleOf(code: string): string {
    const d = this.icd();
    const i = this.c.icdIndex?.get(code);
    return d && i !== undefined ? this.titleIn(i) : '';
  }

  /** Section names and their sizes, for `codeset info`. */
  sectionSizes(): { name: string; bytes: number; rawBytes: number }[] {
    return this.header.sections.map((s) => ({ name: s.name, bytes: s.length, rawBytes: s.rawLength }));
  }
}

export function loadPack(bytes: Uint8Array, label?: string, inflate?: Inflate): CodePack {
  return new CodePack(bytes, label, inflate);
}
