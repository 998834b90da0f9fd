import { noteWords, type ExpandedToken, type NoteWord } from '../text/expand';
import { isCancerWord } from '../text/primary-site';

/** The words that name the cancer in "metastatic breast cancer" ("cancer" reads as its expansion). */
const CANCER = new Set(['cancer', 'carcinoma', 'adenocarcinoma', 'malignancy', 'melanoma', 'sarcoma']);
/**
 * Sites where "metastatic X cancer" names where the cancer went rather than where it began
 * ("metastatic bone cancer", "metastatic liver cancer"): left to the secondary reading.
 */
const SPREAD_SITES = new Set(['bone', 'osseous', 'brain', 'liver', 'hepatic', 'lymph', 'node', 'nodal']);
/** Words that end the run of site words before the cancer word ("disease to the bone from prostate"). */
const BREAK = new Set(['to', 'from', 'of', 'in', 'with', 'and', 'or', 'the', 'disease', 'metastatic', 'secondary']);
const MAX_SITE_WORDS = 4;

const isCancer = (w: NoteWord) =>
  w.norms.some((n) => CANCER.has(n)) ||
  (w.norms.includes('malignant') && w.norms.includes('neoplasm') && !w.norms.includes('secondary'));

export interface PrimarySites {
  /** Sources of the site words written with a cancer word ("breast" in "breast cancer"). */
  sites: Set<number>;
  /** Sources of a "metastatic" that leads such a phrase ("metastatic breast cancer"). */
  leads: Set<number>;
}

/**
 * The site written with the cancer word, before it or after its "of", is the primary's ("breast cancer with metastases",
 * "metastatic breast cancer": a breast cancer that has spread; the Index's "Metastasis, cancer,
 * from specified site - see Neoplasm, malignant"). The spread is read from "to <site>" or the
 * sites named apart (I.C.2): the secondary reading that "metastatic" or "metastases" expands to
 * may not take the primary's site words.
 */
export function primarySites(tokens: ExpandedToken[]): PrimarySites {
  const out: PrimarySites = { sites: new Set(), leads: new Set() };
  if (!tokens.some((t) => t.norm === 'secondary' && t.expanded)) return out;
  const words = noteWords(tokens);
  words.forEach((w, i) => {
    if (!isCancer(w)) return;
    const run: NoteWord[] = [];
    for (let k = i - 1; k >= 0 && run.length < MAX_SITE_WORDS; k--) {
      const x = words[k]!;
      // Words of one phrase: a space or a hyphen between them, no sentence punctuation.
      if (words[k + 1]!.start - x.end > 2 || isCancer(x) || x.norms.some((n) => BREAK.has(n))) break;
      run.push(x);
    }
    // "Carcinoma of the cervix metastatic to the lung", "... with metastases": the site after "of",
    // followed by the spread, is the primary's too.
    const of = words[i + 1];
    if (of && of.norms[0] === 'of' && of.start - w.end <= 2) {
      let k = i + 2;
      if (words[k]?.norms[0] === 'the') k++;
      const site: NoteWord[] = [];
      for (; k < words.length && site.length < MAX_SITE_WORDS; k++) {
        const x = words[k]!;
        if (x.start - words[k - 1]!.end > 2 || isCancer(x) || x.norms.some((m) => BREAK.has(m))) break;
        site.push(x);
      }
      const spread = (x: NoteWord | undefined) => x !== undefined && x.norms.some((m) => /^metasta/.test(m));
      if (spread(words[k]) || (words[k]?.norms[0] === 'with' && spread(words[k + 1])))
        for (const x of site) out.sites.add(x.source);
    }
    if (run.length === 0) return;
    const lead = words[i - run.length - 1];
    const adjacent = lead && run[run.length - 1]!.start - lead.end <= 2;
    const metastatic = adjacent && lead.norms[0] === 'metastatic';
    if (metastatic && run.some((x) => x.norms.some((n) => SPREAD_SITES.has(n)))) return;
    for (const x of run) out.sites.add(x.source);
    if (metastatic) out.leads.add(lead.source);
  });
  return out;
}

/** A secondary reading (from "metastatic", "metastases") that takes the primary's site words is not this note's. */
export function takesPrimarySite(positions: number[], tokens: ExpandedToken[], primary: PrimarySites): boolean {
  if (primary.sites.size === 0) return false;
  const secondary = positions.some((p) => tokens[p]!.expanded && tokens[p]!.norm === 'secondary');
  return secondary && positions.some((p) => primary.sites.has(tokens[p]!.source));
}

/**
 * Cancer words written with their site before them ("lung carcinoma"), by source: that cancer is
 * the site's. A reading that takes such a cancer word together with words after a following "with"
 * ("lung carcinoma with left malignant pleural effusion") makes a second primary of another
 * condition's site (C38.4 pleura): one cancer word names one primary (I.C.2).
 */
export function cancersWithSite(tokens: ExpandedToken[]): Set<number> {
  const out = new Set<number>();
  // Read for every sentence: the words are grouped only when a reading could join across a "with".
  if (!tokens.some((t) => t.norm === 'with') || !tokens.some((t) => CANCER.has(t.norm) || t.norm === 'malignant'))
    return out;
  const words = noteWords(tokens);
  words.forEach((w, i) => {
    const before = words[i - 1];
    if (!isCancer(w) || !before || w.start - before.end > 2 || isCancer(before)) return;
    if (before.norms.some((n) => BREAK.has(n))) return;
    out.add(w.source);
  });
  return out;
}

/** A reading that joins a site-named cancer word to words after a "with" that follows it. */
export function joinsAcrossWith(positions: number[], tokens: ExpandedToken[], named: Set<number>): boolean {
  if (named.size === 0) return false;
  // The spread ("prostate cancer with metastatic disease to his bladder") is the secondary's reading.
  if (positions.some((p) => tokens[p]!.norm === 'secondary')) return false;
  const cancer = positions.find((p) => named.has(tokens[p]!.source));
  if (cancer === undefined) return false;
  const last = Math.max(...positions);
  for (let k = cancer + 1; k < last; k++) if (tokens[k]!.norm === 'with' && !tokens[k]!.expanded) return true;
  return false;
}

/**
 * A reading that takes a cancer named by its site ("from appendiceal primary") with a word written
 * before that site ("Peritoneal"): the site is the one written with "primary". Words of a cancer
 * or its spread ("metastases": secondary neoplasm) are not sites.
 */
export function reachesPastSite(positions: number[], tokens: ExpandedToken[]): boolean {
  const from = positions.map((p) => tokens[p]!.siteFrom).find((s) => s !== undefined);
  return from !== undefined && positions.some((p) => tokens[p]!.source < from && !isCancerWord(tokens[p]!.norm));
}

/** Neoplasm codes: malignant, in situ, benign and of uncertain or unspecified behavior (C00-D49). */
const NEOPLASM = /^(?:C|D[0-3]|D4[0-9])/;

/**
 * "Metastatic lesions" reads as a secondary neoplasm: the "secondary" that "metastatic" or
 * "metastases" stands for names the spread of a cancer, never another condition's secondary form
 * ("Lesion, secondary" of syphilis A51.49).
 */
export function spreadOutsideNeoplasm(code: string, positions: number[], tokens: ExpandedToken[]): boolean {
  if (NEOPLASM.test(code)) return false;
  return positions.some((p) => tokens[p]!.expanded && tokens[p]!.norm === 'secondary');
}

/** Words that join two sites named for one cancer word ("breast and colon cancer"). */
const COORDINATION = new Set(['and', 'or']);
/** Words that end a cancer's own phrase besides BREAK ("resection for colon CA", "surgeries including"). */
const PHRASE_END = new Set([...BREAK, 'for', 'including', 'after', 'following', 'post', 'status', 'by', 'at', 'on']);
const MAX_PHRASE_WORDS = 8;

/** A cancer word's own phrase: the word right before it and where its run of words begins. */
export interface CancerPhrase {
  /** Source of the word right before the cancer word ("colon" in "colon CA"). */
  site: number;
  /** Source of the first word of the phrase ("right" in "right middle lobe lung cancer"). */
  from: number;
}

/** The phrase written before each cancer word, by the cancer word's source. */
export function cancerPhrases(tokens: ExpandedToken[]): Map<number, CancerPhrase> {
  const out = new Map<number, CancerPhrase>();
  if (!tokens.some((t) => CANCER.has(t.norm) || t.norm === 'malignant')) return out;
  const words = noteWords(tokens);
  words.forEach((w, i) => {
    if (!isCancer(w)) return;
    let k = i - 1;
    for (; k >= 0 && i - 1 - k < MAX_PHRASE_WORDS; k--) {
      const x = words[k]!;
      if (words[k + 1]!.start - x.end > 2 || isCancer(x) || x.norms.some((n) => PHRASE_END.has(n))) break;
    }
    if (k + 1 <= i - 1) out.set(w.source, { site: words[i - 1]!.source, from: words[k + 1]!.source });
  });
  return out;
}

/**
 * A reading that takes a cancer word written with its site ("colon CA") without that site, and
 * with a word written before the cancer's own phrase ("abdominal surgeries including colon
 * resection for colon CA"), gives the cancer another site than its own (I.C.2), when another
 * reading of the sentence takes the site word with the cancer word into another category (so the
 * word is a site, and another one: "Right lung, upper lobe: Bronchioloalveolar carcinoma" is lung
 * both ways). A coordination of sites ("breast and colon cancer") names both.
 */
export function passesCancerSite(
  reading: { positions: number[]; code: string },
  tokens: ExpandedToken[],
  phrases: Map<number, CancerPhrase>,
  others: { positions: number[]; code: string }[],
): boolean {
  const positions = reading.positions;
  const src = (p: number) => tokens[p]!.source;
  const sources = new Set(positions.map(src));
  for (const p of positions) {
    const phrase = phrases.get(src(p));
    if (!phrase || sources.has(phrase.site)) continue;
    const far = positions.filter((q) => src(q) < phrase.from && !isCancerWord(tokens[q]!.norm));
    if (far.length === 0) continue;
    const coordinated = (from: number) =>
      noteWords(tokens.filter((t) => t.source > from && t.source < phrase.from && !t.expanded)).every((w) =>
        w.norms.some((n) => COORDINATION.has(n)),
      );
    if (far.every((q) => coordinated(src(q)))) continue;
    const sited = others.some(
      (o) =>
        o.code.slice(0, 3) !== reading.code.slice(0, 3) &&
        o.positions.some((q) => src(q) === src(p)) &&
        o.positions.some((q) => src(q) === phrase.site),
    );
    if (sited) return true;
  }
  return false;
}
