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
          text: [...ref.term.path, ...(ref.under ?? [])].join(' '),
          kind: 'index',
          via: referenceWords(ref),
          levels: [...ref.term.path, ...(ref.under ?? [])],
        });
    }
  }
  out.push(...seeAlsoModifiers(index, inCurrent));
  return out;
}

/**
 * "Eczema (...) L30.9 - see also Dermatitis": a coder who finds the note's modifier under the main
 * term's "see also" target reads it there ("atopic eczema" is Dermatitis, atopic L20.9; Guidelines
 * I.A.12.b). Only for a main term that has a code of its own, only for the target's one-word
 * modifiers with a code, and never one the main term lists itself.
 */
function seeAlsoModifiers(index: AlphabeticIndex | undefined, inCurrent: (code: string) => boolean): TermSource[] {
  if (!index) return [];
  const modifiers = new Map<string, { title: string; codes: string[] }[]>();
  const mains: { path: string[]; seeAlso: string; own: Set<string> }[] = [];
  let main: string | undefined;
  let referring: (typeof mains)[number] | undefined;
  for (const term of index.terms()) {
    if (term.file.kind !== 'index') continue;
    const name = term.path[0]!.toLowerCase();
    if (term.path.length === 1) {
      main = name;
      referring = undefined;
      if (term.codes.length > 0 && term.seeAlso && !term.seeAlso.includes(','))
        mains.push((referring = { path: term.path, seeAlso: term.seeAlso.toLowerCase(), own: new Set() }));
      continue;
    }
    if (term.path.length !== 2 || main === undefined) continue;
    const title = term.path[1]!;
    referring?.own.add(title.toLowerCase());
    if (term.codes.length === 0 || !/^[a-z][a-z'-]*$/i.test(title)) continue;
    const list = modifiers.get(main) ?? [];
    list.push({ title, codes: term.codes });
    modifiers.set(main, list);
  }
  const out: TermSource[] = [];
  for (const m of mains) {
    for (const mod of modifiers.get(m.seeAlso) ?? []) {
      if (m.own.has(mod.title.toLowerCase())) continue;
      for (const c of mod.codes) {
        const code = indexedCode(c);
        if (inCurrent(code))
          out.push({
            code,
            text: `${m.path[0]} ${mod.title}`,
            kind: 'index',
            via: `see also ${m.seeAlso}`,
            levels: [m.path[0]!, mod.title],
          });
      }
    }
  }
  return out;
}
