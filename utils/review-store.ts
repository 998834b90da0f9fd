import { parseReview, type ReviewState } from '@/lib/review';
import { db, type ChartCoderDb, type ReviewRow } from './db';

/**
 * The review of each chart, saved on every change and restored when the same chart is read again
 * (panel reopened, page reloaded, extension updated, in-app address change). Keyed by reviewKeyOf:
 * site + patient + encounter. The note itself is not stored, only its hash (a changed note is said).
 */
export interface SavedReview {
  state: ReviewState;
  review: ReviewRow;
  /** True when the note read now differs from the one the review was saved with. */
  noteChanged: boolean;
}

export async function loadReview(
  key: string,
  noteSha256: string,
  d: ChartCoderDb = db(),
): Promise<SavedReview | undefined> {
  const row = await d.reviewStates.get(key);
  if (!row) return undefined;
  const state = parseReview(row.state);
  const review = await d.reviews.get(row.reviewId);
  // A state that no longer parses, or whose review expired under retention, starts afresh.
  if (!state || state.key !== key || !review) return undefined;
  return { state, review, noteChanged: row.noteSha256 !== noteSha256 };
}

export async function saveReview(
  review: Pick<ReviewRow, 'id'>,
  state: ReviewState,
  noteSha256: string,
  d: ChartCoderDb = db(),
): Promise<void> {
  if (!state.key) return;
  await d.reviewStates.put({ key: state.key, reviewId: review.id, at: new Date().toISOString(), noteSha256, state });
}
