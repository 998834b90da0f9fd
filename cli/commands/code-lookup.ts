import type { MueService } from '../../lib/codesets/ncci/mue';
import { codeSystemOf } from '../../lib/domain/code-system';
import type { CodePack } from '../../lib/pack/code-pack';
import { print, UsageError, type GlobalOptions } from '../output';
import { openPack } from './pack-loader';

export async function codeLookup(code: string, opts: GlobalOptions): Promise<void> {
  // With --date, openPack has said once (stderr, one line) which release answers for each system;
  // the JSON answer carries the same statement and the per-system warnings instead.
  const { pack, releases } = await openPack(opts);
  const hit = pack.lookup(code);
  if (!hit && codeSystemOf(code.trim().toUpperCase()) === 'CPT')
    return cptFacts(code.trim().toUpperCase(), pack, opts, releases);
  if (!hit)
    throw new UsageError(
      `${code} is not in this pack (${[...new Set(pack.sources.map((s) => `${s.system} ${s.release}`))].join(', ')})`,
    );
  const dated = opts.date
    ? { dateOfService: opts.date, releases, warnings: pack.dateWarnings(opts.date) }
    : { warnings: [] };
  print(opts, { ...hit, ...dated }, () => {
    if (hit.system === 'HCPCS') {
      return [
        `${hit.code}  ${hit.title}`,
        `HCPCS ${hit.release} · coverage ${hit.coverage || '-'} · added ${hit.addDate || '-'}${hit.termDate ? ` · terminated ${hit.termDate}` : ''}`,
      ].join('\n');
    }
    const lines = [
      `${hit.code}  ${hit.title}`,
      `${hit.billable ? 'billable' : 'NOT billable (header): report a more specific code'} · title from ICD-10-CM ${hit.titleRelease}`,
      `in releases: ${hit.releases.map((r) => `${r.release}${r.billable ? '' : ' (header)'}`).join(', ')}${hit.notIn.length ? ` · not in: ${hit.notIn.join(', ')}` : ''}`,
    ];
    if (hit.chapter) lines.push(`chapter ${hit.chapter.name}: ${hit.chapter.desc}`);
    if (hit.section) lines.push(`section ${hit.section.id}: ${hit.section.desc}`);
    lines.push(
      'hierarchy:',
      ...hit.hierarchy.map((h, i) => `${'  '.repeat(i + 1)}${h.code}  ${h.title}`),
      `${'  '.repeat(hit.hierarchy.length + 1)}${hit.code}  ${hit.title}`,
    );
    if (hit.children.length)
      lines.push(
        `children (${hit.children.length}):`,
        ...hit.children.slice(0, 30).map((c) => `  ${c.code}  ${c.title}${c.billable ? '' : ' (header)'}`),
      );
    if (hit.sevenChr)
      lines.push(
        `7th characters (from ${hit.sevenChr.from}, ${hit.sevenChr.release}):`,
        ...hit.sevenChr.values.map((v) => `  ${v.char}  ${v.text}`),
      );
    if (hit.notes.length)
      lines.push(
        `notes (tabular ${hit.notesRelease}):`,
        ...hit.notes.map((n) => `  [${n.kind}] ${n.text}  — at ${n.from}`),
      );
    else lines.push('notes: none in the loaded tabular list');
    return lines.join('\n');
  });
}

const SERVICES: MueService[] = ['practitioner', 'outpatient-hospital', 'dme-supplier'];

/**
 * A CPT code has no descriptor here (CPT text needs the user's AMA licence), but the NCCI tables
 * name it: its MUE per service type and its add-on edits, from the releases answering on the date.
 */
function cptFacts(code: string, pack: CodePack, opts: GlobalOptions, releases: string | undefined): void {
  const dos = opts.date;
  const mue = SERVICES.map((service) => pack.mue(code, service, dos)).filter((m) => m !== undefined);
  const addOn = pack.addOnEdits(code, dos);
  if (!mue.length && !addOn.length)
    throw new UsageError(
      `${code} is a CPT code this pack has no NCCI edits for (CPT descriptors need your AMA licence file)`,
    );
  const data = {
    system: 'CPT',
    code,
    descriptor: null,
    mue,
    addOnEdits: addOn,
    ...(dos ? { dateOfService: dos, releases } : {}),
  };
  print(opts, data, () =>
    [
      `${code}  CPT code (no descriptor: CPT text needs your AMA licence file)`,
      ...mue.map(
        (m) =>
          `MUE ${m.service}: ${m.value} unit${m.value === 1 ? '' : 's'} (MAI ${m.mai}${m.rationale ? `, ${m.rationale}` : ''}) · NCCI-MUE ${m.source.release}`,
      ),
      ...(addOn.length
        ? [
            `add-on code: ${addOn
              .map((a) => (a.primary ? `with ${a.primary}` : 'primary contractor-defined'))
              .slice(0, 12)
              .join(
                ', ',
              )}${addOn.length > 12 ? ` … ${addOn.length - 12} more` : ''} (edit type ${[...new Set(addOn.map((a) => a.type))].join('/')})`,
          ]
        : []),
    ].join('\n'),
  );
}
