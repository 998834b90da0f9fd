/**
 * One batch-audit worker thread: loads the pack once, then audits the charts it is sent.
 * Results are plain data (the analysis stays here; only the audit outcome crosses threads).
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { spotAudit } from '../../lib/audit/spot-audit';
import { findingRows } from '../../lib/audit/report';
import { loadPack, type IcdLookup } from '../../lib/pack/code-pack';
import { NoteAnalyzer } from '../../lib/suggest/analyze';
import { nativeInflate } from './pack-loader';

export interface AuditTask {
  chartId: string;
  notePath: string;
  codes: string;
  dateOfService: string;
  setting: 'office' | 'hospital';
}

const { packPath } = workerData as { packPath: string };
const pack = loadPack(new Uint8Array(readFileSync(packPath)), packPath, nativeInflate);
const analyzer = new NoteAnalyzer(pack);
const chapterOf = (code: string) => {
  const hit = pack.lookup(code);
  if (hit?.system === 'ICD-10-CM') return (hit as IcdLookup).chapter?.desc ?? `chapter of ${code.slice(0, 1)}`;
  return hit?.system === 'HCPCS' ? 'HCPCS' : /^\d/.test(code) ? 'CPT' : 'not in the code set';
};

parentPort!.on('message', (tasks: AuditTask[]) => {
  const out = tasks.map((t) => {
    try {
      const note = readFileSync(t.notePath, 'utf8');
      const r = spotAudit(t.chartId, note, t.codes, pack, analyzer, { dateOfService: t.dateOfService, setting: t.setting });
      return { ok: true as const, result: r, rows: findingRows(r, chapterOf) };
    } catch (e) {
      return { ok: false as const, chartId: t.chartId, why: e instanceof Error ? e.message : String(e) };
    }
  });
  parentPort!.postMessage(out);
});
parentPort!.postMessage('ready');
