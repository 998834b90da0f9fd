import { useEffect, useState } from 'react';
import type { CodePack } from '@/lib/pack/code-pack';
import { loadDefaultPack } from '@/utils/default-pack';

/** Shows the provenance of every release file the bundled pack was compiled from. */
export function OptionsApp() {
  const [pack, setPack] = useState<CodePack>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    loadDefaultPack().then(setPack, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  return (
    <main>
      <h1>ChartCoder</h1>
      <h2>Code sets in use</h2>
      {error && <p role="alert">{error}</p>}
      {pack && (
        <table>
          <thead>
            <tr>
              <th>System</th>
              <th>Release</th>
              <th>Effective</th>
              <th>File</th>
              <th>sha256</th>
            </tr>
          </thead>
          <tbody>
            {pack.sources.map((s) => (
              <tr key={s.id}>
                <td>{s.system}</td>
                <td>{s.release}</td>
                <td>
                  {s.effectiveFrom} – {s.effectiveTo}
                </td>
                <td>{s.file.split(/[\\/]/).pop()}</td>
                <td className="code">{s.sha256.slice(0, 16)}…</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
