import { CodesetError } from './errors';
import type { SourceKind } from './detect';

export type CodeSystem = 'ICD-10-CM' | 'HCPCS' | 'NCCI-PTP' | 'NCCI-MUE' | 'NCCI-AOC' | 'CMS-HCC';

export interface ReleaseInfo {
  system: CodeSystem;
  /** Human label, e.g. "FY2026", "2026 January", "2024 Q3 (eff. 2024-07-01)". */
  release: string;
  effectiveFrom: string;
  effectiveTo: string;
  /** How the release was told: which part of the name or content said so. */
  basis: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function quarterOf(y: number, month: number): { from: string; to: string; q: number } {
  const q = Math.floor((month - 1) / 3) + 1;
  const startMonth = (q - 1) * 3 + 1;
  const end = new Date(Date.UTC(y, startMonth + 2, 0));
  return { from: iso(y, startMonth, 1), to: end.toISOString().slice(0, 10), q };
}

export function systemOf(kind: SourceKind): CodeSystem {
  if (kind.startsWith('icd10cm')) return 'ICD-10-CM';
  if (kind.startsWith('hcpcs')) return 'HCPCS';
  if (kind === 'ncci-ptp') return 'NCCI-PTP';
  if (kind === 'ncci-mue') return 'NCCI-MUE';
  if (kind === 'cms-hcc') return 'CMS-HCC';
  return 'NCCI-AOC';
}

/**
 * Tells the release and its effective dates from the names CMS/CDC give their files.
 * ICD-10-CM: fiscal year YYYY runs (YYYY-1)-10-01 to YYYY-09-30; an "April 1" update runs
 * from YYYY-04-01. HCPCS and NCCI are quarterly.
 */
export function inferRelease(kind: SourceKind, path: string, contentVersion?: string): ReleaseInfo {
  const name = path.toLowerCase();
  const system = systemOf(kind);
  if (system === 'ICD-10-CM') {
    const y = Number(/(?:^|[^0-9])(20\d\d)(?:[^0-9]|$)/.exec(name)?.[1] ?? contentVersion);
    if (!Number.isInteger(y) || y < 2000)
      throw new CodesetError(path, 'cannot tell the ICD-10-CM fiscal year (the name or <version> should say it)');
    if (/april|apr[-_ ]?1|[-_]apr[-_.]/.test(name)) {
      return {
        system,
        release: `FY${y} April update`,
        effectiveFrom: iso(y, 4, 1),
        effectiveTo: iso(y, 9, 30),
        basis: 'file name (April 1 update)',
      };
    }
    return {
      system,
      release: `FY${y}`,
      effectiveFrom: iso(y - 1, 10, 1),
      effectiveTo: iso(y, 9, 30),
      basis: 'fiscal year in the file name or <version>',
    };
  }
  if (system === 'CMS-HCC') {
    // "2026 Initial ICD-10-CM Mappings": the payment year, and which of CMS's yearly versions it is.
    const m = /(20\d\d)[-_ ]*(initial|midyear[-_ ]?final|midyear|final)?/.exec(name);
    if (!m)
      throw new CodesetError(
        path,
        'cannot tell the payment year of the CMS-HCC mappings (expected e.g. "2026 Initial ICD-10-CM Mappings")',
      );
    const y = Number(m[1]);
    const version = m[2] ? ` ${m[2].replace(/[-_]/g, ' ')}` : '';
    return {
      system,
      release: `PY${y}${version}`,
      effectiveFrom: iso(y, 1, 1),
      effectiveTo: iso(y, 12, 31),
      basis: 'payment year in the file name',
    };
  }
  if (system === 'HCPCS') {
    const m = /(20\d\d)[-_ ]?(?:q\d[-_ ]?)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/.exec(
      `${contentVersion ?? ''} ${name}`.toLowerCase(),
    );
    if (!m) throw new CodesetError(path, 'cannot tell the HCPCS quarter (expected e.g. HCPC2026_JAN_ANWEB)');
    const y = Number(m[1]);
    const month = MONTHS.indexOf(m[2] as string) + 1;
    const q = quarterOf(y, month);
    return {
      system,
      release: `${y} ${m[2]!.toUpperCase()} (Q${q.q})`,
      effectiveFrom: q.from,
      effectiveTo: q.to,
      basis: 'quarter in the file name or version',
    };
  }
  // NCCI: "eff_2024-07-01", "Eff_07-01-2024", "v302" (version 30.2 = 2024 Q3), "2024q3", "asof_2024-06-03".
  let from: string | undefined;
  let basis = '';
  let m = /eff[_ -]?(20\d\d)-(\d\d)-(\d\d)/.exec(name);
  if (m) {
    from = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    basis = 'effective date in the file name';
  } else if ((m = /eff[_ -]?(\d\d)-(\d\d)-(20\d\d)/.exec(name))) {
    from = iso(Number(m[3]), Number(m[1]), Number(m[2]));
    basis = 'effective date in the file name';
  } else if ((m = /(20\d\d)[-_ ]?q([1-4])/.exec(name))) {
    from = iso(Number(m[1]), (Number(m[2]) - 1) * 3 + 1, 1);
    basis = 'quarter in the file name';
  } else if ((m = /v(\d\d)(\d)r\d/.exec(name))) {
    // NCCI version numbering: major = year - 1994, minor = quarter - 1 (30.2 = 2024 Q3).
    from = iso(1994 + Number(m[1]), Number(m[2]) * 3 + 1, 1);
    basis = 'NCCI version in the file name';
  } else if ((m = /as[-_ ]?of[_ -]?(20\d\d)-(\d\d)-(\d\d)/.exec(name))) {
    from = quarterOf(Number(m[1]), Number(m[2])).from;
    basis = 'the quarter containing the "as of" date in the file name';
  }
  if (!from)
    throw new CodesetError(
      path,
      'cannot tell the NCCI quarter (expected e.g. Eff_07-01-2024, 2024Q3 or v302r0 in the name)',
    );
  const y = Number(from.slice(0, 4));
  const q = quarterOf(y, Number(from.slice(5, 7)));
  return { system, release: `${y} Q${q.q}`, effectiveFrom: from, effectiveTo: q.to, basis };
}

/** True when an ISO date of service falls inside the release's effective dates. */
export function coversDate(r: { effectiveFrom: string; effectiveTo: string }, dos: string): boolean {
  return dos >= r.effectiveFrom && dos <= r.effectiveTo;
}

const QUARTER_MONTH = ['JAN', 'APR', 'JUL', 'OCT'];

/**
 * The release label in force on a date by the calendar alone (what should be loaded), in the
 * labels `inferRelease` gives: ICD-10-CM "FY2027" from October 1, 2026; HCPCS "2026 OCT (Q4)";
 * NCCI "2026 Q4".
 */
export function releaseLabelOn(system: CodeSystem, dos: string): string {
  const y = Number(dos.slice(0, 4));
  const month = Number(dos.slice(5, 7));
  const q = Math.floor((month - 1) / 3) + 1;
  if (system === 'ICD-10-CM') return `FY${month >= 10 ? y + 1 : y}`;
  if (system === 'HCPCS') return `${y} ${QUARTER_MONTH[q - 1]} (Q${q})`;
  if (system === 'CMS-HCC') return `PY${y}`;
  return `${y} Q${q}`;
}
