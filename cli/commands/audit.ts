import { availableParallelism } from 'node:os';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import cliProgress from 'cli-progress';
import Papa from 'papaparse';
import { claimsFromGold, parseClaimsCsv } from '../../lib/audit/claims';
import { plantedErrorsFound, reportHtml, totals, type FindingRow } from '../../lib/audit/report';
import type { SpotAuditResult } from '../../lib/audit/spot-audit';
import { writeAtomic } from '../io';
import { print, UsageError, type GlobalOptions } from '../output';
import { packPath } from '../paths';
import { openPack } from './pack-loader';
import type { AuditTask } from './audit-worker';

export interface AuditOptions {
  notes: string;
  claims: string;
  out: string;
  workers?: string;
  shard?: string;
  batch?: string;
}

const writeText = (file: string, text: string) => writeAtomic(file, new TextEncoder().encode(text));

type WorkerReply = ({ ok: true; result: SpotAuditResult; rows: FindingRow[] } | { ok: false; chartId: string; why: string })[];

/** "2/8" -> shard 2 of 8 (1-based): charts whose position in the sorted claims list % 8 == 1. */
export function parseShard(s: string | undefined): { index: number; of: number } | undefined {
  if (!s) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(s);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new UsageError(`--shard must be i/n with 1 <= i <= n, not "${s}"`);
  return { index: Number(m[1]) - 1, of: Number(m[2]) };
}

/**
 * Batch audit: every chart of the claims CSV against its note, on all cores (worker threads, one
 * pack each), with a progress bar; writes findings.csv, charts.csv, summary.json and report.html.
 */
export async function auditCommand(a: AuditOptions, opts: GlobalOptions): Promise<void> {
  const t0 = performance.now();
  const { pack } = await openPack(opts);
  const claims = parseClaimsCsv(await fs.readFile(a.claims, 'utf8'), a.claims).sort((x, y) => x.chartId.localeCompare(y.chartId));
  const shard = parseShard(a.shard);
  const mine = shard ? claims.filter((_, i) => i % shard.of === shard.index) : claims;
  const defaultDos = opts.date ?? pack.currentIcdRelease?.effectiveFrom ?? new Date().toISOString().slice(0, 10);
  const skipped: { chartId: string; why: string }[] = [];
  const tasks: AuditTask[] = [];
  for (const c of mine) {
    const notePath = path.join(a.notes, `${c.chartId}.txt`);
    if (!existsSync(notePath)) skipped.push({ chartId: c.chartId, why: `no note ${notePath}` });
    else tasks.push({ chartId: c.chartId, notePath, codes: c.codes, dateOfService: c.dateOfService ?? defaultDos, setting: c.setting ?? opts.setting ?? 'office' });
  }
  const nWorkers = Math.max(1, Math.min(Number(a.workers ?? availableParallelism()), tasks.length || 1));
  const batch = Math.max(1, Number(a.batch ?? 8));
  const bar = opts.json ? undefined : new cliProgress.SingleBar({ format: `audit [{bar}] {value}/{total} charts · {workers} workers`, stream: process.stderr }, cliProgress.Presets.shades_classic);
  bar?.start(tasks.length, 0, { workers: nWorkers });

  const results: SpotAuditResult[] = [];
  const rows: FindingRow[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: nWorkers }, () => {
      return new Promise<void>((resolve, reject) => {
        // The CLI runs TypeScript through tsx; a worker thread registers the same loader itself.
        const w = new Worker(new URL('./audit-worker-boot.mjs', import.meta.url), { workerData: { packPath: packPath(opts.pack) } });
        const send = () => {
          if (next >= tasks.length) {
            void w.terminate().then(() => resolve());
            return;
          }
          const chunk = tasks.slice(next, next + batch);
          next += chunk.length;
          w.postMessage(chunk);
        };
        w.on('message', (m: 'ready' | WorkerReply) => {
          if (m !== 'ready') {
            for (const r of m) {
              if (r.ok) {
                results.push(r.result);
                rows.push(...r.rows);
              } else skipped.push({ chartId: r.chartId, why: r.why });
            }
            bar?.increment(m.length);
          }
          send();
        });
        w.on('error', reject);
      });
    }),
  );
  bar?.stop();
  results.sort((x, y) => x.chartId.localeCompare(y.chartId));
  rows.sort((x, y) => x.chart_id.localeCompare(y.chart_id) || x.rule.localeCompare(y.rule) || x.codes.localeCompare(y.codes));
  const seconds = (performance.now() - t0) / 1000;
  const t = totals(results, rows, { charts: mine.length, skipped, seconds, workers: nWorkers });
  const provenance = [...new Set(pack.sources.map((s) => `${s.system} ${s.release} (${s.effectiveFrom} – ${s.effectiveTo})`))];

  await fs.mkdir(a.out, { recursive: true });
  const extraOf = new Map(mine.map((c) => [c.chartId, c.extra]));
  const planted = plantedErrorsFound(results, rows, extraOf);
  await writeText(path.join(a.out, 'findings.csv'), Papa.unparse(rows));
  await writeText(
    path.join(a.out, 'charts.csv'),
    Papa.unparse(
      results.map((r) => ({ chart_id: r.chartId, score: r.score, billed: r.billed.join(' '), unsupported: r.unsupported.join(' '), missed: r.missed.map((m) => m.code).join(' '), findings: r.findings.length, ...extraOf.get(r.chartId) })),
    ),
  );
  await writeText(path.join(a.out, 'summary.json'), JSON.stringify({ ...t, shard: a.shard ?? null, dateOfServiceDefault: defaultDos, provenance, planted }, null, 2));
  await writeText(path.join(a.out, 'report.html'), reportHtml(t, results, provenance));

  print(opts, { ...t, planted, out: a.out }, () =>
    [
      `${t.audited}/${t.charts} charts audited in ${seconds.toFixed(1)} s on ${nWorkers} workers${shard ? ` (shard ${a.shard})` : ''}; ${t.findings} findings; mean score ${t.meanScore}`,
      `by rule: ${t.byRule.slice(0, 8).map(([k, v]) => `${k} ${v}`).join(', ')}`,
      Object.keys(planted).length ? `planted errors found: ${Object.entries(planted).map(([k, v]) => `${k} ${v.found}/${v.planted}`).join(', ')}` : '',
      t.skipped.length ? `skipped ${t.skipped.length}: ${t.skipped.slice(0, 3).map((s) => `${s.chartId} (${s.why})`).join('; ')}` : '',
      `wrote ${path.join(a.out, 'findings.csv')}, charts.csv, summary.json, report.html`,
    ]
      .filter(Boolean)
      .join('\n'),
  );
}

/** Claims CSV from gold codes with planted errors (to check the audit finds them). */
export async function claimsFromGoldCommand(a: { gold: string; out: string; inject?: string; seed?: string }, opts: GlobalOptions): Promise<void> {
  const gold = await fs.readFile(a.gold, 'utf8');
  // Unrelated codes for "added-unsupported": conditions a case report rarely mentions.
  const unrelated = ['S52.501A', 'O80', 'Z38.00', 'H52.4', 'L60.0', 'F17.210'];
  const { rows } = claimsFromGold(gold, { inject: Number(a.inject ?? 0.2), seed: Number(a.seed ?? 7), unrelated });
  await writeText(a.out, Papa.unparse(rows));
  const injected = rows.filter((r) => r.injected !== 'none');
  print(opts, { charts: rows.length, injected: injected.length, out: a.out }, () => `${rows.length} claims written to ${a.out}; ${injected.length} with one planted error (${['dropped', 'added-unsupported', 'header-code'].map((k) => `${k} ${injected.filter((r) => r.injected === k).length}`).join(', ')})`);
}
