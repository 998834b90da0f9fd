import type { SourceKind } from '../../codesets/detect';
import type { ReleaseInfo } from '../../codesets/release';
import type { SectionInput } from '../container';
import type { AlphabeticIndexInfo, IcdRelease, PackSource } from '../format';

/*
 * A code-set module of the pack: the parsers of its release files, the writer of its sections, and
 * (in the same file or beside it) the reader that answers from those sections with named fields.
 * compile.ts reads the files and hands each module every parsed file; the registry fixes the order
 * in which modules write, which is the order of the sections in the pack.
 */

/** One release file as a module's parser sees it. */
export interface SourceFile {
  path: string;
  /** The file name without folders (the archive member's name for a file from a zip). */
  name: string;
  bytes: Uint8Array;
  /**
   * The whole text (UTF-8, else Latin-1), decoded when first read; '' for a workbook. Line-based
   * tables read `bytes` a step at a time instead (codesets/line-stream.ts), never holding it whole.
   */
  readonly text: string;
  xlsx: boolean;
  /** Called between steps of a long parse: the compiler's chance to check memory or stop. */
  tick?: () => void;
}

export interface ParseResult<C = unknown> {
  content: C;
  /** Records read, for the source's provenance. */
  records: number;
  /** The release as the file's content states it (e.g. the XML `<version>`). */
  contentVersion?: string;
  /** What kind of file this was, in words, for `codeset info`. */
  detail?: string;
}

export type FileParser<C = unknown> = (file: SourceFile) => ParseResult<C>;

export interface ParsedFile<C = unknown> {
  kind: SourceKind;
  source: PackSource;
  info: ReleaseInfo;
  content: C;
}

export interface WriteContext {
  /** Record counts for the header, in the order modules write them. */
  counts: Record<string, number>;
  progress(phase: string): void;
  /** Header facts a module states: the ICD-10-CM releases, the Alphabetic Index used. */
  header: { icdReleases?: IcdRelease[]; alphabeticIndex?: AlphabeticIndexInfo };
}

export interface PackModule {
  name: string;
  parsers: Partial<Record<SourceKind, FileParser>>;
  write(files: ParsedFile[], ctx: WriteContext): SectionInput[];
}

/** The parsed files of the given kinds, in the order they were read. */
export function filesOf<C>(files: ParsedFile[], ...kinds: SourceKind[]): ParsedFile<C>[] {
  return files.filter((f) => kinds.includes(f.kind)) as ParsedFile<C>[];
}

/** Files oldest first by their effective date (quarterly tables). */
export function byEffectiveDate<T extends ParsedFile>(files: T[]): T[] {
  return [...files].sort((a, b) => a.info.effectiveFrom.localeCompare(b.info.effectiveFrom));
}
