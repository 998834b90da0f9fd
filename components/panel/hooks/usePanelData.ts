import { useCallback, useEffect, useState } from 'react';
import type { CptDescriptors } from '@/lib/cpt/descriptors';
import { enforceRetention } from '@/utils/audit';
import { db, readSettings, writeSettings, type Settings } from '@/utils/db';
import { loadActivePack, RELEASE_CHANNEL, type ActivePack } from '@/utils/release-store';

let early: Promise<ActivePack> | undefined;

/** Starts loading the active pack as the panel script starts (after `first`), before React renders; the first mount takes it. */
export function preloadActivePack(first: Promise<unknown> = Promise.resolve()): void {
  early ??= first.then(() => loadActivePack());
}

function takePreloaded(): Promise<ActivePack> {
  const pack = early ?? loadActivePack();
  early = undefined;
  return pack;
}

/** The code pack in use, the settings and the licensed CPT descriptors; reloaded when options import a release. */
export function usePanelData() {
  const [active, setActive] = useState<ActivePack>();
  const [settings, setSettings] = useState<Settings>();
  const [cpt, setCpt] = useState<CptDescriptors>(new Map());
  const [error, setError] = useState<string>();

  // Settings and descriptors are small rows, shown at once; the pack (seconds on a cold page) apart.
  const reload = useCallback((pack: Promise<ActivePack> = loadActivePack()) => {
    const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
    Promise.all([readSettings(), db().cpt.toArray()])
      .then(([stored, rows]) => {
        setSettings(stored);
        setCpt(new Map(rows.map((r) => [r.code, r.descriptor])));
      })
      .catch(fail);
    pack.then(setActive, fail);
  }, []);

  useEffect(() => {
    reload(takePreloaded());
    void enforceRetention().catch(() => {});
    const channel = new BroadcastChannel(RELEASE_CHANNEL);
    channel.onmessage = () => reload();
    return () => channel.close();
  }, [reload]);

  const updateSettings = useCallback((patch: Partial<Settings>) => void writeSettings(patch).then(setSettings), []);
  return { active, settings, cpt, error, setError, updateSettings };
}
