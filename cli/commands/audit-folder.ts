import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import type { AssembledAudit } from '../../lib/audit/batch';
import { trackTemp, untrackTemp } from '../lifecycle';
import { UsageError } from '../output';
import { userPath } from '../paths';

/** Files an audit folder holds; `audit merge` reads results.jsonl and summary.json back. */
export const AUDIT_FILES = ['findings.csv', 'charts.csv', 'summary.json', 'report.html', 'results.jsonl'] as const;

/** Refuses an output path that is a file, or a folder with other things in it than an earlier audit. */
export async function checkOutputFolder(out: string): Promise<void> {
  const target = userPath(out);
  const st = await fs.stat(target).catch(() => undefined);
  if (st && !st.isDirectory()) throw new UsageError(`${out}: is a file, not an output folder`);
  if (st && (await fs.readdir(target)).length > 0 && !existsSync(path.join(target, 'summary.json'))) {
    throw new UsageError(`${out}: exists and is not an audit folder (no summary.json); give a new or empty folder`);
  }
}

/**
 * Where an audit folder's files go: all five are written into a staging folder beside it, which
 * then replaces the folder in two renames, so a reader (or a kill) never sees files of two runs
 * together. A folder that exists and is not an audit folder (no summary.json) is never replaced.
 */
export async function writeAuditFolder(out: string, a: AssembledAudit): Promise<void> {
  await checkOutputFolder(out);
  const target = userPath(out);
  const st = await fs.stat(target).catch(() => undefined);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const staging = `${target}.tmp-${process.pid}`;
  const old = `${target}.old-${process.pid}`;
  trackTemp(staging);
  try {
    await fs.rm(staging, { recursive: true, force: true });
    await fs.mkdir(staging);
    await fs.writeFile(path.join(staging, 'findings.csv'), a.findingsCsv);
    await fs.writeFile(path.join(staging, 'charts.csv'), a.chartsCsv);
    await fs.writeFile(path.join(staging, 'summary.json'), `${JSON.stringify(a.summary, null, 2)}\n`);
    await fs.writeFile(path.join(staging, 'report.html'), a.reportHtml);
    await fs.writeFile(
      path.join(staging, 'results.jsonl'),
      a.records.map((r) => JSON.stringify(r)).join('\n') + (a.records.length ? '\n' : ''),
    );
    if (st) {
      trackTemp(old);
      await fs.rename(target, old);
    }
    await fs.rename(staging, target);
    await fs.rm(old, { recursive: true, force: true });
  } finally {
    untrackTemp(staging);
    untrackTemp(old);
    await fs.rm(staging, { recursive: true, force: true });
  }
}
