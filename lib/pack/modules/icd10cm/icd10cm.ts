import { dotIcd } from '../../../codesets/code-format';
import type { IcdRelease } from '../../format';
import type { NoteKind, SevenChrValue, TabularNotes } from '../../sections';
import type { IcdTable } from './code-table';
import { statusIn, type IcdDateStatus } from './status';
import type { TabularRelease, Tabulars } from './tabular-reader';

/** Note kinds a notes extraction (the FY2026 JSON) does not carry: read from a full Tabular. */
const EXTRACTION_LACKS: readonly NoteKind[] = ['codeAlso', 'notes'];

/** Only the listed kinds of a node's notes. */
function pick(notes: TabularNotes, kinds: readonly NoteKind[]): TabularNotes {
  return Object.fromEntries(kinds.filter((k) => notes[k]).map((k) => [k, notes[k]]));
}

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

export interface SevenChrRef {
  from: string;
  release: string;
  values: SevenChrValue[];
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
  sevenChr?: SevenChrRef;
}

/**
 * ICD-10-CM as one release answers it: the code table and the Tabular List read for the release
 * in force on a date of service (`answering`), else for the newest release with titles.
 */
export class Icd10cm {
  /** Position of the answering release in the code table (-1 when no date of service pins one). */
  private readonly pinned: number;

  constructor(
    readonly table: IcdTable,
    private readonly tabulars: Tabulars,
    /** The release that answers: in force on the date of service, else the newest with titles. */
    readonly release: IcdRelease | undefined,
    /** The label of the release in force on the date of service, when a date pins one. */
    private readonly answering: string | undefined,
  ) {
    this.pinned = answering ? table.releaseIndex(release?.label) : -1;
  }

  /** Position of the answering release in the code table's release list (-1 when none). */
  get releaseIndex(): number {
    return this.table.releaseIndex(this.release?.label);
  }

  /** Long title of code i in the answering release (its newest title when that release lacks the code). */
  titleAt(i: number): string {
    return this.table.title(i, this.pinned);
  }

  /** Billable in the answering release when the code is in it, else in its newest release. */
  private isBillable(i: number): boolean {
    return this.table.isIn(i, this.pinned) ? this.table.isBillableIn(i, this.pinned) : this.table.isBillableNewest(i);
  }

  /** Children of code i, limited to the answering release on a date-of-service view. */
  private childrenOf(i: number): number[] {
    const list = this.table.childrenOf(i);
    return this.pinned < 0 ? list : list.filter((c) => this.table.isIn(c, this.pinned));
  }

  private ref(i: number): CodeRef {
    return { code: this.table.codes[i]!, title: this.titleAt(i), billable: this.isBillable(i) };
  }

  /** True when the code is in the answering release. */
  inAnsweringRelease(code: string): boolean {
    const i = this.table.indexOf(code);
    return i !== undefined && this.table.isIn(i, this.releaseIndex);
  }

  /** Tabular sections, the ones not after the answering release first. */
  tabularsAnswering(which: 'all' | 'full' = 'all'): TabularRelease[] {
    return this.tabulars.answering(this.answering, which);
  }

  /** Long title of a code in the answering release ('' when unknown). */
  titleOf(code: string): string {
    const i = this.table.indexOf(code);
    return i === undefined ? '' : this.titleAt(i);
  }

  /** Title, billable flag and children of a code, without the tabular notes (cheap). */
  codeInfo(input: string): { code: string; title: string; billable: boolean; children: CodeRef[] } | undefined {
    const code = dotIcd(input);
    const i = this.table.indexOf(code);
    if (i === undefined) return undefined;
    return {
      code,
      title: this.titleAt(i),
      billable: this.isBillable(i),
      children: this.childrenOf(i).map((c) => this.ref(c)),
    };
  }

  /** The 7th-character values that apply to a code (from itself or the nearest ancestor / section). */
  sevenChrFor(input: string): SevenChrRef | undefined {
    const code = dotIcd(input);
    const i = this.table.indexOf(code);
    if (i === undefined) return undefined;
    const chain = [code, ...this.table.ancestorsOf(i).map((p) => this.table.codes[p]!)];
    for (const t of this.tabularsAnswering('full')) {
      for (const c of chain) {
        const values = t.node(c)?.sevenChr;
        if (values) return { from: c, release: t.release, values };
      }
      const holder = chain.find((c) => t.has(c));
      const section = holder ? t.placeOf(holder)?.section : undefined;
      if (section?.sevenChr) return { from: `section ${section.id}`, release: t.release, values: section.sevenChr };
    }
    return undefined;
  }

  /** A code (dotted or not) with its releases, hierarchy, children, notes, chapter and 7th characters. */
  lookup(input: string): IcdLookup | undefined {
    const code = dotIcd(input);
    const i = this.table.indexOf(code);
    if (i === undefined) return undefined;
    const t = this.table;
    const hierarchy = t
      .ancestorsOf(i)
      .reverse()
      .map((p) => this.ref(p));
    const result: IcdLookup = {
      system: 'ICD-10-CM',
      code,
      title: this.titleAt(i),
      short: '',
      titleRelease:
        this.answering && t.isIn(i, t.releaseIndex(this.answering)) ? this.answering : t.releases[t.titleReleaseOf(i)]!,
      billable: this.isBillable(i),
      releases: t.releases.flatMap((release, r) => (t.isIn(i, r) ? [{ release, billable: t.isBillableIn(i, r) }] : [])),
      notIn: t.releases.filter((_, r) => !t.isIn(i, r)),
      hierarchy,
      children: this.childrenOf(i).map((c) => this.ref(c)),
      notes: [],
    };
    // The short title is read only when asked for (output, exports): decoding all short titles
    // (4.7 MB) on a note's first lookup cost its analysis ~70 ms. Still an enumerable own property,
    // in the same place, so JSON and copies carry it.
    Object.defineProperty(result, 'short', { get: () => t.shortTitle(i), enumerable: true, configurable: true });
    this.attachTabular(result, [code, ...hierarchy.map((x) => x.code).reverse()]);
    return result;
  }

  /** True when the code exists in the release with this label. */
  private inRelease(code: string, release: string): boolean {
    const i = this.table.indexOf(code);
    return i !== undefined && this.table.isIn(i, this.table.releaseIndex(release));
  }

  /**
   * The tabular that answers for a code's own notes: the newest one printing notes on the code or
   * an ancestor, or a notes extraction of a release holding the code (it lists only nodes with
   * notes, so silence there means "no notes in that release").
   */
  private notesTabular(chain: string[]): TabularRelease | undefined {
    return this.tabularsAnswering().find(
      (t) => chain.some((c) => t.has(c)) || (t.notesOnly && this.inRelease(chain[0]!, t.release)),
    );
  }

  /** Notes printed at the code, each ancestor, its section and its chapter (all apply below them). */
  private attachTabular(result: IcdLookup, chain: string[]): void {
    const push = (notes: TabularNotes, from: string, release: string) => {
      for (const [kind, texts] of Object.entries(notes)) {
        for (const text of texts ?? []) result.notes.push({ kind: kind as NoteKind, text, from, release });
      }
    };
    const own = this.notesTabular(chain);
    if (own) {
      result.notesRelease = own.release;
      for (const c of chain) {
        const node = own.node(c);
        if (node) push(node.notes, c, own.release);
      }
    }
    // A notes extraction carries no "code also" and no code-level "notes" (M50: "code to the most
    // superior level of disorder"; J44.0: "code also to identify the infection"): those kinds come
    // from the newest full Tabular that prints the code, labelled with its release.
    if (own?.notesOnly) {
      const full = this.tabularsAnswering('full').find((t) => t.has(chain[0]!));
      for (const c of full ? chain : []) {
        const notes = full!.node(c)?.notes;
        if (notes) push(pick(notes, EXTRACTION_LACKS), c, full!.release);
      }
    }
    // Chapters and sections (and their notes) come from the newest full Tabular holding the code.
    for (const t of this.tabularsAnswering('full')) {
      const holder = chain.find((c) => t.has(c));
      if (!holder) continue;
      const place = t.placeOf(holder);
      if (place) {
        const { chapter, section } = place;
        result.chapter = { name: chapter.name, desc: chapter.desc };
        result.section = { id: section.id, desc: section.desc };
        push(section.notes, `section ${section.id}`, t.release);
        push(chapter.notes, `chapter ${chapter.name}`, t.release);
      }
      const seven = this.sevenChrFor(result.code);
      if (seven) result.sevenChr = seven;
      return;
    }
  }

  /**
   * The chapter of a code as the answering Tabular places it; a code the pack does not list is
   * placed by its longest listed prefix (its subcategory or category).
   */
  chapterOf(input: string): { name: string; desc: string } | undefined {
    for (let cut = input.length; cut >= 3; cut--) {
      const code = dotIcd(input.slice(0, cut));
      const i = this.table.indexOf(code);
      if (i === undefined) continue;
      const chain = [code, ...this.table.ancestorsOf(i).map((p) => this.table.codes[p]!)];
      const t = this.tabularsAnswering('full').find((x) => chain.some((c) => x.has(c)));
      const chapter = t?.placeOf(chain.find((c) => t.has(c))!)?.chapter;
      if (chapter) return { name: chapter.name, desc: chapter.desc };
    }
    return undefined;
  }

  /** How a reported code stands in the release `label` (in force on a date of service); undefined for an unknown code. */
  statusIn(input: string, label: string): IcdDateStatus | undefined {
    const i = this.table.indexOf(dotIcd(input));
    return i === undefined ? undefined : statusIn(this.table, i, label);
  }
}
