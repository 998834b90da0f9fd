import { useState } from 'react';
import { summaryCsv } from '@/lib/export/csv';
import { summaryText } from '@/lib/export/text';
import type { CodedSummary } from '@/lib/summary/schema';

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Hand-off of the coded summary: clipboard and files, all generated locally. */
export function ExportBar({ summary, onExported }: { summary: CodedSummary; onExported: (what: string) => void }) {
  const [status, setStatus] = useState('');
  const base = `chartcoder-${summary.encounter.dateOfService}`;
  return (
    <div className="actions" aria-label="Export">
      <button
        type="button"
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
      <button
        type="button"
        onClick={() => {
          download(`${base}.csv`, 'text/csv', summaryCsv(summary));
          onExported('csv');
        }}
      >
        CSV
      </button>
      <span role="status" className="muted">
        {status}
      </span>
    </div>
  );
}
