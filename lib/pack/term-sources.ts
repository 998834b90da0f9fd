import { indexedCode, referenceWords, type AlphabeticIndex } from './modules/alphabetic-index';
import type { Icd10cm } from './modules/icd10cm/icd10cm';

export interface TermSource {
  code: string;
  text: string;
  kind: 'title' | 'inclusion' | 'index' | 'neoplasm' | 'drug' | 'guideline';
  /** For an index term reached through a cross-reference: "see Asthma" / "see also Pneumonia". */
  via?: string;
  /** Index terms: the main term and each subterm, in order (the analyzer requires a word of each). */
  levels?: string[];
}

/**
 * Phrases that name each code of the answering ICD-10-CM release, as the modules publish them:
 * titles, tabular inclusion terms ("Includes" notes further define the code's content, Guidelines
 * I.A.11), and Alphabetic Index / neoplasm / drug table paths (table cells named by their column).
 */
export function termSources(icd: Icd10cm | undefined, index: AlphabeticIndex | undefined): TermSource[] {
  if (!icd?.release) return [];
  const table = icd.table;
  const r = icd.releaseIndex;
  const inCurrent = (code: string) => icd.inAnsweringRelease(code);
  const out: TermSource[] = [];
  table.codes.forEach((code, i) => {
    if (table.isIn(i, r) && table.newestTitle(i)) out.push({ code, text: icd.titleAt(i), kind: 'title' });
  });
  const t = icd.tabularsAnswering()[0];
  for (const [code, notes] of t?.notesByCode() ?? []) {
    if (!inCurrent(code)) continue;
    for (const inc of notes.inclusionTerm ?? []) out.push({ code, text: inc, kind: 'inclusion' });
    for (const inc of notes.includes ?? []) out.push({ code, text: inc, kind: 'inclusion' });
  }
  for (const term of index?.terms() ?? []) {
    const phrase = term.path.join(' ');
    for (const c of term.codes) {
      const code = indexedCode(c);
      if (inCurrent(code)) out.push({ code, text: phrase, kind: 'index', levels: term.path });
    }
    const tablePath = term.path.slice(term.file.kind === 'neoplasm' ? 1 : 0).join(' ');
    for (const cell of term.cells) {
      const code = indexedCode(cell.code);
      if (inCurrent(code))
        out.push({ code, text: `${cell.column} ${tablePath}`, kind: term.file.kind as TermSource['kind'] });
    }
  }
  // "Disease, reactive airway — see Asthma": the referring phrase names the target's code.
  for (const ref of index?.references() ?? []) {
    for (const c of ref.codes) {
      const code = indexedCode(c);
      if (inCurrent(code))
        out.push({
          code,
          text: ref.term.path.join(' '),
          kind: 'index',
          via: referenceWords(ref),
          levels: ref.term.path,
        });
    }
  }
  return out;
}
