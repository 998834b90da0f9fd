import { z } from 'zod';
import { CodesetError } from '../errors';
import { ICD_CODE_RE } from '../code-format';
import { lineOfValue, parseJsonText } from '../json-file';
import { NOTE_KINDS, type TabularNotes } from './tabular-xml';

/**
 * A JSON extraction of the Tabular List's instructional notes (shared codesets README, "FY2026
 * Tabular instructional notes"): `codes` maps each tabular node that carries notes to its
 * description and its inclusion terms, includes, Excludes1/2, code first and use additional code
 * notes (with `*_code_refs` lists the extraction derived). It has no code-also notes, no
 * 7th-character definitions and no chapter/section notes, so those still come from a full
 * Tabular XML. Absence of a node means the node prints no notes in that release.
 */
const Notes = z.array(z.string()).optional();
const Refs = z.array(z.string()).optional();

const NodeSchema = z.strictObject({
  code: z.string(),
  description: z.string(),
  inclusionTerm: Notes,
  includes: Notes,
  excludes1: Notes,
  excludes2: Notes,
  codeFirst: Notes,
  useAdditionalCode: Notes,
  codeAlso: Notes,
  inclusionTerm_code_refs: Refs,
  includes_code_refs: Refs,
  excludes1_code_refs: Refs,
  excludes2_code_refs: Refs,
  codeFirst_code_refs: Refs,
  useAdditionalCode_code_refs: Refs,
  codeAlso_code_refs: Refs,
});

const FileSchema = z.strictObject({
  description: z.string(),
  source: z.string(),
  source_url: z.string().optional(),
  codes: z.record(z.string(), z.unknown()),
});

/** The Tabular's note kinds the JSON extraction carries: every kind but the chapter/section 'notes' and the 7th-character notes. */
const KINDS = NOTE_KINDS.filter((k) => k !== 'notes' && k !== 'sevenChrNote');

export interface TabularNotesNode {
  code: string;
  desc: string;
  notes: TabularNotes;
}

export interface TabularNotesFile {
  /** The release the file says it was parsed from, e.g. "CDC/NCHS ICD-10-CM Tabular List FY2026". */
  source: string;
  /** Fiscal year read from `source` ("2026"), when it says one. */
  version: string;
  nodes: TabularNotesNode[];
}

/** True for the JSON layout above (cheap sniff on the first bytes, for `detect.ts`). */
export function looksLikeTabularNotesJson(head: string): boolean {
  return (
    /^\s*\{/.test(head) &&
    /"codes"\s*:/.test(head) &&
    /tabular/i.test(head) &&
    /instructional notes|excludes1/i.test(head)
  );
}

export function parseTabularNotesJson(text: string, file: string): TabularNotesFile {
  const top = FileSchema.safeParse(parseJsonText(text, file));
  if (!top.success) {
    const issue = top.error.issues[0]!;
    throw new CodesetError(
      file,
      `not the tabular-notes JSON layout: ${issue.path.join('.') || '(top)'} ${issue.message}`,
      { line: 1 },
    );
  }
  const nodes: TabularNotesNode[] = [];
  for (const [key, raw] of Object.entries(top.data.codes)) {
    const where = () => ({ line: lineOfValue(text, 'code', key) ?? 1, element: `codes.${key}` });
    const parsed = NodeSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new CodesetError(file, `node ${key}: ${issue.path.join('.') || '(node)'} ${issue.message}`, where());
    }
    const n = parsed.data;
    if (n.code !== key) throw new CodesetError(file, `node ${key} says it is ${n.code}`, where());
    if (!ICD_CODE_RE.test(key)) throw new CodesetError(file, `"${key}" is not an ICD-10-CM code or category`, where());
    const notes: TabularNotes = {};
    for (const kind of KINDS) {
      const list = n[kind]?.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
      if (list?.length) notes[kind] = list;
    }
    nodes.push({ code: key, desc: n.description, notes });
  }
  if (nodes.length === 0) throw new CodesetError(file, 'the notes file has no codes', { line: 1 });
  return { source: top.data.source, version: /FY\s?(20\d\d)/.exec(top.data.source)?.[1] ?? '', nodes };
}
