import { z } from 'zod';
import scheduleData from './data/physician-fee-schedule.json';

/**
 * Two policy indicators of the Medicare Physician Fee Schedule, per CPT/HCPCS number: the global
 * surgery period and the bilateral surgery indicator. Built from the CMS National Physician Fee
 * Schedule Relative Value File (PPRRVU) by `indicatorsFromRvuCsv` — code numbers and indicators
 * only (the file's CPT descriptors are AMA material and are not kept). The NCCI Policy Manual,
 * Chapter I §D (global surgery: 000/010 minor, 090 major) and §V (bilateral indicators 0–3 and
 * how each is reported) say what the values mean.
 */
const GLOBAL_PERIODS = ['000', '010', '090', 'MMM', 'XXX', 'YYY', 'ZZZ'] as const;
export type GlobalPeriod = (typeof GLOBAL_PERIODS)[number];
export type BilateralIndicator = 0 | 1 | 2 | 3 | 9;

const CODE_LIST = /^[0-9A-Z]{5}( [0-9A-Z]{5})*$/;

export const FeeScheduleSchema = z.strictObject({
  about: z.string().min(1),
  source: z.strictObject({
    publisher: z.string(),
    file: z.string(),
    release: z.string(),
    effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    effectiveTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    retrievedFrom: z.string(),
    rows: z.number().int().positive(),
    codes: z.number().int().positive(),
  }),
  /** "<global period>|<bilateral indicator>" -> the codes with that pair, space separated, sorted. */
  groups: z.record(z.string().regex(/^(000|010|090|MMM|XXX|YYY|ZZZ)\|[01239]$/), z.string().regex(CODE_LIST)),
});
export type FeeScheduleData = z.infer<typeof FeeScheduleSchema>;

export interface FeeScheduleIndicators {
  code: string;
  globalPeriod: GlobalPeriod;
  bilateral: BilateralIndicator;
}

const DATA = FeeScheduleSchema.parse(scheduleData);
let index: Map<string, FeeScheduleIndicators> | undefined;

/** The fee schedule's global period and bilateral indicator of a CPT/HCPCS code (undefined when not listed). */
export function feeScheduleOf(code: string): FeeScheduleIndicators | undefined {
  if (!index) {
    index = new Map();
    for (const [key, codes] of Object.entries(DATA.groups)) {
      const [globalPeriod, bilateral] = key.split('|') as [GlobalPeriod, string];
      for (const c of codes.split(' '))
        index.set(c, { code: c, globalPeriod, bilateral: Number(bilateral) as BilateralIndicator });
    }
  }
  return index.get(code.toUpperCase());
}

/** Where the indicators come from, for a finding's source line. */
export function feeScheduleRelease(): string {
  return `CMS Physician Fee Schedule relative value file ${DATA.source.release}`;
}

/** 000 and 010 days: minor procedure; 090: major surgery (NCCI Policy Manual Chapter I §D). */
export function surgeryKind(period: GlobalPeriod): 'minor' | 'major' | undefined {
  return period === '000' || period === '010' ? 'minor' : period === '090' ? 'major' : undefined;
}

/**
 * The indicator table from the text of a PPRRVU CSV (as CMS publishes it in the RVU zip): the
 * header row starts with HCPCS; the columns are found by their headings (GLOB DAYS, BILAT SURG),
 * so a release that adds a column still reads. One row per code: the row without a modifier
 * (26/TC/53 rows carry the same policy indicators).
 */
export function indicatorsFromRvuCsv(
  text: string,
  source: Omit<FeeScheduleData['source'], 'rows' | 'codes'>,
  about: string,
): FeeScheduleData {
  const lines = text.split(/\r\n|\r|\n/).map(splitCsvLine);
  const head = lines.findIndex((r) => r[0]?.trim() === 'HCPCS');
  if (head < 1) throw new Error(`${source.file}: no header row starting with HCPCS`);
  const column = (top: string, bottom: string) => {
    const i = lines[head]!.findIndex((cell, k) => cell.trim() === bottom && lines[head - 1]![k]?.trim() === top);
    if (i < 0) throw new Error(`${source.file}: no "${top} ${bottom}" column`);
    return i;
  };
  const glob = column('GLOB', 'DAYS');
  const bilat = column('BILAT', 'SURG');
  const byCode = new Map<string, { period: string; bilateral: string; modifier: string }>();
  let rows = 0;
  lines.slice(head + 1).forEach((r, k) => {
    const code = r[0]?.trim().toUpperCase() ?? '';
    if (!code) return;
    rows++;
    const line = head + 2 + k;
    const period = r[glob]?.trim() ?? '';
    const bilateral = r[bilat]?.trim() ?? '';
    if (!/^[0-9A-Z]{5}$/.test(code))
      throw new Error(`${source.file} line ${line}: code "${code}" is not a CPT/HCPCS number`);
    if (!(GLOBAL_PERIODS as readonly string[]).includes(period))
      throw new Error(`${source.file} line ${line}: global period "${period}"`);
    if (!/^[01239]$/.test(bilateral))
      throw new Error(`${source.file} line ${line}: bilateral indicator "${bilateral}"`);
    const modifier = r[1]?.trim() ?? '';
    const seen = byCode.get(code);
    if (!seen || (seen.modifier !== '' && modifier === '')) byCode.set(code, { period, bilateral, modifier });
  });
  const groups: Record<string, string[]> = {};
  for (const [code, v] of byCode) (groups[`${v.period}|${v.bilateral}`] ??= []).push(code);
  const sorted = Object.fromEntries(
    Object.entries(groups)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, codes]) => [k, codes.sort().join(' ')]),
  );
  return FeeScheduleSchema.parse({ about, source: { ...source, rows, codes: byCode.size }, groups: sorted });
}

/** One CSV line (double-quoted fields may hold commas; no field spans lines in the CMS file). */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cell);
      cell = '';
    } else cell += ch;
  }
  out.push(cell);
  return out;
}
