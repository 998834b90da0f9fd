import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { emptyReview, reduceReview, type ReviewAction, type ReviewState, type VisitChoice } from '@/lib/review';
import type { Analysis } from '@/lib/suggest/schema';
import { sha256Hex } from '@/lib/util/sha256';
import { logAudit, startReview } from '@/utils/audit';
import type { ReviewRow } from '@/utils/db';
import type { ActivePack } from '@/utils/release-store';
import { loadReview, saveReview } from '@/utils/review-store';
import { reviewKeyOf, type FrameCapture } from '@/utils/tab-link';

const hashOf = (text: string) => sha256Hex(new TextEncoder().encode(text));

/**
 * The review of the chart on the page, over the pure reducer (lib/review): each step's audit
 * events are logged, each state saved (Dexie, keyed by site + patient + encounter). Another chart
 * opens its own review: its saved one when there is one (panel reopened, page reloaded, in-app
 * address change), else a new one — decisions never follow the coder to the next patient.
 * `ready` is false while a chart's review is being opened: nothing is saved or handed off then.
 */
export function useReview(note: FrameCapture | undefined, releases: string[], defaultVisit: VisitChoice | undefined) {
  const [state, setState] = useState<ReviewState>(() => emptyReview());
  const current = useRef(state);
  const row = useRef<ReviewRow | undefined>(undefined);
  const noteSha = useRef('');
  const opening = useRef<string | undefined>(undefined);
  const key = note ? reviewKeyOf(note) : undefined;
  const ready = key !== undefined && state.key === key && row.current !== undefined;
  // Decisions made while the chart's review opens (the suggestions are on screen first) wait for
  // it, tagged with the chart they were made on: another chart's review never receives them.
  const noteKey = useRef<string | undefined>(undefined);
  const waiting = useRef<{ key: string; action: ReviewAction }[]>([]);
  useEffect(() => {
    noteKey.current = key;
  }, [key]);

  const dispatch = useCallback((action: ReviewAction) => {
    if (action.type !== 'open-chart' && (!current.current.key || opening.current)) {
      if (noteKey.current && noteKey.current !== current.current.key)
        waiting.current.push({ key: noteKey.current, action });
      return;
    }
    const step = reduceReview(current.current, action);
    current.current = step.state;
    setState(step.state);
    for (const e of step.events) void logAudit(row.current, e.kind, e.code, e.detail);
  }, []);

  useEffect(() => {
    // Waits for the code pack: the review records the releases it was coded against.
    if (!note || !key || !releases.length || key === current.current.key || key === opening.current) return;
    opening.current = key;
    void (async () => {
      const sha = await hashOf(note.text);
      const saved = await loadReview(key, sha).catch(() => undefined);
      const review =
        saved?.review ??
        (opening.current === key ? await startReview(note.text, new URL(note.frameUrl).origin, releases) : undefined);
      if (!review || opening.current !== key) return; // another chart was read meanwhile
      noteSha.current = sha;
      row.current = review;
      if (saved)
        void logAudit(
          review,
          'review-restored',
          undefined,
          saved.noteChanged ? 'the note changed since the review was saved' : undefined,
        );
      opening.current = undefined;
      dispatch({
        type: 'open-chart',
        key,
        banner: note.header ?? {},
        ...(saved ? { saved: saved.state } : {}),
        ...(defaultVisit ? { defaultVisit } : {}),
      });
      const replay = waiting.current.filter((w) => w.key === key);
      waiting.current = [];
      for (const w of replay) dispatch(w.action);
    })();
  }, [key, note, releases, defaultVisit, dispatch]);

  // The same chart's note edited: the saved review records the note it now belongs to.
  useEffect(() => {
    if (note && ready) void hashOf(note.text).then((sha) => (noteSha.current = sha));
  }, [note, ready]);

  // Every change is saved at once (one small row; a reload right after a click keeps the click).
  useEffect(() => {
    if (ready && row.current) void saveReview(row.current, state, noteSha.current).catch(() => {});
  }, [state, ready]);

  return { state, dispatch, ready, review: ready ? row.current : undefined };
}

/** Logs "shown" with the suggested codes when a chart's review opens and whenever the list changes. */
export function useShownLog(review: ReviewRow | undefined, analysis: Analysis | undefined, noteLength: number) {
  const last = useRef<{ id?: string; shown: string }>({ shown: '' });
  useEffect(() => {
    if (!review || !analysis) return;
    const shown = analysis.suggestions.map((s) => s.code).join(' ');
    if (last.current.id === review.id && last.current.shown === shown) return;
    const edited = last.current.id === review.id;
    last.current = { id: review.id, shown };
    void logAudit(review, 'shown', undefined, edited ? `note edited (${noteLength} characters): ${shown}` : shown);
  }, [review, analysis, noteLength]);
}

/**
 * The releases the review records it is coded against: this page's pack, or until it is loaded
 * the background's that answered the first suggestions (so decisions can start at once).
 */
export function useReviewReleases(active: ActivePack | undefined) {
  const [answered, setAnswered] = useState<string[]>([]);
  const own = useMemo(() => [...new Set(active?.pack.sources.map((s) => `${s.system} ${s.release}`) ?? [])], [active]);
  const answeredWith = useCallback((releases: string[] | undefined) => {
    if (releases?.length) setAnswered(releases);
  }, []);
  return { releases: active ? own : answered, answeredWith };
}
