import { fold, tokenize } from '../text/tokens';
import { packArrays, unpackArrays } from '../util/typed-arrays';
import type { IndexLink } from './index-links';
import type { DrugTable } from './drug-table';
import type { MainSubterms } from './main-term-subterms';
import { isStopWord, termStems, KINDS, type Term } from './term-rules';

export {
  RULES,
  GUIDELINE_TERMS,
  EPISODE,
  INERT_PHRASES,
  TEST_NOUNS,
  NOT_CONDITIONS,
  isStopWord,
  bindQualifiers,
  type Term,
  termStems,
  DICT_VERSION,
  KINDS,
} from './term-rules';

export interface DictionaryMeta {
  version: string;
  vocab: string[];
  codes: string[];
  texts: string[];
  /** The Index's "with" links between conditions (index-links.ts), read once with the terms. */
  links: IndexLink[];
  /** The Table of Drugs and Chemicals by substance (drug-table.ts), for poisoning / adverse effect / underdosing. */
  drugs: DrugTable;
  /** The Index's one-word subterms of each main term (main-term-subterms.ts). */
  subterms: MainSubterms;
}

export class Dictionary {
  readonly size: number;
  private readonly vocabId: Map<string, number>;
  private readonly memo = new Map<number, Term>();
  private readonly subtermMemo = new Map<string, Set<string>>();
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

  /** The Index's one-word subterms of the main term whose noun has this stem ("diseas": bone, lung, ...). */
  subtermsOf(mainStem: string): ReadonlySet<string> | undefined {
    let set = this.subtermMemo.get(mainStem);
    if (!set) {
      const list = this.meta.subterms[mainStem];
      if (!list) return undefined;
      set = new Set(list);
      this.subtermMemo.set(mainStem, set);
    }
    return set;
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
    version: { version: string; links: IndexLink[]; drugs: DrugTable; subterms: MainSubterms };
    strings: Uint8Array;
    bin: Uint8Array;
  } {
    const c = this.cols;
    const m = this.meta;
    return {
      version: { version: m.version, links: m.links, drugs: m.drugs, subterms: m.subterms },
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
