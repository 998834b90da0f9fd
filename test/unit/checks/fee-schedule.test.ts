import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import scheduleData from '../../../lib/checks/data/physician-fee-schedule.json';
import { FeeScheduleSchema, feeScheduleOf, indicatorsFromRvuCsv, surgeryKind } from '../../../lib/checks/fee-schedule';

/*
 * lib/checks/data/physician-fee-schedule.json is built from the CMS PPRRVU CSV. To rebuild it:
 *   CHARTCODER_PPRRVU=/path/PPRRVU2025_Jul.csv CHARTCODER_WRITE_FEE_SCHEDULE=1 npx vitest run test/unit/checks/fee-schedule.test.ts
 * Without CHARTCODER_PPRRVU the rebuild check is skipped and the committed table is checked alone.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const target = path.join(root, 'lib/checks/data/physician-fee-schedule.json');
const rvuFile = process.env.CHARTCODER_PPRRVU;

const ABOUT =
  'Global surgery period and bilateral surgery indicator per CPT/HCPCS number, from the CMS National Physician Fee Schedule Relative Value File (PPRRVU, the rows without a modifier). Only code numbers and the two indicators are kept: the file’s CPT descriptors are AMA material. Meaning (NCCI Policy Manual Chapter I §D and §V): global 000/010 = minor procedure (E/M the same day needs modifier 25 and a significant, separately identifiable service), 090 = major surgery (the decision for surgery the day before or of is reported with 57), XXX = global rules do not apply, ZZZ = add-on inside another code’s period, YYY = contractor-priced, MMM = maternity. Bilateral 0 = no bilateral adjustment (report one unit), 1 = modifier 50 with one unit, 2 = the code is already bilateral (one unit, no 50), 3 = each side paid in full (50 or RT/LT; diagnostic may be 2 units), 9 = concept does not apply. Rebuild: see test/unit/checks/fee-schedule.test.ts.';

/** A PPRRVU-shaped sample: the two heading rows and a few rows (descriptors left out). */
const SAMPLE = [
  ',,2025 National Physician Fee Schedule Relative Value File July Release,,,,',
  ',,,STATUS,MEDICARE ,WORK,NON-FAC,NA,FACILITY,NA,MP,NON-FACILITY,FACILITY,PCTC,GLOB,PRE,INTRA,POST,MULT,BILAT,ASST',
  'HCPCS,MOD,DESCRIPTION,CODE,PAYMENT,RVU,PE RVU,INDICATOR,PE RVU,INDICATOR,RVU,TOTAL,TOTAL,IND,DAYS,OP,OP,OP,PROC,SURG,SURG',
  '20610,,,A,,0.79,1.04,,0.44,,0.13,1.96,1.36,0,000,0.00,0.00,0.00,2,1,1',
  '27447,,"x, y",A,,19.60,15.30,NA,15.30,,3.98,38.88,38.88,0,090,0.10,0.69,0.21,2,1,2',
  '76519,26,,A,,0,0,,0,,0,0,0,0,XXX,0,0,0,0,2,0',
  '76519,,,A,,0,0,,0,,0,0,0,0,XXX,0,0,0,0,3,0',
].join('\r');
const META = {
  publisher: 'CMS',
  file: 'sample.csv',
  release: 'sample',
  effectiveFrom: '2025-07-01',
  effectiveTo: '2025-09-30',
  sha256: '0'.repeat(64),
  retrievedFrom: 'test',
};

describe('physician fee schedule indicators', () => {
  it('reads global days and the bilateral indicator by column heading, preferring the row without a modifier', () => {
    const t = indicatorsFromRvuCsv(SAMPLE, META, 'about');
    expect(t.groups).toEqual({ '000|1': '20610', '090|1': '27447', 'XXX|3': '76519' });
    expect(t.source.rows).toBe(4);
    expect(t.source.codes).toBe(3);
  });

  it('refuses a file without the columns, naming the file', () => {
    expect(() => indicatorsFromRvuCsv('HCPCS,MOD\n20610,', META, 'a')).toThrow(/sample.csv/);
  });

  it('the committed table passes its strict schema and answers the manual’s examples', () => {
    const t = FeeScheduleSchema.parse(scheduleData);
    expect(t.source.codes).toBeGreaterThan(15_000);
    expect(feeScheduleOf('20610')).toMatchObject({ globalPeriod: '000', bilateral: 1 });
    expect(feeScheduleOf('12002')).toMatchObject({ globalPeriod: '000' });
    expect(feeScheduleOf('27447')).toMatchObject({ globalPeriod: '090' });
    expect(feeScheduleOf('99213')).toMatchObject({ globalPeriod: 'XXX' });
    expect(surgeryKind('010')).toBe('minor');
    expect(surgeryKind('090')).toBe('major');
    expect(surgeryKind('XXX')).toBeUndefined();
    // no descriptor text is kept
    expect(JSON.stringify(t)).not.toMatch(/knee|arthroplasty|injection/i);
  });

  it.skipIf(!rvuFile || !existsSync(rvuFile))('the committed table is what the CMS file gives', () => {
    const bytes = readFileSync(rvuFile!);
    const built = indicatorsFromRvuCsv(
      bytes.toString('latin1'),
      {
        publisher: 'CMS, National Physician Fee Schedule Relative Value File',
        file: path.basename(rvuFile!),
        release: 'RVU25C (CY2025 July release, released 2025-06-05)',
        effectiveFrom: '2025-07-01',
        effectiveTo: '2025-09-30',
        sha256: createHash('sha256').update(bytes).digest('hex'),
        retrievedFrom:
          'cms.gov RVU25C zip (PPRRVU2025_Jul.csv), copy in github.com/JQ-dev/Medicare-Repricer data/ruv25c at commit 64b419257149049501fa4a24cbca629f068413e3',
      },
      ABOUT,
    );
    if (process.env.CHARTCODER_WRITE_FEE_SCHEDULE) writeFileSync(target, `${JSON.stringify(built, null, 1)}\n`);
    expect(JSON.parse(readFileSync(target, 'utf8'))).toEqual(built);
  });
});
