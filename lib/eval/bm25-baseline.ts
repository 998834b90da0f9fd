import MiniSearch from 'minisearch';
import type { CodePack } from '../pack/code-pack';

/**
 * The baseline the issue asks for: a BM25 search (MiniSearch, a well-kept library) of the whole
 * note over the same code descriptions (billable codes of the current release), no NLP at all.
 */
const STOP = new Set(
  'a an and are as at be by for from has have he her his in is it its of on or she that the their there they this to was were which with without who will not no'.split(
    ' ',
  ),
);

export class Bm25Baseline {
  private readonly index: MiniSearch<{ id: number; code: string; title: string }>;

  constructor(pack: CodePack) {
    const release = pack.currentIcdRelease?.label ?? '';
    const docs = pack
      .listIcdCodes(release)
      .filter((c) => c.billable)
      .map((c, id) => ({ id, code: c.code, title: pack.titleOf(c.code) }));
    this.index = new MiniSearch({
      fields: ['title'],
      storeFields: ['code'],
      // Standard English stop words dropped (as any BM25 setup does); otherwise nothing else.
      processTerm: (term) => {
        const t = term.toLowerCase();
        return STOP.has(t) ? null : t;
      },
      searchOptions: { combineWith: 'OR' },
    });
    this.index.addAll(docs);
  }

  rank(note: string, limit = 50): string[] {
    // MiniSearch scores documents with BM25 (its searchOptions.bm25 defaults k=1.2, b=0.7).
    return this.index
      .search(note)
      .slice(0, limit)
      .map((r) => r.code as string);
  }
}
