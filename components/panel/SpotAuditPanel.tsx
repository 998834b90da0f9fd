import { useState } from 'react';
import { hccText } from '@/lib/audit/hcc';
import { spotAudit, type SpotAuditResult } from '@/lib/audit/spot-audit';
import type { CodePack } from '@/lib/pack/code-pack';
import type { NoteAnalyzer } from '@/lib/suggest/analyze';
import type { Analysis } from '@/lib/suggest/schema';

interface Props {
  pack: CodePack;
  /** Built on first use: the page's own analyzer costs its dictionary (~0.3 s), spent only when the coder audits. */
  analyzer: () => NoteAnalyzer;
  note: string;
  analysis: Analysis;
  chartId: string;
  dateOfService: string;
  setting: 'office' | 'hospital';
  /** Codes last read from a billing form in this panel, offered as the billed list. */
  formCodes?: string;
  sampled: boolean;
  onDone: (r: SpotAuditResult) => void;
}

/** Compliance spot-audit: billed codes (typed, pasted or read from the billing form) against this note. */
export function SpotAuditPanel({
  pack,
  analyzer,
  note,
  analysis,
  chartId,
  dateOfService,
  setting,
  formCodes,
  sampled,
  onDone,
}: Props) {
  const [codes, setCodes] = useState('');
  const [result, setResult] = useState<SpotAuditResult>();
  return (
    <details open={sampled}>
      <summary>Compliance spot-audit{sampled ? ' — this review was sampled' : ''}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const r = spotAudit(chartId, note, codes, pack, analyzer(), { dateOfService, setting, analysis });
          setResult(r);
          onDone(r);
        }}
      >
        <label htmlFor="billed-codes">Codes billed for this encounter</label>
        <input
          id="billed-codes"
          value={codes}
          onChange={(e) => setCodes(e.target.value)}
          placeholder="E11.22 N18.31 99214-25"
        />
        <div className="actions">
          {formCodes && (
            <button type="button" onClick={() => setCodes(formCodes)}>
              Use codes from the billing form
            </button>
          )}
          <button type="submit" disabled={!codes.trim()}>
            Audit
          </button>
        </div>
      </form>
      {result && (
        <div role="status" aria-label="Spot-audit result">
          <p>
            Score <strong>{result.score}</strong>/100 · supported {result.supported.join(' ') || '—'}
          </p>
          {result.unsupported.length > 0 && (
            <p className="warn">Not supported by the note: {result.unsupported.join(' ')}</p>
          )}
          {result.hcc.length > 0 && (
            // The billed diagnoses a risk-adjusted plan pays by, as `check` lists them.
            <p aria-label="CMS-HCC categories of the billed diagnoses">
              CMS-HCC V28:{' '}
              {result.hcc.map((h, i) => (
                <span key={h.code} data-code={h.code}>
                  {i > 0 ? ' · ' : ''}
                  <span className="code">{h.code}</span> <span data-hcc>{hccText(h)}</span>
                </span>
              ))}
            </p>
          )}
          {result.missed.length > 0 && (
            <p>Documented but not billed: {result.missed.map((m) => `${m.code} (“${m.evidence}”)`).join('; ')}</p>
          )}
          <ul className="muted">
            {result.findings.map((f) => (
              <li key={f.rule + f.codes.join()}>
                [{f.severity}] {f.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </details>
  );
}
