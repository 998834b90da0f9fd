import { describe, expect, it } from 'vitest';
import { levelAlternatives } from '../../../lib/suggest/index-alternatives';

describe('the alternatives one Index subterm writes', () => {
  it.each([
    // "or" between single words, or after shared leading words
    ['intervertebral cartilage or disc', ['intervertebral cartilage', 'intervertebral disc']],
    ['lymph gland or node', ['lymph gland', 'lymph node']],
    ['infection or inflammation', ['infection', 'inflammation']],
    // a list of one kind of word: each alone
    ['neuritis, radiculitis or radiculopathy', ['neuritis', 'radiculitis', 'radiculopathy']],
    // a qualifier before the list stays with each alternative
    ['knee, meniscus or cartilage', ['knee meniscus', 'knee cartilage']],
    ['pneumococcal, acute or subacute', ['pneumococcal acute', 'pneumococcal subacute']],
    ['amniotic fluid, sac or cavity', ['amniotic fluid sac', 'amniotic fluid cavity']],
    // nonessential words stay with each
    ['(intervertebral) cartilage or disc', ['cartilage (intervertebral)', 'disc (intervertebral)']],
  ])('%s -> %j', (level, alternatives) => {
    expect(levelAlternatives(level)).toEqual(alternatives);
  });

  it.each([
    'cervix, cervical', // a comma list without "or": forms are also other things' words
    'cartilage, vertebra',
    'with or following ectopic or molar pregnancy',
    '4500 grams or more',
  ])('%s stays one reading', (level) => {
    expect(levelAlternatives(level)).toEqual([level]);
  });
});
