import { defineConfig } from 'wxt';

// Host access is never granted at install: the user enables each EHR site at run time
// (optional_host_permissions + permissions.request from the options page).
// End-to-end tests only (CHARTCODER_E2E=1): the build also holds host access to the local fixture
// server, because a headless browser cannot click the permission prompt. It goes to its own folder
// so the shipped build (.output/chrome-mv3) never carries it; test/build checks both.
const E2E = process.env.CHARTCODER_E2E === '1';

// Extension pages may load scripts only from the extension and connect only to it (the bundled
// code pack): nothing on a page of ChartCoder can send a note anywhere, whatever a library does.
// Not in `wxt dev`, whose pages talk to the local dev server.
export const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'self'; connect-src 'self'; base-uri 'none'";

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  outDir: E2E ? '.output/e2e' : '.output',
  // MV3 for Firefox too: optional_host_permissions (128+), data_collection_permissions (140+, ESR 140).
  manifestVersion: 3,
  manifest: ({ browser, command }) => ({
    name: 'ChartCoder',
    description:
      'Local coding assistant: suggests ICD-10-CM / HCPCS codes from the visible note. No data leaves the device.',
    permissions: ['sidePanel', 'activeTab', 'scripting'].filter((p) => browser !== 'firefox' || p !== 'sidePanel'),
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    ...(E2E ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    commands: {
      'capture-note': {
        suggested_key: { default: 'Alt+Shift+C' },
        description: 'Open ChartCoder and read the note on this page',
      },
    },
    action: { default_title: 'ChartCoder' },
    ...(command === 'build' ? { content_security_policy: { extension_pages: EXTENSION_PAGES_CSP } } : {}),
    ...(browser === 'firefox'
      ? {
          // Firefox's data-collection declaration: ChartCoder collects and transmits nothing.
          browser_specific_settings: {
            gecko: {
              id: 'chartcoder@example.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
