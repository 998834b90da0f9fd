import { NoteAnalyzer } from '../../lib/suggest/analyze';
import { hccMappingNote } from '../../lib/audit/hcc';
import { AnalysisSchema } from '../../lib/suggest/schema';
import { readStdinText, readTextFile } from '../input';
import { print, table, wrapText, type GlobalOptions } from '../output';
import { openPack } from './pack-loader';

/** The note: a text file, or standard input for "-" (binary files and folders are refused in one line). */
async function readNote(file: string): Promise<string> {
  return file === '-' ? readStdinText() : readTextFile(file, 'note');
}

/** Column widths: description, evidence and why wrap onto more lines instead of being cut. */
const WRAP = { 6: 48, 7: 40, 8: 40 };

/** The short CMS-HCC tag of a diagnosis that maps to a payment HCC ("HCC 37"), else blank. */
export function hccTag(s: { hcc?: { category: number } | undefined }): string {
  return s.hcc ? `HCC ${s.hcc.category}` : '';
}

export async function analyzeCommand(file: string, opts: GlobalOptions & { all?: boolean }): Promise<void> {
  const text = await readNote(file);
  const { pack } = await openPack(opts);
  const analyzer = new NoteAnalyzer(pack);
  const result = AnalysisSchema.parse(
    analyzer.analyze(text, {
      setting: opts.setting === 'hospital' ? 'hospital' : 'office',
      ...(opts.date ? { dateOfService: opts.date } : {}),
    }),
  );
  print(opts, result, () => {
    const rows = (list: typeof result.suggestions) =>
      list.map((s, i) => [
        String(i + 1),
        s.code,
        hccTag(s),
        s.score.toFixed(1),
        s.assertion,
        s.section,
        s.description,
        s.evidence.map((e) => `"${e.text}"@${e.start}`).join(' '),
        [
          s.reason.refinedFrom ? `from ${s.reason.refinedFrom}` : '',
          s.reason.mappedFrom ? `for ${s.reason.mappedFrom}` : '',
          s.reason.note ?? '',
        ]
          .filter(Boolean)
          .join('; '),
      ]);
    const head = ['#', 'code', 'hcc', 'score', 'assertion', 'section', 'description', 'evidence', 'why'];
    // What the hcc column is, once, when a suggested diagnosis has a category.
    const mapping = result.suggestions.some((x) => x.hcc) ? hccMappingNote(pack) : undefined;
    return [
      `ICD-10-CM ${result.release.label} (${result.release.effectiveFrom}..${result.release.effectiveTo}) · ${result.setting} · ${result.stats.sentences} sentences · ${result.stats.ms} ms`,
      ...result.warnings.map((w) => `warning: ${w}`),
      '',
      result.suggestions.length ? table([head, ...rows(result.suggestions)], WRAP) : 'no codes suggested',
      ...(mapping ? wrapText(`hcc: ${mapping}.`, 110) : []),
      ...(result.excluded.length ? ['', 'not coded as written:', table([head, ...rows(result.excluded)], WRAP)] : []),
    ].join('\n');
  });
}
