import { promises as fs } from 'node:fs';
import { NoteAnalyzer } from '../../lib/suggest/analyze';
import { AnalysisSchema } from '../../lib/suggest/schema';
import { print, table, type GlobalOptions } from '../output';
import { openPack } from './pack-loader';

async function readNote(file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  return fs.readFile(file, 'utf8');
}

export async function analyzeCommand(file: string, opts: GlobalOptions & { all?: boolean }): Promise<void> {
  const { pack } = await openPack(opts);
  const analyzer = new NoteAnalyzer(pack);
  const text = await readNote(file);
  const result = AnalysisSchema.parse(analyzer.analyze(text, { setting: opts.setting === 'hospital' ? 'hospital' : 'office', ...(opts.date ? { dateOfService: opts.date } : {}) }));
  print(opts, result, () => {
    const rows = (list: typeof result.suggestions) =>
      list.map((s, i) => [
        String(i + 1),
        s.code,
        s.score.toFixed(1),
        s.assertion,
        s.section,
        s.description.slice(0, 60),
        s.evidence.map((e) => `"${e.text}"@${e.start}`).join(' ').slice(0, 60),
        [s.reason.refinedFrom ? `from ${s.reason.refinedFrom}` : '', s.reason.mappedFrom ? `for ${s.reason.mappedFrom}` : '', s.reason.note ?? ''].filter(Boolean).join('; ').slice(0, 80),
      ]);
    const head = ['#', 'code', 'score', 'assertion', 'section', 'description', 'evidence', 'why'];
    return [
      `ICD-10-CM ${result.release.label} (${result.release.effectiveFrom}..${result.release.effectiveTo}) · ${result.setting} · ${result.stats.sentences} sentences · ${result.stats.ms} ms`,
      ...result.warnings.map((w) => `warning: ${w}`),
      '',
      result.suggestions.length ? table([head, ...rows(result.suggestions)]) : 'no codes suggested',
      ...(result.excluded.length ? ['', 'not coded as written:', table([head, ...rows(result.excluded)])] : []),
    ].join('\n');
  });
}
