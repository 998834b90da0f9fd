import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'fflate';
import { compilePack } from '../../lib/pack/compile';
import { loadPack, type CodePack, type IcdLookup } from '../../lib/pack/code-pack';
import { readInputs } from '../../cli/io';
import { codesetsDir } from '../../cli/paths';
import { NoteAnalyzer } from '../../lib/suggest/analyze';

/*
 * Runs on the real release files in ../shared/data/codesets (or $CHARTCODER_CODESETS). CI always
 * has them; where they are absent the suite is skipped and says so loudly.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = codesetsDir();
const present = Boolean(dir && existsSync(path.join(dir, 'icd10cm')));
if (!present) {
  console.warn(
    '\n!!! SKIPPING the shared code-set integration suite: no release folder (set CHARTCODER_CODESETS or place ../shared/data/codesets) !!!\n',
  );
}

// One compile of the real files serves every suite here (it takes ~40 s on 2 cores).
let compiled: ReturnType<typeof compilePack> | undefined;
const compileShared = async () => (compiled ??= readInputs([dir!]).then((files) => compilePack(files)));

function countFlag(file: string): number {
  const text = new TextDecoder().decode(gunzipSync(readFileSync(file)));
  return text.split('\n').filter((l) => l[14] === '1').length;
}

describe.skipIf(!present)('pack built from the shared official release files', () => {
  let pack: CodePack;
  let sources: Awaited<ReturnType<typeof compilePack>>['sources'];
  beforeAll(async () => {
    const result = await compileShared();
    pack = loadPack(result.bytes);
    sources = result.sources;
  });

  const icd = (code: string) => pack.lookup(code) as IcdLookup;

  it('FY2026: 74,719 billable codes, equal to the order-file flags and the pack’s billable leaves', () => {
    const fy26 = pack.icdReleases.find((r) => r.label === 'FY2026')!;
    expect(fy26.billableCount).toBe(74_719);
    expect(countFlag(path.join(dir!, 'icd10cm/icd10cm_order_2026.txt.gz'))).toBe(74_719);
  });

  it('FY2027: 74,879 billable codes from the order file byte-identical to the official CDC file, and it is the current release', () => {
    const fy27 = pack.icdReleases.find((r) => r.label === 'FY2027')!;
    expect(fy27.billableCount).toBe(74_879);
    expect(countFlag(path.join(dir!, 'icd10cm/icd10cm_order_2027.txt.gz'))).toBe(74_879);
    expect(sources.find((s) => s.file.endsWith('icd10cm_order_2027.txt'))).toMatchObject({
      release: 'FY2027',
      effectiveFrom: '2026-10-01',
      contentSha256: '38981fb2c1226e2b92393cef7d921d2293494dd184b5ad039dde08e4b364265f',
    });
    expect(pack.currentIcdRelease?.label).toBe('FY2027');
    expect(icd('QA1.71').releases.map((r) => r.release)).toEqual(['FY2027']);
  });

  it('Alphabetic Index: the FY2025 flat CSV (lossy), with see references resolved to the target codes', () => {
    // One "see" sits under a coded subterm whose words the flat copy lost ("Hepatitis, B, with"): skipped.
    expect(pack.header.alphabeticIndex).toMatchObject({ release: 'FY2025', form: 'flat CSV (lossy)', see: 12_128 });
    expect(pack.header.alphabeticIndex!.seeResolved).toBeGreaterThan(7_000);
    const terms = pack.termSources().filter((t) => t.kind === 'index');
    expect(terms).toContainEqual(
      expect.objectContaining({
        code: 'J45.909',
        text: 'Disease, diseased reactive airway',
        kind: 'index',
        via: 'see Asthma',
      }),
    );
    expect(terms).toContainEqual(
      expect.objectContaining({
        code: 'E11.22',
        text: 'Diabetes, diabetic type 2 with chronic kidney disease',
        kind: 'index',
      }),
    );
    expect(terms).toContainEqual(
      expect.objectContaining({ code: 'R10.9', text: 'Abdominalgia', via: 'see Pain, abdominal' }),
    );
  });

  it('FY2027 against FY2026: 190 codes added and 30 deleted, as the FY2027 addenda count them', () => {
    const fy26 = new Map(pack.listIcdCodes('FY2026').map((c) => [c.code, c.billable]));
    const fy27 = new Map(pack.listIcdCodes('FY2027').map((c) => [c.code, c.billable]));
    expect([...fy27].filter(([c, b]) => b && !fy26.get(c))).toHaveLength(190);
    expect([...fy26].filter(([c, b]) => b && !fy27.get(c))).toHaveLength(30);
  });

  it('a code deleted in FY2027 is flagged for a 2026-11 date of service with its replacement (and not for 2026-03)', () => {
    expect(pack.icdStatusOn('T52.8X1A', '2026-11-29')?.deleted).toEqual({
      previous: 'FY2026',
      nowHeader: false,
      replacements: [expect.objectContaining({ code: 'T52.891A' })],
    });
    expect(pack.icdStatusOn('D69.1', '2026-11-29')?.deleted?.replacements.map((r) => r.code)).toEqual([
      'D69.11',
      'D69.19',
    ]);
    expect(pack.icdStatusOn('T52.8X1A', '2026-03-01')?.deleted).toBeUndefined();
  });

  it('answers by date of service: FY2027 for 2026-11-29, FY2026 for 2026-03-01, FY2021 titles for 2021-03-01', () => {
    expect(pack.atDate('2026-11-29').currentIcdRelease?.label).toBe('FY2027');
    expect(pack.atDate('2026-03-01').currentIcdRelease?.label).toBe('FY2026');
    const v21 = pack.atDate('2021-03-01');
    expect(v21.currentIcdRelease?.label).toBe('FY2021');
    expect((v21.lookup('E11.22') as IcdLookup).titleRelease).toBe('FY2021');
    expect((pack.atDate('2026-03-01').lookup('I42.0') as IcdLookup).billable).toBe(true);
    expect((pack.atDate('2026-11-29').lookup('I42.0') as IcdLookup).billable).toBe(false);
    expect(pack.releaseStatement('2026-11-29')).toMatch(
      /^Date of service 2026-11-29: ICD-10-CM FY2027 · HCPCS 2026 JAN \(Q1\)\* · PTP 2024 Q3\* · MUE 2026 Q3\* · add-on edits 2026 Q3\*/,
    );
  });

  it('MUE for 99213 on 2026-08-01 comes from 2026 Q3 with its MAI; a 2024-08-01 date from 2024 Q3', () => {
    expect(pack.mue('99213', 'practitioner', '2026-08-01')).toMatchObject({
      value: 2,
      mai: 3,
      source: { release: '2026 Q3' },
    });
    expect(pack.mue('99213', 'practitioner', '2024-08-01')?.source.release).toBe('2024 Q3');
    expect(pack.addOnEdits('99292', '2026-08-01')).toContainEqual(
      expect.objectContaining({ primary: '99291', type: 1 }),
    );
  });

  it('CMS-HCC V28 (payment year 2026): E11.22 -> 37, E11.9 -> 38, I50.9 -> 226, F32.9 none; 7,903 codes mapped', () => {
    expect(pack.hccOf('E11.22')).toMatchObject({
      category: 37,
      label: 'Diabetes with Chronic Complications',
      model: 'V28',
      paymentYear: 2026,
    });
    expect(pack.hccOf('E11.9')?.category).toBe(38);
    expect(pack.hccOf('I50.9')?.category).toBe(226);
    expect(pack.hccOf('F32.9')).toBeUndefined();
    expect(pack.header.counts['hcc V28 codes']).toBe(7_903);
    expect(pack.hccMapping).toMatchObject({
      codeYears: 'FY2024 and FY2025',
      source: { contentSha256: 'e6653cdf14fe4f93fc662fd577423312e24bd1e0a1e74c9fbb7eb2a28361e433' },
    });
  });

  it('FY2026 tabular notes from the JSON extraction: E11 Excludes1, N18 code first, I10 Excludes1; 7th characters still from FY2021', () => {
    const e11 = icd('E11.9');
    expect(e11.notes.filter((n) => n.from === 'E11' && n.kind === 'excludes1').map((n) => n.release)).toContain(
      'FY2026',
    );
    expect(e11.notes.filter((n) => n.from === 'E11' && n.kind === 'excludes1').map((n) => n.text)).toEqual(
      expect.arrayContaining([expect.stringMatching(/E08/), expect.stringMatching(/P70\.2/)]),
    );
    expect(icd('N18.30').notes).toContainEqual(
      expect.objectContaining({
        kind: 'codeFirst',
        from: 'N18',
        release: 'FY2026',
        text: expect.stringMatching(/E11\.22/),
      }),
    );
    expect(icd('I10').notes).toContainEqual(
      expect.objectContaining({
        kind: 'excludes1',
        release: 'FY2026',
        text: expect.stringMatching(/O10-O11, O13-O16/),
      }),
    );
    expect(icd('S52.501').sevenChr?.release).toBe('FY2021');
    expect(sources.find((s) => s.file.endsWith('icd10cm_tabular_notes_2026.derived.json'))).toMatchObject({
      release: 'FY2026',
      records: 9_814,
    });
  });

  it('FY2021: 72,621 billable codes', () => {
    expect(pack.icdReleases.find((r) => r.label === 'FY2021')!.billableCount).toBe(72_621);
  });

  it.each(['FY2027', 'FY2026', 'FY2021'])(
    '%s: the billable codes are exactly the leaves of the code hierarchy',
    (release) => {
      const list = pack.listIcdCodes(release);
      const parents = new Set(list.map((c) => c.parent).filter((p) => p !== null));
      const leaves = list.filter((c) => !parents.has(c.code));
      expect(leaves.every((c) => c.billable)).toBe(true);
      expect(list.filter((c) => c.billable).every((c) => !parents.has(c.code))).toBe(true);
      expect(leaves.length).toBe({ FY2027: 74_879, FY2026: 74_719 }[release] ?? 72_621);
    },
  );

  it('E11.22 carries the use-additional-code note for the CKD stage and E11’s Excludes1, each tagged with its release', () => {
    const hit = icd('E11.22');
    expect(hit.title).toBe('Type 2 diabetes mellitus with diabetic chronic kidney disease');
    expect(hit.titleRelease).toBe('FY2027');
    expect(hit.notes).toContainEqual(
      expect.objectContaining({
        kind: 'useAdditionalCode',
        text: 'code to identify stage of chronic kidney disease (N18.1-N18.6)',
        from: 'E11.22',
      }),
    );
    expect(hit.notes.filter((n) => n.kind === 'excludes1' && n.from === 'E11').map((n) => n.text)).toContain(
      'type 1 diabetes mellitus (E10.-)',
    );
  });

  it('S52.501 offers the 16 fracture 7th characters', () => {
    expect(
      icd('S52.501')
        .sevenChr?.values.map((v) => v.char)
        .join(''),
    ).toBe('ABCDEFGHJKMNPQRS');
  });

  it('PTP: 99214 with 99213 is in force with modifier indicator 1 (2024 Q3 practitioner table, said plainly)', () => {
    expect(pack.releasesFor('2026-11-29').find((r) => r.system === 'NCCI-PTP')).toMatchObject({
      release: '2024 Q3',
      inForce: false,
    });
    const inForce = pack.ptpEdits('99214', '99213').filter((e) => e.deletion === null);
    expect(inForce).toHaveLength(1);
    expect(inForce[0]!.modifierIndicator).toBe(1);
    expect(pack.ptpEdits('93000', '93010').some((e) => e.deletion === null && e.modifierIndicator === 1)).toBe(true);
  });

  it('MUE: 99213 is 2 units (MAI 3); G0439 is 1 (MAI 2)', () => {
    expect(pack.mue('99213')).toMatchObject({ value: 2, mai: 3, source: { release: '2026 Q3' } });
    expect(pack.mue('G0439')).toMatchObject({ value: 1, mai: 2 });
    expect(pack.mue('E0601', 'dme-supplier')).toMatchObject({ value: 1 });
  });

  it('add-on: 99292 has primary 99291 (type 1)', () => {
    expect(pack.addOnEdits('99292')).toContainEqual(expect.objectContaining({ primary: '99291', type: 1 }));
  });

  it('keeps each release’s provenance: notes from FY2021, titles from FY2027, tables from the April 2026 update', () => {
    expect(sources.find((s) => s.file.endsWith('icd10cm_tabular_2021.xml'))).toMatchObject({
      release: 'FY2021',
      contentSha256: '436905e9470018c8667b25cdf646f6a2f4f0c95dbaeabd8692b530775db71afd',
    });
    expect(sources.find((s) => s.file.endsWith('icd10cm_order_2026.txt'))).toMatchObject({
      release: 'FY2026',
      contentSha256: '6dc95c9c7e96c734806e1682f4bf9df76251d60e99199bba0d375ba3dd11026b',
    });
    expect(sources.find((s) => s.detail === 'drug')).toMatchObject({
      release: 'FY2026 April update',
      effectiveFrom: '2026-04-01',
    });
    expect(icd('E11.22').releases.map((r) => r.release)).toEqual(['FY2021', 'FY2026', 'FY2027']);
  });

  it('knows codes added since FY2021 and says which releases hold them', () => {
    const added = icd('N18.32'); // stage 3b split arrived in FY2021; QA0 block only in FY2026
    expect(added.releases.map((r) => r.release)).toContain('FY2026');
    const qa = icd('QA00101');
    expect(qa.notIn).toEqual(['FY2021']);
  });

  it('search: "type 2 diabetes chronic kidney disease" ranks E11.22 first or second', () => {
    const codes = pack.search('type 2 diabetes chronic kidney disease', 5).map((r) => r.code);
    expect(codes.slice(0, 2)).toContain('E11.22');
  });

  it('HCPCS: G0439 is present with its January 2026 release', () => {
    expect(pack.lookup('G0439')).toMatchObject({ system: 'HCPCS', release: '2026 JAN (Q1)' });
  });

  it('a 2026-11-22 date of service is inside FY2027 (no ICD-10-CM warning); 2019-06-01 is outside every loaded release', () => {
    expect(pack.dateWarnings('2026-11-22').join('\n')).not.toMatch(/ICD-10-CM/);
    expect(pack.dateWarnings('2019-06-01').join('\n')).toMatch(
      /ICD-10-CM: no loaded release covers the date of service 2019-06-01/,
    );
  });
});

/** The CLI as a user runs it (`npm run -s cli -- …`), on a pack file. */
function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!present)('issue 14 "done when" through the command line, on the pack `codeset default` builds', () => {
  let packFile: string;
  beforeAll(async () => {
    // `codeset default` compiles every file of the release folder, as compileShared does.
    packFile = path.join(mkdtempSync(path.join(tmpdir(), 'cc-default-')), 'default.ccpack');
    writeFileSync(packFile, (await compileShared()).bytes);
  });
  const json = (args: string[]) => {
    const r = cli([...args, '--pack', packFile, '--json']);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as Record<string, unknown>;
  };
  const note = path.join(ROOT, 'data/samples/visit-note.txt');

  it('analyze answers from FY2027 on 2026-11-29 (no ICD-10-CM warning), FY2026 on 2026-03-01, FY2021 on 2021-03-01', () => {
    for (const [date, label] of [
      ['2026-11-29', 'FY2027'],
      ['2026-03-01', 'FY2026'],
      ['2021-03-01', 'FY2021'],
    ]) {
      const a = json(['analyze', note, '--date', date!]) as { release: { label: string }; warnings: string[] };
      expect(a.release.label, date).toBe(label);
      expect(
        a.warnings.filter((w) => w.startsWith('ICD-10-CM')),
        date,
      ).toEqual([]);
    }
  }, 120_000);

  it('check: a FY2027-deleted code on a 2026-11 claim names its replacement; MUE 2026 Q3 with its MAI; PTP says 2024 Q3; billed HCCs', () => {
    type Checked = {
      findings: { rule: string; message: string; rationale: string; action: string }[];
      hcc: { code: string; category: number }[];
    };
    const deleted = json(['check', '--codes', 'T52.8X1A', '--date', '2026-11-20']) as Checked;
    expect(deleted.findings.find((f) => f.rule === 'deleted-code-with-replacement')?.action).toMatch(/T52\.891A/);
    const mue = (json(['check', '--codes', 'I10,99213x5', '--date', '2026-08-01']) as Checked).findings.find(
      (f) => f.rule === 'mue-units',
    )!;
    expect(mue.message).toMatch(/MUE is 2 \(NCCI-MUE 2026 Q3, practitioner\)/);
    expect(mue.rationale).toMatch(/^MAI 3/);
    const ptp = (json(['check', '--codes', 'I10,99214,99213', '--date', '2026-11-29']) as Checked).findings.find(
      (f) => f.rule === 'ncci-ptp',
    )!;
    expect(ptp.message).toContain('NCCI PTP 2024 Q3');
    const hcc = json(['check', '--codes', 'E11.22,N18.32,I50.9,I10', '--date', '2026-11-29']) as Checked;
    expect(hcc.hcc.map((h) => `${h.code} ${h.category}`)).toEqual(['E11.22 37', 'N18.32 328', 'I50.9 226']);
  }, 120_000);

  it('code lookup --date says which releases answer once, in one line', () => {
    const r = cli(['code', 'lookup', 'E11.9', '--date', '2026-11-29', '--pack', packFile]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/Date of service|no loaded release covers/);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^Date of service 2026-11-29: ICD-10-CM FY2027 · /),
    ]);
    const cpt = cli(['code', 'lookup', '99213', '--date', '2026-08-01', '--pack', packFile]);
    expect(cpt.stdout).toMatch(/MUE practitioner: 2 units \(MAI 3.*NCCI-MUE 2026 Q3/);
  }, 120_000);
});

describe.skipIf(!present)('note analysis on the real code set', () => {
  let analyzer: NoteAnalyzer;
  beforeAll(async () => {
    analyzer = new NoteAnalyzer(loadPack((await compileShared()).bytes));
  });
  const codes = (text: string) => analyzer.analyze(text, { setting: 'office' }).suggestions.map((s) => s.code);

  it.each([
    ['Patient denies chest pain.', [], 'R07'],
    ['Her mother had breast cancer.', ['Z80.3'], 'C50'],
    ['History of MI.', ['I25.2'], 'I21'],
    ['Cough and fever for 3 days; rule out pneumonia.', ['R05.9', 'R50.9'], 'J18'],
    ['Type 2 diabetes with stage 3b CKD.', ['E11.22', 'N18.32'], 'N18.2'],
    // "without X": the reading that expects X absent, never "with X" negated away.
    ['Migraine without aura.', ['G43.009'], 'G43.1'],
    ['Gastroesophageal reflux disease without esophagitis.', ['K21.9'], 'K21.0'],
    // No complication written: E11.9 (without complications), not E11.8 (unspecified complications).
    ['Type 2 diabetes mellitus.', ['E11.9'], 'E11.8'],
    // A device is not a substance: no inhalant use disorder from "inhaler".
    ['Albuterol inhaler as needed for mild intermittent asthma.', ['J45.20'], 'F18'],
    // A symptom that is part of the diagnosis's own words is not a second code (I.B.5).
    ['Acute low back pain.', ['M54.50'], 'R52'],
    // Same words elsewhere in the sentence: E11.22, not also "other specified diabetes" E13.22.
    ['Type 2 diabetes mellitus with diabetic chronic kidney disease.', ['E11.22'], 'E13'],
  ] as const)('%s', (note, want, notPrefix) => {
    const got = codes(note);
    for (const c of want) expect(got).toContain(c);
    expect(got.some((c) => c.startsWith(notPrefix))).toBe(false);
  });

  it('an unspecified code beside a specified one of its category is an alternative, not a second code', () => {
    const a = analyzer.analyze(
      'Follow-up of diabetes. Assessment: type 2 diabetes mellitus with diabetic chronic kidney disease, stage 3a.',
      { setting: 'office' },
    );
    expect(a.suggestions.map((s) => s.code)).toContain('E11.22');
    expect(a.suggestions.map((s) => s.code)).not.toContain('E11.9');
    expect(a.alternatives.find((s) => s.code === 'E11.9')?.reason.note).toMatch(/I\.B\.2/);
  });

  it('a symptom written as absent is shown as excluded, not suggested', () => {
    const a = analyzer.analyze('Cough without fever.', { setting: 'office' });
    expect(a.suggestions.map((s) => s.code)).toContain('R05.9');
    expect(a.excluded.find((s) => s.code === 'R50.9')?.assertion).toBe('negated');
  });

  it('closed fracture of the right distal radius, initial encounter -> a right-sided S52 code with 7th character A', () => {
    const got = codes('Closed fracture of the right distal radius, initial encounter.');
    const s52 = got.filter((c) => c.startsWith('S52'));
    expect(s52.length).toBeGreaterThan(0);
    for (const c of s52) expect(c).toMatch(/^S52\.\d\d1A$/);
  });
});
