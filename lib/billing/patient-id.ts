import type { Finding } from '../checks/schema';

/**
 * Patient identification before hand-off: the chart header (what the coder saw) against the
 * billing form (where the charge lands). A claim on the wrong member is a denial at best and a
 * privacy incident at worst, so differences are errors and near-misses are named for what they
 * look like (misspelling, transposed digits, impossible date).
 */
export interface PatientIds {
  name?: string;
  dob?: string;
  memberId?: string;
}

const SOURCE = 'Patient identification (ChartCoder check): chart header vs. billing form before submission';

function finding(rule: string, severity: Finding['severity'], message: string, action: string): Finding {
  return {
    rule,
    kind: 'validity',
    severity,
    message,
    rationale: 'The claim must name the patient whose chart was coded.',
    source: SOURCE,
    codes: [],
    evidence: [],
    action,
  };
}

/** Damerau-Levenshtein (optimal string alignment) distance: a swap of neighbours counts as one edit. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** "Smith, John A." / "john smith" -> "john smith" (order, case, punctuation and initials ignored). */
export function normalizeName(n: string): string {
  const parts = n.includes(',') ? [n.split(',').slice(1).join(' '), n.split(',')[0]!] : [n];
  return parts
    .join(' ')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z\s-]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 1)
    .sort()
    .join(' ');
}

/** Accepts YYYY-MM-DD and MM/DD/YYYY; returns ISO or a reason it is impossible. */
export function parseDob(v: string, today: string): { iso?: string; problem?: string } {
  const t = v.trim();
  let y: number, m: number, d: number;
  let r = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (r) [y, m, d] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else if ((r = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t))) [m, d, y] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else return { problem: `"${v}" is not a date (YYYY-MM-DD or MM/DD/YYYY)` };
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return { problem: `${v} does not exist on the calendar` };
  const iso = date.toISOString().slice(0, 10);
  if (iso > today) return { problem: `${v} is in the future` };
  if (Number(today.slice(0, 4)) - y > 130) return { problem: `${v} would make the patient older than 130` };
  return { iso };
}

function transposed(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((c, i) => (c !== b[i] ? [i] : []));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

export function checkPatientIds(chart: PatientIds, form: PatientIds, today: string): Finding[] {
  const out: Finding[] = [];
  if (chart.name && form.name) {
    const a = normalizeName(chart.name);
    const b = normalizeName(form.name);
    if (a !== b) {
      const dist = editDistance(a, b);
      if (dist <= 2)
        out.push(
          finding(
            'patient-name-misspelled',
            'error',
            `Patient name differs slightly: chart "${chart.name}", billing form "${form.name}" — likely a misspelling.`,
            'Correct the name on the billing form to match the chart (or the payer card).',
          ),
        );
      else
        out.push(
          finding(
            'patient-name-mismatch',
            'error',
            `Patient name does not match: chart "${chart.name}", billing form "${form.name}".`,
            'Stop: make sure the billing form is open for the patient of this chart.',
          ),
        );
    }
  }
  for (const [where, v] of [
    ['chart', chart.dob],
    ['billing form', form.dob],
  ] as const) {
    if (!v) continue;
    const p = parseDob(v, today);
    if (p.problem)
      out.push(
        finding(
          'patient-dob-impossible',
          'error',
          `Date of birth on the ${where}: ${p.problem}.`,
          'Correct the date of birth.',
        ),
      );
  }
  if (chart.dob && form.dob) {
    const a = parseDob(chart.dob, today).iso;
    const b = parseDob(form.dob, today).iso;
    if (a && b && a !== b) {
      const swapped =
        a.slice(0, 4) === b.slice(0, 4) && a.slice(5, 7) === b.slice(8, 10) && a.slice(8, 10) === b.slice(5, 7);
      out.push(
        finding(
          'patient-dob-mismatch',
          'error',
          `Date of birth differs: chart ${a}, billing form ${b}${swapped ? ' (month and day swapped)' : transposed(a, b) ? ' (two digits transposed)' : ''}.`,
          'Correct the date of birth on the billing form.',
        ),
      );
    }
  }
  if (chart.memberId && form.memberId) {
    const a = chart.memberId.replace(/[\s-]/g, '').toUpperCase();
    const b = form.memberId.replace(/[\s-]/g, '').toUpperCase();
    if (a !== b) {
      const how = transposed(a, b)
        ? ' (two neighbouring characters transposed)'
        : editDistance(a, b) === 1
          ? ' (one character differs)'
          : '';
      out.push(
        finding(
          'patient-member-id-mismatch',
          'error',
          `Member id differs: chart ${chart.memberId}, billing form ${form.memberId}${how}.`,
          'Correct the member id from the payer card before submitting.',
        ),
      );
    }
  }
  for (const k of ['name', 'dob', 'memberId'] as const) {
    if (chart[k] && !form[k])
      out.push(
        finding(
          'patient-field-missing',
          'warning',
          `The billing form has no ${k === 'dob' ? 'date of birth' : k === 'memberId' ? 'member id' : 'patient name'}.`,
          'Fill it before submitting.',
        ),
      );
  }
  return out;
}
