import { z } from 'zod';
import newbornData from './data/newborn.json';
import type { CodePack } from '../pack/code-pack';
import type { NoteDocument, Statement } from '../document/document';
import type { Suggestion } from './schema';
import { guidelineSuggestion } from './guideline-suggestion';
import { phrasePattern } from '../text/regex';

const Band = z.strictObject({
  code: z.string().regex(/^P07\.\d\d$/),
  min: z.number().int().nonnegative(),
  max: z.number().int().positive(),
});
const Words = z.array(z.string().min(1)).min(1);
export const NewbornDataSchema = z.strictObject({
  about: z.string(),
  max_age_days: z.number().int().positive(),
  term_weeks: z.number().int().positive(),
  strong: Words,
  weak: Words,
  maternal: Words,
  not_premature: Words,
  preterm_words: Words,
  extreme_words: Words,
  weeks: z.array(Band).min(1),
  unspecified_weeks: z.strictObject({
    preterm: z.string().regex(/^P07\.\d\d$/),
    extreme: z.string().regex(/^P07\.\d\d$/),
  }),
  grams: z.array(Band).min(1),
  low_weight_words: z.record(z.string().regex(/^P07\.\d\d$/), Words),
});
const DATA = NewbornDataSchema.parse(newbornData);

const STRONG = phrasePattern(DATA.strong);
const WEAK = phrasePattern(DATA.weak);
const MATERNAL = phrasePattern(DATA.maternal);
const TERM = phrasePattern(DATA.not_premature);
const EXTREME = phrasePattern(DATA.extreme_words);
const PRETERM = new RegExp(
  `${phrasePattern(DATA.preterm_words).source}(?=\\s+(?:infant|newborn|neonate|baby|male|female|boy|girl|twins?)\\b|(?<=born \\w+))`,
  'i',
);
const LOW_WEIGHT = Object.entries(DATA.low_weight_words).map(([code, words]) => ({ code, re: phrasePattern(words) }));
/** "14-day-old", "3 weeks old", "2 days of age", "36 hours old". */
const AGE =
  /\b(\d{1,3})[- ](hour|day|week|month|year)s?[- ]old\b|\b(\d{1,3}) (hour|day|week|month|year)s? (?:old|of age)\b/gi;
/**
 * Someone else's age: "her 21-month-old daughter", "a 3-year-old sister". A child or baby is the
 * patient ("a 14-month-old baby boy") unless a possessive says whose ("her 2-month-old baby").
 */
const OTHER_PERSON = /^\s*(?:daughter|son|sister|brother|sibling|mother|father|grand\w*)\b/i;
/** "29-3/7-week gestation", "29 weeks' gestational age", "GA 29+3", "ex-29-weeker", "born at 29 weeks", "29-week preterm". */
const GESTATION = [
  /\b(\d{2})(?:\s*(?:and\s+)?[- ]?\d\s*\/\s*7)?\s*[- ]?\s*(?:weeks?|wks?)'?(?:\s+\d\s*days?)?\s+(?:of\s+)?(?:gestation|gestational|GA\b|EGA\b)/i,
  /\b(?:gestational age|EGA|GA)(?:\s+(?:of|was|is))?\s*:?\s*(\d{2})(?:\s*(?:and\s+)?[- +]\s*\d(?:\s*\/\s*7)?)?\s*(?:weeks?|wks?)?/,
  /\bex[- ]?(\d{2})[- ]?(?:weeks?|wks?|weeker)\b|\b(\d{2})[- ]?weeker\b/i,
  /\bborn (?:at|@) (\d{2})(?:\s*(?:and\s+)?[- ]?\d\s*\/\s*7)?\s*(?:weeks?|wks?)\b/i,
  /\b(\d{2})[- ]?(?:weeks?|wks?) (?:preterm|premature|preemie|infant|newborn|neonate|baby)\b/i,
];
/** The patient named by gestational age: "29-3/7-week gestation infant", "ex-29-weeker", "32-week preterm". */
const GESTATION_INFANT =
  /\b\d{2}(?:\s*(?:and\s+)?[- ]?\d\s*\/\s*7)?\s*[- ]?\s*(?:weeks?|wks?)'?\s+(?:(?:of\s+)?gestation(?:al age)?\s+)?(?:infant|newborn|neonate|baby|male|female|boy|girl|preemie|preterm|premature)\b|\bex[- ]?\d{2}[- ]?(?:weeks?|wks?|weeker)\b|\b\d{2}[- ]?weeker\b/i;
const BIRTH_WEIGHT =
  /\b(?:birth\s*weight|birthweight|BW|weigh(?:ed|ing|t)\b(?=[^.]*\bat birth\b))\s*(?:of|was|is|:|=)?\s*(\d[\d,]*(?:\.\d+)?)\s*(g|gm|gms|grams|kg|kilograms|lb|lbs|pounds?)\b(?:,?\s*(\d{1,2}(?:\.\d)?)\s*(?:oz|ounces?)\b)?/i;

/** "an 1812 g baby boy born by vaginal delivery": the weight the baby was born with. */
const BORN_WEIGHING =
  /\b(\d[\d,]{2,4})\s*(g|gm|gms|grams)\s+(?:[a-z-]+\s+)?(?:baby|infant|newborn|neonate|male|female|boy|girl)\b(?=[^.]*\bborn\b)()/i;

/** Statements that can speak of the patient: not the family history, not a sentence about the mother. */
function ownStatements(doc: NoteDocument): { st: Statement; text: string }[] {
  return doc.statements
    .filter((st) => st.section.role !== 'family')
    .map((st) => ({ st, text: doc.view.slice(st.start, st.end) }))
    .filter(({ text }) => !/\b(?:mother|mom|maternal)\b/i.test(text));
}

/** The patient's stated age in days (the first age the note gives for the patient), if any. */
export function ageInDays(doc: NoteDocument): number | undefined {
  for (const { st, text } of ownStatements(doc)) {
    if (st.section.role === 'social') continue;
    AGE.lastIndex = 0;
    for (let m = AGE.exec(text); m; m = AGE.exec(text)) {
      if (
        OTHER_PERSON.test(text.slice(m.index + m[0].length)) ||
        /\b(?:her|his|their)\s*$/i.test(text.slice(0, m.index)) ||
        // "born by vaginal delivery to a 32-year-old gravida 3": the mother's age.
        /\bto an?\s*$/i.test(text.slice(0, m.index))
      )
        continue;
      const n = Number(m[1] ?? m[3]);
      const unit = (m[2] ?? m[4])!.toLowerCase();
      return unit === 'hour'
        ? n / 24
        : unit === 'day'
          ? n
          : unit === 'week'
            ? n * 7
            : unit === 'month'
              ? n * 30
              : n * 365;
    }
  }
  return undefined;
}

/**
 * Whether the patient is a newborn (perinatal period, birth through the 28th day; I.C.16): the first
 * stated age decides; without one, words that name the patient a newborn (NICU, neonate, baby boy,
 * a gestational-age infant), or "newborn" in a record that is not the mother's (I.C.16.a.1).
 */
export function isNewborn(doc: NoteDocument): boolean {
  const age = ageInDays(doc);
  if (age !== undefined) return age <= DATA.max_age_days;
  const own = ownStatements(doc).map((s) => s.text);
  if (own.some((t) => STRONG.test(t) || GESTATION_INFANT.test(t))) return true;
  // "newborn", or a bare gestational age, in a record that may be the mother's (I.C.16.a.1).
  return own.some((t) => WEAK.test(t) || GESTATION.some((re) => re.test(t))) && !own.some((t) => MATERNAL.test(t));
}

interface Found {
  code: string;
  st: Statement;
  span: { start: number; end: number };
  note: string;
}

/**
 * Prematurity and low birth weight (P07) for a newborn, from the provider's own record of
 * gestational age and birth weight (I.C.16.d): the birth-weight code first, then the gestational
 * age; nothing for a term baby. Both follow the reason for the encounter on the claim.
 */
export function newbornSuggestions(pack: CodePack, doc: NoteDocument, release: string): Suggestion[] {
  if (!isNewborn(doc)) return [];
  const own = ownStatements(doc);
  const weight = birthWeight(own);
  const weeks = gestationalAge(own);
  const out: Suggestion[] = [];
  for (const f of [weight, weeks]) {
    if (!f) continue;
    const s = guidelineSuggestion(pack, f.code, release, {
      text: doc.text,
      spans: [f.span],
      section: f.st.section.kind,
      matched: doc.text.slice(f.span.start, f.span.end),
      note: f.note,
    });
    if (s?.billable) out.push(s);
  }
  return out;
}

function gestationalAge(own: { st: Statement; text: string }[]): Found | undefined {
  for (const { st, text } of own) {
    for (const re of GESTATION) {
      const m = re.exec(text);
      if (!m) continue;
      const weeks = Number(m[1] ?? m[2]);
      if (weeks < 20 || weeks > 44) continue;
      const span = { start: st.start + m.index, end: st.start + m.index + m[0].length };
      if (weeks >= DATA.term_weeks) return undefined;
      const band = DATA.weeks.find((b) => weeks >= b.min && weeks <= b.max);
      if (band)
        return {
          code: band.code,
          st,
          span,
          note: `gestational age ${weeks} completed weeks documented: prematurity by completed weeks (I.C.16.d)`,
        };
    }
  }
  if (own.some(({ text }) => TERM.test(text) && !PRETERM.test(text))) return undefined;
  for (const { st, text } of own) {
    const m = EXTREME.exec(text) ?? PRETERM.exec(text);
    if (!m || /\b(?:no|not|without|rule out|possible)\b[^.]{0,20}$/i.test(text.slice(0, m.index))) continue;
    const code = EXTREME.test(m[0]) ? DATA.unspecified_weeks.extreme : DATA.unspecified_weeks.preterm;
    return {
      code,
      st,
      span: { start: st.start + m.index, end: st.start + m.index + m[0].length },
      note: 'prematurity documented without weeks of gestation: unspecified weeks (I.C.16.d)',
    };
  }
  return undefined;
}

function birthWeight(own: { st: Statement; text: string }[]): Found | undefined {
  for (const { st, text } of own) {
    const m = BIRTH_WEIGHT.exec(text) ?? BORN_WEIGHING.exec(text);
    if (!m) continue;
    const value = Number(m[1]!.replace(/,/g, ''));
    const unit = m[2]!.toLowerCase();
    const grams = unit.startsWith('k')
      ? value * 1000
      : unit.startsWith('l') || unit.startsWith('p')
        ? value * 453.592 + Number(m[3] ?? 0) * 28.3495
        : value;
    const span = { start: st.start + m.index, end: st.start + m.index + m[0].length };
    const band = DATA.grams.find((b) => Math.round(grams) >= b.min && Math.round(grams) <= b.max);
    if (band)
      return {
        code: band.code,
        st,
        span,
        note: `birth weight ${Math.round(grams)} g recorded: low birth weight by grams, sequenced before gestational age (I.C.16.d)`,
      };
    return undefined;
  }
  for (const { st, text } of own) {
    for (const { code, re } of LOW_WEIGHT) {
      const m = re.exec(text);
      if (m)
        return {
          code,
          st,
          span: { start: st.start + m.index, end: st.start + m.index + m[0].length },
          note: 'low birth weight documented without grams (I.C.16.d)',
        };
    }
  }
  return undefined;
}
