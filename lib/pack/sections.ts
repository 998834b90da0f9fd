import type { NoteKind, SevenChrValue, TabularNotes } from '../codesets/icd10cm/tabular-xml';
import type { MueService } from '../codesets/ncci/mue';

/**
 * Stored shapes of the sections of a code pack (PACK_FORMAT_VERSION in format.ts). These are the
 * bytes on disk, kept compact (short keys, tuples); code outside lib/pack/modules reads them only
 * through the modules' readers, which give every field a name.
 */

/**
 * The ICD code table as compiled. In the pack it is split so loading needs no big JSON parse:
 * 'icd' (JSON: releases, olderTitles, parentOverrides), 'icd.codes' / 'icd.long' / 'icd.short'
 * (UTF-8 text, one entry per line) and 'icd.cols' (typed arrays: present, billable, titleRelease, parent).
 */
export interface IcdSectionData {
  /** ICD-10-CM release labels; bit r of `present`/`billable` refers to releases[r]. */
  releases: string[];
  codes: string[];
  present: number[];
  billable: number[];
  short: string[];
  long: string[];
  /** Which release the title came from (the newest one carrying titles for that code). */
  titleRelease: number[];
  /** Parent in the newest release holding the code (-1 = none). */
  parent: number[];
  /** Parents in older releases where they differ: release index -> [code index, parent index][]. */
  parentOverrides: Record<string, [number, number][]>;
  /** Titles in older releases where they differ: release index -> [code index, short, long][]. */
  olderTitles: Record<string, [number, string, string][]>;
}

/** A Tabular node as stored (read as a named TabularNode in modules/icd10cm/tabular-reader.ts). */
export interface TabularNodeData {
  /** Description (the code's title in the Tabular). */
  d: string;
  /** Section (block) id holding the code, e.g. "E08-E13"; '' in a notes extraction. */
  s: string;
  /** Notes printed at the node, by kind. */
  n?: TabularNotes;
  /** 7th-character values defined at the node (sevenChrDef). */
  x?: SevenChrValue[];
  /** 1 when the code takes the placeholder X before a 7th character. */
  p?: 1;
}

export interface TabularSectionData {
  release: string;
  sourceId: number;
  version: string;
  /**
   * A notes extraction (JSON) rather than the full Tabular XML: only nodes that print notes are
   * listed, with no chapters, sections, 7th characters or code-also notes.
   */
  notesOnly?: true;
  chapters: {
    name: string;
    desc: string;
    notes: TabularNotes;
    /** `x`: 7th-character values defined for the whole section. */
    sections: { id: string; desc: string; notes: TabularNotes; x?: SevenChrValue[] }[];
  }[];
  nodes: Record<string, TabularNodeData>;
}

export interface Excludes1Pair {
  /** The code or header carrying the note; it applies to all codes below it. */
  from: string;
  /** Inclusive ranges of undotted code prefixes, e.g. ["E10", "E10"] or ["E08", "E13"]. */
  targets: [string, string][];
  text: string;
  release: string;
}

export interface IndexSectionData {
  /** `form`: 'official XML' or 'flat CSV (lossy)' (absent in packs of format 2: XML). */
  files: { kind: string; sourceId: number; release: string; columns: string[]; form?: IndexForm }[];
  /**
   * [file, path, nemod, codes, manif, see, seeAlso, cells([columnIndex, code])]: a tuple per term
   * to keep the largest JSON section small; read as a named IndexTerm in modules/alphabetic-index.ts.
   */
  entries: [number, string[], string, string[], string[], string, string, [number, string][]][];
  /** "see" / "see also" references resolved at compile time to the target term's codes. */
  refs?: IndexRefData[];
}

export type IndexForm = 'official XML' | 'flat CSV (lossy)';

export interface IndexRefData {
  /** Position of the referring entry in `entries`. */
  entry: number;
  via: 'see' | 'seeAlso';
  target: string;
  codes: string[];
  /** The target's subterms read on under when the target itself has no code (see index-refs.ts). */
  under?: string[];
}

export interface HcpcsSectionData {
  sourceId: number;
  release: string;
  codes: string[];
  long: string[];
  short: string[];
  cov: string[];
  tos: string[];
  addDate: string[];
  termDate: string[];
}

export interface MueTableData {
  service: MueService;
  sourceId: number;
  /** The quarter, e.g. "2026 Q3"; tables are stored oldest first. */
  release: string;
  codes: string[];
  value: number[];
  mai: number[];
  rationale: number[];
  rationales: string[];
}

export interface AocSectionData {
  /** The sources, oldest quarter first; `source[i]` is the position in this list of row i's source. */
  sourceIds: number[];
  source: number[];
  addOn: string[];
  primary: (string | null)[];
  type: number[];
  effective: (string | null)[];
  deletion: (string | null)[];
}

export interface PtpMetaData {
  sourceIds: number[];
  codes: string[];
  rationales: string[];
  rows: number;
  hasEffectiveDates: boolean;
}

export type { NoteKind, SevenChrValue, TabularNotes };

/** CMS-HCC mappings of one payment year: V28 payment HCCs per ICD-10-CM code (codes with none are left out). */
export interface HccSectionData {
  sourceId: number;
  release: string;
  model: 'V28';
  paymentYear: number;
  /** Which fiscal years' codes the mapping covers, as its title says ("FY2024 and FY2025"). */
  codeYears: string;
  /** Dotted codes, sorted. */
  codes: string[];
  /** categories[i]: the V28 HCCs of codes[i], ascending (a few codes map to two). */
  categories: number[][];
  /** Category number -> label (CMS V28 model). */
  labels: Record<string, string>;
}
