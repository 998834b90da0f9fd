import type { CodedSummary } from '@/lib/summary/schema';
import { logAudit } from '@/utils/audit';
import type { ReviewRow } from '@/utils/db';
import type { FrameBilling } from '@/utils/tab-link';
import type { Engine } from './engine-loader';
import type { useHandoffFor } from './hooks/useHandoff';

interface Props {
  engine: Engine;
  billing: FrameBilling;
  /** This review's summary when it holds a diagnosis, else the form's patient's stored hand-off fills the form. */
  own: CodedSummary | undefined;
  /** The form's patient's stored hand-off (looked up as soon as the form is read, before the engine loads). */
  handoff: ReturnType<typeof useHandoffFor>;
  review: ReviewRow | undefined;
  today: string;
}

/** A billing portal's charge-entry page: the form filled from this review, or from a stored hand-off. */
export function BillingSection({ engine, billing, own, handoff, review, today }: Props) {
  const h = handoff.handoff;
  // The fill and a "same patient" confirmation go to the trail of the review the codes come from.
  const trail = review ?? (h ? { id: h.reviewId, user: h.user } : undefined);
  return (
    <engine.BillingPanel
      billing={billing}
      summary={own ?? handoff.summary}
      from={own ? 'this review' : h ? `the review of ${h.at.slice(0, 16).replace('T', ' ')} by ${h.user}` : ''}
      today={today}
      onFilled={(detail) => void logAudit(trail, 'form-filled', undefined, detail)}
      onConfirmedSamePatient={(detail) => void logAudit(trail, 'patient-confirmed', undefined, detail)}
    />
  );
}
