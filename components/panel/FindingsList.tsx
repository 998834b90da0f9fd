import { useState } from 'react';
import type { Finding } from '@/lib/checks/schema';
import type { FindingState, ReviewAction } from '@/lib/review';

export type { FindingState };
export const findingKey = (f: Finding) => `${f.rule}:${f.codes.join(',')}`;

interface Props {
  findings: Finding[];
  states: Record<string, FindingState>;
  /** Codes currently in the summary: a finding about one of them offers "Remove". */
  inSummary: Set<string>;
  onState: (f: Finding, s: FindingState | undefined) => void;
  onRemoveCode: (code: string) => void;
  onShowEvidence: (f: Finding) => void;
}

/** Findings by severity, each with its source, the action to take and one-click responses. */
export function FindingsList({ findings, states, inSummary, onState, onRemoveCode, onShowEvidence }: Props) {
  const [overriding, setOverriding] = useState<string>();
  const [reason, setReason] = useState('');
  if (!findings.length) return <p className="muted">No findings on the codes in the summary.</p>;
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <ul className="findings" aria-label="Findings">
      {sorted.map((f) => {
        const key = findingKey(f);
        const st = states[key];
        const removable = f.codes.filter((c) => inSummary.has(c));
        return (
          <li key={key} className={`finding ${f.severity} ${st?.status ?? ''}`} data-rule={f.rule}>
            <div>
              <span className={`badge ${f.severity}`}>{f.severity}</span> {f.message}
            </div>
            <div className="muted">
              {f.action} · <span title={f.rationale}>{f.source}</span>
              {st?.status === 'overridden'
                ? ` · overridden: ${st.reason}`
                : st?.status === 'acknowledged'
                  ? ' · acknowledged'
                  : ''}
            </div>
            <div className="actions">
              {f.evidence.length > 0 && (
                <button type="button" onClick={() => onShowEvidence(f)}>
                  Show in note
                </button>
              )}
              {removable.slice(0, 2).map((c) => (
                <button type="button" key={c} onClick={() => onRemoveCode(c)}>
                  Remove {c}
                </button>
              ))}
              <button
                type="button"
                aria-pressed={st?.status === 'acknowledged'}
                onClick={() => onState(f, st?.status === 'acknowledged' ? undefined : { status: 'acknowledged' })}
              >
                Acknowledge
              </button>
              <button type="button" onClick={() => setOverriding(overriding === key ? undefined : key)}>
                Override…
              </button>
            </div>
            {overriding === key && (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  if (!reason.trim()) return;
                  onState(f, { status: 'overridden', reason: reason.trim() });
                  setOverriding(undefined);
                  setReason('');
                }}
              >
                <label>
                  Reason (kept in the audit trail)
                  <input value={reason} onChange={(e) => setReason(e.target.value)} required />
                </label>
                <button type="submit">Save override</button>
              </form>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The findings on the summary as a section; the coder's answers are review actions. */
export function FindingsSection({
  findings,
  states,
  inSummary,
  act,
  onShowEvidence,
}: Omit<Props, 'onState' | 'onRemoveCode'> & { act: (a: ReviewAction) => void }) {
  return (
    <section aria-label="Findings on the summary">
      <h2>Findings</h2>
      <FindingsList
        findings={findings}
        states={states}
        inSummary={inSummary}
        onState={(f, st) => act({ type: 'finding', key: findingKey(f), rule: f.rule, codes: f.codes, state: st })}
        onRemoveCode={(code) => act({ type: 'remove', code })}
        onShowEvidence={onShowEvidence}
      />
    </section>
  );
}
