import { defineConfig } from 'wxt';

// Host access is never granted at install: the user enables each EHR site at run time
// (optional_host_permissions + permissions.request from the options page).
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
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
