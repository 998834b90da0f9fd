import { Bm25Index, type SearchDoc } from '../search/bm25-index';
import { indexedCode, referenceWords, type AlphabeticIndex } from './modules/alphabetic-index';
import type { HcpcsTable } from './modules/hcpcs';
import type { IcdTable } from './modules/icd10cm/code-table';
import type { Tabulars } from './modules/icd10cm/tabular-reader';

export interface SearchResult {
  code: string;
  system: 'ICD-10-CM' | 'HCPCS';
  title: string;
  billable: boolean;
  score: number;
  matchedText: string;
  via: string;
}

/** What the search reads: the modules of one pack (titles are the newest release's, whatever the date). */
export interface SearchSources {
  icd?: IcdTable;
  tabulars: Tabulars;
  index?: AlphabeticIndex;
  hcpcs?: HcpcsTable;
}

/** Ranked code search over ICD-10-CM titles, inclusion terms, index terms and HCPCS descriptions. */
export class CodeSearch {
  private readonly bm25: Bm25Index;

  constructor(private readonly from: SearchSources) {
    this.bm25 = new Bm25Index(documents(from));
  }

  search(query: string, limit = 10): SearchResult[] {
    return this.bm25.search(query, limit).map((hit) => {
      const [system, code] = hit.key.split('|') as [string, string];
      const found = { score: hit.score, matchedText: hit.text, via: hit.via };
      if (system === 'H')
        return { code, system: 'HCPCS' as const, title: this.from.hcpcs!.titleOf(code), billable: true, ...found };
      const icd = this.from.icd!;
      const i = icd.indexOf(code)!;
      return {
        code,
        system: 'ICD-10-CM' as const,
        title: icd.newestTitle(i),
        billable: icd.isBillableNewest(i),
        ...found,
      };
    });
  }
}

function documents({ icd, tabulars, index, hcpcs }: SearchSources): SearchDoc[] {
  const docs: SearchDoc[] = [];
  if (icd) {
    const key = (code: string) => `I|${code}`;
    icd.codes.forEach((code, i) => {
      const title = icd.newestTitle(i);
      if (title) docs.push({ key: key(code), text: title, weight: icd.isBillableNewest(i) ? 1 : 0.9, via: 'title' });
    });
    const t = tabulars.list()[0];
    if (t) {
      for (const [code, notes] of t.notesByCode()) {
        if (icd.indexOf(code) === undefined) continue;
        for (const inc of notes.inclusionTerm ?? [])
          docs.push({ key: key(code), text: inc, weight: 0.85, via: `inclusion term (${t.release})` });
      }
    }
    for (const term of index?.terms() ?? []) {
      for (const c of term.codes) {
        const code = indexedCode(c);
        if (icd.indexOf(code) !== undefined)
          docs.push({
            key: key(code),
            text: term.path.join(' '),
            weight: 0.8,
            via: `${term.file.kind} index: ${term.path.join(', ')}`,
          });
      }
    }
    for (const ref of index?.references() ?? []) {
      const path = [...ref.term.path, ...(ref.under ?? [])];
      for (const c of ref.codes) {
        const code = indexedCode(c);
        const via = `index: ${path.join(', ')} (${referenceWords(ref)})`;
        if (icd.indexOf(code) !== undefined) docs.push({ key: key(code), text: path.join(' '), weight: 0.75, via });
      }
    }
  }
  for (const h of hcpcs?.list() ?? [])
    docs.push({ key: `H|${h.code}`, text: h.title, weight: 1, via: 'HCPCS description' });
  return docs;
}
