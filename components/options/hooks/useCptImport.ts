import { useState } from 'react';
import { parseCptCsv } from '@/lib/cpt/descriptors';
import { db } from '@/utils/db';
import { announceReleaseChange, messageOf } from './announce';
import type { Outcome } from './useReleaseImport';

/** Import of the user's licensed CPT descriptor file: all rows replace the stored ones in one transaction. */
export function useCptImport(refresh: () => Promise<void>) {
  const [cptMsg, setCptMsg] = useState<Outcome>();

  const importCpt = async (list: FileList | null) => {
    const f = list?.[0];
    if (!f) return;
    try {
      const map = parseCptCsv(await f.text(), f.name);
      const at = new Date().toISOString();
      await db().transaction('rw', db().cpt, async () => {
        await db().cpt.clear();
        await db().cpt.bulkPut([...map].map(([code, descriptor]) => ({ code, descriptor, importedAt: at })));
      });
      setCptMsg({
        ok: true,
        text: `${map.size} CPT descriptors imported from ${f.name}; they stay in this browser profile.`,
      });
      announceReleaseChange();
      await refresh();
    } catch (e) {
      setCptMsg({ ok: false, text: `CPT file rejected, nothing changed: ${messageOf(e)}` });
    }
  };

  return { cptMsg, importCpt };
}
