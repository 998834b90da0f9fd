import type { CodedSummary } from '../summary/schema';

/**
 * The claim-information part of an X12 005010X222A1 (837P) claim: CLM, HI (loop 2300) and per
 * service line LX / SV1 / DTP*472 (loop 2400). Envelopes (ISA/GS/ST), submitter, billing provider,
 * subscriber and payer loops belong to the billing system and are not produced here.
 * HI: first diagnosis ABK (principal), the others ABF; codes without the dot (X12 convention).
 * SV1-1: HC:code:modifiers; SV1-2 charge; SV1-3 UN; SV1-4 units; SV1-7 pointers as 1..4 (A..L -> 1..12).
 */
export const SEGMENT = '~';
export const ELEMENT = '*';
export const COMPONENT = ':';

const clean = (v: string) => v.replace(/[~*:^]/g, ' ');

export function summaryTo837pFragment(s: CodedSummary, claimId = 'CC1'): string {
  const segs: string[][] = [];
  const total = s.lines.reduce((t, l) => t + (l.charge ?? 0), 0);
  segs.push([
    'CLM',
    clean(claimId),
    total.toFixed(2),
    '',
    '',
    [s.encounter.placeOfService, 'B', '1'].join(COMPONENT),
    'Y',
    'A',
    'Y',
    'Y',
  ]);
  // HI holds at most 12 diagnosis composites.
  segs.push(['HI', ...s.diagnoses.map((d, i) => [i === 0 ? 'ABK' : 'ABF', d.code.replace('.', '')].join(COMPONENT))]);
  const seq = new Map(s.diagnoses.map((d, i) => [d.pointer, i + 1]));
  s.lines.forEach((l, i) => {
    segs.push(['LX', String(i + 1)]);
    segs.push([
      'SV1',
      ['HC', l.code, ...l.modifiers].join(COMPONENT),
      (l.charge ?? 0).toFixed(2),
      'UN',
      String(l.units),
      '',
      '',
      l.pointers.map((p) => String(seq.get(p))).join(COMPONENT),
    ]);
    segs.push(['DTP', '472', 'D8', (l.date ?? s.encounter.dateOfService).replace(/-/g, '')]);
  });
  return segs.map((e) => e.join(ELEMENT).replace(/\*+$/, '') + SEGMENT).join('\n');
}
