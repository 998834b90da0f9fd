import { z } from 'zod';
import termRulesData from './data/term-rules.json';
import guidelineTermsData from './data/guideline-terms.json';
import type { TermSource } from '../pack/code-pack';
import { fold, STEM_EXCEPTIONS_VERSION, stemWord, tokenize } from '../text/tokens';
import { packArrays, unpackArrays } from '../util/typed-arrays';
import type { IndexLink } from './index-links';
import { DRUG_EVENTS, type DrugTable } from './drug-table';

const TermRulesSchema = z.strictObject({
  about: z.string(),
  optional_words: z.array(z.string()),
  stop_words: z.array(z.string()),
  column_phrases: z.record(z.string(), z.string()),
  episode_words: z.array(z.string()),
  optional_after_unspecified: z.array(z.string()),
  qualifier_words: z.array(z.string()),
  index_words_not_conditions: z.array(z.string()),
  inert_phrases: z.array(z.string().min(1)),
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
const QUALIFIERS = new Set(RULES.qualifier_words.map((w) => stemWord(w)));
/** Phrases whose words never name a condition, as stem lists (term-rules.json inert_phrases). */
export const INERT_PHRASES = RULES.inert_phrases.map((p) => tokenize(fold(p)).map((t) => t.stem));
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

/** Splits a phrase into required and optional stems: parenthesised words (nonessential modifiers) and bracketed ones (an Index entry's own abbreviation, "[PSA]") are optional. */
export function termStems(text: string): { required: string[]; optional: string[] } {
  const folded = fold(text);
  const optionalSpans: [number, number][] = [];
  for (const m of folded.matchAll(/\([^)]*\)|\[[^\]]*\]|\bstage \d through stage \d\b|\bwithout\b.*$/g))
    optionalSpans.push([m.index!, m.index! + m[0].length]);
  const required: string[] = [];
  const optional: string[] = [];
  const tokens = bindQualifiers(tokenize(folded), (t, stem) => ({ ...t, stem }));
  const otherSpecified = /^other specified\b/.test(folded);
  tokens.forEach((t, i) => {
    if (STOP.has(t.norm)) return;
    const inParen = optionalSpans.some(([s, e]) => t.start >= s && t.end <= e);
    // "Other specified …" titles are for what the provider specified as another kind (E13 other
    // specified diabetes): never the reading of a plain mention, so their words are required.
    if (otherSpecified && i < 2) {
      if (!required.includes(t.stem)) required.push(t.stem);
      return;
    }
    const afterUnspecified = tokens[i - 1]?.norm === 'unspecified' && AFTER_UNSPECIFIED.has(t.stem);
    const list = inParen || afterUnspecified || OPTIONAL.has(t.stem) ? optional : required;
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
export const DICT_VERSION = `14:${contentHash(JSON.stringify([RULES, GUIDELINE_TERMS, DRUG_EVENTS]))}:${STEM_EXCEPTIONS_VERSION}`;

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

export interface DictionaryMeta {
  version: string;
  vocab: string[];
  codes: string[];
  texts: string[];
  /** The Index's "with" links between conditions (index-links.ts), read once with the terms. */
  links: IndexLink[];
  /** The Table of Drugs and Chemicals by substance (drug-table.ts), for poisoning / adverse effect / underdosing. */
  drugs: DrugTable;
}

export class Dictionary {
  readonly size: number;
  private readonly vocabId: Map<string, number>;
  private readonly memo = new Map<number, Term>();
  private readonly titleMemo = new Map<string, Set<string>>();
  private readonly withoutMemo = new Map<number, Set<string>>();
  private byCode?: Map<string, number[]>;

  constructor(
    readonly meta: DictionaryMeta,
    /** termCode, termKind, termText (-1 = title), reqOff, reqIds, optOff, optIds, anchor, weight, idf, anchorOff, anchorTerms */
    readonly cols: {
      termCode: Uint32Array;
      termKind: Uint8Array;
      termText: Int32Array;
      reqOff: Uint32Array;
      reqIds: Uint32Array;
      optOff: Uint32Array;
      optIds: Uint32Array;
      anchor: Uint32Array;
      weight: Float32Array;
      idf: Float32Array;
      anchorOff: Uint32Array;
      anchorTerms: Uint32Array;
    },
    private readonly titleOf: (code: string) => string,
  ) {
    this.size = cols.termCode.length;
    this.vocabId = new Map(meta.vocab.map((w, i) => [w, i]));
  }

  term(i: number): Term {
    let t = this.memo.get(i);
    if (!t) {
      const c = this.cols;
      const code = this.meta.codes[c.termCode[i]!]!;
      const ti = c.termText[i]!;
      t = {
        code,
        text: ti < 0 ? this.titleOf(code) : this.meta.texts[ti]!,
        kind: KINDS[c.termKind[i]!]!,
        required: Array.from(c.reqIds.subarray(c.reqOff[i]!, c.reqOff[i + 1]!), (v) => this.meta.vocab[v]!),
        optional: Array.from(c.optIds.subarray(c.optOff[i]!, c.optOff[i + 1]!), (v) => this.meta.vocab[v]!),
        anchor: this.meta.vocab[c.anchor[i]!]!,
        weight: c.weight[i]!,
      };
      this.memo.set(i, t);
    }
    return t;
  }

  /** Where a term comes from, without building the term. */
  kindOf(i: number): Term['kind'] {
    return KINDS[this.cols.termKind[i]!]!;
  }

  /** The phrase of a term, without building the term. */
  textOf(i: number): string {
    const ti = this.cols.termText[i]!;
    return ti < 0 ? this.titleOf(this.codeOf(i)) : this.meta.texts[ti]!;
  }

  /**
   * Stems the term says are absent: "Calculus of bile duct without cholangitis or cholecystitis"
   * -> {cholangit, cholecystitis}. A note that asserts one of them contradicts the term.
   */
  withoutStems(i: number): Set<string> {
    let set = this.withoutMemo.get(i);
    if (!set) {
      set = new Set<string>();
      for (const m of this.textOf(i).matchAll(/\bwithout\b([^),;]*)/gi)) {
        for (const t of tokenize(fold(m[1]!))) if (!isStopWord(t.norm)) set.add(t.stem);
      }
      this.withoutMemo.set(i, set);
    }
    return set;
  }

  /** Vocabulary id of a stem (undefined when no term uses it). */
  stemId(stem: string): number | undefined {
    return this.vocabId.get(stem);
  }

  requiredIds(i: number): Uint32Array {
    return this.cols.reqIds.subarray(this.cols.reqOff[i]!, this.cols.reqOff[i + 1]!);
  }

  optionalIds(i: number): Uint32Array {
    return this.cols.optIds.subarray(this.cols.optOff[i]!, this.cols.optOff[i + 1]!);
  }

  weight(i: number): number {
    return this.cols.weight[i]!;
  }

  codeOf(i: number): string {
    return this.meta.codes[this.cols.termCode[i]!]!;
  }

  anchoredById(id: number): Uint32Array {
    return this.cols.anchorTerms.subarray(this.cols.anchorOff[id]!, this.cols.anchorOff[id + 1]!);
  }

  /** Terms whose anchor is this stem. */
  anchored(stem: string): Uint32Array | undefined {
    const id = this.vocabId.get(stem);
    if (id === undefined) return undefined;
    return this.cols.anchorTerms.subarray(this.cols.anchorOff[id]!, this.cols.anchorOff[id + 1]!);
  }

  idf(stem: string): number {
    const id = this.vocabId.get(stem);
    return id === undefined ? 0 : this.cols.idf[id]!;
  }

  termsOf(code: string): number[] {
    if (!this.byCode) {
      this.byCode = new Map();
      this.cols.termCode.forEach((ci, i) => {
        const c = this.meta.codes[ci]!;
        const list = this.byCode!.get(c);
        if (list) list.push(i);
        else this.byCode!.set(c, [i]);
      });
    }
    return this.byCode.get(code) ?? [];
  }

  /** All stems of a code's title (required and optional), for refinement and history mapping. */
  titleStems(code: string): Set<string> {
    let s = this.titleMemo.get(code);
    if (!s) {
      const { required, optional } = termStems(this.titleOf(code));
      this.titleMemo.set(code, (s = new Set([...required, ...optional])));
    }
    return s;
  }

  /** The pack sections: version (JSON), strings (text, one per line, three NUL-separated blocks), columns (binary). */
  serialize(): {
    version: { version: string; links: IndexLink[]; drugs: DrugTable };
    strings: Uint8Array;
    bin: Uint8Array;
  } {
    const c = this.cols;
    const m = this.meta;
    return {
      version: { version: m.version, links: m.links, drugs: m.drugs },
      strings: new TextEncoder().encode([m.vocab.join('\n'), m.codes.join('\n'), m.texts.join('\n')].join('\u0000')),
      bin: packArrays([
        c.termCode,
        c.termKind,
        c.termText,
        c.reqOff,
        c.reqIds,
        c.optOff,
        c.optIds,
        c.anchor,
        c.weight,
        c.idf,
        c.anchorOff,
        c.anchorTerms,
      ]),
    };
  }

  static deserialize(meta: DictionaryMeta, bin: Uint8Array, titleOf: (code: string) => string): Dictionary {
    const [termCode, termKind, termText, reqOff, reqIds, optOff, optIds, anchor, weight, idf, anchorOff, anchorTerms] =
      unpackArrays(bin) as [
        Uint32Array,
        Uint8Array,
        Int32Array,
        Uint32Array,
        Uint32Array,
        Uint32Array,
        Uint32Array,
        Uint32Array,
        Float32Array,
        Float32Array,
        Uint32Array,
        Uint32Array,
      ];
    return new Dictionary(
      meta,
      { termCode, termKind, termText, reqOff, reqIds, optOff, optIds, anchor, weight, idf, anchorOff, anchorTerms },
      titleOf,
    );
  }
}
