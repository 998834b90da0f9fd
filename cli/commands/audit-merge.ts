import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { assembleAudit, parseShardSpec, type AuditRecord, type AuditRunIdentity } from '../../lib/audit/batch';
import { print, UsageError, type GlobalOptions } from '../output';
import { userPath } from '../paths';
import { writeAuditFolder } from './audit';

interface ShardFolder {
  dir: string;
  summary: {
    shard: string | null;
    run: AuditRunIdentity;
    provenance: string[];
    seconds: number;
    workers: number;
    charts: number;
    hccMapping?: string;
  };
  records: AuditRecord[];
}

async function readShard(dir: string): Promise<ShardFolder> {
  const abs = userPath(dir);
  const summaryFile = path.join(abs, 'summary.json');
  const resultsFile = path.join(abs, 'results.jsonl');
  if (!existsSync(abs)) throw new UsageError(`${dir}: no such audit folder`);
  if (!existsSync(summaryFile) || !existsSync(resultsFile))
    throw new UsageError(
      `${dir}: not a finished audit folder (summary.json and results.jsonl are written when a run ends)`,
    );
  let summary: ShardFolder['summary'];
  const records: AuditRecord[] = [];
  try {
    summary = JSON.parse(await fs.readFile(summaryFile, 'utf8')) as ShardFolder['summary'];
    for (const line of (await fs.readFile(resultsFile, 'utf8')).split('\n'))
      if (line.trim()) records.push(JSON.parse(line) as AuditRecord);
  } catch (e) {
    throw new UsageError(`${dir}: unreadable audit folder (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!summary.run?.claimsSha256)
    throw new UsageError(
      `${dir}: summary.json has no run identity (written by an older ChartCoder); audit that shard again`,
    );
  if (records.length !== summary.charts)
    throw new UsageError(`${dir}: results.jsonl has ${records.length} charts, summary.json says ${summary.charts}`);
  return { dir, summary, records };
}

/** What must be equal for shards to belong to one audit (the notes folder may be mounted elsewhere on each machine). */
const SAME: (keyof AuditRunIdentity)[] = [
  'claimsSha256',
  'claimsInFile',
  'packSha256',
  'dateOfServiceDefault',
  'setting',
];

/**
 * `audit merge --out <dir> <shard folders…>`: the shard folders of one sharded audit (same claims,
 * pack, date default and setting; shards 1/n … n/n, each once) combined into the folder a single
 * run would have written — the same findings.csv, charts.csv and results.jsonl; summary.json adds
 * up the shards' workers and keeps the longest shard's time.
 */
export async function auditMergeCommand(dirs: string[], out: string, opts: GlobalOptions): Promise<void> {
  if (dirs.length === 0) throw new UsageError('audit merge needs the shard folders to merge');
  const shards = await Promise.all(dirs.map(readShard));
  const first = shards[0]!;
  for (const s of shards.slice(1)) {
    const differ = SAME.filter((k) => s.summary.run[k] !== first.summary.run[k]);
    if (differ.length)
      throw new UsageError(
        `${s.dir} is not a shard of the same audit as ${first.dir} (different ${differ.join(', ')})`,
      );
  }
  const specs = shards.map((s) => (s.summary.shard ? parseShardSpec(s.summary.shard) : { index: 0, of: 1 }));
  const n = specs[0]?.of ?? 1;
  const seen = new Map<number, string>();
  shards.forEach((s, k) => {
    const spec = specs[k];
    if (!spec || spec.of !== n)
      throw new UsageError(`${s.dir} is shard ${s.summary.shard ?? '(none)'}, not one of ${n}`);
    if (seen.has(spec.index))
      throw new UsageError(`${s.dir} and ${seen.get(spec.index)} are both shard ${spec.index + 1}/${n}`);
    seen.set(spec.index, s.dir);
  });
  const missing = Array.from({ length: n }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length)
    throw new UsageError(
      `missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i + 1}/${n}`).join(', ')}: merge needs all ${n}`,
    );
  const records = shards.flatMap((s) => s.records);
  const charts = records.map((r) => r.claim);
  if (charts.length !== first.summary.run.claimsInFile)
    throw new UsageError(
      `the shards hold ${charts.length} charts, the claims file had ${first.summary.run.claimsInFile}`,
    );
  const assembled = assembleAudit(charts, records, {
    identity: first.summary.run,
    shard: null,
    provenance: first.summary.provenance,
    ...(first.summary.hccMapping ? { hccNote: first.summary.hccMapping } : {}),
    seconds: Math.max(...shards.map((s) => s.summary.seconds)),
    workers: shards.reduce((sum, s) => sum + s.summary.workers, 0),
  });
  await writeAuditFolder(out, assembled);
  const t = assembled.totals;
  print(
    opts,
    { ...assembled.summary, out, merged: dirs },
    () =>
      `merged ${n} shard${n > 1 ? 's' : ''}: ${t.audited}/${t.charts} charts audited, ${t.skipped.length} skipped, ${t.findings} findings; wrote ${out}`,
  );
}
