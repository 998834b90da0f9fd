import { useMemo } from 'react';
import type { Finding } from '@/lib/checks/schema';
import type { CptDescriptors } from '@/lib/cpt/descriptors';
import { summaryDraft, type ReviewState } from '@/lib/review';
import type { CodedSummary } from '@/lib/summary/schema';
import type { ActivePack } from '@/utils/release-store';
import type { Engine } from '../engine-loader';
import { findingKey } from '../FindingsList';

/** The coded summary of the review (what the exports and the billing hand-off carry), or why it cannot be built. */
export function useSummary(
  active: ActivePack | undefined,
  engine: Engine | undefined,
  state: ReviewState,
  findings: Finding[],
  dateOfService: string,
  setting: 'office' | 'hospital',
  cpt: CptDescriptors,
) {
  return useMemo((): { summary?: CodedSummary; problems: string[] } => {
    if (!active || !engine) return { problems: [] };
    try {
      const withStates = findings.map((f) => {
        const st = state.findingStates[findingKey(f)];
        return {
          rule: f.rule,
          severity: f.severity,
          message: f.message,
          codes: f.codes,
          status: st?.status ?? ('open' as const),
          ...(st?.reason ? { reason: st.reason } : {}),
        };
      });
      return {
        summary: engine.buildSummary(
          summaryDraft(state, { dateOfService, setting, findings: withStates, cptTitle: (c) => cpt.get(c) }),
          active.pack,
        ),
        problems: [],
      };
    } catch (e) {
      const issues = (e as { issues?: { message: string }[] }).issues;
      return { problems: issues ? issues.map((i) => i.message) : [e instanceof Error ? e.message : String(e)] };
    }
  }, [active, engine, state, findings, dateOfService, setting, cpt]);
}
