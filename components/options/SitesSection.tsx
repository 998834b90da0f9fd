import { useSiteAccess } from './hooks/useSiteAccess';

/** The EHR sites ChartCoder may read: enable one (the browser asks), disable any. */
export function SitesSection({ sites, refresh }: { sites: string[]; refresh: () => Promise<void> }) {
  const { site, setSite, siteMsg, enableSite, disableSite } = useSiteAccess(refresh);
  return (
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
        <input id="site" value={site} onChange={(e) => setSite(e.target.value)} placeholder="https://ehr.example.org" />
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
  );
}
