import { describe, expect, it } from 'vitest';
import type { CodePack } from '../../../lib/pack/code-pack';
import { parseDocument } from '../../../lib/document/document';
import { isNewborn, newbornSuggestions } from '../../../lib/suggest/newborn';
import { SuggestionSchema } from '../../../lib/suggest/schema';

const PACK = {
  codeInfo: (code: string) => ({ code, title: `title of ${code}`, billable: true, children: [] }),
} as unknown as CodePack;
const codes = (note: string) => newbornSuggestions(PACK, parseDocument(note), 'FY2026').map((s) => s.code);
const newborn = (note: string) => isNewborn(parseDocument(note));

describe('isNewborn: the perinatal period, birth through day 28 (I.C.16)', () => {
  it.each([
    'HPI: A 14-day-old was seen because of a blister.',
    'HPI: 3 days old male with jaundice.',
    'HISTORY: Baby boy, XYZ, is a 29-3/7-week gestation infant.',
    'HPI: Ex-29-weeker in the NICU.',
    'ASSESSMENT: Neonate with poor feeding.',
    'ASSESSMENT: Newborn with hypoglycemia.',
  ])('newborn: %s', (note) => expect(newborn(note)).toBe(true));

  it.each([
    'HPI: 6-month-old ex-29-weeker with bronchiolitis.',
    'HPI: A 35-year-old female. She delivered a healthy newborn yesterday.',
    'HPI: A 34-year-old, gravida 2, at 30 weeks gestation.',
    'SOCIAL HISTORY: Lives with her 3-week-old daughter.\nHPI: Cough.',
    'HPI: A 1-month-old with fever.',
  ])('not a newborn: %s', (note) => expect(newborn(note)).toBe(false));
});

describe('prematurity and low birth weight (P07, I.C.16.d)', () => {
  it('completed weeks of gestation', () => {
    expect(codes('HISTORY: Baby boy, XYZ, is a 29-3/7-week gestation infant.')).toEqual(['P07.32']);
    expect(codes('HPI: 2-day-old born at 25 weeks.')).toEqual(['P07.24']);
    expect(codes('HPI: 5-day-old ex-36-weeker.')).toEqual(['P07.39']);
    expect(codes('HPI: 1-day-old, gestational age 31 2/7 weeks.')).toEqual(['P07.34']);
  });

  it('birth weight first when both are recorded; grams, kilograms, pounds and ounces', () => {
    expect(codes('HPI: 3-week-old ex-32-weeker, birth weight 3 lb 8 oz.')).toEqual(['P07.16', 'P07.35']);
    expect(codes('NICU admission. Preterm infant, 30 weeks gestation. Birth weight 1,320 grams.')).toEqual([
      'P07.15',
      'P07.33',
    ]);
    expect(codes('NICU admission. Birth weight 0.68 kg, 24 weeks gestation.')).toEqual(['P07.02', 'P07.23']);
  });

  it('prematurity documented without weeks: the unspecified-weeks code', () => {
    expect(codes('ASSESSMENT: Preterm infant with apnea. Day of life 4.')).toEqual(['P07.30']);
    expect(codes('ASSESSMENT: Extremely premature newborn.')).toEqual(['P07.20']);
  });

  it('each suggestion carries its words and the guideline', () => {
    const [s] = newbornSuggestions(
      PACK,
      parseDocument('HISTORY: Baby boy is a 29-3/7-week gestation infant.'),
      'FY2026',
    );
    expect(SuggestionSchema.parse(s)).toMatchObject({ code: 'P07.32', evidence: [{ text: '29-3/7-week gestation' }] });
    expect(s!.reason.note).toMatch(/29 completed weeks.*I\.C\.16\.d/);
  });

  it.each([
    'HPI: A 2-day-old term newborn, 39 weeks gestation.',
    'HPI: 14-day-old. She was born full term. No complications.',
    'HPI: Newborn. His mother had premature rupture of membranes.',
    'HPI: Newborn. The mother had a history of premature babies.',
    'HPI: 2-day-old, birth weight 3,400 grams.',
    'HPI: 6-month-old ex-29-weeker, birth weight 1,200 grams.',
    'HPI: A 34-year-old at 30 weeks gestation with preterm labor.',
  ])('nothing: %s', (note) => expect(codes(note)).toEqual([]));
});
