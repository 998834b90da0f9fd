import { MAX_DIAGNOSES, type CodedSummary } from '../summary/schema';

/**
 * CMS-1500 (02/12) box 21 (ICD indicator 0 = ICD-10-CM, diagnoses A-L) and box 24 (six service
 * lines per form: 24A dates, 24B place of service, 24D code + up to 4 modifiers, 24E pointers as
 * letters, 24F charges, 24G units). More than six lines continue on further pages, each repeating
 * box 21 (the pointers refer to it). Printed without the dot, as the form instructions ask.
 */
export const LINES_PER_PAGE = 6;

export interface Cms1500Line {
  from: string;
  to: string;
  pos: string;
  code: string;
  modifiers: [string, string, string, string];
  pointers: string;
  charges: string;
  units: string;
}

export interface Cms1500Page {
  page: number;
  of: number;
  box21: { icdInd: '0'; diagnoses: Record<string, string> };
  box24: Cms1500Line[];
  /** Box 28 of this page: total of its lines. */
  totalCharge: string;
}

const mmddyy = (iso: string) => `${iso.slice(5, 7)} ${iso.slice(8, 10)} ${iso.slice(2, 4)}`;

export function summaryToCms1500(s: CodedSummary): Cms1500Page[] {
  if (s.diagnoses.length > MAX_DIAGNOSES)
    throw new Error(`box 21 holds ${MAX_DIAGNOSES} diagnoses; this summary has ${s.diagnoses.length}`);
  const diagnoses = Object.fromEntries(s.diagnoses.map((d) => [d.pointer, d.code.replace('.', '')]));
  const chunks: CodedSummary['lines'][] = [];
  for (let i = 0; i < Math.max(1, s.lines.length); i += LINES_PER_PAGE)
    chunks.push(s.lines.slice(i, i + LINES_PER_PAGE));
  return chunks.map((lines, i) => ({
    page: i + 1,
    of: chunks.length,
    box21: { icdInd: '0', diagnoses },
    box24: lines.map((l) => {
      const d = mmddyy(l.date ?? s.encounter.dateOfService);
      const m = [...l.modifiers, '', '', '', ''].slice(0, 4) as Cms1500Line['modifiers'];
      return {
        from: d,
        to: d,
        pos: s.encounter.placeOfService,
        code: l.code,
        modifiers: m,
        pointers: l.pointers.join(''),
        charges: (l.charge ?? 0).toFixed(2),
        units: String(l.units),
      };
    }),
    totalCharge: lines.reduce((t, l) => t + (l.charge ?? 0), 0).toFixed(2),
  }));
}
