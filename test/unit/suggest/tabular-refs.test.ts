import { describe, expect, it } from 'vitest';
import { namedCodes } from '../../../lib/suggest/tabular-refs';

describe('namedCodes: the code prefixes in a Tabular note', () => {
  it.each([
    ['code to identify the stage (N18.1-N18.4, N18.9)', ['N18.1', 'N18.2', 'N18.3', 'N18.4', 'N18.9']],
    ['dementia with behavioral disturbance (F02.81-, F02.A1-)', ['F02.81', 'F02.A1']],
    ['heart failure (I50.-)', ['I50']],
    ['hypertension (I10-I16)', ['I10', 'I11', 'I12', 'I13', 'I14', 'I15', 'I16']],
    ['complicating abortion (O00-O07, O08.4)', ['O00', 'O01', 'O02', 'O03', 'O04', 'O05', 'O06', 'O07', 'O08.4']],
    ['insulin (Z79.4)', ['Z79.4']],
    ['the underlying physiological condition, such as:', []],
    ['CKD (chronic kidney disease) (N18.-)', ['N18']],
  ])('%s', (text, codes) => {
    expect(namedCodes(text)).toEqual(codes);
  });
});
