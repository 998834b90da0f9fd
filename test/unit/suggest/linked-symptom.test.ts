import { describe, expect, it } from 'vitest';
import { symptomLinkedToDiagnosis } from '../../../lib/suggest/linked-symptom';

/** Spans of the first occurrence of each phrase in the text. */
const at = (text: string, phrase: string) => {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`${phrase} not in ${text}`);
  return [{ start, end: start + phrase.length }];
};
const linked = (text: string, symptom: string, ...diagnoses: string[]) =>
  symptomLinkedToDiagnosis(
    text,
    at(text, symptom),
    diagnoses.map((d) => at(text, d)),
  );

describe('a symptom tied to a diagnosis by the provider is part of it (I.B.5)', () => {
  it.each([
    [
      'Carpal tunnel syndrome of the right hand with pain, numbness and tingling.',
      'numbness',
      'Carpal tunnel syndrome',
    ],
    ['Vomiting due to gastroenteritis.', 'Vomiting', 'gastroenteritis'],
    ['Headache secondary to sinusitis.', 'Headache', 'sinusitis'],
    ['Dyspnea (heart failure).', 'Dyspnea', 'heart failure'],
    ['Chest pain consistent with angina.', 'Chest pain', 'angina'],
  ])('%s', (text, symptom, dx) => {
    expect(linked(text, symptom, dx)).toBe(true);
  });
});

describe('a symptom only listed beside a diagnosis is a problem of its own (I.B.6)', () => {
  it.each([
    ['Atrial fibrillation and shortness of breath.', 'shortness of breath', 'Atrial fibrillation'],
    [
      'Cervicalgia, cervical radiculopathy, and difficulty swallowing.',
      'difficulty swallowing',
      'Cervicalgia',
      'cervical radiculopathy',
    ],
    ['Dysphagia and esophageal spasm.', 'Dysphagia', 'esophageal spasm'],
    ['Headache and diplopia; hypertension.', 'Headache', 'hypertension'],
  ])('%s', (text, symptom, ...dx) => {
    expect(linked(text, symptom, ...dx)).toBe(false);
  });

  it('one tie among several diagnoses is enough', () => {
    expect(
      linked('Hypertension, and chest pain due to costochondritis.', 'chest pain', 'Hypertension', 'costochondritis'),
    ).toBe(true);
  });

  it('words that overlap the diagnosis are its words', () => {
    expect(linked('Low back pain.', 'back pain', 'Low back pain')).toBe(true);
  });
});
