import { useCallback, useEffect, useState } from 'react';
import type { CptDescriptors } from '@/lib/cpt/descriptors';
import { enforceRetention } from '@/utils/audit';
import { db, readSettings, writeSettings, type Settings } from '@/utils/db';
import { loadActivePack, RELEASE_CHANNEL, type ActivePack } from '@/utils/release-store';

/** The code pack in use, the settings and the licensed CPT descriptors; reloaded when options import a release. */
export function usePanelData() {
  const [active, setActive] = useState<ActivePack>();
  const [settings, setSettings] = useState<Settings>();
  const [cpt, setCpt] = useState<CptDescriptors>(new Map());
  const [error, setError] = useState<string>();

  const reload = useCallback(() => {
    Promise.all([loadActivePack(), readSettings(), db().cpt.toArray()])
      .then(([pack, stored, rows]) => {
        setActive(pack);
        setSettings(stored);
        setCpt(new Map(rows.map((r) => [r.code, r.descriptor])));
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  useEffect(() => {
    reload();
    void enforceRetention().catch(() => {});
    const channel = new BroadcastChannel(RELEASE_CHANNEL);
    channel.onmessage = () => reload();
    return () => channel.close();
  }, [reload]);

  const updateSettings = useCallback((patch: Partial<Settings>) => void writeSettings(patch).then(setSettings), []);
  return { active, settings, cpt, error, setError, updateSettings };
}
