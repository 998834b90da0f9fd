import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'fflate';
import Papa from 'papaparse';
import { NoteAnalyzer } from '../../lib/suggest/analyze';
import { Bm25Baseline } from '../../lib/eval/bm25-baseline';
import { scoreVisitRun, VisitCasesSchema, type VisitCase, type VisitScores } from '../../lib/eval/visit-coded';
import { emScoresText, runVisitEm } from '../../lib/eval/visit-em';
import { print, table, UsageError, type GlobalOptions } from '../output';
import { openPack } from './pack-loader';

export interface VisitEvalOptions {
  /** Folder holding cases.json. */
  dir: string;
  /** MTSamples CSV (gzip) the cases point into; default <dir>/../mtsamples/mtsamples.csv.gz. */
  mtsamples?: string;
  /** Per-note details (missed, wrong, traps) written here as JSON. */
  report?: string;
}

async function loadCases(o: VisitEvalOptions): Promise<{ c: VisitCase; text: string }[]> {
  const casesFile = path.join(o.dir, 'cases.json');
  const raw = await fs.readFile(casesFile, 'utf8').catch(() => {
    throw new UsageError(`cannot read ${casesFile}`);
  });
  const parsed = VisitCasesSchema.safeParse(JSON.parse(raw));
  if (!parsed.success)
    throw new UsageError(
      `${casesFile}: not a visit-coded case file (${parsed.error.issues[0]?.message ?? 'bad shape'})`,
    );
  const csvFile = o.mtsamples ?? path.join(o.dir, '../mtsamples/mtsamples.csv.gz');
  const bytes = new Uint8Array(
    await fs.readFile(csvFile).catch(() => {
      throw new UsageError(`cannot read ${csvFile} (the MTSamples CSV the cases point into; --mtsamples <file>)`);
    }),
  );
  const csv = new TextDecoder().decode(csvFile.endsWith('.gz') ? gunzipSync(bytes) : bytes);
  const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
  const byId = new Map(rows.map((r) => [r.note_id ?? '', r.transcription ?? '']));
  return parsed.data.cases.map((c) => {
    const text = byId.get(c.note_id);
    if (text === undefined) throw new UsageError(`note ${c.note_id} is not in ${csvFile}`);
    const sha1 = createHash('sha1').update(text, 'utf8').digest('hex');
    if (sha1 !== c.sha1_of_transcription)
      throw new UsageError(`note ${c.note_id}: text differs from the coded one (sha1 ${sha1})`);
    return { c, text };
  });
}

/**
 * Reproduce: `npm run cli -- eval --visit-coded ../shared/data/notes/visit-coded`.
 * Every case is coded under Section IV (outpatient rules for every professional service), so
 * the analyzer runs in the office setting; the shown list is the ICD-10-CM suggestions in rank order.
 */
export async function evalVisitCommand(o: VisitEvalOptions, opts: GlobalOptions): Promise<void> {
  const { pack } = await openPack(opts);
  const analyzer = new NoteAnalyzer(pack);
  const docs = await loadCases(o);
  const cases = docs.map((d) => d.c);
  const t0 = performance.now();
  const shown = docs.map((d) =>
    analyzer
      .analyze(d.text, { setting: opts.setting ?? 'office' })
      .suggestions.filter((s) => s.system === 'ICD-10-CM')
      .map((s) => s.code),
  );
  const ms = (performance.now() - t0) / Math.max(1, docs.length);
  const baseline = new Bm25Baseline(pack);
  const runs: Record<string, VisitScores> = {};
  const mine = scoreVisitRun(cases, shown);
  runs['ChartCoder (shown diagnosis list)'] = mine.scores;
  runs['BM25 baseline (top 10 code titles)'] = scoreVisitRun(
    cases,
    docs.map((d) => baseline.rank(d.text, 10)),
  ).scores;
  const em = runVisitEm(docs, pack); // E/M level, family and em-level-not-supported false alarms (lib/eval/visit-em.ts)
  if (o.report)
    await fs.writeFile(
      o.report,
      `${JSON.stringify(
        mine.notes.map((n, i) => ({ ...n, shown: shown[i], em: em.notes.find((e) => e.noteId === n.noteId) })),
        null,
        1,
      )}\n`,
    );
  const result = {
    notes: docs.length,
    release: pack.currentIcdRelease?.label,
    analyzeMsPerNote: Number(ms.toFixed(2)),
    runs,
    em: em.scores,
  };
  const f = (x: number) => x.toFixed(3);
  print(opts, result, () =>
    [
      `${docs.length} visit notes, ${mine.scores.goldCodes} gold codes · ICD-10-CM ${result.release} · ${result.analyzeMsPerNote} ms per note`,
      '',
      table([
        ['run', 'recall@10', 'first@1', 'first@3', 'precision shown', 'shown/note', 'traps coded'],
        ...Object.entries(runs).map(([name, r]) => [
          name,
          f(r.recallAt10),
          f(r.firstListedAt1),
          f(r.firstListedAt3),
          f(r.precisionShown),
          r.meanShown.toFixed(1),
          `${f(r.trapsCoded)} (of ${r.trapsScored})`,
        ]),
      ]),
      ...emScoresText(em.scores),
    ].join('\n'),
  );
}
