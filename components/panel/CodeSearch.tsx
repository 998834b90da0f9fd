import { useMemo, useState } from 'react';
import type { CodePack } from '@/lib/pack/code-pack';
import { searchCpt, type CptDescriptors } from '@/lib/cpt/descriptors';
import { CodeDetail } from './CodeDetail';

interface Props {
  pack: CodePack;
  cpt: CptDescriptors;
  onAdd: (code: string, system: 'ICD-10-CM' | 'HCPCS' | 'CPT') => void;
}

/** Instant search over the loaded code sets (and the user's licensed CPT file, when imported). */
export function CodeSearch({ pack, cpt, onAdd }: Props) {
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string>();
  const results = useMemo(() => {
    const q = query.trim();
    if (q.length < 2) return [];
    const codes = pack.search(q, 15).map((r) => ({
      code: r.code,
      system: r.system as 'ICD-10-CM' | 'HCPCS' | 'CPT',
      title: r.title,
      billable: r.billable,
      via: r.via,
    }));
    const c = searchCpt(cpt, q, 5).map((r) => ({
      code: r.code,
      system: 'CPT' as const,
      title: r.descriptor,
      billable: true,
      via: 'your CPT file',
    }));
    return [...codes, ...c];
  }, [pack, cpt, query]);
  return (
    <section aria-label="Code search">
      <label htmlFor="code-search">Search codes</label>
      <input
        id="code-search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="words or a code, e.g. type 2 diabetes chronic kidney disease"
      />
      <ul aria-label="Search results" className="results">
        {results.map((r) => (
          <li key={`${r.system}-${r.code}`} className="result">
            <button
              type="button"
              className="link"
              onClick={() => setSelected(r.code)}
              aria-label={`Details of ${r.code} ${r.title}`}
            >
              <span className="code">{r.code}</span> {r.title}{' '}
              {r.billable ? '' : <span className="muted">(header, not billable)</span>}
            </button>{' '}
            {r.billable && (
              <button type="button" onClick={() => onAdd(r.code, r.system)} aria-label={`Add ${r.code} to the summary`}>
                Add
              </button>
            )}
            <div className="muted">
              {r.system} · matched {r.via}
            </div>
          </li>
        ))}
      </ul>
      {selected && <CodeDetail pack={pack} code={selected} />}
    </section>
  );
}
