import { CodesetError } from '../errors';
import { findColumns, readDelimited } from '../tables';
import type { IndexEntry, IndexFile } from './index-xml';

/**
 * A flat CSV rendering of the Alphabetic Index to Diseases and Injuries: one row per term in
 * document order, `RowID, Letter, Level (0 = main term, 1..9 = subterm level), Term, See,
 * SeeAlso, NonEssModif, Code`. It is lossy against the official XML (no bracketed manifestation
 * code, first see / see also / code only, no text after a non-essential modifier), so the pack
 * records it as its own kind of index source. The tree is rebuilt from Level with a stack.
 */
export const FLAT_INDEX_HEADER = ['rowid', 'letter', 'level', 'term', 'see', 'seealso', 'nonessmodif', 'code'];

const CODE_RE = /^[A-Z][0-9A-Z][0-9A-Z](\.[0-9A-Z-]{1,4})?-?$/;

/** True when the first line is the flat index header (cheap sniff for `detect.ts`). */
export function looksLikeFlatIndexCsv(head: string): boolean {
  const first = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const cells = first.split(',').map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
  return FLAT_INDEX_HEADER.every((h, i) => cells[i] === h);
}

export function parseIndexFlatCsv(text: string, file: string): IndexFile {
  const table = readDelimited(text, file, ',');
  const { headerIndex, col } = findColumns(
    table,
    {
      level: { aliases: ['level'] },
      term: { aliases: ['term'] },
      see: { aliases: ['see'] },
      seeAlso: { aliases: ['seealso', 'see also'] },
      nemod: { aliases: ['nonessmodif', 'nonessential modifier'] },
      code: { aliases: ['code'] },
    },
    file,
    1,
  );
  // "see" is a prefix of "seealso": pick the exact header cell for each.
  const header = (table.rows[headerIndex] ?? []).map((h) => h.toLowerCase().replace(/[^a-z]/g, ''));
  col.see = header.indexOf('see');
  col.seeAlso = header.indexOf('seealso');
  const out: IndexFile = { kind: 'index', version: '', title: 'Alphabetic Index (flat CSV)', columns: [], entries: [] };
  const stack: IndexEntry[] = [];
  // Level of a subterm whose words the flat copy lost, while its subtree is skipped.
  let lostAt: number | undefined;
  for (let i = headerIndex + 1; i < table.rows.length; i++) {
    const r = table.rows[i]!;
    const line = table.rowLine[i] ?? i + 1;
    const cell = (c: number) => (c >= 0 ? (r[c] ?? '') : '').replace(/\s+/g, ' ').trim();
    const levelText = cell(col.level);
    const level = Number(levelText);
    if (levelText === '' || !Number.isInteger(level) || level < 0 || level > 20) {
      throw new CodesetError(file, `Level "${levelText}" is not a term level (0 = main term, 1..n = subterm)`, {
        line,
      });
    }
    if (lostAt !== undefined && level > lostAt) continue;
    lostAt = undefined;
    if (level > stack.length) {
      throw new CodesetError(
        file,
        `a level-${level} subterm follows a level-${stack.length - 1} term (a level is skipped)`,
        { line },
      );
    }
    let nemod = cell(col.nemod);
    let title = cell(col.term);
    // Five rows lost their words after the modifier ("(somatoform) pain"): the modifier is all that is left of the title.
    if (title === '' && nemod !== '') [title, nemod] = [nemod.replace(/[()]/g, '').trim(), ''];
    if (title === '') throw new CodesetError(file, 'index term without a title', { line });
    if (level > 0 && wordsLost(title, nemod, cell(col.code))) {
      lostAt = level;
      continue;
    }
    // "Normocytic anemia" with the modifier column "(infectional) due to blood loss (chronic)": the
    // words outside the parentheses are the term's own (D50.0 is anemia due to blood loss), so the
    // column joins the title, its parenthesised words staying nonessential.
    if (nemod && /[a-z]/i.test(withoutParentheses(nemod))) [title, nemod] = [`${title} ${nemod}`, ''];
    const code = cell(col.code);
    if (code !== '' && !CODE_RE.test(code))
      throw new CodesetError(file, `"${code}" is not an ICD-10-CM code`, { line });
    stack.length = level;
    const parent = stack[level - 1];
    const entry: IndexEntry = {
      path: parent ? [...parent.path, title] : [title],
      level,
      codes: code ? [code] : [],
      manif: [],
      line,
    };
    if (nemod) entry.nemod = nemod;
    const see = cell(col.see);
    if (see) entry.see = see;
    const seeAlso = cell(col.seeAlso);
    if (seeAlso) entry.seeAlso = seeAlso;
    stack.push(entry);
    out.entries.push(entry);
  }
  if (out.entries.length === 0) throw new CodesetError(file, 'the index has no terms');
  return out;
}

/** Words that only join a subterm to its parent ("in (due to) renal impairment"). */
const CONNECTIVES = new Set(['in', 'due', 'to', 'with', 'of', 'on', 'and', 'by', 'from']);

/**
 * A coded subterm left with nothing but connectives ("Gout, in (due to)" M10.30, whose "renal
 * impairment" the flat copy dropped; "Hepatitis, B, with" B19.11, without "hepatic coma"): read
 * as written it would give the parent's words a more specific code than they say, so it and its
 * subterms are skipped. Words outside parentheses in the modifier column are the title's own
 * ("and (on) chronic (congestive)").
 */
function wordsLost(title: string, nemod: string, code: string): boolean {
  if (code === '') return false;
  const words = `${title} ${nemod.replace(/\([^)]*\)/g, ' ')}`
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
  return words.every((w) => CONNECTIVES.has(w));
}

/** The text with every parenthesised part removed, nested ones too ("(except toe(s) alone)"). */
function withoutParentheses(text: string): string {
  let out = text;
  for (let prev = ''; prev !== out; ) [prev, out] = [out, out.replace(/\([^()]*\)/g, ' ')];
  return out.replace(/[()]/g, ' ').trim();
}
