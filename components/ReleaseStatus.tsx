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
      {warnings.map((w) => (
        <div key={w} className="warn">
          {w}
        </div>
      ))}
    </div>
  );
}
