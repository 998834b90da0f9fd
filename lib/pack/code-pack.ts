import { decodePack, type DecodedPack, type Inflate } from './container';
import type { IcdRelease, PackHeader, PackSource } from './format';
import type { MueService } from '../codesets/ncci/mue';
import { coverageOn, uncoveredDateWarnings, type DateCoverage } from './date-coverage';
import { releaseStatement, resolveReleases, type ReleaseInForce } from './release-resolver';
import { AlphabeticIndex } from './modules/alphabetic-index';
import { AocTable, type AocEdit } from './modules/aoc';
import { HccTable, type HccInfo, type HccMappingInfo } from './modules/hcc';
import { HcpcsTable, type HcpcsLookup } from './modules/hcpcs';
import { IcdTable } from './modules/icd10cm/code-table';
import { Excludes1Table } from './modules/icd10cm/excludes1';
import { Icd10cm, type CodeRef, type IcdLookup, type SevenChrRef } from './modules/icd10cm/icd10cm';
import type { IcdDateStatus } from './modules/icd10cm/status';
import { Tabulars } from './modules/icd10cm/tabular-reader';
import { MueTables, type MueEntry } from './modules/mue';
import { PtpTable, type PtpEdit } from './modules/ptp';
import { CodeSearch, type SearchResult } from './search';
import { termSources, type TermSource } from './term-sources';
import type { Excludes1Pair } from './sections';

export type { CodeRef, IcdLookup, NoteRef } from './modules/icd10cm/icd10cm';
export type { IcdDateStatus } from './modules/icd10cm/status';
export type { HcpcsLookup } from './modules/hcpcs';
export type { PtpEdit } from './modules/ptp';
export type { MueEntry } from './modules/mue';
export type { AocEdit } from './modules/aoc';
export type { HccInfo } from './modules/hcc';
export type { SearchResult } from './search';
export type { TermSource } from './term-sources';
export type { DateCoverage } from './date-coverage';

/** The modules of one pack, read on first use and shared by every date-of-service view (`atDate`). */
interface Modules {
  icd?: IcdTable | null;
  tabulars?: Tabulars;
  index?: AlphabeticIndex | null;
  excludes1?: Excludes1Table;
  hcpcs?: HcpcsTable | null;
  ptp?: PtpTable | null;
  mue?: MueTables;
  aoc?: AocTable;
  hcc?: HccTable | null;
  search?: CodeSearch;
}

/**
 * Read-only view over a code pack: a container that hands out one module per code set
 * (modules/), each reading its own sections, inflated on first use. The methods below are the
 * answers most callers need, delegated to the modules.
 */
export class CodePack {
  readonly header: PackHeader;
  private readonly raw: DecodedPack;
  private readonly modules: Modules = {};
  /** Set on a date-of-service view: the date and the ICD-10-CM release in force on it. */
  private pinnedDos?: string;
  private pinnedIcd?: string;
  /** The ICD-10-CM module as this view answers it (made on first use, per view). */
  private icdView?: Icd10cm | null;

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
    view.icdView = undefined;
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

  /** ICD-10-CM (code table + Tabular List) as this view answers it; undefined without ICD-10-CM. */
  get icd10cm(): Icd10cm | undefined {
    if (this.icdView === undefined) {
      const table = (this.modules.icd ??= IcdTable.read(this.raw) ?? null);
      this.icdView = table && new Icd10cm(table, this.tabulars, this.currentIcdRelease, this.pinnedIcd);
    }
    return this.icdView ?? undefined;
  }

  get tabulars(): Tabulars {
    return (this.modules.tabulars ??= new Tabulars(this.raw, this.header));
  }

  get alphabeticIndex(): AlphabeticIndex | undefined {
    return (this.modules.index ??= AlphabeticIndex.read(this.raw) ?? null) ?? undefined;
  }

  get excludes1(): Excludes1Table {
    return (this.modules.excludes1 ??= Excludes1Table.read(this.raw));
  }

  get hcpcs(): HcpcsTable | undefined {
    return (this.modules.hcpcs ??= HcpcsTable.read(this.raw) ?? null) ?? undefined;
  }

  /** The PTP table; its rows are inflated when it is first asked for. */
  get ptp(): PtpTable | undefined {
    return (this.modules.ptp ??= PtpTable.read(this.raw) ?? null) ?? undefined;
  }

  get mueTables(): MueTables {
    return (this.modules.mue ??= MueTables.read(this.raw, this.header.sources));
  }

  get aoc(): AocTable {
    return (this.modules.aoc ??= AocTable.read(this.raw, this.header.sources));
  }

  get hcc(): HccTable | undefined {
    return (this.modules.hcc ??= HccTable.read(this.raw, this.header.sources) ?? null) ?? undefined;
  }

  /** Every HCPCS Level II code of the loaded release (for matchers that read descriptions). */
  listHcpcs(): { code: string; title: string; termDate: string; release: string }[] {
    return this.hcpcs?.list() ?? [];
  }

  /** Title, billable flag and children of an ICD-10-CM code, without the tabular notes (cheap). */
  codeInfo(input: string): { code: string; title: string; billable: boolean; children: CodeRef[] } | undefined {
    return this.icd10cm?.codeInfo(input);
  }

  /** The 7th-character values that apply to a code (from itself or the nearest ancestor / section). */
  sevenChrFor(input: string): SevenChrRef | undefined {
    return this.icd10cm?.sevenChrFor(input);
  }

  /** Finds an ICD-10-CM code (dotted or not) or a HCPCS code. */
  lookup(input: string): IcdLookup | HcpcsLookup | undefined {
    const q = input.trim().toUpperCase();
    return this.hcpcs?.lookup(q) ?? this.icd10cm?.lookup(q);
  }

  /** The ICD-10-CM chapter of a code, or of its longest listed prefix (modules/icd10cm/icd10cm.ts). */
  chapterOf(code: string): { name: string; desc: string } | undefined {
    return this.icd10cm?.chapterOf(code);
  }

  /**
   * How a reported ICD-10-CM code stands in the release in force on a date of service: deleted
   * there as a billable code (with its replacements), added later, or valid; undefined if unknown.
   */
  icdStatusOn(input: string, dos: string): IcdDateStatus | undefined {
    const label = this.releasesFor(dos).find((x) => x.system === 'ICD-10-CM')?.release;
    return label ? this.icd10cm?.statusIn(input, label) : undefined;
  }

  /** Every ICD-10-CM code of one release with its billable flag and parent (for browsing and audits). */
  listIcdCodes(release: string): { code: string; billable: boolean; parent: string | null }[] {
    return this.icd10cm?.table.listRelease(release) ?? [];
  }

  /** Phrases that name each code of the current release (term-sources.ts). */
  termSources(): TermSource[] {
    return termSources(this.icd10cm, this.alphabeticIndex);
  }

  get currentIcdReleaseIndex(): number {
    return this.icd10cm?.releaseIndex ?? -1;
  }

  /**
   * Excludes1 notes that pair two reported diagnoses (either direction), from one notes release:
   * the newest one not after `release` (an ICD-10-CM label such as "FY2026"), else the newest.
   */
  excludes1Between(a: string, b: string, release?: string): Excludes1Pair[] {
    return this.excludes1.between(a, b, release ?? this.pinnedIcd);
  }

  /** PTP edits with `column1` as column 1 and `column2` as column 2 (all dates; filter with inForceOn). */
  ptpEdits(column1: string, column2: string): PtpEdit[] {
    return this.ptp?.edits(column1, column2) ?? [];
  }

  /** The MUE of a code: from the quarter in force on `dos` (else the nearest loaded one), or the newest. */
  mue(code: string, service: MueService = 'practitioner', dos?: string): MueEntry | undefined {
    return this.mueTables.entry(code, service, dos ?? this.pinnedDos);
  }

  /** Add-on code edits of the AOC quarter in force on `dos` (else the nearest loaded one), or the newest. */
  addOnEdits(addOn: string, dos?: string): AocEdit[] {
    return this.aoc.edits(addOn, dos ?? this.pinnedDos);
  }

  /** The CMS-HCC V28 payment category of an ICD-10-CM code, or undefined (modules/hcc.ts). */
  hccOf(code: string): HccInfo | undefined {
    return this.hcc?.of(code);
  }

  /** The loaded CMS-HCC mapping's provenance (payment year, model, code years), if any. */
  get hccMapping(): HccMappingInfo | undefined {
    return this.hcc?.mapping;
  }

  /** For each source system: does its release cover the date of service? */
  coverage(dos: string): DateCoverage[] {
    return coverageOn(this.header.sources, dos);
  }

  /** One warning per code system no loaded release covers on the date (date-coverage.ts). */
  dateWarnings(dos: string): string[] {
    return uncoveredDateWarnings(this.releasesFor(dos), dos);
  }

  /** Ranked code search over titles, inclusion terms, index terms and HCPCS descriptions. */
  search(query: string, limit = 10): SearchResult[] {
    const icd = this.icd10cm?.table;
    this.modules.search ??= new CodeSearch({
      ...(icd ? { icd } : {}),
      tabulars: this.tabulars,
      index: this.alphabeticIndex,
      hcpcs: this.hcpcs,
    });
    return this.modules.search.search(query, limit);
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

  /** Long title of an ICD-10-CM code in the answering release ('' when unknown). */
  titleOf(code: string): string {
    return this.icd10cm?.titleOf(code) ?? '';
  }

  /** Section names and their sizes, for `codeset info`. */
  sectionSizes(): { name: string; bytes: number; rawBytes: number }[] {
    return this.header.sections.map((s) => ({ name: s.name, bytes: s.length, rawBytes: s.rawLength }));
  }
}

export function loadPack(bytes: Uint8Array, label?: string, inflate?: Inflate): CodePack {
  return new CodePack(bytes, label, inflate);
}
