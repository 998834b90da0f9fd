import { useState } from 'react';
import { downloadText } from '@/utils/download';
import { summaryCsv } from '@/lib/export/csv';
import { summaryToFhirClaim } from '@/lib/export/fhir-claim';
import { printableSummary } from '@/lib/export/printable';
import { summaryText } from '@/lib/export/text';
import { summaryTo837pFragment } from '@/lib/export/x12-837p';
import type { CodedSummary } from '@/lib/summary/schema';

/** Hand-off of the coded summary: clipboard, files and a printable page, all generated locally. */
export function ExportBar({ summary, onExported }: { summary: CodedSummary; onExported: (what: string) => void }) {
  const [status, setStatus] = useState('');
  // Nothing coded yet: no hand-off to export (an empty claim would be handed on as if it were one).
  const empty = summary.diagnoses.length === 0 && summary.lines.length === 0;
  const base = `chartcoder-${summary.encounter.dateOfService}`;
  const file = (what: string, name: string, type: string, text: () => string) => (
    <button
      type="button"
      disabled={empty}
      onClick={() => {
        downloadText(name, type, text());
        onExported(what);
      }}
    >
      {what}
    </button>
  );
  return (
    <div className="actions" role="group" aria-label="Export" aria-describedby={empty ? 'export-empty' : undefined}>
      {empty && (
        <p id="export-empty" className="muted">
          Accept a suggestion or add a code to export the summary.
        </p>
      )}
      <button
        type="button"
        disabled={empty}
        onClick={() =>
          void navigator.clipboard.writeText(summaryText(summary)).then(
            () => {
              setStatus('Copied.');
              onExported('clipboard text');
            },
            () => setStatus('The clipboard is not available here.'),
          )
        }
      >
        Copy summary
      </button>
      {file('CSV', `${base}.csv`, 'text/csv', () => summaryCsv(summary))}
      {file('FHIR Claim', `${base}-claim.json`, 'application/fhir+json', () =>
        JSON.stringify(summaryToFhirClaim(summary), null, 2),
      )}
      {file('837P', `${base}-837p.txt`, 'text/plain', () => summaryTo837pFragment(summary))}
      <button
        type="button"
        disabled={empty}
        onClick={() => {
          // A blob page with no scripts: the summary and the CMS-1500 boxes 21/24, ready to print.
          const url = URL.createObjectURL(new Blob([printableSummary(summary)], { type: 'text/html' }));
          window.open(url, '_blank', 'noopener');
          setTimeout(() => URL.revokeObjectURL(url), 60_000);
          onExported('printable page');
        }}
      >
        Print view
      </button>
      <span role="status" className="muted">
        {status}
      </span>
    </div>
  );
}
