import { Fhir } from 'fhir';
import { X12Parser } from 'node-x12';
import { describe, expect, it } from 'vitest';
import { summaryToCms1500, LINES_PER_PAGE } from '../../../lib/export/cms1500';
import { summaryCsv } from '../../../lib/export/csv';
import { summaryToFhirClaim } from '../../../lib/export/fhir-claim';
import { summaryText } from '../../../lib/export/text';
import { summaryTo837pFragment } from '../../../lib/export/x12-837p';
import { CodedSummarySchema, POINTERS, summaryProblems, type CodedSummaryInput } from '../../../lib/summary/schema';
import { printableSummary } from '../../../lib/export/printable';

const base: CodedSummaryInput = {
  version: 1,
  encounter: { dateOfService: '2026-11-20', placeOfService: '11', setting: 'office', renderingProvider: 'Dr. Demo' },
  patient: { name: 'Testpatient, Alex', dob: '1961-04-09', memberId: 'ZX1234567', confirmed: true },
  diagnoses: [
    { pointer: 'A', code: 'E11.22', description: 'Type 2 diabetes mellitus with diabetic chronic kidney disease' },
    { pointer: 'B', code: 'N18.31', description: 'Chronic kidney disease, stage 3a' },
    { pointer: 'C', code: 'E78.5', description: 'Hyperlipidemia, unspecified' },
  ],
  lines: [
    { code: '99214', system: 'CPT', modifiers: ['25'], units: 1, pointers: ['A', 'B', 'C'], charge: 150 },
    { code: 'G0439', system: 'HCPCS', units: 1, pointers: ['A'], charge: 120.5 },
  ],
  releases: [{ system: 'ICD-10-CM', release: 'FY2026', effectiveFrom: '2025-10-01', effectiveTo: '2026-09-30' }],
};
const summary = CodedSummarySchema.parse(base);

function manyLines(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    code: `9921${i % 5}`,
    system: 'CPT' as const,
    units: 1,
    pointers: ['A' as const],
    charge: 10 + i,
  }));
}

describe('coded summary model: limits with clear messages', () => {
  it('accepts a complete summary', () => expect(summaryProblems(base)).toEqual([]));

  it.each([
    [
      '13 diagnoses',
      { diagnoses: Array.from({ length: 13 }, (_, i) => ({ pointer: POINTERS[Math.min(i, 11)]!, code: 'E78.5' })) },
      /at most 12 diagnoses per claim \(box 21 A-L\)/,
    ],
    [
      '5 pointers',
      { lines: [{ code: '99214', system: 'CPT', pointers: ['A', 'B', 'C', 'A', 'B'] }] },
      /at most 4 diagnosis pointers per line/,
    ],
    [
      '5 modifiers',
      { lines: [{ code: '99214', system: 'CPT', modifiers: ['25', '59', 'XS', 'RT', 'LT'], pointers: ['A'] }] },
      /at most 4 modifiers per line/,
    ],
    ['51 lines', { lines: manyLines(51) }, /at most 50 service lines per claim/],
    [
      'a pointer to nothing',
      { lines: [{ code: '99214', system: 'CPT', pointers: ['D'] }] },
      /points to D, but there is no diagnosis D/,
    ],
    ['pointers out of order', { diagnoses: [{ pointer: 'B', code: 'E78.5' }] }, /diagnosis 1 must carry pointer A/],
    ['a code without its dot', { diagnoses: [{ pointer: 'A', code: 'E1122' }] }, /ICD-10-CM code with its dot/],
    ['no pointer', { lines: [{ code: '99214', system: 'CPT', pointers: [] }] }, /at least one diagnosis/],
  ])('%s', (_, patch, message) => {
    const problems = summaryProblems({ ...base, ...patch });
    expect(problems.join('\n')).toMatch(message);
  });
});

describe('FHIR R4 Claim (draft), checked by the FHIR.js validator against the R4 profiles', () => {
  const fhir = new Fhir();
  it('is valid, draft, professional, with diagnoses in order and items pointing to them', () => {
    const claim = summaryToFhirClaim(summary, { created: '2026-11-22T10:00:00Z', id: 'example' });
    const result = fhir.validate(claim);
    expect((result.messages ?? []).filter((m) => m.severity === 'error')).toEqual([]);
    expect(result.valid).toBe(true);
    expect(claim).toMatchObject({ status: 'draft', use: 'claim' });
    const c = claim as {
      diagnosis: { sequence: number; diagnosisCodeableConcept: { coding: { code: string }[] } }[];
      item: { diagnosisSequence: number[]; modifier?: unknown[]; quantity: { value: number } }[];
    };
    expect(c.diagnosis.map((d) => d.diagnosisCodeableConcept.coding[0]!.code)).toEqual(['E11.22', 'N18.31', 'E78.5']);
    expect(c.item[0]!.diagnosisSequence).toEqual([1, 2, 3]);
    expect(c.item[0]!.modifier).toHaveLength(1);
    expect(c.item[1]!.diagnosisSequence).toEqual([1]);
  });

  it('the validator is not vacuous: a broken claim is reported invalid', () => {
    const claim = summaryToFhirClaim(summary) as Record<string, unknown>;
    delete claim.patient;
    claim.status = 'pending';
    const result = fhir.validate(claim);
    expect(result.valid).toBe(false);
  });

  it('12 diagnoses and 50 lines stay valid', () => {
    const big = CodedSummarySchema.parse({
      ...base,
      diagnoses: POINTERS.map((p) => ({ pointer: p, code: 'E78.5' })),
      lines: manyLines(50),
    });
    expect(fhir.validate(summaryToFhirClaim(big)).valid).toBe(true);
  });
});

describe('X12 837P fragment: parsed back by node-x12 to the same data', () => {
  const envelope = (body: string) => {
    const isa =
      'ISA*00*          *00*          *ZZ*CHARTCODER     *ZZ*BILLING        *261122*1200*^*00501*000000001*0*T*:~';
    const segs = body.split('\n');
    return `${isa}GS*HC*CHARTCODER*BILLING*20261122*1200*1*X*005010X222A1~ST*837*0001*005010X222A1~${segs.join('')}SE*${segs.length + 2}*0001~GE*1*1~IEA*1*000000001~`;
  };
  const parse = (s: typeof summary) => {
    const ic = new X12Parser(true).parse(envelope(summaryTo837pFragment(s))) as {
      functionalGroups: { transactions: { segments: { tag: string; elements: { value: string }[] }[] }[] }[];
    };
    return ic.functionalGroups[0]!.transactions[0]!.segments.map((x) => ({
      tag: x.tag,
      el: x.elements.map((e) => e.value),
    }));
  };

  it('HI holds the diagnoses in order (ABK first, no dots); each LX has its SV1 and service date', () => {
    const segs = parse(summary);
    const hi = segs.find((s) => s.tag === 'HI')!;
    expect(hi.el).toEqual(['ABK:E1122', 'ABF:N1831', 'ABF:E785']);
    const sv1 = segs.filter((s) => s.tag === 'SV1');
    expect(sv1.map((s) => s.el[0])).toEqual(['HC:99214:25', 'HC:G0439']);
    expect(sv1.map((s) => s.el[1])).toEqual(['150.00', '120.50']);
    expect(sv1.map((s) => s.el[3])).toEqual(['1', '1']);
    expect(sv1.map((s) => s.el[6])).toEqual(['1:2:3', '1']);
    expect(segs.filter((s) => s.tag === 'LX').map((s) => s.el[0])).toEqual(['1', '2']);
    expect(segs.filter((s) => s.tag === 'DTP').every((s) => s.el.join('*') === '472*D8*20261120')).toBe(true);
    expect(segs.find((s) => s.tag === 'CLM')!.el.slice(0, 2)).toEqual(['CC1', '270.50']);
  });

  it('round trip: the parsed segments rebuild the summary codes, modifiers, units and pointers', () => {
    const segs = parse(summary);
    const dx = segs.find((s) => s.tag === 'HI')!.el.map((c) => c.split(':')[1]!);
    const lines = segs
      .filter((s) => s.tag === 'SV1')
      .map((s) => {
        const [, code, ...mods] = s.el[0]!.split(':');
        return {
          code,
          modifiers: mods,
          units: Number(s.el[3]),
          pointers: s.el[6]!.split(':').map((n) => POINTERS[Number(n) - 1]),
        };
      });
    expect(dx).toEqual(summary.diagnoses.map((d) => d.code.replace('.', '')));
    expect(lines).toEqual(
      summary.lines.map((l) => ({ code: l.code, modifiers: l.modifiers, units: l.units, pointers: l.pointers })),
    );
  });

  it('12 diagnoses and 50 lines round-trip too', () => {
    const big = CodedSummarySchema.parse({
      ...base,
      diagnoses: POINTERS.map((p) => ({ pointer: p, code: 'E78.5' })),
      lines: manyLines(50),
    });
    const segs = parse(big);
    expect(segs.find((s) => s.tag === 'HI')!.el).toHaveLength(12);
    expect(segs.filter((s) => s.tag === 'LX')).toHaveLength(50);
  });
});

describe('CMS-1500 boxes 21 and 24', () => {
  it('box 21 A-L without dots, ICD indicator 0; box 24 lines with pointers as letters', () => {
    const [page, ...rest] = summaryToCms1500(summary);
    expect(rest).toEqual([]);
    expect(page!.box21).toEqual({ icdInd: '0', diagnoses: { A: 'E1122', B: 'N1831', C: 'E785' } });
    expect(page!.box24[0]).toEqual({
      from: '11 20 26',
      to: '11 20 26',
      pos: '11',
      code: '99214',
      modifiers: ['25', '', '', ''],
      pointers: 'ABC',
      charges: '150.00',
      units: '1',
    });
    expect(page!.totalCharge).toBe('270.50');
  });

  it('six lines a page: 13 lines make 3 pages of 6, 6 and 1, each repeating box 21', () => {
    const pages = summaryToCms1500(CodedSummarySchema.parse({ ...base, lines: manyLines(13) }));
    expect(pages.map((p) => p.box24.length)).toEqual([LINES_PER_PAGE, LINES_PER_PAGE, 1]);
    expect(pages.map((p) => `${p.page}/${p.of}`)).toEqual(['1/3', '2/3', '3/3']);
    expect(pages.every((p) => Object.keys(p.box21.diagnoses).length === 3)).toBe(true);
  });
});

describe('CSV, clipboard text and the printable page', () => {
  it('CSV: one row per diagnosis and line', () => {
    const rows = summaryCsv(summary).trim().split(/\r?\n/);
    expect(rows[0]).toBe('date_of_service,kind,position,code,system,modifiers,units,pointers,charge,description');
    expect(rows).toHaveLength(1 + 3 + 2);
    expect(rows[4]).toMatch(/^2026-11-20,service,1,99214,CPT,25,1,ABC,150,/);
  });

  it('text: diagnoses with pointers, lines with modifiers and the releases used', () => {
    const t = summaryText(summary);
    expect(t).toContain('A. E11.22');
    expect(t).toContain('1. 99214-25 x1  pointers ABC');
    expect(t).toContain('ICD-10-CM FY2026 (2025-10-01 – 2026-09-30)');
  });

  it('printable page escapes what it shows', () => {
    const html = printableSummary(
      CodedSummarySchema.parse({ ...base, patient: { name: '<img src=x onerror=alert(1)>', confirmed: false } }),
    );
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('E1122');
  });
});

describe('export command (code list -> hand-off formats)', () => {
  it('builds the summary from a code list and writes FHIR / text; limits fail with the summary message', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { buildPack } = await import('../../../cli/commands/codeset-build');
    const { exportCommand } = await import('../../../cli/commands/export');
    const { CODESET_FIXTURES } = await import('../../helpers/fixtures');
    const { vi } = await import('vitest');
    const dir = mkdtempSync(path.join(tmpdir(), 'cc-export-'));
    const pack = path.join(dir, 'p.ccpack');
    await buildPack([path.join(CODESET_FIXTURES, 'fy2026'), path.join(CODESET_FIXTURES, 'hcpcs')], pack, {
      quiet: true,
    });
    let out = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((out += String(c)), true));
    try {
      await exportCommand({ codes: 'E11.22,N18.32,99214-25,J1885x2', format: 'fhir' }, { pack, date: '2026-03-02' });
      const claim = JSON.parse(out);
      expect(new Fhir().validate(claim).valid).toBe(true);
      expect(
        claim.item.map(
          (i: { productOrService: { coding: { code: string; display?: string }[] } }) => i.productOrService.coding[0],
        ),
      ).toEqual([
        { system: 'http://www.ama-assn.org/go/cpt', code: '99214' },
        {
          system: 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
          code: 'J1885',
          display: 'Injection, ketorolac tromethamine, per 15 mg',
        },
      ]);
      out = '';
      await exportCommand({ codes: 'E11.22,99214-25', format: 'text' }, { pack, date: '2026-03-02' });
      expect(out).toContain('A. E11.22');
      await expect(
        exportCommand({ codes: 'E11.22,99214-25-59-XS-RT-LT', format: 'csv' }, { pack, date: '2026-03-02' }),
      ).rejects.toThrow(/at most 4 modifiers per line/);
    } finally {
      spy.mockRestore();
    }
  });
});
