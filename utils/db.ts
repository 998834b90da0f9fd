import Dexie, { type EntityTable } from 'dexie';
import { z } from 'zod';
import { FAMILIES } from '@/lib/em/schema';

/**
 * User data in the extension's own IndexedDB (never the EHR page's: STACK.md trap 8). The code
 * pack itself is stored as a few large chunks, not row by row (a row costs ~0.1 ms in Chromium).
 *
 * Schema history (each version keeps a fixture in test/fixtures/db and the chain test opens it):
 *  v1  settings as one object row; imported releases + pack chunks; reviews.
 *  v2  one row per setting (so a setting can change without rewriting the others); audit trail;
 *      licensed CPT descriptors; reviews keep a note hash + length instead of text by default.
 *  v3  hand-offs: the coded summary of a review, so the panel on the billing portal can fill the
 *      charge-entry form from it (same browser profile, no network).
 *  v4  review states: the coder's work on a chart (decisions, claim order, services, E/M choice,
 *      finding states, patient as confirmed), keyed by site + patient + encounter, so reopening the
 *      panel, a reload, an extension update or an in-app address change restores it.
 */
export const SettingsSchema = z.strictObject({
  setting: z.enum(['office', 'hospital']).default('office'),
  /** The E/M family a new review levels in: 'auto' reads it from the note (the coder can override per chart). */
  visitKind: z.enum(['auto', ...FAMILIES]).default('auto'),
  /** Off by default: reviews keep a hash and the length of the note, not its text. */
  storeNoteText: z.boolean().default(false),
  auditRetentionDays: z.number().int().min(1).max(3650).default(400),
  userLabel: z.string().max(80).default('coder'),
  /** Share of reviews offered for a compliance spot-audit, in percent. */
  spotAuditPercent: z.number().min(0).max(100).default(5),
  activeRelease: z.string().optional(),
  previousRelease: z.string().optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export interface SettingRow {
  key: string;
  value: unknown;
}
export interface ReleaseRow {
  id: string;
  importedAt: string;
  label: string;
  /** PackSource[] of the compiled pack (provenance shown in options and the panel). */
  sources: unknown[];
  files: string[];
  bytes: number;
  chunks: number;
}
export interface PackChunkRow {
  releaseId: string;
  seq: number;
  data: Uint8Array;
}
export interface ReviewRow {
  id: string;
  startedAt: string;
  origin: string;
  user: string;
  noteSha256: string;
  noteLength: number;
  noteText?: string;
  releases: string[];
}
export type AuditKind =
  | 'review-started'
  | 'review-restored'
  | 'patient-confirmed'
  | 'shown'
  | 'accepted'
  | 'rejected'
  | 'replaced'
  | 'finding-acknowledged'
  | 'finding-overridden'
  | 'exported'
  | 'form-filled'
  | 'spot-audit';
export interface AuditRow {
  id?: number;
  at: string;
  reviewId: string;
  user: string;
  kind: AuditKind;
  code?: string;
  detail?: string;
}
export interface CptRow {
  code: string;
  descriptor: string;
  importedAt: string;
}
/** summary: a CodedSummary (validated with its Zod schema when read back). */
export interface HandoffRow {
  reviewId: string;
  at: string;
  user: string;
  origin: string;
  summary: unknown;
}
/** state: a ReviewState (lib/review), validated when read back; key: reviewKeyOf (utils/tab-link). */
export interface ReviewStateRow {
  key: string;
  reviewId: string;
  at: string;
  noteSha256: string;
  state: unknown;
}

export type ChartCoderDb = Dexie & {
  settings: EntityTable<SettingRow, 'key'>;
  releases: EntityTable<ReleaseRow, 'id'>;
  packChunks: EntityTable<PackChunkRow, 'releaseId'>;
  reviews: EntityTable<ReviewRow, 'id'>;
  audit: EntityTable<AuditRow, 'id'>;
  cpt: EntityTable<CptRow, 'code'>;
  handoffs: EntityTable<HandoffRow, 'reviewId'>;
  reviewStates: EntityTable<ReviewStateRow, 'key'>;
};

export const DB_NAME = 'chartcoder';

export const SCHEMA_V1 = {
  settings: 'key',
  releases: 'id, importedAt',
  packChunks: '[releaseId+seq], releaseId',
  reviews: 'id, startedAt',
};
export const SCHEMA_V2 = { ...SCHEMA_V1, audit: '++id, at, reviewId, kind', cpt: 'code' };
export const SCHEMA_V3 = { ...SCHEMA_V2, handoffs: '&reviewId, at' };
export const SCHEMA_V4 = { ...SCHEMA_V3, reviewStates: '&key, at, reviewId' };

export function openDb(
  name = DB_NAME,
  deps?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange },
): ChartCoderDb {
  const db = new Dexie(name, deps) as ChartCoderDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade(async (tx) => {
      const blob = await tx.table('settings').get('settings');
      if (blob && typeof blob.value === 'object' && blob.value) {
        await tx.table('settings').delete('settings');
        await tx
          .table('settings')
          .bulkPut(Object.entries(blob.value as Record<string, unknown>).map(([key, value]) => ({ key, value })));
      }
      // v1 reviews could hold note text; v2 keeps it only when the user opted in (privacy default).
      const opted = (blob?.value as { storeNoteText?: boolean } | undefined)?.storeNoteText === true;
      if (!opted)
        await tx
          .table('reviews')
          .toCollection()
          .modify((r: { noteText?: string }) => void delete r.noteText);
    });
  db.version(3).stores(SCHEMA_V3);
  // v4 only adds a table: reviews started before it have no saved state and open empty, as they did.
  db.version(4).stores(SCHEMA_V4);
  return db;
}

let shared: ChartCoderDb | undefined;
export function db(): ChartCoderDb {
  shared ??= openDb();
  return shared;
}

export async function readSettings(d: ChartCoderDb = db()): Promise<Settings> {
  const rows = await d.settings.toArray();
  const obj = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  const parsed = SettingsSchema.safeParse(obj);
  // A bad stored value falls back to defaults for that key, never blocks the panel.
  if (parsed.success) return parsed.data;
  const clean = Object.fromEntries(
    Object.entries(obj).filter(([k, v]) => SettingsSchema.shape[k as keyof Settings]?.safeParse(v).success),
  );
  return SettingsSchema.parse(clean);
}

export async function writeSettings(patch: Partial<Settings>, d: ChartCoderDb = db()): Promise<Settings> {
  const next = SettingsSchema.parse({ ...(await readSettings(d)), ...patch });
  await d.settings.bulkPut(Object.entries(patch).map(([key]) => ({ key, value: next[key as keyof Settings] })));
  return next;
}
