import { stemmer } from 'stemmer';
import { z } from 'zod';
import stemExceptionsData from './data/stem-exceptions.json';

export const StemExceptionsSchema = z.strictObject({
  about: z.string(),
  entries: z.record(z.string().regex(/^[a-z]+$/), z.string().regex(/^[a-z]+$/)),
});
// A Map, not the parsed object: a note word like "constructor" must not find Object.prototype.
const STEM_EXCEPTIONS = new Map(Object.entries(StemExceptionsSchema.parse(stemExceptionsData).entries));
/** Changes whenever the exceptions change (compiled dictionaries depend on the stems). */
export const STEM_EXCEPTIONS_VERSION = `itis;${[...STEM_EXCEPTIONS].map(([k, v]) => `${k}=${v}`).join(',')}`;

/** A word of the note with its place in the ORIGINAL text (offsets are never shifted). */
export interface Token {
  start: number;
  end: number;
  /** Lower case, accents folded. */
  norm: string;
  /** Porter stem of norm (numbers and codes unchanged). */
  stem: string;
  /** True when the note wrote it in capitals (for case-sensitive abbreviations). */
  upper: boolean;
  /** The "s" of a possessive ("the patient's"): no word of its own. */
  possessive?: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:\/[\p{L}\p{N}]+)?/gu;
const STEM_CACHE = new Map<string, string>();

export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function stemWord(norm: string): string {
  let s = STEM_CACHE.get(norm);
  if (s === undefined) {
    // An inflammation is not its organ: "prostatitis" must not stem to "prostat" (prostate).
    s =
      STEM_EXCEPTIONS.get(norm) ??
      (/\d/.test(norm) || norm.length <= 2 ? norm : /itis$/.test(norm) ? norm : stemmer(norm));
    if (STEM_CACHE.size < 200_000) STEM_CACHE.set(norm, s);
  }
  return s;
}

/**
 * Words (letters/digits; "s/p" and "h/o" kept whole) between `from` and `to`. Hyphens and other
 * punctuation separate words, so "type-2" and "type 2" read the same.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    const raw = m[0];
    if (m.index + raw.length > to) break;
    // "Choledocholithiasis, ? cholecystitis": a question mark written before a word questions it
    // (a token of its own for the cue reader; no code's words hold it).
    const q = questionedAt(text, m.index, from);
    if (q !== undefined) out.push({ start: q, end: q + 1, norm: '?', stem: '?', upper: false });
    const slash = raw.indexOf('/');
    // "s/p", "h/o", "3/7" are one unit; "sprain/strain" is two words written as alternatives.
    if (slash > 2 && raw.length - slash > 2 && !/\d/.test(raw)) {
      out.push(token(raw.slice(0, slash), m.index), token(raw.slice(slash + 1), m.index + slash + 1));
      continue;
    }
    const t = token(raw, m.index);
    // Only after a common noun: an eponym's "s" is part of its name ("Parkinson's" is the disease).
    const prev = out.at(-1);
    if (t.norm === 's' && prev && /['\u2019]/.test(text[m.index - 1]!) && /[a-z]/.test(text[prev.start]!))
      t.possessive = true;
    out.push(t);
  }
  return out;
}

/** Where a "?" stands right before the word at `at` (after a space, comma, colon or bracket), if it does. */
function questionedAt(text: string, at: number, from: number): number | undefined {
  let k = at - 1;
  while (k >= from && (text[k] === ' ' || text[k] === '\t')) k--;
  if (k < from || text[k] !== '?') return undefined;
  return k === from || /[\s,;:(]/.test(text[k - 1]!) ? k : undefined;
}

function token(raw: string, start: number): Token {
  const norm = fold(raw);
  return {
    start,
    end: start + raw.length,
    norm,
    stem: stemWord(norm),
    upper: raw.length > 1 && raw === raw.toUpperCase() && /\p{L}/u.test(raw),
  };
}
