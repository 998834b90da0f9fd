import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFrame } from '../../utils/content/capture/capture';
import { notANoteReason } from '../../utils/content/capture/not-a-note';
import { loadPageFixture } from '../helpers/dom-fixtures';

/** Issue 12 item 5: a page that is not a visit note (a schedule, a worklist) gets no codes. */
describe('a schedule or patient list is not a visit note', () => {
  it('the schedule page: no note, and why, in the coder’s words; the banner facts are still read', () => {
    loadPageFixture('ehr-schedule.html');
    const reading = readFrame(document, undefined);
    expect(reading.note).toBeUndefined();
    expect(reading.noNote).toBe('it shows a schedule or a list of patients');
  });

  it('a worklist as text (times, names, reasons in rows) is not a note; rows of dates without times too', () => {
    const worklist = [
      'Time\tPatient\tReason',
      '8:00 AM\tDoe, J\tDiabetes follow-up',
      '8:15 AM\tRoe, K\tChest pain',
      '8:30 AM\tPoe, L\tHypertension',
      '8:45 AM\tMoe, M\tKnee pain',
      '9:00 AM\tLoe, N\tCough',
    ].join('\n');
    expect(notANoteReason(worklist)).toBeDefined();
    const list = [
      'Patient\tDOB\tLast visit',
      'Doe, J\t01/02/1950\t11/20/2026',
      'Roe, K\t03/04/1961\t11/21/2026',
      'Poe, L\t05/06/1972\t11/22/2026',
      'Moe, M\t07/08/1983\t11/23/2026',
    ].join('\n');
    expect(notANoteReason(list)).toBeDefined();
  });

  it('visit notes stay notes: the fixture notes, the sample note, a note with a timed vitals flowsheet', () => {
    for (const page of [
      'ehr-textarea.html',
      'ehr-contenteditable.html',
      'ehr-react-note.html',
      'ehr-two-notes-today.html',
    ]) {
      loadPageFixture(page);
      const reading = readFrame(document, undefined);
      expect(reading.noNote, page).toBeUndefined();
    }
    expect(notANoteReason(readFileSync('data/samples/visit-note.txt', 'utf8'))).toBeUndefined();
    const flowsheet = [
      'Chief complaint: shortness of breath since this morning.',
      'Vitals:',
      '08:00 BP 150/90 HR 104 SpO2 91%',
      '08:30 BP 142/88 HR 98 SpO2 94%',
      '09:00 BP 138/84 HR 92 SpO2 96%',
      '09:30 BP 130/80 HR 88 SpO2 97%',
      'Assessment: Acute exacerbation of chronic obstructive pulmonary disease. Improved after nebulized albuterol.',
      'Plan: prednisone 40 mg daily for 5 days. Follow up in one week.',
    ].join('\n');
    expect(notANoteReason(flowsheet)).toBeUndefined();
  });
});
