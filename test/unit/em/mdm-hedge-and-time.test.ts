import { describe, expect, it } from 'vitest';
import { classify } from '../../../lib/em/problem-classes';
import { findTotalTime } from '../../../lib/em/time';
import type { EmStatement } from '../../../lib/em/note-view';

/*
 * A threatening condition named only as a possibility is an uncertain diagnosis, not a threat to
 * life (work-up words such as "rule out" keep their weight); the author's own timed discussion is
 * time documented.
 */
const unit = (text: string) => ({
  head: { text, start: 0, end: text.length } as unknown as EmStatement,
  headText: text,
  headStart: 0,
  context: [],
});

describe('a threatening condition named only as a possibility', () => {
  it.each([
    ['There was a suggestion of a bilateral lower lobe pneumonitis or pneumonia.', 'undiagnosed'],
    ['He felt that she probably had usual interstitial pneumonitis.', 'undiagnosed'],
    ['Pneumonitis.', 'threat'],
    ['Aspiration pneumonitis, on antibiotics.', 'threat'],
    ['Rule out aspiration pneumonitis; chest CT today.', 'threat'],
  ])('"%s" -> %s', (text, cls) => {
    expect(classify(unit(text))?.class).toBe(cls);
  });
});

describe('time written as the length of the author’s discussion', () => {
  it.each([
    ['I had a 30-minute discussion with patient about all of this.', 30],
    ['We had a 45 minute family meeting about goals of care.', 45],
    ['This was a 25-minute visit.', 25],
  ])('"%s" -> %i minutes', (text, minutes) => {
    expect(findTotalTime(text)?.minutes).toBe(minutes);
  });
  it.each([
    'She had a 30-minute discussion with the dietitian.',
    'He walks for 30 minutes a day and had a discussion about diet.',
  ])('"%s": not the author’s time', (text) => {
    expect(findTotalTime(text)).toBeUndefined();
  });
});
