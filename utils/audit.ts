import { sha256Hex } from '@/lib/util/sha256';
import { db, readSettings, type AuditKind, type ChartCoderDb, type HandoffRow, type ReviewRow } from './db';

/**
 * The audit trail: who did what to which code, when, against which release. Note text is stored
 * only when the user turned that on (Settings.storeNoteText, off by default); otherwise a sha256
 * and the length identify the note version that was reviewed.
 */
export async function startReview(
  note: string,
  origin: string,
  releases: string[],
  d: ChartCoderDb = db(),
): Promise<ReviewRow> {
  const s = await readSettings(d);
  const row: ReviewRow = {
    id: crypto.randomUUID(),
    startedAt: new Date().toISOString(),
    origin,
    user: s.userLabel,
    noteSha256: await sha256Hex(new TextEncoder().encode(note)),
    noteLength: note.length,
    ...(s.storeNoteText ? { noteText: note } : {}),
    releases,
  };
  await d.reviews.add(row);
  await d.audit.add({
    at: row.startedAt,
    reviewId: row.id,
    user: row.user,
    kind: 'review-started',
    detail: `${origin} · ${releases.join(', ')}`,
  });
  return row;
}

export async function logAudit(
  review: Pick<ReviewRow, 'id' | 'user'> | undefined,
  kind: AuditKind,
  code?: string,
  detail?: string,
  d: ChartCoderDb = db(),
) {
  if (!review) return;
  await d.audit.add({
    at: new Date().toISOString(),
    reviewId: review.id,
    user: review.user,
    kind,
    ...(code ? { code } : {}),
    ...(detail ? { detail } : {}),
  });
}

/** Retention: entries (and reviews) older than the setting are deleted; run on panel/options open. */
export async function enforceRetention(now = new Date(), d: ChartCoderDb = db()): Promise<number> {
  const { auditRetentionDays } = await readSettings(d);
  const cutoff = new Date(now.getTime() - auditRetentionDays * 86_400_000).toISOString();
  const n = await d.audit.where('at').below(cutoff).delete();
  await d.reviews.where('startedAt').below(cutoff).delete();
  // Hand-offs hold the patient's name, date of birth and member id: they expire with the rest.
  await d.handoffs.where('at').below(cutoff).delete();
  // Saved reviews hold the patient as confirmed by the coder, and the decisions: the same rule.
  await d.reviewStates.where('at').below(cutoff).delete();
  return n;
}

/** Keeps the review's coded summary for the billing side (the panel on the billing portal reads the latest). */
export async function saveHandoff(
  review: Pick<ReviewRow, 'id' | 'user' | 'origin'>,
  summary: unknown,
  d: ChartCoderDb = db(),
) {
  await d.handoffs.put({
    reviewId: review.id,
    at: new Date().toISOString(),
    user: review.user,
    origin: review.origin,
    summary,
  });
}

export async function latestHandoff(d: ChartCoderDb = db()) {
  return d.handoffs.orderBy('at').last();
}

/**
 * The hand-off for the patient of a billing form: the latest one whose patient matches it (`same`
 * compares a stored summary's patient with the form's); else the latest of all, which the panel
 * then shows as another patient's (fill blocked until the coder confirms).
 */
export async function handoffFor(
  same: (summary: unknown) => boolean,
  d: ChartCoderDb = db(),
): Promise<HandoffRow | undefined> {
  const recent = await d.handoffs.orderBy('at').reverse().limit(200).toArray();
  return recent.find((h) => same(h.summary)) ?? recent[0];
}
