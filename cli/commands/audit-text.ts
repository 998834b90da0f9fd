import path from 'node:path';
import type { AssembledAudit } from '../../lib/audit/batch';
import { billedByHcc } from '../../lib/audit/report';

/** How the run went, for the text summary (the JSON summary carries the same facts). */
export interface RunFacts {
  seconds: number;
  workers: number;
  /** "i/n" when one shard was audited, else null. */
  shard: string | null;
  /** Charts taken from the interrupted run's journal. */
  resumed: number;
  out: string;
}

/** The audit's text summary: totals, findings by rule, billed HCC categories, planted errors, skipped charts, files. */
export function auditSummaryText(assembled: AssembledAudit, run: RunFacts): string {
  const t = assembled.totals;
  const planted = assembled.planted;
  return [
    `${t.audited}/${t.charts} charts audited in ${run.seconds.toFixed(1)} s on ${run.workers} workers${run.shard ? ` (shard ${run.shard})` : ''}${run.resumed ? ` (${run.resumed} from the interrupted run)` : ''}; ${t.findings} findings; mean score ${t.meanScore}`,
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
    `wrote ${path.join(run.out, 'findings.csv')}, charts.csv, summary.json, report.html, results.jsonl`,
  ]
    .filter(Boolean)
    .join('\n');
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
