import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import cliProgress from 'cli-progress';
import Papa from 'papaparse';
import {
  assembleAudit,
  autoShard,
  chartsOfShard,
  parseShardSpec,
  releaseGroups,
  releaseGroupsLine,
  shardLabel,
  type AssembledAudit,
  type AuditRecord,
  type AuditRunIdentity,
  type ChartOutcome,
  type Shard,
} from '../../lib/audit/batch';
import { claimsFromGold, parseClaimsCsv, type ClaimRow } from '../../lib/audit/claims';
import { hccMappingNote } from '../../lib/audit/hcc';
import { billedByHcc } from '../../lib/audit/report';
import { writeAtomic } from '../io';
import { intFlag, readTextFile } from '../input';
import { checkWrapper, trackTemp, untrackTemp } from '../lifecycle';
import { CommandFailed, print, UsageError, type GlobalOptions } from '../output';
import { packPath, userPath } from '../paths';
import { openPack } from './pack-loader';
import type { AuditTask } from './audit-worker';

export interface AuditOptions {
  notes: string;
  claims: string;
  out: string;
  workers?: string;
  shard?: string;
  batch?: string;
  /** Finish the interrupted run whose journal is in `<out>.partial/`. */
  resume?: boolean;
  /** The environment `--shard auto` reads (process.env by default). */
  env?: Record<string, string | undefined>;
}

const writeText = (file: string, text: string) => writeAtomic(file, new TextEncoder().encode(text));
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** "2/8" -> shard 2 of 8 (1-based); `auto` reads the batch engine's array index (lib/audit/batch.ts). */
export function parseShard(
  s: string | undefined,
  env: Record<string, string | undefined> = process.env,
): { index: number; of: number } | undefined {
  if (!s) return undefined;
  if (s.trim().startsWith('auto')) {
    const r = autoShard(s, env);
    if ('error' in r) throw new UsageError(r.error);
    return r.shard;
  }
  const shard = parseShardSpec(s);
  if (!shard) throw new UsageError(`--shard must be i/n with 1 <= i <= n (or auto), not "${s}"`);
  return shard;
}

/** Files an audit folder holds; `audit merge` reads results.jsonl and summary.json back. */
export const AUDIT_FILES = ['findings.csv', 'charts.csv', 'summary.json', 'report.html', 'results.jsonl'] as const;

/**
 * Where an audit folder's files go: all five are written into a staging folder beside it, which
 * then replaces the folder in two renames, so a reader (or a kill) never sees files of two runs
 * together. A folder that exists and is not an audit folder (no summary.json) is never replaced.
 */
/** Refuses an output path that is a file, or a folder with other things in it than an earlier audit. */
export async function checkOutputFolder(out: string): Promise<void> {
  const target = userPath(out);
  const st = await fs.stat(target).catch(() => undefined);
  if (st && !st.isDirectory()) throw new UsageError(`${out}: is a file, not an output folder`);
  if (st && (await fs.readdir(target)).length > 0 && !existsSync(path.join(target, 'summary.json'))) {
    throw new UsageError(`${out}: exists and is not an audit folder (no summary.json); give a new or empty folder`);
  }
}

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

/** The journal of a run in progress: `<out>.partial/run.json` (what it is made from) and journal.jsonl (one record per chart done). */
function journalPaths(out: string) {
  const dir = `${userPath(out)}.partial`;
  return { dir, run: path.join(dir, 'run.json'), journal: path.join(dir, 'journal.jsonl') };
}

/** Records of an interrupted run; a torn last line (killed mid-write) is dropped and that chart audited again. */
function readJournal(file: string): AuditRecord[] {
  if (!existsSync(file)) return [];
  const out: AuditRecord[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as AuditRecord);
    } catch {
      break;
    }
  }
  return out;
}

type WorkerReply = ChartOutcome[];

/**
 * Batch audit: every chart of the claims CSV (or of one shard) against its note, on worker threads
 * (one pack each), with a progress bar. Each chart's outcome is appended to a journal as it
 * arrives, so `--resume` finishes a killed run; the outputs are written together at the end
 * (writeAuditFolder) and summary.json says audited + skipped = the charts asked for.
 */
export async function auditCommand(a: AuditOptions, opts: GlobalOptions): Promise<void> {
  const t0 = performance.now();
  const workersWanted =
    a.workers === undefined ? availableParallelism() : intFlag(a.workers, '--workers', { min: 1, max: 64 });
  const batch = intFlag(a.batch, '--batch', { min: 1, max: 1000 }, 8);
  const shard: Shard | undefined = parseShard(a.shard, a.env ?? process.env);
  const notesDir = userPath(a.notes);
  const notesStat = await fs.stat(notesDir).catch(() => undefined);
  if (!notesStat?.isDirectory())
    throw new UsageError(`${a.notes}: ${notesStat ? 'is a file, not a notes folder' : 'no such notes folder'}`);
  const claimsText = await readTextFile(a.claims, 'claims CSV', 256 * 1024 * 1024);
  const claims = parseClaimsCsv(claimsText, a.claims);
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

  // The journal: resume it, or start a new one.
  const j = journalPaths(a.out);
  const runMeta = { identity, shard: shardText };
  let records: AuditRecord[] = [];
  if (a.resume) {
    if (!existsSync(j.run)) throw new UsageError(`--resume: no interrupted run to finish for ${a.out} (no ${j.run})`);
    const before = JSON.parse(readFileSync(j.run, 'utf8')) as typeof runMeta;
    if (JSON.stringify(before) !== JSON.stringify(runMeta)) {
      const what = (Object.keys(identity) as (keyof AuditRunIdentity)[]).filter(
        (k) => before.identity?.[k] !== identity[k],
      );
      throw new UsageError(
        `--resume: the interrupted run for ${a.out} used other inputs (${[...what, ...(before.shard !== shardText ? ['shard'] : [])].join(', ') || 'different options'}); run without --resume to start over`,
      );
    }
    const wanted = new Set(mine.map((c) => c.chartId));
    const seen = new Set<string>();
    records = readJournal(j.journal).filter(
      (r) => wanted.has(r.chartId) && !seen.has(r.chartId) && seen.add(r.chartId),
    );
  } else {
    await fs.rm(j.dir, { recursive: true, force: true });
  }
  await fs.mkdir(j.dir, { recursive: true });
  await fs.writeFile(j.run, JSON.stringify(runMeta));
  // Rewrite the journal with the records kept (drops a torn last line before appending).
  await fs.writeFile(j.journal, records.map((r) => `${JSON.stringify(r)}\n`).join(''));

  const done = new Set(records.map((r) => r.chartId));
  const tasks: AuditTask[] = [];
  const journalLines: string[] = [];
  for (const c of mine) {
    if (done.has(c.chartId)) continue;
    const notePath = path.join(notesDir, `${c.chartId}.txt`);
    // Chart ids are checked when the claims are read; the note must still be inside the notes folder.
    if (path.dirname(notePath) !== notesDir) throw new Error(`chart id ${c.chartId} leaves the notes folder`);
    if (!existsSync(notePath)) {
      const r: AuditRecord = {
        chartId: c.chartId,
        ok: false,
        why: `no note ${c.chartId}.txt in the notes folder`,
        claim: c,
      };
      records.push(r);
      journalLines.push(JSON.stringify(r));
    } else tasks.push(taskOf(c, notePath, defaultDos, opts));
  }
  if (journalLines.length) await fs.appendFile(j.journal, journalLines.map((l) => `${l}\n`).join(''));

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
      await fs.appendFile(j.journal, got.map((r) => `${JSON.stringify(r)}\n`).join(''));
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
  await writeAuditFolder(a.out, assembled);
  await fs.rm(j.dir, { recursive: true, force: true });
  const t = assembled.totals;
  const planted = assembled.planted;
  print(opts, { ...assembled.summary, releasesByDateOfService: groups, out: a.out }, () =>
    [
      `${t.audited}/${t.charts} charts audited in ${seconds.toFixed(1)} s on ${nWorkers} workers${shard ? ` (shard ${shardText})` : ''}${done.size ? ` (${done.size} from the interrupted run)` : ''}; ${t.findings} findings; mean score ${t.meanScore}`,
      `by rule: ${t.byRule
        .slice(0, 8)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
      hccLine(assembled.results),
      Object.keys(planted).length
        ? `planted errors found: ${Object.entries(planted)
            .map(([k, v]) => `${k} ${v.found}/${v.planted}`)
            .join(', ')}`
        : '',
      t.skipped.length
        ? `skipped ${t.skipped.length}: ${t.skipped
            .slice(0, 3)
            .map((s) => `${s.chartId} (${s.why})`)
            .join('; ')}`
        : '',
      `wrote ${path.join(a.out, 'findings.csv')}, charts.csv, summary.json, report.html, results.jsonl`,
    ]
      .filter(Boolean)
      .join('\n'),
  );
}

/** "billed CMS-HCC categories: HCC 37: Diabetes with Chronic Complications 12, …" ('' when none). */
function hccLine(results: Parameters<typeof billedByHcc>[0]): string {
  const by = billedByHcc(results);
  return by.length
    ? `billed CMS-HCC V28 categories: ${by
        .slice(0, 6)
        .map(([k, v]) => `${k} (${v})`)
        .join(', ')}${by.length > 6 ? `, … ${by.length - 6} more` : ''}`
    : '';
}

function taskOf(c: ClaimRow, notePath: string, defaultDos: string, opts: GlobalOptions): AuditTask {
  return {
    chartId: c.chartId,
    notePath,
    codes: c.codes,
    dateOfService: c.dateOfService ?? defaultDos,
    setting: c.setting ?? opts.setting ?? 'office',
  };
}

/** Hands out `tasks` in batches to `n` worker threads (one pack each); `onReply` runs for each batch's records in arrival order. */
async function runWorkers(
  tasks: AuditTask[],
  n: number,
  batch: number,
  packFile: string,
  onReply: (reply: WorkerReply) => Promise<void>,
): Promise<void> {
  let next = 0;
  let chain = Promise.resolve();
  await Promise.all(
    Array.from({ length: n }, () => {
      return new Promise<void>((resolve, reject) => {
        // The CLI runs TypeScript through tsx; a worker thread registers the same loader itself.
        const w = new Worker(new URL('./audit-worker-boot.mjs', import.meta.url), {
          workerData: { packPath: packFile },
        });
        const send = () => {
          checkWrapper();
          if (next >= tasks.length) {
            void w.terminate().then(() => resolve());
            return;
          }
          const chunk = tasks.slice(next, next + batch);
          next += chunk.length;
          w.postMessage(chunk);
        };
        w.on('message', (m: 'ready' | WorkerReply) => {
          if (m === 'ready') return send();
          chain = chain.then(() => onReply(m)).catch(reject);
          void chain.then(send);
        });
        w.on('error', (e) =>
          reject(new CommandFailed(`audit worker: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`)),
        );
      });
    }),
  );
  await chain;
}

/** Claims CSV from gold codes with planted errors (to check the audit finds them). */
export async function claimsFromGoldCommand(
  a: { gold: string; out: string; inject?: string; seed?: string },
  opts: GlobalOptions,
): Promise<void> {
  const gold = await readTextFile(a.gold, 'gold file', 256 * 1024 * 1024);
  // Unrelated codes for "added-unsupported": conditions a case report rarely mentions.
  const unrelated = ['S52.501A', 'O80', 'Z38.00', 'H52.4', 'L60.0', 'F17.210'];
  const { rows } = claimsFromGold(gold, { inject: Number(a.inject ?? 0.2), seed: Number(a.seed ?? 7), unrelated });
  await writeText(a.out, Papa.unparse(rows, { escapeFormulae: true }));
  const injected = rows.filter((r) => r.injected !== 'none');
  print(
    opts,
    { charts: rows.length, injected: injected.length, out: a.out },
    () =>
      `${rows.length} claims written to ${a.out}; ${injected.length} with one planted error (${['dropped', 'added-unsupported', 'header-code'].map((k) => `${k} ${injected.filter((r) => r.injected === k).length}`).join(', ')})`,
  );
}
