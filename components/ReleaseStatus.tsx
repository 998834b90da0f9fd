import type { CodePack } from '@/lib/pack/code-pack';
import { releaseStatusLines } from '@/lib/pack/release-resolver';

/**
 * Which release answers for each code system on the chart's date of service (outdated sets cause
 * denials): one line, a system marked when none loaded is in force; the details say which answers
 * instead and what to import.
 */
export function ReleaseStatus({ pack, dateOfService }: { pack: CodePack; dateOfService: string }) {
  const lines = releaseStatusLines(pack.releasesFor(dateOfService), dateOfService).filter((l) => l.state !== 'none');
  const off = lines.filter((l) => l.state === 'nearest');
  return (
    <div className="status" role="status" aria-label="Code-set releases">
      <span>Date of service {dateOfService}: </span>
      {lines.map((l, i) => (
        <span key={l.system} className={l.state === 'in force' ? undefined : 'warn'} title={l.text}>
          {l.system} {l.release}
          {l.state === 'in force' ? '' : '*'}
          {i < lines.length - 1 ? ' · ' : ''}
        </span>
      ))}
      {off.length > 0 && (
        // One line by default: the details name each system and the release to import.
        <details className="warn">
          <summary>
            {off.length} code set{off.length > 1 ? 's' : ''} not in force on {dateOfService}: answers may be outdated
          </summary>
          {off.map((l) => (
            <div key={l.system}>{l.text}</div>
          ))}
        </details>
      )}
    </div>
  );
}
