import { useMemo } from 'react';
import type { Finding } from '@/lib/checks/schema';
import { claimEncounter, hasClaim, type ReviewState } from '@/lib/review';
import type { Analysis } from '@/lib/suggest/schema';
import type { ActivePack } from '@/utils/release-store';
import type { FrameCapture } from '@/utils/tab-link';
import type { Engine } from '../engine-loader';

/**
 * The checks on the review's claim, read by the shared code-list parser (claimEncounter): the panel
 * gives the findings `check --codes` gives for the same list, a typed modifier that is not one
 * included. The note goes with its analysis only (the checks never analyse on their own).
 */
export function useFindings(
  active: ActivePack | undefined,
  engine: Engine | undefined,
  state: ReviewState,
  dateOfService: string,
  setting: 'office' | 'hospital',
  analysis: Analysis | undefined,
  note: FrameCapture | undefined,
): Finding[] {
  return useMemo(() => {
    if (!active || !engine || !hasClaim(state)) return [];
    try {
      return engine.checkEncounter(
        {
          dateOfService,
          setting,
          ...claimEncounter(state),
          ...(analysis && note ? { analysis, note: note.text } : {}),
        },
        active.pack,
      );
    } catch (e) {
      return [
        {
          rule: 'input',
          kind: 'validity',
          severity: 'error',
          message: e instanceof Error ? e.message : String(e),
          rationale: '',
          source: 'ChartCoder',
          codes: [],
          evidence: [],
          action: 'Fix the code list.',
        },
      ];
    }
  }, [active, engine, state, dateOfService, setting, analysis, note]);
}
