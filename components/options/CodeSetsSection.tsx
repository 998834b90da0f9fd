import type { ReleaseRow } from '@/utils/db';
import { switchToBundledPack, type ActivePack } from '@/utils/release-store';
import { announceReleaseChange } from './hooks/announce';
import { useReleaseImport } from './hooks/useReleaseImport';
import { ReleasesInForce } from './ReleasesInForce';
import { SourcesTable } from './SourcesTable';

/** File forms `codeset build` reads (lib/codesets/detect.ts), shown beside the import control. */
export const IMPORT_FORMS =
  'CDC/CMS zip or .gz; ICD-10-CM order/codes TXT, Tabular and Index XML, the flat Alphabetic Index CSV, tabular-notes JSON; HCPCS ANWEB TXT/XLSX or JSON; NCCI PTP, MUE and add-on TXT/CSV/XLSX or MUE/add-on JSON; CMS-HCC mappings CSV/XLSX';

interface Props {
  active: ActivePack;
  releases: ReleaseRow[];
  refresh: () => Promise<void>;
}

/** The code sets in use, what is in force on a date, importing official files and going back to the bundled ones. */
export function CodeSetsSection({ active, releases, refresh }: Props) {
  const { progress, importMsg, importReleases } = useReleaseImport(refresh);
  return (
    <section aria-labelledby="codesets-h">
      <h2 id="codesets-h">Code sets</h2>
      <p>
        In use:{' '}
        <strong data-testid="active-release">
          {[...new Set(active.pack.sources.map((s) => `${s.system} ${s.release}`))].join(' · ')}
        </strong>{' '}
        ({active.origin === 'bundled' ? 'bundled with the extension' : 'imported'})
      </p>
      {active.warning && <p className="warn">{active.warning}</p>}
      <ReleasesInForce pack={active.pack} />
      <label htmlFor="release-files">Import official release files</label>
      <p className="muted" id="release-files-help">
        {IMPORT_FORMS}. Select every file of the set together (at least an ICD-10-CM order or codes file): the import
        replaces the code sets in use.
      </p>
      <input
        id="release-files"
        type="file"
        multiple
        accept=".zip,.xml,.txt,.xlsx,.csv,.gz,.json,.tsv"
        aria-describedby="release-files-help"
        onChange={(e) => void importReleases(e.target.files)}
      />
      {progress && (
        <p role="status">
          {progress.phase}: <progress max={progress.total || 1} value={progress.done} /> {progress.done}/
          {progress.total}
        </p>
      )}
      {importMsg && (
        <p
          role={importMsg.ok ? 'status' : 'alert'}
          className={importMsg.ok ? undefined : 'warn'}
          data-testid="import-result"
        >
          {importMsg.text}
        </p>
      )}
      {active.origin === 'imported' && (
        <button
          type="button"
          onClick={() =>
            void switchToBundledPack().then(async () => {
              announceReleaseChange();
              await refresh();
            })
          }
        >
          Use the bundled code sets
        </button>
      )}
      <SourcesTable sources={active.pack.sources} />
      {releases.length > 0 && (
        <p className="muted">
          Imported releases kept: {releases.map((r) => `${r.label} (${r.importedAt.slice(0, 10)})`).join('; ')}
        </p>
      )}
    </section>
  );
}
