import { useEffect, useState } from 'react';
import { checkPatientIds } from '@/lib/billing/patient-id';
import { fillGate } from '@/lib/review';
import type { CodedSummary } from '@/lib/summary/schema';
import { fillInPage, type FrameBilling } from '@/utils/tab-link';

interface Props {
  billing: FrameBilling;
  summary: CodedSummary | undefined;
  /** Where the summary comes from: this review, or the latest hand-off stored by a review. */
  from: string;
  today: string;
  onFilled: (detail: string) => void;
  /** The coder confirmed that the form's patient is the note's patient despite a difference (audited). */
  onConfirmedSamePatient: (detail: string) => void;
}

const lineCodes = (s: CodedSummary) =>
  s.lines.map((l) => `${l.code}${l.modifiers.length ? `-${l.modifiers.join('-')}` : ''}`).join(' ');

/**
 * On a billing portal's charge-entry page: the patient check, then fill the form from the summary.
 * A form for another patient than the reviewed note blocks the fill until the coder confirms.
 */
export function BillingPanel({ billing, summary, from, today, onFilled, onConfirmedSamePatient }: Props) {
  const [report, setReport] = useState<string>();
  const [error, setError] = useState<string>();
  const [confirmed, setConfirmed] = useState(false);
  // Another form or another hand-off: the confirmation was for that pair only.
  useEffect(() => setConfirmed(false), [billing, summary]);
  const idFindings = summary ? checkPatientIds(summary.patient, billing.patient, today) : [];
  const gate = summary ? fillGate(summary.patient, billing.patient, today, confirmed) : undefined;

  const fill = () => {
    if (!summary || gate?.blocked) return;
    void fillInPage(billing, summary).then((r) => {
      if ('error' in r) return setError(r.error);
      setError(undefined);
      setReport(
        `Filled ${r.filled} fields${r.missing.length ? `; no field for: ${r.missing.join('; ')}` : ''}${r.cleared.length ? `; emptied: ${r.cleared.map((c) => `${c.selector} (${c.value})`).join(', ')}` : ''}. Review the form and save it in the portal.`,
      );
      onFilled(
        `${billing.adapter}: ${r.filled} fields${idFindings.length ? `; patient check: ${idFindings.map((f) => f.rule).join(', ')}` : ''}${confirmed ? '; same patient confirmed by the coder' : ''}`,
      );
    });
  };

  return (
    <section aria-label="Billing form">
      <h2>Billing: {billing.adapterName}</h2>
      {!summary && (
        <p className="muted">
          No coded summary to hand off yet: code a note first (the summary is kept in this browser only).
        </p>
      )}
      {summary && (
        <>
          <p className="muted">
            Summary from {from}: {summary.diagnoses.map((d) => d.code).join(' ')} · {lineCodes(summary)}
          </p>
          <ul className="findings" aria-label="Patient identification">
            {idFindings.map((f) => (
              <li key={f.rule + f.message} className={`finding ${f.severity}`} data-rule={f.rule}>
                <span className={`badge ${f.severity}`}>{f.severity}</span> {f.message}{' '}
                <span className="muted">{f.action}</span>
              </li>
            ))}
            {idFindings.length === 0 && (summary.patient.name || summary.patient.memberId) && (
              <li className="muted">Patient name, date of birth and member id match the chart.</li>
            )}
          </ul>
          {gate?.message && (
            <>
              {gate.blocked && (
                <p role="alert" className="warn" data-testid="fill-blocked">
                  Fill blocked: {gate.message}
                </p>
              )}
              <label>
                <input
                  type="checkbox"
                  checked={confirmed}
                  onChange={(e) => {
                    setConfirmed(e.target.checked);
                    if (e.target.checked)
                      onConfirmedSamePatient(`${billing.adapter}: ${gate.mismatches.join(', ')} — ${gate.message}`);
                  }}
                />{' '}
                It is the same patient (recorded in the audit trail)
              </label>
            </>
          )}
          <button type="button" disabled={gate?.blocked} onClick={fill}>
            Fill charge-entry form
          </button>
        </>
      )}
      {report && <p role="status">{report}</p>}
      {error && (
        <p role="alert" className="warn">
          {error}
        </p>
      )}
    </section>
  );
}
