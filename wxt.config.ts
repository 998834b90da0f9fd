import { defineConfig } from 'wxt';

// Host access is never granted at install: the user enables each EHR site at run time
// (optional_host_permissions + permissions.request from the options page).
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // MV3 for Firefox too (128+): optional_host_permissions and the same permission model as Chrome.
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'ChartCoder',
    description: 'Local coding assistant: suggests ICD-10-CM / HCPCS codes from the visible note. No data leaves the device.',
    permissions: ['storage', 'sidePanel', 'activeTab', 'scripting'].filter(
      (p) => browser !== 'firefox' || p !== 'sidePanel',
    ),
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'ChartCoder' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: { gecko: { id: 'chartcoder@example.org', strict_min_version: '128.0' } },
        }
      : {}),
  }),
});
