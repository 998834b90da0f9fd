import { readCodeList } from '../../lib/claim/code-list';
import { summaryToCms1500 } from '../../lib/export/cms1500';
import { summaryCsv } from '../../lib/export/csv';
import { summaryToFhirClaim } from '../../lib/export/fhir-claim';
import { printableSummary } from '../../lib/export/printable';
import { summaryText } from '../../lib/export/text';
import { summaryTo837pFragment } from '../../lib/export/x12-837p';
import { buildSummary } from '../../lib/summary/build';
import { isoDate } from '../input';
import { UsageError, type GlobalOptions } from '../output';
import { openPack } from './pack-loader';

export const EXPORT_FORMATS = ['text', 'csv', 'fhir', '837p', 'cms1500', 'html'] as const;

/**
 * The billing hand-off from the command line: a code list (the `check` syntax) becomes the coded
 * summary, written in one of the hand-off formats. The list is read strictly (lib/claim/code-list):
 * an entry that is not a code as written, an unknown code, a header or a code not valid on the date
 * of service stops the export with every problem in one line — a hand-off is never written with them.
 * Limits (12 diagnoses, 4 modifiers, 50 lines) fail with the summary's own messages.
 */
export async function exportCommand(
  a: { codes: string; format: string; patientName?: string; memberId?: string; dob?: string; provider?: string },
  opts: GlobalOptions,
): Promise<void> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(a.format))
    throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  const dateOfService = opts.date ?? new Date().toISOString().slice(0, 10);
  if (a.dob !== undefined) {
    isoDate(a.dob, '--dob');
    if (a.dob > dateOfService) throw new UsageError(`--dob ${a.dob} is after the date of service ${dateOfService}`);
  }
  if (!a.codes.trim())
    throw new UsageError('--codes is empty: give the codes to export, e.g. "E11.22,N18.32,99214-25"');
  // The releases in force on the date of service answer (today's without --date), said once on stderr.
  const { pack } = await openPack({ ...opts, date: dateOfService });
  const { diagnoses, services, problems } = readCodeList(a.codes, pack, dateOfService);
  if (problems.length)
    throw new UsageError(
      `export refused, ${problems.length} problem${problems.length > 1 ? 's' : ''} in --codes: ${problems.map((p) => p.message).join('; ')}`,
    );
  let summary;
  try {
    summary = buildSummary(
      {
        dateOfService,
        setting: opts.setting ?? 'office',
        ...(a.provider ? { renderingProvider: a.provider } : {}),
        diagnoses: diagnoses.map((d) => d.code),
        services: services.map((s) => ({ code: s.code, modifiers: s.modifiers, units: s.units })),
        patient: {
          ...(a.patientName ? { name: a.patientName } : {}),
          ...(a.dob ? { dob: a.dob } : {}),
          ...(a.memberId ? { memberId: a.memberId } : {}),
          confirmed: false,
        },
      },
      pack,
    );
  } catch (e) {
    const issues = (e as { issues?: { path: (string | number)[]; message: string }[] }).issues;
    if (issues) throw new UsageError(issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    throw e;
  }
  const out =
    a.format === 'fhir'
      ? JSON.stringify(summaryToFhirClaim(summary), null, 2)
      : a.format === '837p'
        ? summaryTo837pFragment(summary)
        : a.format === 'cms1500'
          ? JSON.stringify(summaryToCms1500(summary), null, 2)
          : a.format === 'csv'
            ? summaryCsv(summary)
            : a.format === 'html'
              ? printableSummary(summary)
              : opts.json
                ? JSON.stringify(summary, null, 2)
                : summaryText(summary);
  // --json keeps stdout pure JSON whatever the format: a text format travels as a string.
  const jsonNative = a.format === 'fhir' || a.format === 'cms1500' || a.format === 'text';
  process.stdout.write(
    `${opts.json && !jsonNative ? JSON.stringify({ format: a.format, content: out }, null, 2) : out}\n`,
  );
}
