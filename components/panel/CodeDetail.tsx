import type { CodePack } from '@/lib/pack/code-pack';

export function CodeDetail({ pack, code }: { pack: CodePack; code: string }) {
  const hit = pack.lookup(code);
  if (!hit) return <p>{code} is not in the loaded code sets.</p>;
  if (hit.system === 'HCPCS') {
    return (
      <section aria-label={`Details of ${hit.code}`}>
        <h2 className="code">{hit.code}</h2>
        <p>{hit.title}</p>
        <p className="muted">
          HCPCS {hit.release}
          {hit.termDate ? ` · terminated ${hit.termDate}` : ''}
        </p>
      </section>
    );
  }
  return (
    <section aria-label={`Details of ${hit.code}`}>
      <h2 className="code">{hit.code}</h2>
      <p>
        {hit.title}{' '}
        <span className="muted">
          ({hit.billable ? 'billable' : 'header — pick a more specific code'}; title from {hit.titleRelease})
        </span>
      </p>
      <ol className="muted">
        {hit.hierarchy.map((h) => (
          <li key={h.code}>
            {h.code} {h.title}
          </li>
        ))}
      </ol>
      {hit.sevenChr && (
        <p>
          7th character (from {hit.sevenChr.from}, {hit.sevenChr.release}):{' '}
          {hit.sevenChr.values.map((v) => `${v.char} ${v.text}`).join('; ')}
        </p>
      )}
      <ul>
        {hit.notes.map((n, i) => (
          <li key={i}>
            <strong>{n.kind}</strong> {n.text}{' '}
            <span className="muted">
              ({n.from}, {n.release})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
