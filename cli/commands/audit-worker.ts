/**
 * One batch-audit worker thread: loads the pack once, then audits the charts it is sent.
 * Results are plain data (the analysis stays here; only the audit outcome crosses threads).
 */
import { readFileSync, statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { ChartOutcome } from '../../lib/audit/batch';
import { hccText } from '../../lib/audit/hcc';
import { findingRows, type FindingRow } from '../../lib/audit/report';
import { spotAudit } from '../../lib/audit/spot-audit';
import { readCodeList } from '../../lib/claim/code-list';
import { codeSystemOf } from '../../lib/domain/code-system';
import { loadPack, type CodePack } from '../../lib/pack/code-pack';
import { NoteAnalyzer } from '../../lib/suggest/analyze';
import { MAX_TEXT_BYTES, notTextReason } from '../input';
import { nativeInflate } from './pack-loader';
import type { Setting } from '../../lib/domain/setting';

export interface AuditTask {
  chartId: string;
  notePath: string;
  codes: string;
  dateOfService: string;
  setting: Setting;
}

const { packPath } = workerData as { packPath: string };
const pack = loadPack(new Uint8Array(readFileSync(packPath)), packPath, nativeInflate);

/*
 * Each chart is read with the releases in force on its own date of service (pack.atDate): a
 * 2026-03 chart with FY2026 titles and billable flags, a 2026-11 chart with FY2027. Building an
 * analyzer costs ~250 ms, so there is one per ICD-10-CM release (charts share few releases).
 */
const views = new Map<string, CodePack>();
const analyzers = new Map<string, NoteAnalyzer>();
function readerFor(dos: string): { view: CodePack; analyzer: NoteAnalyzer } {
  let view = views.get(dos);
  if (!view) views.set(dos, (view = pack.atDate(dos)));
  const key = view.currentIcdRelease?.label ?? '';
  let analyzer = analyzers.get(key);
  if (!analyzer) analyzers.set(key, (analyzer = new NoteAnalyzer(view)));
  return { view, analyzer };
}
const hccOf = (code: string) => {
  const h = pack.hccOf(code);
  return h ? hccText(h) : '';
};
/** The findings' chapter column: an ICD-10-CM code's chapter, else the code system of a service. */
const chapterOf = (code: string) => {
  const hit = pack.lookup(code);
  if (hit?.system === 'ICD-10-CM') return pack.chapterOf(code)?.desc ?? `chapter of ${code.slice(0, 1)}`;
  return hit?.system === 'HCPCS' ? 'HCPCS' : codeSystemOf(code) === 'CPT' ? 'CPT' : 'not in the code set';
};

/**
 * Entries of the billed list that are not codes as written ('"I10"', 'ZZZZZ', '<img>', 'E11..22'):
 * one finding each, so a claim line never vanishes from the audit unreported. Left out when the
 * checks engine reported them already.
 */
function unreadableEntries(
  chartId: string,
  codes: string,
  view: CodePack,
  dos: string,
  found: FindingRow[],
): FindingRow[] {
  if (found.some((r) => r.rule === 'unparseable-code')) return [];
  return readCodeList(codes, view, dos)
    .problems.filter((p) => p.kind === 'shape')
    .map((p) => ({
      chart_id: chartId,
      kind: 'validity' as const,
      rule: 'unparseable-code',
      severity: 'error' as const,
      codes: p.meant ?? '',
      chapter: p.meant ? chapterOf(p.meant) : '',
      message: p.message,
    }));
}

function auditOne(t: AuditTask): ChartOutcome {
  const size = statSync(t.notePath).size;
  if (size > MAX_TEXT_BYTES)
    return {
      chartId: t.chartId,
      ok: false,
      why: `note is ${(size / 1048576).toFixed(1)} MB, over the ${MAX_TEXT_BYTES / 1048576} MB limit`,
    };
  const bytes = new Uint8Array(readFileSync(t.notePath));
  const notText = notTextReason(bytes);
  if (notText) return { chartId: t.chartId, ok: false, why: `note is not a text file (${notText})` };
  const note = new TextDecoder('utf-8').decode(bytes);
  const { view, analyzer } = readerFor(t.dateOfService);
  const result = spotAudit(t.chartId, note, t.codes, view, analyzer, {
    dateOfService: t.dateOfService,
    setting: t.setting,
  });
  const rows = findingRows(result, chapterOf, hccOf);
  rows.push(...unreadableEntries(t.chartId, t.codes, view, t.dateOfService, rows));
  return { chartId: t.chartId, ok: true, result, rows };
}

parentPort!.on('message', (tasks: AuditTask[]) => {
  const out = tasks.map((t): ChartOutcome => {
    try {
      return auditOne(t);
    } catch (e) {
      return { chartId: t.chartId, ok: false, why: e instanceof Error ? e.message.split('\n')[0]! : String(e) };
    }
  });
  parentPort!.postMessage(out);
});
parentPort!.postMessage('ready');
