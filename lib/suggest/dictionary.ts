import { z } from 'zod';
import termRulesData from './data/term-rules.json';
import type { CodePack, TermSource } from '../pack/code-pack';
import { fold, stemWord, tokenize } from '../text/tokens';

const TermRulesSchema = z.strictObject({
  about: z.string(),
  optional_words: z.array(z.string()),
  stop_words: z.array(z.string()),
  column_phrases: z.record(z.string(), z.string()),
  episode_words: z.array(z.string()),
  optional_after_unspecified: z.array(z.string()),
  qualifier_words: z.array(z.string()),
});
const RULES = TermRulesSchema.parse(termRulesData);
const OPTIONAL = new Set(RULES.optional_words.map((w) => stemWord(w)));
const STOP = new Set(RULES.stop_words);
const EPISODE = new Set(RULES.episode_words.map((w) => stemWord(w)));
const AFTER_UNSPECIFIED = new Set(RULES.optional_after_unspecified.map((w) => stemWord(w)));
const QUALIFIERS = new Set(RULES.qualifier_words.map((w) => stemWord(w)));

/** "stage" + "3b" -> "stage#3b": a number belongs to the qualifier right before it. */
export function bindQualifiers<T extends { stem: string }>(tokens: T[], make: (t: T, stem: string) => T): T[] {
  const out: T[] = [];
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    if (prev && QUALIFIERS.has(prev.stem) && /^[0-9ivx]+[a-z]?$/.test(t.stem) && (/\d/.test(t.stem) || t.stem.length <= 4)) {
      out.push(make(t, `${prev.stem}#${t.stem}`));
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

export interface Dictionary {
  terms: Term[];
  byAnchor: Map<string, number[]>;
  idf: Map<string, number>;
  /** Stems of each code's title, for refinement and history/family mapping. */
  titleStems: Map<string, Set<string>>;
}

/** Splits a phrase into required and optional stems: parenthesised words are optional (nemod). */
export function termStems(text: string): { required: string[]; optional: string[] } {
  const folded = fold(text);
  const optionalSpans: [number, number][] = [];
  for (const m of folded.matchAll(/\([^)]*\)|\bwithout\b.*$/g)) optionalSpans.push([m.index!, m.index! + m[0].length]);
  const required: string[] = [];
  const optional: string[] = [];
  const tokens = bindQualifiers(tokenize(folded), (t, stem) => ({ ...t, stem }));
  tokens.forEach((t, i) => {
    if (STOP.has(t.norm)) return;
    const inParen = optionalSpans.some(([s, e]) => t.start >= s && t.end <= e);
    const afterUnspecified = tokens[i - 1]?.norm === 'unspecified' && AFTER_UNSPECIFIED.has(t.stem);
    const list = inParen || afterUnspecified || OPTIONAL.has(t.stem) ? optional : required;
    if (!list.includes(t.stem)) list.push(t.stem);
  });
  return { required, optional: optional.filter((s) => !required.includes(s)) };
}

/**
 * Compiled form stored in the pack ('dict' section) so a side panel does not rebuild 146k terms
 * (~5 s) on every open. DICT_VERSION changes whenever term rules or the tokenizer change; a pack
 * whose dictionary carries another version is rebuilt at load time instead of trusted.
 */
export const DICT_VERSION = `1:${JSON.stringify(RULES).length}:${RULES.optional_words.length}:${RULES.qualifier_words.join(',')}`;

export interface DictionaryData {
  version: string;
  vocab: string[];
  kinds: TermSource['kind'][];
  /** [code, kind index, text ('' = the code's title), required stem ids, optional stem ids] */
  terms: [string, number, string, number[], number[]][];
  titleStems: [string, number[]][];
}

export function serializeDictionary(d: Dictionary, titles: (code: string) => string): DictionaryData {
  const vocab: string[] = [];
  const id = new Map<string, number>();
  const sid = (w: string) => {
    let i = id.get(w);
    if (i === undefined) {
      i = vocab.length;
      vocab.push(w);
      id.set(w, i);
    }
    return i;
  };
  const kinds: TermSource['kind'][] = ['title', 'inclusion', 'index', 'neoplasm', 'drug'];
  return {
    version: DICT_VERSION,
    vocab,
    kinds,
    terms: d.terms.map((t) => [t.code, kinds.indexOf(t.kind), t.kind === 'title' && titles(t.code) === t.text ? '' : t.text, t.required.map(sid), t.optional.map(sid)]),
    titleStems: [...d.titleStems].map(([c, set]) => [c, [...set].map(sid)]),
  };
}

export function deserializeDictionary(data: DictionaryData, titles: (code: string) => string): Dictionary {
  const raw = data.terms.map(([code, k, text, req, opt]) => ({
    code,
    kind: data.kinds[k]!,
    text: text || titles(code),
    required: req.map((i) => data.vocab[i]!),
    optional: opt.map((i) => data.vocab[i]!),
  }));
  const titleStems = new Map(data.titleStems.map(([c, ids]) => [c, new Set(ids.map((i) => data.vocab[i]!))]));
  return indexTerms(raw, titleStems);
}

/** The pack's compiled dictionary when it matches this code's rules, else one built now. */
export function dictionaryFor(pack: CodePack): Dictionary {
  const data = pack.sectionJson<DictionaryData>('dict');
  const titles = (code: string) => pack.titleOf(code);
  if (data && data.version === DICT_VERSION) return deserializeDictionary(data, titles);
  return buildDictionary(pack);
}

export function buildDictionary(pack: CodePack): Dictionary {
  const sources = pack.termSources();
  const raw: Omit<Term, 'anchor' | 'weight'>[] = [];
  const titleStems = new Map<string, Set<string>>();
  const seen = new Set<string>();
  for (const s of sources) {
    let text = s.text;
    if (s.kind === 'neoplasm' || s.kind === 'drug') {
      const col = Object.keys(RULES.column_phrases).find((c) => text.startsWith(c));
      if (col) text = `${RULES.column_phrases[col]} ${text.slice(col.length)}`;
    }
    const { required, optional } = termStems(text);
    if (s.kind === 'title') titleStems.set(s.code, new Set([...required, ...optional]));
    // 7-character titles ("…, initial encounter for closed fracture") are reached by refinement.
    if (s.kind === 'title' && s.code.length === 8 && required.some((w) => EPISODE.has(w))) continue;
    if (required.length === 0) continue;
    const key = `${s.code}|${required.join(' ')}|${optional.join(' ')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    raw.push({ code: s.code, text: s.text, kind: s.kind, required, optional });
  }
  return indexTerms(raw, titleStems);
}

function indexTerms(raw: Omit<Term, 'anchor' | 'weight'>[], titleStems: Map<string, Set<string>>): Dictionary {
  const df = new Map<string, number>();
  for (const t of raw) for (const w of t.required) df.set(w, (df.get(w) ?? 0) + 1);
  const n = raw.length;
  const idf = new Map<string, number>();
  for (const [w, f] of df) idf.set(w, Math.log(1 + n / f));
  const terms: Term[] = raw.map((t) => {
    let anchor = t.required[0]!;
    for (const w of t.required) if (df.get(w)! < df.get(anchor)!) anchor = w;
    return { ...t, anchor, weight: t.required.reduce((a, w) => a + idf.get(w)!, 0) };
  });
  const byAnchor = new Map<string, number[]>();
  terms.forEach((t, i) => {
    const list = byAnchor.get(t.anchor);
    if (list) list.push(i);
    else byAnchor.set(t.anchor, [i]);
  });
  return { terms, byAnchor, idf, titleStems };
}
