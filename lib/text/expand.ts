import abbreviationsData from './data/abbreviations.json';
import synonymsData from './data/synonyms.json';
import { AbbreviationsSchema, SynonymsSchema } from './schemas';
import { fold, stemWord, tokenize, type Token } from './tokens';
import { primaryCancerWords } from './primary-site';

/**
 * Adds the words an abbreviation or a variant phrase stands for, at the same offsets, so
 * "CKD 3b" also reads "chronic kidney disease 3b" and "distal radius" also reads "lower end of
 * radius". Matching then works on the expanded stream; evidence still points at the note's words.
 */
export interface ExpandedToken extends Token {
  /** Index of the original token this came from (expansions share it). */
  source: number;
  expanded: boolean;
  /** The note's own word (lower case) when this token is an expansion of it ("pe" for "pulmonary"). */
  written?: string;
  /** A word the context implies rather than the sentence writes (the patient is a newborn; a surgical-history list means "status"): it sits nowhere in the sentence, so it never widens a match's span. */
  implied?: boolean;
  /** One of the words a one-disease phrase stands for (synonyms.json 'unit': "major depression" read as major depressive disorder): read all together or alone. */
  unit?: boolean;
  /** The word names a cancer by the site words right before it ("from a lung primary"): a reading that takes it takes no word before this source. */
  siteFrom?: number;
}

const ABBR = new Map(
  AbbreviationsSchema.parse(abbreviationsData).entries.map((e) => [
    e.abbr,
    { words: words(e.expansion), upperOnly: e.case === 'upper' },
  ]),
);
// Phrases compare by stem so a plural ("low blood glucoses") reads like the singular.
const SYNONYMS = SynonymsSchema.parse(synonymsData).entries.map((e) => ({
  phrase: words(e.phrase).map(stemWord),
  canonical: words(e.canonical),
  replace: e.replace === true,
  unit: e.unit === true,
}));
const SYN_BY_FIRST = new Map<string, { phrase: string[]; canonical: string[]; replace: boolean; unit: boolean }[]>();
for (const s of SYNONYMS) {
  const list = SYN_BY_FIRST.get(s.phrase[0]!) ?? [];
  list.push(s);
  SYN_BY_FIRST.set(s.phrase[0]!, list);
}

function words(s: string): string[] {
  return tokenize(fold(s)).map((t) => t.norm);
}

function synth(norm: string, like: Token, source: number): ExpandedToken {
  return {
    start: like.start,
    end: like.end,
    norm,
    stem: stemWord(norm),
    upper: false,
    source,
    expanded: true,
    written: like.norm,
  };
}

/** Words that put a place name before them ("lives in Flint, MI"; "from Lansing, MI 48906"). */
const PLACE_LEAD = new Set(['in', 'at', 'from', 'near']);

/**
 * A two-letter capitalised word after a place name is a state, not a diagnosis: "in Flint, MI" or
 * "Lansing, MI 48906" (an address), never "history of CAD, MI" (a list of conditions).
 */
function isPlaceAbbreviation(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!t.upper || t.norm.length !== 2) return false;
  if (/^\d{5}$/.test(tokens[i + 1]?.norm ?? '')) return true;
  const place = tokens[i - 1];
  return Boolean(
    place && /^[a-z]{3,}$/.test(place.norm) && !ABBR.has(place.norm) && PLACE_LEAD.has(tokens[i - 2]?.norm ?? ''),
  );
}

export function expandTokens(tokens: Token[]): ExpandedToken[] {
  const out: ExpandedToken[] = [];
  const primaryCancer = primaryCancerWords(tokens);
  let skipTo = -1;
  tokens.forEach((t, i) => {
    if (i < skipTo) return;
    // A spelling variant ("gall bladder") is read only as its canonical word: "bladder" alone is another organ.
    const variant = (SYN_BY_FIRST.get(t.stem) ?? []).find(
      (syn) => syn.replace && syn.phrase.every((w, k) => tokens[i + k]?.stem === w),
    );
    if (variant) {
      const last = tokens[i + variant.phrase.length - 1]!;
      for (const w of variant.canonical) out.push({ ...synth(w, t, i), end: last.end });
      skipTo = i + variant.phrase.length;
      return;
    }
    const abbr = ABBR.get(t.norm);
    // A state in an address reads as nothing at all (its letters are no term's stem either).
    if (abbr && isPlaceAbbreviation(tokens, i)) return;
    if (abbr && (!abbr.upperOnly || t.upper)) {
      for (const w of abbr.words) out.push(synth(w, t, i));
    } else {
      out.push({
        start: t.start,
        end: t.end,
        norm: t.norm,
        stem: t.stem,
        upper: t.upper,
        source: i,
        expanded: false,
        ...(t.possessive ? { possessive: true } : {}),
      });
    }
    const siteFrom = primaryCancer.get(i);
    if (siteFrom !== undefined) {
      out.at(-1)!.siteFrom = siteFrom;
      for (const w of ['malignant', 'neoplasm']) out.push({ ...synth(w, t, i), siteFrom });
    }
    for (const syn of SYN_BY_FIRST.get(t.stem) ?? []) {
      if (syn.phrase.every((w, k) => tokens[i + k]?.stem === w)) {
        const last = tokens[i + syn.phrase.length - 1]!;
        for (const w of syn.canonical)
          out.push({ ...synth(w, t, i), end: last.end, ...(syn.unit ? { unit: true } : {}) });
      }
    }
  });
  return out;
}

/** One word of the note in an expanded stream: its tokens (the word itself and/or its expansions). */
export interface NoteWord {
  source: number;
  start: number;
  end: number;
  /** The first token of the word (an abbreviation's first expansion when the word is one). */
  first: ExpandedToken;
  /** The norms of all its tokens ("cancer" reads "malignant", "neoplasm"). */
  norms: string[];
}

/**
 * A word the context implies at a place of the sentence (the newborn patient, a surgical list's
 * "status", a spinal region a level names): no written word, so it never widens a match's span.
 */
export function impliedToken(at: { start: number; end: number; source: number }, norm: string): ExpandedToken {
  return {
    start: at.start,
    end: at.end,
    norm,
    stem: stemWord(norm),
    upper: false,
    source: at.source,
    expanded: true,
    implied: true,
  };
}

/**
 * The expanded stream grouped back into the note's words (consecutive tokens of one source): an
 * abbreviation ("HIV", "PE", "cancer") is present only as its expansion, so rules about the words
 * as written read them here.
 */
export function noteWords(tokens: ExpandedToken[]): NoteWord[] {
  const words: NoteWord[] = [];
  for (const t of tokens) {
    const last = words[words.length - 1];
    if (last?.source === t.source) last.norms.push(t.norm);
    else words.push({ source: t.source, start: t.start, end: t.end, first: t, norms: [t.norm] });
  }
  return words;
}
