import { mb, print, table, type GlobalOptions } from '../output';
import { openPack } from './pack-loader';
import type { AlphabeticIndexInfo } from '../../lib/pack/format';
import { verifyPack } from '../../lib/pack/container';
import { promises as fs } from 'node:fs';

function alphabeticIndexLine(a: AlphabeticIndexInfo): string {
  return `Alphabetic Index: ${a.release}, ${a.form} (source #${a.sourceId}); "see" references resolved ${a.seeResolved} of ${a.see}, "see also" ${a.seeAlsoResolved} of ${a.seeAlso}`;
}

export async function codesetInfo(opts: GlobalOptions): Promise<void> {
  const { pack, path, loadMs, bytes } = await openPack(opts);
  const h = pack.header;
  // Every section's CRC-32, without inflating (throws the loader's one-line error on damage).
  verifyPack(new Uint8Array(await fs.readFile(path)), path);
  const data = {
    pack: path,
    bytes,
    formatVersion: h.formatVersion,
    createdAt: h.createdAt,
    headerLoadMs: Number(loadMs.toFixed(2)),
    integrity: 'header and every section match their CRC-32',
    icdReleases: h.icdReleases,
    sources: h.sources,
    counts: h.counts,
    sections: pack.sectionSizes(),
    ...(opts.date
      ? { dateOfService: opts.date, coverage: pack.coverage(opts.date), warnings: pack.dateWarnings(opts.date) }
      : {}),
  };
  print(opts, data, () =>
    [
      `${path}: ChartCoder code pack, format ${h.formatVersion}, ${mb(bytes)}, built ${h.createdAt}; header and all ${h.sections.length} sections match their CRC-32`,
      '',
      'ICD-10-CM releases:',
      table([
        ['release', 'effective', 'codes', 'billable', 'titles', 'notes'],
        ...h.icdReleases.map((r) => [
          r.label,
          `${r.effectiveFrom}..${r.effectiveTo}`,
          String(r.codeCount),
          String(r.billableCount),
          r.hasTitles ? 'yes' : 'no',
          r.hasNotes ? 'yes' : 'no',
        ]),
      ]),
      ...(h.alphabeticIndex ? ['', alphabeticIndexLine(h.alphabeticIndex)] : []),
      '',
      'Sources:',
      table([
        ['#', 'system', 'release', 'effective', 'records', 'file', 'sha256 (as supplied)', 'sha256 (content)'],
        ...h.sources.map((s) => [
          String(s.id),
          s.system + (s.detail ? ` ${s.detail}` : ''),
          s.release,
          `${s.effectiveFrom}..${s.effectiveTo}`,
          String(s.records),
          s.file,
          s.sha256,
          s.contentSha256,
        ]),
      ]),
      '',
      table([['section', 'packed', 'raw'], ...pack.sectionSizes().map((s) => [s.name, mb(s.bytes), mb(s.rawBytes)])]),
      ...(opts.date
        ? [
            '',
            ...(pack.dateWarnings(opts.date).length
              ? pack.dateWarnings(opts.date)
              : [`every loaded release covers ${opts.date}`]),
          ]
        : []),
    ].join('\n'),
  );
}
