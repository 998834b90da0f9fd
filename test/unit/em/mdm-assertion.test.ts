import { describe, expect, it } from 'vitest';
import { levelEncounter } from '../../../lib/em/em';
import { assertionAt } from '../../../lib/em/problem-classes';
import { deniesOnly } from '../../../lib/em/problem-units';

/*
 * Negated or hypothetical words never raise an MDM problem: the E/M reader asks the note's
 * assertion stage (ConText) about each condition word it would count, a statement that only denies
 * is no problem, a hedge about a time or a plan is no uncertain diagnosis, and a word inside a
 * disease or service name ("graft-versus-host", "critical care") is not a status word.
 */

/** One assessment line next to a stable chronic illness, levelled as an established visit. */
function problemsOf(line: string) {
  const note =
    'CHIEF COMPLAINT: Follow-up.\nHISTORY OF PRESENT ILLNESS: Seen today for follow-up.\n' +
    `ASSESSMENT:\nHypertension, stable.\n${line}\nPLAN: Return in two weeks.`;
  const r = levelEncounter(note, 'established');
  const mine = r.mdm.details.problems.filter((p) => !/^Hypertension/.test(p.text));
  return { level: r.mdm.problems, mine };
}

describe('negated or hypothetical words never raise a problem', () => {
  it.each([
    ['a fall-risk line that denies falls', 'Completed and there was no history of falls.'],
    [
      'a mood state that does not meet criteria',
      'The patient reports some up periods, which do not meet most criteria for a bipolar disorder or manic states.',
    ],
    ['a hedge about a time of day', 'This will likely be around 2:30 or 3 p.m. for her.'],
  ])('%s is not a problem', (_what, line) => {
    const { level, mine } = problemsOf(line);
    expect(mine).toEqual([]);
    expect(level).toBe('low');
  });

  it.each([
    [
      'a disease feared if a treatment is used',
      'DVT prophylaxis with SCDs, although I do not know if we need to worry about DIC which the SCDs may worsen.',
      ['acute'],
    ],
    [
      '"versus" inside a disease name',
      'Depressive disorder secondary to graft-versus-host reaction.',
      ['chronic-stable'],
    ],
    ['"critical" inside a service name', 'Asthma. I will call critical care if she needs help.', ['chronic-stable']],
  ])('%s does not raise the class', (_what, line, classes) => {
    const { mine } = problemsOf(line);
    expect(mine.map((p) => p.class)).toEqual(classes);
  });

  it.each([
    ['a problem named before its negation', 'Chest pain, no radiation.', 'acute', 'low'],
    [
      'a problem named after a negation that ends ("now")',
      'A 45-year-old woman with no children now presenting with recurrent depressive symptoms and active suicidal ideation.',
      'threat',
      'high',
    ],
    ['a real differential', 'Pneumonia versus bronchitis.', 'undiagnosed', 'moderate'],
    ['a stated DIC', 'Disseminated intravascular coagulation (DIC).', 'threat', 'high'],
    ['a mood state that is present', 'Bipolar disorder, currently manic.', 'chronic-severe', 'high'],
    ['a critically ill patient', 'Asthma exacerbation, critically ill.', 'chronic-severe', 'high'],
  ])('%s still counts', (_what, line, cls, level) => {
    const r = problemsOf(line);
    expect(r.mine.map((p) => p.class)).toEqual([cls]);
    expect(r.level).toBe(level);
  });
});

describe('the assertion and denial helpers', () => {
  it.each([
    ['there was no history of falls', 'falls', 'negated'],
    ['to know if we need to worry about DIC', 'DIC', 'hypothetical'],
    ['deep vein thrombosis prophylaxis', 'thrombosis', 'hypothetical'],
    ['worsening of her DIC today', 'DIC', 'present'],
    ['chest pain, no radiation', 'chest', 'present'],
  ])('%j: "%s" is %s', (text, word, assertion) => {
    expect(assertionAt(text, text.indexOf(word))).toBe(assertion);
  });

  it.each([
    ['Completed and there was no history of falls.', true],
    ['She denies any chest pain or shortness of breath.', true],
    ['Chest pain, no radiation.', false],
    ['Hypertension without end-organ damage.', false],
    ['No acute distress but new onset atrial fibrillation.', false],
    ['Follow-up in two weeks.', false],
  ])('%j denies only: %s', (text, denies) => {
    expect(deniesOnly(text)).toBe(denies);
  });
});
