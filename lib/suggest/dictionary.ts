import { z } from 'zod';
import termRulesData from './data/term-rules.json';
import guidelineTermsData from './data/guideline-terms.json';
import type { CodePack, TermSource } from '../pack/code-pack';
import { fold, STEM_EXCEPTIONS_VERSION, stemWord, tokenize } from '../text/tokens';
import { packArrays, unpackArrays } from '../util/typed-arrays';
import { buildIndexLinks, type IndexLink } from './index-links';
import { buildDrugTable, DRUG_EVENTS, loadDrugTable, type DrugTable } from './drug-table';

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
const RULES = TermRulesSchema.parse(termRulesData);
const GuidelineTermsSchema = z.strictObject({
  about: z.string(),
  terms: z.array(z.strictObject({ phrase: z.string().min(1), code: z.string(), why: z.string().min(1) })),
});
const GUIDELINE_TERMS = GuidelineTermsSchema.parse(guidelineTermsData).terms;
const OPTIONAL = new Set(RULES.optional_words.map((w) => stemWord(w)));
const STOP = new Set(RULES.stop_words);
const EPISODE = new Set(RULES.episode_words.map((w) => stemWord(w)));
const AFTER_UNSPECIFIED = new Set(RULES.optional_after_unspecified.map((w) => stemWord(w)));
const QUALIFIERS = new Set(RULES.qualifier_words.map((w) => stemWord(w)));
/** Phrases whose words never name a condition, as stem lists (term-rules.json inert_phrases). */
export const INERT_PHRASES = RULES.inert_phrases.map((p) => tokenize(fold(p)).map((t) => t.stem));
const NOT_CONDITIONS = new Set(RULES.index_words_not_conditions.flatMap((w) => tokenize(fold(w)).map((t) => t.stem)));

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
    if (prev && QUALIFIERS.has(prev.stem) && (/^[0-9ivx]+[a-z]?$/.test(t.stem) || Object.hasOwn(WORD_NUMBERS, t.stem)) && (/\d/.test(t.stem) || t.stem.length <= 5)) {
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
  for (const m of folded.matchAll(/\([^)]*\)|\[[^\]]*\]|\bstage \d through stage \d\b|\bwithout\b.*$/g)) optionalSpans.push([m.index!, m.index! + m[0].length]);
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
const KINDS: TermSource['kind'][] = ['title', 'inclusion', 'index', 'neoplasm', 'drug', 'guideline'];

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
  serialize(): { version: { version: string; links: IndexLink[]; drugs: DrugTable }; strings: Uint8Array; bin: Uint8Array } {
    const c = this.cols;
    const m = this.meta;
    return {
      version: { version: m.version, links: m.links, drugs: m.drugs },
      strings: new TextEncoder().encode([m.vocab.join('\n'), m.codes.join('\n'), m.texts.join('\n')].join('\u0000')),
      bin: packArrays([c.termCode, c.termKind, c.termText, c.reqOff, c.reqIds, c.optOff, c.optIds, c.anchor, c.weight, c.idf, c.anchorOff, c.anchorTerms]),
    };
  }

  static deserialize(meta: DictionaryMeta, bin: Uint8Array, titleOf: (code: string) => string): Dictionary {
    const [termCode, termKind, termText, reqOff, reqIds, optOff, optIds, anchor, weight, idf, anchorOff, anchorTerms] = unpackArrays(bin) as [
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
    return new Dictionary(meta, { termCode, termKind, termText, reqOff, reqIds, optOff, optIds, anchor, weight, idf, anchorOff, anchorTerms }, titleOf);
  }
}

/** The pack's compiled dictionary when it matches this code's rules, else one built now. */
export function dictionaryFor(pack: CodePack): Dictionary {
  const head = pack.sectionJson<{ version: string; links?: IndexLink[]; drugs?: unknown }>('dict');
  const version = head?.version;
  const strings = pack.sectionBytes('dict.strings');
  const bin = pack.sectionBytes('dict.bin');
  const titleOf = (code: string) => pack.titleOf(code);
  if (version === DICT_VERSION && strings && bin && head?.links && head.drugs) {
    const [vocab, codes, texts] = new TextDecoder().decode(strings).split('\u0000').map((b) => (b === '' ? [] : b.split('\n'))) as [string[], string[], string[]];
    return Dictionary.deserialize({ version, vocab, codes, texts, links: head.links, drugs: loadDrugTable(head.drugs) }, bin, titleOf);
  }
  return buildDictionary(pack);
}

/**
 * An Alphabetic Index entry is read as a coder reads it (Guidelines I.A, I.B.1): the main term
 * names the condition and each subterm narrows it, so a word of EVERY level is required. The main
 * term's own words stay required even when generic ("Disorder, blood" needs "disorder": the site
 * alone is not a diagnosis); a subterm with no word of its own ("His" bundle) cannot be matched
 * faithfully and drops the entry; a main term that is not a condition by itself (an adjective a
 * lossy index copy cut from its noun: "Old (previous) [myocardial infarction]") drops it too.
 */
const MANIFESTATION = /\bclassified elsewhere\b/i;
const CONNECTIVE = /^(with|without|in|due to|as|by|from|following|on|of|and|associated with|complicated by|after|during|in \(due to\))$/i;

function indexTermStems(levels: string[]): { required: string[]; optional: string[] }[] {
  // "Stenosis, stenotic": the main term's comma-separated forms are alternatives, not words
  // that must all be written.
  // Only parts that are forms of the same word are alternatives ("Adrenalism, tuberculous" is one
  // phrase): they share the first word's first four letters.
  const parts = levels[0]!.split(/,\s*/).filter((f) => f.trim() !== '');
  const head = (parts[0] ?? '').toLowerCase().slice(0, 4);
  const isForm = (p: string, i: number) => i === 0 || (head.length === 4 && p.toLowerCase().startsWith(head) && !p.includes(' '));
  const rest = parts.filter((p, i) => !isForm(p, i)).join(' ');
  // Only the first form (the noun: "Stenosis", "Congestion") is matched: the adjective forms
  // ("stenotic", "congestive") attach to other nouns in a note ("congestive heart failure with
  // pleural effusion" is not "Congestion, pleural"). Measured: same recall, fewer wrong codes.
  const forms = parts.filter(isForm).slice(0, 1).map((f) => `${f} ${rest}`.trim());
  const out: { required: string[]; optional: string[] }[] = [];
  const seen = new Set<string>();
  for (const form of forms.length > 0 ? forms : [levels[0]!]) {
    const t = levelStems([form, ...levels.slice(1)]);
    if (!t) continue;
    const key = t.required.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}

function levelStems(levels: string[]): { required: string[]; optional: string[] } | undefined {
  const required: string[] = [];
  const optional: string[] = [];
  for (let i = 0; i < levels.length; i++) {
    // "with", "in", "due to": the Index's connectives link levels; they name nothing themselves.
    if (CONNECTIVE.test(levels[i]!.trim())) continue;
    const level = termStems(levels[i]!);
    let own = level.required;
    if (own.length === 0 && i === 0) own = level.optional.filter((w) => !/^\d+$/.test(w));
    if (own.length === 0) return undefined;
    if (i === 0 && levels.length === 1 && (own.every((w) => NOT_CONDITIONS.has(w)) || levels[0]!.trim().length < 3)) return undefined;
    for (const w of own) if (!required.includes(w)) required.push(w);
    for (const w of level.optional) if (!own.includes(w) && !optional.includes(w)) optional.push(w);
  }
  return { required, optional: optional.filter((w) => !required.includes(w)) };
}

export function buildDictionary(pack: CodePack): Dictionary {
  const titleOf = (code: string) => pack.titleOf(code);
  const raw: { code: string; text: string; kind: TermSource['kind']; required: string[]; optional: string[] }[] = [];
  const seen = new Set<string>();
  const guideline: TermSource[] = GUIDELINE_TERMS.filter((g) => pack.codeInfo(g.code)).map((g) => ({ code: g.code, text: g.phrase, kind: 'guideline' }));
  const sources = pack.termSources();
  const links = buildIndexLinks(sources);
  const drugs = buildDrugTable(sources);
  for (const s of [...sources, ...guideline]) {
    let text = s.text;
    if (s.kind === 'neoplasm' || s.kind === 'drug') {
      const col = Object.keys(RULES.column_phrases).find((c) => text.startsWith(c));
      if (col) text = `${RULES.column_phrases[col]} ${text.slice(col.length)}`;
    }
    // Manifestation codes ("… in diseases classified elsewhere") follow their etiology's code
    // (Guidelines I.A.13): their own titles never read a plain mention ("pneumonia" is not J17);
    // the Index reaches them through the etiology's entry.
    if ((s.kind === 'title' || s.kind === 'inclusion') && MANIFESTATION.test(titleOf(s.code))) continue;
    // The Table of Drugs names poisonings and adverse effects by drug AND intent; its rows read
    // from a bare drug name (a medication list) would be poisonings. Measured: without its 40k rows
    // neither evaluation set changes, and the dictionary loads ~20 % faster. Drug codes come from
    // dedicated rules (drugs given at the visit, long-term drug status).
    if (s.kind === 'drug') continue;
    const levels = s.levels;
    const readings = levels && levels.length > 0 ? indexTermStems(levels) : [termStems(text)];
    for (const { required, optional } of readings) {
      // 7-character titles ("…, initial encounter for closed fracture") are reached by refinement.
      if (s.kind === 'title' && s.code.length === 8 && [...required, ...optional].some((w) => EPISODE.has(w))) continue;
      if (required.length === 0) continue;
      // A generic word alone ("pain", "infection", "wound NOS") does not reach a code.
      if (s.kind !== 'guideline' && required.every((w) => NOT_CONDITIONS.has(w))) continue;
      const key = `${s.code}|${required.join(' ')}|${optional.join(' ')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      raw.push({ code: s.code, text: s.text, kind: s.kind, required, optional });
    }
  }
  const vocab: string[] = [];
  const vid = new Map<string, number>();
  const id = (w: string) => {
    let i = vid.get(w);
    if (i === undefined) {
      vid.set(w, (i = vocab.length));
      vocab.push(w);
    }
    return i;
  };
  const codes: string[] = [];
  const cid = new Map<string, number>();
  const texts: string[] = [];
  const df = new Map<string, number>();
  for (const t of raw) for (const w of t.required) df.set(w, (df.get(w) ?? 0) + 1);
  const n = raw.length;
  const termCode = new Uint32Array(n);
  const termKind = new Uint8Array(n);
  const termText = new Int32Array(n);
  const reqOff = new Uint32Array(n + 1);
  const optOff = new Uint32Array(n + 1);
  const reqList: number[] = [];
  const optList: number[] = [];
  const anchor = new Uint32Array(n);
  const weight = new Float32Array(n);
  raw.forEach((t, i) => {
    let ci = cid.get(t.code);
    if (ci === undefined) {
      cid.set(t.code, (ci = codes.length));
      codes.push(t.code);
    }
    termCode[i] = ci;
    termKind[i] = KINDS.indexOf(t.kind);
    termText[i] = t.kind === 'title' && titleOf(t.code) === t.text ? -1 : texts.push(t.text) - 1;
    for (const w of t.required) reqList.push(id(w));
    for (const w of t.optional) optList.push(id(w));
    reqOff[i + 1] = reqList.length;
    optOff[i + 1] = optList.length;
    let a = t.required[0]!;
    let wsum = 0;
    for (const w of t.required) {
      if (df.get(w)! < df.get(a)!) a = w;
      wsum += Math.log(1 + n / df.get(w)!);
    }
    anchor[i] = id(a);
    weight[i] = wsum;
  });
  const idf = new Float32Array(vocab.length).map((_, i) => (df.has(vocab[i]!) ? Math.log(1 + n / df.get(vocab[i]!)!) : 0));
  const anchorOff = new Uint32Array(vocab.length + 1);
  for (let i = 0; i < n; i++) anchorOff[anchor[i]! + 1]!++;
  for (let v = 0; v < vocab.length; v++) anchorOff[v + 1]! += anchorOff[v]!;
  const fill = anchorOff.slice(0, vocab.length);
  const anchorTerms = new Uint32Array(n);
  for (let i = 0; i < n; i++) anchorTerms[fill[anchor[i]!]!++] = i;
  return new Dictionary(
    { version: DICT_VERSION, vocab, codes, texts, links, drugs },
    { termCode, termKind, termText, reqOff, reqIds: Uint32Array.from(reqList), optOff, optIds: Uint32Array.from(optList), anchor, weight, idf, anchorOff, anchorTerms },
    titleOf,
  );
}
