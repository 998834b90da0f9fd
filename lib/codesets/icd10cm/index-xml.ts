import { CodesetError } from '../errors';
import { collapseSpace, streamXml } from '../xml-stream';

/**
 * The four ICD-10-CM index files share one XML vocabulary (root `<ICD10CM.index>`):
 * the Alphabetic Index to Diseases and Injuries, the External Cause of Injuries Index,
 * the Table of Neoplasms and the Table of Drugs and Chemicals (the tables add `<cell col>`
 * under `<indexHeading>` column heads).
 */
export type IndexKind = 'index' | 'eindex' | 'neoplasm' | 'drug';

export interface IndexCell {
  column: string;
  code: string;
}

export interface IndexEntry {
  /** Titles from the main term down, without non-essential modifiers. */
  path: string[];
  /** Non-essential modifiers of the last title, as printed, e.g. "(adult) (child)". */
  nemod?: string;
  level: number;
  codes: string[];
  /** Manifestation codes printed in brackets after the code (sequenced second, I.A.13). */
  manif: string[];
  see?: string;
  seeAlso?: string;
  subcat?: string;
  cells?: IndexCell[];
  line: number;
}

export interface IndexFile {
  kind: IndexKind;
  version: string;
  title: string;
  columns: string[];
  entries: IndexEntry[];
}

const INDEX_CODE_RE = /^([A-Z][0-9A-Z][0-9A-Z](\.[0-9A-Z-]{1,4})?-?|--)$/;

export function parseIndexXml(text: string, file: string): IndexFile {
  const out: IndexFile = { kind: 'index', version: '', title: '', columns: [], entries: [] };
  const stack: IndexEntry[] = [];
  let titleMain = '';
  let nemod = '';
  let buf = '';
  let inNemod = false;
  let rootSeen = false;
  let cellCol = '';

  streamXml(text, file, {
    open(tag, path, line) {
      if (!rootSeen) {
        rootSeen = true;
        if (tag.name !== 'ICD10CM.index') {
          throw new CodesetError(file, `expected root <ICD10CM.index>, found <${tag.name}>`, {
            line,
            element: tag.name,
          });
        }
      }
      if (tag.name === 'mainTerm' || tag.name === 'term') {
        const level = tag.name === 'mainTerm' ? 0 : Number(tag.attributes.level);
        if (!Number.isInteger(level) || level < 0) {
          throw new CodesetError(file, `term level "${String(tag.attributes.level)}" is not a whole number`, {
            line,
            element: 'term',
          });
        }
        const parent = stack[stack.length - 1];
        const entry: IndexEntry = { path: parent ? [...parent.path] : [], level, codes: [], manif: [], line };
        stack.push(entry);
        out.entries.push(entry);
      } else if (tag.name === 'title' && (path[path.length - 2] === 'mainTerm' || path[path.length - 2] === 'term')) {
        titleMain = '';
        nemod = '';
      } else if (tag.name === 'nemod') {
        inNemod = true;
      } else if (tag.name === 'cell') {
        cellCol = String(tag.attributes.col ?? '');
      }
      buf = '';
    },
    text(t, path) {
      const top = path[path.length - 1];
      if (inNemod) nemod += t;
      else if (top === 'title' && stack.length > 0) titleMain += t;
      else buf += t;
    },
    close(name, path, line) {
      const parentName = path[path.length - 2];
      const value = collapseSpace(buf);
      buf = '';
      const entry = stack[stack.length - 1];
      if (name === 'nemod') {
        inNemod = false;
        return;
      }
      if (name === 'version' && parentName === 'ICD10CM.index') out.version = value;
      else if (name === 'title' && parentName === 'ICD10CM.index') out.title = value;
      else if (name === 'head') out.columns.push(value);
      else if (name === 'title' && entry && (parentName === 'mainTerm' || parentName === 'term')) {
        const t = collapseSpace(titleMain);
        if (t === '') throw new CodesetError(file, 'index term without a title', { line, element: 'title' });
        entry.path.push(t);
        const n = collapseSpace(nemod);
        if (n) entry.nemod = n;
      } else if (entry && name === 'manif' && !INDEX_CODE_RE.test(value)) {
        // The FY2026 neoplasm table once prints a phrase in <manif> ("book-leaf (mouth)"): keep it as text.
        entry.nemod = [entry.nemod, value].filter(Boolean).join(' ');
      } else if (entry && (name === 'code' || name === 'manif')) {
        if (!INDEX_CODE_RE.test(value))
          throw new CodesetError(file, `"${value}" is not an ICD-10-CM code`, { line, element: name });
        (name === 'code' ? entry.codes : entry.manif).push(value);
      } else if (entry && name === 'see') entry.see = value;
      else if (entry && name === 'seeAlso') entry.seeAlso = value;
      else if (entry && name === 'subcat') entry.subcat = value;
      else if (entry && name === 'cell') {
        const col = Number(cellCol);
        const column = out.columns[col - 1];
        if (!column) throw new CodesetError(file, `cell column ${cellCol} has no heading`, { line, element: 'cell' });
        // "--" and "-" print an empty cell: no code for that behavior/intent.
        const empty = value === '' || /^-+$/.test(value);
        if (!empty && !INDEX_CODE_RE.test(value))
          throw new CodesetError(file, `"${value}" is not an ICD-10-CM code`, { line, element: 'cell' });
        if (!empty) (entry.cells ??= []).push({ column, code: value });
      } else if (name === 'mainTerm' || name === 'term') stack.pop();
    },
  });
  if (!rootSeen) throw new CodesetError(file, 'no XML content');
  const first = out.columns[0]?.toLowerCase() ?? '';
  out.kind = first.startsWith('neoplasm')
    ? 'neoplasm'
    : first.startsWith('substance') || first.startsWith('drug')
      ? 'drug'
      : /external cause/i.test(out.title)
        ? 'eindex'
        : 'index';
  if (out.entries.length === 0) throw new CodesetError(file, 'the index has no terms');
  return out;
}
