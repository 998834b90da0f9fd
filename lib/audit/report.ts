import { escapeHtml as esc } from '../util/html';
import { hccText } from './hcc';
import type { SpotAuditResult } from './spot-audit';

/** One row of findings.csv: every problem the batch audit found, one per line. */
export interface FindingRow {
  chart_id: string;
  kind: 'unsupported' | 'missed' | 'conflict' | 'documentation' | 'validity' | 'info';
  rule: string;
  severity: 'error' | 'warning' | 'info';
  codes: string;
  chapter: string;
  /** CMS-HCC V28 category of the row's first code ("HCC 37: Diabetes with Chronic Complications"), '' when none. */
  hcc?: string;
  message: string;
}

/** One row per problem; `hccOf` names the CMS-HCC category of a code ('' when it has none). */
export function findingRows(
  r: SpotAuditResult,
  chapterOf: (code: string) => string,
  hccOf: (code: string) => string = () => '',
): FindingRow[] {
  const rows: FindingRow[] = [];
  const hcc = (code: string | undefined) => (code ? { hcc: hccOf(code) } : { hcc: '' });
  for (const c of r.unsupported)
    rows.push({
      chart_id: r.chartId,
      kind: 'unsupported',
      rule: 'billed-code-unsupported',
      severity: 'error',
      codes: c,
      chapter: chapterOf(c),
      ...hcc(c),
      message: `${c} is billed but nothing in the note supports it`,
    });
  for (const m of r.missed)
    rows.push({
      chart_id: r.chartId,
      kind: 'missed',
      rule: 'documented-code-not-billed',
      severity: 'warning',
      codes: m.code,
      chapter: chapterOf(m.code),
      ...hcc(m.code),
      message: `${m.code} ${m.description} is documented ("${m.evidence}") but not billed`,
    });
  for (const f of r.findings)
    rows.push({
      chart_id: r.chartId,
      kind: f.kind,
      rule: f.rule,
      severity: f.severity,
      codes: f.codes.join(' '),
      chapter: f.codes[0] ? chapterOf(f.codes[0]) : '',
      ...hcc(f.codes[0]),
      message: f.message,
    });
  return rows;
}

/** Billed diagnoses per CMS-HCC category over the audited charts, most frequent first. */
export function billedByHcc(results: SpotAuditResult[]): [string, number][] {
  const n = new Map<string, number>();
  for (const r of results) for (const h of r.hcc ?? []) n.set(hccText(h), (n.get(hccText(h)) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export interface AuditTotals {
  charts: number;
  audited: number;
  skipped: { chartId: string; why: string }[];
  findings: number;
  byRule: [string, number][];
  byChapter: [string, number][];
  scoreBuckets: [string, number][];
  meanScore: number;
  seconds: number;
  workers: number;
}

const count = (xs: string[]) =>
  [...xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>())].sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
  );

export function totals(
  results: SpotAuditResult[],
  rows: FindingRow[],
  extra: Pick<AuditTotals, 'charts' | 'skipped' | 'seconds' | 'workers'>,
): AuditTotals {
  const buckets = ['0-19', '20-39', '40-59', '60-79', '80-100'];
  const b = new Map(buckets.map((k) => [k, 0]));
  for (const r of results) {
    const k = buckets[Math.min(4, Math.floor(r.score / 20))]!;
    b.set(k, b.get(k)! + 1);
  }
  return {
    ...extra,
    audited: results.length,
    findings: rows.length,
    byRule: count(rows.map((r) => r.rule)),
    byChapter: count(rows.map((r) => r.chapter || '(no code)')),
    scoreBuckets: [...b],
    meanScore: results.length ? Number((results.reduce((s, r) => s + r.score, 0) / results.length).toFixed(1)) : 0,
  };
}

/** Horizontal bar chart as inline SVG (no scripts, no external resources: the report opens offline). */
export function barChart(title: string, data: [string, number][], max = 25): string {
  const rows = data.slice(0, max);
  const top = Math.max(1, ...rows.map((r) => r[1]));
  const h = 20;
  const labelW = 300;
  const barW = 420;
  const bars = rows
    .map(
      ([k, v], i) =>
        `<g transform="translate(0,${i * h})"><text x="${labelW - 6}" y="${h - 6}" text-anchor="end">${esc(k.length > 44 ? `${k.slice(0, 43)}…` : k)}</text><rect x="${labelW}" y="3" width="${Math.max(1, (v / top) * barW)}" height="${h - 6}" fill="#3b6fd8"><title>${esc(k)}: ${v}</title></rect><text x="${labelW + Math.max(1, (v / top) * barW) + 4}" y="${h - 6}">${v}</text></g>`,
    )
    .join('');
  return `<figure><figcaption>${esc(title)}${data.length > max ? ` (top ${max} of ${data.length})` : ''}</figcaption><svg role="img" aria-label="${esc(title)}" width="${labelW + barW + 60}" height="${rows.length * h + 4}" font-size="11" font-family="system-ui">${bars}</svg></figure>`;
}

export function reportHtml(t: AuditTotals, results: SpotAuditResult[], provenance: string[], hccNote?: string): string {
  const worst = [...results].sort((a, b) => a.score - b.score || a.chartId.localeCompare(b.chartId)).slice(0, 50);
  const hccCellHtml = (r: SpotAuditResult) =>
    (r.hcc ?? []).map((h) => `${esc(h.code)} ${esc(hccText(h))}`).join('<br>');
  const perChart = worst
    .map(
      (r) =>
        `<tr><td>${esc(r.chartId)}</td><td>${r.score}</td><td>${esc(r.icdRelease ?? '')}</td><td>${esc(r.billed.join(' '))}</td><td>${esc(r.unsupported.join(' '))}</td><td>${esc(r.missed.map((m) => m.code).join(' '))}</td><td>${hccCellHtml(r)}</td><td>${r.findings.length}</td></tr>`,
    )
    .join('\n');
  const byHcc = billedByHcc(results);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ChartCoder batch audit</title>
<style>body{font:13px system-ui;margin:24px;max-width:1000px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}figure{margin:16px 0}figcaption{font-weight:600;margin-bottom:4px}</style></head><body>
<h1>Batch audit</h1>
<p>${t.audited} of ${t.charts} charts audited in ${t.seconds.toFixed(1)} s on ${t.workers} worker threads · ${t.findings} findings · mean score ${t.meanScore}${t.skipped.length ? ` · ${t.skipped.length} skipped (see summary.json)` : ''}</p>
<p>Code sets: ${provenance.map(esc).join('; ')}</p>
${barChart('Findings by rule', t.byRule)}
${barChart('Findings by ICD-10-CM chapter', t.byChapter)}
${barChart('Charts by audit score (100 = billed as documented)', t.scoreBuckets)}
${hccNote ? `${byHcc.length ? barChart('Billed diagnoses by CMS-HCC V28 category', byHcc) : '<p>No billed diagnosis maps to a CMS-HCC V28 category.</p>'}\n<p>${esc(hccNote)}.</p>` : '<p>No CMS-HCC mapping in the code pack: HCC categories are not shown.</p>'}
<h2>Per chart: the 50 lowest scores</h2>
<table><thead><tr><th>Chart</th><th>Score</th><th>ICD-10-CM</th><th>Billed</th><th>Unsupported</th><th>Missed</th><th>HCC (billed)</th><th>Findings</th></tr></thead><tbody>
${perChart}
</tbody></table>
<p>Score = 100 − 20 per unsupported code − 8 per missed code − 10 per error − 4 per warning (floored at 0): a triage order for reviewers, not a grade. Findings are suggestions for a human reviewer.</p>
</body></html>`;
}

/**
 * When the claims carry planted errors (claims-from-gold: columns injected, detail), how many the
 * audit found: a dropped code among "missed" (same category counts), an added code among
 * "unsupported", a header code flagged as not billable.
 */
export function plantedErrorsFound(
  results: SpotAuditResult[],
  rows: FindingRow[],
  extra: Map<string, Record<string, string>>,
): Record<string, { planted: number; found: number }> {
  const out: Record<string, { planted: number; found: number }> = {};
  const byChart = new Map(results.map((r) => [r.chartId, r]));
  for (const [id, e] of extra) {
    const kind = e.injected;
    if (!kind || kind === 'none') continue;
    const r = byChart.get(id);
    const slot = (out[kind] ??= { planted: 0, found: 0 });
    slot.planted++;
    if (!r) continue;
    const detail = e.detail ?? '';
    let found = false;
    if (kind === 'dropped') found = r.missed.some((m) => m.code.slice(0, 3) === detail.slice(0, 3));
    else if (kind === 'added-unsupported') found = r.unsupported.includes(detail);
    else if (kind === 'header-code') {
      const header = detail.split(' -> ')[1] ?? '';
      found = rows.some(
        (x) => x.chart_id === id && x.rule === 'non-billable-header' && x.codes.split(' ').includes(header),
      );
    }
    if (found) slot.found++;
  }
  return out;
}
