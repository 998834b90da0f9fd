// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * Import zones (the Dark Reader idea, ENGINEERING.md §2): the domain core under lib/ is pure.
 * It may not import DOM / extension APIs, React, WXT, Dexie or Node built-ins, nor reach into
 * the extension's own folders, so the same code runs in the CLI, the tests and the side panel.
 */
export const PURE_CORE_FILES = ['lib/**/*.ts'];

export const pureCoreRules = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: ['wxt', 'wxt/*', '#imports', '@wxt-dev/*'], message: 'lib/ is the pure core: no WXT (wire it in entrypoints/ or utils/).' },
        { group: ['react', 'react/*', 'react-dom', 'react-dom/*'], message: 'lib/ is the pure core: no React (UI lives in components/).' },
        { group: ['dexie', 'dexie/*', 'fake-indexeddb', 'fake-indexeddb/*'], message: 'lib/ is the pure core: no Dexie/IndexedDB (storage lives in the extension).' },
        { group: ['webextension-polyfill', '@types/chrome'], message: 'lib/ is the pure core: no extension APIs.' },
        { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'http', 'https', 'net', 'url'], message: 'lib/ is the pure core: no Node built-ins (file and network I/O live in cli/).' },
        { group: ['@/components/*', '@/entrypoints/*', '@/utils/*', '@/cli/*', '**/components/**', '**/entrypoints/**', '**/utils/**', '**/cli/**'], message: 'lib/ may not depend on the extension or the CLI.' },
      ],
    },
  ],
  'no-restricted-globals': [
    'error',
    ...['window', 'document', 'browser', 'chrome', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'fetch', 'XMLHttpRequest', 'process'].map((name) => ({
      name,
      message: 'lib/ is the pure core: take what you need as a parameter.',
    })),
  ],
};

/**
 * The review model (lib/review/) is the panel's business rules: a reducer and selectors the side
 * panel's hooks call. Besides the pure-core rules it may not reach the storage or UI helpers by
 * any path, and it has no JSX (the views live in components/).
 */
export const REVIEW_MODEL_FILES = ['lib/review/**/*.{ts,tsx}'];
export const reviewModelRules = {
  ...pureCoreRules,
  'no-restricted-syntax': ['error', { selector: 'JSXElement', message: 'lib/review is the review model: no JSX (views live in components/).' }],
};

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'public/**', 'dist/**', '.tmp/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: { ...globals.node } } },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'utils/**/*.{ts,tsx}'],
    languageOptions: {
      globals: { ...globals.browser, browser: 'readonly', defineBackground: 'readonly', defineContentScript: 'readonly', defineUnlistedScript: 'readonly' },
    },
  },
  // Synthetic EHR / billing pages for the e2e suite run in a browser.
  { files: ['test/e2e/fixtures/**/*.js'], languageOptions: { globals: { ...globals.browser } } },
  { files: PURE_CORE_FILES, rules: pureCoreRules },
  { files: REVIEW_MODEL_FILES, rules: reviewModelRules },
);
