import { tokenize } from '../text/tokens';

/**
 * What a coded corpus teaches beyond the code set's own words: notes that read alike were coded
 * alike. A k-nearest-neighbour model over TF-IDF vectors of word stems (cosine similarity):
 * a code's score for a new note is the similarity-weighted share of its k nearest coded notes
 * that carry the code. Learned only from a training split (CodiEsp train here), or from an
 * organisation's own coded charts; never from the notes it is evaluated on.
 */
export interface CodedDoc {
  text: string;
  codes: Iterable<string>;
}

interface Vector {
  ids: Uint32Array;
  weights: Float32Array;
}

const STOP = new Set(
  'a an and are as at be by for from has had have he her his in is it its of on or she that the their there they this to was were which with who will not no patient case year old'.split(
    ' ',
  ),
);

export class CorpusModel {
  private readonly vocab = new Map<string, number>();
  private readonly idf: number[] = [];
  private readonly docs: { vec: Vector; codes: string[] }[] = [];

  static learn(corpus: CodedDoc[]): CorpusModel {
    const m = new CorpusModel();
    const df = new Map<string, number>();
    const bags = corpus.map((d) => {
      const bag = m.bag(d.text);
      for (const w of bag.keys()) df.set(w, (df.get(w) ?? 0) + 1);
      return bag;
    });
    for (const [w, f] of df) {
      if (f < 2) continue; // a word seen once says nothing about codes
      m.vocab.set(w, m.idf.length);
      m.idf.push(Math.log((corpus.length + 1) / (f + 0.5)));
    }
    corpus.forEach((d, i) => m.docs.push({ vec: m.vector(bags[i]!), codes: [...new Set(d.codes)] }));
    return m;
  }

  private centroids?: Map<string, { sum: Vector; norm2: number }>;

  /**
   * Rocchio: cosine between the note and the summed vectors of the training notes carrying each
   * code. `skip` removes a training note's own vector from its codes' sums (leave-one-out).
   */
  centroidScores(text: string, skip = -1): Map<string, number> {
    if (!this.centroids) {
      const sums = new Map<string, Map<number, number>>();
      for (const d of this.docs) {
        for (const c of d.codes) {
          const m = sums.get(c) ?? new Map<number, number>();
          d.vec.ids.forEach((id, j) => m.set(id, (m.get(id) ?? 0) + d.vec.weights[j]!));
          sums.set(c, m);
        }
      }
      this.centroids = new Map();
      for (const [c, m] of sums) {
        const entries = [...m].sort((a, b) => a[0] - b[0]);
        const sum = {
          ids: Uint32Array.from(entries.map((e) => e[0])),
          weights: Float32Array.from(entries.map((e) => e[1])),
        };
        this.centroids.set(c, { sum, norm2: entries.reduce((a, [, x]) => a + x * x, 0) });
      }
    }
    const v = this.vector(this.bag(text));
    const own = skip >= 0 ? this.docs[skip] : undefined;
    const ownCodes = new Set(own?.codes ?? []);
    const out = new Map<string, number>();
    for (const [c, { sum, norm2 }] of this.centroids) {
      let dot = CorpusModel.cosine(v, sum);
      let n2 = norm2;
      if (own && ownCodes.has(c)) {
        const cross = CorpusModel.cosine(own.vec, sum);
        dot -= CorpusModel.cosine(v, own.vec);
        n2 = norm2 - 2 * cross + 1;
      }
      out.set(c, n2 > 1e-9 ? Math.max(0, dot / Math.sqrt(n2)) : 0);
    }
    return out;
  }

  private cooc?: { pair: Map<string, Map<string, number>>; single: Map<string, number> };

  /**
   * Coding conventions of the corpus: for each candidate, the highest P(candidate coded | other
   * code coded) over the codes the matcher found in this note. `skip` removes a training note's
   * own codes from the counts (leave-one-out).
   */
  cooccurrence(found: Iterable<string>, skip = -1): Map<string, number> {
    if (!this.cooc) {
      const pair = new Map<string, Map<string, number>>();
      const single = new Map<string, number>();
      for (const d of this.docs) {
        for (const a of d.codes) {
          single.set(a, (single.get(a) ?? 0) + 1);
          const row = pair.get(a) ?? new Map<string, number>();
          for (const b of d.codes) if (a !== b) row.set(b, (row.get(b) ?? 0) + 1);
          pair.set(a, row);
        }
      }
      this.cooc = { pair, single };
    }
    const own = new Set(skip >= 0 ? (this.docs[skip]?.codes ?? []) : []);
    const out = new Map<string, number>();
    for (const m of new Set(found)) {
      const nm = (this.cooc.single.get(m) ?? 0) - (own.has(m) ? 1 : 0);
      if (nm < 2) continue;
      for (const [c, n] of this.cooc.pair.get(m) ?? []) {
        const k = n - (own.has(m) && own.has(c) ? 1 : 0);
        if (k <= 0) continue;
        const p = k / (nm + 1);
        if (p > (out.get(c) ?? 0)) out.set(c, p);
      }
    }
    return out;
  }

  get size(): number {
    return this.docs.length;
  }

  private bag(text: string): Map<string, number> {
    const bag = new Map<string, number>();
    for (const t of tokenize(text)) {
      if (STOP.has(t.norm) || t.norm.length < 3 || /^\d+$/.test(t.norm)) continue;
      bag.set(t.stem, (bag.get(t.stem) ?? 0) + 1);
    }
    return bag;
  }

  private vector(bag: Map<string, number>): Vector {
    const entries: [number, number][] = [];
    for (const [w, tf] of bag) {
      const id = this.vocab.get(w);
      if (id !== undefined) entries.push([id, (1 + Math.log(tf)) * this.idf[id]!]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    const norm = Math.sqrt(entries.reduce((a, [, x]) => a + x * x, 0)) || 1;
    return {
      ids: Uint32Array.from(entries.map((e) => e[0])),
      weights: Float32Array.from(entries.map((e) => e[1] / norm)),
    };
  }

  private static cosine(a: Vector, b: Vector): number {
    let i = 0;
    let j = 0;
    let s = 0;
    while (i < a.ids.length && j < b.ids.length) {
      const x = a.ids[i]!;
      const y = b.ids[j]!;
      if (x === y) s += a.weights[i++]! * b.weights[j++]!;
      else if (x < y) i++;
      else j++;
    }
    return s;
  }

  /** Code -> score in [0, 1] from the k most similar coded notes (`skip`: a training note's own index, for leave-one-out). */
  scores(text: string, k = 20, skip = -1): Map<string, number> {
    const v = this.vector(this.bag(text));
    const sims = this.docs
      .map((d, i) => [i === skip ? -1 : CorpusModel.cosine(v, d.vec), i] as [number, number])
      .sort((a, b) => b[0] - a[0])
      .slice(0, k);
    const out = new Map<string, number>();
    // Squared similarity: closer neighbours weigh more (compared on a train/train split: MAP +0.005).
    const tot = sims.reduce((a, [s]) => a + Math.max(0, s) ** 2, 0) || 1;
    for (const [s, i] of sims)
      for (const c of this.docs[i]!.codes) out.set(c, (out.get(c) ?? 0) + Math.max(0, s) ** 2 / tot);
    return out;
  }
}
