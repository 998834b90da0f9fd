import type { CodePack } from '@/lib/pack/code-pack';

/** Which releases answer, and whether they cover the date of service (outdated sets cause denials). */
export function ReleaseStatus({ pack, dateOfService }: { pack: CodePack; dateOfService: string }) {
  const coverage = pack.coverage(dateOfService);
  const warnings = pack.dateWarnings(dateOfService);
  return (
    <div className="status" role="status" aria-label="Code-set releases">
      {coverage.map((c) => (
        <span key={`${c.system}-${c.release}`} className={c.covers ? undefined : 'warn'}>
          {c.system} {c.release} ({c.effectiveFrom} – {c.effectiveTo}){' · '}
        </span>
      ))}
      {warnings.length > 0 && (
        // One line by default: the details name each system and the release to import.
        <details className="warn">
          <summary>
            {warnings.length} code set{warnings.length > 1 ? 's' : ''} not in force on {dateOfService}: answers may be outdated
          </summary>
          {warnings.map((w) => (
            <div key={w}>{w}</div>
          ))}
        </details>
      )}
    </div>
  );
}
