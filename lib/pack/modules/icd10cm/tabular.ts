import { parseTabularNotesJson, type TabularNotesFile } from '../../../codesets/icd10cm/tabular-notes-json';
import { parseTabularXml, type TabularList } from '../../../codesets/icd10cm/tabular-xml';
import type { SectionInput } from '../../container';
import type { TabularNodeData, TabularSectionData } from '../../sections';
import { filesOf, type PackModule, type ParsedFile } from '../module';
import { TABULAR_PREFIX } from './tabular-reader';

/**
 * The Tabular List per release: 'tabular:<release>' from the full Tabular XML (chapters, sections,
 * notes of every kind, 7th characters), 'tabular-notes:<release>' from a notes extraction (JSON)
 * when no full Tabular of that release is loaded.
 */
export const tabularModule: PackModule = {
  name: 'ICD-10-CM Tabular List',
  parsers: {
    'icd10cm-tabular': (f) => {
      const tabular = parseTabularXml(f.text, f.path);
      return { content: tabular, records: tabular.diags.length, contentVersion: tabular.version };
    },
    'icd10cm-tabular-notes': (f) => {
      const notes = parseTabularNotesJson(f.text, f.path);
      return {
        content: notes,
        records: notes.nodes.length,
        contentVersion: notes.version || undefined,
        detail: 'tabular notes (JSON extraction: no code-also, 7th-character or chapter/section notes)',
      };
    },
  },
  write(files) {
    const sections: SectionInput[] = [];
    for (const t of fullTabulars(files))
      sections.push({ name: `${TABULAR_PREFIX.full}${t.info.release}`, encoding: 'json', data: tabularSection(t) });
    for (const p of notesExtractions(files)) {
      const nodes: TabularSectionData['nodes'] = {};
      for (const n of p.content.nodes) nodes[n.code] = { d: n.desc, s: '', n: n.notes };
      const data: TabularSectionData = {
        release: p.info.release,
        sourceId: p.source.id,
        version: p.content.version,
        chapters: [],
        nodes,
        notesOnly: true,
      };
      sections.push({ name: `${TABULAR_PREFIX.notesOnly}${p.info.release}`, encoding: 'json', data });
    }
    return sections;
  },
};

export function fullTabulars(files: ParsedFile[]): ParsedFile<TabularList>[] {
  return filesOf<TabularList>(files, 'icd10cm-tabular');
}

/** Notes extractions of releases with no full Tabular XML loaded (that one is richer: code also, 7th characters, chapter notes). */
export function notesExtractions(files: ParsedFile[]): ParsedFile<TabularNotesFile>[] {
  const full = fullTabulars(files);
  return filesOf<TabularNotesFile>(files, 'icd10cm-tabular-notes').filter(
    (p) => !full.some((t) => t.info.release === p.info.release),
  );
}

function tabularSection(p: ParsedFile<TabularList>): TabularSectionData {
  const t = p.content;
  const nodes: TabularSectionData['nodes'] = {};
  for (const d of t.diags) {
    const n: TabularNodeData = { d: d.desc, s: d.section };
    if (Object.keys(d.notes).length) n.n = d.notes;
    if (d.sevenChrDef) n.x = d.sevenChrDef;
    if (d.placeholder) n.p = 1;
    nodes[d.code] = n;
  }
  return {
    release: p.info.release,
    sourceId: p.source.id,
    version: t.version,
    chapters: t.chapters.map((c) => ({
      name: c.name,
      desc: c.desc,
      notes: c.notes,
      sections: c.sections.map((s) => ({
        id: s.id,
        desc: s.desc,
        notes: s.notes,
        ...(s.sevenChrDef ? { x: s.sevenChrDef } : {}),
      })),
    })),
    nodes,
  };
}
