import { z } from 'zod';

/**
 * The code pack: one file, a small JSON header then deflated sections, so a loader reads the
 * header (provenance, releases) at once and inflates a section only when it is first used.
 * Bump PACK_FORMAT_VERSION whenever a section's shape changes; loaders refuse other versions.
 * 2: the ICD table as text + typed-array sections; the match dictionary ('dict', 'dict.bin').
 * 3: the Alphabetic Index's form and resolved see / see-also references (header `alphabeticIndex`,
 *    `index.refs`); notes-only tabular sections (`notesOnly`); MUE tables and AOC rows per quarter
 *    (`release` / `source`); the CMS-HCC section ('hcc').
 * 4: integrity: a CRC-32 of the header in the prefix (container version 2) and of every section's
 *    stored bytes in the section table (`crc32`), checked before a section is inflated; every
 *    declared length is capped (LIMITS below). Packs of version 3 are refused with "rebuild".
 */
export const PACK_FORMAT_VERSION = 4;
export const PACK_MAGIC = 'CCPACK';

export const SourceSchema = z.strictObject({
  id: z.number().int().nonnegative(),
  kind: z.string(),
  system: z.enum(['ICD-10-CM', 'HCPCS', 'NCCI-PTP', 'NCCI-MUE', 'NCCI-AOC', 'CMS-HCC']),
  release: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string(),
  releaseBasis: z.string(),
  file: z.string(),
  /** sha256 of the file as supplied (the zip or .gz itself when it came packed). */
  sha256: z.string(),
  /** sha256 of the member/uncompressed content actually parsed. */
  contentSha256: z.string(),
  records: z.number().int().nonnegative(),
  detail: z.string().optional(),
});
export type PackSource = z.infer<typeof SourceSchema>;

export const IcdReleaseSchema = z.strictObject({
  label: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string(),
  sourceIds: z.array(z.number().int()),
  codeCount: z.number().int(),
  billableCount: z.number().int(),
  hasTitles: z.boolean(),
  hasNotes: z.boolean(),
});
export type IcdRelease = z.infer<typeof IcdReleaseSchema>;

/**
 * Caps on what a pack may declare, checked before anything is allocated or inflated: far above
 * today's pack (13.7 MB stored; the largest section, the PTP rows, is 25 MB inflated; all sections
 * together ~70 MB) and far below what would exhaust a browser tab or the CLI.
 */
export const PACK_LIMITS = {
  /** The header JSON (provenance, sources, section table): ~20 kB today. */
  headerBytes: 4 * 1024 * 1024,
  sections: 512,
  /** One inflated section. */
  sectionRawBytes: 256 * 1024 * 1024,
  /** Every section inflated. */
  totalRawBytes: 1024 * 1024 * 1024,
  /** DEFLATE cannot expand by more than ~1032:1; a larger declared ratio is a forged length. */
  maxDeflateRatio: 1032,
} as const;

export const SectionSchema = z.strictObject({
  name: z.string().min(1).max(200),
  encoding: z.enum(['json', 'binary']),
  offset: z.number().int().nonnegative(),
  length: z.number().int().nonnegative(),
  rawLength: z.number().int().nonnegative().max(PACK_LIMITS.sectionRawBytes),
  /** CRC-32 of the stored (deflated) bytes, 8 hex digits. */
  crc32: z.string().regex(/^[0-9a-f]{8}$/),
});

/** Which Alphabetic Index the pack's index terms come from, and how many cross-references resolved. */
export const AlphabeticIndexSchema = z.strictObject({
  sourceId: z.number().int().nonnegative(),
  release: z.string(),
  form: z.enum(['official XML', 'flat CSV (lossy)']),
  see: z.number().int().nonnegative(),
  seeResolved: z.number().int().nonnegative(),
  seeAlso: z.number().int().nonnegative(),
  seeAlsoResolved: z.number().int().nonnegative(),
});
export type AlphabeticIndexInfo = z.infer<typeof AlphabeticIndexSchema>;

export const HeaderSchema = z.strictObject({
  magic: z.literal(PACK_MAGIC),
  formatVersion: z.number().int(),
  createdAt: z.string(),
  generator: z.string(),
  sources: z.array(SourceSchema),
  icdReleases: z.array(IcdReleaseSchema),
  sections: z.array(SectionSchema).max(PACK_LIMITS.sections),
  counts: z.record(z.string(), z.number()),
  alphabeticIndex: AlphabeticIndexSchema.optional(),
});
export type PackHeader = z.infer<typeof HeaderSchema>;
export type PackSection = z.infer<typeof SectionSchema>;
