import { promises as fs } from 'node:fs';
import { levelEncounter, type VisitKind } from '../../lib/em/em';
import { print, UsageError, type GlobalOptions } from '../output';

/** `em --note <file> [--visit new|established|initial|subsequent]`: the level supported and why. */
export async function emCommand(o: { note: string; visit?: string }, opts: GlobalOptions): Promise<void> {
  const kind = (o.visit ?? (opts.setting === 'hospital' ? 'subsequent' : 'established')) as VisitKind;
  if (!['new', 'established', 'initial', 'subsequent', 'same-day', 'discharge'].includes(kind)) throw new UsageError(`--visit must be new, established, initial, subsequent, same-day or discharge, not "${kind}"`);
  const note = await fs.readFile(o.note, 'utf8');
  const r = levelEncounter(note, kind);
  print(opts, r, () =>
    [
      r.code ? `${r.code} — ${r.label} (by ${r.basis === 'time' ? 'total time' : 'medical decision making'})` : 'no level supported: neither a time statement nor MDM cues were found',
      `time: ${r.timeMinutes !== undefined ? `${r.timeMinutes} min ("${r.timeEvidence?.text}") -> ${r.byTime ?? 'below the lowest level'}` : 'no total-time statement in the note'}`,
      `MDM: ${r.mdm.level} (problems ${r.mdm.problems}, data ${r.mdm.data}, risk ${r.mdm.risk}; two of three) -> ${r.byMdm ?? '-'}`,
      ...(['problems', 'data', 'risk'] as const).map((k) => `  ${k}: ${r.mdm.evidence[k].map((e) => `"${e.text}"@${e.start}`).join(' ') || 'no cue found'}`),
      ...(r.prolonged.cpt || r.prolonged.medicare ? [`prolonged: +99417 x${r.prolonged.cpt} (CPT) / G2212 x${r.prolonged.medicare} (Medicare)`] : []),
      ...(r.nextLevel ? [`next level: ${r.nextLevel}`] : []),
      'MDM cues are phrases that suggest a level; confirm them against the whole record.',
    ].join('\n'),
  );
}
