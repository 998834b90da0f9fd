import { useCptImport } from './hooks/useCptImport';

/** The user's licensed CPT descriptors: how many are loaded, and importing a file (none ship with ChartCoder). */
export function CptSection({ cptCount, refresh }: { cptCount: number; refresh: () => Promise<void> }) {
  const { cptMsg, importCpt } = useCptImport(refresh);
  return (
    <section aria-labelledby="cpt-h">
      <h2 id="cpt-h">CPT descriptors (your AMA licence)</h2>
      <p className="muted">
        ChartCoder ships no CPT descriptor text. Import your licensed file (CSV: code, descriptor) to see descriptors
        and search CPT by words. {cptCount ? `${cptCount} descriptors loaded.` : 'None loaded.'}
      </p>
      <label htmlFor="cpt-file">CPT descriptor CSV</label>
      <input id="cpt-file" type="file" accept=".csv,.txt" onChange={(e) => void importCpt(e.target.files)} />
      {cptMsg && <p role={cptMsg.ok ? 'status' : 'alert'}>{cptMsg.text}</p>}
    </section>
  );
}
