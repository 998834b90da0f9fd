import { describe, expect, it } from 'vitest';
import { detectSource } from '../../../lib/codesets/detect';
import { inferRelease } from '../../../lib/codesets/release';
import { CodesetError } from '../../../lib/codesets/errors';

const f = (path: string, head = '') => ({ path, bytes: new TextEncoder().encode(head) });

describe('release file detection', () => {
  it.each([
    ['icd10cm_order_2026.txt', '00001 A00     0 Cholera', 'icd10cm-order'],
    ['icd10cm-order-Jan-2021.txt', '00001 A00     0 Cholera', 'icd10cm-order'],
    ['icd10cm_codes_2026.txt', 'A000    Cholera', 'icd10cm-codes'],
    ['icd10cm_tabular_2026.xml', '<?xml version="1.0"?>\n<ICD10CM.tabular>', 'icd10cm-tabular'],
    ['icd10cm_index_2026.xml', '<?xml version="1.0"?>\n<ICD10CM.index>', 'icd10cm-index'],
    ['HCPC2026_JAN_ANWEB.xlsx', '', 'hcpcs-xlsx'],
    ['HCPC2026_JAN_ANWEB.txt', '', 'hcpcs-txt'],
    ['hcpcs_2026_jan.derived.json', '{', 'hcpcs-json'],
    ['ccipra-v302r0-f1.txt', '', 'ncci-ptp'],
    ['MCR_MUE_PractitionerServices_Eff_07-01-2024.csv', '', 'ncci-mue'],
    ['AOC_V2024Q3-MCR.xlsx', '', 'ncci-aoc'],
  ])('%s is %s', (name, head, kind) => {
    expect(detectSource(f(name, head), false)).toEqual({ kind });
  });

  it.each([
    'icd10OrderFiles_2026.pdf',
    'README.md',
    'icd10cm_order_addenda_2026.txt',
    'derived_icd10cm_chapters_2026_apr.csv',
  ])('%s is skipped as not a release table', (name) => {
    expect(detectSource(f(name), false)).toHaveProperty('ignored');
  });

  it('an unknown file outside an archive is an error naming it', () => {
    expect(() => detectSource(f('notes/patient.docx.bak'), false)).toThrowError(CodesetError);
    expect(() => detectSource(f('random.bin'), false)).toThrowError(/random\.bin: unknown file/);
  });

  it('an unknown member inside a CMS zip is skipped (zips carry readmes and layouts)', () => {
    expect(detectSource(f('x.zip!something.dat'), true)).toHaveProperty('ignored');
  });
});

describe('release and effective dates from official names', () => {
  it.each([
    ['icd10cm-order', 'icd10cm_order_2026.txt', 'FY2026', '2025-10-01', '2026-09-30'],
    ['icd10cm-index', 'icd10cm-drug-April-1-2026-XML.xml', 'FY2026 April update', '2026-04-01', '2026-09-30'],
    ['hcpcs-xlsx', 'HCPC2026_JAN_ANWEB.xlsx', '2026 JAN (Q1)', '2026-01-01', '2026-03-31'],
    ['ncci-mue', 'MCR_MUE_PractitionerServices_Eff_07-01-2024.csv', '2024 Q3', '2024-07-01', '2024-09-30'],
    ['ncci-mue', 'mcr_mue_practitioner_services_eff_2024-07-01.tsv', '2024 Q3', '2024-07-01', '2024-09-30'],
    ['ncci-ptp', 'ccipra-v302r0-f1.txt', '2024 Q3', '2024-07-01', '2024-09-30'],
    ['ncci-ptp', 'medicare-ncci-2025q4-practitioner-ptp-edits.zip!f1.txt', '2025 Q4', '2025-10-01', '2025-12-31'],
    ['ncci-aoc', 'ncci_aoc_edits_asof_2024-06-03.tsv', '2024 Q2', '2024-04-01', '2024-06-30'],
  ] as const)('%s %s -> %s', (kind, name, release, from, to) => {
    expect(inferRelease(kind, name)).toMatchObject({ release, effectiveFrom: from, effectiveTo: to });
  });

  it('uses the XML <version> when the name has no year', () => {
    expect(inferRelease('icd10cm-tabular', 'tabular.xml', '2021')).toMatchObject({
      release: 'FY2021',
      effectiveFrom: '2020-10-01',
    });
  });

  it('refuses to guess', () => {
    expect(() => inferRelease('ncci-ptp', 'edits.txt')).toThrowError(/cannot tell the NCCI quarter/);
    expect(() => inferRelease('hcpcs-txt', 'anweb.txt')).toThrowError(/cannot tell the HCPCS quarter/);
  });
});
