import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { StemExceptionsSchema, stemWord, tokenize } from '../../../lib/text/tokens';
import { splitSentences } from '../../../lib/text/sentences';
import { detectSections } from '../../../lib/text/sections';
import { expandTokens } from '../../../lib/text/expand';
import { applyContext } from '../../../lib/text/context';
import { AbbreviationsSchema, ContextRulesSchema, SectionsSchema, SynonymsSchema } from '../../../lib/text/schemas';

describe('tokens keep offsets into the original text', () => {
  it.each([
    ['Type-2 DM', ['type', '2', 'dm']],
    ['s/p MI, h/o CKD', ['s/p', 'mi', 'h/o', 'ckd']],
    // Two words written as alternatives are two words; short abbreviations and fractions stay whole.
    ['sprain/strain at 3/7 w/o fever', ['sprain', 'strain', 'at', '3/7', 'w/o', 'fever']],
    // A two-letter word after the slash is a word too ("do not resuscitate/do not intubate").
    ['resuscitate/do not intubate, mg/dl', ['resuscitate', 'do', 'not', 'intubate', 'mg/dl']],
    ['Fièvre', ['fievre']],
  ])('%s', (text, norms) => {
    const toks = tokenize(text);
    expect(toks.map((t) => t.norm)).toEqual(norms);
    for (const t of toks)
      expect(
        text
          .slice(t.start, t.end)
          .toLowerCase()
          .normalize('NFKD')
          .replace(/[\u0300-\u036f]/g, ''),
      ).toBe(t.norm);
  });
});

describe('sentences', () => {
  it.each([
    ['One. Two.', ['One.', 'Two.']],
    ['Seen by Dr. Smith today. Stable.', ['Seen by Dr. Smith today.', 'Stable.']],
    ['BP 120/80; HR 70\nNo distress', ['BP 120/80;', 'HR 70', 'No distress']],
    ['Dose 2.5 mg daily. Next.', ['Dose 2.5 mg daily.', 'Next.']],
  ])('%j', (text, expected) => {
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(expected);
  });
});

describe('sections', () => {
  const note =
    'Chief complaint: cough\nHPI: 3 days of cough.\nFamily History:\nMother with diabetes.\nAssessment:\n1. Bronchitis\nPlan: rest';
  it.each([
    ['cough\n', 'chief_complaint'],
    ['3 days', 'hpi'],
    ['Mother with', 'family_history'],
    ['Bronchitis', 'assessment'],
    ['rest', 'plan'],
  ])('"%s" is in %s', (needle, name) => {
    const at = note.indexOf(needle);
    expect(detectSections(note).find((s) => at >= s.start && at < s.end)?.name).toBe(name);
  });

  it('prose that merely contains a heading word is not a section', () => {
    expect(detectSections('Her history is long.\nShe is well.').map((s) => s.name)).toEqual(['preamble']);
  });
});

describe('abbreviations and variants expand at the same offsets', () => {
  it.each([
    ['HTN', ['hypertension']],
    ['CKD 3b', ['chronic', 'kidney', 'disease', '3b']],
    ['MI', ['myocardial', 'infarction']],
    ['mi', ['mi']], // case 'upper': lower-case "mi" is not myocardial infarction
    ['distal radius', ['distal', 'lower', 'end', 'of', 'radius', 'radius']],
  ])('%s', (text, norms) => {
    const exp = expandTokens(tokenize(text));
    expect(exp.map((t) => t.norm)).toEqual(norms);
    for (const t of exp) expect(t.end).toBeLessThanOrEqual(text.length);
  });
});

describe('ConText assertions', () => {
  const assertionOf = (sentence: string, word: string) => {
    const toks = tokenize(sentence);
    const i = toks.findIndex((t) => t.norm === word);
    return applyContext(toks).assertionOf(i);
  };
  it.each([
    ['Patient denies chest pain.', 'pain', 'negated'],
    ['No evidence of pneumonia.', 'pneumonia', 'negated'],
    ['Chest x-ray was negative for pneumonia.', 'pneumonia', 'negated'],
    ['Cough, rule out pneumonia.', 'pneumonia', 'possible'],
    ['Rule out pneumonia given cough and fever.', 'fever', 'present'],
    ['Her mother had breast cancer.', 'breast', 'family'],
    ['Breast cancer in her mother.', 'breast', 'family'],
    // A spouse's condition is another person's, and no family history; a spouse who noticed is the informant.
    ['Her husband has been diagnosed with high blood cholesterol as well.', 'cholesterol', 'other_person'],
    ['A bit of sore throat (his wife has had a cold for about 2 weeks).', 'cold', 'other_person'],
    ['Her spouse is also overweight.', 'overweight', 'other_person'],
    ['Her husband has noticed that she has a tremor.', 'tremor', 'present'],
    ['History of MI in 2015.', 'mi', 'historical'],
    // A duration says how long the patient has had it, not that it is past.
    ['She has a 7-day history of abdominal pain.', 'pain', 'present'],
    ['A long history of asthma.', 'asthma', 'present'],
    ['Greater than one-week history of cough.', 'cough', 'present'],
    ['It is unknown whether the patient has diabetes.', 'diabetes', 'possible'],
    ['She came for what appeared to be shortness of breath.', 'breath', 'possible'],
    ['He would need dialytic support.', 'dialytic', 'hypothetical'],
    ['Plan snacks to prevent hypoglycemia.', 'hypoglycemia', 'hypothetical'],
    ['She used to be a smoker, not anymore.', 'smoker', 'historical'],
    ['Return if fever develops.', 'fever', 'hypothetical'],
    ['No increase in pain.', 'pain', 'present'],
    ['No fever but productive cough.', 'cough', 'present'],
    ['Patient has diabetes.', 'diabetes', 'present'],
  ])('%s -> %s is %s', (sentence, word, expected) => {
    expect(assertionOf(sentence, word)).toBe(expected);
  });
});

describe('text-layer data files', () => {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../lib/text/data');
  const schemas: Record<string, { parse(x: unknown): unknown }> = {
    'abbreviations.json': AbbreviationsSchema,
    'synonyms.json': SynonymsSchema,
    'sections.json': SectionsSchema,
    'context-rules.json': ContextRulesSchema,
    'stem-exceptions.json': StemExceptionsSchema,
  };
  it('every data file has a strict schema and passes it', () => {
    expect(readdirSync(dir).sort()).toEqual(Object.keys(schemas).sort());
    for (const [f, schema] of Object.entries(schemas))
      expect(() => schema.parse(JSON.parse(readFileSync(path.join(dir, f), 'utf8')))).not.toThrow();
  });
  it('stem exceptions keep a device apart from a substance class (inhaler vs inhalant)', () => {
    expect(stemWord('inhaler')).not.toBe(stemWord('inhalant'));
    expect(stemWord('inhalers')).toBe(stemWord('inhaler'));
  });
  it('a Latin plural stems like its singular (calculi, calculus)', () => {
    expect(stemWord('calculi')).toBe(stemWord('calculus'));
  });
  it('words that name Object.prototype members stem like any word', () => {
    for (const w of ['constructor', 'tostring', 'valueof', 'hasownproperty']) expect(typeof stemWord(w)).toBe('string');
  });
  it('unknown keys are rejected', () => {
    expect(() =>
      ContextRulesSchema.parse({
        about: 'x',
        rules: [{ literal: 'no', category: 'NEGATED_EXISTENCE', direction: 'FORWARD', scope: 3 }],
      }),
    ).toThrow();
    expect(() =>
      AbbreviationsSchema.parse({ about: 'x', entries: [{ abbr: 'a', expansion: 'b', case: 'any', note: 'x' }] }),
    ).toThrow();
  });
});
