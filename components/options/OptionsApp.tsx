import { AuditExport } from './AuditExport';
import { CodeSetsSection } from './CodeSetsSection';
import { CptSection } from './CptSection';
import { SettingsSection } from './SettingsSection';
import { SitesSection } from './SitesSection';
import { useOptionsData } from './hooks/useOptionsData';

// Kept importable from here (tests name the options page's import forms through this module).
export { IMPORT_FORMS } from './CodeSetsSection';

/** Sites, code sets (import with progress and atomic swap), licensed CPT file, settings, audit. */
export function OptionsApp() {
  const { active, settings, releases, sites, cptCount, error, refresh, save } = useOptionsData();
  if (error) return <main role="alert">{error}</main>;
  if (!active || !settings) return <main aria-busy="true">Loading…</main>;
  return (
    <main className="options">
      <h1>ChartCoder options</h1>
      <SitesSection sites={sites} refresh={refresh} />
      <CodeSetsSection active={active} releases={releases} refresh={refresh} />
      <CptSection cptCount={cptCount} refresh={refresh} />
      <SettingsSection settings={settings} save={save} />
      <AuditExport />
    </main>
  );
}
