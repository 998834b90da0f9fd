import { useCallback, useEffect, useState } from 'react';
import type { CptDescriptors } from '@/lib/cpt/descriptors';
import { enforceRetention } from '@/utils/audit';
import { db, readSettings, writeSettings, type Settings } from '@/utils/db';
import { RELEASE_CHANNEL } from '@/utils/release-channel';
import type { ActivePack } from '@/utils/release-store';
import { loadEngine, type Engine } from '../engine-loader';

/** The page's own code pack with the engine chunk that works on it (both loaded, or neither shown). */
interface Loaded {
  active: ActivePack;
  engine: Engine;
}

const loadBoth = (): Promise<Loaded> =>
  Promise.all([import('@/utils/release-store').then((m) => m.loadActivePack()), loadEngine()]).then(
    ([active, engine]) => ({ active, engine }),
  );

let early: Promise<Loaded> | undefined;

/** Starts loading the active pack as the panel script starts (after `first`), before React renders; the first mount takes it. */
export function preloadActivePack(first: Promise<unknown> = Promise.resolve()): void {
  early ??= first.then(loadBoth);
}

function takePreloaded(): Promise<Loaded> {
  const pack = early ?? loadBoth();
  early = undefined;
  return pack;
}

/** The code pack in use, the settings and the licensed CPT descriptors; reloaded when options import a release. */
export function usePanelData() {
  const [loaded, setLoaded] = useState<Loaded>();
  const [settings, setSettings] = useState<Settings>();
  const [cpt, setCpt] = useState<CptDescriptors>(new Map());
  const [error, setError] = useState<string>();

  // Settings and descriptors are small rows, shown at once; the pack (seconds on a cold page) apart.
  const reload = useCallback((pack: Promise<Loaded> = loadBoth()) => {
    const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
    Promise.all([readSettings(), db().cpt.toArray()])
      .then(([stored, rows]) => {
        setSettings(stored);
        setCpt(new Map(rows.map((r) => [r.code, r.descriptor])));
      })
      .catch(fail);
    pack.then(setLoaded, fail);
  }, []);

  useEffect(() => {
    reload(takePreloaded());
    void enforceRetention().catch(() => {});
    const channel = new BroadcastChannel(RELEASE_CHANNEL);
    channel.onmessage = () => reload();
    return () => channel.close();
  }, [reload]);

  const updateSettings = useCallback((patch: Partial<Settings>) => void writeSettings(patch).then(setSettings), []);
  return { active: loaded?.active, engine: loaded?.engine, settings, cpt, error, setError, updateSettings };
}
