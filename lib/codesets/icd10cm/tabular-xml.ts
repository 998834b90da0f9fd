import { CodesetError } from '../errors';
import { ICD_CODE_RE } from '../code-format';
import { collapseSpace, streamXml } from '../xml-stream';

/** Instructional note kinds of the Tabular List (ICD-10-CM Official Guidelines, Section I.A). */
export const NOTE_KINDS = [
  'inclusionTerm',
  'includes',
  'excludes1',
  'excludes2',
  'codeFirst',
  'useAdditionalCode',
  'codeAlso',
  'notes',
  'sevenChrNote',
] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
export type TabularNotes = Partial<Record<NoteKind, string[]>>;

export interface SevenChrValue {
  char: string;
  text: string;
}

export interface TabularNode {
  code: string;
  desc: string;
  parent: string | null;
  placeholder: boolean;
  notes: TabularNotes;
  sevenChrDef?: SevenChrValue[];
  chapter: string;
  section: string;
}

export interface TabularSection {
  id: string;
  desc: string;
  notes: TabularNotes;
  sevenChrDef?: SevenChrValue[];
}

export interface TabularChapter {
  name: string;
  desc: string;
  notes: TabularNotes;
  sections: TabularSection[];
}

export interface TabularList {
  version: string;
  chapters: TabularChapter[];
  diags: TabularNode[];
}

const NOTE_KIND_SET = new Set<string>(NOTE_KINDS);
/** Elements whose content is a display table or a front-matter text, not coding notes. */
const SKIPPED = new Set(['introduction', 'sectionIndex', 'visualImpairment']);

type Owner =
  | { kind: 'chapter'; chapter: TabularChapter }
  | { kind: 'section'; section: TabularSection }
  | { kind: 'diag'; diag: TabularNode };

function notesOf(o: Owner): TabularNotes {
  return o.kind === 'chapter' ? o.chapter.notes : o.kind === 'section' ? o.section.notes : o.diag.notes;
}

/** Parses the CDC/CMS ICD-10-CM Tabular List XML (`icd10cm_tabular_YYYY.xml`). */
export function parseTabularXml(text: string, file: string): TabularList {
  const result: TabularList = { version: '', chapters: [], diags: [] };
  const owners: Owner[] = [];
  const diagStack: TabularNode[] = [];
  const seen = new Map<string, number>();
  let buf = '';
  let skipDepth = 0;
  let rootSeen = false;
  let extChar: string | null = null;

  const owner = () => owners[owners.length - 1];

  streamXml(text, file, {
    open(tag, path, line) {
      if (!rootSeen) {
        rootSeen = true;
        if (tag.name !== 'ICD10CM.tabular') {
          throw new CodesetError(file, `expected root <ICD10CM.tabular>, found <${tag.name}>`, {
            line,
            element: tag.name,
          });
        }
      }
      if (skipDepth > 0 || SKIPPED.has(tag.name)) {
        skipDepth++;
        return;
      }
      buf = '';
      if (tag.name === 'chapter') {
        const chapter: TabularChapter = { name: '', desc: '', notes: {}, sections: [] };
        result.chapters.push(chapter);
        owners.push({ kind: 'chapter', chapter });
      } else if (tag.name === 'section') {
        const chapter = result.chapters[result.chapters.length - 1];
        if (!chapter) throw new CodesetError(file, '<section> outside a <chapter>', { line, element: 'section' });
        const section: TabularSection = { id: String(tag.attributes.id ?? ''), desc: '', notes: {} };
        chapter.sections.push(section);
        owners.push({ kind: 'section', section });
      } else if (tag.name === 'diag') {
        const chapter = result.chapters[result.chapters.length - 1];
        const section = chapter?.sections[chapter.sections.length - 1];
        if (!chapter || !section) throw new CodesetError(file, '<diag> outside a <section>', { line, element: 'diag' });
        const parent = diagStack[diagStack.length - 1];
        const diag: TabularNode = {
          code: '',
          desc: '',
          parent: parent ? parent.code : null,
          placeholder: tag.attributes.placeholder === 'true',
          notes: {},
          chapter: chapter.name,
          section: section.id,
        };
        diagStack.push(diag);
        owners.push({ kind: 'diag', diag });
        result.diags.push(diag); // document order: parents before children
      } else if (tag.name === 'extension' && path[path.length - 2] === 'sevenChrDef') {
        extChar = String(tag.attributes.char ?? '');
        if (!/^[0-9A-Z]$/.test(extChar)) {
          throw new CodesetError(file, `7th-character value "${extChar}" is not one letter or digit`, {
            line,
            element: 'extension',
          });
        }
      }
    },
    text(t) {
      if (skipDepth === 0) buf += t;
    },
    close(name, path, line) {
      if (skipDepth > 0) {
        skipDepth--;
        return;
      }
      const parentName = path[path.length - 2];
      const value = collapseSpace(buf);
      buf = '';
      const o = owner();
      if (name === 'version' && parentName === 'ICD10CM.tabular') result.version = value;
      else if (name === 'name' && o) {
        if (o.kind === 'chapter') o.chapter.name = value;
        else if (o.kind === 'diag') {
          if (!ICD_CODE_RE.test(value))
            throw new CodesetError(file, `"${value}" is not an ICD-10-CM code`, { line, element: 'name' });
          const prev = seen.get(value);
          if (prev !== undefined)
            throw new CodesetError(file, `duplicate code ${value} (first seen on line ${prev})`, {
              line,
              element: 'diag',
            });
          seen.set(value, line);
          o.diag.code = value;
        }
      } else if (name === 'desc' && o) {
        if (o.kind === 'chapter') o.chapter.desc = value;
        else if (o.kind === 'section') o.section.desc = value;
        else o.diag.desc = value;
      } else if (name === 'note' && o && parentName && NOTE_KIND_SET.has(parentName)) {
        const notes = notesOf(o);
        (notes[parentName as NoteKind] ??= []).push(value);
      } else if (name === 'extension' && parentName === 'sevenChrDef' && o && extChar !== null) {
        const target = o.kind === 'diag' ? o.diag : o.kind === 'section' ? o.section : undefined;
        if (target) (target.sevenChrDef ??= []).push({ char: extChar, text: value });
        extChar = null;
      } else if (name === 'diag') {
        const d = diagStack.pop();
        owners.pop();
        if (!d || d.code === '') throw new CodesetError(file, '<diag> without a <name>', { line, element: 'diag' });
      } else if (name === 'section' || name === 'chapter') {
        owners.pop();
      }
    },
  });
  if (!rootSeen) throw new CodesetError(file, 'no XML content');
  if (result.diags.length === 0) throw new CodesetError(file, 'the tabular list has no <diag> codes');
  return result;
}
