import { noteWords, type ExpandedToken } from '../text/expand';
import { fold, tokenize } from '../text/tokens';
import { RULES } from './term-rules';

/** Compound nouns whose words are read together or not at all (term-rules.json bound_phrases), as stem lists. */
const BOUND = RULES.bound_phrases.map((p) => tokenize(fold(p)).map((t) => t.stem));

/**
 * Sources of the words of each bound phrase the sentence writes ("blood pressure", "globus
 * pallidus"): a measurement or an anatomical name whose first word alone would read as a
 * condition ("elevated blood pressure and vomiting" is no "blood vomiting" K92.0; the globus
 * pallidus is no globus sensation F45.8).
 */
export function boundPhrases(tokens: ExpandedToken[]): number[][] {
  const written = noteWords(tokens.filter((t) => !t.implied)).map(({ source, first }) => ({
    source,
    stem: first.stem,
  }));
  return phraseOccurrences(written, BOUND);
}

/** Where each phrase (a stem list) is written in a run of the note's words: the sources of its words, per occurrence. */
export function phraseOccurrences(written: { source: number; stem: string }[], phrases: string[][]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < written.length; i++)
    for (const phrase of phrases)
      if (phrase.every((stem, k) => written[i + k]?.stem === stem))
        out.push(phrase.map((_, k) => written[i + k]!.source));
  return out;
}

/** A match that takes some words of a bound phrase but not all of them reads the compound apart. */
export function splitsBoundPhrase(positions: number[], tokens: ExpandedToken[], bound: number[][]): boolean {
  if (bound.length === 0) return false;
  const mine = new Set(positions.map((p) => tokens[p]!.source));
  return bound.some((sources) => {
    const taken = sources.filter((s) => mine.has(s)).length;
    return taken > 0 && taken < sources.length;
  });
}

const UNITS = new Set(RULES.unit_abbreviations);

/** A word an initialism of one disease stands for ("pulmonary" of a written "COPD"), or a one-disease phrase's (synonyms.json 'unit'). */
export function inUnitAbbreviation(t: ExpandedToken): boolean {
  return t.expanded && (t.unit === true || (t.written !== undefined && UNITS.has(t.written)));
}

/**
 * An initialism of one disease stands for it whole (term-rules.json unit_abbreviations), as does a
 * one-disease synonym (synonyms.json 'unit'): a match that takes some of its words with words from
 * outside it reads it apart ("COPD and hypertension" is no pulmonary hypertension I27.20: the
 * "pulmonary" is the chronic obstructive pulmonary disease's).
 */
export function splitsAbbreviation(
  positions: number[],
  tokens: ExpandedToken[],
  isStop: (norm: string) => boolean,
): boolean {
  // Most matches take no such word: nothing to read apart (this runs for every candidate reading).
  if (!positions.some((p) => inUnitAbbreviation(tokens[p]!))) return false;
  const taken = new Set(positions);
  const sources = new Set(positions.filter((p) => inUnitAbbreviation(tokens[p]!)).map((p) => tokens[p]!.source));
  return [...sources].some((s) => {
    const own = tokens
      .map((t, i) => ({ t, i }))
      .filter(({ t }) => t.source === s && !t.implied && !isStop(t.norm) && inUnitAbbreviation(t));
    const used = own.filter(({ i }) => taken.has(i)).length;
    if (own.length < 2 || used === 0 || used === own.length) return false;
    // Some of its words, with words from outside it.
    return positions.some((p) => !own.some(({ i }) => i === p) && !tokens[p]!.implied);
  });
}

/**
 * How far a word is from a term's anchor word: the nearest word, the anchor's own expansion first,
 * and never one an initialism stands for when the anchor is outside it ("coronary artery disease
 * and DJD": each its own "disease").
 */
export function distanceFromAnchor(tokens: ExpandedToken[], anchor: number, q: number): number {
  const own = tokens[q]!.source === tokens[anchor]!.source;
  return Math.abs(q - anchor) + (own ? -0.5 : inUnitAbbreviation(tokens[q]!) ? 1000 : 0);
}
