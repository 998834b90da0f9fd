import { levelAlternatives } from './index-alternatives';
import type { CodePack, TermSource } from '../pack/code-pack';
import { buildIndexLinks, type IndexLink } from './index-links';
import { buildDrugTable, loadDrugTable } from './drug-table';
import { buildMainSubterms, type MainSubterms } from './main-term-subterms';
import { adjustReadings } from './reading-rules';
import {
  Dictionary,
  DICT_VERSION,
  EPISODE,
  GUIDELINE_TERMS,
  KINDS,
  NOT_CONDITIONS,
  RULES,
  termStems,
} from './dictionary';

/*
 * Building the match dictionary from the code set's term sources (titles, inclusion terms, the
 * Alphabetic Index, guideline phrases) and reading the compiled one back from the pack.
 */

/** The pack's compiled dictionary when it matches this code's rules, else one built now. */
export function dictionaryFor(pack: CodePack): Dictionary {
  const head = pack.sectionJson<{ version: string; links?: IndexLink[]; drugs?: unknown; subterms?: MainSubterms }>(
    'dict',
  );
  const version = head?.version;
  const strings = pack.sectionBytes('dict.strings');
  const bin = pack.sectionBytes('dict.bin');
  const titleOf = (code: string) => pack.titleOf(code);
  if (version === DICT_VERSION && strings && bin && head?.links && head.drugs && head.subterms) {
    const [vocab, codes, texts] = new TextDecoder()
      .decode(strings)
      .split('\u0000')
      .map((b) => (b === '' ? [] : b.split('\n'))) as [string[], string[], string[]];
    return Dictionary.deserialize(
      { version, vocab, codes, texts, links: head.links, drugs: loadDrugTable(head.drugs), subterms: head.subterms },
      bin,
      titleOf,
    );
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
/** Irregular forms the Index lists after a main term ("Tear, torn"). */
const IRREGULAR_FORMS = new Set(['torn']);
const MANIFESTATION = /\bclassified elsewhere\b/i;
const CONNECTIVE =
  /^(with|without|in|due to|as|by|from|following|on|of|and|associated with|complicated by|after|during|in \(due to\))$/i;

function indexTermStems(levels: string[]): { required: string[]; optional: string[] }[] {
  // "Stenosis, stenotic": the main term's comma-separated forms are alternatives, not words
  // that must all be written.
  // Only parts that are forms of the same word are alternatives ("Adrenalism, tuberculous" is one
  // phrase): they share the first word's first three letters ("Fetus, fetal", "Body, bodies"), or are an
  // irregular form ("Tear, torn": a torn rotator cuff and a rotator cuff tear are one entry).
  const parts = levels[0]!.split(/,\s*/).filter((f) => f.trim() !== '');
  const head = (parts[0] ?? '').toLowerCase().slice(0, 3);
  const isForm = (p: string, i: number) =>
    i === 0 ||
    (!p.includes(' ') &&
      ((head.length === 3 && p.toLowerCase().startsWith(head)) || IRREGULAR_FORMS.has(p.toLowerCase())));
  const rest = parts.filter((p, i) => !isForm(p, i)).join(' ');
  // Only the first form (the noun: "Stenosis", "Congestion") is matched: the adjective forms
  // ("stenotic", "congestive") attach to other nouns in a note ("congestive heart failure with
  // pleural effusion" is not "Congestion, pleural"). Measured: same recall, fewer wrong codes.
  // An irregular form is read too: "torn meniscus" is the Index's "Tear, meniscus".
  const forms = parts
    .filter(isForm)
    .filter((f, i) => i === 0 || IRREGULAR_FORMS.has(f.toLowerCase()))
    .map((f) => `${f} ${rest}`.trim());
  const out: { required: string[]; optional: string[] }[] = [];
  const seen = new Set<string>();
  // Each subterm may write alternatives ("intervertebral cartilage or disc"): one reading per choice.
  let subterms: string[][] = [[]];
  for (const level of levels.slice(1)) {
    const alts = levelAlternatives(level);
    if (subterms.length * alts.length > MAX_READINGS) subterms = subterms.map((s) => [...s, level]);
    else subterms = subterms.flatMap((s) => alts.map((a) => [...s, a]));
  }
  for (const form of forms.length > 0 ? forms : [levels[0]!]) {
    for (const sub of subterms) {
      const t = levelStems([form, ...sub]);
      if (!t) continue;
      const key = t.required.join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(t);
    }
  }
  return out;
}

/** Readings one index path may give through its subterms' alternatives, at most. */
const MAX_READINGS = 8;

function levelStems(levels: string[]): { required: string[]; optional: string[] } | undefined {
  const required: string[] = [];
  const optional: string[] = [];
  for (let i = 0; i < levels.length; i++) {
    // "with", "in", "due to": the Index's connectives link levels; they name nothing themselves.
    if (CONNECTIVE.test(levels[i]!.trim())) continue;
    // "Colitis, Clostridium difficile, not specified as recurrent" (A04.72): the Index's default
    // when the note does not say it; the words are not written in a note that does not say it.
    if (i > 0 && /^not specified as\b/i.test(levels[i]!.trim())) continue;
    const level = termStems(levels[i]!);
    let own = level.required;
    if (own.length === 0 && i === 0) own = level.optional.filter((w) => !/^\d+$/.test(w));
    if (own.length === 0) return undefined;
    if (i === 0 && levels.length === 1 && (own.every((w) => NOT_CONDITIONS.has(w)) || levels[0]!.trim().length < 3))
      return undefined;
    for (const w of own) if (!required.includes(w)) required.push(w);
    for (const w of level.optional) if (!own.includes(w) && !optional.includes(w)) optional.push(w);
  }
  return { required, optional: optional.filter((w) => !required.includes(w)) };
}

export function buildDictionary(pack: CodePack): Dictionary {
  const titleOf = (code: string) => pack.titleOf(code);
  const raw: { code: string; text: string; kind: TermSource['kind']; required: string[]; optional: string[] }[] = [];
  const seen = new Set<string>();
  const guideline: TermSource[] = GUIDELINE_TERMS.filter((g) => pack.codeInfo(g.code)).map((g) => ({
    code: g.code,
    text: g.phrase,
    kind: 'guideline',
  }));
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
    adjustReadings(readings, s.kind, s.code, text, titleOf(s.code));
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
  const idf = new Float32Array(vocab.length).map((_, i) =>
    df.has(vocab[i]!) ? Math.log(1 + n / df.get(vocab[i]!)!) : 0,
  );
  const anchorOff = new Uint32Array(vocab.length + 1);
  for (let i = 0; i < n; i++) anchorOff[anchor[i]! + 1]!++;
  for (let v = 0; v < vocab.length; v++) anchorOff[v + 1]! += anchorOff[v]!;
  const fill = anchorOff.slice(0, vocab.length);
  const anchorTerms = new Uint32Array(n);
  for (let i = 0; i < n; i++) anchorTerms[fill[anchor[i]!]!++] = i;
  return new Dictionary(
    { version: DICT_VERSION, vocab, codes, texts, links, drugs, subterms: buildMainSubterms(sources) },
    {
      termCode,
      termKind,
      termText,
      reqOff,
      reqIds: Uint32Array.from(reqList),
      optOff,
      optIds: Uint32Array.from(optList),
      anchor,
      weight,
      idf,
      anchorOff,
      anchorTerms,
    },
    titleOf,
  );
}
