import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../lib/document/document';
import { postoperativeWindow, priorProceduresInNote } from '../../../lib/checks/rules/postoperative-visit-in-global';

/*
 * The postoperative period of an earlier operation (Medicare Claims Processing Manual Chapter 12
 * §40.1): 090 = 90 days after the day of surgery, 010 = 10 days, 000 = none after the day itself.
 * With the operation's code (a claim history) the period is read from the fee schedule; from the
 * note's words alone only the bound is known.
 */
describe('postoperativeWindow', () => {
  it.each([
    [{ daysBefore: 45, code: '27447' }, 'inside'], // total knee arthroplasty, 090
    [{ daysBefore: 90, code: '27447' }, 'inside'],
    [{ daysBefore: 91, code: '27447' }, 'outside'],
    [{ daysBefore: 8, code: '10060' }, 'inside'], // incision and drainage, 010
    [{ daysBefore: 12, code: '10060' }, 'outside'],
    [{ daysBefore: 3, code: '20610' }, 'outside'], // joint injection, 000
    [{ daysBefore: 8 }, 'inside'],
    [{ daysBefore: 30 }, 'inside-if-major'],
    [{ daysBefore: 120 }, 'outside'],
    [{ daysBefore: 0 }, 'outside'], // the same day is global-surgery-em's
    [{}, 'undated'],
  ] as const)('%j -> %s', (prior, expected) => {
    expect(postoperativeWindow(prior)).toBe(expected);
  });
});

describe('priorProceduresInNote', () => {
  const days = (note: string, dos = '2026-03-01') =>
    priorProceduresInNote(parseDocument(note), dos).map((p) => p.daysBefore);

  it('reads relative times, dates in three forms and "yesterday" next to an operation', () => {
    expect(days('HPI: She had a laparoscopic cholecystectomy two weeks ago.')).toEqual([14]);
    expect(days('HPI: Status post ORIF of the left ankle on February 24, 2026.')).toEqual([5]);
    expect(days('HPI: Knee arthroscopy 2026-02-20, doing well.')).toEqual([9]);
    expect(days('HPI: Hernia repair 2/27/26 with mild pain.')).toEqual([2]);
    expect(days('HPI: Carpal tunnel release yesterday; the dressing is dry.')).toEqual([1]);
  });

  it('ignores times with no operation near them, impossible dates, plans and family history', () => {
    expect(days('HPI: Back pain that started 3 weeks ago after lifting.')).toEqual([]);
    expect(days('HPI: Knee arthroscopy on 02/31/2026.')).toEqual([]);
    expect(days('PLAN: Right knee arthroscopy next week; post-op visit 2 weeks after surgery.')).toEqual([]);
    expect(days('FAMILY HISTORY: Mother had a mastectomy 2 months ago.')).toEqual([]);
  });

  it('a postoperative day or visit without a date is postoperative, undated', () => {
    expect(days('HOSPITAL COURSE: On postoperative day #2 the drain was removed.')).toEqual([undefined]);
    expect(days('REASON FOR VISIT: Post-op check after hernia repair.')).toEqual([undefined]);
  });
});
