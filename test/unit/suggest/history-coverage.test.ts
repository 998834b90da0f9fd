import { describe, expect, it } from 'vitest';
import { inRange, parseClassifiable } from '../../../lib/suggest/history-coverage';

describe('"Conditions classifiable to …" notes of the history codes', () => {
  it('reads ranges, single codes and "category.-" forms; refuses anything else', () => {
    expect(parseClassifiable('C15-C26')).toEqual([['C15', 'C26']]);
    expect(parseClassifiable('C00-C14, C40-C49, C69-C79')).toEqual([
      ['C00', 'C14'],
      ['C40', 'C49'],
      ['C69', 'C79'],
    ]);
    expect(parseClassifiable('C50.-')).toEqual([['C50', 'C50']]);
    expect(parseClassifiable('C80.1')).toEqual([['C80.1', 'C80.1']]);
    expect(parseClassifiable('I00-I5A, I65-I99')).toEqual([
      ['I00', 'I5A'],
      ['I65', 'I99'],
    ]);
    expect(parseClassifiable('diseases of the skin')).toBeUndefined();
    expect(parseClassifiable('')).toBeUndefined();
  });

  it('a condition is in a range when its code lies between the bounds at their length', () => {
    expect(inRange('C18.9', ['C15', 'C26'])).toBe(true);
    expect(inRange('C27', ['C15', 'C26'])).toBe(false);
    expect(inRange('C14.8', ['C15', 'C26'])).toBe(false);
    expect(inRange('I5A', ['I00', 'I5A'])).toBe(true);
    expect(inRange('I52', ['I00', 'I5A'])).toBe(true);
    expect(inRange('I60.9', ['I00', 'I5A'])).toBe(false);
    expect(inRange('C80.1', ['C80.1', 'C80.1'])).toBe(true);
    expect(inRange('C80.0', ['C80.1', 'C80.1'])).toBe(false);
    expect(inRange('d12.6', ['D12', 'D12'])).toBe(true);
  });
});
