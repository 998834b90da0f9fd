import { releaseOrder } from '../../../domain/releases';
import type { DecodedPack } from '../../container';
import type { PackHeader } from '../../format';
import type { SevenChrValue, TabularNotes, TabularSectionData } from '../../sections';

/** Section names: full Tabular XML sections, and notes extractions (JSON) of releases without one. */
export const TABULAR_PREFIX = { full: 'tabular:', notesOnly: 'tabular-notes:' } as const;

/** A code or header of the Tabular List. */
export interface TabularNode {
  code: string;
  description: string;
  /** The section (block) holding the code, e.g. "E08-E13" ('' in a notes extraction). */
  sectionId: string;
  notes: TabularNotes;
  /** 7th-character values defined at this node. */
  sevenChr?: SevenChrValue[];
  /** The code takes the placeholder X before a 7th character. */
  placeholder: boolean;
}

export interface TabularBlock {
  id: string;
  desc: string;
  notes: TabularNotes;
  sevenChr?: SevenChrValue[];
}

export interface TabularChapter {
  name: string;
  desc: string;
  notes: TabularNotes;
  sections: TabularBlock[];
}

/** One release's Tabular List (or its notes extraction), with named fields. */
export class TabularRelease {
  readonly release: string;
  readonly sourceId: number;
  readonly version: string;
  /** A notes extraction: only nodes that print notes, no chapters, sections, 7th characters or code-also notes. */
  readonly notesOnly: boolean;
  private chapterList?: TabularChapter[];

  constructor(private readonly data: TabularSectionData) {
    this.release = data.release;
    this.sourceId = data.sourceId;
    this.version = data.version;
    this.notesOnly = data.notesOnly === true;
  }

  get chapters(): TabularChapter[] {
    return (this.chapterList ??= this.data.chapters.map((c) => ({
      ...c,
      sections: c.sections.map(({ x, ...s }) => ({ ...s, ...(x ? { sevenChr: x } : {}) })),
    })));
  }

  has(code: string): boolean {
    return this.data.nodes[code] !== undefined;
  }

  node(code: string): TabularNode | undefined {
    const n = this.data.nodes[code];
    return (
      n && {
        code,
        description: n.d,
        sectionId: n.s,
        notes: n.n ?? {},
        ...(n.x ? { sevenChr: n.x } : {}),
        placeholder: n.p === 1,
      }
    );
  }

  /** Every node's code and notes, in the order of the Tabular. */
  *notesByCode(): Generator<[string, TabularNotes]> {
    for (const [code, n] of Object.entries(this.data.nodes)) yield [code, n.n ?? {}];
  }

  /** The chapter and section holding a code listed in this Tabular. */
  placeOf(code: string): { chapter: TabularChapter; section: TabularBlock } | undefined {
    const sectionId = this.data.nodes[code]?.s;
    if (sectionId === undefined) return undefined;
    for (const chapter of this.chapters) {
      const section = chapter.sections.find((s) => s.id === sectionId);
      if (section) return { chapter, section };
    }
    return undefined;
  }
}

/** Every Tabular section of a pack, newest release first; inflated on first use. */
export class Tabulars {
  private full?: TabularRelease[];
  private all?: TabularRelease[];

  constructor(
    private readonly raw: DecodedPack,
    private readonly header: PackHeader,
  ) {}

  private load(prefix: string): TabularRelease[] {
    return this.header.sections
      .filter((s) => s.name.startsWith(prefix))
      .map((s) => new TabularRelease(this.raw.json<TabularSectionData>(s.name)!));
  }

  /**
   * Newest first (`full`: only full Tabular XML ones, which alone carry chapters and 7th
   * characters; notes extractions are then not even inflated).
   */
  list(which: 'all' | 'full' = 'all'): TabularRelease[] {
    const newestFirst = (list: TabularRelease[]) => list.sort((a, b) => releaseOrder(b.release, a.release));
    this.full ??= newestFirst(this.load(TABULAR_PREFIX.full));
    if (which === 'full') return this.full;
    return (this.all ??= newestFirst([...this.full, ...this.load(TABULAR_PREFIX.notesOnly)]));
  }

  /** As `list`, with the ones not after the answering release first (FY2021 notes for a 2021 date). */
  answering(release: string | undefined, which: 'all' | 'full' = 'all'): TabularRelease[] {
    const all = this.list(which);
    if (!release) return all;
    const notAfter = all.filter((t) => releaseOrder(t.release, release) <= 0);
    return [...notAfter, ...all.filter((t) => !notAfter.includes(t))];
  }
}
