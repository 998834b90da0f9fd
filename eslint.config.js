// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

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
        {
          group: ['wxt', 'wxt/*', '#imports', '@wxt-dev/*'],
          message: 'lib/ is the pure core: no WXT (wire it in entrypoints/ or utils/).',
        },
        {
          group: ['react', 'react/*', 'react-dom', 'react-dom/*'],
          message: 'lib/ is the pure core: no React (UI lives in components/).',
        },
        {
          group: ['dexie', 'dexie/*', 'fake-indexeddb', 'fake-indexeddb/*'],
          message: 'lib/ is the pure core: no Dexie/IndexedDB (storage lives in the extension).',
        },
        { group: ['webextension-polyfill', '@types/chrome'], message: 'lib/ is the pure core: no extension APIs.' },
        {
          group: [
            'node:*',
            'fs',
            'fs/*',
            'path',
            'os',
            'child_process',
            'worker_threads',
            'http',
            'https',
            'net',
            'url',
          ],
          message: 'lib/ is the pure core: no Node built-ins (file and network I/O live in cli/).',
        },
        {
          group: [
            '@/components/*',
            '@/entrypoints/*',
            '@/utils/*',
            '@/cli/*',
            '**/components/**',
            '**/entrypoints/**',
            '**/utils/**',
            '**/cli/**',
          ],
          message: 'lib/ may not depend on the extension or the CLI.',
        },
      ],
    },
  ],
  'no-restricted-globals': [
    'error',
    ...[
      'window',
      'document',
      'browser',
      'chrome',
      'navigator',
      'localStorage',
      'sessionStorage',
      'indexedDB',
      'location',
      'fetch',
      'XMLHttpRequest',
      'process',
    ].map((name) => ({
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
  'no-restricted-syntax': [
    'error',
    { selector: 'JSXElement', message: 'lib/review is the review model: no JSX (views live in components/).' },
  ],
};

/**
 * A zone per runtime (Dark Reader's inject / background / ui zones; ENGINEERING.md "A zone per
 * runtime"). The extension runs in four places that share no memory and talk only through the
 * message contract in utils/messages.ts:
 *   content script  entrypoints/content.ts, utils/content/**   (one per frame of the EHR page)
 *   pages           components/**, entrypoints/{sidepanel,options}/**, the page-only utils
 *   background      entrypoints/background.ts, utils/background/**
 *   shared          the other utils/*.ts: extension-origin storage and the code pack (db, release
 *                   store, default pack, inflater, site access), the compile worker, the contract
 * A content script sees the host page's IndexedDB (STACK.md trap 8) and is one IIFE on every
 * frame (trap 5): it may import only utils/content, the contract and lib/.
 */
const CONTENT = [
  '@/utils/content/*',
  '@/utils/content/**',
  '**/utils/content/**',
  '**/content/capture/**',
  '**/content/fill/**',
];
const BACKGROUND = [
  '@/utils/background/*',
  '@/utils/background/**',
  '**/utils/background/**',
  '**/background/analysis-service',
];
const PAGE_ONLY_UTILS = ['utils/tab-link.ts', 'utils/download.ts', 'utils/audit.ts', 'utils/review-store.ts'];
const PAGE_ONLY = PAGE_ONLY_UTILS.flatMap((f) => {
  const name = f.slice('utils/'.length, -'.ts'.length);
  return [`@/utils/${name}`, `**/utils/${name}`, `./${name}`, `../${name}`];
});
const EXTENSION_ORIGIN = [
  'db',
  'release-store',
  'default-pack',
  'native-inflate',
  'site-access',
  'compile-worker',
].flatMap((n) => [`@/utils/${n}`, `**/utils/${n}`, `../../${n}`]);
const UI = ['react', 'react/*', 'react-dom', 'react-dom/*', '@/components/*', '@/components/**', '**/components/**'];
const zone = (label, groups) => groups.map(([group, why]) => ({ group, message: `${label}: ${why}` }));

export const RUNTIME_ZONES = {
  content: {
    files: ['entrypoints/content.ts', 'entrypoints/content/**/*.{ts,tsx}', 'utils/content/**/*.{ts,tsx}'],
    groups: zone('content-script code', [
      [UI, 'no React or panel components (the content script only reads the note and paints highlights).'],
      [['dexie', 'dexie/*'], "no Dexie (a content script would open the host page's IndexedDB, STACK.md trap 8)."],
      [
        [...BACKGROUND, ...PAGE_ONLY, ...EXTENSION_ORIGIN],
        'no background, page or storage modules; talk to them through utils/messages.ts.',
      ],
    ]),
  },
  pages: {
    files: [
      'components/**/*.{ts,tsx}',
      'entrypoints/sidepanel/**/*.{ts,tsx}',
      'entrypoints/options/**/*.{ts,tsx}',
      ...PAGE_ONLY_UTILS,
    ],
    groups: zone('extension-page code', [
      [
        CONTENT,
        'no content-script code (capture, fill run in the EHR page; their results arrive as messages, utils/messages.ts).',
      ],
      [BACKGROUND, 'no background code (ask it through utils/messages.ts).'],
    ]),
  },
  background: {
    files: ['entrypoints/background.ts', 'utils/background/**/*.{ts,tsx}'],
    groups: zone('background code', [
      [UI, 'no React or components (the background has no page).'],
      [[...CONTENT, ...PAGE_ONLY], 'no content-script or page-only code; talk through utils/messages.ts.'],
    ]),
  },
  shared: {
    files: ['utils/*.ts'],
    ignores: PAGE_ONLY_UTILS,
    groups: zone('shared extension code', [
      [UI, 'no React or components.'],
      [
        [...CONTENT, ...BACKGROUND, ...PAGE_ONLY],
        'no runtime-specific code (content, background, page-only): it is imported by several runtimes.',
      ],
    ]),
  },
};

/** Messages go through the typed contract: no direct sendMessage outside utils/messages.ts. */
const SEND_THROUGH_CONTRACT = {
  'no-restricted-syntax': [
    'error',
    {
      selector: "CallExpression[callee.property.name='sendMessage']",
      message: 'send through utils/messages.ts (sendRuntime / sendToTab): every message has a schema there.',
    },
  ],
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
      globals: {
        ...globals.browser,
        browser: 'readonly',
        defineBackground: 'readonly',
        defineContentScript: 'readonly',
        defineUnlistedScript: 'readonly',
      },
    },
  },
  // Hooks: called unconditionally, effects and memos list what they read (ENGINEERING.md, issue 15).
  {
    files: [
      'components/**/*.{ts,tsx}',
      'entrypoints/**/*.{ts,tsx}',
      'test/dom/**/*.{ts,tsx}',
      'test/ext/**/*.{ts,tsx}',
    ],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  // Synthetic EHR / billing pages for the e2e suite run in a browser.
  { files: ['test/e2e/fixtures/**/*.js'], languageOptions: { globals: { ...globals.browser } } },
  ...Object.values(RUNTIME_ZONES).map(({ files, ignores, groups }) => ({
    files,
    ...(ignores ? { ignores } : {}),
    rules: { 'no-restricted-imports': ['error', { patterns: groups }], ...SEND_THROUGH_CONTRACT },
  })),
  { files: ['utils/messages.ts'], rules: { 'no-restricted-syntax': 'off' } },
  { files: PURE_CORE_FILES, rules: pureCoreRules },
  { files: REVIEW_MODEL_FILES, rules: reviewModelRules },
);
