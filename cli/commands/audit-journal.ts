import { existsSync, promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditRecord, AuditRunIdentity } from '../../lib/audit/batch';
import type { ClaimRow } from '../../lib/audit/claims';
import { UsageError } from '../output';
import { userPath } from '../paths';

/** What a run is made from: `--resume` finishes a run only when these are the same. */
export interface RunMeta {
  identity: AuditRunIdentity;
  shard: string | null;
}

/** The journal of a run in progress, in `<out>.partial/`. */
export interface Journal {
  /** Records of the interrupted run kept for this one (empty unless resuming). */
  kept: AuditRecord[];
  /** Appends one line per chart done, as each arrives, so a kill loses at most the line being written. */
  append(records: AuditRecord[]): Promise<void>;
  /** Removes the journal once the audit folder is written. */
  remove(): Promise<void>;
}

/** `<out>.partial/run.json` (what the run is made from) and journal.jsonl (one record per chart done). */
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

/** The records an interrupted run finished for `charts`, once each; refuses a run made from other inputs. */
function resumable(out: string, meta: RunMeta, charts: ClaimRow[]): AuditRecord[] {
  const j = journalPaths(out);
  if (!existsSync(j.run)) throw new UsageError(`--resume: no interrupted run to finish for ${out} (no ${j.run})`);
  const before = JSON.parse(readFileSync(j.run, 'utf8')) as RunMeta;
  if (JSON.stringify(before) !== JSON.stringify(meta)) {
    const what = (Object.keys(meta.identity) as (keyof AuditRunIdentity)[]).filter(
      (k) => before.identity?.[k] !== meta.identity[k],
    );
    throw new UsageError(
      `--resume: the interrupted run for ${out} used other inputs (${[...what, ...(before.shard !== meta.shard ? ['shard'] : [])].join(', ') || 'different options'}); run without --resume to start over`,
    );
  }
  const wanted = new Set(charts.map((c) => c.chartId));
  const seen = new Set<string>();
  return readJournal(j.journal).filter((r) => wanted.has(r.chartId) && !seen.has(r.chartId) && seen.add(r.chartId));
}

/** Resumes the journal of an interrupted run for `out` (with `resume`), or starts a new one. */
export async function openJournal(out: string, meta: RunMeta, resume: boolean, charts: ClaimRow[]): Promise<Journal> {
  const j = journalPaths(out);
  const kept = resume ? resumable(out, meta, charts) : [];
  if (!resume) await fs.rm(j.dir, { recursive: true, force: true });
  await fs.mkdir(j.dir, { recursive: true });
  await fs.writeFile(j.run, JSON.stringify(meta));
  // Rewrite the journal with the records kept (drops a torn last line before appending).
  await fs.writeFile(j.journal, kept.map((r) => `${JSON.stringify(r)}\n`).join(''));
  return {
    kept,
    append: async (records) => {
      if (records.length) await fs.appendFile(j.journal, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
    },
    remove: () => fs.rm(j.dir, { recursive: true, force: true }),
  };
}
