import { unpackArrays } from '../../../util/typed-arrays';
import type { DecodedPack } from '../../container';
import type { IcdSectionData } from '../../sections';

/**
 * The ICD table is split so loading needs no big JSON parse: 'icd' (JSON: releases, olderTitles,
 * parentOverrides), 'icd.codes' / 'icd.long' / 'icd.short' (UTF-8 text, one entry per line) and
 * 'icd.cols' (typed arrays: present, billable, titleRelease, parent).
 */
export const ICD_SECTIONS = {
  meta: 'icd',
  codes: 'icd.codes',
  long: 'icd.long',
  short: 'icd.short',
  columns: 'icd.cols',
} as const;

type IcdMeta = Pick<IcdSectionData, 'releases' | 'olderTitles' | 'parentOverrides'>;

/**
 * Reader of the ICD-10-CM code table. Codes are addressed by their position `i` in the sorted
 * code list, releases by their position `r` in `releases` (oldest first).
 */
export class IcdTable {
  readonly releases: string[];
  readonly codes: string[];
  private readonly long: string[];
  private shortTitles?: string[];
  private readonly present: Uint32Array;
  private readonly billable: Uint32Array;
  private readonly titleRelease: Uint8Array;
  private readonly parent: Int32Array;
  private readonly byCode = new Map<string, number>();
  private childIndex?: Map<number, number[]>;
  /** Release -> code -> long title, for titles older releases word differently. */
  private readonly olderTitleIndex = new Map<number, Map<number, string>>();

  private constructor(
    private readonly meta: IcdMeta,
    private readonly lines: (section: string) => string[],
    columns: Uint8Array,
  ) {
    this.releases = meta.releases;
    this.codes = lines(ICD_SECTIONS.codes);
    this.long = lines(ICD_SECTIONS.long);
    [this.present, this.billable, this.titleRelease, this.parent] = unpackArrays(columns) as [
      Uint32Array,
      Uint32Array,
      Uint8Array,
      Int32Array,
    ];
    this.codes.forEach((code, i) => this.byCode.set(code, i));
  }

  static read(raw: DecodedPack): IcdTable | undefined {
    const meta = raw.json<IcdMeta>(ICD_SECTIONS.meta);
    if (!meta) return undefined;
    const dec = new TextDecoder();
    const lines = (name: string) => dec.decode(raw.section(name) ?? new Uint8Array()).split('\n');
    return new IcdTable(meta, lines, raw.section(ICD_SECTIONS.columns)!);
  }

  /** Position of a dotted code, or undefined. */
  indexOf(code: string): number | undefined {
    return this.byCode.get(code);
  }

  /** Position of a release label, or -1. */
  releaseIndex(label: string | undefined): number {
    return label === undefined ? -1 : this.releases.indexOf(label);
  }

  isIn(i: number, r: number): boolean {
    return r >= 0 && (this.present[i]! & (1 << r)) !== 0;
  }

  isBillableIn(i: number, r: number): boolean {
    return r >= 0 && (this.billable[i]! & (1 << r)) !== 0;
  }

  /** The newest release holding the code. */
  newestReleaseOf(i: number): number {
    return 31 - Math.clz32(this.present[i]!);
  }

  isBillableNewest(i: number): boolean {
    return this.isBillableIn(i, this.newestReleaseOf(i));
  }

  /** The release the code's newest title comes from. */
  titleReleaseOf(i: number): number {
    return this.titleRelease[i]!;
  }

  /** The code's long title in its newest release ('' for a code listed without one). */
  newestTitle(i: number): string {
    return this.long[i]!;
  }

  /** Short titles are rarely shown: decoded on first use. */
  shortTitle(i: number): string {
    this.shortTitles ??= this.lines(ICD_SECTIONS.short);
    return this.shortTitles[i]!;
  }

  /** Long title of code i in release r (its newest title when r is -1 or lacks the code). */
  title(i: number, r: number): string {
    if (r < 0 || this.titleRelease[i] === r || !this.isIn(i, r)) return this.long[i]!;
    let titles = this.olderTitleIndex.get(r);
    if (!titles)
      this.olderTitleIndex.set(
        r,
        (titles = new Map((this.meta.olderTitles[String(r)] ?? []).map(([code, , long]) => [code, long]))),
      );
    return titles.get(i) ?? this.long[i]!;
  }

  /** Parent in the newest release holding the code (-1 = none). */
  parentOf(i: number): number {
    return this.parent[i]!;
  }

  /** Ancestors from the parent up. */
  ancestorsOf(i: number): number[] {
    const out: number[] = [];
    for (let p = this.parent[i]!; p >= 0; p = this.parent[p]!) out.push(p);
    return out;
  }

  /** Children in the newest release holding them. */
  childrenOf(i: number): number[] {
    if (!this.childIndex) {
      const index = new Map<number, number[]>();
      this.parent.forEach((p, c) => {
        if (p < 0) return;
        const list = index.get(p);
        if (list) list.push(c);
        else index.set(p, [c]);
      });
      this.childIndex = index;
    }
    return this.childIndex.get(i) ?? [];
  }

  /** Every code of one release with its billable flag and parent. */
  listRelease(release: string): { code: string; billable: boolean; parent: string | null }[] {
    const r = this.releaseIndex(release);
    if (r < 0) return [];
    const overrides = new Map(this.meta.parentOverrides[String(r)] ?? []);
    const out: { code: string; billable: boolean; parent: string | null }[] = [];
    this.codes.forEach((code, i) => {
      if (!this.isIn(i, r)) return;
      const p = overrides.get(i) ?? this.parent[i]!;
      out.push({ code, billable: this.isBillableIn(i, r), parent: p >= 0 ? this.codes[p]! : null });
    });
    return out;
  }
}
