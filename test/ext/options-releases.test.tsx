import 'fake-indexeddb/auto';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReleaseStatus } from '../../components/ReleaseStatus';
import { IMPORT_FORMS } from '../../components/options/OptionsApp';
import { ReleasesInForce } from '../../components/options/ReleasesInForce';
import { loadPack } from '../../lib/pack/code-pack';
import { compilePack } from '../../lib/pack/compile';
import { releaseStatusLines } from '../../lib/pack/release-resolver';
import { openDb } from '../../utils/db';
import { activateImportedPack, loadActivePack } from '../../utils/release-store';
import { fixtureInputs } from '../helpers/fixtures';

/** A two-code HCPCS JSON extraction in the shape of the shared hcpcs_2026_jan.derived.json. */
const HCPCS_JSON = JSON.stringify({
  version: '2026-Q1-JAN',
  source: 'CMS HCPCS Quarterly Update (January 2026)',
  totalCodes: 2,
  codes: [
    {
      code: 'G0439',
      longDesc: 'Annual wellness visit, includes a personalized prevention plan of service (pps), subsequent visit',
      shortDesc: 'Ppps, subseq visit',
      cov: 'C',
      tos: '1',
      addDate: '20110101',
    },
    {
      code: 'J1100',
      longDesc: 'Injection, dexamethasone sodium phosphate, 1 mg',
      shortDesc: 'Dexamethasone sodium phos',
      cov: 'C',
      tos: '1',
      addDate: '20060101',
    },
  ],
});

/** The files the options page hands its compile worker: the shared extractions, as a user would pick them. */
function sharedForms() {
  return [
    ...fixtureInputs('fy2026').filter((f) => /order/.test(f.path)),
    ...fixtureInputs('fy2025', 'fy2026-notes', 'ncci-2026q3', 'hcc'),
    { path: 'hcpcs_2026_jan.derived.json', bytes: new TextEncoder().encode(HCPCS_JSON) },
  ];
}

describe('options page: import of the shared file forms, releases in force by date of service', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    fakeBrowser.reset();
  });

  it('flat Index CSV, tabular-notes JSON, MUE/AOC JSON, HCPCS JSON and the HCC CSV become one active release', async () => {
    const db = openDb(`opt-${Math.random()}`);
    const compiled = await compilePack(sharedForms(), { generator: 'ChartCoder options import' });
    expect(compiled.skipped).toEqual([]);
    await activateImportedPack(
      compiled.bytes,
      sharedForms().map((f) => f.path),
      db,
    );
    const { pack, origin } = await loadActivePack(db);
    expect(origin).toBe('imported');
    const systems = new Set(pack.sources.map((s) => `${s.system} ${s.release}`));
    for (const s of ['ICD-10-CM FY2026', 'HCPCS 2026 JAN (Q1)', 'NCCI-MUE 2026 Q3', 'NCCI-AOC 2026 Q3'])
      expect(systems).toContain(s);
    expect(pack.sources.some((s) => s.system === 'ICD-10-CM' && /index_2025\.flat\.csv/.test(s.file))).toBe(true);
    expect(pack.sources.some((s) => /tabular_notes/.test(s.file))).toBe(true);
    expect(pack.hccOf('E11.22')?.category).toBe(37);
    expect(pack.lookup('G0439')?.title).toMatch(/Annual wellness visit/);

    const lines = releaseStatusLines(pack.releasesFor('2026-08-01'), '2026-08-01');
    expect(lines.map((l) => [l.system, l.state, l.release])).toEqual([
      ['ICD-10-CM', 'in force', 'FY2026'],
      ['HCPCS', 'nearest', '2026 JAN (Q1)'],
      ['NCCI-PTP', 'none', undefined],
      ['NCCI-MUE', 'in force', '2026 Q3'],
      ['NCCI-AOC', 'in force', '2026 Q3'],
    ]);
    db.close();
  });

  it('the options page says, per code system, what is in force on the date chosen; the panel line too', async () => {
    const pack = loadPack((await compilePack(sharedForms())).bytes);
    const html = renderToStaticMarkup(<ReleasesInForce pack={pack} initialDate="2026-11-29" />);
    const items = [...html.matchAll(/<li[^>]*>([^<]*)<\/li>/g)].map((m) => m[1]!.replace(/&#x27;/g, "'"));
    expect(items).toEqual([
      'ICD-10-CM: no loaded release is in force on 2026-11-29; FY2026 (2025-10-01 – 2026-09-30) answers instead — import the release in force',
      'HCPCS: no loaded release is in force on 2026-11-29; 2026 JAN (Q1) (2026-01-01 – 2026-03-31) answers instead — import the release in force',
      'NCCI-PTP: not loaded — no answers from it',
      'NCCI-MUE: no loaded release is in force on 2026-11-29; 2026 Q3 (2026-07-01 – 2026-09-30) answers instead — import the release in force',
      'NCCI add-on edits: no loaded release is in force on 2026-11-29; 2026 Q3 (2026-07-01 – 2026-09-30) answers instead — import the release in force',
      'CMS-HCC: V28 PY2026 initial mapping for payment year 2026 (covers codes of FY2024 and FY2025)',
    ]);
    const march = renderToStaticMarkup(<ReleasesInForce pack={pack} initialDate="2026-03-01" />);
    expect(march).toContain('ICD-10-CM: FY2026 in force (2025-10-01 – 2026-09-30)');
    expect(march).toContain('HCPCS: 2026 JAN (Q1) in force (2026-01-01 – 2026-03-31)');

    const panel = renderToStaticMarkup(<ReleaseStatus pack={pack} dateOfService="2026-03-01" />).replace(
      /<!-- -->/g,
      '',
    );
    expect(panel).toContain('Date of service 2026-03-01');
    expect(panel).toMatch(/ICD-10-CM FY2026 · .*HCPCS 2026 JAN \(Q1\) · .*NCCI-MUE 2026 Q3\*/);
    expect(panel).toContain('2 code sets not in force on 2026-03-01');
  });

  it('the import control names every file form the compiler reads', () => {
    for (const form of [
      'flat Alphabetic Index CSV',
      'tabular-notes JSON',
      'HCPCS ANWEB TXT/XLSX or JSON',
      'MUE/add-on JSON',
      'CMS-HCC mappings CSV/XLSX',
    ])
      expect(IMPORT_FORMS).toContain(form);
  });
});
