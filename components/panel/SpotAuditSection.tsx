import type { NoteAnalyzer } from '@/lib/suggest/analyze';
import type { Analysis } from '@/lib/suggest/schema';
import { logAudit } from '@/utils/audit';
import type { ReviewRow } from '@/utils/db';
import type { ActivePack } from '@/utils/release-store';
import type { Engine } from './engine-loader';

interface Props {
  engine: Engine;
  active: ActivePack;
  analyzer: () => NoteAnalyzer;
  note: { text: string; captureId: string };
  analysis: Analysis;
  review: ReviewRow | undefined;
  dateOfService: string;
  setting: 'office' | 'hospital';
  /** Codes last read from a billing form in this panel. */
  formCodes: string | undefined;
  /** The share of reviews sampled for a spot-audit (settings). */
  percent: number;
}

/** The compliance spot-audit of this note, opened on a sampled review; its result goes to the audit trail. */
export function SpotAuditSection({ engine, active, note, review, percent, ...rest }: Props) {
  return (
    <engine.SpotAuditPanel
      {...rest}
      pack={active.pack}
      note={note.text}
      chartId={review?.id ?? note.captureId}
      formCodes={rest.formCodes || undefined}
      sampled={review !== undefined && engine.inSpotAuditSample(review.id, percent)}
      onDone={(r) =>
        void logAudit(
          review,
          'spot-audit',
          r.unsupported.join(' ') || undefined,
          `score ${r.score}; unsupported ${r.unsupported.length}; missed ${r.missed.length}; findings ${r.findings.length}`,
        )
      }
    />
  );
}
