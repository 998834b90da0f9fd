import { describe, expect, it } from 'vitest';
import { averagePrecision, precisionAt, recallAt, scoreRun } from '../../../lib/eval/metrics';
import { parseGoldTsv } from '../../../lib/eval/gold';
import { CorpusModel } from '../../../lib/learn/corpus-model';

describe('CodiEsp ranking metrics', () => {
  const gold = new Set(['A', 'B', 'C']);
  it.each([
    [['A', 'B', 'C'], 1],
    [['A', 'X', 'B', 'Y', 'C'], (1 + 2 / 3 + 3 / 5) / 3],
    [['X', 'Y'], 0],
    [['A', 'A', 'B'], (1 + 2 / 3) / 3], // a repeated code counts once, at its first rank
  ])('AP of %j', (ranked, ap) => {
    expect(averagePrecision(ranked, gold)).toBeCloseTo(ap, 10);
  });

  it('P@k and R@k', () => {
    expect(precisionAt(['A', 'X', 'B', 'Y'], gold, 2)).toBe(0.5);
    expect(recallAt(['A', 'X', 'B', 'Y'], gold, 4)).toBeCloseTo(2 / 3);
  });

  it('micro F1 over the shown codes; MAP and P@k averaged over documents', () => {
    const r = scoreRun([
      { ranked: ['A', 'B'], predicted: ['A', 'B'], gold: new Set(['A']) },
      { ranked: ['C'], predicted: ['C', 'D'], gold: new Set(['C', 'E']) },
    ]);
    expect(r.map).toBeCloseTo((1 + 0.5) / 2);
    expect(r.micro.precision).toBeCloseTo(2 / 4);
    expect(r.micro.recall).toBeCloseTo(2 / 3);
    expect(r.pAt[1]).toBe(1);
  });

  it('reads the gold TSV as upper-case dotted codes', () => {
    expect([...parseGoldTsv('doc1\tr52\ndoc1\tn28.89\ndoc2\te11.9\n').get('doc1')!]).toEqual(['R52', 'N28.89']);
  });
});

describe('corpus kNN model', () => {
  const model = CorpusModel.learn([
    { text: 'renal colic with hematuria and kidney stone', codes: ['N23', 'R31.9'] },
    { text: 'kidney stone with renal colic pain', codes: ['N20.0', 'N23'] },
    { text: 'fever and cough with pneumonia on chest film', codes: ['J18.9'] },
    { text: 'cough and fever, pneumonia treated', codes: ['J18.9', 'R50.9'] },
  ]);
  it('codes of similar notes score highest', () => {
    const s = model.scores('patient with renal colic from a kidney stone', 2);
    expect([...s.keys()][0]).toBe('N23');
    expect(s.has('J18.9')).toBe(false);
  });
  it('leave-one-out never sees the note itself', () => {
    const own = model.scores('renal colic with hematuria and kidney stone', 1, 0);
    expect(own.has('R31.9')).toBe(false);
  });
});
