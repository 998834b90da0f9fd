import { tokenize } from './tokenize';

export interface SearchDoc {
  key: string;
  text: string;
  /** Multiplies the doc's score: titles 1, inclusion terms and index paths a little less. */
  weight: number;
  via: string;
}

export interface SearchHit {
  key: string;
  score: number;
  text: string;
  via: string;
  matched: number;
}

/**
 * A small BM25 index (Robertson & Zaragoza's Okapi BM25, k1 = 1.2, b = 0.75) over short code
 * descriptions. Scores are multiplied by the share of query terms a description contains,
 * squared, so "type 2 diabetes chronic kidney disease" ranks the title holding all six
 * above a shorter title holding three. Results are per key (best document wins).
 */
export class Bm25Index {
  private readonly docs: SearchDoc[];
  private readonly lengths: Uint16Array;
  private readonly postings = new Map<string, number[]>();
  private readonly avgLength: number;

  constructor(docs: SearchDoc[]) {
    this.docs = docs;
    this.lengths = new Uint16Array(docs.length);
    let total = 0;
    docs.forEach((d, i) => {
      const toks = tokenize(d.text);
      this.lengths[i] = Math.min(toks.length, 0xffff);
      total += toks.length;
      for (const t of new Set(toks)) {
        let p = this.postings.get(t);
        if (!p) this.postings.set(t, (p = []));
        p.push(i);
      }
    });
    this.avgLength = docs.length ? total / docs.length : 1;
  }

  get size(): number {
    return this.docs.length;
  }

  search(query: string, limit = 10): SearchHit[] {
    const terms = [...new Set(tokenize(query))];
    if (terms.length === 0) return [];
    const n = this.docs.length;
    const score = new Map<number, number>();
    const matched = new Map<number, number>();
    for (const t of terms) {
      const p = this.postings.get(t);
      if (!p) continue;
      const idf = Math.log(1 + (n - p.length + 0.5) / (p.length + 0.5));
      for (const i of p) {
        const len = this.lengths[i]!;
        const tf = 1;
        const s = (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * len) / this.avgLength));
        score.set(i, (score.get(i) ?? 0) + s);
        matched.set(i, (matched.get(i) ?? 0) + 1);
      }
    }
    const best = new Map<string, SearchHit>();
    for (const [i, s] of score) {
      const d = this.docs[i]!;
      const m = matched.get(i)!;
      const final = s * d.weight * (m / terms.length) ** 2;
      const prev = best.get(d.key);
      if (!prev || final > prev.score)
        best.set(d.key, { key: d.key, score: final, text: d.text, via: d.via, matched: m });
    }
    return [...best.values()].sort((a, b) => b.score - a.score || a.key.localeCompare(b.key)).slice(0, limit);
  }
}
