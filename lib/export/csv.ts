import Papa from 'papaparse';
import type { CodedSummary } from '../summary/schema';

/** One row per claim item (diagnosis or service line), for spreadsheets and simple imports. */
export function summaryCsv(s: CodedSummary): string {
  const rows: (string | number)[][] = [];
  for (const d of s.diagnoses)
    rows.push([s.encounter.dateOfService, 'diagnosis', d.pointer, d.code, 'ICD-10-CM', '', '', '', '', d.description]);
  s.lines.forEach((l, i) =>
    rows.push([
      l.date ?? s.encounter.dateOfService,
      'service',
      i + 1,
      l.code,
      l.system,
      l.modifiers.join(' '),
      l.units,
      l.pointers.join(''),
      l.charge ?? '',
      l.description,
    ]),
  );
  return Papa.unparse({
    fields: [
      'date_of_service',
      'kind',
      'position',
      'code',
      'system',
      'modifiers',
      'units',
      'pointers',
      'charge',
      'description',
    ],
    data: rows,
  });
}
