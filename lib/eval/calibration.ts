import type { Analysis } from '../suggest/schema';

/**
 * What a coded corpus teaches (here CodiEsp train): for each code the matcher proposes, how often
 * it was right. Scores are multiplied by a smoothed precision (prior strength `alpha` toward the
 * overall precision), so codes the matcher over-proposes sink and reliable ones rise. Codes the
 * corpus never saw keep the overall rate. Learn on train, apply on dev/test: never on the eval split.
 */
export interface Calibration {
  overall: number;
  perCode: Map<string, number>;
}

export function learnCalibration(runs: { analysis: Analysis; gold: Set<string> }[], alpha = 3): Calibration {
  const seen = new Map<string, { hits: number; n: number }>();
  let hits = 0;
  let n = 0;
  for (const { analysis, gold } of runs) {
    for (const s of [...analysis.suggestions, ...analysis.alternatives, ...analysis.excluded]) {
      const e = seen.get(s.code) ?? { hits: 0, n: 0 };
      e.n++;
      n++;
      if (gold.has(s.code)) {
        e.hits++;
        hits++;
      }
      seen.set(s.code, e);
    }
  }
  const overall = n ? hits / n : 0.1;
  const perCode = new Map<string, number>();
  for (const [c, e] of seen) perCode.set(c, (e.hits + alpha * overall) / (e.n + alpha));
  return { overall, perCode };
}

export function calibratedScore(cal: Calibration, code: string, score: number): number {
  return score * ((cal.perCode.get(code) ?? cal.overall) / Math.max(cal.overall, 1e-6));
}
