import { availableParallelism } from 'node:os';
import { promises as fs } from 'node:fs';
import { autoShard, parseShardSpec, type Shard } from '../../lib/audit/batch';
import { parseClaimsCsv, type ClaimRow } from '../../lib/audit/claims';
import { intFlag, readTextFile } from '../input';
import { UsageError } from '../output';
import { userPath } from '../paths';

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

/** An audit's flags checked and its claims read, before any pack is opened or chart audited. */
export interface AuditInputs {
  workersWanted: number;
  batch: number;
  shard: Shard | undefined;
  /** The notes folder, absolute. */
  notesDir: string;
  /** The claims file as read (its sha256 identifies the run for --resume). */
  claimsText: string;
  claims: ClaimRow[];
}

/** Checks the flags in the order the user reads them in --help, then reads and parses the claims CSV. */
export async function readAuditInputs(a: AuditOptions): Promise<AuditInputs> {
  const workersWanted =
    a.workers === undefined ? availableParallelism() : intFlag(a.workers, '--workers', { min: 1, max: 64 });
  const batch = intFlag(a.batch, '--batch', { min: 1, max: 1000 }, 8);
  const shard = parseShard(a.shard, a.env ?? process.env);
  const notesDir = userPath(a.notes);
  const notesStat = await fs.stat(notesDir).catch(() => undefined);
  if (!notesStat?.isDirectory())
    throw new UsageError(`${a.notes}: ${notesStat ? 'is a file, not a notes folder' : 'no such notes folder'}`);
  const claimsText = await readTextFile(a.claims, 'claims CSV', 256 * 1024 * 1024);
  const claims = parseClaimsCsv(claimsText, a.claims);
  return { workersWanted, batch, shard, notesDir, claimsText, claims };
}
