import { useCallback, useEffect, useState } from 'react';
import { enforceRetention } from '@/utils/audit';
import { db, readSettings, writeSettings, type ReleaseRow, type Settings } from '@/utils/db';
import { loadActivePack, type ActivePack } from '@/utils/release-store';
import { siteOrigins } from '@/utils/site-access';
import { messageOf } from './announce';

/** What the options page shows, read together; `refresh` reads it again after a change. */
export function useOptionsData() {
  const [active, setActive] = useState<ActivePack>();
  const [settings, setSettings] = useState<Settings>();
  const [releases, setReleases] = useState<ReleaseRow[]>([]);
  const [sites, setSites] = useState<string[]>([]);
  const [cptCount, setCptCount] = useState(0);
  const [error, setError] = useState<string>();

  const refresh = useCallback(async () => {
    try {
      const [a, s, r, perms, n] = await Promise.all([
        loadActivePack(),
        readSettings(),
        db().releases.toArray(),
        browser.permissions.getAll(),
        db().cpt.count(),
      ]);
      setActive(a);
      setSettings(s);
      setReleases(r);
      setSites(siteOrigins(perms.origins));
      setCptCount(n);
    } catch (e) {
      setError(messageOf(e));
    }
  }, []);
  useEffect(() => {
    void refresh();
    void enforceRetention().catch(() => {});
  }, [refresh]);

  const save = async (patch: Partial<Settings>) => setSettings(await writeSettings(patch));

  return { active, settings, releases, sites, cptCount, error, refresh, save };
}
