import { z } from 'zod';
import eventsData from './data/drug-events.json';
import type { TermSource } from '../pack/code-pack';

/**
 * The Table of Drugs and Chemicals, reduced to what a lookup from a note needs: a substance key
 * (its words, lower case, sorted so "ethyl alcohol" and "Alcohol, ethyl" meet) -> the 6-character
 * stem shared by its cells and the columns the table fills. Computed once at pack compile time.
 *
 * Every row of the table is uniform: the cell of column n (1 accidental, 2 intentional self-harm,
 * 3 assault, 4 undetermined, 5 adverse effect, 6 underdosing) is `stem + n` (T42.6X1 … T42.6X6;
 * T51.91 for the 5-character toxic-effect stems). A row that breaks the rule is left out, never guessed.
 */
export const DRUG_TABLE_FORMAT = 1;
export const DRUG_COLUMNS = ['accidental', 'self-harm', 'assault', 'undetermined', 'adverse', 'underdosing'] as const;
export type DrugColumn = (typeof DRUG_COLUMNS)[number];

const COLUMN_TITLES: Record<string, DrugColumn> = {
  'Poisoning Accidental (unintentional)': 'accidental',
  'Poisoning Intentional self-harm': 'self-harm',
  'Poisoning Assault': 'assault',
  'Poisoning Undetermined': 'undetermined',
  'Adverse effect': 'adverse',
  Underdosing: 'underdosing',
};

/** The longest run of note words a lookup tries. */
const MAX_WORDS = 5;

/** One substance: "T42.6X:123456" = stem, then the column numbers the table fills. */
const ENTRY = /^(T\d{2}\.[0-9A-Z]{1,2}):([1-6]{1,6})$/;

export const DrugTableSchema = z.strictObject({
  format: z.literal(DRUG_TABLE_FORMAT),
  /** Substance key (sorted lower-case words) -> "stem:columns". */
  substances: z.record(z.string().min(1), z.string().regex(ENTRY)),
});
export type DrugTable = z.infer<typeof DrugTableSchema>;

export const DrugEventsDataSchema = z.strictObject({
  about: z.string(),
  synonyms: z.record(z.string().min(1), z.string().min(1)),
  stop_keys: z.array(z.string().min(1)),
  min_key_length: z.number().int().positive(),
  cues: z.strictObject({
    poisoning: z.array(z.string().min(1)).min(1),
    ingestion_words: z.array(z.string().min(1)).min(1),
    self_harm: z.array(z.string().min(1)).min(1),
    assault: z.array(z.string().min(1)).min(1),
    undetermined: z.array(z.string().min(1)).min(1),
    accidental: z.array(z.string().min(1)).min(1),
    adverse: z.array(z.string().min(1)).min(1),
    adverse_suffix: z.array(z.string().min(1)).min(1),
    underdosing: z.array(z.string().min(1)).min(1),
    provider_directed: z.array(z.string().min(1)),
    uncertain: z.array(z.string().min(1)).min(1),
    sequela: z.array(z.string().min(1)).min(1),
    pregnant: z.array(z.string().min(1)).min(1),
    not_pregnant: z.array(z.string().min(1)).min(1),
    puerperium: z.array(z.string().min(1)).min(1),
    not_event_after: z.array(z.string().min(1)).min(1),
    drug_forms: z.array(z.string().min(1)).min(1),
  }),
  underdosing_intent: z
    .array(
      z.strictObject({ code: z.string().regex(/^Z91\.1[234]\d$/), words: z.array(z.string().min(1)), why: z.string() }),
    )
    .min(1),
  nonmedicinal_word: z.string().min(1),
  /** Substances used outside any prescription: never 'correctly prescribed and taken' (I.C.19.e.5.a). */
  street_drugs: z.array(z.string().min(1)),
});
export const DRUG_EVENTS = DrugEventsDataSchema.parse(eventsData);

/** Lower-case word tokens as the table and the note are both cut ("2,4-D" -> "2", "4-d"). */
export function substanceTokens(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  const re = /[a-z0-9]+(?:-[a-z0-9]+)*/gi;
  for (let m = re.exec(text); m; m = re.exec(text))
    out.push({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  return out;
}

/** The order-free key of a list of words ("NEC" and "NOS" say nothing about the substance). */
export function substanceKey(words: string[]): string {
  return [...new Set(words.filter((w) => w !== 'nec' && w !== 'nos'))].sort().join(' ');
}

/** "Kerosene, kerosine NEC" names one substance twice; "Amylocaine, regional" is a term and its modifier. */
function spellings(name: string): string[] {
  const m = /^([A-Za-z]+), ([A-Za-z]+)\b(.*)$/.exec(name);
  if (m && similar(m[1]!.toLowerCase(), m[2]!.toLowerCase())) return [`${m[1]}${m[3]}`, `${m[2]}${m[3]}`];
  return [name.replace(/,/g, ' ')];
}

function similar(a: string, b: string): boolean {
  return a !== b && a.length >= 4 && b.length >= 4 && a.slice(0, 4) === b.slice(0, 4);
}

/**
 * The compact table from the pack's drug-table term sources (`${column} ${path}`), with the data's
 * synonyms (brand names, a prescribed drug's usual salt) folded in. A longer name whose cells equal
 * those of a name made of some of its words adds nothing to a lookup and is dropped.
 */
export function buildDrugTable(sources: TermSource[]): DrugTable {
  const cells = new Map<string, Map<DrugColumn, string>>();
  for (const s of sources) {
    if (s.kind !== 'drug') continue;
    const title = Object.keys(COLUMN_TITLES).find((t) => s.text.startsWith(`${t} `));
    if (!title) continue;
    const name = s.text.slice(title.length + 1);
    for (const spelling of spellings(name)) {
      const key = substanceKey(substanceTokens(spelling).map((t) => t.word));
      // A lookup reads at most MAX_WORDS words at a time: a longer name could never be matched.
      if (!key || key.split(' ').length > MAX_WORDS) continue;
      const row = cells.get(key) ?? new Map<DrugColumn, string>();
      row.set(COLUMN_TITLES[title]!, s.code);
      cells.set(key, row);
    }
  }
  const entries = new Map<string, string>();
  for (const [key, row] of cells) {
    const entry = encodeRow(row);
    if (entry) entries.set(key, entry);
  }
  for (const [key, entry] of [...entries])
    if (key.includes(' ') && coveredByShorter(key, entry, entries)) entries.delete(key);
  for (const [word, target] of Object.entries(DRUG_EVENTS.synonyms)) {
    const entry = entries.get(substanceKey(substanceTokens(target).map((t) => t.word)));
    if (entry) entries.set(substanceKey(substanceTokens(word).map((t) => t.word)), entry);
  }
  const substances: Record<string, string> = {};
  for (const key of [...entries.keys()].sort()) substances[key] = entries.get(key)!;
  return { format: DRUG_TABLE_FORMAT, substances };
}

function encodeRow(row: Map<DrugColumn, string>): string | undefined {
  const codes = [...row.values()];
  const stem = codes[0]!.slice(0, -1);
  let columns = '';
  DRUG_COLUMNS.forEach((col, i) => {
    const code = row.get(col);
    if (code !== undefined) columns += String(i + 1);
  });
  const uniform = [...row].every(([col, code]) => code === `${stem}${DRUG_COLUMNS.indexOf(col) + 1}`);
  const entry = `${stem}:${columns}`;
  return uniform && ENTRY.test(entry) ? entry : undefined;
}

/** "kerosene vapor" answers like "kerosene": matching "kerosene" gives the same codes. */
function coveredByShorter(key: string, entry: string, entries: Map<string, string>): boolean {
  const words = key.split(' ');
  for (let drop = 0; drop < words.length; drop++) {
    const shorter = words.filter((_, i) => i !== drop).join(' ');
    if (entries.get(shorter) === entry) return true;
  }
  return false;
}

/** Parses a stored table; refuses another format version with a clear message. */
export function loadDrugTable(raw: unknown): DrugTable {
  const format = (raw as { format?: unknown } | null)?.format;
  if (format !== DRUG_TABLE_FORMAT)
    throw new Error(`drug table format ${String(format)} is not supported (expected ${DRUG_TABLE_FORMAT})`);
  return DrugTableSchema.parse(raw);
}

export interface SubstanceCells {
  key: string;
  stem: string;
  /** Category code of a column ("T42.6X2"), or undefined when the table leaves the cell empty. */
  cell(column: DrugColumn): string | undefined;
  /** T51-T65: a non-medicinal substance, a toxic effect rather than a poisoning by a drug. */
  toxic: boolean;
}

/** The cells of a substance key, or undefined when the table has no such substance. */
export function lookupSubstance(table: DrugTable, key: string): SubstanceCells | undefined {
  const entry = table.substances[key];
  const m = entry ? ENTRY.exec(entry) : null;
  if (!m) return undefined;
  const stem = m[1]!;
  const columns = m[2]!;
  return {
    key,
    stem,
    cell: (column) => {
      const n = String(DRUG_COLUMNS.indexOf(column) + 1);
      return columns.includes(n) ? `${stem}${n}` : undefined;
    },
    toxic: /^T(5[1-9]|6[0-5])/.test(stem),
  };
}

export interface SubstanceMention {
  start: number;
  end: number;
  substance: SubstanceCells;
}

/**
 * Substances named in a piece of text: at each word the longest run of up to five words whose key
 * is in the table (order-free), never a stop key or a key shorter than the data's minimum.
 */
export function findSubstances(table: DrugTable, text: string, offset = 0): SubstanceMention[] {
  const tokens = substanceTokens(text);
  const stop = new Set(DRUG_EVENTS.stop_keys);
  const out: SubstanceMention[] = [];
  for (let i = 0; i < tokens.length; ) {
    let found: SubstanceMention | undefined;
    let width = 0;
    for (let n = Math.min(MAX_WORDS, tokens.length - i); n >= 1 && !found; n--) {
      const key = substanceKey(tokens.slice(i, i + n).map((t) => t.word));
      if (key.length < DRUG_EVENTS.min_key_length || stop.has(key)) continue;
      const substance = lookupSubstance(table, key);
      if (substance) {
        found = { start: offset + tokens[i]!.start, end: offset + tokens[i + n - 1]!.end, substance };
        width = n;
      }
    }
    if (found) out.push(found);
    i += found ? width : 1;
  }
  return out;
}
