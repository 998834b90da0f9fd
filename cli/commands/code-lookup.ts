import { print, UsageError, type GlobalOptions } from '../output';
import { openPack } from './pack-loader';

export async function codeLookup(code: string, opts: GlobalOptions): Promise<void> {
  // With --date, openPack has said once (stderr, one line) which release answers for each system;
  // the JSON answer carries the same statement and the per-system warnings instead.
  const { pack, releases } = await openPack(opts);
  const hit = pack.lookup(code);
  if (!hit) throw new UsageError(`${code} is not in this pack (${pack.sources.map((s) => `${s.system} ${s.release}`).join(', ')})`);
  const dated = opts.date ? { dateOfService: opts.date, releases, warnings: pack.dateWarnings(opts.date) } : { warnings: [] };
  print(opts, { ...hit, ...dated }, () => {
    if (hit.system === 'HCPCS') {
      return [`${hit.code}  ${hit.title}`, `HCPCS ${hit.release} · coverage ${hit.coverage || '-'} · added ${hit.addDate || '-'}${hit.termDate ? ` · terminated ${hit.termDate}` : ''}`].join('\n');
    }
    const lines = [
      `${hit.code}  ${hit.title}`,
      `${hit.billable ? 'billable' : 'NOT billable (header): report a more specific code'} · title from ICD-10-CM ${hit.titleRelease}`,
      `in releases: ${hit.releases.map((r) => `${r.release}${r.billable ? '' : ' (header)'}`).join(', ')}${hit.notIn.length ? ` · not in: ${hit.notIn.join(', ')}` : ''}`,
    ];
    if (hit.chapter) lines.push(`chapter ${hit.chapter.name}: ${hit.chapter.desc}`);
    if (hit.section) lines.push(`section ${hit.section.id}: ${hit.section.desc}`);
    lines.push('hierarchy:', ...hit.hierarchy.map((h, i) => `${'  '.repeat(i + 1)}${h.code}  ${h.title}`), `${'  '.repeat(hit.hierarchy.length + 1)}${hit.code}  ${hit.title}`);
    if (hit.children.length) lines.push(`children (${hit.children.length}):`, ...hit.children.slice(0, 30).map((c) => `  ${c.code}  ${c.title}${c.billable ? '' : ' (header)'}`));
    if (hit.sevenChr) lines.push(`7th characters (from ${hit.sevenChr.from}, ${hit.sevenChr.release}):`, ...hit.sevenChr.values.map((v) => `  ${v.char}  ${v.text}`));
    if (hit.notes.length) lines.push(`notes (tabular ${hit.notesRelease}):`, ...hit.notes.map((n) => `  [${n.kind}] ${n.text}  — at ${n.from}`));
    else lines.push('notes: none in the loaded tabular list');
    return lines.join('\n');
  });
}
