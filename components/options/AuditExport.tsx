import { useEffect, useState } from 'react';
import { downloadText } from '@/utils/download';
import Papa from 'papaparse';
import { db, type AuditRow } from '@/utils/db';

/** The audit trail: the latest entries, and all of them as CSV or JSON. */
export function AuditExport() {
  const [rows, setRows] = useState<AuditRow[]>([]);
  const [count, setCount] = useState(0);
  useEffect(() => {
    void Promise.all([db().audit.orderBy('at').reverse().limit(20).toArray(), db().audit.count()]).then(([r, n]) => {
      setRows(r);
      setCount(n);
    });
  }, []);
  const all = () => db().audit.orderBy('at').toArray();
  return (
    <section aria-labelledby="audit-h">
      <h2 id="audit-h">Audit trail</h2>
      <p className="muted">{count} entries. Note text is not part of the trail unless you chose to store it.</p>
      <button
        type="button"
        onClick={() => void all().then((r) => downloadText('chartcoder-audit.csv', 'text/csv', Papa.unparse(r)))}
      >
        Export CSV
      </button>{' '}
      <button
        type="button"
        onClick={() =>
          void all().then((r) => downloadText('chartcoder-audit.json', 'application/json', JSON.stringify(r, null, 2)))
        }
      >
        Export JSON
      </button>
      {rows.length > 0 && (
        <table>
          <caption>Latest entries</caption>
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>What</th>
              <th>Code</th>
              <th>Detail</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.at.replace('T', ' ').slice(0, 19)}</td>
                <td>{r.user}</td>
                <td>{r.kind}</td>
                <td className="code">{r.code}</td>
                <td>{r.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
