import type { CodePack } from '../pack/code-pack';
import type { Dictionary } from './dictionary';
import { stemWord } from '../text/tokens';
import {
  addsUnstatedCondition,
  comparedNumbers,
  compoundWords,
  mentionedAbsent,
  negatedWords,
  stageInRange,
  stemsOfPhrase,
  withClauseWords,
} from './title-words';
import { dominanceDefault } from './dominance';
import { limbRegionBonus } from './limb-region';
import { codeInfo } from './code-tree';
import { sideSibling, siteSibling } from './sibling-codes';

export interface Refined {
  code: string;
  from?: string;
  by: string[];
}

/** Words any condition's name may hold ("coronary artery disease"), and the note's "other" ("no other findings"): they select no child ("Endomyocardial disease", "Other pneumothorax"). */
const GENERIC_WORDS = new Set(['diseas', 'disord', 'other']);

/** A title that tells its condition by a cause or a link ("… secondary to cancer chemotherapy"). */
const CAUSE_CLAUSE = /\b(?:secondary|due to|induced|with|following|after)\b/i;

/*
 * From a header code to a billable one using qualifiers written in the same sentence
 * (Official Guidelines I.B.2 highest specificity, I.B.13 laterality, I.C.19.a 7th characters):
 * at each level take the child whose extra title words the sentence holds; with none, the
 * child stating an absence ("without …"), else the "unspecified" child. A code needing a 7th character gets it from the episode words: subsequent
 * -> D, sequela -> S, open fracture -> B, else A (initial; a fracture not said to be open is closed, I.C.19.c.1).
 */
export function refineToBillable(pack: CodePack, dict: Dictionary, code: string, written: Set<string>): Refined {
  // One side written is one side affected: "osteoarthritis of the right knee" is the Index's
  // "Osteoarthritis, knee, unilateral" (M17.1-), then the right knee.
  const oneSide = written.has('right') !== written.has('left') && !written.has('both') && !written.has('bilater');
  const sentenceStems = oneSide ? new Set([...written, 'unilater']) : written;
  let current = code;
  const by: string[] = [];
  for (let depth = 0; depth < 5; depth++) {
    const hit = codeInfo(pack, current);
    if (!hit || hit.billable) break;
    const children = hit.children.filter((c) => c.code.length > current.length);
    const sevenChr =
      children.length === 0 || children.every((c) => c.code.replace('.', '').length === 7)
        ? pack.sevenChrFor(current)
        : undefined;
    const sevenOnly = Boolean(sevenChr) && children.length > 0;
    if (children.length > 0 && !sevenOnly) {
      const parentStems = dict.titleStems(current);
      let best = children[0]!;
      let bestScore = -Infinity;
      let bestWords: string[] = [];
      for (const c of children) {
        const stems = dict.titleStems(c.code);
        // A word the header already says in another form adds nothing ("pancreatic" in "…of
        // pancreatic duct" is the header's "pancreas": the child's own word is "duct").
        const extra = [...stems].filter((s) => !parentStems.has(s) && !sameWordAs(s, parentStems));
        // A "with …" clause is stated only with its last word ("with status asthmaticus" is not
        // read from "status post"): its other words alone select nothing.
        const unstatedClause = new Set(
          withClauseWords(c.title)
            .filter((w) => w.length > 0 && !sentenceStems.has(w[w.length - 1]!))
            .flat(),
        );
        // A circumstance clause is stated only whole: "respirator dependence during power failure"
        // is not read from "ventilator dependent respiratory failure".
        const during = /\bduring ([^,;]+)/i.exec(c.title)?.[1];
        if (during && !stemsOfPhrase(during).every((w) => sentenceStems.has(w))) continue;
        // "…, so stated" is the Tabular's word for a name the provider must write whole: "sinus
        // rhythm" after a supraventricular tachycardia is no "inappropriate sinus tachycardia".
        const soStated = /^(.*), so stated$/i.exec(c.title)?.[1];
        if (soStated && !stemsOfPhrase(soStated).every((w) => sentenceStems.has(w) || parentStems.has(w))) continue;
        // Words a child says are absent ("without mention of back pain") never select it.
        // A child's "not X" is selected by X only where the sentence says "not" too.
        const absentWords = [...mentionedAbsent(c.title), ...(sentenceStems.has('not') ? [] : negatedWords(c.title))];
        // A hyphenated compound is stated only whole: "status post" is not "post-traumatic".
        const partCompound = new Set(
          compoundWords(c.title)
            .filter((parts) => !parts.every((w) => sentenceStems.has(w)))
            .flat(),
        );
        // A bound ("less than 8 weeks") is not the value: "8 to 9 weeks" is no "less than 8".
        const bounds = comparedNumbers(c.title, sentenceStems);
        const hits = extra.filter(
          (s) =>
            sentenceStems.has(s) &&
            !unstatedClause.has(s) &&
            !partCompound.has(s) &&
            !bounds.includes(s) &&
            !absentWords.includes(s) &&
            !GENERIC_WORDS.has(s),
        );
        // Never more severe than written: a child naming a stage, type or grade the sentence does
        // not state ("with stage 5 chronic kidney disease or end stage renal disease" for a
        // stage 3a note) is out, whatever other words it shares; a stage inside a written range
        // ("stage 1 through stage 4") counts as stated.
        const inRange = stageInRange(c.title, sentenceStems);
        if (inRange) hits.push(inRange);
        const unstated = extra.filter((s) => s.includes('#') && !sentenceStems.has(s));
        if (!inRange && unstated.length > 0 && unstated.length === extra.filter((s) => s.includes('#')).length)
          continue;
        if (/\bend stage\b/i.test(c.title) && !/\bend stage\b/i.test(hit.title) && !sentenceStems.has('end')) continue;
        // An episode is coded as current only when the note says so ("currently", "at present", "now",
        // "episode"): "bipolar disorder with mania and depression" describes the illness, not a
        // current depressed episode (F31.9, not F31.30).
        if (
          /\bcurrent episode\b/i.test(c.title) &&
          !/\bcurrent episode\b/i.test(hit.title) &&
          !['current', 'episod', 'present', 'now'].some((w) => sentenceStems.has(w))
        )
          continue;
        // With no qualifier written, the default reading: the child that states an absence
        // ("without complications" E11.9, "without status migrainosus", "uncomplicated") over
        // "unspecified" (which for E11.8 means complications of an unstated kind).
        const own = ownWords(c.title, hit.title);
        // A child that names a condition of its own (no word of the header's: "Ventricular bigeminy"
        // under "Other specified cardiac arrhythmias") is that condition only when the sentence
        // states most of it: "ventricular" alone is no bigeminy, "syndrome" no Kabuki syndrome. A child
        // told by its cause ("Agranulocytosis secondary to cancer chemotherapy" under "Neutropenia")
        // is selected by the cause the sentence states.
        const named = extra.filter((s) => !GENERIC_WORDS.has(s) && s !== 'unilater');
        const namesOwn =
          !CAUSE_CLAUSE.test(c.title) && [...stems].every((w) => !parentStems.has(w) && !sameWordAs(w, parentStems));
        if (namesOwn && hits.length > 0 && hits.length * 2 <= named.length) continue;
        // Only when the absence is ALL the child adds: "…, current episode manic without psychotic
        // features" documents a manic episode the note may not state (never a more specific
        // reading than written).
        // ...unless the sentence states what it says is absent ("without mention of back pain" for
        // "low back syndrome with lumbar degenerative disc disease").
        const contradicted = /^[\s,]*without mention of\b/i.test(own) && absentWords.some((w) => sentenceStems.has(w));
        const absenceOnly =
          !contradicted &&
          /^[\s,]*(without|uncomplicated|not intractable|not specified as|not having achieved remission)\b/i.test(own);
        // The residual child ("… not elsewhere classified", "other specified") is what a header
        // reached with no further words means; never a named sibling (I49.8 "sinus arrhythmia" is
        // I49.89, not I49.81 Brugada syndrome).
        // A child that is the header itself, "unspecified" (G43.9 "Migraine, unspecified"), or the
        // header's own title when that title is an unspecified one (J18.9 under J18 "Pneumonia,
        // unspecified organism", never J18.0 Bronchopneumonia), comes first: beside it, an absence
        // names a type the note does not ("Migraine without aura").
        const fallback =
          /^[\s,]*unspecified[\s,.]*$/i.test(own) || (!own.trim() && /unspecified/i.test(hit.title))
            ? 0.7
            : absenceOnly
              ? 0.6
              : /unspecified/i.test(own)
                ? 0.5
                : /\bnot elsewhere classified\b|^[\s,]*other\b/i.test(own)
                  ? 0.4
                  : 0;
        // Never more severe than written: with no word of its own in the sentence, a child that adds
        // a "with …" clause (a complication: "with gangrene", "with obstruction") or both sides
        // (bilateral is coded only when documented, I.B.13) comes after every child that does not
        // (K40 "Inguinal hernia" is K40.90, never K40.11 "bilateral …, with gangrene, recurrent").
        const bothUnstated = extra.includes('bilater') && !sentenceStems.has('bilater') && !sentenceStems.has('both');
        // "unilateral" read from one written side chooses among siblings; it is no word of the
        // condition, so it does not make a child's unstated "with gangrene" stated.
        const said = hits.filter((h) => h !== 'unilater' || written.has('unilater')).length;
        const assumes = (said === 0 && addsUnstatedCondition(own, sentenceStems)) || bothUnstated;
        // Never a side the note does not write: a child named for one side ("Cellulitis of right
        // upper limb") loses what its other words won when the sentence says no side (I.B.13: the
        // unspecified side, "unspecified part of limb", is the reading then).
        const sideUnwritten =
          /\b(?:right|left)\b/i.test(own) &&
          !['right', 'left', 'bilater', 'both'].some((w) => written.has(w) || sentenceStems.has(w));
        const score =
          hits.length * 2 -
          (sideUnwritten ? 2 : 0) +
          (hits.length === 0 ? fallback : 0) -
          0.01 * (extra.length - hits.length) -
          (assumes ? 1 : 0) +
          dominanceDefault(c.title, sentenceStems) +
          limbRegionBonus(c.title, sentenceStems);
        if (score > bestScore) {
          best = c;
          bestScore = score;
          bestWords = hits;
        }
      }
      by.push(...bestWords);
      current = best.code;
      continue;
    }
    if (sevenChr) {
      const chars = sevenChr.values.map((v) => v.char);
      const has = (s: string) => sentenceStems.has(s);
      let ch = 'A';
      if (has('sequela')) ch = 'S';
      else if (has('subsequ') || has('follow')) ch = 'D';
      // An open fracture, not the "open reduction" that treats a closed one.
      else if (has('open') && !has('reduct') && chars.includes('B')) ch = 'B';
      if (!chars.includes(ch)) ch = chars[0] ?? 'A';
      const base = current.replace('.', '').padEnd(6, 'X');
      const full = `${base.slice(0, 3)}.${base.slice(3)}${ch}`;
      if (codeInfo(pack, full)) {
        by.push(`7th character ${ch}`);
        current = full;
      }
      break;
    }
    break;
  }
  const sited = siteSibling(pack, dict, current, sentenceStems);
  if (sited) {
    by.push(...sited.by);
    current = sited.code;
  }
  const sided = oneSide ? sideSibling(pack, current, written.has('right') ? 'right' : 'left') : undefined;
  if (sided) {
    const within = refineToBillable(pack, dict, sided, written);
    by.push(written.has('right') ? 'right' : 'left', ...within.by);
    current = within.code;
  }
  return current === code ? { code, by } : { code: current, from: code, by };
}

/**
 * What a child's title adds to its parent's: the parent's words at its start, compared as word
 * stems ("Neoplasms of unspecified behavior" heads "Neoplasm of unspecified behavior of breast",
 * which adds "of breast"; its "unspecified" is the parent's, not an unspecified site).
 */
function ownWords(fullChild: string, parent: string): string {
  // A bracketed abbreviation in a title ("Acute lymphoblastic leukemia [ALL]", "[MALT-lymphoma]")
  // is no word of the condition: the children may repeat it or not.
  const child = fullChild.replace(/\s*\[[^\]]*\]/g, '');
  const words = [...child.matchAll(/[a-z0-9]+/gi)];
  const head = [...parent.replace(/\s*\[[^\]]*\]/g, '').matchAll(/[a-z0-9]+/gi)].map((m) =>
    stemWord(m[0].toLowerCase()),
  );
  let k = 0;
  while (k < head.length && k < words.length && stemWord(words[k]![0].toLowerCase()) === head[k]) k++;
  if (k < head.length) return child;
  return k === words.length ? '' : child.slice(words[k]!.index);
}

/** A stem that is another form of one of `stems` ("pancreat" beside "pancrea"): one begins with the other. */
function sameWordAs(stem: string, stems: Set<string>): boolean {
  if (stem.length < 5) return false;
  for (const p of stems) if (p.length >= 5 && (stem.startsWith(p) || p.startsWith(stem))) return true;
  return false;
}
