import { useEffect, useMemo, useRef, useState } from 'react';
import type { VisitChoice } from '@/lib/review';
import type { NoteAnalyzer } from '@/lib/suggest/analyze';
import type { Analysis } from '@/lib/suggest/schema';
import { BACKGROUND_ANALYSIS_MAX_CHARS } from '@/utils/messages';
import type { ActivePack } from '@/utils/release-store';
import type { FrameCapture } from '@/utils/tab-link';
import type { Engine } from '../engine-loader';
import { analysisKey, useBackgroundAnalysis, useKeepBackgroundWarm } from './useBackgroundAnalysis';

const samePack = (active: ActivePack, pack: { origin: string; releaseId?: string }) =>
  active.origin === pack.origin && active.releaseId === pack.releaseId;

/**
 * The note's analysis (suggestions with evidence) and its E/M level. The background's warm
 * analyzer answers first; this page analyses with its own pack only when the background cannot
 * (or answered from another pack than the one this page loaded). The page's analyzer is built on
 * first use (a local analysis, a spot-audit), not on load. The E/M family is read from the note
 * ('auto', as `em --visit auto` does) unless the coder chose one for this chart.
 */
export function useAnalysis(
  active: ActivePack | undefined,
  engine: Engine | undefined,
  note: FrameCapture | undefined,
  setting: 'office' | 'hospital',
  dateOfService: string,
  visit: VisitChoice,
  onError: (message: string) => void,
) {
  const viaBackground = note !== undefined && note.text.length <= BACKGROUND_ANALYSIS_MAX_CHARS;
  const remote = useBackgroundAnalysis(viaBackground ? note.text : undefined, setting, dateOfService);
  useKeepBackgroundWarm();

  const analyzer = useMemo(() => {
    if (!active || !engine) return undefined;
    let made: NoteAnalyzer | undefined;
    return () => {
      if (!made) {
        performance.mark('cc:analyzer-start');
        made = new engine.NoteAnalyzer(active.pack);
        performance.measure('cc:analyzer-ready', 'cc:analyzer-start');
      }
      return made;
    };
  }, [active, engine]);

  const key = note ? analysisKey(note.text, setting, dateOfService) : undefined;
  const fromBackground =
    remote && remote.key === key && remote.analysis && remote.pack && (!active || samePack(active, remote.pack))
      ? remote.analysis
      : undefined;
  const needLocal = key !== undefined && !fromBackground && (!viaBackground || remote?.key === key);

  const local: Analysis | undefined = useMemo(() => {
    if (!needLocal || !analyzer || !note) return undefined;
    try {
      performance.mark('cc:analyze-start');
      const result = analyzer().analyze(note.text, { setting, dateOfService });
      performance.measure('cc:analyze', 'cc:analyze-start');
      return result;
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
      return undefined;
    }
  }, [needLocal, analyzer, note, setting, dateOfService, onError]);

  // While the background answers an edited note (~0.1 s), the last analysis stays on screen (no
  // flicker, focus kept); `stale` says its offsets belong to the previous text (nothing is highlighted).
  const current = fromBackground ?? local;
  const last = useRef<Analysis | undefined>(undefined);
  if (current) last.current = current;
  else if (!note) last.current = undefined;
  const analysis = current ?? last.current;
  // The E/M level is shown with the page's own pack, after the first suggestions: it is computed
  // once both are on screen (a render later), so it never holds them up (~0.15 s for a visit note).
  const [emReady, setEmReady] = useState(false);
  const shown = engine !== undefined && analysis !== undefined;
  useEffect(() => {
    if (shown) setEmReady(true);
  }, [shown]);
  const em = useMemo(
    () =>
      note && engine && emReady
        ? engine.levelEncounter(note.text, visit === 'auto' ? undefined : visit, { setting })
        : undefined,
    [note, engine, visit, setting, emReady],
  );
  return {
    needLocal,
    analyzer,
    analysis,
    answeredBy: fromBackground ? remote?.pack : undefined,
    stale: analysis !== undefined && current === undefined,
    em,
    analysedBy: fromBackground ? ('background' as const) : local ? ('panel' as const) : undefined,
  };
}
