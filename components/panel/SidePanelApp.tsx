import { useEffect, useMemo, useState } from 'react';
import type { CodePack } from '@/lib/pack/code-pack';
import { loadDefaultPack } from '@/utils/default-pack';
import { ReleaseStatus } from '../ReleaseStatus';
import { CodeDetail } from './CodeDetail';

const today = () => new Date().toISOString().slice(0, 10);

export function SidePanelApp() {
  const [pack, setPack] = useState<CodePack>();
  const [error, setError] = useState<string>();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string>();

  useEffect(() => {
    loadDefaultPack().then(setPack, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  const results = useMemo(() => (pack && query.trim().length > 1 ? pack.search(query, 20) : []), [pack, query]);

  if (error) return <main role="alert">Code pack could not be loaded: {error}</main>;
  if (!pack) return <main aria-busy="true">Loading code sets…</main>;
  return (
    <>
      <ReleaseStatus pack={pack} dateOfService={today()} />
      <main>
        <label htmlFor="code-search">Search codes</label>
        <input id="code-search" autoFocus value={query} onChange={(e) => setQuery(e.target.value)} placeholder="e.g. type 2 diabetes chronic kidney disease" />
        <ul aria-label="Search results" style={{ listStyle: 'none', padding: 0 }}>
          {results.map((r) => (
            <li key={r.code} className="result">
              <button type="button" onClick={() => setSelected(r.code)} aria-label={`${r.code} ${r.title}`}>
                <span className="code">{r.code}</span> {r.title} {r.billable ? '' : <span className="muted">(header, not billable)</span>}
              </button>
              <div className="muted">matched {r.via}</div>
            </li>
          ))}
        </ul>
        {selected && <CodeDetail pack={pack} code={selected} />}
      </main>
    </>
  );
}
