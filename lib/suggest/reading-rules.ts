import type { TermSource } from '../pack/code-pack';
import { fold, stemWord } from '../text/tokens';
import { RULES, termStems } from './dictionary';

/*
 * How one term source's readings (its required and optional word stems) are adjusted before they
 * enter the match dictionary: words a reading must write although the source marks them optional,
 * and the extra readings a title's own conventions give.
 */

/** A term's reading: the stems a note must write, and those it may. */
export interface Reading {
  required: string[];
  optional: string[];
}

/** An optional word of a reading made required (the word is kept once). */
function requireWord(reading: Reading, stem: string): void {
  if (!reading.optional.includes(stem)) return;
  reading.optional = reading.optional.filter((o) => o !== stem);
  if (!reading.required.includes(stem)) reading.required.push(stem);
}

/** The source's readings, adjusted in place by the conventions of its kind (a title's eponym adds readings). */
export function adjustReadings(
  readings: Reading[],
  kind: TermSource['kind'],
  code: string,
  text: string,
  title: string,
): void {
  if (kind === 'title') readings.push(...eponymReadings(text));
  if (kind === 'inclusion') for (const r of readings) sideStatedByTitle(r, title);
  if (kind === 'index') for (const r of readings) organismNamedWhole(r, code, title);
  if (kind === 'title') for (const r of readings) injurySiteNamed(r, code, text);
  if (kind === 'neoplasm') for (const r of readings) operationSiteNamed(r, text);
}

/**
 * A side written as a nonessential modifier of an inclusion term ("Incarcerated inguinal hernia
 * (bilateral) without gangrene" under K40.0) is essential where the code's own title states that
 * side ("Bilateral inguinal hernia, …"): the term never reads a note that does not say it, as the
 * side is coded only when documented (I.B.13).
 */
function sideStatedByTitle(reading: Reading, title: string): void {
  const stated = termStems(title).required;
  for (const side of ['bilater', 'unilater']) if (stated.includes(side)) requireWord(reading, side);
}

const INJURY_SITES = new Set(RULES.injury_sites_after_unspecified.map((w) => stemWord(w)));
/**
 * Injuries are classified by site (Guidelines I.C.19.a): the body part an injury's title leaves
 * unspecified by side ("Avulsion of unspecified eye") is still a word the note must write; only
 * the side is left open.
 */
function injurySiteNamed(reading: Reading, code: string, title: string): void {
  if (!code.startsWith('S')) return;
  for (const m of fold(title).matchAll(/\bunspecified (\w+)/g)) {
    const stem = stemWord(m[1]!);
    if (INJURY_SITES.has(stem)) requireWord(reading, stem);
  }
}

/** A title ending in a bracketed eponym: "Mucocutaneous lymph node syndrome [Kawasaki]". */
const BRACKETED_EPONYM = /\[([A-Z][a-z]{3,})\]$/;

/**
 * Brackets enclose synonyms (Guidelines I.A.7): a title's closing eponym names the condition by
 * itself, and notes write it as the eponym's disease or syndrome ("Kawasaki disease" is M30.3,
 * "Devic disease" G36.0, "Tietze syndrome" M94.0). Only a title that ends in it: its site
 * subdivisions ("[Jaccoud], right shoulder") are reached by refinement.
 */
function eponymReadings(title: string): Reading[] {
  const m = BRACKETED_EPONYM.exec(title.trim());
  if (!m) return [];
  const name = stemWord(m[1]!.toLowerCase());
  return ['disease', 'syndrome'].map((head) => ({ required: [name, stemWord(head)], optional: [] }));
}

/**
 * A neoplasm at the site of an operation ("Neoplasm, breast, mastectomy site (skin)" C44.501: a
 * new tumour in the scar) needs "site" written: "mastectomy for breast cancer" names the
 * operation that treated the breast cancer, not a tumour of its scar.
 */
function operationSiteNamed(reading: Reading, text: string): void {
  if (/\b\w+(?:ectomy|stomy) site\b/i.test(text)) requireWord(reading, stemWord('site'));
}

/**
 * An infectious agent as the cause of a disease classified elsewhere (B95-B97) is read only from the
 * agent's whole name in its title: the flat Index copy keeps "Clostridium (C.)" of "Clostridium (C.)
 * perfringens, as cause ..." (B96.7), and "Clostridium difficile" is no C. perfringens.
 */
function organismNamedWhole(reading: Reading, code: string, title: string): void {
  if (!/^B9[5-7]/.test(code)) return;
  const agent = title.split(/\s*\[|\s+as (?:the )?cause\b/i)[0] ?? '';
  for (const w of termStems(agent).required)
    if (!reading.required.includes(w)) {
      reading.required.push(w);
      reading.optional = reading.optional.filter((o) => o !== w);
    }
}
