/**
 * Who and when, read from the words of a chart's banner: patient name, date of birth, record or
 * member number, encounter date (the date of service) and encounter number. EHR banners label
 * these ("DOB: 1980-01-02", "MRN 00412", "Open Encounter: 2026-03-04 (5)", "03/04/2026 Encounter for …",
 * "Date of service: Mar 4, 2026"); an unlabelled value is never guessed. Dates are returned as
 * ISO YYYY-MM-DD (numeric dates are read month first, as US EHRs print them, unless the first
 * number cannot be a month).
 */

export interface ChartFacts {
  name?: string;
  dob?: string;
  memberId?: string;
  encounterDate?: string;
  encounterId?: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
/** A date as banners print it (one capture group). */
const DATE = `(\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}/\\d{1,2}/\\d{2,4}|\\d{1,2}-\\d{1,2}-\\d{4}|\\d{1,2}\\.\\d{1,2}\\.\\d{4}|${MONTH} \\d{1,2},? \\d{4}|\\d{1,2} ${MONTH},? \\d{4})`;

function iso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2199) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A printed date as ISO YYYY-MM-DD; undefined when it is not a real calendar date. */
export function parseChartDate(raw: string): string | undefined {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$/.exec(s);
  if (m) {
    let [a, b, y] = [+m[1]!, +m[2]!, +m[3]!];
    if (m[3]!.length === 2) y += y > 50 ? 1900 : 2000;
    if (a > 12 && b <= 12) [a, b] = [b, a];
    // Dotted dates (12.03.2026) are day first where they are printed.
    if (s.includes('.') && b <= 12) [a, b] = [b, a];
    return iso(y, a, b);
  }
  m = /^([A-Za-z]+)\.? (\d{1,2}),? (\d{4})$/.exec(s);
  if (m) return iso(+m[3]!, MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1, +m[2]!);
  m = /^(\d{1,2}) ([A-Za-z]+)\.?,? (\d{4})$/.exec(s);
  if (m) return iso(+m[3]!, MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1, +m[1]!);
  return undefined;
}

const SEP = '\\s*[:#-]?\\s*';
/** Labels that follow a name in a banner line: never part of it. */
const NOT_NAME = '(?!(?:DOB|D\\.O\\.B|Age|Sex|Gender|MRN|PID|ID|Born|Date|Encounter|Visit|Room|Bed)\\b)';
/** "RIVERA, ALEX J." or "Alex Rivera" (then each word has a lower-case letter, so labels are not swallowed). */
const NAME = `[A-Z][A-Za-z'’-]+,[ \\t]*${NOT_NAME}[A-Z][A-Za-z'’-]+(?:[ \\t]+${NOT_NAME}[A-Z](?:\\.|\\b(?![A-Za-z])))?|[A-Z][a-z'’.-][A-Za-z'’.-]*(?:[ \\t]+${NOT_NAME}[A-Z][a-z'’.-][A-Za-z'’.-]*){1,2}`;
const RULES: { key: keyof ChartFacts; re: RegExp; date?: boolean }[] = [
  {
    key: 'dob',
    re: new RegExp(`(?:\\bDOB|\\bD\\.O\\.B\\.?|Date of birth|Birth ?date|\\bBorn)${SEP}${DATE}`, 'i'),
    date: true,
  },
  {
    key: 'encounterDate',
    re: new RegExp(
      `(?:Date of service|\\bDOS\\b|Service date|Encounter date|Visit date|Date of visit|Open encounter|\\bEncounter(?! (?:for|ID|No|#|number)\\b))${SEP}${DATE}`,
      'i',
    ),
    date: true,
  },
  // "03/04/2026 Encounter for Alex Rivera" (an encounter page's title); not "2026-02-11 Office visit" in a list of past visits.
  { key: 'encounterDate', re: new RegExp(`${DATE}\\s+Encounter\\s+for\\b`, 'i'), date: true },
  { key: 'encounterId', re: /\bEncounter\s*(?:#|No\.?|ID|number)\s*[:#]?\s*([A-Z0-9][A-Z0-9-]{0,19})\b/i },
  { key: 'encounterId', re: new RegExp(`Open encounter${SEP}${DATE.replace('(', '(?:')}\\s*\\((\\d{1,12})\\)`, 'i') },
  {
    key: 'memberId',
    re: /(?:\bMRN|Medical record (?:number|no\.?|#)|Chart (?:number|no\.?|#)|Patient ID|\bPID|Member ID|Subscriber ID)\s*[:#-]?\s*([A-Z0-9][A-Z0-9-]{2,19})\b/i,
  },
  { key: 'name', re: new RegExp(`(?:Patient name|\\bPatient|\\bName)\\s*:\\s*(${NAME})`) },
];

/** Facts found in a banner's text (the first labelled value of each kind wins). */
export function chartFactsFromText(text: string): ChartFacts {
  const facts: ChartFacts = {};
  for (const rule of RULES) {
    if (facts[rule.key]) continue;
    const m = rule.re.exec(text);
    const value = m?.[1]?.trim();
    if (!value) continue;
    if (rule.date) {
      const d = parseChartDate(value);
      if (d) facts[rule.key] = d;
    } else if (rule.key !== 'memberId' || /\d/.test(value)) facts[rule.key] = value;
  }
  return facts;
}

/** `a` with the facts it lacks taken from `b`. */
export function mergeFacts(a: ChartFacts, b: ChartFacts): ChartFacts {
  const out: ChartFacts = { ...a };
  for (const [k, v] of Object.entries(b) as [keyof ChartFacts, string][]) if (v && !out[k]) out[k] = v;
  return out;
}

const ANY_DATE = new RegExp(DATE);

/** The first printed date in a text, as ISO (for a banner element that holds one date among other words). */
export function firstDateIn(text: string): string | undefined {
  const m = ANY_DATE.exec(text);
  return m ? parseChartDate(m[1]!) : undefined;
}
