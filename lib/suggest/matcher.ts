import { noteWords, type ExpandedToken } from '../text/expand';
import { INERT_PHRASES, isStopWord, type Dictionary } from './dictionary';
import { testNameSources } from './test-names';
import { fold, stemWord } from '../text/tokens';
import { joinsProcedureAcrossAnd } from './procedure-link';
import { skipsSubtermBeforeMain } from './main-term-subterms';
import { deniesWhatIsWritten } from './denied-term';
import {
  boundPhrases,
  distanceFromAnchor,
  phraseOccurrences,
  splitsAbbreviation,
  splitsBoundPhrase,
} from './bound-phrases';
import {
  cancersWithSite,
  cancerPhrases,
  passesCancerSite,
  joinsAcrossWith,
  primarySites,
  reachesPastSite,
  spreadOutsideNeoplasm,
  takesPrimarySite,
} from './metastatic-primary';

export interface TermMatch {
  term: number;
  /** Indexes (into the sentence's expanded tokens) of the matched required and optional words. */
  positions: number[];
  score: number;
  /** A required word of the term is stated as absent ("with aura" in "without aura"): kept so it can be shown as negated, never allowed to hide another reading. */
  requiresAbsent?: boolean;
  /** Optional words the term itself expects to be absent ("aura" of "migraine without aura"): not a negation of the mention. */
  expectedAbsent?: number[];
}

/**
 * Finds the terms whose required stems all occur in one sentence, in any order ("colic, renal" =
 * "renal colic"), within a window that grows with the term's length, then keeps only maximal
 * matches: a term whose matched words are a strict subset of another match's is dropped (E11 and
 * N18 give way to E11.22 and N18.32 in "type 2 diabetes with stage 3b CKD").
 */
export function matchSentence(tokens: ExpandedToken[], dict: Dictionary): TermMatch[] {
  return matchSentenceAll(tokens, dict).kept;
}

/** As matchSentence, also returning the matches a more specific one covers (kept as alternatives). */
export function matchSentenceAll(
  tokens: ExpandedToken[],
  dict: Dictionary,
): { kept: TermMatch[]; covered: TermMatch[] } {
  // Work on stem ids: a stem no term uses can never help a match.
  const where = new Map<number, number[]>();
  const inert = inertSources(tokens);
  const primary = primarySites(tokens);
  const named = cancersWithSite(tokens);
  const phrases = cancerPhrases(tokens);
  tokens.forEach((t, i) => {
    if (isStopWord(t.norm) || inert.has(t.source)) return;
    // The "s" of a possessive ("the patient's hemoglobin") is no letter: hemoglobin S is written "S".
    if (t.possessive) return;
    // "Metastatic breast cancer": the cancer is read from "cancer", "metastatic" only says it spread.
    if (t.expanded && t.norm !== 'secondary' && primary.leads.has(t.source)) return;
    // "ESRD secondary to diabetes and hypertension" links causes; it is not "secondary diabetes".
    if (t.norm === 'secondary' && !t.expanded && tokens.some((n) => n.source === t.source + 1 && n.norm === 'to'))
      return;
    const id = dict.stemId(t.stem);
    if (id === undefined) return;
    const list = where.get(id);
    if (list) list.push(i);
    else where.set(id, [i]);
  });
  const absent = absentPositions(tokens);
  const bound = boundPhrases(tokens);
  const found: TermMatch[] = [];
  for (const id of where.keys()) {
    for (const ti of dict.anchoredById(id)) {
      const m = tryTerm(dict, ti, id, where, tokens, absent);
      if (
        m &&
        (takesPrimarySite(m.positions, tokens, primary) ||
          joinsAcrossWith(m.positions, tokens, named) ||
          reachesPastSite(m.positions, tokens) ||
          spreadOutsideNeoplasm(dict.codeOf(ti), m.positions, tokens))
      )
        continue;
      if (m && deniesWhatIsWritten(dict.textOf(ti), m.positions, tokens)) continue;
      if (m && joinsProcedureAcrossAnd(dict.textOf(ti), m.positions, tokens)) continue;
      if (m && splitsBoundPhrase(m.positions, tokens, bound)) continue;
      if (m && skipsSubtermBeforeMain(dict, ti, m.positions, tokens)) continue;
      if (m) found.push({ term: ti, ...m });
    }
  }
  // Most sentences name no cancer: nothing to compare then.
  if (phrases.size === 0) return keepMaximal(found, dict, tokens);
  const readings = found.map((m) => ({ positions: m.positions, code: dict.codeOf(m.term) }));
  const sited = found.filter((_, i) => !passesCancerSite(readings[i]!, tokens, phrases, readings));
  return keepMaximal(sited, dict, tokens);
}

const OTHER = 'other';
/** A one-word term written in capitals: an acronym. */
const ACRONYM = /^[A-Z][A-Z0-9]{1,7}$/;
/**
 * Side and heart-chamber words (Porter stems): bound to the word beside them ("atrial
 * fibrillation with rapid ventricular response" is no ventricular fibrillation).
 */
const SIDES = new Set(['left', 'right', 'atrial', 'ventricular']);
/** Words that state what the patient does NOT have ("migraine without aura", "no esophagitis"). */
const ABSENCE = new Set(['without', 'no', 'w/o']);
const ABSENCE_SCOPE = 3;

/**
 * Positions of words the note states as absent. A match that REQUIRES such a word ("migraine with
 * aura" in "migraine without aura") may not hide the reading where the word is optional ("migraine
 * without aura"), and that reading is not negated by the "without" it expects.
 */
function absentPositions(tokens: ExpandedToken[]): Set<number> {
  const out = new Set<number>();
  tokens.forEach((t, i) => {
    if (!ABSENCE.has(t.norm)) return;
    let taken = 0;
    for (let j = i + 1; j < tokens.length && taken < ABSENCE_SCOPE; j++) {
      if (tokens[j]!.source === t.source) continue;
      if (tokens[j]!.norm === 'but' || tokens[j]!.norm === 'with') break;
      out.add(j);
      if (!isStopWord(tokens[j]!.norm)) taken++;
    }
  });
  return out;
}

function tryTerm(
  dict: Dictionary,
  ti: number,
  anchorId: number,
  where: Map<number, number[]>,
  tokens: ExpandedToken[],
  absent: Set<number>,
): Omit<TermMatch, 'term'> | undefined {
  const required = dict.requiredIds(ti);
  for (const w of required) if (!where.has(w)) return undefined;
  let best: { positions: number[]; span: number } | undefined;
  for (const a of where.get(anchorId)!) {
    const positions: number[] = [];
    let lo = Infinity;
    let hi = -Infinity;
    for (const w of required) {
      const list = where.get(w)!;
      let p = list[0]!;
      for (const q of list) if (distanceFromAnchor(tokens, a, q) < distanceFromAnchor(tokens, a, p)) p = q;
      positions.push(p);
      if (tokens[p]!.implied) continue;
      if (p < lo) lo = p;
      if (p > hi) hi = p;
    }
    // Words the context implies never make a match by themselves ("newborn" alone is not Z38.2).
    if (lo === Infinity) continue;
    // Another anchor may read the same words without taking an initialism apart.
    if (splitsAbbreviation(positions, tokens, isStopWord)) continue;
    const span = hi - lo;
    if (!best || span < best.span) best = { positions, span };
  }
  if (!best) return undefined;
  // An acronym term ("PRES", "AIDS", "PIN") is the acronym as written (or its plural), in capitals,
  // never a word sharing its stem or its letters: "pre-meal" is not PRES, a hearing "aid" is not
  // AIDS, a "pin-sized lesion" is no prostatic intraepithelial neoplasia.
  if (required.length === 1) {
    const text = dict.textOf(ti).trim();
    const token = tokens[best.positions[0]!]!;
    const plural = token.norm === `${fold(text)}s`; // "TIAs" is TIA (its capitals end before the s)
    if (ACRONYM.test(text) && !plural && (token.norm !== fold(text) || !token.upper)) return undefined;
  }
  const requiresAbsent = absent.size > 0 && best.positions.some((p) => absent.has(p));
  // Words of one term sit close together: allow the term's own length plus a few modifiers.
  if (best.span > required.length * 2 + 4 && new Set(best.positions.map((p) => tokens[p]!.source)).size > 1)
    return undefined;
  // A side belongs to the word next to it ("left pleural effusion" says nothing of the heart):
  // a required left / right (or atrial / ventricular) must sit next to another required word.
  if (required.length > 1) {
    for (let k = 0; k < required.length; k++) {
      if (!SIDES.has(dict.meta.vocab[required[k]!]!)) continue;
      const at = tokens[best.positions[k]!]!.source;
      // "left-sided paralysis": the side's own "sided" stands between them.
      const beside = (q: number) => {
        const d = Math.abs(tokens[q]!.source - at);
        if (d <= 1) return true;
        return d === 2 && tokens.some((t) => t.stem === 'side' && t.source === Math.min(at, tokens[q]!.source) + 1);
      };
      if (!best.positions.some((q, j) => j !== k && beside(q))) return undefined;
    }
  }
  const lo = Math.min(...best.positions) - 3;
  const hi = Math.max(...best.positions) + 3;
  const positions = [...best.positions];
  let optionalHits = 0;
  // An unmatched "other" costs more than an unmatched "unspecified": "other" titles are for
  // specified conditions without their own code, "unspecified" for what the note leaves open.
  let missing = 0;
  for (const w of dict.optionalIds(ti)) {
    // "NOS" of a title stems to "no": the note's "No DVT" never supplies it.
    const p = where.get(w)?.find((q) => q >= lo && q <= hi && tokens[q]!.norm !== 'no');
    if (p !== undefined) {
      positions.push(p);
      optionalHits++;
    } else missing += dict.meta.vocab[w] === OTHER ? 0.15 : 0.05;
  }
  const expectedAbsent = positions.slice(best.positions.length).filter((p) => absent.has(p));
  // The note asserts what the term says is absent ("cholecystitis" beside "choledocholithiasis
  // (without cholangitis or cholecystitis)"): the term is not this note's reading.
  if (optionalHits > 0) {
    const without = dict.withoutStems(ti);
    if (
      without.size > 0 &&
      positions.slice(best.positions.length).some((p) => !absent.has(p) && without.has(tokens[p]!.stem))
    )
      return undefined;
  }
  return {
    positions,
    score: dict.weight(ti) + 0.3 * optionalHits - missing - 0.02 * best.span,
    ...(requiresAbsent ? { requiresAbsent } : {}),
    ...(expectedAbsent.length ? { expectedAbsent } : {}),
  };
}

export function keepMaximal(
  found: TermMatch[],
  dict: Dictionary,
  tokens: ExpandedToken[],
): { kept: TermMatch[]; covered: TermMatch[] } {
  // Compare by the note's own words: "kidney" and its variant "renal" are one word of the note.
  const sets = found.map((m) => new Set(m.positions.map((p) => tokens[p]!.source)));
  // The same words at other places of the sentence ("diabetes … diabetic CKD"): a reading whose
  // stems are a strict subset of another's is the less specific one (E13.22 "other specified
  // diabetes" inside "type 2 diabetes mellitus with diabetic CKD" gives way to E11.22).
  const stemSets = found.map((m) => new Set(m.positions.map((p) => tokens[p]!.stem)));
  const stemLists = stemSets.map((x) => [...x]);
  /** Whether match j hides match i. */
  const hides = (j: number, i: number): boolean => {
    const m = found[i]!;
    const o = found[j]!;
    if (o.requiresAbsent && !m.requiresAbsent) return false;
    // A status read from the words ("shunted hydrocephalus" -> Z98.2 shunt present) does not hide
    // the condition the same words name (G91.9): both are reported (I.C.21.c.3).
    if (statusOnly(dict, o) && !statusOnly(dict, m)) return false;
    const os = stemSets[j]!;
    if (os.size > stemSets[i]!.size && stemLists[i]!.every((x) => os.has(x))) return true;
    const mine = sets[i]!;
    const other = sets[j]!;
    if (other.size < mine.size) return false;
    for (const p of mine) if (!other.has(p)) return false;
    if (other.size > mine.size) return true;
    // Same words: the reading of the note's own words beats one of our expansion of them
    // ("Neuroblastoma" is C74.90 by the Index, not the "malignant neoplasm" it expands to);
    // else the better-scoring term (ties: the shorter, more general code first).
    const ownO = o.positions.every((p) => !tokens[p]!.expanded);
    const ownM = m.positions.every((p) => !tokens[p]!.expanded);
    if (ownO !== ownM) return ownO;
    return better(o, m);
  };
  const better = (o: TermMatch, m: TermMatch) =>
    o.score > m.score || (o.score === m.score && dict.codeOf(o.term) < dict.codeOf(m.term));
  const keep: TermMatch[] = [];
  const covered: TermMatch[] = [];
  found.forEach((m, i) => {
    // Two readings may each hide the other (one has more stems, the other more of the note's
    // words when an expansion sits on one word): the better-scoring one stays, never neither.
    const dominated = found.some((o, j) => j !== i && hides(j, i) && (!hides(i, j) || better(o, m)));
    if (!dominated) keep.push(m);
    else covered.push(m);
  });
  return { kept: keep, covered };
}

/** A guideline term for a status code (Z9-: devices, implants, dependence; a history code Z8- stands for the condition instead). */
function statusOnly(dict: Dictionary, m: TermMatch): boolean {
  return dict.term(m.term).kind === 'guideline' && /^Z9/.test(dict.codeOf(m.term));
}

/** Sources of words inside an inert phrase ("sliding scale" insulin): never part of a match. */
function inertSources(tokens: ExpandedToken[]): Set<number> {
  const out = new Set<number>();
  // One stem per word of the note, as written ("PE tubes": the abbreviation is present only as its expansion).
  const written = noteWords(tokens.filter((t) => !t.implied)).map(({ source, first }) => ({
    source,
    stem: first.expanded && first.written ? stemWord(first.written) : first.stem,
  }));
  for (const sources of phraseOccurrences(written, INERT_PHRASES)) for (const s of sources) out.add(s);
  for (const source of testNameSources(tokens)) out.add(source);
  return out;
}
