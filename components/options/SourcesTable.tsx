import type { PackSource } from '@/lib/pack/format';

/** Provenance of the code sets in use: system, release, effective dates, file and checksum. */
export function SourcesTable({ sources }: { sources: readonly PackSource[] }) {
  return (
    <table>
      <caption>Sources of the code sets in use</caption>
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
        {sources.map((s) => (
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
  );
}
