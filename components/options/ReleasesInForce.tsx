import { useState } from 'react';
import type { CodePack } from '@/lib/pack/code-pack';
import { releaseStatusLines } from '@/lib/pack/release-resolver';

const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * Per code system, the release in force on a date of service (today unless the user picks another
 * date): ICD-10-CM by fiscal year, HCPCS and NCCI by quarter, and the CMS-HCC mapping's limits.
 */
export function ReleasesInForce({ pack, initialDate }: { pack: CodePack; initialDate?: string }) {
  const [date, setDate] = useState(initialDate ?? localToday());
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const lines = valid ? releaseStatusLines(pack.releasesFor(date), date) : [];
  const hcc = pack.hccMapping;
  return (
    <div data-testid="releases-in-force">
      <label htmlFor="dos">In force on the date of service</label>{' '}
      <input id="dos" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      <ul aria-label={`Releases in force on ${date}`}>
        {lines.map((l) => (
          <li key={l.system} className={l.state === 'in force' ? undefined : 'warn'} data-state={l.state}>
            {l.text}
          </li>
        ))}
        <li data-state={hcc ? 'in force' : 'none'}>
          {hcc
            ? `CMS-HCC: ${hcc.model} ${hcc.release} mapping for payment year ${hcc.paymentYear} (covers codes of ${hcc.codeYears || 'the years it states'})`
            : 'CMS-HCC: no mapping loaded — no HCC categories shown'}
        </li>
      </ul>
    </div>
  );
}
