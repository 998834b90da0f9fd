import { isFamily } from '../../lib/domain/visit-family';
import { emAnswersFrom } from '../../lib/em/edition';
import { familyLabel, levelEncounter, type EmResult, type VisitKind } from '../../lib/em/em';
import { readTextFile } from '../input';
import { print, UsageError, type GlobalOptions, wrapText } from '../output';

/** Short names accepted by --visit besides the family ids. */
const ALIASES: Record<string, VisitKind> = {
  consult: 'inpatient-consult',
  'office-consultation': 'office-consult',
  'inpatient-consultation': 'inpatient-consult',
  emergency: 'ed',
  well: 'preventive',
  'nursing-facility': 'nursing-subsequent',
  snf: 'nursing-subsequent',
  home: 'home-established',
  critical: 'critical-care',
};

/** The families --visit takes, grouped by place (every family of lib/em, checked by a test). */
const VISIT_GROUPS: [string, VisitKind[]][] = [
  ['office', ['new', 'established', 'office-consult', 'preventive', 'eye', 'disability']],
  ['emergency department', ['ed']],
  ['hospital', ['initial', 'subsequent', 'same-day', 'discharge', 'inpatient-consult', 'critical-care']],
  ['nursing facility', ['nursing-initial', 'nursing-subsequent', 'nursing-discharge']],
  ['home or residence', ['home-new', 'home-established']],
];

/** The `--visit` help line: auto, then every family by place. */
export const VISIT_HELP = `auto (read from the note) | ${VISIT_GROUPS.map(([place, ids]) => `${ids.join(' | ')} (${place})`).join(' | ')}`;

/** Every family id --visit offers, in the help's order. */
export const VISIT_CHOICES: readonly VisitKind[] = VISIT_GROUPS.flatMap(([, ids]) => ids);

/**
 * `em --note <file> [--visit <family>] [--date d]`: what the answer comes from (rules edition, date), the family (read from the note, or given), the level
 * supported by time or MDM and why, and what the next level needs; preventive visits by age, eye and
 * disability examinations by extent, critical care and discharge days by time.
 */
export async function emCommand(o: { note: string; visit?: string }, opts: GlobalOptions): Promise<void> {
  const visit = o.visit === undefined || o.visit === 'auto' ? undefined : (ALIASES[o.visit] ?? o.visit);
  if (visit !== undefined && !isFamily(visit)) {
    throw new UsageError(`--visit must be auto or one of ${VISIT_CHOICES.join(', ')} (not "${o.visit}")`);
  }
  const note = await readTextFile(o.note, 'note');
  const r = levelEncounter(note, visit, opts.setting ? { setting: opts.setting } : {});
  // What the answer comes from, said once: the E/M rules edition and the date of service (no code-set
  // pack is read). Text: one line on stderr, as every command that opens a pack says its releases.
  const answersFrom = emAnswersFrom(
    r.kind,
    opts.date ?? new Date().toISOString().slice(0, 10),
    opts.date !== undefined,
  );
  if (!opts.json) process.stderr.write(`${answersFrom.statement}\n`);
  print(opts, { ...r, answersFrom }, () => text(r, visit === undefined));
}

/** A detail line of the MDM, wrapped (indented continuation) instead of cut. */
const bullet = (line: string) => wrapText(line, 100).map((l, i) => `${i ? '      ' : '    - '}${l}`);

function text(r: EmResult, detected: boolean): string {
  const label = familyLabel(r.kind);
  // Office and home labels name the status already ("…, established patient"); others get it added.
  const family = `${label}${r.status && !/\bpatient\b/.test(label) ? `, ${r.status} patient` : ''}`;
  const how = detected
    ? r.detected.confident
      ? `read from the note: ${r.detected.why.join('; ')}`
      : `no family cue in the note: the setting's default`
    : 'as given with --visit';
  const lines = [
    `visit: ${r.detected.family === 'none' && detected ? 'not an E/M visit (an operative, procedure or test report)' : family} (${how})`,
  ];
  if (!detected && r.detected.family !== r.kind)
    lines.push(
      `  the note itself reads as: ${r.detected.family === 'none' ? 'an operative, procedure or test report (no E/M)' : familyLabel(r.detected.family)}`,
    );
  if (!r.code)
    lines.push(`no E/M level: ${r.nothingToLevel ?? 'neither the documented time nor MDM supports a level'}`);
  else
    lines.push(
      `${r.code} — ${r.label} (by ${r.basis === 'time' ? 'total time' : r.basis === 'mdm' ? 'medical decision making' : r.basis === 'default' ? 'default: no time documented' : r.basis === 'age' ? 'age and patient status' : 'extent of the service'})`,
    );
  if (r.nothingToLevel && !r.code) return lines.join('\n');
  lines.push(
    `time: ${r.timeMinutes !== undefined ? `${r.timeMinutes} min ("${r.timeEvidence?.text}") -> ${r.byTime ?? 'below the lowest level or not levelled by time'}` : 'no total-time statement in the note'}`,
  );
  if (r.mdm.applies) {
    lines.push(
      `MDM: ${r.mdm.level} (problems ${r.mdm.problems}, data ${r.mdm.data}, risk ${r.mdm.risk}; two of three) -> ${r.byMdm ?? '-'}`,
    );
    lines.push(`  problems ${r.mdm.problems}: ${r.mdm.why.problems}`);
    for (const p of r.mdm.details.problems)
      lines.push(...bullet(`${p.level}: "${p.text}"@${p.evidence[0]?.start ?? '?'} — ${p.why}`));
    lines.push(`  data ${r.mdm.data}: ${r.mdm.why.data}`);
    for (const d of r.mdm.details.data)
      lines.push(...bullet(`${d.category}: ${d.what} ("${d.evidence[0]?.text}"@${d.evidence[0]?.start})`));
    lines.push(`  risk ${r.mdm.risk}: ${r.mdm.why.risk}`);
    for (const k of r.mdm.details.risk)
      lines.push(...bullet(`${k.level}: ${k.why} ("${k.evidence[0]?.text}"@${k.evidence[0]?.start})`));
  }
  if (r.prolonged.cpt || r.prolonged.medicare) {
    const what = r.kind === 'critical-care' ? 'each further 30 minutes' : 'prolonged';
    lines.push(
      `${what}: +${r.prolonged.code} x${r.prolonged.cpt} (CPT)${r.prolonged.medicareCode ? ` / ${r.prolonged.medicareCode} x${r.prolonged.medicare} (Medicare)` : ''}`,
    );
  }
  if (r.nextLevel) lines.push(`next level: ${r.nextLevel}`);
  for (const a of r.advice) lines.push(`note: ${a}`);
  lines.push(
    'Advisory: the family and the MDM elements are read from the note; confirm them against the whole record.',
  );
  return lines.join('\n');
}
