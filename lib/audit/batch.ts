import Papa from 'papaparse';
import type { ClaimRow } from './claims';
import { hccCell } from './hcc';
import { notInForceNote, releaseShort, type ReleaseInForce } from '../pack/release-resolver';
import { plantedErrorsFound, reportHtml, totals, type AuditTotals, type FindingRow } from './report';
import type { SpotAuditResult } from './spot-audit';
import type { Setting } from '../domain/setting';

/*
 * The batch audit as data, shared by a run, a resumed run and `audit merge`: every chart ends as
 * one record (audited with its result and rows, or skipped with why); the outputs are a pure
 * function of the records, so a run, the same run resumed after a kill, and its shards merged
 * give the same files.
 */
export type ChartOutcome =
  | { chartId: string; ok: true; result: SpotAuditResult; rows: FindingRow[] }
  | { chartId: string; ok: false; why: string };
/** A chart's outcome with its claims row (so a merge needs only the shard folders). */
export type AuditRecord = ChartOutcome & { claim: ClaimRow };

/** What a run was made from; a resumed run or a merged shard must match it. */
export interface AuditRunIdentity {
  claimsSha256: string;
  claimsInFile: number;
  packSha256: string;
  notes: string;
  dateOfServiceDefault: string;
  setting: Setting;
}

export interface Shard {
  /** 0-based. */
  index: number;
  of: number;
}

/** "2/8" -> shard 2 of 8 (1-based). */
export function parseShardSpec(s: string): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(s.trim());
  if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2]) || Number(m[2]) > 100_000) return undefined;
  return { index: Number(m[1]) - 1, of: Number(m[2]) };
}

export const shardLabel = (s: Shard) => `${s.index + 1}/${s.of}`;

/**
 * `--shard auto`: the array index from the batch engine running this task, and the count from the
 * engine or from `auto/<n>` / CHARTCODER_SHARDS. Kubernetes Indexed Jobs: JOB_COMPLETION_INDEX
 * (0-based; the count is the Job's completions, not in the environment); Slurm job arrays:
 * SLURM_ARRAY_TASK_ID relative to SLURM_ARRAY_TASK_MIN and _STEP, SLURM_ARRAY_TASK_COUNT; AWS Batch
 * array jobs: AWS_BATCH_JOB_ARRAY_INDEX (0-based; the array size is not in the environment).
 */
export function autoShard(
  spec: string,
  env: Record<string, string | undefined>,
): { shard: Shard; from: string } | { error: string } {
  const m = /^auto(?:\/(\d+))?$/.exec(spec.trim());
  if (!m) return { error: `--shard must be i/n or auto (or auto/n), not "${spec}"` };
  const int = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v.trim()) ? Number(v) : undefined);
  let index: number | undefined;
  let from = '';
  let count = int(m[1]) ?? int(env.CHARTCODER_SHARDS);
  if (int(env.JOB_COMPLETION_INDEX) !== undefined) {
    index = int(env.JOB_COMPLETION_INDEX);
    from = 'Kubernetes JOB_COMPLETION_INDEX';
  } else if (int(env.SLURM_ARRAY_TASK_ID) !== undefined) {
    const step = int(env.SLURM_ARRAY_TASK_STEP) ?? 1;
    index = (int(env.SLURM_ARRAY_TASK_ID)! - (int(env.SLURM_ARRAY_TASK_MIN) ?? 0)) / Math.max(1, step);
    count ??= int(env.SLURM_ARRAY_TASK_COUNT);
    from = 'Slurm SLURM_ARRAY_TASK_ID';
  } else if (int(env.AWS_BATCH_JOB_ARRAY_INDEX) !== undefined) {
    index = int(env.AWS_BATCH_JOB_ARRAY_INDEX);
    from = 'AWS Batch AWS_BATCH_JOB_ARRAY_INDEX';
  }
  if (index === undefined)
    return {
      error:
        '--shard auto: no array index in the environment (JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID or AWS_BATCH_JOB_ARRAY_INDEX); give --shard i/n',
    };
  if (count === undefined)
    return {
      error: `--shard auto: ${from} is ${index} but the number of shards is unknown; give --shard auto/<n> or set CHARTCODER_SHARDS`,
    };
  if (!Number.isInteger(index) || index < 0 || index >= count)
    return { error: `--shard auto: index ${index} from ${from} is outside 0…${count - 1}` };
  return { shard: { index, of: count }, from };
}

/** The charts of a shard: claims sorted by chart id, every n-th starting at i, so n shards cover each chart once. */
export function chartsOfShard(claims: ClaimRow[], shard?: Shard): ClaimRow[] {
  const sorted = [...claims].sort((a, b) => (a.chartId < b.chartId ? -1 : a.chartId > b.chartId ? 1 : 0));
  return shard ? sorted.filter((_, i) => i % shard.of === shard.index) : sorted;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** How many times each value occurs, keys in sorted order (stable in summary.json). */
function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of [...values].sort(byId)) out[v] = (out[v] ?? 0) + 1;
  return out;
}

/** CSV with every cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) prefixed with '. */
export function safeCsv(rows: Record<string, unknown>[], columns?: string[]): string {
  return Papa.unparse(rows, { escapeFormulae: true, ...(columns ? { columns } : {}) });
}

export interface ReleaseGroup {
  /** "ICD-10-CM FY2026 · HCPCS 2026 JAN (Q1)* · PTP 2024 Q3* · …" (* = not in force on those dates; the nearest loaded release answers). */
  releases: string;
  charts: number;
  firstDate: string;
  lastDate: string;
}

/**
 * Charts grouped by the releases that answer on their own dates of service (a claim's
 * date_of_service, else the run's default): the one line a batch run says about releases.
 */
export function releaseGroups(
  charts: ClaimRow[],
  defaultDos: string,
  resolve: (dos: string) => ReleaseInForce[],
): ReleaseGroup[] {
  const byDate = new Map<string, number>();
  for (const c of charts)
    byDate.set(c.dateOfService ?? defaultDos, (byDate.get(c.dateOfService ?? defaultDos) ?? 0) + 1);
  const groups = new Map<string, ReleaseGroup>();
  for (const [dos, n] of [...byDate].sort((a, b) => byId(a[0], b[0]))) {
    const key = resolve(dos).map(releaseShort).join(' · ');
    const g = groups.get(key);
    if (g) {
      g.charts += n;
      g.lastDate = dos;
    } else groups.set(key, { releases: key, charts: n, firstDate: dos, lastDate: dos });
  }
  return [...groups.values()];
}

/** The groups in one line: "Dates of service 2026-03-01…2026-03-31 (40 charts): ICD-10-CM FY2026 · …; …". */
export function releaseGroupsLine(groups: ReleaseGroup[]): string {
  const parts = groups.map(
    (g) =>
      `${g.firstDate === g.lastDate ? g.firstDate : `${g.firstDate}…${g.lastDate}`} (${g.charts} chart${g.charts === 1 ? '' : 's'}): ${g.releases}`,
  );
  const note = groups.some((g) => g.releases.includes('*')) ? notInForceNote('those dates') : '';
  return `Each chart answered from the releases in force on its date of service — ${parts.join('; ')}${note}`;
}

export interface AssembledAudit {
  records: AuditRecord[];
  results: SpotAuditResult[];
  rows: FindingRow[];
  totals: AuditTotals;
  planted: ReturnType<typeof plantedErrorsFound>;
  findingsCsv: string;
  chartsCsv: string;
  summary: Record<string, unknown>;
  reportHtml: string;
}

export const FINDING_COLUMNS = ['chart_id', 'kind', 'rule', 'severity', 'codes', 'chapter', 'hcc', 'message'];

/**
 * The outputs from the records of the charts in `charts` (one per chart, any order). Throws when
 * a chart has no record or two, or a record names a chart outside the list: audited + skipped must
 * equal the charts asked for.
 */
export function assembleAudit(
  charts: ClaimRow[],
  records: AuditRecord[],
  meta: {
    identity: AuditRunIdentity;
    shard: string | null;
    provenance: string[];
    seconds: number;
    workers: number;
    hccNote?: string;
  },
): AssembledAudit {
  const wanted = new Set(charts.map((c) => c.chartId));
  const seen = new Map<string, AuditRecord>();
  for (const r of records) {
    if (!wanted.has(r.chartId))
      throw new Error(`audit record for chart ${r.chartId}, which is not in the claims asked for`);
    if (seen.has(r.chartId)) throw new Error(`two audit records for chart ${r.chartId}`);
    seen.set(r.chartId, r);
  }
  const missing = charts.filter((c) => !seen.has(c.chartId));
  if (missing.length)
    throw new Error(`${missing.length} chart(s) without an audit record (first: ${missing[0]!.chartId})`);
  const ordered = charts.map((c) => seen.get(c.chartId)!).sort((a, b) => byId(a.chartId, b.chartId));
  const results = ordered.flatMap((r) => (r.ok ? [r.result] : []));
  const rows = ordered
    .flatMap((r) => (r.ok ? r.rows : []))
    .sort(
      (x, y) =>
        byId(x.chart_id, y.chart_id) || byId(x.rule, y.rule) || byId(x.codes, y.codes) || byId(x.message, y.message),
    );
  const skipped = ordered.flatMap((r) => (r.ok ? [] : [{ chartId: r.chartId, why: r.why }]));
  const t = totals(results, rows, { charts: charts.length, skipped, seconds: meta.seconds, workers: meta.workers });
  if (t.audited + t.skipped.length !== charts.length)
    throw new Error(`audited ${t.audited} + skipped ${t.skipped.length} is not the ${charts.length} charts asked for`);
  const extraOf = new Map(charts.map((c) => [c.chartId, c.extra]));
  const dosOf = new Map(charts.flatMap((c) => (c.dateOfService ? [[c.chartId, c.dateOfService] as const] : [])));
  const planted = plantedErrorsFound(results, rows, extraOf);
  const extraColumns = [...new Set(charts.flatMap((c) => Object.keys(c.extra)))].sort();
  const chartRows = results.map((r) => ({
    chart_id: r.chartId,
    score: r.score,
    billed: r.billed.join(' '),
    unsupported: r.unsupported.join(' '),
    missed: r.missed.map((m) => m.code).join(' '),
    findings: r.findings.length,
    hcc: hccCell(r.hcc ?? []),
    icd_release: r.icdRelease ?? '',
    date_of_service: dosOf.get(r.chartId) ?? meta.identity.dateOfServiceDefault,
    ...extraOf.get(r.chartId),
  }));
  const summary = {
    ...t,
    check: `audited ${t.audited} + skipped ${t.skipped.length} = ${charts.length} charts${meta.shard ? ` of shard ${meta.shard}` : ''} (${meta.identity.claimsInFile} in the claims file)`,
    shard: meta.shard,
    claimsInFile: meta.identity.claimsInFile,
    dateOfServiceDefault: meta.identity.dateOfServiceDefault,
    provenance: meta.provenance,
    ...(meta.hccNote ? { hccMapping: meta.hccNote } : {}),
    icdReleasesUsed: countBy(results.map((r) => r.icdRelease ?? '(unknown)')),
    planted,
    run: meta.identity,
  };
  return {
    records: ordered,
    results,
    rows,
    totals: t,
    planted,
    findingsCsv: safeCsv(rows as unknown as Record<string, unknown>[], FINDING_COLUMNS),
    chartsCsv: safeCsv(chartRows, [
      'chart_id',
      'score',
      'billed',
      'unsupported',
      'missed',
      'findings',
      'hcc',
      'date_of_service',
      'icd_release',
      ...extraColumns,
    ]),
    summary,
    reportHtml: reportHtml(t, results, meta.provenance, meta.hccNote),
  };
}
