import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import {
  assembleAudit,
  chartsOfShard,
  releaseGroups,
  releaseGroupsLine,
  shardLabel,
  type AuditRecord,
  type AuditRunIdentity,
} from '../../lib/audit/batch';
import { hccMappingNote } from '../../lib/audit/hcc';
import { print, type GlobalOptions } from '../output';
import { packPath } from '../paths';
import { openPack } from './pack-loader';
import type { AuditTask } from './audit-worker';
import { checkOutputFolder, writeAuditFolder } from './audit-folder';
import { openJournal } from './audit-journal';
import { readAuditInputs, type AuditOptions } from './audit-options';
import { runWorkers, taskOf } from './audit-pool';
import { auditSummaryText } from './audit-text';
import { watchParent } from '../parent-watch';
import { removeTemps } from '../lifecycle';

// The audit's parts live beside it; these names stay importable from here (audit merge, tests).
export { AUDIT_FILES, checkOutputFolder, writeAuditFolder } from './audit-folder';
export { parseShard, type AuditOptions } from './audit-options';

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/**
 * Batch audit: every chart of the claims CSV (or of one shard) against its note, on worker threads
 * (one pack each), with a progress bar. Each chart's outcome is appended to a journal as it
 * arrives, so `--resume` finishes a killed run; the outputs are written together at the end
 * (writeAuditFolder) and summary.json says audited + skipped = the charts asked for.
 */
export async function auditCommand(a: AuditOptions, opts: GlobalOptions): Promise<void> {
  const t0 = performance.now();
  const { workersWanted, batch, shard, notesDir, claimsText, claims } = await readAuditInputs(a);
  // Before any chart is audited: a run must not end by refusing where to write.
  await checkOutputFolder(a.out);
  // No statement from openPack: the charts' own dates say which releases answer (releaseGroupsLine).
  const { pack } = await openPack({ ...opts, date: undefined });
  const packFile = packPath(opts.pack);
  const defaultDos = opts.date ?? pack.currentIcdRelease?.effectiveFrom ?? new Date().toISOString().slice(0, 10);
  const identity: AuditRunIdentity = {
    claimsSha256: sha256(claimsText),
    claimsInFile: claims.length,
    packSha256: sha256(readFileSync(packFile)),
    notes: notesDir,
    dateOfServiceDefault: defaultDos,
    setting: opts.setting ?? 'office',
  };
  const mine = chartsOfShard(claims, shard);
  const shardText = shard ? shardLabel(shard) : null;
  const groups = releaseGroups(mine, defaultDos, (dos) => pack.releasesFor(dos));
  if (!opts.json) process.stderr.write(`${releaseGroupsLine(groups)}\n`);

  const journal = await openJournal(a.out, { identity, shard: shardText }, Boolean(a.resume), mine);
  const records: AuditRecord[] = [...journal.kept];
  const done = new Set(records.map((r) => r.chartId));
  const tasks: AuditTask[] = [];
  const noNote: AuditRecord[] = [];
  for (const c of mine) {
    if (done.has(c.chartId)) continue;
    const notePath = path.join(notesDir, `${c.chartId}.txt`);
    // Chart ids are checked when the claims are read; the note must still be inside the notes folder.
    if (path.dirname(notePath) !== notesDir) throw new Error(`chart id ${c.chartId} leaves the notes folder`);
    if (!existsSync(notePath))
      noNote.push({ chartId: c.chartId, ok: false, why: `no note ${c.chartId}.txt in the notes folder`, claim: c });
    else tasks.push(taskOf(c, notePath, defaultDos, opts));
  }
  records.push(...noNote);
  await journal.append(noNote);

  // A killed `npm run` (its SIGKILL never reaches us) stops the audit too: the journal keeps every
  // chart done so far for `--resume`, and the report folder is only renamed into place by a live run.
  const onGone = (why: string): never => {
    removeTemps();
    try {
      process.stderr.write(`\nstopped: ${why}; finish with --resume\n`);
    } catch {
      // nobody is reading any more
    }
    process.exit(143);
  };
  const starter = watchParent(onGone);
  const nWorkers = Math.max(1, Math.min(workersWanted, tasks.length || 1));
  const bar = opts.json
    ? undefined
    : new cliProgress.SingleBar(
        { format: `audit [{bar}] {value}/{total} charts · {workers} workers`, stream: process.stderr },
        cliProgress.Presets.shades_classic,
      );
  bar?.start(mine.length, mine.length - tasks.length, { workers: nWorkers });
  const claimOf = new Map(mine.map((c) => [c.chartId, c]));
  if (tasks.length)
    await runWorkers(tasks, nWorkers, batch, packFile, async (reply) => {
      const got = reply.map((r): AuditRecord => ({ ...r, claim: claimOf.get(r.chartId)! }));
      records.push(...got);
      await journal.append(got);
      bar?.increment(reply.length);
    });
  bar?.stop();

  const seconds = (performance.now() - t0) / 1000;
  const provenance = [
    ...new Set(pack.sources.map((s) => `${s.system} ${s.release} (${s.effectiveFrom} – ${s.effectiveTo})`)),
  ];
  const hccNote = hccMappingNote(pack);
  const assembled = assembleAudit(mine, records, {
    identity,
    shard: shardText,
    provenance,
    seconds,
    workers: nWorkers,
    ...(hccNote ? { hccNote } : {}),
  });
  const gone = starter.check();
  starter.stop();
  if (gone) onGone(gone);
  await writeAuditFolder(a.out, assembled);
  await journal.remove();
  print(opts, { ...assembled.summary, releasesByDateOfService: groups, out: a.out }, () =>
    auditSummaryText(assembled, { seconds, workers: nWorkers, shard: shardText, resumed: done.size, out: a.out }),
  );
}
