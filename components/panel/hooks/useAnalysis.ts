import { useMemo } from 'react';
import { levelEncounter } from '@/lib/em/em';
import type { VisitChoice } from '@/lib/review';
import { NoteAnalyzer } from '@/lib/suggest/analyze';
import type { Analysis } from '@/lib/suggest/schema';
import type { ActivePack } from '@/utils/release-store';
import type { FrameCapture } from '@/utils/tab-link';

/**
 * The note's analysis (suggestions with evidence) and its E/M level. The family is read from the
 * note ('auto', as `em --visit auto` does) unless the coder chose one for this chart.
 */
export function useAnalysis(active: ActivePack | undefined, note: FrameCapture | undefined, setting: 'office' | 'hospital', dateOfService: string, visit: VisitChoice, onError: (message: string) => void) {
  const analyzer = useMemo(() => {
    if (!active) return undefined;
    performance.mark('cc:analyzer-start');
    const made = new NoteAnalyzer(active.pack);
    performance.measure('cc:analyzer-ready', 'cc:analyzer-start');
    return made;
  }, [active]);

  const analysis: Analysis | undefined = useMemo(() => {
    if (!analyzer || !note) return undefined;
    try {
      performance.mark('cc:analyze-start');
      const result = analyzer.analyze(note.text, { setting, dateOfService });
      performance.measure('cc:analyze', 'cc:analyze-start');
      return result;
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
      return undefined;
    }
  }, [analyzer, note, setting, dateOfService, onError]);

  const em = useMemo(() => (note ? levelEncounter(note.text, visit === 'auto' ? undefined : visit, { setting }) : undefined), [note, visit, setting]);
  return { analyzer, analysis, em };
}
