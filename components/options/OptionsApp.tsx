import { useCallback, useEffect, useState } from 'react';
import type { PackSource } from '@/lib/pack/format';
import { parseCptCsv } from '@/lib/cpt/descriptors';
import { enforceRetention } from '@/utils/audit';
import { db, readSettings, writeSettings, type ReleaseRow, type Settings } from '@/utils/db';
import {
  activateImportedPack,
  loadActivePack,
  RELEASE_CHANNEL,
  switchToBundledPack,
  type ActivePack,
} from '@/utils/release-store';
import { originPattern, siteOrigins, syncContentScripts } from '@/utils/site-access';
import { AuditExport } from './AuditExport';
import { ReleasesInForce } from './ReleasesInForce';

/** File forms `codeset build` reads (lib/codesets/detect.ts), shown beside the import control. */
export const IMPORT_FORMS =
  'CDC/CMS zip or .gz; ICD-10-CM order/codes TXT, Tabular and Index XML, the flat Alphabetic Index CSV, tabular-notes JSON; HCPCS ANWEB TXT/XLSX or JSON; NCCI PTP, MUE and add-on TXT/CSV/XLSX or MUE/add-on JSON; CMS-HCC mappings CSV/XLSX';

type Progress = { phase: string; done: number; total: number };

function announceReleaseChange() {
  const ch = new BroadcastChannel(RELEASE_CHANNEL);
  ch.postMessage('changed');
  ch.close();
}

/** Sites, code sets (import with progress and atomic swap), licensed CPT file, settings, audit. */
export function OptionsApp() {
  const [active, setActive] = useState<ActivePack>();
  const [settings, setSettings] = useState<Settings>();
  const [releases, setReleases] = useState<ReleaseRow[]>([]);
  const [sites, setSites] = useState<string[]>([]);
  const [site, setSite] = useState('');
  const [siteMsg, setSiteMsg] = useState('');
  const [progress, setProgress] = useState<Progress>();
  const [importMsg, setImportMsg] = useState<{ ok: boolean; text: string }>();
  const [cptCount, setCptCount] = useState(0);
  const [cptMsg, setCptMsg] = useState<{ ok: boolean; text: string }>();
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
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);
  useEffect(() => {
    void refresh();
    void enforceRetention().catch(() => {});
  }, [refresh]);

  const enableSite = async () => {
    try {
      const pattern = originPattern(site.trim());
      // Must run in the click's user gesture: the browser shows its own prompt.
      const granted = await browser.permissions.request({ origins: [pattern] });
      if (!granted) return setSiteMsg(`Access to ${pattern} was not granted.`);
      await syncContentScripts({ injectOpenTabs: true });
      setSiteMsg(`Enabled ${pattern}. Reload open pages of that site if the panel does not see them.`);
      setSite('');
      await refresh();
    } catch (e) {
      setSiteMsg(e instanceof Error ? e.message : String(e));
    }
  };
  const disableSite = async (pattern: string) => {
    await browser.permissions.remove({ origins: [pattern] });
    await syncContentScripts();
    await refresh();
  };

  const importReleases = async (list: FileList | null) => {
    if (!list?.length) return;
    setImportMsg(undefined);
    setProgress({ phase: 'reading files', done: 0, total: list.length });
    const files = await Promise.all(
      Array.from(list).map(async (f) => ({ path: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    );
    const worker = new Worker(new URL('../../utils/compile-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = async (e: MessageEvent) => {
      const m = e.data as { type: string } & Record<string, unknown>;
      if (m.type === 'progress') return setProgress(m as unknown as Progress);
      worker.terminate();
      setProgress(undefined);
      if (m.type === 'error')
        return setImportMsg({
          ok: false,
          text: `Import rejected, nothing changed — the code sets in use stay active. ${String(m.message)}`,
        });
      try {
        const sources = m.sources as PackSource[];
        await activateImportedPack(
          m.bytes as Uint8Array,
          files.map((f) => f.path),
        );
        announceReleaseChange();
        const skipped = (m.skipped as { file: string; why: string }[]).map((s) => `${s.file}: ${s.why}`);
        setImportMsg({
          ok: true,
          text: `Now using ${[...new Set(sources.map((s) => `${s.system} ${s.release}`))].join(' · ')}.${skipped.length ? ` Skipped: ${skipped.join('; ')}` : ''}`,
        });
        await refresh();
      } catch (err) {
        setImportMsg({
          ok: false,
          text: `Import rejected, nothing changed — the code sets in use stay active. ${err instanceof Error ? err.message : String(err)}`,
        });
      }
    };
    worker.postMessage(
      { files },
      files.map((f) => f.bytes.buffer),
    );
  };

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
      setCptMsg({
        ok: false,
        text: `CPT file rejected, nothing changed: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  };

  const save = async (patch: Partial<Settings>) => setSettings(await writeSettings(patch));

  if (error) return <main role="alert">{error}</main>;
  if (!active || !settings) return <main aria-busy="true">Loading…</main>;
  return (
    <main className="options">
      <h1>ChartCoder options</h1>

      <section aria-labelledby="sites-h">
        <h2 id="sites-h">EHR sites</h2>
        <p className="muted">
          ChartCoder reads notes only on sites you enable here. The browser asks you to confirm each one.
        </p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void enableSite();
          }}
        >
          <label htmlFor="site">Site address</label>
          <input
            id="site"
            value={site}
            onChange={(e) => setSite(e.target.value)}
            placeholder="https://ehr.example.org"
          />
          <button type="submit">Enable site</button>
        </form>
        {siteMsg && <p role="status">{siteMsg}</p>}
        <ul aria-label="Enabled sites">
          {sites.map((s) => (
            <li key={s}>
              <span className="code">{s}</span>{' '}
              <button type="button" onClick={() => void disableSite(s)}>
                Disable
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="codesets-h">
        <h2 id="codesets-h">Code sets</h2>
        <p>
          In use:{' '}
          <strong data-testid="active-release">
            {[...new Set(active.pack.sources.map((s) => `${s.system} ${s.release}`))].join(' · ')}
          </strong>{' '}
          ({active.origin === 'bundled' ? 'bundled with the extension' : 'imported'})
        </p>
        {active.warning && <p className="warn">{active.warning}</p>}
        <ReleasesInForce pack={active.pack} />
        <label htmlFor="release-files">Import official release files</label>
        <p className="muted" id="release-files-help">
          {IMPORT_FORMS}. Select every file of the set together (at least an ICD-10-CM order or codes file): the import
          replaces the code sets in use.
        </p>
        <input
          id="release-files"
          type="file"
          multiple
          accept=".zip,.xml,.txt,.xlsx,.csv,.gz,.json,.tsv"
          aria-describedby="release-files-help"
          onChange={(e) => void importReleases(e.target.files)}
        />
        {progress && (
          <p role="status">
            {progress.phase}: <progress max={progress.total || 1} value={progress.done} /> {progress.done}/
            {progress.total}
          </p>
        )}
        {importMsg && (
          <p
            role={importMsg.ok ? 'status' : 'alert'}
            className={importMsg.ok ? undefined : 'warn'}
            data-testid="import-result"
          >
            {importMsg.text}
          </p>
        )}
        {active.origin === 'imported' && (
          <button
            type="button"
            onClick={() =>
              void switchToBundledPack().then(async () => {
                announceReleaseChange();
                await refresh();
              })
            }
          >
            Use the bundled code sets
          </button>
        )}
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
            {active.pack.sources.map((s) => (
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
        {releases.length > 0 && (
          <p className="muted">
            Imported releases kept: {releases.map((r) => `${r.label} (${r.importedAt.slice(0, 10)})`).join('; ')}
          </p>
        )}
      </section>

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

      <section aria-labelledby="settings-h">
        <h2 id="settings-h">Settings</h2>
        <p>
          <label>
            Setting{' '}
            <select
              value={settings.setting}
              onChange={(e) => void save({ setting: e.target.value as Settings['setting'] })}
            >
              <option value="office">office (outpatient rules: code symptoms, not uncertain diagnoses)</option>
              <option value="hospital">hospital (inpatient: uncertain diagnoses at discharge are coded)</option>
            </select>
          </label>
        </p>
        <p>
          <label>
            <input
              type="checkbox"
              checked={settings.storeNoteText}
              onChange={(e) => void save({ storeNoteText: e.target.checked })}
            />{' '}
            Store the note text with each review (off: only a hash and the length are kept)
          </label>
        </p>
        <p>
          <label>
            Keep audit entries for{' '}
            <input
              type="number"
              min={1}
              max={3650}
              value={settings.auditRetentionDays}
              onChange={(e) =>
                void save({ auditRetentionDays: Math.max(1, Math.min(3650, Number(e.target.value) || 1)) })
              }
            />{' '}
            days
          </label>
        </p>
        <p>
          <label>
            Your name in the audit trail{' '}
            <input value={settings.userLabel} onChange={(e) => void save({ userLabel: e.target.value.slice(0, 80) })} />
          </label>
        </p>
        <p>
          <label>
            Offer a compliance spot-audit for{' '}
            <input
              type="number"
              min={0}
              max={100}
              value={settings.spotAuditPercent}
              onChange={(e) => void save({ spotAuditPercent: Math.max(0, Math.min(100, Number(e.target.value) || 0)) })}
            />{' '}
            % of reviews
          </label>
        </p>
      </section>

      <AuditExport />
    </main>
  );
}
