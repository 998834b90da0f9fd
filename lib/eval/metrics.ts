/**
 * Ranking metrics as CodiEsp defines them (Miranda-Escalada et al., CLEF 2020): per document,
 * average precision = sum over ranks k holding a gold code of P@k, divided by the number of gold
 * codes; MAP is its mean over documents. P@k / R@k are averaged over documents too.
 */
export function averagePrecision(ranked: string[], gold: Set<string>): number {
  if (gold.size === 0) return 0;
  let hits = 0;
  let sum = 0;
  const seen = new Set<string>();
  ranked.forEach((c, i) => {
    if (seen.has(c)) return;
    seen.add(c);
    if (gold.has(c)) {
      hits++;
      sum += hits / (i + 1);
    }
  });
  return sum / gold.size;
}

export function precisionAt(ranked: string[], gold: Set<string>, k: number): number {
  return ranked.slice(0, k).filter((c) => gold.has(c)).length / k;
}

export function recallAt(ranked: string[], gold: Set<string>, k: number): number {
  return gold.size === 0 ? 0 : ranked.slice(0, k).filter((c) => gold.has(c)).length / gold.size;
}

export interface RunScores {
  docs: number;
  map: number;
  pAt: Record<number, number>;
  rAt: Record<number, number>;
  micro: { precision: number; recall: number; f1: number; predicted: number };
}

export const K_VALUES = [1, 5, 10, 20];

/** `predicted` is the set a coder would be shown (the cut-off); `ranked` the full ranking. */
export function scoreRun(docs: { ranked: string[]; predicted: string[]; gold: Set<string> }[]): RunScores {
  const n = docs.length || 1;
  const pAt: Record<number, number> = {};
  const rAt: Record<number, number> = {};
  for (const k of K_VALUES) {
    pAt[k] = docs.reduce((a, d) => a + precisionAt(d.ranked, d.gold, k), 0) / n;
    rAt[k] = docs.reduce((a, d) => a + recallAt(d.ranked, d.gold, k), 0) / n;
  }
  let tp = 0;
  let pred = 0;
  let goldTotal = 0;
  for (const d of docs) {
    const p = new Set(d.predicted);
    pred += p.size;
    goldTotal += d.gold.size;
    for (const c of p) if (d.gold.has(c)) tp++;
  }
  const precision = pred ? tp / pred : 0;
  const recall = goldTotal ? tp / goldTotal : 0;
  return {
    docs: docs.length,
    map: docs.reduce((a, d) => a + averagePrecision(d.ranked, d.gold), 0) / n,
    pAt,
    rAt,
    micro: {
      precision,
      recall,
      f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
      predicted: pred,
    },
  };
}
