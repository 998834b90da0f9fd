import { beforeAll, describe, expect, it } from 'vitest';
import { zipSync, gzipSync } from 'fflate';
import { compilePack, type CompileResult } from '../../../lib/pack/compile';
import { CodePack, loadPack } from '../../../lib/pack/code-pack';
import { PackFormatError } from '../../../lib/pack/container';
import { PACK_FORMAT_VERSION } from '../../../lib/pack/format';
import { CodesetError } from '../../../lib/codesets/errors';
import { fixtureInputs } from '../../helpers/fixtures';

const FIXED = { createdAt: '2026-01-01T00:00:00.000Z' };

describe('code pack compiled from official-format fixtures', () => {
  let result: CompileResult;
  let pack: CodePack;
  beforeAll(async () => {
    result = await compilePack(fixtureInputs('fy2026', 'hcpcs', 'ncci'), FIXED);
    pack = loadPack(result.bytes);
  });

  it('a lookup reads the short titles only when its short title is asked for, and still carries it (JSON, copies)', () => {
    const fresh = loadPack(result.bytes);
    const asked: string[] = [];
    // Every section read goes through the pack's decoded sections; watch for the short titles.
    const decoded = (fresh as unknown as { raw: { section(n: string): Uint8Array | undefined } }).raw;
    const section = decoded.section.bind(decoded);
    decoded.section = (n: string) => (asked.push(n), section(n));
    const hit = fresh.lookup('E11.9') as { short: string; title: string };
    expect(asked).not.toContain('icd.short');
    expect(hit.short.length).toBeGreaterThan(0);
    expect(asked).toContain('icd.short');
    expect(Object.keys(hit).indexOf('short')).toBe(Object.keys(hit).indexOf('title') + 1);
    expect(JSON.parse(JSON.stringify(hit)).short).toBe(hit.short);
    expect({ ...hit }.short).toBe(hit.short);
  });

  it('records provenance for every source: system, release, effective dates, file, sha256', () => {
    const order = pack.sources.find((s) => s.kind === 'icd10cm-order')!;
    expect(order).toMatchObject({
      system: 'ICD-10-CM',
      release: 'FY2026',
      effectiveFrom: '2025-10-01',
      effectiveTo: '2026-09-30',
      records: 47,
    });
    expect(order.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(pack.sources.map((s) => s.system).sort()).toEqual(
      [
        'HCPCS',
        'ICD-10-CM',
        'ICD-10-CM',
        'ICD-10-CM',
        'ICD-10-CM',
        'ICD-10-CM',
        'ICD-10-CM',
        'ICD-10-CM',
        'NCCI-AOC',
        'NCCI-MUE',
        'NCCI-PTP',
      ].sort(),
    );
    expect(pack.header.formatVersion).toBe(PACK_FORMAT_VERSION);
  });

  it('billable leaves equal the order file flags', () => {
    expect(pack.icdReleases).toHaveLength(1);
    expect(pack.icdReleases[0]).toMatchObject({ label: 'FY2026', billableCount: 25, hasNotes: true });
  });

  it('looks up E11.22 with hierarchy, its own and inherited notes, each with where it is printed', () => {
    const hit = pack.lookup('e1122');
    expect(hit?.system).toBe('ICD-10-CM');
    if (hit?.system !== 'ICD-10-CM') return;
    expect(hit.code).toBe('E11.22');
    expect(hit.billable).toBe(true);
    expect(hit.hierarchy.map((h) => h.code)).toEqual(['E11', 'E11.2']);
    expect(hit.notes).toContainEqual({
      kind: 'useAdditionalCode',
      text: 'code to identify stage of chronic kidney disease (N18.1-N18.6)',
      from: 'E11.22',
      release: 'FY2026',
    });
    expect(hit.notes).toContainEqual(
      expect.objectContaining({ kind: 'excludes1', text: 'type 1 diabetes mellitus (E10.-)', from: 'E11' }),
    );
    expect(hit.notes).toContainEqual(expect.objectContaining({ kind: 'excludes1', from: 'chapter 4' }));
    expect(hit.chapter?.name).toBe('4');
  });

  it('gives S52.501 the 7th characters of S52 and S52.501A is billable', () => {
    const hit = pack.lookup('S52.501');
    if (hit?.system !== 'ICD-10-CM') throw new Error('not found');
    expect(hit.billable).toBe(false);
    expect(hit.sevenChr?.from).toBe('S52');
    expect(hit.sevenChr?.values.map((v) => v.char)).toEqual(['A', 'B', 'D', 'S']);
    expect(hit.children.map((c) => c.code)).toEqual(['S52.501A', 'S52.501D']);
    const a = pack.lookup('S52.501A');
    expect(a?.system === 'ICD-10-CM' && a.billable).toBe(true);
  });

  it('finds Excludes1 pairs in either order, and not Excludes2 or unrelated codes', () => {
    expect(
      pack
        .excludes1Between('E11.9', 'E10.9')
        .map((p) => p.from)
        .sort(),
    ).toEqual(['E10', 'E11']);
    expect(pack.excludes1Between('E11.9', 'I10')).toEqual([]);
  });

  it('searches titles, inclusion terms and index terms', () => {
    expect(pack.search('type 2 diabetes chronic kidney disease', 3)[0]?.code).toBe('E11.22');
    expect(pack.search('high blood pressure', 3)[0]).toMatchObject({
      code: 'I10',
      via: expect.stringMatching(/inclusion term/),
    });
    expect(pack.search('annual wellness visit', 3)[0]).toMatchObject({ code: 'G0439', system: 'HCPCS' });
  });

  it('answers PTP, MUE and add-on questions with dates', () => {
    const edits = pack.ptpEdits('99214', '99213');
    expect(edits).toHaveLength(2);
    const inForce = edits.filter((e) => e.inForceOn('2026-03-01'));
    expect(inForce).toHaveLength(1);
    expect(inForce[0]).toMatchObject({ modifierIndicator: 1, deletion: null, effective: '2020-01-01' });
    expect(edits.filter((e) => e.inForceOn('2019-06-01'))[0]?.deletion).toBe('2019-12-31');
    expect(pack.ptpEdits('99213', '99214')).toEqual([]);
    expect(pack.mue('99213')).toMatchObject({ value: 2, mai: 3 });
    expect(pack.mue('99213', 'dme-supplier')).toBeUndefined();
    expect(pack.addOnEdits('99292')).toEqual([
      { addOn: '99292', primary: '99291', type: 1, effective: '2010-01-01', deletion: null },
    ]);
  });

  it('warns when the date of service falls outside a release', () => {
    expect(pack.dateWarnings('2026-03-01').join('\n')).toMatch(
      /NCCI-PTP: no loaded release covers the date of service 2026-03-01/,
    );
    expect(pack.dateWarnings('2026-03-01').join('\n')).not.toMatch(/ICD-10-CM/);
    expect(pack.dateWarnings('2026-11-22').join('\n')).toMatch(
      /ICD-10-CM: no loaded release covers .* FY2026 \(effective 2025-10-01 to 2026-09-30\)/,
    );
  });

  it('is deterministic for the same inputs', async () => {
    const again = await compilePack(fixtureInputs('fy2026', 'hcpcs', 'ncci'), FIXED);
    expect(Buffer.from(again.bytes).equals(Buffer.from(result.bytes))).toBe(true);
  });
});

describe('pack container', () => {
  it('refuses an unknown format version with a clear message', async () => {
    const { bytes } = await compilePack(fixtureInputs('fy2026'), FIXED);
    const text = new TextDecoder('latin1').decode(bytes);
    const patched = new Uint8Array(bytes);
    const at = text.indexOf(`"formatVersion":${PACK_FORMAT_VERSION}`);
    expect(at).toBeGreaterThan(0);
    patched.set(new TextEncoder().encode('"formatVersion":9'), at);
    expect(() => loadPack(patched, 'old.ccpack')).toThrowError(PackFormatError);
    expect(() => loadPack(patched, 'old.ccpack')).toThrowError(
      new RegExp(
        `old\\.ccpack: pack format version 9 is not supported \\(this ChartCoder reads version ${PACK_FORMAT_VERSION}\\)`,
      ),
    );
  });

  it('refuses a file that is not a pack, and a truncated pack', async () => {
    expect(() => loadPack(new TextEncoder().encode('hello world, not a pack'))).toThrowError(
      /not a ChartCoder code pack/,
    );
    const { bytes } = await compilePack(fixtureInputs('fy2026'), FIXED);
    expect(() => loadPack(bytes.subarray(0, bytes.length - 50), 'cut.ccpack')).toThrowError(/cut\.ccpack: truncated/);
  });
});

describe('compiler inputs', () => {
  it('accepts the official zip and gzip forms', async () => {
    const files = fixtureInputs('fy2026');
    const zip = zipSync(Object.fromEntries(files.map((f) => [f.path.split('/').pop()!, f.bytes])));
    const r = await compilePack([{ path: '2026-code-tables-tabular-and-index.zip', bytes: zip }], FIXED);
    expect(r.sources.find((s) => s.kind === 'icd10cm-tabular')!.file).toBe(
      '2026-code-tables-tabular-and-index.zip!icd10cm_tabular_2026.xml',
    );
    const gz = files.find((f) => f.path.endsWith('order_2026.txt'))!;
    const r2 = await compilePack([{ path: 'icd10cm_order_2026.txt.gz', bytes: gzipSync(gz.bytes) }], FIXED);
    expect(r2.counts['icdBillable FY2026']).toBe(25);
  });

  it('rejects a zip without the expected member', async () => {
    const zip = zipSync({ 'readme.txt': new TextEncoder().encode('nothing here'), 'layout.pdf': new Uint8Array([1]) });
    await expect(compilePack([{ path: '2026-code-descriptions-tabular-order.zip', bytes: zip }])).rejects.toThrowError(
      /2026-code-descriptions-tabular-order\.zip: the zip holds no .* release table .* \(expected member missing\)/,
    );
  });

  it('rejects a corrupt zip, an unknown file, and two order files of one release', async () => {
    await expect(compilePack([{ path: 'x.zip', bytes: new Uint8Array([80, 75, 3, 4, 1, 2]) }])).rejects.toThrowError(
      CodesetError,
    );
    await expect(compilePack([{ path: 'mystery.dat', bytes: new Uint8Array([1]) }])).rejects.toThrowError(
      /mystery\.dat: unknown file/,
    );
    const order = fixtureInputs('fy2026').find((f) => f.path.endsWith('order_2026.txt'))!;
    await expect(compilePack([order, { ...order, path: 'copy/icd10cm_order_2026.txt' }])).rejects.toThrowError(
      /a second order file for ICD-10-CM FY2026/,
    );
  });

  it('rejects a codes file that disagrees with the order file of its release', async () => {
    const files = fixtureInputs('fy2026').filter((f) => /order_2026|codes_2026/.test(f.path));
    const codes = files.find((f) => f.path.endsWith('codes_2026.txt'))!;
    codes.bytes = new TextEncoder().encode(
      `${new TextDecoder().decode(codes.bytes)}E1165   Type 2 diabetes mellitus with hyperglycemia\r\n`,
    );
    await expect(compilePack(files)).rejects.toThrowError(
      /icd10cm_codes_2026\.txt \(line 26\): E11\.65 is listed as valid here but is not billable/,
    );
  });
});

describe('code references in notes', () => {
  it.each([
    ['type 1 diabetes mellitus (E10.-)', [['E10', 'E10']]],
    ['diabetes mellitus (E08-E13 with .21)', [['E08', 'E13']]],
    ['infectious diseases (A00-B99)', [['A00', 'B99']]],
    ['gestational diabetes (O24.4-)', [['O244', 'O244']]],
    [
      'renal colic (N23), ureteral (N13.5)',
      [
        ['N23', 'N23'],
        ['N135', 'N135'],
      ],
    ],
  ])('%s', async (text, ranges) => {
    const { excludedRanges } = await import('../../../lib/pack/modules/icd10cm/excludes1');
    expect(excludedRanges(text)).toEqual(ranges);
  });
});

describe('Alphabetic Index from the flat CSV (lossy) in a pack', () => {
  let pack: CodePack;
  beforeAll(async () => {
    const order = fixtureInputs('fy2026').filter((f) => /order_2026/.test(f.path));
    pack = loadPack((await compilePack([...order, ...fixtureInputs('fy2025')], FIXED)).bytes);
  });

  it('says which index it used, with its release and how many references resolved', () => {
    expect(pack.header.alphabeticIndex).toMatchObject({
      release: 'FY2025',
      form: 'flat CSV (lossy)',
      see: 9,
      seeResolved: 5,
    });
    expect(pack.sources.find((s) => s.kind === 'icd10cm-index')).toMatchObject({
      release: 'FY2025',
      detail: 'index (flat CSV, lossy)',
    });
  });

  it('yields index terms for the referring phrase with the target code, marked as a see reference', () => {
    const terms = pack.termSources().filter((t) => t.kind === 'index');
    expect(terms).toContainEqual(
      expect.objectContaining({
        code: 'J18.9',
        text: 'Disease, diseased reactive airway',
        kind: 'index',
        via: 'see Pneumonia',
      }),
    );
    expect(terms).toContainEqual(
      expect.objectContaining({ code: 'N18.9', text: 'CKD', kind: 'index', via: 'see Disease, kidney, chronic' }),
    );
    expect(terms).toContainEqual(
      expect.objectContaining({
        code: 'E11.22',
        text: 'Diabetes, diabetic type 2 with chronic kidney disease',
        kind: 'index',
        levels: ['Diabetes, diabetic', 'type 2', 'with', 'chronic kidney disease'],
      }),
    );
    // "N18.3-": the dash is dropped, the category is named; Q87.19 is not in the release and is skipped.
    expect(terms).toContainEqual(
      expect.objectContaining({
        code: 'N18.3',
        text: 'Disease, diseased kidney chronic stage 3a, stage 3 unspecified',
      }),
    );
    expect(terms.some((t) => t.code === 'Q87.19')).toBe(false);
  });

  it('is not read when the official Index XML is among the inputs', async () => {
    const r = await compilePack([...fixtureInputs('fy2026'), ...fixtureInputs('fy2025')], FIXED);
    expect(r.skipped).toContainEqual({
      file: 'fy2025/icd10cm_index_2025.flat.csv',
      why: expect.stringMatching(/official Alphabetic Index XML/),
    });
    expect(loadPack(r.bytes).header.alphabeticIndex).toMatchObject({ release: 'FY2026', form: 'official XML' });
  });
});
