import type { ActivePack } from '@/utils/release-store';
import type { Engine } from './engine-loader';

/** The one status line of the releases in force on the date of service (a placeholder while the pack loads). */
export function ReleaseLine({
  active,
  engine,
  dateOfService,
}: {
  active: ActivePack | undefined;
  engine: Engine | undefined;
  dateOfService: string;
}) {
  return (
    <>
      {active && engine ? (
        <engine.ReleaseStatus pack={active.pack} dateOfService={dateOfService} />
      ) : (
        <div className="status" role="status" aria-label="Code-set releases" aria-busy="true">
          Date of service {dateOfService}: loading code sets…
        </div>
      )}
      {active?.warning && (
        <p role="alert" className="warn">
          {active.warning}
        </p>
      )}
    </>
  );
}
