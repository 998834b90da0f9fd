import { useEffect, useMemo, useState } from 'react';
import { samePatient } from '@/lib/review';
import { CodedSummarySchema, type CodedSummary } from '@/lib/summary/schema';
import { handoffFor, saveHandoff } from '@/utils/audit';
import type { HandoffRow, ReviewRow } from '@/utils/db';
import type { FrameBilling } from '@/utils/tab-link';

const parse = (value: unknown) => {
  const p = CodedSummarySchema.safeParse(value);
  return p.success ? p.data : undefined;
};

/** Keeps this review's summary as the hand-off (without the note) once it holds a code. */
export function useSaveHandoff(review: ReviewRow | undefined, summary: CodedSummary | undefined) {
  useEffect(() => {
    if (!review || !summary || (!summary.diagnoses.length && !summary.lines.length)) return;
    const t = setTimeout(() => void saveHandoff(review, summary), 300);
    return () => clearTimeout(t);
  }, [review, summary]);
}

/** On a billing form: the stored hand-off of the form's patient (else the latest, shown as another patient's). */
export function useHandoffFor(billing: FrameBilling | undefined, today: string) {
  const [handoff, setHandoff] = useState<HandoffRow>();
  useEffect(() => {
    if (!billing) return;
    void handoffFor((s) => {
      const summary = parse(s);
      return summary !== undefined && samePatient(summary.patient, billing.patient, today);
    }).then(setHandoff);
  }, [billing, today]);
  const summary = useMemo(() => (handoff ? parse(handoff.summary) : undefined), [handoff]);
  return { handoff, summary };
}
