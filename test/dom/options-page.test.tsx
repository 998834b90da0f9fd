import 'fake-indexeddb/auto';
import { act, type ComponentType } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadPack, type CodePack } from '../../lib/pack/code-pack';
import { compilePack } from '../../lib/pack/compile';
import { db, readSettings } from '../../utils/db';
import { fixtureInputs } from '../helpers/fixtures';

// The page's own modules run for real (Dexie on fake-indexeddb, the CPT parser, the settings schema);
// only the active pack (normally the bundled file fetched from the extension) and the browser are stood in for.
const active = vi.hoisted(() => ({ pack: undefined as unknown, origin: 'imported' as const, warning: 'stand-in' }));
vi.mock('@/utils/release-store', () => ({
  RELEASE_CHANNEL: 'chartcoder-release-test',
  loadActivePack: vi.fn(async () => active),
  switchToBundledPack: vi.fn(async () => {}),
  activateImportedPack: vi.fn(async () => {}),
}));

// React's act() warns unless the environment says it is a test renderer.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const { OptionsApp } = await import('../../components/options/OptionsApp');

let pack: CodePack;
beforeAll(async () => {
  pack = loadPack((await compilePack(fixtureInputs('fy2026'))).bytes);
  active.pack = pack;
});

const granted: string[] = [];
const permissions = {
  getAll: vi.fn(async () => ({ origins: [...granted] })),
  request: vi.fn(async () => false),
  remove: vi.fn(async () => true),
};
const scripting = {
  getRegisteredContentScripts: vi.fn(async () => []),
  registerContentScripts: vi.fn(async () => {}),
  unregisterContentScripts: vi.fn(async () => {}),
  updateContentScripts: vi.fn(async () => {}),
};

let host: HTMLElement;
let root: Root;
beforeEach(async () => {
  granted.splice(0, granted.length, 'https://ehr.example.org/*');
  vi.stubGlobal('browser', { permissions, scripting, tabs: { query: vi.fn(async () => []) } });
  await db().settings.clear();
  await db().cpt.clear();
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.unstubAllGlobals();
});

/** Renders the page and lets its reads (settings, releases, permissions) settle. */
async function render(App: ComponentType) {
  await act(async () => root.render(<App />));
  await vi.waitFor(() => expect(host.querySelector('h1')).not.toBeNull());
}

/** Types into a React-controlled input the way a user does (the native setter, then an input event). */
async function type(input: HTMLInputElement, value: string) {
  const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  await act(async () => {
    set.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function pickFile(input: HTMLInputElement, file: File) {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => void input.dispatchEvent(new Event('change', { bubbles: true })));
}

describe('options page', () => {
  it('shows the sections, the active code sets and their sources, and the enabled sites', async () => {
    await render(OptionsApp);
    expect([...host.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'EHR sites',
      'Code sets',
      'CPT descriptors (your AMA licence)',
      'Settings',
      'Audit trail',
    ]);
    expect(host.querySelector('[data-testid="active-release"]')!.textContent).toBe('ICD-10-CM FY2026');
    expect(host.textContent).toContain('(imported)');
    expect(host.querySelector('.warn')!.textContent).toBe('stand-in');
    expect(host.querySelectorAll('table')[0]!.querySelectorAll('tbody tr')).toHaveLength(pack.sources.length);
    expect(host.querySelector('ul[aria-label="Enabled sites"]')!.textContent).toBe('https://ehr.example.org/* Disable');
    expect([...host.querySelectorAll('button')].map((b) => b.textContent)).toContain('Use the bundled code sets');
    expect(host.textContent).toContain('None loaded.');
  });

  it('says when the browser does not grant a site, and disabling a site removes its permission', async () => {
    await render(OptionsApp);
    await type(host.querySelector<HTMLInputElement>('#site')!, 'ehr2.example.org/chart');
    await act(async () => host.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    await vi.waitFor(() =>
      expect(host.querySelector('[role="status"]')?.textContent).toBe(
        'Access to https://ehr2.example.org/* was not granted.',
      ),
    );
    expect(permissions.request).toHaveBeenCalledWith({ origins: ['https://ehr2.example.org/*'] });
    const disable = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Disable')!;
    await act(async () => disable.click());
    expect(permissions.remove).toHaveBeenCalledWith({ origins: ['https://ehr.example.org/*'] });
  });

  it('keeps settings within their limits when saving them', async () => {
    await render(OptionsApp);
    const [retention, spot] = [...host.querySelectorAll<HTMLInputElement>('input[type="number"]')];
    await type(retention!, '99999');
    await type(spot!, '-4');
    await vi.waitFor(async () => {
      const s = await readSettings();
      expect([s.auditRetentionDays, s.spotAuditPercent]).toEqual([3650, 0]);
    });
    expect(retention!.value).toBe('3650');
  });

  it('imports a CPT descriptor file and refuses a bad one without changing the stored descriptors', async () => {
    await render(OptionsApp);
    const input = host.querySelector<HTMLInputElement>('#cpt-file')!;
    // Placeholder descriptors: no CPT descriptor text ships with the project.
    await pickFile(input, new File(['code,descriptor\n0001T,placeholder one\n0002T,placeholder two\n'], 'mine.csv'));
    await vi.waitFor(() => expect(host.textContent).toContain('2 CPT descriptors imported from mine.csv'));
    await vi.waitFor(() => expect(host.textContent).toContain('2 descriptors loaded.'));
    await pickFile(input, new File(['code,descriptor\n12,placeholder\n'], 'bad.csv'));
    await vi.waitFor(() =>
      expect(host.querySelector('[role="alert"]')?.textContent).toMatch(/^CPT file rejected, nothing changed: .*"12"/),
    );
    expect(await db().cpt.count()).toBe(2);
  });
});
