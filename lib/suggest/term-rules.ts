import { z } from 'zod';
import termRulesData from './data/term-rules.json';
import guidelineTermsData from './data/guideline-terms.json';
import type { TermSource } from '../pack/code-pack';
import { fold, STEM_EXCEPTIONS_VERSION, stemWord, tokenize } from '../text/tokens';
import { DRUG_EVENTS } from './drug-table';

/** The term rules (data/term-rules.json, data/guideline-terms.json) and how a term's words are read into required and optional stems. */
const TermRulesSchema = z.strictObject({
  about: z.string(),
  optional_words: z.array(z.string()),
  stop_words: z.array(z.string()),
  column_phrases: z.record(z.string(), z.string()),
  episode_words: z.array(z.string()),
  optional_after_unspecified: z.array(z.string()),
  injury_sites_after_unspecified: z.array(z.string()),
  qualifier_words: z.array(z.string()),
  index_words_not_conditions: z.array(z.string()),
  inert_phrases: z.array(z.string().min(1)),
  bound_phrases: z.array(z.string().min(1)),
  unit_abbreviations: z.array(z.string().regex(/^[a-z]+$/)),
  test_nouns: z.array(z.string().min(1)),
  possessive_required: z.array(z.string().min(1)),
  words_a_code_needs: z.array(
    z.strictObject({ prefixes: z.array(z.string().min(1)), any_of: z.array(z.string().min(1)), why: z.string() }),
  ),
});
export const RULES = TermRulesSchema.parse(termRulesData);
const GuidelineTermsSchema = z.strictObject({
  about: z.string(),
  terms: z.array(z.strictObject({ phrase: z.string().min(1), code: z.string(), why: z.string().min(1) })),
});
export const GUIDELINE_TERMS = GuidelineTermsSchema.parse(guidelineTermsData).terms;
const OPTIONAL = new Set(RULES.optional_words.map((w) => stemWord(w)));
const STOP = new Set(RULES.stop_words);
export const EPISODE = new Set(RULES.episode_words.map((w) => stemWord(w)));
const AFTER_UNSPECIFIED = new Set(RULES.optional_after_unspecified.map((w) => stemWord(w)));
const POSSESSIVE_REQUIRED = new Set(RULES.possessive_required);
const QUALIFIERS = new Set(RULES.qualifier_words.map((w) => stemWord(w)));
/** Phrases whose words never name a condition, as stem lists (term-rules.json inert_phrases). */
export const INERT_PHRASES = RULES.inert_phrases.map((p) => tokenize(fold(p)).map((t) => t.stem));
/** Nouns after which the words before them name a test (term-rules.json test_nouns), as written ("testes" is not one). */
export const TEST_NOUNS = new Set(RULES.test_nouns.map((w) => fold(w)));
export const NOT_CONDITIONS = new Set(
  RULES.index_words_not_conditions.flatMap((w) => tokenize(fold(w)).map((t) => t.stem)),
);

/** Connective words never count as evidence in a note ("and" must not match "Andes", stemmed "and"). */
export function isStopWord(norm: string): boolean {
  return STOP.has(norm);
}

const ROMAN: Record<string, string> = { i: '1', ii: '2', iii: '3', iv: '4', v: '5', vi: '6' };
const WORD_NUMBERS: Record<string, string> = { one: '1', two: '2', three: '3', four: '4', five: '5' };
/** "iii" / "IIIa" / "three" -> "3" / "3a": stages and types are written in digits, Roman numerals and words. */
function arabic(stem: string): string {
  const m = /^([ivx]+)([ab]?)$/.exec(stem);
  if (m && ROMAN[m[1]!]) return `${ROMAN[m[1]!]}${m[2]}`;
  return Object.hasOwn(WORD_NUMBERS, stem) ? WORD_NUMBERS[stem]! : stem;
}

/** "stage" + "3b" -> "stage#3b": a number belongs to the qualifier right before it. */
export function bindQualifiers<T extends { stem: string }>(tokens: T[], make: (t: T, stem: string) => T): T[] {
  const out: T[] = [];
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    if (
      prev &&
      QUALIFIERS.has(prev.stem) &&
      (/^[0-9ivx]+[a-z]?$/.test(t.stem) || Object.hasOwn(WORD_NUMBERS, t.stem)) &&
      (/\d/.test(t.stem) || t.stem.length <= 5)
    ) {
      out.push(make(t, `${prev.stem}#${arabic(t.stem)}`));
    } else out.push(t);
  });
  return out;
}

/** One phrase that names a code, reduced to the word stems a sentence must (or may) contain. */
export interface Term {
  code: string;
  text: string;
  kind: TermSource['kind'];
  required: string[];
  optional: string[];
  /** The required stem fewest terms share: where the matcher looks the term up. */
  anchor: string;
  /** Sum of the idf of the required stems: how much a match says. */
  weight: number;
}

/**
 * Splits a phrase into required and optional stems: parenthesised words (nonessential modifiers),
 * bracketed ones (an Index entry's own abbreviation, "[PSA]") and what a title says is absent
 * ("without complications") are optional. An injury's "without foreign body" ends there: the site
 * after it ("Laceration without foreign body, left hip") is still the title's own word, and so is a
 * site axis after a comma ("Spondylosis without myelopathy or radiculopathy, lumbar region": the
 * region is what tells it from its siblings; left optional, "Other spondylosis, lumbar region"
 * outweighed it for a plain "lumbar spondylosis").
 */
/** A title's region axis after a comma that follows "without": "…, lumbar region". */
const SITE_AXIS = /(?<=\bwithout\b[^()]*,\s*)(?:[a-z-]+ ){1,3}region(?=,|$)/g;

export function termStems(text: string): { required: string[]; optional: string[] } {
  const folded = fold(text);
  const optionalSpans: [number, number][] = [];
  for (const m of folded.matchAll(
    /\([^)]*\)|\[[^\]]*\]|\bstage \d through stage \d\b|\bwithout foreign body\b|\bwithout\b.*$/g,
  ))
    optionalSpans.push([m.index!, m.index! + m[0].length]);
  const siteSpans = [...folded.matchAll(SITE_AXIS)].map((m) => [m.index!, m.index! + m[0].length] as const);
  const required: string[] = [];
  const optional: string[] = [];
  const tokens = bindQualifiers(tokenize(folded), (t, stem) => ({ ...t, stem }));
  const otherSpecified = /^other specified\b/.test(folded);
  tokens.forEach((t, i) => {
    if (STOP.has(t.norm)) return;
    const inParen =
      optionalSpans.some(([s, e]) => t.start >= s && t.end <= e) &&
      !siteSpans.some(([s, e]) => t.start >= s && t.end <= e);
    // "Other specified …" titles are for what the provider specified as another kind (E13 other
    // specified diabetes): never the reading of a plain mention, so their words are required.
    if (otherSpecified && i < 2) {
      if (!required.includes(t.stem)) required.push(t.stem);
      return;
    }
    const afterUnspecified = tokens[i - 1]?.norm === 'unspecified' && AFTER_UNSPECIFIED.has(t.stem);
    // The possessive of an eponym is optional: "Crohn disease" and "Crohn's disease" are one name.
    const possessive =
      t.norm === 's' &&
      i > 0 &&
      /['\u2019]/.test(folded[t.start - 1] ?? '') &&
      !POSSESSIVE_REQUIRED.has(tokens[i - 1]!.norm);
    const list = inParen || afterUnspecified || possessive || OPTIONAL.has(t.stem) ? optional : required;
    if (!list.includes(t.stem)) list.push(t.stem);
  });
  return { required, optional: optional.filter((s) => !required.includes(s)) };
}

/**
 * The match dictionary in columnar form: typed arrays over term and stem ids, so the compiled
 * copy in a pack loads without parsing 146k objects. Term objects are made on demand.
 * DICT_VERSION changes whenever term rules or the tokenizer change; a pack whose dictionary
 * carries another version is rebuilt at load time instead of trusted.
 */
export const DICT_VERSION = `26:${contentHash(JSON.stringify([RULES, GUIDELINE_TERMS, DRUG_EVENTS]))}:${STEM_EXCEPTIONS_VERSION}`;

/** FNV-1a over the rules' text: any edit to the term rules gives a new dictionary version. */
function contentHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
export const KINDS: TermSource['kind'][] = ['title', 'inclusion', 'index', 'neoplasm', 'drug', 'guideline'];
