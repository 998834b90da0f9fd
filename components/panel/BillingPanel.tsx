import { useState } from 'react';
import { checkPatientIds } from '@/lib/billing/patient-id';
import type { CodedSummary } from '@/lib/summary/schema';
import { fillInPage, type FrameBilling } from '@/utils/tab-link';

interface Props {
  billing: FrameBilling;
  summary: CodedSummary | undefined;
  /** Where the summary comes from: this review, or the latest hand-off stored by a review. */
  from: string;
  today: string;
  onFilled: (detail: string) => void;
}

/** On a billing portal's charge-entry page: patient check, then fill the form from the summary. */
export function BillingPanel({ billing, summary, from, today, onFilled }: Props) {
  const [report, setReport] = useState<string>();
  const [error, setError] = useState<string>();
  const idFindings = summary ? checkPatientIds(summary.patient, billing.patient, today) : [];
  return (
    <section aria-label="Billing form">
      <h2>Billing: {billing.adapterName}</h2>
      {!summary && <p className="muted">No coded summary to hand off yet: code a note first (the summary is kept in this browser only).</p>}
      {summary && (
        <>
          <p className="muted">
            Summary from {from}: {summary.diagnoses.map((d) => d.code).join(' ')} · {summary.lines.map((l) => `${l.code}${l.modifiers.length ? `-${l.modifiers.join('-')}` : ''}`).join(' ')}
          </p>
          <ul className="findings" aria-label="Patient identification">
            {idFindings.map((f) => (
              <li key={f.rule + f.message} className={`finding ${f.severity}`} data-rule={f.rule}>
                <span className={`badge ${f.severity}`}>{f.severity}</span> {f.message} <span className="muted">{f.action}</span>
              </li>
            ))}
            {idFindings.length === 0 && (summary.patient.name || summary.patient.memberId) && <li className="muted">Patient name, date of birth and member id match the chart.</li>}
          </ul>
          <button
            type="button"
            onClick={() =>
              void fillInPage(billing, summary).then((r) => {
                if ('error' in r) return setError(r.error);
                setError(undefined);
                const text = `Filled ${r.filled} fields${r.missing.length ? `; no field for: ${r.missing.join('; ')}` : ''}${r.cleared.length ? `; emptied: ${r.cleared.map((c) => `${c.selector} (${c.value})`).join(', ')}` : ''}. Review the form and save it in the portal.`;
                setReport(text);
                onFilled(`${billing.adapter}: ${r.filled} fields${idFindings.length ? `; patient check: ${idFindings.map((f) => f.rule).join(', ')}` : ''}`);
              })
            }
          >
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
