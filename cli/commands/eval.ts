import { promises as fs } from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { NoteAnalyzer } from '../../lib/suggest/analyze';
import type { Analysis } from '../../lib/suggest/schema';
import { parseGoldTsv } from '../../lib/eval/gold';
import { scoreRun, K_VALUES, recallAt, type RunScores } from '../../lib/eval/metrics';
import { Bm25Baseline } from '../../lib/eval/bm25-baseline';
import { calibratedScore, learnCalibration, type Calibration } from '../../lib/eval/calibration';
import { CorpusModel } from '../../lib/learn/corpus-model';
import { FEATURES, noteSignals, Reranker } from '../../lib/learn/reranker';
import { SoftMatcher } from '../../lib/learn/soft-match';

/** Neighbours consulted by the kNN model (fixed, not tuned on dev). */
const KNN_K = 30;
import { print, table, UsageError, type GlobalOptions } from '../output';
import { openPack } from './pack-loader';
import type { IcdLookup } from '../../lib/pack/code-pack';

export interface EvalOptions {
  notes: string;
  gold: string;
  trainNotes?: string;
  trainGold?: string;
  limit?: number;
}

async function loadSplit(notesDir: string, goldFile: string, limit?: number) {
  const gold = parseGoldTsv(await fs.readFile(goldFile, 'utf8'));
  const files = (await fs.readdir(notesDir)).filter((f) => f.endsWith('.txt')).sort();
  const docs: { id: string; text: string; gold: Set<string> }[] = [];
  for (const f of files.slice(0, limit ?? files.length)) {
    const id = f.replace(/\.txt$/, '');
    const g = gold.get(id);
    if (!g) continue;
    docs.push({ id, text: await fs.readFile(path.join(notesDir, f), 'utf8'), gold: g });
  }
  if (docs.length === 0) throw new UsageError(`no notes in ${notesDir} have gold codes in ${goldFile}`);
  return docs;
}

function analyzeAll(analyzer: NoteAnalyzer, docs: { text: string }[], label: string, quiet: boolean): Analysis[] {
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total}`, stream: process.stderr, noTTYOutput: false },
    cliProgress.Presets.shades_classic,
  );
  if (!quiet) bar.start(docs.length, 0);
  const out = docs.map((d, i) => {
    const a = analyzer.analyze(d.text, { setting: 'hospital' });
    if (!quiet) bar.update(i + 1);
    // CodiEsp-D is a diagnosis task: HCPCS suggestions (drugs given) are not scored here.
    return { ...a, suggestions: a.suggestions.filter((s) => s.system === 'ICD-10-CM') };
  });
  if (!quiet) bar.stop();
  return out;
}

/** CodiEsp coders code every documented mention; the product shows asserted ones first. */
function rankAll(a: Analysis): string[] {
  return [...a.suggestions.map((s) => s.code), ...a.alternatives.map((s) => s.code), ...a.excluded.map((s) => s.code)];
}

/**
 * Fusion (noisy-or): a code is right if the matcher's evidence is right (its calibrated precision
 * times how strong the match is) or if the similar coded notes are right.
 */
function fuse(a: Analysis, cal: Calibration, knn: Map<string, number>, beta = 0.6): string[] {
  const p = new Map<string, number>();
  const top = Math.max(1e-6, ...a.suggestions.map((s) => s.score), ...a.excluded.map((s) => s.score));
  const add = (code: string, score: number, factor: number) => {
    const strength = 0.5 + 0.5 * Math.min(1, score / top);
    const prec = Math.min(0.95, (cal.perCode.get(code) ?? cal.overall) * strength * factor);
    p.set(code, Math.max(p.get(code) ?? 0, prec));
  };
  for (const s of a.suggestions) add(s.code, s.score, 1);
  for (const s of a.alternatives) add(s.code, s.score, 0.7);
  for (const s of a.excluded) add(s.code, s.score, 0.8);
  for (const [c, k] of knn) p.set(c, 1 - (1 - (p.get(c) ?? 0)) * (1 - beta * k));
  return [...p].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([c]) => c);
}

export async function evalCommand(o: EvalOptions, opts: GlobalOptions): Promise<void> {
  const { pack } = await openPack(opts);
  const t0 = performance.now();
  const analyzer = new NoteAnalyzer(pack);
  const initMs = performance.now() - t0;
  const dev = await loadSplit(o.notes, o.gold, o.limit);
  const quiet = Boolean(opts.json);
  const t1 = performance.now();
  const devAnalyses = analyzeAll(analyzer, dev, 'eval', quiet);
  const analyzeMs = performance.now() - t1;

  const runs: Record<string, RunScores> = {};
  const baseline = new Bm25Baseline(pack);
  runs['BM25 baseline (MiniSearch, whole note vs code titles)'] = scoreRun(
    dev.map((d) => ({ ranked: baseline.rank(d.text, 50), predicted: baseline.rank(d.text, 10), gold: d.gold })),
  );
  runs['ChartCoder: suggestions only (what the coder is shown)'] = scoreRun(
    dev.map((d, i) => ({
      ranked: devAnalyses[i]!.suggestions.map((s) => s.code),
      predicted: devAnalyses[i]!.suggestions.map((s) => s.code),
      gold: d.gold,
    })),
  );
  runs['ChartCoder: + negated/uncertain mentions ranked after'] = scoreRun(
    dev.map((d, i) => ({
      ranked: rankAll(devAnalyses[i]!),
      predicted: devAnalyses[i]!.suggestions.map((s) => s.code),
      gold: d.gold,
    })),
  );
  let calibrated: string[][] | undefined;
  let rerankerWeights: Record<string, number> | undefined;
  if (o.trainNotes && o.trainGold) {
    const train = await loadSplit(o.trainNotes, o.trainGold);
    const trainAnalyses = analyzeAll(analyzer, train, 'train', quiet);
    const cal = learnCalibration(train.map((d, i) => ({ analysis: trainAnalyses[i]!, gold: d.gold })));
    calibrated = devAnalyses.map((a) =>
      [
        ...a.suggestions.map((s) => ({ code: s.code, score: calibratedScore(cal, s.code, s.score) })),
        ...a.alternatives.map((s) => ({ code: s.code, score: 0.5 * calibratedScore(cal, s.code, s.score) })),
        ...a.excluded.map((s) => ({ code: s.code, score: 0.6 * calibratedScore(cal, s.code, s.score) })),
      ]
        .sort((x, y) => y.score - x.score || x.code.localeCompare(y.code))
        .map((x) => x.code)
        .filter((c, i, arr) => arr.indexOf(c) === i),
    );
    runs['ChartCoder + calibration learned on train'] = scoreRun(
      dev.map((d, i) => ({
        ranked: calibrated![i]!,
        predicted: devAnalyses[i]!.suggestions.map((s) => s.code),
        gold: d.gold,
      })),
    );
    const model = CorpusModel.learn(train.map((d) => ({ text: d.text, codes: d.gold })));
    const knn = dev.map((d) => model.scores(d.text, KNN_K));
    runs['kNN over train notes only (no code set)'] = scoreRun(
      dev.map((d, i) => {
        const ranked = [...knn[i]!].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
        return { ranked, predicted: ranked.slice(0, 10), gold: d.gold };
      }),
    );
    const fused = devAnalyses.map((a, i) => fuse(a, cal, knn[i]!));
    runs['ChartCoder + calibration + kNN (noisy-or)'] = scoreRun(
      dev.map((d, i) => ({
        ranked: fused[i]!,
        predicted: devAnalyses[i]!.suggestions.map((s) => s.code),
        gold: d.gold,
      })),
    );
    const soft = new SoftMatcher(analyzer.dict);
    const { reranker, stats } = Reranker.learn(
      train.map((d, i) => ({ text: d.text, gold: d.gold, analysis: trainAnalyses[i]! })),
      model,
      KNN_K,
      soft,
    );
    calibrated = devAnalyses.map((a, i) =>
      reranker.rank(a, noteSignals(dev[i]!.text, a, model, KNN_K, soft), stats).map((c) => c.code),
    );
    runs['ChartCoder + learned reranker (matcher + kNN + prior, trained on train)'] = scoreRun(
      dev.map((d, i) => ({
        ranked: calibrated![i]!,
        predicted: devAnalyses[i]!.suggestions.map((s) => s.code),
        gold: d.gold,
      })),
    );
    rerankerWeights = Object.fromEntries(FEATURES.map((f, j) => [f, Number(reranker.weights[j]!.toFixed(3))]));
  }
  const mainRanked = calibrated ?? devAnalyses.map(rankAll);

  // Recall@20 by chapter, and gold codes the code set cannot produce.
  const byChapter = new Map<string, { gold: number; found: number }>();
  let absent = 0;
  let notBillable = 0;
  let goldTotal = 0;
  dev.forEach((d, i) => {
    const top = new Set(mainRanked[i]!.slice(0, 20));
    for (const g of d.gold) {
      goldTotal++;
      const hit = pack.lookup(g) as IcdLookup | undefined;
      if (!hit) absent++;
      else if (!hit.billable) notBillable++;
      // A code the pack does not list is placed by its longest listed prefix.
      const ch = pack.chapterOf(g)?.name.padStart(2, '0') ?? '??';
      const e = byChapter.get(ch) ?? { gold: 0, found: 0 };
      e.gold++;
      if (top.has(g)) e.found++;
      byChapter.set(ch, e);
    }
  });
  const result = {
    docs: dev.length,
    goldCodes: goldTotal,
    goldAbsentFromCodeSet: absent / goldTotal,
    goldNotBillableInRelease: notBillable / goldTotal,
    release: pack.currentIcdRelease?.label,
    analyzerInitMs: Math.round(initMs),
    analyzeMsPerNote: Number((analyzeMs / dev.length).toFixed(2)),
    runs,
    recallAt20ByChapter: Object.fromEntries(
      [...byChapter].sort().map(([ch, e]) => [ch, { gold: e.gold, recall: e.found / e.gold }]),
    ),
    rerankerWeights,
    meanRecallAt20: dev.reduce((a, d, i) => a + recallAt(mainRanked[i]!, d.gold, 20), 0) / dev.length,
  };
  const f = (x: number) => x.toFixed(3);
  print(opts, result, () =>
    [
      `${dev.length} notes, ${goldTotal} gold codes · code set ICD-10-CM ${result.release}: ${(100 * result.goldAbsentFromCodeSet).toFixed(1)}% of gold codes absent, ${(100 * result.goldNotBillableInRelease).toFixed(1)}% present but not billable in it`,
      `analyzer init ${result.analyzerInitMs} ms · ${result.analyzeMsPerNote} ms per note`,
      '',
      table([
        [
          'run',
          'MAP',
          ...K_VALUES.map((k) => `P@${k}`),
          ...K_VALUES.map((k) => `R@${k}`),
          'micro P',
          'micro R',
          'micro F1',
        ],
        ...Object.entries(runs).map(([name, r]) => [
          name,
          f(r.map),
          ...K_VALUES.map((k) => f(r.pAt[k]!)),
          ...K_VALUES.map((k) => f(r.rAt[k]!)),
          f(r.micro.precision),
          f(r.micro.recall),
          f(r.micro.f1),
        ]),
      ]),
      '',
      `recall@20 by ICD-10-CM chapter (${calibrated ? 'calibrated' : 'all mentions'} ranking):`,
      table([
        ['chapter', 'gold', 'R@20'],
        ...Object.entries(result.recallAt20ByChapter).map(([ch, e]) => [ch, String(e.gold), f(e.recall)]),
      ]),
    ].join('\n'),
  );
}
