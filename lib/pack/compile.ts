import { CodesetError } from '../codesets/errors';
import { detectSource } from '../codesets/detect';
import { expandArchives, baseName, type InputFile } from '../codesets/inputs';
import { inferRelease } from '../codesets/release';
import { decodeUtf8 } from '../util/text-lines';
import { sha256Hex } from '../util/sha256';
import { encodePack, type SectionInput } from './container';
import { CodePack } from './code-pack';
import { buildDictionary } from '../suggest/dictionary-build';
import type { PackSource } from './format';
import type { ParsedFile, WriteContext } from './modules/module';
import { PACK_MODULES, parserFor } from './modules/registry';
import { inLoadOrder } from './load-order';

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

/**
 * Compiles official release files into one code pack. Pure: takes bytes, returns bytes.
 * Throws CodesetError (file + line/element) on the first bad input; nothing is returned then.
 * Each file is read by the module of its kind (modules/registry.ts); the modules then write their
 * sections in the registry's order.
 */
export async function compilePack(files: InputFile[], opts: CompileOptions = {}): Promise<CompileResult> {
  const progress = opts.onProgress ?? (() => {});
  for (const f of files) f.suppliedSha256 ??= await sha256Hex(f.bytes);
  const expanded = expandArchives(files);
  const skipped: { file: string; why: string }[] = [];
  const parsed: ParsedFile[] = [];
  const archivesWithData = new Set<string>();

  // When a CMS zip carries both the ANWEB workbook and text, the workbook has coverage and dates.
  const hasHcpcsXlsx = new Set(
    expanded.filter((f) => /hcpc.*\.xlsx$/i.test(baseName(f.path))).map((f) => f.archive ?? ''),
  );

  // The official Alphabetic Index XML, when given, is read instead of a lossy flat CSV rendering.
  const hasIndexXml = expanded.some(
    (f) =>
      /\.xml$/i.test(f.path) &&
      /<ICD10CM\.index[\s\S]*index to diseases/i.test(new TextDecoder('latin1').decode(f.head(2048))),
  );

  // One file at a time: inflated, parsed, then dropped (only its parsed content is kept).
  let done = 0;
  for (const f of expanded) {
    const phase = { phase: `reading ${baseName(f.path)}`, done, total: expanded.length };
    progress(phase);
    done++;
    const bytes = f.load();
    // Hashed before parsing: WebCrypto copies its input, so the copy is gone before the parse grows.
    const contentSha256 = await sha256Hex(bytes);
    const det = detectSource({ path: f.path, bytes }, f.archive !== undefined);
    if ('ignored' in det) {
      skipped.push({ file: f.path, why: det.ignored });
      continue;
    }
    if (det.kind === 'hcpcs-txt' && hasHcpcsXlsx.has(f.archive ?? '')) {
      skipped.push({
        file: f.path,
        why: 'the ANWEB workbook in the same archive is read instead (it has coverage and dates)',
      });
      continue;
    }
    if (det.kind === 'icd10cm-index' && /\.csv$/i.test(f.path) && hasIndexXml) {
      skipped.push({
        file: f.path,
        why: 'the official Alphabetic Index XML among the inputs is read instead of this lossy flat CSV',
      });
      continue;
    }
    if (f.archive) archivesWithData.add(f.archive);
    const xlsx = /\.xlsx$/i.test(f.path);
    let text: string | undefined;
    const { content, records, contentVersion, detail } = parserFor(det.kind)({
      path: f.path,
      name: baseName(f.path),
      bytes,
      get text() {
        return (text ??= xlsx ? '' : decodeUtf8(bytes));
      },
      xlsx,
      tick: () => progress(phase),
    });
    text = undefined;
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
      sha256: f.suppliedSha256 ?? contentSha256,
      contentSha256,
      records,
      ...(detail ? { detail } : {}),
    };
    parsed.push({ kind: det.kind, source, info, content });
  }
  for (const f of files) {
    if (/\.zip$/i.test(f.path) && !archivesWithData.has(f.path)) {
      throw new CodesetError(
        f.path,
        'the zip holds no ICD-10-CM, HCPCS or NCCI release table this product reads (expected member missing)',
      );
    }
  }
  if (parsed.length === 0)
    throw new CodesetError(files[0]?.path ?? '(no files)', 'no release file found among the inputs');

  const ctx: WriteContext = {
    counts: {},
    header: {},
    progress: (phase) => progress({ phase, done, total: expanded.length }),
  };
  const sections: SectionInput[] = PACK_MODULES.flatMap((m) => m.write(parsed, ctx));
  const { counts } = ctx;
  const icdReleases = ctx.header.icdReleases ?? [];
  const alphabeticIndex = ctx.header.alphabeticIndex;

  progress({ phase: 'compressing', done, total: expanded.length });
  const sources = parsed.map((p) => p.source);
  const meta = {
    createdAt: opts.createdAt ?? new Date().toISOString(),
    generator: opts.generator ?? 'chartcoder',
    sources,
    icdReleases,
    counts,
    ...(alphabeticIndex ? { alphabeticIndex } : {}),
  };
  let bytes = encodePack(meta, inLoadOrder(sections));
  if (icdReleases.some((r) => r.hasTitles)) {
    // The match dictionary is derived from the pack itself, so build it from the pack just made.
    progress({ phase: 'compiling the match dictionary', done, total: expanded.length });
    const draft = new CodePack(bytes);
    const dict = buildDictionary(draft);
    const { version, strings, bin } = dict.serialize();
    sections.push({ name: 'dict', encoding: 'json', data: version });
    sections.push({ name: 'dict.strings', encoding: 'binary', data: strings });
    sections.push({ name: 'dict.bin', encoding: 'binary', data: bin });
    counts.dictionaryTerms = dict.size;
    bytes = encodePack(meta, inLoadOrder(sections));
  }
  progress({ phase: 'done', done: expanded.length, total: expanded.length });
  return { bytes, sources, skipped, counts };
}
