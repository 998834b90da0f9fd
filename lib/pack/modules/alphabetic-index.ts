import { dotIcd } from '../../codesets/code-format';
import { parseIndexFlatCsv } from '../../codesets/icd10cm/index-flat-csv';
import { resolveIndexRefs } from '../../codesets/icd10cm/index-refs';
import { parseIndexXml, type IndexFile } from '../../codesets/icd10cm/index-xml';
import type { DecodedPack } from '../container';
import type { AlphabeticIndexInfo } from '../format';
import type { IndexForm, IndexSectionData } from '../sections';
import { filesOf, type FileParser, type PackModule } from './module';

/** The Alphabetic Index, Table of Neoplasms and Table of Drugs, with resolved see / see-also references ('index'). */
export const INDEX_SECTION = 'index';

export interface IndexFileInfo {
  kind: string;
  sourceId: number;
  release: string;
  /** Column heads of a table (Neoplasm: Malignant Primary, …), without the term column. */
  columns: string[];
  form?: IndexForm;
}

/** One term of the index or a table row. */
export interface IndexTerm {
  file: IndexFileInfo;
  /** The main term and each subterm, in order. */
  path: string[];
  /** Nonessential modifiers of the main term. */
  nemod: string;
  codes: string[];
  /** Manifestation codes, printed in brackets after the etiology code. */
  manifestation: string[];
  see: string;
  seeAlso: string;
  /** Table cells: the column head and the code in it. */
  cells: { column: string; code: string }[];
}

/** A "see" / "see also" reference resolved when the pack was built to the target term's codes. */
export interface IndexReference {
  term: IndexTerm;
  via: 'see' | 'seeAlso';
  target: string;
  codes: string[];
  /** The target's subterms the codes are under, when the target has no code of its own. */
  under?: string[];
}

interface IndexContent {
  index: IndexFile;
  form: IndexForm;
}

/** The official XML (index, external causes, neoplasm and drug tables), or a flat CSV rendering of the index (lossy). */
const parseIndexFile: FileParser<IndexContent> = (f) => {
  const csv = /\.csv$/i.test(f.path);
  const index = csv ? parseIndexFlatCsv(f.text, f.path) : parseIndexXml(f.text, f.path);
  const content: IndexContent = { index, form: csv ? 'flat CSV (lossy)' : 'official XML' };
  return {
    content,
    records: index.entries.length,
    contentVersion: index.version || undefined,
    detail: csv ? 'index (flat CSV, lossy)' : index.kind,
  };
};

export const alphabeticIndexModule: PackModule = {
  name: 'ICD-10-CM Alphabetic Index',
  parsers: { 'icd10cm-index': parseIndexFile },
  write(files, ctx) {
    const indexes = filesOf<IndexContent>(files, 'icd10cm-index');
    if (!indexes.length) return [];
    ctx.progress('resolving index cross-references');
    const data: IndexSectionData = { files: [], entries: [], refs: [] };
    const neoplasm = indexes.find((x) => x.content.index.kind === 'neoplasm')?.content.index.entries;
    for (const p of indexes) {
      const { index: ix, form } = p.content;
      const fileAt = data.files.length;
      data.files.push({
        kind: ix.kind,
        sourceId: p.source.id,
        release: p.info.release,
        columns: ix.columns.slice(1),
        form,
      });
      const first = data.entries.length;
      for (const e of ix.entries) {
        const cells = (e.cells ?? []).map((c) => [ix.columns.indexOf(c.column) - 1, c.code] as [number, string]);
        data.entries.push([fileAt, e.path, e.nemod ?? '', e.codes, e.manif, e.see ?? '', e.seeAlso ?? '', cells]);
      }
      if (ix.kind !== 'index' && ix.kind !== 'eindex') continue;
      const { refs, stats } = resolveIndexRefs(ix.entries, neoplasm);
      for (const r of refs) data.refs!.push({ ...r, entry: first + r.entry });
      ctx.counts[`${ix.kind} see resolved`] = stats.seeResolved;
      if (ix.kind === 'index')
        ctx.header.alphabeticIndex = {
          sourceId: p.source.id,
          release: p.info.release,
          form,
          ...stats,
        } satisfies AlphabeticIndexInfo;
    }
    ctx.counts.indexEntries = data.entries.length;
    return [{ name: INDEX_SECTION, encoding: 'json', data }];
  },
};

/** A code as the index prints it, as a code of the code table: "J45.-" needs more characters, it names J45. */
export function indexedCode(code: string): string {
  return dotIcd(code.replace(/\.?-$/, ''));
}

/** The index and tables of a pack, with named fields. */
export class AlphabeticIndex {
  private constructor(private readonly data: IndexSectionData) {}

  static read(raw: DecodedPack): AlphabeticIndex | undefined {
    const data = raw.json<IndexSectionData>(INDEX_SECTION);
    return data ? new AlphabeticIndex(data) : undefined;
  }

  /** The stored entry at a position: [file, path, nemod, codes, manif, see, seeAlso, cells([columnIndex, code])]. */
  private termAt(at: number): IndexTerm {
    const [fileAt, path, nemod, codes, manifestation, see, seeAlso, cells] = this.data.entries[at]!;
    const file = this.data.files[fileAt]!;
    return {
      file,
      path,
      nemod,
      codes,
      manifestation,
      see,
      seeAlso,
      cells: cells.map(([col, code]) => ({ column: file.columns[col] ?? '', code })),
    };
  }

  /** Every term of every file, in file order. */
  *terms(): Generator<IndexTerm> {
    for (let at = 0; at < this.data.entries.length; at++) yield this.termAt(at);
  }

  /** The resolved references, each with its referring term. */
  *references(): Generator<IndexReference> {
    for (const ref of this.data.refs ?? [])
      yield {
        term: this.termAt(ref.entry),
        via: ref.via,
        target: ref.target,
        codes: ref.codes,
        ...(ref.under ? { under: ref.under } : {}),
      };
  }
}

/** "see Asthma" / "see also Pneumonia": how a reference reads. */
export function referenceWords(ref: IndexReference): string {
  const under = ref.under?.length ? `, ${ref.under.join(', ')}` : '';
  return `${ref.via === 'see' ? 'see' : 'see also'} ${ref.target}${under}`;
}
