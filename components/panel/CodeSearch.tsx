import { useMemo, useState } from 'react';
import type { CodePack } from '@/lib/pack/code-pack';
import { searchCpt, type CptDescriptors } from '@/lib/cpt/descriptors';
import { looksLikeCodes, readTypedCodes, systemOf, type TypedCode } from '@/lib/review';
import { CodeDetail } from './CodeDetail';
import { TypedCodes } from './TypedCodes';

interface Props {
  pack: CodePack;
  cpt: CptDescriptors;
  /** The chart's date of service: a typed code is read against the release in force on it. */
  dateOfService: string;
  onAdd: (code: TypedCode & { typed?: boolean }) => void;
}

const undotted = (code: string) => code.replace('.', '').toUpperCase();

/**
 * Instant search over the loaded code sets (and the user's licensed CPT file, when imported). What
 * is typed as codes ("E1122", "E11", "E11.22 I10 99214-25") is also read by the shared code-list
 * parser, as `export --codes` reads it: the same messages, and the codes added as typed.
 */
export function CodeSearch({ pack, cpt, dateOfService, onAdd }: Props) {
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
  const typed = useMemo(() => {
    const q = query.trim();
    if (q.length < 2 || !looksLikeCodes(q)) return undefined;
    const read = readTypedCodes(q, pack, dateOfService);
    // A shape message waits while the entry is still the start of a code in the results (typing "E1").
    const typing = (entry: string) =>
      results.some(
        (r) => undotted(r.code).length > undotted(entry).length && undotted(r.code).startsWith(undotted(entry)),
      );
    return { ...read, problems: read.problems.filter((p) => p.kind !== 'shape' || !typing(p.entry)) };
  }, [pack, dateOfService, query, results]);
  // One bare code the results already offer needs no second "Add".
  const single = typed?.codes.length === 1 ? typed.codes[0]! : undefined;
  const offered =
    single && !single.modifiers.length && single.units === 1 && results.some((r) => r.code === single.code);
  return (
    <section aria-label="Code search">
      <label htmlFor="code-search">Search codes</label>
      <input
        id="code-search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="words or codes, e.g. type 2 diabetes chronic kidney disease, or E11.22 99214-25"
      />
      {typed && (
        <TypedCodes
          codes={offered ? [] : typed.codes}
          problems={typed.problems}
          onAdd={(codes) => codes.forEach((c) => onAdd({ ...c, typed: true }))}
          onAddMeant={(code) => onAdd({ code, system: systemOf(code, pack), modifiers: [], units: 1, typed: true })}
        />
      )}
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
              <button
                type="button"
                onClick={() => onAdd({ code: r.code, system: r.system, modifiers: [], units: 1 })}
                aria-label={`Add ${r.code} to the summary`}
              >
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
