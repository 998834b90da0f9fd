import { CodesetError } from './errors';
import { baseName, type InputFile } from './inputs';
import { looksLikeFlatIndexCsv } from './icd10cm/index-flat-csv';
import { looksLikeTabularNotesJson } from './icd10cm/tabular-notes-json';
import { looksLikeHccMappings } from './hcc/cms-hcc';

export type SourceKind =
  | 'icd10cm-order'
  | 'icd10cm-codes'
  | 'icd10cm-tabular'
  | 'icd10cm-index'
  | 'icd10cm-tabular-notes'
  | 'hcpcs-json'
  | 'hcpcs-xlsx'
  | 'hcpcs-txt'
  | 'ncci-ptp'
  | 'ncci-mue'
  | 'ncci-aoc'
  | 'cms-hcc';

export type Detection = { kind: SourceKind } | { ignored: string };

/*
 * Files that come beside the release tables (record layouts, addenda, change lists, manuals,
 * third-party flattenings of an XML we read directly). They are skipped, and said so.
 */
const IGNORED: [RegExp, string][] = [
  [/\.(pdf|docx?|rtf|md|html?)$/i, 'documentation'],
  [/readme|licen[cs]e|copyright/i, 'documentation'],
  [/addenda|changes|summary/i, 'a change list (the full release file is read instead)'],
  [/\.flat\.tsv$|^derived_/i, 'a third-party flattening (the official file is read instead)'],
  [/policy[_ -]?manual/i, 'the NCCI policy manual (reference text, not a table)'],
  [/\.(png|jpe?g|gif)$/i, 'an image'],
];

function sniff(bytes: Uint8Array, n = 4096): string {
  return new TextDecoder('latin1').decode(bytes.subarray(0, n));
}

/** Decides what a release file is from its name (as CMS/CDC name them) and its first bytes. */
export function detectSource(f: InputFile, inArchive: boolean): Detection {
  const name = baseName(f.path);
  const lower = name.toLowerCase();
  for (const [re, why] of IGNORED) if (re.test(name)) return { ignored: why };
  const head = sniff(f.bytes);
  if (lower.endsWith('.csv') && looksLikeFlatIndexCsv(head)) return { kind: 'icd10cm-index' };
  if (lower.endsWith('.json') && looksLikeTabularNotesJson(head)) return { kind: 'icd10cm-tabular-notes' };
  if (/\.(csv|xlsx)$/.test(lower) && /mapping/.test(lower) && (lower.endsWith('.xlsx') || looksLikeHccMappings(head)))
    return { kind: 'cms-hcc' };
  if (lower.endsWith('.xml')) {
    if (head.includes('<ICD10CM.tabular')) return { kind: 'icd10cm-tabular' };
    if (head.includes('<ICD10CM.index')) return { kind: 'icd10cm-index' };
  }
  if (/order/.test(lower) && lower.endsWith('.txt') && /^\d{5} [0-9A-Z]/.test(head)) return { kind: 'icd10cm-order' };
  if (/icd10cm[_-]?codes/.test(lower) && lower.endsWith('.txt')) return { kind: 'icd10cm-codes' };
  if (/hcpc/.test(lower)) {
    if (lower.endsWith('.json')) return { kind: 'hcpcs-json' };
    if (lower.endsWith('.xlsx')) return { kind: 'hcpcs-xlsx' };
    if (lower.endsWith('.txt') && /anweb/.test(lower)) return { kind: 'hcpcs-txt' };
  }
  if (/mue/.test(lower) && /\.(csv|tsv|txt|xlsx|json)$/.test(lower)) return { kind: 'ncci-mue' };
  if (/aoc|add[-_ ]?on/.test(lower) && /\.(csv|tsv|txt|xlsx|json)$/.test(lower)) return { kind: 'ncci-aoc' };
  if (/ptp|ccipra|ccioph|cciprb/.test(lower) && /\.(csv|tsv|txt|xlsx)$/.test(lower)) return { kind: 'ncci-ptp' };
  if (inArchive) return { ignored: 'not a release table this product reads' };
  throw new CodesetError(
    f.path,
    'unknown file: not an ICD-10-CM (order, codes, tabular, index XML or flat CSV, tabular notes JSON), HCPCS (ANWEB txt/xlsx), NCCI (PTP, MUE, add-on) or CMS-HCC mappings release file',
  );
}
