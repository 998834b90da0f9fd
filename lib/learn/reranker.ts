import type { Analysis } from '../suggest/schema';
import type { CorpusModel } from './corpus-model';
import type { SoftMatcher } from './soft-match';

/**
 * Learning to rank from a coded corpus. Candidates for a note are the matcher's codes (suggested,
 * alternative, excluded), the codes of its nearest coded notes, and the corpus's most frequent
 * codes; a logistic regression over a few features (how the matcher found the code, how reliable
 * the matcher was for that code in the corpus, neighbour vote, corpus prior) orders them.
 * Training features are leave-one-out: a training note never sees its own codes.
 */
export interface CorpusStats {
  docs: number;
  proposed: Map<string, { hits: number; n: number }>;
  goldDocs: Map<string, number>;
  overall: number;
  frequent: string[];
}

export interface TrainingDoc {
  text: string;
  gold: Set<string>;
  analysis: Analysis;
}

export const FEATURES = [
  'bias',
  'suggested',
  'alternative',
  'excluded',
  'strength',
  'mentions',
  'precision',
  'knn',
  'prior',
  'knnAndMatch',
  'unseenMatch',
  'precisionXstrength',
  'sqrtKnn',
  'overlap',
  'overlapSquared',
  'knnXoverlap',
  'centroid',
  'centroidXoverlap',
  'historyCondition',
  'cooccurrence',
] as const;

/** Signals about a note that come from the training corpus and the code set's wording. */
export interface NoteSignals {
  knn: Map<string, number>;
  centroid: Map<string, number>;
  overlap: (code: string) => number;
  /** P(code | another code the matcher found) in the corpus. */
  cooc: Map<string, number>;
}

export function corpusStats(docs: TrainingDoc[]): CorpusStats {
  const proposed = new Map<string, { hits: number; n: number }>();
  const goldDocs = new Map<string, number>();
  let hits = 0;
  let n = 0;
  for (const d of docs) {
    for (const c of d.gold) goldDocs.set(c, (goldDocs.get(c) ?? 0) + 1);
    for (const c of proposedCodes(d.analysis)) {
      const e = proposed.get(c) ?? { hits: 0, n: 0 };
      e.n++;
      n++;
      if (d.gold.has(c)) {
        e.hits++;
        hits++;
      }
      proposed.set(c, e);
    }
  }
  const frequent = [...goldDocs]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 30)
    .map(([c]) => c);
  return { docs: docs.length, proposed, goldDocs, overall: n ? hits / n : 0.1, frequent };
}

function proposedCodes(a: Analysis): Set<string> {
  return new Set([...a.suggestions, ...a.alternatives, ...a.excluded].map((s) => s.code));
}

interface Candidate {
  code: string;
  x: number[];
}

/** Features of every candidate of one note. `own` = this note's gold codes when it is a training note (leave-one-out). */
export function candidateFeatures(a: Analysis, sig: NoteSignals, stats: CorpusStats, own?: Set<string>): Candidate[] {
  const { knn, overlap } = sig;
  const byCode = new Map<string, { list: 0 | 1 | 2; score: number; mentions: number }>();
  const top = Math.max(1e-6, ...[...a.suggestions, ...a.alternatives, ...a.excluded].map((s) => s.score));
  ([a.suggestions, a.alternatives, a.excluded] as const).forEach((list, li) => {
    for (const s of list)
      if (!byCode.has(s.code)) byCode.set(s.code, { list: li as 0 | 1 | 2, score: s.score, mentions: s.mentions });
  });
  // Coders may code the condition behind a history code: it becomes a candidate with its own feature.
  const historyOf = new Set(
    [...a.suggestions, ...a.alternatives].map((s) => s.reason.mappedFrom).filter((c): c is string => Boolean(c)),
  );
  const codes = new Set([...byCode.keys(), ...knn.keys(), ...stats.frequent, ...historyOf]);
  const proposedHere = proposedCodes(a);
  const out: Candidate[] = [];
  for (const code of codes) {
    const m = byCode.get(code);
    const e = stats.proposed.get(code) ?? { hits: 0, n: 0 };
    const selfHit = own && proposedHere.has(code) ? (own.has(code) ? 1 : 0) : 0;
    const selfN = own && proposedHere.has(code) ? 1 : 0;
    const hits = e.hits - selfHit;
    const n = e.n - selfN;
    const precision = (hits + 3 * stats.overall) / (n + 3);
    const goldDocs = (stats.goldDocs.get(code) ?? 0) - (own?.has(code) ? 1 : 0);
    const docs = stats.docs - (own ? 1 : 0);
    const k = knn.get(code) ?? 0;
    const ov = overlap(code);
    const cen = sig.centroid.get(code) ?? 0;
    out.push({
      code,
      x: [
        1,
        m?.list === 0 ? 1 : 0,
        m?.list === 1 ? 1 : 0,
        m?.list === 2 ? 1 : 0,
        m ? m.score / top : 0,
        m ? Math.log(1 + m.mentions) : 0,
        m ? precision : 0,
        k,
        Math.log(1 + goldDocs) / Math.log(2 + docs),
        m ? k : 0,
        m && n <= 0 ? 1 : 0,
        m ? precision * (m.score / top) : 0,
        Math.sqrt(k),
        ov,
        ov * ov,
        k * ov,
        cen,
        cen * ov,
        historyOf.has(code) ? 1 : 0,
        sig.cooc.get(code) ?? 0,
      ],
    });
  }
  return out;
}

export class Reranker {
  readonly weights: number[];

  private constructor(weights: number[]) {
    this.weights = weights;
  }

  /** Logistic regression by full-batch gradient descent with a small L2 penalty. Deterministic. */
  static train(examples: { x: number[]; y: number }[], epochs = 600, rate = 1, l2 = 1e-4): Reranker {
    const d = FEATURES.length;
    const w = new Array<number>(d).fill(0);
    const pos = examples.filter((e) => e.y === 1).length;
    const neg = examples.length - pos;
    // Balance the classes so the rare positives shape the ranking.
    const wp = pos ? examples.length / (2 * pos) : 1;
    const wn = neg ? examples.length / (2 * neg) : 1;
    for (let ep = 0; ep < epochs; ep++) {
      const g = new Array<number>(d).fill(0);
      for (const e of examples) {
        let z = 0;
        for (let j = 0; j < d; j++) z += w[j]! * e.x[j]!;
        const p = 1 / (1 + Math.exp(-z));
        const err = (p - e.y) * (e.y === 1 ? wp : wn);
        for (let j = 0; j < d; j++) g[j]! += err * e.x[j]!;
      }
      for (let j = 0; j < d; j++) w[j]! -= rate * (g[j]! / examples.length + l2 * w[j]!);
    }
    return new Reranker(w);
  }

  static learn(
    docs: TrainingDoc[],
    model: CorpusModel,
    k: number,
    soft: SoftMatcher,
  ): { reranker: Reranker; stats: CorpusStats } {
    const stats = corpusStats(docs);
    const examples: { x: number[]; y: number }[] = [];
    docs.forEach((d, i) => {
      for (const c of candidateFeatures(d.analysis, noteSignals(d.text, d.analysis, model, k, soft, i), stats, d.gold))
        examples.push({ x: c.x, y: d.gold.has(c.code) ? 1 : 0 });
    });
    return { reranker: Reranker.train(examples), stats };
  }

  rank(a: Analysis, sig: NoteSignals, stats: CorpusStats): { code: string; p: number }[] {
    return candidateFeatures(a, sig, stats)
      .map((c) => {
        let z = 0;
        c.x.forEach((v, j) => (z += v * this.weights[j]!));
        return { code: c.code, p: 1 / (1 + Math.exp(-z)) };
      })
      .sort((x, y) => y.p - x.p || x.code.localeCompare(y.code));
  }
}

/** Corpus and wording signals for one note (`skip` = its own index when it is a training note). */
export function noteSignals(
  text: string,
  a: Analysis,
  model: CorpusModel,
  k: number,
  soft: SoftMatcher,
  skip = -1,
): NoteSignals {
  const stems = soft.noteStems(text);
  const cache = new Map<string, number>();
  const overlap = (code: string) => {
    let v = cache.get(code);
    if (v === undefined) cache.set(code, (v = soft.overlap(code, stems)));
    return v;
  };
  const found = [...a.suggestions, ...a.alternatives, ...a.excluded].map((s) => s.code);
  return {
    knn: model.scores(text, k, skip),
    centroid: model.centroidScores(text, skip),
    overlap,
    cooc: model.cooccurrence(found, skip),
  };
}
